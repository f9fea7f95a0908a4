import sqlite3
from datetime import date

import pytest

from plclassroom.services import demo, roster
from tests.conftest import count


def test_the_demo_school_has_the_promised_shape(demo_store):
    roles = dict(sqlite3.connect(demo_store.path).execute("SELECT role, count(*) FROM person GROUP BY role"))
    assert roles["student"] == 180 and roles["teacher"] == 6 and roles["advisor"] == 3
    assert count(demo_store, "SELECT count(*) FROM school") == 2
    assert count(demo_store, "SELECT count(*) FROM class_section") == 8
    assert count(demo_store, "SELECT count(*) FROM learner_profile") == 180
    assert count(demo_store, "SELECT count(*) FROM competency") == 16
    assert count(demo_store, "SELECT count(*) FROM evidence") > 180 * 4
    assert count(demo_store, "SELECT count(DISTINCT student_id) FROM conference") == 180
    assert count(demo_store, "SELECT count(*) FROM goal") >= 180
    assert count(demo_store, "SELECT count(*) FROM accommodation WHERE sensitive") > 0
    # Evidence falls inside the term and only on grade-6 items of the framework.
    assert count(demo_store, "SELECT count(*) FROM evidence WHERE observed_on NOT BETWEEN '2026-08-24' AND '2026-11-22'") == 0
    # The classes taught four units; the current one (the last 16 days before DEMO_DAY) by everyone
    # but a few who were away.
    assert count(demo_store, "SELECT count(DISTINCT competency_id) FROM evidence") == 4
    recent = count(demo_store, "SELECT count(DISTINCT student_id) FROM evidence WHERE observed_on >= '2026-11-09'")
    assert 0.85 * 180 < recent < 180
    # Each school's grade team met a week before DEMO_DAY, what was flagged kept, three actions agreed.
    assert count(demo_store, "SELECT count(*) FROM data_meeting WHERE held_on = '2026-11-16' "
                             "AND json_array_length(flagged) > 0") == 2
    assert count(demo_store, "SELECT count(*) FROM meeting_action") == 6
    assert count(demo_store, "SELECT count(*) FROM evidence e JOIN competency c ON c.id = e.competency_id "
                             "WHERE c.education_level != '06'") == 0


def test_every_class_has_a_teacher_and_students(demo_store):
    with demo_store.unit_of_work() as uow:
        classes = roster.list_classes(uow)
    assert len(classes) == 8
    assert all(c.students > 0 and c.teachers != "no teacher" for c in classes)


def test_the_demo_is_seed_data_not_local_edits(demo_store):
    assert count(demo_store, "SELECT count(*) FROM sync_outbox") == 0
    assert count(demo_store, "SELECT count(*) FROM person WHERE hlc = 0 OR device_id = ''") == 0


def _fingerprint(store):
    with sqlite3.connect(store.path) as conn:
        return conn.execute(
            "SELECT group_concat(id || given_name || family_name, ',') FROM (SELECT * FROM person ORDER BY id)"
        ).fetchone()[0], conn.execute("SELECT sum(score), count(*) FROM evidence").fetchone()


def test_the_same_seed_builds_the_same_school(tmp_path, demo_store):
    from plclassroom.store.database import Store

    again = Store.open(tmp_path / "again.sqlite")
    with again.unit_of_work(record_changes=False) as uow:
        demo.build_demo_school(uow)
        uow.commit()
    assert _fingerprint(again) == _fingerprint(demo_store)
    other = Store.open(tmp_path / "other.sqlite")
    with other.unit_of_work(record_changes=False) as uow:
        demo.build_demo_school(uow, seed=7)
        uow.commit()
    assert _fingerprint(other) != _fingerprint(demo_store)


def test_the_demo_moves_to_the_day_it_is_built_on(store, demo_store):
    """The app builds it on today's calendar: every date moves by the same days, nothing else."""
    from datetime import timedelta

    later = demo.DEMO_DAY + timedelta(days=45)
    with store.unit_of_work(record_changes=False) as uow:
        demo.build_demo_school(uow, today=later)
        uow.commit()
    assert _fingerprint(store) == _fingerprint(demo_store)  # the same people and scores
    query = "SELECT min(observed_on), max(observed_on) FROM evidence"
    moved = sqlite3.connect(store.path).execute(query).fetchone()
    fixed = sqlite3.connect(demo_store.path).execute(query).fetchone()
    assert [date.fromisoformat(d) - date.fromisoformat(f) for d, f in zip(moved, fixed, strict=True)] == [
        timedelta(days=45)] * 2
    assert count(store, "SELECT count(*) FROM data_meeting WHERE held_on = ?",
                 (later - timedelta(days=7)).isoformat()) == 2


def test_the_demo_scales_by_students(store):
    with store.unit_of_work(record_changes=False) as uow:
        summary = demo.build_demo_school(uow, students=1000)
        uow.commit()
    assert (summary.students, summary.schools) == (1000, 12)
    assert count(store, "SELECT count(*) FROM person WHERE role = 'student'") == 1000
    assert summary.classes == 48 and summary.teachers == 36


def test_a_cancelled_build_writes_nothing(store):
    calls = []
    with store.unit_of_work(record_changes=False) as uow, pytest.raises(demo.Cancelled):
        demo.build_demo_school(uow, students=500, progress=lambda done, total: calls.append(done),
                               cancelled=lambda: len(calls) >= 2)
        uow.commit()
    assert calls == [1, 2]
    assert count(store, "SELECT count(*) FROM person") == 0
    assert count(store, "SELECT count(*) FROM competency") == 0
