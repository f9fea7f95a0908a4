"""The district server killed (SIGKILL: no clean-up, no rollback, no answer) in the middle of a
laptop's push, with the real server running as its own process on the demo school's database.

The push is several batches; the server dies at one of three moments of the second batch:

- ``between_batches``: right after it answered the second batch (the laptop acknowledges it;
  the third finds nobody there);
- ``before_commit``: with every write of the second batch made in its transaction and the
  COMMIT not yet done;
- ``after_commit``: with the second batch committed and its answer not yet sent (the laptop
  never hears that it arrived).

The two inside a batch are reached by the real server with one test hook (``PAUSE``, loaded before
``python -m plclassroom.server`` runs) that stops the request at that point and says so; the test
then kills the process from outside. No sleeps race anything: each kill happens at a known step.

Each time the laptop's sync ends with a plain error (no hang, no crash), the server's database
is intact with every batch there whole or not at all, and the laptop still holds every change it
has no acknowledgement for. The server restarted on the same file, the next sync finishes: the
outbox is empty, the server holds each change exactly once, and the edited rows are the same on
both sides.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from plclassroom.domain import Evidence, LearnerProfile
from plclassroom.services import district, mastery, profiles
from plclassroom.services import sync as sync_service
from plclassroom.store.outbox import OutboxEntry
from plclassroom.sync import protocol
from plclassroom.sync.client import RETRIES, SyncClient
from plclassroom.sync.protocol import PushRequest, unpack
from plclassroom.sync.report import SyncError
from tests.conftest import run
from tests.sync.conftest import copy_of

KILLED_ON_PUSH = 2  # the batch in flight when the server dies
STARTUP_SECONDS = 20.0
EDITS = 40  # profile edits, and as many new pieces of evidence: about a dozen batches of 2 KB

# Run before ``python -m plclassroom.server``: the KILLED_ON_PUSH-th push stops at the point the
# test names, writes the marker file and waits there for the SIGKILL.
PAUSE = textwrap.dedent("""
    import os, runpy, time
    from pathlib import Path
    from sqlalchemy import text
    from plclassroom.services import district_sync

    point, nth = os.environ["TEST_PAUSE_AT"], int(os.environ["TEST_PAUSE_ON_PUSH"])
    marker = Path(os.environ["TEST_PAUSE_MARKER"])
    real_push = district_sync.push
    pushes = []

    def wait_for_the_kill(uow):
        # The district changes this push's transaction sees: the batch's own are written already.
        seen = uow.session.execute(text("SELECT count(*) FROM district_change")).scalar()
        marker.with_suffix(".tmp").write_text(str(seen))
        marker.with_suffix(".tmp").replace(marker)
        time.sleep(300)
        os._exit(3)  # never reached when the test works

    def push(uow, device, user, request):
        pushes.append(1)
        if len(pushes) != nth:
            return real_push(uow, device, user, request)
        if point == "before_commit":
            uow.commit = lambda: wait_for_the_kill(uow)  # every write of the batch made, and no COMMIT
            return real_push(uow, device, user, request)
        answer = real_push(uow, device, user, request)  # committed ...
        wait_for_the_kill(uow)  # ... and the answer never leaves
        return answer

    district_sync.push = push  # app.py looks it up per request
    runpy.run_module("plclassroom.server", run_name="__main__", alter_sys=True)
""")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def log_tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.exists() else ""


@contextmanager
def server_process(database: Path, port: int, log: Path, pause_at: str | None = None,
                   marker: Path | None = None):
    """``plclassroom-server serve`` on ``database`` as a child process, answering on ``port``;
    killed (if still alive) when the block ends, however it ends."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    if pause_at is None:
        command = [sys.executable, "-m", "plclassroom.server"]
    else:
        command = [sys.executable, "-c", PAUSE]
        env.update(TEST_PAUSE_AT=pause_at, TEST_PAUSE_ON_PUSH=str(KILLED_ON_PUSH), TEST_PAUSE_MARKER=str(marker))
    command += ["--database", str(database), "serve", "--port", str(port)]
    with log.open("ab") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env=env)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert process.poll() is None, f"the server exited with {process.returncode}:\n{log_tail(log)}"
            try:
                if httpx.get(f"http://127.0.0.1:{port}/v1/status", timeout=1.0).status_code == 401:
                    break  # it answers (and wants a token)
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"the server did not answer:\n{log_tail(log)}"
            time.sleep(0.05)
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


class Watching(httpx.HTTPTransport):
    """Real HTTP, noting each push batch sent (its op sequences) and which ones got an answer;
    ``after_answer(n)`` runs once the n-th push answer has fully arrived, before the client sees it."""

    def __init__(self, after_answer=lambda n: None) -> None:
        super().__init__()
        self.sent: list[tuple[int, ...]] = []
        self.answered: list[tuple[int, ...]] = []
        self.after_answer = after_answer

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        batch = None
        if request.url.path == "/v1/push":
            body = unpack(request.content, PushRequest, request.headers["Content-Encoding"])
            batch = tuple(change.seq for change in body.changes)
            if batch not in self.sent:
                self.sent.append(batch)
        response = super().handle_request(request)
        if batch is not None:
            response.read()
            if response.status_code == 200:
                self.answered.append(batch)
                self.after_answer(len(self.answered))
        return response


def make_edits(laptop) -> None:
    """Offline work on the laptop, through the services: profile edits and new evidence."""
    with laptop.unit_of_work() as uow:
        students = list(uow.session.execute(
            select(LearnerProfile.student_id).order_by(LearnerProfile.student_id).limit(EDITS)).scalars())
        places = uow.session.execute(
            select(Evidence.class_id, Evidence.student_id, Evidence.competency_id)
            .where(Evidence.class_id.is_not(None)).order_by(Evidence.id).limit(EDITS)).all()
    assert len(students) == EDITS and len(places) == EDITS
    for n, student in enumerate(students):
        run(laptop, profiles.update_profile_field, student, "interests", f"interest after the outage {n}")
    for n, place in enumerate(places):
        run(laptop, mastery.record_evidence, place.class_id, [mastery.EvidenceEntry(
            place.student_id, place.competency_id, 3.0, date(2026, 11, 20), note=f"evidence after the outage {n}")])


def outbox(laptop) -> dict[int, OutboxEntry]:
    with laptop.unit_of_work() as uow:
        return {e.seq: e for e in uow.session.execute(select(OutboxEntry)).scalars()}


def on_server(database: Path, device_id: str) -> list[int]:
    """The device op sequences the server has, one per district change row of the device."""
    with sqlite3.connect(database) as db:
        return [seq for (seq,) in db.execute(
            "SELECT device_seq FROM district_change WHERE device_id = ? ORDER BY device_seq", (device_id,))]


def arrived(database: Path, entry: OutboxEntry) -> bool:
    """Whether the change's edit is in the server's data (not only in its change log)."""
    with sqlite3.connect(database) as db:
        if entry.table_name == "learner_profile":
            row = db.execute("SELECT interests FROM learner_profile WHERE id = ?", (entry.row_id,)).fetchone()
            return row[0].startswith("interest after the outage")
        assert entry.table_name == "evidence", entry.table_name
        return db.execute("SELECT count(*) FROM evidence WHERE id = ?", (entry.row_id,)).fetchone()[0] == 1


def rows(database: Path, table: str, ids: list[str]) -> list[tuple]:
    with sqlite3.connect(database) as db:
        marks = ",".join("?" * len(ids))
        return db.execute(f"SELECT * FROM {table} WHERE id IN ({marks}) ORDER BY id", ids).fetchall()


@pytest.mark.parametrize("kill_point", ["between_batches", "before_commit", "after_commit"])
def test_a_server_killed_mid_push_loses_nothing_half_writes_nothing_and_counts_nothing_twice(
        kill_point, demo_template, laptops, tmp_path, monkeypatch):
    monkeypatch.setattr(protocol, "BATCH_BYTES", 2000)  # a push of several batches
    database = tmp_path / "district.sqlite"
    server = copy_of(demo_template, database)
    with server.unit_of_work() as uow:
        user = district.create_user(uow, "District admin", "district_admin")
    with server.unit_of_work() as uow:
        code = district.issue_enrol_code(uow, user)
    server.close()  # from here on only the server process has the file open
    laptop = laptops()
    make_edits(laptop)
    changes = outbox(laptop)
    port, log, marker = free_port(), tmp_path / "server.log", tmp_path / "paused"
    url = f"http://127.0.0.1:{port}"

    # -- the sync, and the kill ---------------------------------------------------------------------
    pause_at = None if kill_point == "between_batches" else kill_point
    with server_process(database, port, log, pause_at, marker) as process:
        token = sync_service.enrol(laptop, url, code)
        after_answer = ((lambda n: kill(process) if n == KILLED_ON_PUSH else None)
                        if kill_point == "between_batches" else (lambda n: None))
        transport = Watching(after_answer)
        retried: list[float] = []
        client = SyncClient(laptop, url, token, transport=transport, sleep=retried.append)
        outcome: dict = {}

        def sync() -> None:
            try:
                outcome["report"] = client.sync()
            except BaseException as error:  # the test says what it was
                outcome["error"] = error

        thread = threading.Thread(target=sync, daemon=True)
        thread.start()
        if pause_at is not None:
            deadline = time.monotonic() + 20
            while not marker.exists():
                assert thread.is_alive(), f"the sync ended before the server paused: {outcome}"
                assert process.poll() is None, f"the server exited:\n{log_tail(log)}"
                assert time.monotonic() < deadline, f"the server never reached {pause_at}:\n{log_tail(log)}"
                time.sleep(0.01)
            assert thread.is_alive()  # the laptop is waiting for the answer to the batch in flight
            seen_in_transaction = int(marker.read_text())
            kill(process)
        thread.join(timeout=30)
        assert not thread.is_alive(), "the sync hung after the server died"
        client.close()
        assert process.returncode == -signal.SIGKILL, log_tail(log)

    # -- what the laptop says, and what it kept ------------------------------------------------------
    error = outcome.get("error")
    assert isinstance(error, SyncError), outcome
    assert "could not be reached" in str(error)
    assert len(retried) == RETRIES - 1  # it tried again, then gave up, without waiting in the test
    left = outbox(laptop)
    acknowledged = set(changes) - set(left)
    assert acknowledged == {seq for batch in transport.answered for seq in batch}
    assert len(transport.answered) == (KILLED_ON_PUSH if kill_point == "between_batches" else KILLED_ON_PUSH - 1)
    assert left and acknowledged, "the server did not die mid-push"
    with laptop.unit_of_work() as uow:  # the laptop carries on: its status shows what waits
        assert sync_service.status(uow).waiting == len(left)

    # -- the server's file, as the kill left it -------------------------------------------------------
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    there = on_server(database, laptop.device_id)
    assert len(there) == len(set(there))
    there_set = set(there)
    sent = {seq for batch in transport.sent for seq in batch}
    assert acknowledged <= there_set <= sent
    for batch in transport.sent:  # each batch whole or not at all, in the log and in the data
        assert set(batch) <= there_set or not set(batch) & there_set, f"batch {batch} is half there"
        for seq in batch:
            assert arrived(database, changes[seq]) == (seq in there_set), f"change {seq} of {batch}"
    in_flight = set(transport.sent[KILLED_ON_PUSH - 1] if kill_point != "between_batches"
                    else transport.sent[KILLED_ON_PUSH])
    if pause_at is not None:  # the batch in flight was all written when the server died
        assert seen_in_transaction == len(acknowledged) + len(in_flight)
    if kill_point == "before_commit":
        assert not in_flight & there_set and in_flight <= set(left)  # rolled back, still waiting
    elif kill_point == "after_commit":
        assert in_flight <= there_set and in_flight <= set(left)  # there, but the laptop never heard
    else:
        assert there_set == acknowledged and in_flight <= set(left)  # never arrived
    assert not any(arrived(database, changes[seq]) for seq in set(changes) - sent)

    # -- the server back on the same file, and the next sync -----------------------------------------
    with server_process(database, port, log):
        report = sync_service.sync_now(laptop, url, token)
    assert report.pushed == len(left) and report.rejected == 0
    assert outbox(laptop) == {}
    with laptop.unit_of_work() as uow:
        assert sync_service.status(uow).waiting == 0
    there = on_server(database, laptop.device_id)
    assert there == sorted(changes), "every change exactly once"
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("SELECT count(*) FROM (SELECT 1 FROM district_change GROUP BY device_id, device_seq "
                          "HAVING count(*) > 1)").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM evidence WHERE note LIKE 'evidence after the outage %'"
                          ).fetchone()[0] == EDITS
        # The admin's "devices" count is of changes, not of retries.
        assert db.execute("SELECT changes_pushed FROM district_device WHERE id = ?",
                          (laptop.device_id,)).fetchone()[0] == len(changes)
    for table in {e.table_name for e in changes.values()}:
        ids = sorted({e.row_id for e in changes.values() if e.table_name == table})
        assert rows(laptop.path, table, ids) == rows(database, table, ids), table
