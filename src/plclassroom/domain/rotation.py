"""Station rotations: stations, groups, and which group is where in each block."""

from __future__ import annotations

from datetime import date, time
from enum import StrEnum

from sqlalchemy import JSON, Column
from sqlmodel import Field

from plclassroom.domain.base import Synced


class StationKind(StrEnum):
    TEACHER_LED = "teacher-led"
    ONLINE = "independent online"
    OFFLINE = "independent practice"
    COLLABORATIVE = "collaborative"
    PROJECT = "project"
    ASSESSMENT = "assessment"


class RotationPlan(Synced, table=True):
    __tablename__ = "rotation_plan"

    class_id: str = Field(foreign_key="class_section.id", index=True)
    title: str
    start_date: date
    end_date: date
    period_minutes: int = 60
    rotation_count: int = 4
    rotation_minutes: int = 15
    transition_minutes: int = 2
    start_time: time | None = None  # when the first block starts, for the board and the printed plan
    grouping_competency_id: str | None = Field(default=None, foreign_key="competency.id")
    rules: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))


class Station(Synced, table=True):
    plan_id: str = Field(foreign_key="rotation_plan.id", index=True)
    name: str
    kind: str = StationKind.OFFLINE
    capacity: int | None = None
    devices: int = 0
    playlist_id: str | None = Field(default=None, foreign_key="playlist.id")
    activity: str = ""
    adult: str = "none"  # teacher | aide | none
    required: bool = True
    position: int = 0


class StudentGroup(Synced, table=True):
    __tablename__ = "student_group"

    class_id: str = Field(foreign_key="class_section.id", index=True)
    plan_id: str | None = Field(default=None, foreign_key="rotation_plan.id", index=True)
    name: str
    color: str = ""
    # Groups of a plan apply from this day on: regrouping on Wednesday makes new groups from
    # Wednesday and keeps Monday's and Tuesday's, so the history stays true.
    from_day: date | None = None


class GroupMember(Synced, table=True):
    __tablename__ = "group_member"

    group_id: str = Field(foreign_key="student_group.id", index=True)
    student_id: str = Field(foreign_key="person.id", index=True)


class RotationSlot(Synced, table=True):
    """Group ``group_id`` is at station ``station_id`` in block ``block`` of day ``day``."""

    __tablename__ = "rotation_slot"

    plan_id: str = Field(foreign_key="rotation_plan.id", index=True)
    day: date
    block: int
    group_id: str = Field(foreign_key="student_group.id")
    station_id: str = Field(foreign_key="station.id")


class StationSet(Synced, table=True):
    """A saved set of stations, reused plan after plan: each entry holds a station's fields."""

    __tablename__ = "station_set"

    name: str
    class_id: str | None = Field(default=None, foreign_key="class_section.id", index=True)
    owner_id: str | None = Field(default=None, foreign_key="person.id")
    stations: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))


class Absence(Synced, table=True):
    """A student away from a class on a day: left out of that day's groups."""

    class_id: str = Field(foreign_key="class_section.id", index=True)
    student_id: str = Field(foreign_key="person.id")
    day: date = Field(index=True)


class SeatSource(StrEnum):
    PROPOSED = "proposed"  # the app suggested them from mastery; the teacher has not confirmed
    ASSIGNED = "assigned"
    SIGNED_UP = "signed up"


class Seminar(Synced, table=True):
    """A short seminar in the school's flex period, offered by a teacher on a competency."""

    school_id: str = Field(foreign_key="school.id", index=True)
    teacher_id: str | None = Field(default=None, foreign_key="person.id")
    title: str
    day: date = Field(index=True)
    start_time: time
    minutes: int = 30
    room: str = ""
    capacity: int = 15
    competency_id: str | None = Field(default=None, foreign_key="competency.id")
    below_score: float | None = None  # propose the students below this level on the competency


class SeminarSeat(Synced, table=True):
    __tablename__ = "seminar_seat"

    seminar_id: str = Field(foreign_key="seminar.id", index=True)
    student_id: str = Field(foreign_key="person.id", index=True)
    source: str = SeatSource.ASSIGNED
    attended: bool | None = None  # None: not taken yet
