"""Sync figures (issue 8), over real HTTP on loopback with the district server on SQLite:

- a teacher's week: 5,000 changes (evidence and learner-profile edits) pushed by one laptop
  and pulled by another: seconds, bytes on the wire, bytes per change, round trips;
- the same week end to end (push, then the other laptop's pull) through a throttling proxy on
  loopback (bench/throttle.py: 256 kbit/s each way, 600 ms round trips), measured: seconds,
  bytes the proxy carried both ways (HTTP headers included), bytes per change; target under 30 s;
- a no-change sync: bytes;
- the laptop's apply rate for pulled changes (its own part: pages applied and committed), and the
  whole pull's rate (server included).

    .venv/bin/python bench/sync.py [--quick]
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench, demo_template  # noqa: E402
from throttle import throttled  # noqa: E402

LINK_KBIT = 256
ROUND_TRIP_MS = 600


def _laptop(template: Path, path: Path):
    from plclassroom.store.database import Store

    shutil.copy(template, path)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM sync_device")
    return Store.open(path)


def _week_of_changes(store, total: int) -> tuple[int, int]:
    """Evidence (three in five) and learner-profile edits, through the services, as a week makes them.
    Returns (changes made, changes another laptop receives): a field edited twice travels once."""
    from sqlalchemy import select

    from plclassroom.domain import Competency, Enrollment, LearnerProfile
    from plclassroom.services import mastery, profiles

    with store.unit_of_work() as uow:
        class_id = uow.session.execute(select(Enrollment.class_id).where(Enrollment.role == "teacher")).scalar()
        section = mastery.class_mastery(uow, class_id)
        competencies = [c.id for c in section.competencies] or list(
            uow.session.execute(select(Competency.id).limit(10)).scalars())
        students = [s.id for s in section.students]
        profile_ids = list(uow.session.execute(select(LearnerProfile.student_id)).scalars())
    made = 0
    day = date(2026, 11, 23)
    entries = []
    while len(entries) < total * 3 // 5:
        for student in students:
            entries.append(mastery.EvidenceEntry(student, competencies[len(entries) % len(competencies)],
                                                 float(1 + len(entries) % 4), day + timedelta(days=len(entries) % 5)))
    with store.unit_of_work() as uow:
        mastery.record_evidence(uow, class_id, entries[: total * 3 // 5])
    made += total * 3 // 5
    fields = ("strengths", "needs", "interests", "aspirations", "notes")
    with store.unit_of_work() as uow:
        n = 0
        edited = set()
        while made < total:
            student, field = profile_ids[n % len(profile_ids)], fields[n // len(profile_ids) % len(fields)]
            profiles.update_profile_field(uow, student, field, f"Week note {n}")
            edited.add((student, field))
            n += 1
            made += 1
    return made, total * 3 // 5 + len(edited)


@contextmanager
def _week(work: Path, template: Path, total: int) -> Iterator[tuple]:
    """A district server (served on loopback) and two laptops enrolled with it, the first holding
    a week of changes: yields (live server, laptop a, laptop b, tokens, changes made, received)."""
    from tests.server.conftest import serving

    from plclassroom.services import district
    from plclassroom.services import sync as sync_service

    work.mkdir()
    server = _laptop(template, work / "district.sqlite")
    a, b = _laptop(template, work / "a.sqlite"), _laptop(template, work / "b.sqlite")
    try:
        made, received = _week_of_changes(a, total)
        with serving(server) as live:
            tokens = []
            for laptop in (a, b):
                with server.unit_of_work() as uow:
                    user = district.create_user(uow, "Bench", "district_admin")
                with server.unit_of_work() as uow:
                    code = district.issue_enrol_code(uow, user)
                tokens.append(sync_service.enrol(laptop, live.base_url, code))
            yield live, a, b, tokens, made, received
    finally:
        for opened in (a, b, server):
            opened.close()


def _apply_rate(server, device_id: str, template: Path, path: Path) -> float:
    """The laptop's own part of a pull: the week's pages (read from the server beforehand) applied
    to a fresh copy of the school, one transaction per page as a sync does, commit included."""
    from plclassroom.services import district_sync
    from plclassroom.store.district import DistrictDevice, DistrictUser
    from plclassroom.sync.client import apply_changes

    pages, since = [], 0
    while True:
        with server.unit_of_work() as uow:
            device = uow.session.get(DistrictDevice, device_id)
            page = district_sync.pull(uow, device, uow.session.get(DistrictUser, device.user_id), since)
        pages.append(page.changes)
        since = page.next
        if not page.has_more:
            break
    laptop = _laptop(template, path)
    try:
        started = time.perf_counter()
        for changes in pages:
            with laptop.unit_of_work() as uow:
                apply_changes(uow.session, changes, laptop.capture.clock.observe)
                uow.commit()
        return sum(len(changes) for changes in pages) / (time.perf_counter() - started)
    finally:
        laptop.close()


def run(quick: bool) -> None:
    from plclassroom.services import sync as sync_service

    total = 1000 if quick else 5000
    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-sync-") as tmp:
        work = Path(tmp)
        template = demo_template(work)

        with _week(work / "loopback", template, total) as (live, a, b, tokens, made, received):
            started = time.perf_counter()
            push = sync_service.sync_now(a, live.base_url, tokens[0])
            pushed_s = time.perf_counter() - started
            started = time.perf_counter()
            pull = sync_service.sync_now(b, live.base_url, tokens[1])
            pulled_s = time.perf_counter() - started
            idle = sync_service.sync_now(a, live.base_url, tokens[0])
        assert push.pushed == made and pull.pulled == received, (push, pull)
        wire = push.bytes_sent + push.bytes_received
        bench(f"sync_week_{made}_changes_push_time", pushed_s, "s")
        bench(f"sync_week_{made}_changes_push_bytes", wire, "bytes")
        bench("sync_week_push_bytes_per_change", wire / made, "bytes")
        bench("sync_week_push_requests", push.requests, "requests")
        bench(f"sync_week_{made}_changes_pull_time", pulled_s, "s")
        bench("sync_week_pull_bytes_per_change", (pull.bytes_sent + pull.bytes_received) / pull.pulled, "bytes")
        bench("sync_pull_end_to_end_rate", pull.pulled / pulled_s, "changes/s")
        bench("sync_apply_rate", _apply_rate(live.store, b.device_id, template, work / "apply.sqlite"), "changes/s")
        bench("sync_no_change_bytes", idle.bytes_sent + idle.bytes_received, "bytes")
        bench("sync_no_change_requests", idle.requests, "requests")

        # The same week again, on a fresh server, through the throttling proxy: one laptop's sync
        # pushes it, the other's pulls it, each with its own client (one connection each, kept alive).
        with _week(work / "slow", template, total) as (live, a, b, tokens, made, received):
            with throttled(int(live.base_url.rsplit(":", 1)[1]), kbit=LINK_KBIT, rtt_ms=ROUND_TRIP_MS) as link:
                url = f"http://127.0.0.1:{link.port}"
                started = time.perf_counter()
                push = sync_service.sync_now(a, url, tokens[0])
                pushed_s = time.perf_counter() - started
                pull = sync_service.sync_now(b, url, tokens[1])
                slow_s = time.perf_counter() - started
        assert push.pushed == made and pull.pulled == received, (push, pull)
        carried = link.up + link.down
        bench("sync_week_slow_link_seconds", slow_s, "s")
        bench("sync_week_slow_link_push_seconds", pushed_s, "s")
        bench("sync_week_slow_link_pull_seconds", slow_s - pushed_s, "s")
        bench("sync_week_slow_link_wire_bytes", carried, "bytes")
        bench("sync_week_slow_link_bytes_per_change", carried / made, "bytes")
        bench("sync_week_slow_link_requests", push.requests + pull.requests, "requests")
        bench("sync_week_slow_link_connections", link.connections, "connections")


if __name__ == "__main__":
    run("--quick" in sys.argv)
