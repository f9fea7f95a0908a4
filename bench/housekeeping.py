"""Housekeeping figures (issue 9): how long the district's compaction takes and how much it removes,
on SQLite and on a throwaway PostgreSQL.

The district builds the demo school itself and publishes it into its change log (as
bench/verify.py does), then a term goes by on the district: every learner profile's strengths
edited ``EDITS`` times, and one piece of evidence in ten deleted (a tombstone), each published.
Two laptops are enrolled and have pulled everything (their cursors set to the newest change).
Then one compaction (``services.district_housekeeping.compact``, in one transaction): its
seconds, the change-log entries before and after, the tombstones purged (each leaves a purge
entry for the laptops, so the log keeps those until the next compaction).

Quick: the default demo school (180 students); full: 1,000 students.

    .venv/bin/python bench/housekeeping.py [--quick]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench  # noqa: E402

QUICK_STUDENTS = 180
FULL_STUDENTS = 1_000
EDITS = 4  # each profile's strengths, edited this many times over the term


def _a_term(server, students: int) -> None:
    """The demo school built on the district, then a term of its own edits and deletions, each
    published into its change log; two laptops that have pulled everything."""
    from sqlalchemy import func, select, update

    from plclassroom.domain import Evidence, LearnerProfile
    from plclassroom.server.cli import publish
    from plclassroom.services import demo, profiles
    from plclassroom.store.district import DistrictChange, DistrictDevice, DistrictUser

    with server.unit_of_work() as uow:
        demo.build_demo_school(uow, students=students)
        uow.commit()
    with contextlib.redirect_stdout(io.StringIO()):  # publish says how many changes are ready
        publish(server)
        with server.unit_of_work() as uow:
            profiled = list(uow.session.execute(select(LearnerProfile.student_id)).scalars())
        for week in range(EDITS):
            with server.unit_of_work() as uow:
                for student in profiled:
                    profiles.update_profile_field(uow, student, "strengths", f"Week {week}: growing in ratios")
            publish(server)
        with server.unit_of_work() as uow:
            for row in list(uow.session.execute(select(Evidence).order_by(Evidence.id)).scalars())[::10]:
                row.deleted = True
                uow.session.add(row)
            uow.commit()
        publish(server)
    now = datetime.now(UTC)
    with server.unit_of_work() as uow:
        uow.session.add(DistrictUser(id="bench-user", name="Bench", role="district_admin", created_at=now))
        uow.session.flush()
        uow.session.add_all([DistrictDevice(id=f"bench-laptop-{n}", user_id="bench-user", token_hash=f"h{n}",
                                            created_at=now, last_sync_at=now) for n in range(2)])
        uow.session.flush()
        top = uow.session.execute(select(func.max(DistrictChange.seq))).scalar()
        uow.session.execute(update(DistrictDevice).values(pulled_seq=top))
        uow.commit()


def _measure(kind: str, server, students: int) -> None:
    from tests.conftest import count

    from plclassroom.services import district_housekeeping

    _a_term(server, students)
    before = count(server, "SELECT count(*) FROM district_change")
    started = time.perf_counter()
    with server.unit_of_work() as uow:
        done = district_housekeeping.compact(uow)
    seconds = time.perf_counter() - started
    bench(f"housekeeping_{kind}_log_entries_before", before, "entries")
    bench(f"housekeeping_{kind}_log_entries_after", done.log_entries, "entries")
    bench(f"housekeeping_{kind}_log_removed", done.log_removed, "entries")
    bench(f"housekeeping_{kind}_rows_purged", done.rows_purged, "rows")
    bench(f"housekeeping_{kind}_compact_seconds", seconds, "s")


def run(quick: bool) -> None:
    from tests import postgres

    from plclassroom.store.database import Store

    students = QUICK_STUDENTS if quick else FULL_STUDENTS
    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-housekeeping-") as tmp:
        server = Store.open(Path(tmp) / "district.sqlite")
        try:
            _measure("sqlite", server, students)
        finally:
            server.close()
    with postgres.throwaway_postgres(durable=True) as url:
        databases = postgres.Databases(url)
        server = Store.open_url(databases.url_of(databases.fresh("housekeeping", lambda _url: None)))
        try:
            _measure("postgresql", server, students)
        finally:
            server.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the default demo school (180 students)")
    run(parser.parse_args().quick)
