"""First-sync snapshot figures (issue 9): a new laptop joining a 180-student school, over real HTTP
(uvicorn on loopback) with the district server on SQLite.

Set up as bench/verify.py does: the district server builds the demo school itself and publishes it
into its change log (``verify._district``); each laptop is a new, empty SQLite file, enrolled with a
real token (``bundles._enrolled``) as a district admin, so its scope is the whole school. Figures,
each named ``snapshot_<N>_students_*``:

- ``rows``, ``bytes``: the snapshot file (its SnapshotInfo: rows in it, compressed size);
- ``build_seconds``: the first GET /v1/snapshot on loopback, no throttle: the server reads the
  scope and writes the file. The file is then deleted, so the first sync below builds it again;
- through the throttling proxy (bench/throttle.py: 256 kbit/s each way, 600 ms round trips), a new
  laptop's whole first sync (``SyncClient.sync``: snapshot info, chunks, check and apply, then the
  pull from the snapshot's sequence), timed on the laptop by watching its HTTP transport:
  ``first_sync_256kbit_seconds`` (the whole sync, the build included), ``download_256kbit_seconds``
  (start of the first chunk's request to the last chunk's last byte), ``apply_seconds`` (last byte
  to the pull's request: hash check, decompress, decode, apply in one transaction),
  ``first_sync_wire_bytes`` (bytes the proxy carried both ways, HTTP headers included),
  ``download_chunks`` (chunk requests: the server answers at most SNAPSHOT_CHUNK, 1 MiB, a request);
- a cut download: a second new laptop's first sync through the same link loses the link for good
  (that sync) once about half of the snapshot's bytes have reached it (``resume_cut_at_bytes``);
  a second sync then goes on from the ``.part`` file. ``resume_kept_bytes``: what the ``.part``
  file held after the cut; ``resume_downloaded_bytes``: snapshot bytes that reached the laptop
  over both syncs (the cut chunk's part included), and ``resume_download_ratio`` against the
  snapshot's size (1 would be no byte downloaded twice); ``resume_seconds``: the second sync. These are counted on the laptop,
  not at the proxy: the proxy counts bytes as it takes them from the server, which at a cut
  includes bytes queued behind the throttle that never reached the laptop. The laptop writes
  each chunk to its ``.part`` file as the bytes arrive, so the ratio is about 1.0 (it was 1.5 when
  a chunk was written only once whole: a cut inside the first 1 MiB kept nothing).

Quick: the default demo school (180 students), about 30 s. Full: that and a 1,000-student school
(~30,000 rows, a 1.1 MB snapshot), about 2.5 minutes on a 2-core machine.

    .venv/bin/python bench/snapshot.py [--quick] [--students N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402

from bundles import _enrolled  # noqa: E402
from common import bench  # noqa: E402
from sync import LINK_KBIT, ROUND_TRIP_MS  # noqa: E402
from throttle import throttled  # noqa: E402
from verify import _district  # noqa: E402

QUICK_SCHOOLS = (180,)  # the default demo school
FULL_SCHOOLS = (180, 1_000)


class _Watched(httpx.BaseTransport):
    """httpx's own transport (real HTTP), watched from the laptop's side: each request's path, when
    it started and when its body had all arrived, and the snapshot chunk bytes read so far. With
    ``cut_at``, the link drops for good once that many chunk bytes have arrived."""

    def __init__(self, cut_at: int | None = None) -> None:
        self.inner = httpx.HTTPTransport()
        self.cut_at = cut_at
        self.chunk_bytes = 0
        self.dropped = False
        self.requests: list[tuple[str, float, float]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.dropped:
            raise httpx.ConnectError("link dropped", request=request)
        started = time.perf_counter()
        response = self.inner.handle_request(request)
        return httpx.Response(response.status_code, headers=response.headers, extensions=response.extensions,
                              stream=_Body(self, request.url.path, started, response.stream))

    def close(self) -> None:
        self.inner.close()

    def times(self, prefix: str) -> list[tuple[float, float]]:
        return [(started, done) for path, started, done in self.requests if path.startswith(prefix)]


class _Body(httpx.SyncByteStream):
    def __init__(self, link: _Watched, path: str, started: float, inner) -> None:
        self.link, self.path, self.started, self.inner = link, path, started, inner

    def __iter__(self):
        chunk = self.path.startswith("/v1/snapshot/")
        for data in self.inner:
            if chunk:
                self.link.chunk_bytes += len(data)
                if self.link.cut_at is not None and self.link.chunk_bytes >= self.link.cut_at:
                    self.link.dropped = True
                    raise httpx.ReadError("link dropped")
            yield data
        self.link.requests.append((self.path, self.started, time.perf_counter()))

    def close(self) -> None:
        self.inner.close()


def _new_laptop(server, path: Path):
    """An empty laptop enrolled with ``server`` (a district admin): (store, token)."""
    from plclassroom.store.database import Store

    laptop = Store.open(path)
    return laptop, _enrolled(server, laptop)


def school(work: Path, students: int) -> None:
    from tests.server.conftest import serving

    from plclassroom.services import district_snapshot
    from plclassroom.sync.client import SyncClient
    from plclassroom.sync.protocol import SnapshotInfo
    from plclassroom.sync.report import SyncError, SyncReport

    name = f"snapshot_{students}_students"
    work.mkdir()
    server = _district(work / "district.sqlite", students)
    laptops = []
    try:
        with serving(server) as live:
            first, first_token = _new_laptop(server, work / "first.sqlite")
            laptops.append(first)
            # The server builds the file: the first GET /v1/snapshot, on loopback.
            client = SyncClient(first, live.base_url, first_token)
            try:
                started = time.perf_counter()
                info: SnapshotInfo = client._read(client._request("GET", "/v1/snapshot", SyncReport()), SnapshotInfo)
                built_s = time.perf_counter() - started
            finally:
                client.close()
            for built in district_snapshot.folder_for(server).iterdir():
                built.unlink()  # so the first sync below builds it again, as a new school's first laptop does
            bench(f"{name}_rows", info.rows, "rows")
            bench(f"{name}_bytes", info.size, "bytes")
            bench(f"{name}_build_seconds", built_s, "s")

            with throttled(int(live.base_url.rsplit(":", 1)[1]), kbit=LINK_KBIT, rtt_ms=ROUND_TRIP_MS) as link:
                url = f"http://127.0.0.1:{link.port}"
                watched = _Watched()
                report, total_s = _timed_sync(first, url, first_token, watched)
                assert report.snapshot_rows == info.rows, (report, info)
                chunks, [(pull_started, _)] = watched.times("/v1/snapshot/"), watched.times("/v1/pull")
                bench(f"{name}_first_sync_256kbit_seconds", total_s, "s")
                bench(f"{name}_download_256kbit_seconds", chunks[-1][1] - chunks[0][0], "s")
                bench(f"{name}_download_chunks", len(chunks), "requests")
                bench(f"{name}_apply_seconds", pull_started - chunks[-1][1], "s")
                bench(f"{name}_first_sync_wire_bytes", link.up + link.down, "bytes")

                # A second new laptop, same scope (the file is built): the link drops about half-way.
                second, second_token = _new_laptop(server, work / "second.sqlite")
                laptops.append(second)
                cut = _Watched(cut_at=info.size // 2)
                client = SyncClient(second, url, second_token, transport=cut, sleep=lambda _s: None)
                try:
                    client.sync()
                    raise AssertionError("the cut sync finished")
                except SyncError:
                    pass
                finally:
                    client.close()
                [partial] = work.glob("second-snapshot-*.part")
                kept = partial.stat().st_size
                resumed = _Watched()
                report, resume_s = _timed_sync(second, url, second_token, resumed)
                assert report.snapshot_rows == info.rows and not list(work.glob("*.part")), report
                downloaded = cut.chunk_bytes + resumed.chunk_bytes
                bench(f"{name}_resume_cut_at_bytes", cut.chunk_bytes, "bytes")
                bench(f"{name}_resume_kept_bytes", kept, "bytes")
                bench(f"{name}_resume_downloaded_bytes", downloaded, "bytes")
                bench(f"{name}_resume_download_ratio", downloaded / info.size, "x")
                bench(f"{name}_resume_seconds", resume_s, "s")
    finally:
        for opened in (*laptops, server):
            opened.close()


def _timed_sync(laptop, url: str, token: str, transport):
    """One whole sync of ``laptop``: its report and the seconds it took."""
    from plclassroom.sync.client import SyncClient

    client = SyncClient(laptop, url, token, transport=transport)
    try:
        started = time.perf_counter()
        report = client.sync()
        return report, time.perf_counter() - started
    finally:
        client.close()


def run(quick: bool, students: int | None = None) -> None:
    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-snapshot-") as tmp:
        for size in (students,) if students else QUICK_SCHOOLS if quick else FULL_SCHOOLS:
            school(Path(tmp) / str(size), size)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the default demo school (180 students) only")
    parser.add_argument("--students", type=int, help="a school of this many students instead")
    args = parser.parse_args()
    run(args.quick, args.students)
