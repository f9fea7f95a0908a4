"""Data meetings: a grade-level team (the teachers who share a grade's students at a school) meets
for a few minutes over who is flagged (domain/early_warning.py), what changed since last time, and
the actions it agrees (owner, due date), kept and synced like a conference's next steps. A school's
settings (the early-warning thresholds among them) live here too: they are the team's rules."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Column
from sqlmodel import Field

from plclassroom.domain.base import Synced


class SchoolSetting(Synced, table=True):
    """One of a school's settings, by key ("early_warning": the thresholds), synced to its staff."""

    __tablename__ = "school_setting"

    school_id: str = Field(foreign_key="school.id", index=True)
    key: str = Field(index=True)
    value: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))


class DataMeeting(Synced, table=True):
    """One meeting of a team: a school's grade (all its classes of that grade)."""

    __tablename__ = "data_meeting"

    school_id: str = Field(foreign_key="school.id", index=True)
    grade: str = ""  # OneRoster grade code ("06"); the team is the school's teachers of that grade
    held_on: date = Field(index=True)
    notes: str = ""
    # What was flagged when the meeting was held (each flag's key): the next meeting says what changed.
    flagged: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))


class MeetingAction(Synced, table=True):
    """An action a team agreed: what, about whom (or the whole team), who does it, by when."""

    __tablename__ = "meeting_action"

    meeting_id: str = Field(foreign_key="data_meeting.id", index=True)
    student_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    text: str
    owner_id: str | None = Field(default=None, foreign_key="person.id")
    due_on: date | None = None
    done: bool = False
    done_on: date | None = None
