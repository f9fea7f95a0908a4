"""Server ingest (issue: "changes per second with 20 devices pushing at once; target 10,000
changes/s on PostgreSQL"), over real HTTP on loopback, the district server run as its own process
(``python -m plclassroom.server ... serve``), on SQLite and on PostgreSQL (a throwaway durable
cluster: fsync on, as a real server):

- 20 devices (quick: 4) each push a teacher's week (5,000 changes; quick: 1,000) at once, one
  connection each: changes per second, from the first request to the last answer;
- one device pushing its week alone, on a fresh database: what concurrency adds;
- district load ("50 devices at once on PostgreSQL"), on PostgreSQL only: 50 devices (quick: 8)
  sync at once, one connection each, as a laptop's sync does it: push its week in batches, then
  pull (``GET /v1/pull`` from its cursor, a page at a time, until ``has_more`` is false).
  Figures: changes pushed per second over the whole sync (first request to last answer, pulls
  included); p50 and p99 of every push request's latency (retries are requests too), p99 of every
  pull page's; the error answers (any answer but 200, apart from 503 and 429, which are retried
  after ``Retry-After`` and counted apart: ``busy_retries``). The clients are bounded: a request
  times out after 120 s, is retried at most 20 times, and the run stops after 10 minutes.
  Afterwards the bench reads the PostgreSQL database itself (SQL, not the app) and asserts that
  every pushed (device, device_seq) is in ``district_change`` exactly once and that the devices
  have nothing else there (so the total is what was sent); and, of each device's pull, that it got
  no change twice, none of its own, none of a student outside its teacher's classes, reached at
  least its own last change, and missed none of the other devices' new rows of its teacher's
  students up to where it ended. Any lost, duplicated or refused change, any error answer, fails
  the bench.

  The district is the demo district at 1,500 students (51 teachers, 68 classes; a third of the
  students in two classes); each device is a different teacher's laptop, pushing a smaller week
  than above (1,000 changes, quick too: 50,000 in all), the same week moved onto its teacher's
  first class (evidence: that class, its students by position) and its teacher's own students'
  profiles. Teachers who share students pull each other's changes and compete on profiles (kept
  conflicts), as in a school. Why not 50 copies of one teacher's week, as above: every device
  would then pull nearly every other's changes and conflicts (2 million changes pulled for 50,000
  pushed: more than the 10 minutes on a 2-core machine), a load no district has. Quick takes the
  8 teachers who share the most students, so its pulls carry changes too.

For the 20 devices, the week is made once on a laptop copy of the demo school
(``sync._week_of_changes``: evidence and learner-profile edits). Every device pushes a copy of it
under its own device id: its own evidence rows (ids derived from the device), the same learner
profiles (devices compete on those fields, as teachers sharing students do). Each device's user is
a teacher of the class the week was made in, so the server checks scope for real; the week edits
every student's profile, so the edits of profiles outside that teacher's classes are moved onto the
teacher's own students (same fields, same values, same order): every change is in scope, and the
bench asserts every one is accepted (in both runs). Request bodies are packed before the clock starts.

    .venv/bin/python bench/ingest.py [--quick]
"""

from __future__ import annotations

import math
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench, demo_template  # noqa: E402
from sync import _laptop, _week_of_changes  # noqa: E402

RATE_LIMIT = 1_000_000  # requests per minute per device: the bench measures ingest, not the limiter
START_TIMEOUT = 60.0
REQUEST_TIMEOUT = 600.0
DISTRICT_REQUEST_TIMEOUT = 120.0  # the district run's clients: one request waits at most this long,
DISTRICT_RETRIES = 20  # is retried at most this many times when the server is busy (503, 429),
DISTRICT_RUN_TIMEOUT = 600.0  # and the whole run stops after this long
DISTRICT_STUDENTS = 1500  # the district run's demo district: 51 teachers, 68 classes
DISTRICT_CHANGES_PER_DEVICE = 1000
EVIDENCE_IDS = uuid.UUID("5d0c6f0e-3b1a-4f43-9a55-6b1e9c0f2a71")  # namespace for the devices' evidence ids


@dataclass
class Device:
    id: str
    changes: int
    batches: list[int]  # changes per batch, in order
    bodies: list[bytes]  # each batch as a packed PushRequest (zstd)
    user_id: str = ""
    code: str = ""
    token: str = ""
    seqs: list[int] = field(default_factory=list)  # the device op sequence of every change, in order
    teacher: str = ""  # the person its user is ("": the bench's one teacher)


@dataclass
class Synced:
    """One device's sync in the district run: what it saw and how long each request took."""

    push_ms: list[float] = field(default_factory=list)  # every push request (retries too)
    pull_ms: list[float] = field(default_factory=list)  # every pull page
    pulled: list[int] = field(default_factory=list)  # the server sequence of every pulled change, in order
    cursor: int = 0  # where its pull ended
    retries: int = 0  # 503 and 429 answers, retried
    error_answers: list[str] = field(default_factory=list)  # any other answer but 200
    started: float = 0.0
    finished: float = 0.0


@dataclass
class Result:
    seconds: float
    changes: int
    requests: int
    retries: int = 0
    conflicts: int = 0
    logged: int = 0
    errors: list[str] = field(default_factory=list)


# -- the week, and the devices' copies of it ----------------------------------------------------------


def _teacher_week(template: Path, work: Path, total: int, name: str = "laptop") -> tuple[list, str]:
    """A teacher's week as pushed changes, all in the teacher's scope; returns (changes, teacher)."""
    from sqlalchemy import select

    from plclassroom.domain import Enrollment, LearnerProfile
    from plclassroom.store.outbox import OutboxEntry
    from plclassroom.sync.client import outbox_changes

    laptop = _laptop(template, work / f"{name}.sqlite")
    try:
        made, _received = _week_of_changes(laptop, total)
        with laptop.unit_of_work() as uow:
            session = uow.session
            entries = list(session.execute(select(OutboxEntry).order_by(OutboxEntry.seq)).scalars())
            changes = outbox_changes(entries, laptop.device_id)
            class_id = next(c.fields["class_id"] for c in changes if c.table == "evidence")
            teacher = session.execute(select(Enrollment.person_id).where(
                Enrollment.class_id == class_id, Enrollment.role == "teacher",
                Enrollment.deleted.is_(False)).order_by(Enrollment.person_id)).scalar()
            # The teacher's scope as the server reckons it: the students of the classes they teach.
            classes = select(Enrollment.class_id).where(Enrollment.person_id == teacher,
                                                        Enrollment.role != "student", Enrollment.deleted.is_(False))
            students = set(session.execute(select(Enrollment.person_id).where(
                Enrollment.class_id.in_(classes), Enrollment.role == "student",
                Enrollment.deleted.is_(False))).scalars())
            profiles = session.execute(select(LearnerProfile.id, LearnerProfile.student_id)
                                       .order_by(LearnerProfile.id)).all()
    finally:
        laptop.close()
    assert len(changes) == made == total, (len(changes), made, total)
    ours = [p.id for p in profiles if p.student_id in students]
    others = [p.id for p in profiles if p.student_id not in students]
    assert ours, "the teacher has no students"
    moved = {row: ours[i % len(ours)] for i, row in enumerate(others)}
    changes = [_with(c, row=moved.get(c.row, c.row)) if c.table == "learner_profile" else c for c in changes]
    return changes, teacher


def _with(change, **values):
    import msgspec

    return msgspec.structs.replace(change, **values)


def _devices(week: list, count: int) -> list[Device]:
    """``count`` devices, each with its own copy of the week, cut into batches and packed."""
    return [_device(week) for _ in range(count)]


def _device(week: list, cursor: int = 0, teacher: str = "") -> Device:
    """A device with its own copy of ``week`` (its own evidence ids), cut into batches and packed,
    pushed from the pull ``cursor``."""
    from plclassroom.sync.protocol import PushRequest, batches, pack

    device_id = str(uuid.uuid4())
    changes = [_with(c, device=device_id,
                     row=str(uuid.uuid5(EVIDENCE_IDS, f"{device_id}:{c.row}")) if c.op == "insert" else c.row)
               for c in week]
    cut = batches(changes)
    return Device(device_id, len(changes), [len(b) for b in cut],
                  [pack(PushRequest(device_id, b, cursor=cursor), "zstd") for b in cut],
                  seqs=[c.seq for c in changes], teacher=teacher)


def _district_weeks(template: Path, work: Path, total: int, count: int) -> list[tuple[list, str]]:
    """``count`` teachers' weeks, one per teacher: the week made once (``_teacher_week``), moved
    onto each teacher's first class (its evidence: that class, its students by position) and onto
    each teacher's own students' profiles (the same fields and values, in the same order)."""
    from sqlalchemy import create_engine, select
    from sqlalchemy.pool import NullPool

    from plclassroom.domain import Enrollment, LearnerProfile

    week, made_by = _teacher_week(template, work, total, "district-laptop")
    engine = create_engine(f"sqlite:///{template}", poolclass=NullPool)
    try:
        with engine.connect() as db:
            live = Enrollment.deleted.is_(False)
            teaching = db.execute(select(Enrollment.person_id, Enrollment.class_id).where(
                Enrollment.role == "teacher", live).order_by(Enrollment.person_id, Enrollment.class_id)).all()
            taking = db.execute(select(Enrollment.class_id, Enrollment.person_id).where(
                Enrollment.role == "student", live).order_by(Enrollment.class_id, Enrollment.person_id)).all()
            profile_of = dict(db.execute(select(LearnerProfile.student_id, LearnerProfile.id)).all())
    finally:
        engine.dispose()
    classes_of: dict[str, list[str]] = {}
    for person, class_id in teaching:
        classes_of.setdefault(person, []).append(class_id)
    students_of: dict[str, list[str]] = {}
    for class_id, person in taking:
        students_of.setdefault(class_id, []).append(person)
    assert len(classes_of) >= count, f"the district has {len(classes_of)} teachers, not {count}"
    # The teachers in the order that shares the most students with those before (the one who made
    # the week first): a few devices (--quick) still pull each other's changes.
    pupils_of = {t: {s for c in classes for s in students_of.get(c, [])} for t, classes in classes_of.items()}
    teachers, seen, left = [made_by], set(pupils_of[made_by]), sorted(t for t in classes_of if t != made_by)
    while left:
        best = max(left, key=lambda t: len(pupils_of[t] & seen))  # the first of equals: sorted, so stable
        teachers.append(best)
        seen |= pupils_of[best]
        left.remove(best)
    made_in = {c.fields["class_id"] for c in week if c.table == "evidence"}
    assert len(made_in) == 1, made_in
    made_in_class = made_in.pop()
    pupils = students_of[made_in_class]
    rows = list(dict.fromkeys(c.row for c in week if c.table == "learner_profile"))
    weeks = []
    for teacher in teachers[:count]:
        class_id = classes_of[teacher][0]
        theirs = students_of[class_id]
        student = {old: theirs[i % len(theirs)] for i, old in enumerate(pupils)}
        profiles = sorted(profile_of[s] for s in pupils_of[teacher])
        row = {old: profiles[i % len(profiles)] for i, old in enumerate(rows)}
        moved = []
        for change in week:
            if change.table == "evidence":
                fields = {**change.fields, "class_id": class_id, "student_id": student[change.fields["student_id"]]}
                moved.append(_with(change, fields=fields))
            else:
                moved.append(_with(change, row=row[change.row]))
        weeks.append((moved, teacher))
    return weeks


# -- the server ---------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prepare_users(store, devices: list[Device], teacher: str) -> None:
    """A teacher user and a one-time enrolment code per device, through the services."""
    from plclassroom.services import district

    for n, device in enumerate(devices):
        with store.unit_of_work() as uow:
            device.user_id = district.create_user(uow, f"Bench teacher {n + 1}", "teacher",
                                                  device.teacher or teacher)
        with store.unit_of_work() as uow:
            device.code = district.issue_enrol_code(uow, device.user_id)


@contextmanager
def _server(where: list[str], work: Path) -> Iterator[str]:
    """``python -m plclassroom.server <where> serve`` on a free loopback port, stopped at the end."""
    import httpx

    port = _free_port()
    log = work / f"server-{port}.log"
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = str(work / "config")
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "plclassroom.server", *where, "serve", "--port",
                                    str(port), "--rate-limit", str(RATE_LIMIT)],
                                   stdout=out, stderr=subprocess.STDOUT, env=env, cwd=work)
    try:
        base_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the district server did not start:\n{log.read_text(errors='replace')[-3000:]}")
            try:
                httpx.get(base_url + "/v1/status", timeout=1.0)  # 401 (no token): it answers
                break
            except httpx.TransportError:
                time.sleep(0.05)
        try:
            yield base_url
        except BaseException:
            print(f"bench/ingest.py: the district server's log ends:\n{log.read_text(errors='replace')[-3000:]}",
                  file=sys.stderr)
            raise
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _headers(token: str = "") -> dict:
    from plclassroom.sync.protocol import CONTENT_TYPE

    headers = {"Content-Type": CONTENT_TYPE, "Content-Encoding": "zstd", "Accept": CONTENT_TYPE,
               "Accept-Encoding": "zstd"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers


def _enrol(clients: list, devices: list[Device]) -> None:
    """Each device enrols with its code, on its own connection (before any clock starts)."""
    from plclassroom.sync.protocol import EnrolRequest, EnrolResponse, pack, unpack

    for client, device in zip(clients, devices, strict=True):
        response = client.post("/v1/enrol", content=pack(EnrolRequest(device.code, device.id, "Bench laptop")),
                               headers=_headers())
        assert response.status_code == 200, (response.status_code, response.text)
        device.token = unpack(response.content, EnrolResponse, "identity").token


def _push_all(base_url: str, devices: list[Device]) -> Result:
    """Every device pushes its batches in order, all at once, one connection each; timed from the
    first request to the last answer. Every change must be accepted."""
    import httpx

    from plclassroom.sync.protocol import PushResponse, unpack

    clients = [httpx.Client(base_url=base_url, timeout=REQUEST_TIMEOUT) for _ in devices]
    try:
        _enrol(clients, devices)
        ready = threading.Barrier(len(devices))
        started = [0.0] * len(devices)
        finished = [0.0] * len(devices)
        retries = [0] * len(devices)
        errors: list[str] = []

        def work(n: int) -> None:
            device, client, headers = devices[n], clients[n], _headers(devices[n].token)
            try:
                ready.wait()
                started[n] = time.perf_counter()
                for body, size in zip(device.bodies, device.batches, strict=True):
                    while True:
                        response = client.post("/v1/push", content=body, headers=headers)
                        if response.status_code not in (429, 503):
                            break
                        retries[n] += 1
                        time.sleep(float(response.headers.get("Retry-After", "1")))
                    if response.status_code != 200:
                        raise AssertionError(f"push answered {response.status_code}: {response.text[:300]}")
                    answer = unpack(response.content, PushResponse, "identity")
                    if answer.rejected or len(answer.accepted) != size:
                        raise AssertionError(f"{len(answer.accepted)} of {size} changes accepted; refused: "
                                             f"{sorted({r.reason for r in answer.rejected})}")
                finished[n] = time.perf_counter()
            except BaseException as error:  # reported by the main thread
                errors.append(f"device {n}: {type(error).__name__}: {error}")
                if ready.n_waiting:
                    ready.abort()

        _all_at_once(work, len(devices))
        if errors:
            raise AssertionError("the ingest bench went wrong:\n" + "\n".join(errors))
        return Result(max(finished) - min(started), sum(d.changes for d in devices),
                      sum(len(d.bodies) for d in devices), sum(retries))
    finally:
        for client in clients:
            client.close()


def _counted(store, result: Result, devices: list[Device]) -> Result:
    """What the server logged, read after it stopped: each device's changes, and conflicts kept."""
    from sqlalchemy import func, select

    from plclassroom.domain import SyncConflict
    from plclassroom.store.district import DistrictChange

    with store.unit_of_work() as uow:
        result.logged = uow.session.execute(select(func.count()).select_from(DistrictChange).where(
            DistrictChange.device_id.in_([d.id for d in devices]))).scalar()
        result.conflicts = uow.session.execute(select(func.count()).select_from(SyncConflict)).scalar()
    assert result.logged == result.changes, (result.logged, result.changes)
    return result


def _on_sqlite(template: Path, work: Path, devices: list[Device], teacher: str) -> Result:
    from plclassroom.store.database import Store

    path = work / f"district-sqlite-{len(devices)}.sqlite"
    shutil.copy(template, path)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM sync_device")  # the server's own device id, new on open
    store = Store.open(path)
    try:
        _prepare_users(store, devices, teacher)
    finally:
        store.close()
    with _server(["--database", str(path)], work) as base_url:
        result = _push_all(base_url, devices)
    store = Store.open(path)
    try:
        return _counted(store, result, devices)
    finally:
        store.close()


def _on_postgres(databases, template: Path, devices: list[Device], teacher: str, work: Path) -> Result:
    from tests.postgres import fill_template

    from plclassroom.store.database import Store

    name = databases.fresh("ingest_demo", lambda url: fill_template(url, template))
    url = databases.url_of(name)
    try:
        store = Store.open_url(url)
        try:
            _prepare_users(store, devices, teacher)
        finally:
            store.close()
        with _server(["--database-url", url], work) as base_url:
            result = _push_all(base_url, devices)
        store = Store.open_url(url)
        try:
            return _counted(store, result, devices)
        finally:
            store.close()
    finally:
        databases.drop(name)


def _sync_all(base_url: str, devices: list[Device], cursor: int) -> tuple[list[Synced], list[str]]:
    """Every device syncs as a laptop does, all at once, one connection each: its batches pushed in
    order, then pull pages from ``cursor`` until ``has_more`` is false. Returns each device's
    measures, and what went wrong on the way (a refused change, a lost connection, a timeout)."""
    import httpx

    from plclassroom.sync.protocol import PAGE_CHANGES, PullResponse, PushResponse, unpack

    clients = [httpx.Client(base_url=base_url, timeout=DISTRICT_REQUEST_TIMEOUT) for _ in devices]
    synced = [Synced(cursor=cursor) for _ in devices]
    problems: list[str] = []
    try:
        _enrol(clients, devices)
        ready = threading.Barrier(len(devices))
        deadline = time.perf_counter() + DISTRICT_RUN_TIMEOUT

        def request(n: int, kind: str, timings: list[float], **send) -> httpx.Response | None:
            """One request, retried while the server is busy; None after an error answer."""
            client, mine = clients[n], synced[n]
            for _attempt in range(DISTRICT_RETRIES + 1):
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"the run took longer than {DISTRICT_RUN_TIMEOUT:.0f} s")
                sent = time.perf_counter()
                response = client.request(**send)
                timings.append((time.perf_counter() - sent) * 1000)
                if response.status_code == 200:
                    return response
                if response.status_code not in (429, 503):
                    mine.error_answers.append(f"{kind} answered {response.status_code}: {response.text[:300]}")
                    return None
                mine.retries += 1
                time.sleep(float(response.headers.get("Retry-After", "1")))
            raise TimeoutError(f"{kind} still busy after {DISTRICT_RETRIES} retries")

        def work(n: int) -> None:
            device, mine = devices[n], synced[n]
            headers = _headers(device.token)
            try:
                ready.wait()
                mine.started = time.perf_counter()
                for body, size in zip(device.bodies, device.batches, strict=True):
                    response = request(n, "push", mine.push_ms, method="POST", url="/v1/push", content=body,
                                       headers=headers)
                    if response is None:
                        return  # an error answer: the rest would be pushed out of order
                    answer = unpack(response.content, PushResponse, "identity")
                    if answer.rejected or len(answer.accepted) != size:
                        raise AssertionError(f"{len(answer.accepted)} of {size} changes accepted; refused: "
                                             f"{sorted({r.reason for r in answer.rejected})}")
                while True:
                    response = request(n, "pull", mine.pull_ms, method="GET", url="/v1/pull", headers=headers,
                                       params={"since": mine.cursor, "limit": PAGE_CHANGES})
                    if response is None:
                        return
                    page = unpack(response.content, PullResponse, "identity")
                    mine.pulled.extend(change.seq for change in page.changes)
                    mine.cursor = page.next
                    if not page.has_more:
                        break
                mine.finished = time.perf_counter()
            except BaseException as error:  # reported by the main thread
                problems.append(f"device {n}: {type(error).__name__}: {error}")
                if ready.n_waiting:
                    ready.abort()

        _all_at_once(work, len(devices))
        return synced, problems
    finally:
        for client in clients:
            client.close()


def _verify_district(url: str, devices: list[Device], synced: list[Synced], cursor: int) -> int:
    """Read the PostgreSQL database itself, with SQL: every change pushed is logged exactly once
    and nothing else of those devices is; each device's pull got none of its own changes, none
    twice, nothing of a student outside its teacher's classes, and missed none of the other
    devices' new rows of its teacher's students up to where it ended. Returns the conflicts kept."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    from plclassroom.store.engine import database_url

    engine = create_engine(database_url(url), poolclass=NullPool)
    try:
        with engine.connect() as db:
            counts = db.execute(text(
                "SELECT device_id, device_seq, count(*) FROM district_change WHERE device_id = ANY(:ids) "
                "GROUP BY device_id, device_seq"), {"ids": [d.id for d in devices]}).all()
            log = db.execute(text("SELECT seq, device_id, op, student_id FROM district_change WHERE seq > :cursor "
                                  "ORDER BY seq"), {"cursor": cursor}).all()
            # A teacher's students: those of the classes they teach (as the server's scope has it).
            taught = db.execute(text(
                "SELECT DISTINCT t.person_id, s.person_id FROM enrollment t JOIN enrollment s "
                "ON s.class_id = t.class_id AND s.role = 'student' AND NOT s.deleted "
                "WHERE t.role <> 'student' AND NOT t.deleted AND t.person_id = ANY(:teachers)"),
                {"teachers": list({d.teacher for d in devices})}).all()
            conflicts = db.execute(text("SELECT count(*) FROM sync_conflict")).scalar()
    finally:
        engine.dispose()
    logged = {(device, seq): n for device, seq, n in counts}
    sent = {(d.id, seq) for d in devices for seq in d.seqs}
    assert len(sent) == sum(d.changes for d in devices), "a device op sequence is repeated in what was sent"
    lost = sent - logged.keys()
    extra = logged.keys() - sent
    doubled = {key: n for key, n in logged.items() if n != 1}
    assert not lost, f"{len(lost)} pushed changes are not in district_change, e.g. {sorted(lost)[:5]}"
    assert not extra, f"{len(extra)} changes in district_change were never pushed, e.g. {sorted(extra)[:5]}"
    assert not doubled, f"{len(doubled)} pushed changes are in district_change more than once, " \
                        f"e.g. {sorted(doubled.items())[:5]}"
    assert sum(logged.values()) == len(sent), (sum(logged.values()), len(sent))

    students_of: dict[str, set[str]] = {}
    for teacher, student in taught:
        students_of.setdefault(teacher, set()).add(student)
    ours = {d.id for d in devices}
    student_of = {seq: student for seq, _device, _op, student in log}
    inserts = [(seq, device, student) for seq, device, op, student in log if device in ours and op == "insert"]
    top_of: dict[str, int] = {}
    mine_of: dict[str, set[int]] = {}
    for seq, device, _op, _student in log:
        if device in ours:
            top_of[device] = max(top_of.get(device, 0), seq)
            mine_of.setdefault(device, set()).add(seq)
    for n, (device, mine) in enumerate(zip(devices, synced, strict=True)):
        pulled, students = mine.pulled, students_of.get(device.teacher, set())
        assert all(a < b for a, b in zip(pulled, pulled[1:], strict=False)), \
            f"device {n} pulled changes out of order or twice"
        assert not pulled or (pulled[0] > cursor and pulled[-1] <= mine.cursor), f"device {n} pulled outside its window"
        assert mine.cursor >= top_of.get(device.id, 0), \
            f"device {n}'s pull ended at {mine.cursor}, before its own last change {top_of.get(device.id)}"
        got = set(pulled)
        own = got & mine_of.get(device.id, set())
        assert not own, f"device {n} pulled {len(own)} of its own changes"
        outside = [seq for seq in pulled if student_of.get(seq) is not None and student_of[seq] not in students]
        assert not outside, f"device {n} pulled {len(outside)} changes of students not its teacher's: {outside[:5]}"
        missed = [seq for seq, d, student in inserts
                  if d != device.id and student in students and seq <= mine.cursor and seq not in got]
        assert not missed, f"device {n}'s pull missed {len(missed)} new rows of other devices, e.g. {missed[:5]}"
    return conflicts


def _percentile(values: list[float], share: float) -> float:
    """Nearest rank: the smallest value with at least ``share`` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _district_run(databases, template: Path, weeks: list[tuple[list, str]], work: Path) -> None:
    """The district load: a device per teacher's week, every one syncing at once on PostgreSQL;
    figures, then the checks."""
    from sqlalchemy import func, select
    from tests.postgres import fill_template

    from plclassroom.store.database import Store
    from plclassroom.store.district import DistrictChange

    name = databases.fresh("ingest_district", lambda url: fill_template(url, template))
    url = databases.url_of(name)
    try:
        store = Store.open_url(url)
        try:
            with store.unit_of_work() as uow:
                cursor = uow.session.execute(select(func.max(DistrictChange.seq))).scalar() or 0
            # Up to date yesterday: each device pushes from, and pulls after, the log as it stands.
            devices = [_device(week, cursor, teacher) for week, teacher in weeks]
            _prepare_users(store, devices, "")
        finally:
            store.close()
        with _server(["--database-url", url], work) as base_url:
            synced, problems = _sync_all(base_url, devices, cursor)
            errors = [f"device {n}: {e}" for n, s in enumerate(synced) for e in s.error_answers]
            bench("district_50_devices_error_answers", len(errors), "answers")
            bench("district_50_devices_busy_retries", sum(s.retries for s in synced), "requests")
            if errors or problems:  # raised here, the server's log is shown
                raise AssertionError("the district run went wrong:\n" + "\n".join(errors + problems))
        conflicts = _verify_district(url, devices, synced, cursor)
    finally:
        databases.drop(name)
    changes = sum(d.changes for d in devices)
    seconds = max(s.finished for s in synced) - min(s.started for s in synced)
    pushes = [ms for s in synced for ms in s.push_ms]
    pulls = [ms for s in synced for ms in s.pull_ms]
    bench("district_50_devices_changes_per_second", changes / seconds, "changes/s")
    bench("district_50_devices_seconds", seconds, "s")
    bench("district_50_devices_push_p50_ms", _percentile(pushes, 0.50), "ms")
    bench("district_50_devices_push_p99_ms", _percentile(pushes, 0.99), "ms")
    bench("district_50_devices_pull_p99_ms", _percentile(pulls, 0.99), "ms")
    bench("district_50_devices_push_requests", len(pushes), "requests")
    bench("district_50_devices_pull_requests", len(pulls), "requests")
    bench("district_50_devices_changes_pulled", sum(len(s.pulled) for s in synced), "changes")
    bench("district_50_devices_conflicts_kept", conflicts, "conflicts")


def _report(kind: str, together: Result, alone: Result) -> None:
    bench(f"ingest_{kind}_changes_per_second", together.changes / together.seconds, "changes/s")
    bench(f"ingest_{kind}_seconds", together.seconds, "s")
    bench(f"ingest_{kind}_single_device_changes_per_second", alone.changes / alone.seconds, "changes/s")
    bench(f"ingest_{kind}_conflicts_kept", together.conflicts, "conflicts")
    bench(f"ingest_{kind}_busy_retries", together.retries, "requests")


def _all_at_once(work, devices: int) -> None:
    """``work(n)`` for every device, each in its own thread, all at once; back when all are done."""
    threads = [threading.Thread(target=work, args=(n,), name=f"device-{n}") for n in range(devices)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def run(quick: bool) -> None:
    from tests import postgres

    from plclassroom.services.demo import build_demo_school
    from plclassroom.store.database import Store

    per_device = 1000 if quick else 5000
    count = 4 if quick else 20
    district_count = 8 if quick else 50
    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-ingest-") as tmp:
        work = Path(tmp)
        template = demo_template(work)
        week, teacher = _teacher_week(template, work, per_device)
        devices = _devices(week, count)

        bench("ingest_devices", count, "devices")
        bench("ingest_changes", sum(d.changes for d in devices), "changes")
        bench("ingest_requests", sum(len(d.bodies) for d in devices), "requests")
        bench("ingest_changes_per_device", per_device, "changes")

        alone = _on_sqlite(template, work, devices[:1], teacher)
        together = _on_sqlite(template, work, devices, teacher)
        _report("sqlite", together, alone)

        if not postgres.available():
            print("bench/ingest.py: PostgreSQL is not installed (Debian: apt-get install postgresql): "
                  "no PostgreSQL ingest figures.", file=sys.stderr)
            return
        with postgres.throwaway_postgres(durable=True) as url:
            databases = postgres.Databases(url)
            alone = _on_postgres(databases, template, devices[:1], teacher, work)
            together = _on_postgres(databases, template, devices, teacher, work)
            _report("postgresql", together, alone)

            district = work / "district.sqlite"
            store = Store.open(district)
            with store.unit_of_work(record_changes=False) as uow:
                build_demo_school(uow, students=DISTRICT_STUDENTS)
                uow.commit()
            store.close()
            weeks = _district_weeks(district, work, DISTRICT_CHANGES_PER_DEVICE, district_count)
            bench("district_50_devices_devices", district_count, "devices")
            bench("district_50_devices_changes_per_device", DISTRICT_CHANGES_PER_DEVICE, "changes")
            _district_run(databases, district, weeks, work)


if __name__ == "__main__":
    run("--quick" in sys.argv)
