"""The dashboard's course drill-down (issue 11): a school's courses, a course's competencies, and a
competency's students within a course, for every role; small groups suppressed; the course roll-up
kept by the hook equal to a rebuild, also when a class loses its course."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select, update

from plclassroom.domain import Course, SchoolClass
from plclassroom.services import district_rollups
from plclassroom.services.district_rollups import ALL
from plclassroom.store.dashboard import CourseRollup, StudentMastery, ViewAudit
from tests.server import test_dashboard as dashboard
from tests.server.test_dashboard import ROLES, District, names_of, row_of, signed_in, snapshot, text_of

# The demo district (two schools of 90) and the small one (10 and 9 students), as test_dashboard.py builds them.
demo_district = dashboard.demo_district
small_district = dashboard.small_district

MATH = "Mathematics 6"  # the demo's course with levels (its science classes have no framework)


def math_course(d: District, school_id: str) -> str:
    with d.store.unit_of_work() as uow:
        return uow.session.execute(select(Course.id).where(Course.school_id == school_id,
                                                           Course.title == MATH)).scalar_one()


def course_pages(d: District) -> dict[str, str]:
    a, b, c = d.school_a, d.school_b, d.competency
    course_a, course_b = math_course(d, a), math_course(d, b)
    return {
        "course_a": f"/dashboard/school/{a}/course/{course_a}",
        "course_b": f"/dashboard/school/{b}/course/{course_b}",
        "competency_a": f"/dashboard/school/{a}/course/{course_a}/competency/{c}",
        "competency_b": f"/dashboard/school/{b}/course/{course_b}/competency/{c}",
        # Another school's course under one's own school, and a course that does not exist.
        "a_course_under_b": f"/dashboard/school/{b}/course/{course_a}",
        "b_course_under_a": f"/dashboard/school/{a}/course/{course_b}/competency/{c}",
        "no_such_course": f"/dashboard/school/{a}/course/no-such-course",
    }


ALWAYS_404 = {"a_course_under_b": 404, "b_course_under_a": 404, "no_such_course": 404}
EXPECTED = {
    "district_admin": {"course_a": 200, "course_b": 200, "competency_a": 200, "competency_b": 200, **ALWAYS_404},
    "principal_a": {"course_a": 200, "course_b": 404, "competency_a": 200, "competency_b": 404, **ALWAYS_404},
    "principal_b": {"course_a": 404, "course_b": 200, "competency_a": 404, "competency_b": 200, **ALWAYS_404},
    "teacher": {"course_a": 200, "course_b": 404, "competency_a": 200, "competency_b": 404, **ALWAYS_404},
}


@pytest.mark.parametrize("role", ROLES)
def test_every_course_page_answers_each_role_as_it_may_see(demo_district, role):
    d = demo_district
    client = signed_in(d.store, d.users[role])
    for page, path in course_pages(d).items():
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == EXPECTED[role][page], (page, answer.status_code)
        if answer.status_code == 404:
            assert "not one you can see" in answer.text


def test_the_school_page_lists_its_courses_and_a_course_its_competencies(demo_district):
    d = demo_district
    course = math_course(d, d.school_a)
    with d.store.unit_of_work() as uow:
        rows = {r.competency_id: r for r in uow.session.execute(select(CourseRollup).where(
            CourseRollup.school_id == d.school_a, CourseRollup.course_id == course)).scalars()}
        levels = list(uow.session.execute(select(StudentMastery).where(
            StudentMastery.school_id == d.school_a, StudentMastery.course_id == course)).scalars())
    total = rows[ALL]
    assert total.students == len({r.student_id for r in levels if r.score is not None}) >= 10
    assert total.levels == sum(1 for r in levels if r.score is not None)
    admin = signed_in(d.store, "Dana Admin")
    school = admin.get(f"/dashboard/school/{d.school_a}").text
    assert "Courses: mastery" in school and f'href="/dashboard/school/{d.school_a}/course/{course}"' in school
    line = row_of(school, MATH)
    assert f"{round(100 * total.mastered / total.levels)}%" in line and str(total.students) in line
    page = admin.get(f"/dashboard/school/{d.school_a}/course/{course}").text
    assert f"Competencies in {MATH}" in page
    shown = rows[d.competency]
    assert f'/course/{course}/competency/{d.competency}"' in page
    assert f"{round(100 * shown.mastered / shown.levels)}%" in row_of(page, f"/competency/{d.competency}")
    # The course's competency page: the students whose levels are read in its classes.
    listed = {r.student_id for r in levels if r.competency_id == d.competency}
    competency = text_of(admin.get(f"/dashboard/school/{d.school_a}/course/{course}/competency/{d.competency}").text)
    assert all(n in competency for n in names_of(d.store, listed)) and MATH in competency


def test_a_teacher_sees_their_own_students_in_a_course(demo_district):
    d = demo_district
    course = math_course(d, d.school_a)
    with d.store.unit_of_work() as uow:
        levels = list(uow.session.execute(select(StudentMastery).where(
            StudentMastery.school_id == d.school_a, StudentMastery.course_id == course)).scalars())
    mine = {r.student_id for r in levels if r.student_id in d.teacher_students and r.score is not None}
    others = {r.student_id for r in levels if r.competency_id == d.competency} - d.teacher_students
    assert mine and others
    teacher = signed_in(d.store, "Terry Teacher")
    school = teacher.get(f"/dashboard/school/{d.school_a}").text
    assert str(len(mine)) in row_of(school, MATH) if len(mine) >= 10 else "fewer than 10" in row_of(school, MATH)
    page = text_of(teacher.get(f"/dashboard/school/{d.school_a}/course/{course}").text)
    assert "These figures are over your own students only." in page
    assert f"Students with a level: {len(mine) if len(mine) >= 10 else 'fewer than 10'}." in page
    path = f"/dashboard/school/{d.school_a}/course/{course}/competency/{d.competency}"
    competency = text_of(teacher.get(path).text)
    only_others = names_of(d.store, others) - names_of(d.store, d.teacher_students)
    assert "your own students only" in competency and not any(n in competency for n in only_others)
    # The view is logged, and the audit says which page in words.
    with d.store.unit_of_work() as uow:
        seen = sorted(uow.session.execute(select(ViewAudit.student_id).where(
            ViewAudit.route == path, ViewAudit.user_name == "Terry Teacher")).scalars())
    assert seen and set(seen) <= d.teacher_students
    audit = text_of(signed_in(d.store, "Dana Admin").get(f"/dashboard/audit?student={seen[0]}").text)
    assert f"in {MATH}, {d.names[d.school_a]}" in audit


def test_a_course_of_9_is_suppressed_and_one_of_10_is_shown(small_district):
    d = small_district
    with d.store.unit_of_work() as uow:
        counts = dict(uow.session.execute(select(CourseRollup.school_id, CourseRollup.students).where(
            CourseRollup.competency_id == ALL)).all())
    assert sorted(counts.values()) == [9, 10]
    ten, nine = (d.school_a, d.school_b) if counts[d.school_a] == 10 else (d.school_b, d.school_a)
    admin = signed_in(d.store, "Dana Admin")
    big = row_of(admin.get(f"/dashboard/school/{ten}").text, MATH)
    small = row_of(admin.get(f"/dashboard/school/{nine}").text, MATH)
    assert re.search(r"\d+%", big) and "fewer than 10" not in big
    assert "fewer than 10" in small and not re.search(r"\d", small.replace("fewer than 10", "").replace(MATH, ""))
    for school in (ten, nine):
        page = admin.get(f"/dashboard/school/{school}/course/{math_course(d, school)}").text
        table = page.split(f"Competencies in {MATH}", 1)[1].split("</table>", 1)[0]
        if school == nine:  # every competency: 9 students with a level
            assert "fewer than 10" in table and 'class="pct"' not in table
        else:  # every student has a level on each unit taught: 10
            assert "fewer than 10" not in table and 'class="pct"' in table
        if school == nine:
            assert "Students with a level: <span class=\"small\">fewer than 10" in page


def test_a_class_that_loses_its_course_leaves_the_course_rollup_as_a_rebuild_would(small_district):
    d = small_district
    store = d.store
    course = math_course(d, d.school_a)
    with store.unit_of_work() as uow:
        class_id = uow.session.execute(select(StudentMastery.class_id).where(
            StudentMastery.course_id == course).order_by(StudentMastery.class_id)).scalars().first()
        uow.session.execute(update(SchoolClass).where(SchoolClass.id == class_id).values(course_id=None))
        row = {"id": class_id, "course_id": None}
        assert district_rollups.changes_applied(uow, {("class_section", class_id): row}) > 0
        uow.commit()
    after = snapshot(store)
    with store.unit_of_work() as uow:
        rows = list(uow.session.execute(select(StudentMastery).where(StudentMastery.class_id == class_id)).scalars())
        assert rows and all(r.course_id is None for r in rows)
        district_rollups.rebuild(uow)
    assert snapshot(store) == after
