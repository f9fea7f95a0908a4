"""Who is where: district, schools, terms, courses, classes, people and their links.

Field names follow OneRoster where a district's export fills them (``source_id`` keeps the
OneRoster ``sourcedId`` so a re-import updates instead of duplicating).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import JSON, Column
from sqlmodel import Field

from plclassroom.domain.base import Synced


class Role(StrEnum):
    STUDENT = "student"
    TEACHER = "teacher"
    ADVISOR = "advisor"
    GUARDIAN = "guardian"
    AIDE = "aide"
    ADMINISTRATOR = "administrator"


# ``extra`` keeps what a district's export says beyond our columns (OneRoster ``metadata.*``
# vendor columns, userIds, multiple terms), so nothing a school system sent is dropped.


class District(Synced, table=True):
    name: str
    source_id: str | None = Field(default=None, index=True)
    archived: bool = False
    extra: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))


class School(Synced, table=True):
    district_id: str | None = Field(default=None, foreign_key="district.id", index=True)
    name: str
    identifier: str | None = None  # the state's or district's school number
    source_id: str | None = Field(default=None, index=True)
    archived: bool = False
    extra: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))


class Term(Synced, table=True):
    """An academic session: a school year, semester, term or grading period."""

    school_id: str | None = Field(default=None, foreign_key="school.id", index=True)
    parent_id: str | None = Field(default=None, foreign_key="term.id")
    title: str
    kind: str = "term"  # schoolYear | semester | term | gradingPeriod
    start_date: date
    end_date: date
    school_year: int | None = None
    source_id: str | None = Field(default=None, index=True)
    archived: bool = False
    extra: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))


class Course(Synced, table=True):
    school_id: str | None = Field(default=None, foreign_key="school.id", index=True)
    title: str
    code: str | None = None
    grades: str = ""  # comma-separated, as OneRoster lists them ("06,07")
    subjects: str = ""
    source_id: str | None = Field(default=None, index=True)
    archived: bool = False
    extra: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))


class SchoolClass(Synced, table=True):
    """A class (a section of a course) that a teacher teaches in a term."""

    __tablename__ = "class_section"

    school_id: str = Field(foreign_key="school.id", index=True)
    course_id: str | None = Field(default=None, foreign_key="course.id", index=True)
    term_id: str | None = Field(default=None, foreign_key="term.id", index=True)
    title: str
    class_code: str | None = None
    grades: str = ""
    subjects: str = ""
    periods: str = ""
    location: str = ""
    proficiency_scale_id: str | None = Field(default=None, foreign_key="proficiencyscale.id")
    framework_id: str | None = Field(default=None, foreign_key="competencyframework.id")
    mastery_method: str = "decaying_average"  # how levels are calculated (mastery issue)
    mastery_params: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))
    archived: bool = False  # OneRoster "tobedeleted": kept with its history, hidden from daily lists
    source_id: str | None = Field(default=None, index=True)
    extra: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))


class Person(Synced, table=True):
    """A student, teacher, advisor, guardian, aide or administrator."""

    school_id: str | None = Field(default=None, foreign_key="school.id", index=True)
    role: str = Field(default=Role.STUDENT, index=True)
    given_name: str
    family_name: str
    preferred_name: str = ""
    pronouns: str = ""
    grade: str = ""  # OneRoster grade code, e.g. "06"
    birth_date: date | None = None
    email: str = ""
    username: str = ""
    identifier: str = ""  # the school's student or staff number
    archived: bool = False
    source_id: str | None = Field(default=None, index=True)
    extra: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))

    @property
    def display_name(self) -> str:
        return f"{self.preferred_name or self.given_name} {self.family_name}"


class Enrollment(Synced, table=True):
    class_id: str = Field(foreign_key="class_section.id", index=True)
    person_id: str = Field(foreign_key="person.id", index=True)
    role: str = Role.STUDENT  # student | teacher | aide
    primary: bool = False  # the class's lead teacher
    begin_date: date | None = None
    end_date: date | None = None
    archived: bool = False
    source_id: str | None = Field(default=None, index=True)
    extra: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))


class GuardianLink(Synced, table=True):
    guardian_id: str = Field(foreign_key="person.id", index=True)
    student_id: str = Field(foreign_key="person.id", index=True)
    relationship: str = ""  # parent, grandparent, foster carer, ...


class AdvisorAssignment(Synced, table=True):
    """An advisor's advisee: who this student meets one-on-one."""

    advisor_id: str = Field(foreign_key="person.id", index=True)
    student_id: str = Field(foreign_key="person.id", index=True)
    school_id: str | None = Field(default=None, foreign_key="school.id")
    start_date: date | None = None
    end_date: date | None = None
