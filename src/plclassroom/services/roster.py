"""Classes and their students, as a teacher picks and reads them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from plclassroom.domain import Accommodation, Enrollment, Goal, Person, Role, School, SchoolClass
from plclassroom.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ClassSummary:
    id: str
    title: str
    school: str
    teachers: str
    students: int

    @property
    def label(self) -> str:
        return f"{self.title} — {self.teachers} ({self.school})"


def list_name(person) -> str:
    """A student as lists show and sort them: "Family, Given" (the preferred name when there is one).
    Takes a Person or anything with the same three name fields."""
    return f"{person.family_name}, {person.preferred_name or person.given_name}"


@dataclass(frozen=True)
class StudentRow:
    id: str
    given_name: str
    family_name: str
    preferred_name: str
    grade: str
    identifier: str
    supports: str  # accommodation kinds, e.g. "IEP, ELL"
    active_goals: int

    @property
    def name(self) -> str:
        return list_name(self)


def _live(*tables):
    return [table.deleted.is_(False) for table in tables]


def list_classes(uow: UnitOfWork) -> list[ClassSummary]:
    session = uow.session
    counts = dict(
        session.execute(
            select(Enrollment.class_id, func.count())
            .where(Enrollment.role == Role.STUDENT, Enrollment.archived.is_(False), *_live(Enrollment))
            .group_by(Enrollment.class_id)
        ).all()
    )
    teachers: dict[str, list[str]] = {}
    for class_id, family, given in session.execute(
        select(Enrollment.class_id, Person.family_name, Person.given_name)
        .join(Person, Person.id == Enrollment.person_id)
        .where(Enrollment.role == Role.TEACHER, *_live(Enrollment, Person))
        .order_by(Enrollment.primary.desc(), Person.family_name)
    ):
        teachers.setdefault(class_id, []).append(f"{given} {family}")
    rows = session.execute(
        select(SchoolClass.id, SchoolClass.title, School.name)
        .join(School, School.id == SchoolClass.school_id)
        .where(SchoolClass.archived.is_(False), *_live(SchoolClass))
        .order_by(School.name, SchoolClass.title)
    ).all()
    return [
        ClassSummary(id, title, school, ", ".join(teachers.get(id, [])) or "no teacher", counts.get(id, 0))
        for id, title, school in rows
    ]


def students_of(uow: UnitOfWork, class_id: str) -> list[Person]:
    """The students enrolled in a class now (not archived, not deleted), by family name."""
    return list(uow.session.execute(
        select(Person)
        .join(Enrollment, Enrollment.person_id == Person.id)
        .where(
            Enrollment.class_id == class_id,
            Enrollment.role == Role.STUDENT,
            Enrollment.archived.is_(False),
            *_live(Enrollment, Person),
        )
        .order_by(Person.family_name, Person.given_name)
    ).scalars())


def list_students(uow: UnitOfWork, class_id: str) -> list[StudentRow]:
    session = uow.session
    students = students_of(uow, class_id)
    ids = [s.id for s in students]
    supports: dict[str, list[str]] = {}
    for student_id, kind in session.execute(
        select(Accommodation.student_id, Accommodation.kind)
        .where(Accommodation.student_id.in_(ids), *_live(Accommodation))
        .order_by(Accommodation.kind)
    ):
        supports.setdefault(student_id, []).append(kind)
    goals = dict(
        session.execute(
            select(Goal.student_id, func.count())
            .where(Goal.student_id.in_(ids), Goal.status == "active", *_live(Goal))
            .group_by(Goal.student_id)
        ).all()
    )
    return [
        StudentRow(s.id, s.given_name, s.family_name, s.preferred_name, s.grade, s.identifier,
                   ", ".join(supports.get(s.id, [])), goals.get(s.id, 0))
        for s in students
    ]
