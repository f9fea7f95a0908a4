"""Flex seminars on the demo school: proposals from mastery, capacity and clashes, attendance."""

from datetime import date, time

import pytest

from plclassroom.domain import SchoolClass
from plclassroom.services import mastery, roster, seminars
from tests.conftest import count, run

FLEX = date(2026, 12, 2)


@pytest.fixture
def setting(demo_store):
    classes = run(demo_store, roster.list_classes)
    class_id = next(c for c in classes if run(demo_store, mastery.class_mastery, c.id).competencies).id
    with demo_store.unit_of_work() as uow:
        school_id = uow.get(SchoolClass, class_id).school_id
    found = run(demo_store, mastery.class_mastery, class_id)
    competency = max(found.competencies, key=lambda c: len(found.needs(c.id)))
    return school_id, class_id, competency, found


def test_proposals_are_the_students_below_the_level_lowest_first(demo_store, setting):
    school_id, _class_id, competency, found = setting
    seminar = run(demo_store, seminars.create_seminar, school_id, "Ratio tables again", FLEX, time(13, 0), 30,
                  "Room 12", 12, competency.id, 3.0)
    proposed = run(demo_store, seminars.propose, seminar)
    assert proposed
    scores = [p.score for p in proposed if p.score is not None]
    assert scores == sorted(scores) and all(s < 3.0 for s in scores)
    mine = {s.id for s in found.students}
    below = {s.id for s in found.students if (c := found.cell(s.id, competency.id)) is None or c.score < 3.0}
    assert below <= {p.student_id for p in proposed} | (mine - below)
    assert {p.student_id for p in proposed} & mine == below


def test_capacity_and_clashes_refuse_the_whole_request_and_change_nothing(demo_store, setting):
    school_id, _class_id, competency, found = setting
    first = run(demo_store, seminars.create_seminar, school_id, "Unit rates", FLEX, time(13, 0), 30, "Room 12", 3,
                competency.id)
    other = run(demo_store, seminars.create_seminar, school_id, "Fractions", FLEX, time(13, 15), 30, "Room 4", 20)
    later = run(demo_store, seminars.create_seminar, school_id, "Reading club", FLEX, time(14, 0), 30, "Library", 20)
    students = [s.id for s in found.students]
    assert run(demo_store, seminars.seat, first, students[:2]) == students[:2]
    with pytest.raises(seminars.SeminarError, match="1 seats left; 2 students"):
        run(demo_store, seminars.seat, first, students[2:4])
    with pytest.raises(seminars.SeminarError, match="is in Unit rates at 13:00"):
        run(demo_store, seminars.seat, other, [students[0], students[5]], "signed up")
    assert count(demo_store, "SELECT count(*) FROM seminar_seat WHERE NOT deleted") == 2
    assert run(demo_store, seminars.seat, later, [students[0]], "signed up") == [students[0]]
    where = run(demo_store, seminars.where_is, school_id, FLEX)
    assert [s.title for s in where[students[0]]] == ["Unit rates", "Reading club"]
    # Proposals leave out who is already busy at that time.
    assert students[0] not in {p.student_id for p in run(demo_store, seminars.propose, first)}


def test_attendance_is_recorded_for_seated_students_only(demo_store, setting):
    school_id, _class_id, competency, found = setting
    seminar = run(demo_store, seminars.create_seminar, school_id, "Unit rates", FLEX, time(13, 0))
    a, b, c = (s.id for s in found.students[:3])
    run(demo_store, seminars.seat, seminar, [a, b])
    run(demo_store, seminars.record_attendance, seminar, {a: True, b: False})
    assert [(s.attended) for s in run(demo_store, seminars.seats, seminar)] in ([True, False], [False, True])
    with pytest.raises(seminars.SeminarError, match="only be taken for students with a seat"):
        run(demo_store, seminars.record_attendance, seminar, {c: True})
    run(demo_store, seminars.unseat, seminar, b)
    assert [s.student_id for s in run(demo_store, seminars.seats, seminar)] == [a]
    with pytest.raises(seminars.SeminarError, match="needs a title"):
        run(demo_store, seminars.create_seminar, school_id, " ", FLEX, time(13, 0))
