"""Station rotations: stations, groups, and which group is where in each block."""

from __future__ import annotations

from datetime import date
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
