"""Settling a conflict (issue 9's conflicts view, its use cases): two laptops changed one note
offline; either laptop sees both versions, keeps one or writes a merge, and the choice syncs to
every device like any edit, with the conflict settled everywhere."""

import pytest

from plclassroom.domain import word_diff
from plclassroom.services import conflicts, profiles
from tests.conftest import count, run
from tests.sync.test_merge import client, first_student, profile_field

MUM = "Mum says he reads every night"
PRINT = "Needs large print for tests"


@pytest.fixture
def two_versions(server, laptops):
    a, b = laptops(), laptops()
    student = first_student(a)
    run(a, profiles.update_profile_field, student, "notes", MUM)
    run(b, profiles.update_profile_field, student, "notes", PRINT)  # the newer: it stands
    syncs = {a: client(server, a), b: client(server, b)}
    for laptop in (a, b, a):
        syncs[laptop].sync()
    return a, b, student, syncs


def test_each_laptop_sees_both_versions_and_which_is_its_own(two_versions):
    a, b, _student, _syncs = two_versions
    [on_a] = run(a, conflicts.list_conflicts)
    [on_b] = run(b, conflicts.list_conflicts)
    for view in (on_a, on_b):
        assert (view.stands, view.other, view.what) == (PRINT, MUM, "Learner profile: notes")
        assert view.student  # the student's name, not an id
    assert on_a.other_here and not on_b.other_here  # MUM was written on a


def test_a_merge_made_on_one_laptop_settles_it_everywhere(server, two_versions):
    a, b, student, syncs = two_versions
    [view] = run(b, conflicts.list_conflicts)
    merged = "Reads every night at home; needs large print for tests"
    assert run(b, conflicts.settle, view.id, merged) == PRINT
    assert run(b, conflicts.list_conflicts) == []
    for laptop in (b, a):
        syncs[laptop].sync()
    for store in (a, b, server):
        assert profile_field(store, student, "notes") == merged
        assert count(store, "SELECT count(*) FROM sync_conflict WHERE resolved") == 1
    assert run(a, conflicts.list_conflicts) == []
    with pytest.raises(conflicts.ConflictError, match="already been settled"):
        run(a, conflicts.settle, view.id, MUM)


def test_keeping_the_version_that_stands_changes_no_text_and_undo_reopens(two_versions):
    a, _b, student, _syncs = two_versions
    [view] = run(a, conflicts.list_conflicts)
    outbox = count(a, "SELECT count(*) FROM sync_outbox")
    previous = run(a, conflicts.settle, view.id, view.stands)
    assert count(a, "SELECT count(*) FROM sync_outbox") == outbox + 1  # only the conflict, settled
    run(a, conflicts.reopen, view.id, previous)
    assert [v.id for v in run(a, conflicts.list_conflicts)] == [view.id]
    run(a, conflicts.settle, view.id, view.other)  # keep the other one
    assert profile_field(a, student, "notes") == MUM


def test_the_differences_are_marked_word_by_word():
    runs = word_diff("Needs large print for tests", "Needs large print and a reader for tests")
    assert "".join(text for kind, text in runs if kind != "added") == "Needs large print for tests"
    assert "".join(text for kind, text in runs if kind != "removed") == "Needs large print and a reader for tests"
    assert [text for kind, text in runs if kind == "added"] == ["and a reader "]
    assert word_diff("same", "same") == [("same", "same")]


def test_a_refused_change_is_listed_and_goes_again_once_the_district_allows_it(server, laptops):
    from sqlalchemy import select

    from plclassroom.domain import Enrollment
    from plclassroom.store.district import DistrictUser
    from tests.sync.conftest import a_teacher_and_class

    laptop = laptops()
    teacher, class_id = a_teacher_and_class(server)
    sync = client(server, laptop, role="teacher", person_id=teacher)
    with server.unit_of_work() as uow:
        classes = set(uow.session.execute(select(Enrollment.class_id).where(Enrollment.person_id == teacher)).scalars())
        mine = set(uow.session.execute(select(Enrollment.person_id).where(
            Enrollment.class_id.in_(classes), Enrollment.role == "student")).scalars())
        outsider = sorted(set(uow.session.execute(select(Enrollment.person_id).where(
            Enrollment.role == "student")).scalars()) - mine)[0]
    run(laptop, profiles.update_profile_field, outsider, "needs", "Seen at lunch duty: needs a quiet space")
    assert sync.sync().rejected == 1
    [refused] = run(laptop, conflicts.list_refused)
    assert refused.what == "Learner profile" and refused.student and "not one of yours" in refused.why
    # The admin makes the teacher a school-wide role; the teacher sends it again.
    with server.unit_of_work() as uow:
        user = uow.session.get(DistrictUser, f"user-{laptop.device_id[:8]}")
        user.role = "district_admin"
        uow.commit()
    run(laptop, conflicts.send_again, refused.seq)
    assert run(laptop, conflicts.list_refused) == []
    report = sync.sync()
    assert report.pushed == 1 and report.rejected == 0
    assert profile_field(server, outsider, "needs") == "Seen at lunch duty: needs a quiet space"
    with pytest.raises(conflicts.ConflictError):
        run(laptop, conflicts.send_again, refused.seq)
