"""The district web dashboard (issue 11): how long its pages take, and what keeping its roll-ups
costs a push.

- dashboard_rebuild_<db>: ``rollups --rebuild`` on the whole district (every student's levels)
- dashboard_flags_<db>: counting every school's early-warning flags (the nightly ``rollups``)
- dashboard_{overview,school,grade}_<db>_median: a page for a district admin, served in process
  (sign-in done once; median of the runs)
- dashboard_push_<db>: a push of N new pieces of evidence through the real merge, and the share of
  it the roll-ups' hook took (``district_rollups.changes_applied``)

SQLite always (quick: 1,000 students; full: 20,000); PostgreSQL on a full run (a throwaway
server, durable as a real one: see bench/ingest.py).

    .venv/bin/python bench/dashboard.py [--quick]
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench, demo_template  # noqa: E402

PASSWORD = "bench password 1234"


def _median_ms(call, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


@contextmanager
def _timed(totals: dict, key: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        totals[key] = totals.get(key, 0.0) + time.perf_counter() - started


def _measure(store, kind: str, runs: int, changes: int) -> None:
    from fastapi.testclient import TestClient
    from sqlalchemy import select

    from plclassroom.domain import Enrollment, Evidence, School, SchoolClass
    from plclassroom.domain.base import new_id
    from plclassroom.domain.clock import pack
    from plclassroom.server.app import create_app
    from plclassroom.services import district, district_rollups, district_sessions, district_sync
    from plclassroom.store.district import DistrictDevice, DistrictUser
    from plclassroom.sync.protocol import Change, PushRequest

    with store.unit_of_work() as uow:
        user_id = district.create_user(uow, "Bench Admin", "district_admin")
    with store.unit_of_work() as uow:
        district_sessions.set_password(uow, user_id, PASSWORD)

    started = time.perf_counter()
    with store.unit_of_work() as uow:
        rows = district_rollups.rebuild(uow)
    bench(f"dashboard_rebuild_{kind}", time.perf_counter() - started, "s")
    bench(f"dashboard_rebuild_{kind}_levels", rows, "rows")
    started = time.perf_counter()
    with store.unit_of_work() as uow:
        district_rollups.refresh_flags(uow, date(2026, 11, 23))  # the demo's evidence runs to 20 November
    bench(f"dashboard_flags_{kind}", time.perf_counter() - started, "s")

    with store.unit_of_work() as uow:
        school = uow.session.execute(select(School.id).order_by(School.name)).scalars().first()
        schools = len(uow.session.execute(select(School.id)).all())
    bench(f"dashboard_schools_{kind}", schools, "schools")
    client = TestClient(create_app(store), base_url="http://bench")
    answer = client.post("/dashboard/login", data={"user": "Bench Admin", "password": PASSWORD},
                         headers={"Origin": "http://bench"}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    for name, path in [("overview", "/dashboard"), ("school", f"/dashboard/school/{school}"),
                       ("grade", f"/dashboard/school/{school}/grade/06")]:
        assert client.get(path).status_code == 200
        bench(f"dashboard_{name}_{kind}_median", _median_ms(lambda p=path: client.get(p), runs), "ms")

    # A push of new evidence for the students of a school's math classes, through the real merge.
    with store.unit_of_work() as uow:
        pairs = list(uow.session.execute(
            select(Evidence.student_id, Evidence.competency_id, Evidence.class_id).distinct()
            .join(SchoolClass, SchoolClass.id == Evidence.class_id)
            .join(Enrollment, (Enrollment.class_id == SchoolClass.id) & (Enrollment.person_id == Evidence.student_id))
            .where(SchoolClass.school_id == school, Evidence.deleted.is_(False))).all())
        now = datetime.now(UTC)
        uow.session.add(DistrictUser(id="bench-device-user", name="Bench device", role="district_admin",
                                     created_at=now))
        uow.session.flush()
        uow.session.add(DistrictDevice(id="bench-device", user_id="bench-device-user", token_hash="bench",
                                       created_at=now))
        uow.commit()
    stamp = pack(int(time.time() * 1000), 0)
    batch = [Change(n + 1, "evidence", new_id(), "insert", stamp + n, "bench-device", {
        "student_id": s, "competency_id": c, "class_id": k, "score": float(1 + n % 4),
        "observed_on": date(2026, 11, 20).isoformat(), "source": "quiz", "note": "", "recorded_by": None,
        "supersedes_id": None, "deleted": False}) for n, (s, c, k) in enumerate(pairs * (changes // len(pairs) + 1))
        ][:changes]
    totals: dict[str, float] = {}
    hook = district_rollups.changes_applied

    def timed_hook(uow, rows):
        with _timed(totals, "hook"):
            return hook(uow, rows)

    district_rollups.changes_applied = timed_hook
    try:
        with store.unit_of_work() as uow:
            device = uow.session.get(DistrictDevice, "bench-device")
            user = uow.session.get(DistrictUser, "bench-device-user")
            started = time.perf_counter()
            reply = district_sync.push(uow, device, user, PushRequest("bench-device", batch))
            pushed = time.perf_counter() - started
    finally:
        district_rollups.changes_applied = hook
    assert not reply.rejected, reply.rejected[:1]
    bench(f"dashboard_push_{kind}_changes", len(batch), "changes")
    bench(f"dashboard_push_{kind}_pairs", len({(c.fields['student_id'], c.fields['competency_id'])
                                               for c in batch}), "pairs")
    bench(f"dashboard_push_{kind}", pushed * 1000, "ms")
    bench(f"dashboard_push_{kind}_rollup_hook", totals.get("hook", 0.0) * 1000, "ms")


def run(quick: bool) -> None:
    from tests import postgres

    from plclassroom.store.database import Store

    students = 1_000 if quick else 20_000
    runs = 5 if quick else 20
    changes = 500 if quick else 5_000
    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-dashboard-") as tmp:
        work = Path(tmp)
        template = demo_template(work, students)
        bench("dashboard_students", students, "students")
        server = work / "district.sqlite"
        shutil.copy(template, server)
        with sqlite3.connect(server) as db:
            db.execute("DELETE FROM sync_device")  # the server's own device id
        store = Store.open(server)
        try:
            _measure(store, "sqlite", runs, changes)
        finally:
            store.close()
        if quick:
            return
        if not postgres.available():
            print("bench/dashboard.py: PostgreSQL is not installed (Debian: apt-get install postgresql): "
                  "no PostgreSQL figures.", file=sys.stderr)
            return
        with postgres.throwaway_postgres(durable=True) as url:
            databases = postgres.Databases(url)
            name = databases.fresh("template_dashboard", lambda target: postgres.fill_template(target, template))
            store = Store.open_url(databases.url_of(name))
            try:
                _measure(store, "postgresql", runs, changes)
            finally:
                store.close()


if __name__ == "__main__":
    run("--quick" in sys.argv)
