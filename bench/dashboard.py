"""The district web dashboard (issue 11): how long its pages take, and what keeping its roll-ups
costs a push. The issue's figures: "Dashboard page for a district of 50,000 students and 10 million
pieces of evidence on PostgreSQL: time to render (target: under 300 ms); roll-up update after a push
of 5,000 changes (target: under 2 s)".

- dashboard_rebuild_<db>: ``rollups --rebuild`` on the whole district (every student's levels)
- dashboard_flags_<db>: counting every school's early-warning flags (the nightly ``rollups``)
- dashboard_{overview,school,grade}_<db>_median: a page for a district admin, served in process
  (sign-in done once; median of the runs): the issue's "time to render"
- dashboard_push_<db>: a push of N new pieces of evidence through the real merge, and the share of
  it the roll-ups' hook took (``district_rollups.changes_applied``): the issue's "roll-up update"
- dashboard_evidence_<db>: the pieces of evidence the district holds

Quick: SQLite only, the demo district at 1,000 students (about 14,000 pieces of evidence), a push
of 500. Full: SQLite at 20,000 students (about 280,000 pieces), then the issue's district on
PostgreSQL (a throwaway server, durable as a real one: see bench/ingest.py), pushes of 5,000:

- the demo district at 50,000 students (556 schools, about 700,000 pieces of evidence, 14 a
  student), built in SQLite and copied in with COPY (``_copy_into_postgres``);
- its evidence grown to 10,000,000 rows in PostgreSQL (``_multiply_evidence``): copies of the
  demo's term of evidence as the terms before it, 13 weeks earlier each (older history of the same
  students, competencies and classes, about 200 pieces a student, 50 a competency), each copy
  written in the order observed; the secondary indexes made again afterwards; VACUUM ANALYZE.

Each setup step's time goes to stderr. A full run took 17 to 20 minutes on a busy 2-core machine:
the PostgreSQL setup 6 to 8 of them, its roll-up rebuild and flag count about 10.

    .venv/bin/python bench/dashboard.py [--quick]
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench, demo_template, median_ms  # noqa: E402

PASSWORD = "bench password 1234"


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
        district_rollups.refresh_flags(uow, date(2026, 11, 23))  # the demo's DEMO_DAY (its evidence runs to the day before)
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
        bench(f"dashboard_{name}_{kind}_median", median_ms(lambda p=path: client.get(p), runs), "ms")

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


SQLITE_STUDENTS = 20_000  # the full run's SQLite district
POSTGRES_STUDENTS = 50_000  # the full run's PostgreSQL district (issue 11)
POSTGRES_EVIDENCE = 10_000_000
POSTGRES_DATABASE = "bench_dashboard"
WEEKS_BACK = 13  # each copy of the demo's term of evidence lies this many weeks before the last one


@contextmanager
def _phase(name: str):
    """Say on stderr how long a setup step took (where the minutes of a full run go)."""
    started = time.perf_counter()
    print(f"bench/dashboard.py: {name} ...", file=sys.stderr, flush=True)
    yield
    print(f"bench/dashboard.py: {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)


def _copy_into_postgres(conninfo: str, source: Path) -> int:
    """Every row of the plclassroom SQLite file ``source`` into the migrated PostgreSQL database,
    with COPY (``tests.postgres.fill_template`` does it through SQLAlchemy, one list per table:
    too slow and too big for a district of 50,000). No device row, as there. Returns the rows copied.

    The values go as SQLite holds them, in COPY's text form, which PostgreSQL reads as the
    column's type: 0 and 1 as booleans, dates and times as ISO text, JSON as its text; the
    timestamps SQLite holds are UTC, so the session's time zone is UTC."""
    import psycopg

    from plclassroom.domain.base import Synced

    copied = 0
    lite = sqlite3.connect(source)
    try:
        with psycopg.connect(conninfo) as pg:
            pg.execute("SET timezone = 'UTC'")
            pg.execute("DELETE FROM sync_device")
            for table in Synced.metadata.sorted_tables:  # parents first
                if table.name in ("sync_device", "alembic_version"):
                    continue
                columns = ", ".join(f'"{column.name}"' for column in table.columns)
                rows = lite.execute(f'SELECT {columns} FROM "{table.name}"')
                with pg.cursor().copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
                    while batch := rows.fetchmany(10_000):
                        for row in batch:
                            copy.write_row(row)
                        copied += len(batch)
            for table in Synced.metadata.sorted_tables:  # a serial key goes on after the rows copied
                for column in table.columns:
                    if column.primary_key and column.autoincrement is True:
                        pg.execute(f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                                   f'max("{column.name}")) FROM "{table.name}" HAVING max("{column.name}") IS NOT NULL')
    finally:
        lite.close()
    return copied


def _evidence_indexes(pg) -> list[tuple[str, str]]:
    """The evidence table's indexes but its primary key: (name, CREATE INDEX statement)."""
    return pg.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                      "AND tablename = 'evidence' AND indexname NOT IN "
                      "(SELECT conname FROM pg_constraint WHERE conrelid = 'evidence'::regclass) "
                      "ORDER BY indexname").fetchall()


def _multiply_evidence(conninfo: str, target: int) -> int:
    """Grow the district's evidence to ``target`` rows with copies of the demo's term of evidence,
    each copy the term before the last (``WEEKS_BACK`` weeks earlier per copy): older history of the
    same students, competencies and classes, new ids (md5 of the old id and the copy's number),
    stamps moved back as far, scores still 1 to 4 but lower the older the copy (the score less
    1/8 per copy, at most 1, and 0 to 3/8 more, rounded). Each copy is written in the order its
    pieces were observed, as a district's evidence arrives: a student's pieces lie on many pages,
    not side by side. The secondary indexes are dropped first and made again at the end (faster
    than growing them row by row), with the same definitions; foreign keys are not checked on the
    copies (each copies a row already checked). Then VACUUM ANALYZE. Returns the evidence rows."""
    import psycopg

    from plclassroom.domain.clock import pack

    with psycopg.connect(conninfo, autocommit=True) as pg:
        triggers = pg.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = 'evidence'::regclass "
                              "AND NOT tgisinternal").fetchall()
        assert not triggers, f"evidence has triggers the copies would skip: {triggers}"
        base = pg.execute("SELECT count(*) FROM evidence").fetchone()[0]
        extra = max(0, target - base)
        copies = -(-extra // base)
        print(f"bench/dashboard.py: {base} pieces of evidence, {copies} copies to make {target}",
              file=sys.stderr, flush=True)
        if not copies:
            return base
        indexes = _evidence_indexes(pg)
        with _phase(f"evidence: drop {len(indexes)} secondary indexes"):
            for name, _definition in indexes:
                pg.execute(f'DROP INDEX "{name}"')
        with _phase(f"evidence: {extra} copied rows"):
            pg.execute("CREATE TEMPORARY TABLE bench_base AS SELECT e.*, "
                       "row_number() OVER (ORDER BY md5(e.id)) AS n FROM evidence e")
            pg.execute("SET session_replication_role = replica")  # no foreign-key triggers: see above
            for g in range(1, copies + 1):
                days = 7 * WEEKS_BACK * g
                limit = min(base, extra - (g - 1) * base)
                pg.execute(
                    "INSERT INTO evidence (id, hlc, device_id, deleted, student_id, competency_id, class_id, score, "
                    "observed_on, source, note, recorded_by, supersedes_id) "
                    "SELECT md5(b.id || %(tag)s::text)::uuid::text, b.hlc - %(shift)s::bigint, b.device_id, b.deleted, "
                    "b.student_id, b.competency_id, b.class_id, "
                    "greatest(1, least(4, round(b.score - (least(%(g)s::int, 8) + get_byte(decode(md5(b.id || "
                    "%(tag)s::text), 'hex'), 0) %% 4) / 8.0))), "
                    "b.observed_on - %(days)s::int, b.source, b.note, b.recorded_by, "
                    "CASE WHEN b.supersedes_id IS NULL THEN NULL ELSE md5(b.supersedes_id || %(tag)s::text)::uuid::text END "
                    "FROM bench_base b WHERE b.n <= %(limit)s::bigint ORDER BY b.observed_on, md5(b.id || %(tag)s::text)",
                    {"g": g, "tag": f":{g}", "shift": pack(days * 86_400_000, 0), "days": days, "limit": limit})
            pg.execute("SET session_replication_role = DEFAULT")
            pg.execute("DROP TABLE bench_base")
        with _phase(f"evidence: make the {len(indexes)} indexes again"):
            pg.execute("SET maintenance_work_mem = '1GB'")
            for _name, definition in indexes:
                pg.execute(definition)
        assert _evidence_indexes(pg) == indexes
        with _phase("VACUUM ANALYZE"):
            pg.execute("VACUUM ANALYZE")
        return pg.execute("SELECT count(*) FROM evidence").fetchone()[0]


def _postgres_district(server_url: str, work: Path, students: int, evidence: int) -> str:
    """A database of the demo district at ``students`` with ``evidence`` pieces of evidence on the
    server; returns its URL."""
    import psycopg
    from sqlalchemy import make_url

    from plclassroom.store.database import Store

    url = make_url(server_url)
    conninfo = url.set(drivername="postgresql", database=POSTGRES_DATABASE).render_as_string(hide_password=False)
    with psycopg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False),
                         autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{POSTGRES_DATABASE}"')
    with _phase(f"PostgreSQL: the demo district at {students} students (SQLite)"):
        (work / "postgresql").mkdir()
        template = demo_template(work / "postgresql", students)
    with _phase("PostgreSQL: migrate"):
        Store.open_url(conninfo).close()
    with _phase("PostgreSQL: COPY the demo district in"):
        rows = _copy_into_postgres(conninfo, template)
    print(f"bench/dashboard.py: {rows} rows copied", file=sys.stderr, flush=True)
    template.unlink()
    with _phase(f"PostgreSQL: evidence to {evidence} rows"):
        count = _multiply_evidence(conninfo, evidence)
    bench("dashboard_evidence_postgresql", count, "rows")
    return conninfo


def _drop_district(server_url: str) -> None:
    import psycopg
    from sqlalchemy import make_url

    url = make_url(server_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}" WITH (FORCE)')


def run(quick: bool) -> None:
    from tests import postgres

    from plclassroom.store.database import Store

    students = 1_000 if quick else SQLITE_STUDENTS
    runs = 5 if quick else 20
    changes = 500 if quick else 5_000
    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-dashboard-") as tmp:
        work = Path(tmp)
        with _phase(f"SQLite: the demo district at {students} students"):
            template = demo_template(work, students)
        bench("dashboard_students", students, "students")
        server = work / "district.sqlite"
        shutil.copy(template, server)
        with sqlite3.connect(server) as db:
            db.execute("DELETE FROM sync_device")  # the server's own device id
        with sqlite3.connect(server) as db:
            bench("dashboard_evidence_sqlite", db.execute("SELECT count(*) FROM evidence").fetchone()[0], "rows")
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
        template.unlink()
        server.unlink()
        with postgres.throwaway_postgres(durable=True) as url:
            database = _postgres_district(url, work, POSTGRES_STUDENTS, POSTGRES_EVIDENCE)
            bench("dashboard_students_postgresql", POSTGRES_STUDENTS, "students")
            try:
                store = Store.open_url(database)
                try:
                    _measure(store, "postgresql", runs, changes)
                finally:
                    store.close()
            finally:
                _drop_district(url)


if __name__ == "__main__":
    run("--quick" in sys.argv)
