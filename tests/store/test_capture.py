"""Change capture: every committed change of a synced row has its outbox entry, in the same transaction."""

import json
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy.exc import IntegrityError

from plclassroom.domain import Goal, LearnerProfile, Person, School
from plclassroom.store.capture import HardDeleteError
from plclassroom.store.database import Store
from tests.conftest import count


def outbox(store):
    import sqlite3

    with sqlite3.connect(store.path) as conn:
        return [(table, row, op, hlc, json.loads(fields))
                for table, row, op, hlc, fields in conn.execute(
                    "SELECT table_name, row_id, op, hlc, fields FROM sync_outbox ORDER BY seq")]


def add_student(store, **fields) -> str:
    with store.unit_of_work() as uow:
        student = uow.add(Person(given_name="Ana", family_name="Silva", **fields))
        uow.commit()
        return student.id


def test_an_insert_is_stamped_and_queued_with_all_its_fields(store):
    student_id = add_student(store, grade="06")
    [(table, row_id, op, hlc, fields)] = outbox(store)
    assert (table, row_id, op) == ("person", student_id, "insert")
    assert fields["given_name"] == "Ana" and fields["grade"] == "06" and fields["deleted"] is False
    with store.unit_of_work() as uow:
        person = uow.get(Person, student_id)
        assert person.hlc == hlc > 0
        assert person.device_id == store.device_id


def test_an_update_queues_only_the_changed_fields(store):
    student_id = add_student(store)
    with store.unit_of_work() as uow:
        person = uow.get(Person, student_id)
        person.preferred_name = "Annie"
        person.family_name = "Silva"  # set to what it already was: not a change
        uow.commit()
    table, row_id, op, _hlc, fields = outbox(store)[-1]
    assert (table, row_id, op, fields) == ("person", student_id, "update", {"preferred_name": "Annie"})


def test_setting_a_field_to_its_own_value_queues_nothing(store):
    student_id = add_student(store)
    with store.unit_of_work() as uow:
        uow.get(Person, student_id).given_name = "Ana"
        uow.commit()
    assert len(outbox(store)) == 1


def test_stamps_increase_with_every_change(store):
    student_id = add_student(store)
    for name in ("B", "C", "D"):
        with store.unit_of_work() as uow:
            uow.get(Person, student_id).given_name = name
            uow.commit()
    stamps = [entry[3] for entry in outbox(store)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4


def test_a_delete_is_a_tombstone_that_syncs(store):
    student_id = add_student(store)
    with store.unit_of_work() as uow:
        uow.tombstone(uow.get(Person, student_id))
        uow.commit()
    _table, _row_id, op, _hlc, fields = outbox(store)[-1]
    assert (op, fields) == ("delete", {"deleted": True})
    assert count(store, "SELECT count(*) FROM person WHERE id = ?", student_id) == 1
    with store.unit_of_work() as uow:
        assert uow.get(Person, student_id) is None


def test_a_hard_delete_is_refused_and_changes_nothing(store):
    student_id = add_student(store)
    with store.unit_of_work() as uow:
        uow.session.delete(uow.get(Person, student_id))
        with pytest.raises(HardDeleteError):
            uow.commit()
    assert count(store, "SELECT count(*) FROM person") == 1
    assert len(outbox(store)) == 1


def test_a_failed_commit_leaves_neither_the_rows_nor_their_outbox_entries(store):
    with store.unit_of_work() as uow:
        uow.add(School(name="Cedar Hollow"))
        uow.add(LearnerProfile(student_id="no-such-student"))  # foreign key fails at flush
        with pytest.raises(IntegrityError):
            uow.commit()
    assert count(store, "SELECT count(*) FROM school") == 0
    assert count(store, "SELECT count(*) FROM sync_outbox") == 0


CRASH = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from plclassroom.domain import Person
    from plclassroom.store.database import Store
    store = Store.open(Path(sys.argv[1]))
    uow = store.unit_of_work()
    uow.add(Person(given_name="Crash", family_name="Test"))
    uow.session.flush()  # the row and its outbox entry are written, not committed
    if sys.argv[2] == "commit":
        uow.commit()
    os._exit(1)  # the process dies here, as on a power cut: no clean-up, no rollback
""")


@pytest.mark.parametrize("when, expected", [("before-commit", 0), ("commit", 1)])
def test_a_crash_keeps_row_and_outbox_together(tmp_path, when, expected):
    path = tmp_path / "crash.sqlite"
    Store.open(path).close()
    result = subprocess.run([sys.executable, "-c", CRASH, str(path), when], capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    store = Store.open(path)
    try:
        assert count(store, "SELECT count(*) FROM person WHERE given_name = 'Crash'") == expected
        assert count(store, "SELECT count(*) FROM sync_outbox WHERE table_name = 'person'") == expected
    finally:
        store.close()


def test_seed_data_is_stamped_but_not_queued(store):
    student_id = add_student(store)
    with store.unit_of_work(record_changes=False) as uow:
        uow.insert_many(School, [{"id": "s1", "name": "Harbor View"}])
        uow.add(Goal(student_id=student_id, statement="x"))
        uow.commit()
    assert [entry[0] for entry in outbox(store)] == ["person"]  # only the captured student
    with store.unit_of_work() as uow:
        school = uow.get(School, "s1")
        assert school.hlc > 0 and school.device_id == store.device_id


def test_the_clock_resumes_after_the_newest_stamp_on_reopen(tmp_path):
    path = tmp_path / "clock.sqlite"
    first = Store.open(path)
    add_student(first)
    newest = outbox(first)[-1][3]
    first.close()
    again = Store.open(path)
    assert again.capture.clock.last >= newest
    add_student(again)
    assert outbox(again)[-1][3] > newest


def test_insert_many_gives_the_same_stamps_and_entries_as_add(store):
    with store.unit_of_work() as uow:
        written = uow.insert_many(School, [{"id": "s1", "name": "Harbor View"}, {"id": "s2", "name": "Cedar"}])
        uow.add(School(id="s3", name="Pine Ridge"))
        uow.commit()
    assert written == 2
    entries = outbox(store)
    assert [(table, row, op) for table, row, op, _, _ in entries] == [
        ("school", "s1", "insert"), ("school", "s2", "insert"), ("school", "s3", "insert")]
    # A bulk row's entry holds the same fields, defaults filled in, as an added object's.
    assert set(entries[0][4]) == set(entries[2][4])
    assert entries[0][4]["extra"] == {} and entries[0][4]["deleted"] is False
    with store.unit_of_work() as uow:
        assert uow.get(School, "s1").hlc == entries[0][3] and uow.get(School, "s1").device_id == store.device_id


def test_a_child_may_be_written_before_its_parent_in_one_transaction(store):
    from plclassroom.domain import Goal

    with store.unit_of_work() as uow:
        student = Person(given_name="Ana", family_name="Silva")
        uow.add(Goal(student_id=student.id, statement="Read every day"))  # the child first
        uow.session.flush()
        uow.add(student)
        uow.commit()
    assert count(store, "SELECT count(*) FROM goal") == 1


def test_after_a_refused_commit_the_next_unit_of_work_starts_clean(store):
    with store.unit_of_work() as uow:
        uow.add(LearnerProfile(student_id="no-such-student"))
        with pytest.raises(IntegrityError):
            uow.commit()
    add_student(store)
    assert count(store, "SELECT count(*) FROM learner_profile") == 0
    assert count(store, "SELECT count(*) FROM person") == 1
    assert [entry[0] for entry in outbox(store)] == ["person"]
