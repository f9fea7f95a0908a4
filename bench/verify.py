"""Verified sync figures (issue 9): the time and the bytes to verify a laptop's whole scope when it
agrees with the district, and to find and put right 10 rows that differ (target: under 5 KB on
the wire), and 100.

Set up as tests/sync/test_verify.py does: a district server (SQLite) builds the demo school itself
and publishes it into its change log (``plclassroom.server.cli.publish``); an empty laptop is
enrolled as a district admin (``tests.sync.conftest.enrol_directly``: the scope is every row the
district gives a laptop) and syncs once (its first sync: the snapshot). Then:

- ``verify_agree_*``: one verification of a scope that agrees, on its own: the client's
  ``_verify`` on a fresh SyncReport (no push, no pull around it). The district hashes the scope
  for it (its digests are then kept per scope and change-log sequence);
  ``verify_agree_again_seconds``: the same once more, the district's digests from its cache (the
  laptop hashes its own rows once a verification, each time);
- ``verify_repair_10_*``, then ``verify_repair_100_*``: that many evidence rows, scattered over the
  table's ids, changed in the laptop's SQLite file under the app (as the test does), then the same
  verification, which must find and repair exactly those (the district's digests still cached:
  nothing was pushed).

How a verification goes (``sync.client._verify``): the laptop sends its count and 8-byte digest
for each table; the district answers for the tables that differ with its own figures and its 16
children's (one more hex digit of a hash of the row ids; 4-byte digests). Then one request: each
table that differs goes as a sketch of its rows (an invertible Bloom lookup table,
``sync.reconcile``: 64 cells of 17 bytes, 1,088 bytes, room for ~20 entries, a changed row being
two), whatever the table's size, or, for a small table, as its rows' 4-byte digests in the children
that differ; the district subtracts its own sketch, peels out the entries that differ, and sends
back its rows among them, and whether each sketch came out. No last round trip to check: when
nothing was pushed in between, the first answer's figures for the tables still stand, and the
laptop compares its own with them. A scope that agrees is one request; 10 rows astray are 2, the
same at either size: ~1.1 KB for the tables, ~1.1 KB of sketch, ~1.1 KB for the 10 rows, ~360 bytes
of HTTP headers a round trip. 100 rows (200 entries) do not come out of the first sketch; the
district's estimate of the difference sizes a second one (512 cells, 8.7 KB) where that costs less
than descending the buckets, a level a request, to buckets of at most 64 rows and their rows'
digests (``_descent_bytes``): in the full school's evidence (~230,000 rows, 3 levels, then ~56
rows a bucket), not in the quick one's (2,523 rows, one level, then ~10).

Before sketches, 10 rows astray went by the buckets alone: 3 requests, 4,641 bytes (quick) and 5
requests, 8,485 bytes (full). Measured the same way with this bench's setup, the buckets alone
against sketches (and the second sketch, where chosen), at full size: 30 rows astray, 17.7 KB in
5 requests against 9.0 KB in 3; 100, 45.5 KB against 21.9 KB; 300, 114 KB against 66 KB.

Quick: the default demo school (180 students, 5,324 rows in scope). Full: FULL_STUDENTS students
(~504,000 rows in scope, the issue's 500,000), which keeps this run to about 5 minutes on a
quiet 2-core machine, nearly all of it setup: building, publishing (``district_sync``'s merge, ~0.35 ms
a row) and the first sync take ~0.55 ms a row together. Verification hashes each row once on
either side (the district reads and hashes ~25 µs a row, the laptop ~13); a sketch costs ~3 µs
a row of its table on either side (the district keeps its sketches per scope, sequence and size).
``verify_scope_rows`` says how many rows were verified. Last full run (a shared 2-core machine,
load ~3.5, so its seconds are high: setup took 616 s): agree 25.5 s, 1,128 bytes, 1 request;
again 16.4 s; repair 10 rows 24.5 s, 4,164 bytes, 2 requests; 100 rows 28.7 s, 21,950 bytes, 3
requests. Quick: repair 10 rows 3,853 bytes, 2 requests; 100 rows 14,790 bytes, 4 requests (the
buckets: one level, then the rows).

Each repair asserts that exactly its rows were found and put right; the figures before it
(setup, agreement) are printed first, so they stand even when it fails. The give-up rule
(VERIFY_ROWS) is on rows found astray (count differences, what the sketches find, one per
differing bucket), not on the size of the tables or buckets that differ, so 10 rows astray in a
230,000-row table are repaired.

Bytes: the client's own accounting (``SyncReport.bytes_sent`` + ``bytes_received`` over the
verification), which counts each message as HTTP/1.1 would carry it (``sync.client._wire_size``):
start line, headers, and the compressed (zstd) body. The district is the test suite's in-process
transport (``tests.sync.test_merge.direct``, an httpx.MockTransport: no socket, no HTTP server).
A MockTransport response built from bytes is read before the client sees it, so httpx reports 0
bytes downloaded and the client counts none of the response bodies (the rows a repair fetches,
the buckets' digests): ``_counted`` hands the client each response unread, so its bodies are
counted as on a real link. The figures include HTTP headers: those httpx sends, and on
responses only Content-Encoding and Content-Length (the real server adds Content-Type and Vary,
and uvicorn Date and Server: ~100 bytes a response), so they are slightly under a real link's.

Setup (context only, ``verify_setup_*``): building the demo school on the district and
publishing it into the change log, then the laptop's first sync. (Publishing used to be quadratic
in the conference notes, through the search index's triggers, and this bench dropped them for it;
since migration 0010 they find their entry by key, and publishing keeps them.)

    .venv/bin/python bench/verify.py [--quick] [--students N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench  # noqa: E402

QUICK_STUDENTS = 180  # the default demo school
FULL_STUDENTS = 17_000  # ~504,000 rows in scope
CHANGED_ROWS = (10, 100)  # the 10; 100, more than the first sketch has room for


def _counted(transport):
    """``transport`` with each response handed on unread (its body, as sent, still to stream), so
    httpx counts the body's bytes as downloaded and the client's byte figures include it."""
    import httpx

    def handle(request: httpx.Request) -> httpx.Response:
        response = transport.handle_request(request)
        body = b"".join(response.stream)  # as the district sent it: compressed
        return httpx.Response(response.status_code, headers=response.headers, stream=httpx.ByteStream(body))

    return httpx.MockTransport(handle)


def _district(path: Path, students: int):
    """The district server's store holding the demo school, published into its change log."""
    from plclassroom.server.cli import publish
    from plclassroom.services.demo import build_demo_school
    from plclassroom.store.database import Store

    server = Store.open(path)
    with server.unit_of_work() as uow:  # recording changes, as the test's district does: publish sends them
        build_demo_school(uow, students=students)
        uow.commit()
    with contextlib.redirect_stdout(io.StringIO()):
        publish(server)  # it prints how many changes are ready
    return server


def _scope_rows(laptop) -> int:
    """Rows in the laptop's synced tables: once verified, the same rows as the district's scope."""
    from plclassroom.sync.rows import synced_tables

    with laptop.engine.connect() as conn:
        return sum(conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar() for name in synced_tables())


def _verification(client):
    """One verification on its own, on a fresh report: (report, seconds)."""
    from plclassroom.sync.report import SyncReport

    report = SyncReport()
    started = time.perf_counter()
    client._verify(report, lambda *args: None)
    return report, time.perf_counter() - started


def run(quick: bool, students: int | None = None) -> None:
    from tests.sync.conftest import enrol_directly
    from tests.sync.test_merge import direct

    from plclassroom.store.database import Store
    from plclassroom.sync.client import SyncClient

    students = students or (QUICK_STUDENTS if quick else FULL_STUDENTS)
    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-verify-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        server = _district(work / "district.sqlite", students)
        built_s = time.perf_counter() - started
        laptop = Store.open(work / "laptop.sqlite")
        client = None
        try:
            enrol_directly(server, laptop)
            client = SyncClient(laptop, "http://district", "t", transport=_counted(direct(server, laptop.device_id)))
            started = time.perf_counter()
            first = client.sync()  # verify="never": the verifications below are measured on their own
            first_s = time.perf_counter() - started
            assert first.snapshot_rows > 0, first
            bench("verify_setup_seconds", built_s + first_s, "s")
            bench("verify_setup_build_publish_seconds", built_s, "s")
            bench("verify_setup_first_sync_seconds", first_s, "s")

            agree, agree_s = _verification(client)
            assert agree.verified and agree.repaired == 0, agree
            bench("verify_scope_rows", _scope_rows(laptop), "rows")
            bench("verify_agree_seconds", agree_s, "s")
            bench("verify_agree_bytes", agree.bytes_sent + agree.bytes_received, "bytes")
            bench("verify_agree_requests", agree.requests, "requests")
            again, again_s = _verification(client)  # the district's digests of this scope now cached
            assert again.verified and again.repaired == 0, again
            bench("verify_agree_again_seconds", again_s, "s")

            for changed in CHANGED_ROWS:
                # What no sync would notice: rows changed under the app, scattered over the ids.
                with laptop.engine.begin() as conn:
                    every = [row[0] for row in conn.exec_driver_sql("SELECT id FROM evidence ORDER BY id")]
                    ids = every[:: len(every) // changed][:changed]
                    conn.exec_driver_sql(f"UPDATE evidence SET score = score + 0.5 WHERE id IN "
                                         f"({','.join('?' * changed)})", tuple(ids))
                repair, repair_s = _verification(client)
                assert repair.verified and repair.repaired == changed, (
                    f"{changed} rows changed among {len(every)} evidence rows not found and repaired "
                    f"({repair_s:.1f} s): {repair}")
                bench(f"verify_repair_{changed}_seconds", repair_s, "s")
                bench(f"verify_repair_{changed}_bytes", repair.bytes_sent + repair.bytes_received, "bytes")
                bench(f"verify_repair_{changed}_requests", repair.requests, "requests")
        finally:
            if client is not None:
                client.close()
            laptop.close()
            server.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the default demo school (180 students)")
    parser.add_argument("--students", type=int, help="a school of this many students instead")
    args = parser.parse_args()
    run(args.quick, args.students)
