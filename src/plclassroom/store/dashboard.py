"""Tables of the district web dashboard, only the server fills them (empty on a laptop): people's
sign-in sessions, the mastery and early-warning roll-ups the pages read, and the audit of who saw
which student's data.

The roll-ups are derived data (``services/district_rollups.py`` keeps them): no foreign keys to
the synced tables, so housekeeping's purge of a tombstoned row never waits on them, and
``plclassroom-server rollups --rebuild`` can always make them again from the synced rows.
Not ``Synced``: they never travel.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Index, Integer
from sqlmodel import Field, SQLModel


class DashboardSession(SQLModel, table=True):
    """A person signed in to the dashboard. Only the SHA-256 of the cookie's random token is kept."""

    __tablename__ = "dashboard_session"

    token_hash: str = Field(primary_key=True, max_length=64)
    user_id: str = Field(foreign_key="district_user.id", index=True, max_length=36)
    created_at: datetime
    expires_at: datetime = Field(index=True)


class StudentMastery(SQLModel, table=True):
    """A student's current level on a competency, by the method and scale of the class it is read
    in (the student's live class, lowest id first, whose framework and grades hold it): what that
    class's heatmap shows. Only pairs with a level (evidence or an override) have a row."""

    __tablename__ = "student_mastery"
    __table_args__ = (Index("ix_student_mastery_school_grade_competency", "school_id", "grade", "competency_id"),)

    student_id: str = Field(primary_key=True, max_length=36)
    competency_id: str = Field(primary_key=True, max_length=36)
    school_id: str = Field(max_length=36)  # "" when neither the student nor the class says
    grade: str = ""
    class_id: str = Field(max_length=36, index=True)
    course_id: str | None = Field(default=None, max_length=36)  # the class's course; None: it has none
    score: float | None = None  # None: the method gives no level yet (kept, but out of the roll-up)
    mastered: bool = False
    evidence_count: int = 0
    last_on: date | None = None  # the newest evidence's day


class MasteryRollup(SQLModel, table=True):
    """Per school, grade and competency: the students with a level, how many levels at mastery, and
    the sum of the levels in thousandths (whole numbers: adding and taking away deltas stays exact).
    Competency "": the school and grade over all competencies (students with any level; ``levels``
    is then the number of student-competency levels, elsewhere equal to ``students``)."""

    __tablename__ = "mastery_rollup"

    school_id: str = Field(primary_key=True, max_length=36)
    grade: str = Field(primary_key=True)
    competency_id: str = Field(primary_key=True, max_length=36, index=True)
    students: int = 0
    levels: int = 0
    mastered: int = 0
    score_milli: int = Field(default=0, sa_type=BigInteger)


class CourseRollup(SQLModel, table=True):
    """As ``MasteryRollup``, per school, course and competency (the course of the class each level
    is read in; levels read in a class of no course are not here). Competency "": the school and
    course over all competencies (students with any level in it)."""

    __tablename__ = "course_rollup"

    school_id: str = Field(primary_key=True, max_length=36)
    course_id: str = Field(primary_key=True, max_length=36)
    competency_id: str = Field(primary_key=True, max_length=36, index=True)
    students: int = 0
    levels: int = 0
    mastered: int = 0
    score_milli: int = Field(default=0, sa_type=BigInteger)


class StudentFlag(SQLModel, table=True):
    """A student's concern flags of one early-warning rule, as counted at ``counted_at``."""

    __tablename__ = "student_flag"
    __table_args__ = (Index("ix_student_flag_school_grade", "school_id", "grade"),)

    student_id: str = Field(primary_key=True, max_length=36)
    rule: str = Field(primary_key=True)
    school_id: str = Field(max_length=36)
    grade: str = ""
    flags: int = 0
    counted_at: datetime


class FlagRollup(SQLModel, table=True):
    """Per school, grade and rule: the students with at least one concern flag of it, of
    ``of_students`` counted (rule "" is any concern rule). Every counted grade has its "" row."""

    __tablename__ = "flag_rollup"

    school_id: str = Field(primary_key=True, max_length=36)
    grade: str = Field(primary_key=True)
    rule: str = Field(primary_key=True)
    students: int = 0
    of_students: int = 0
    counted_at: datetime


class ViewAudit(SQLModel, table=True):
    """Someone saw a student's data on the dashboard: one row per student shown (or one for a
    class, ``student_id`` empty). The user's name is copied so the record reads on its own."""

    __tablename__ = "view_audit"

    id: int | None = Field(default=None, primary_key=True, sa_type=BigInteger().with_variant(Integer, "sqlite"))
    user_id: str = Field(max_length=36, index=True)
    user_name: str
    role: str
    viewed_at: datetime = Field(index=True)
    route: str
    student_id: str | None = Field(default=None, max_length=36, index=True)
    class_id: str | None = Field(default=None, max_length=36)
