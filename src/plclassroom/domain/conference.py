"""Advisor conferences: what was talked about, the goals reviewed, and the next steps."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field

from plclassroom.domain.base import Synced


class ConferenceKind(StrEnum):
    GOAL_SETTING = "goal setting"
    CHECK_IN = "check-in"
    ACADEMIC = "academic"
    SOCIAL_EMOTIONAL = "social-emotional"
    COLLEGE_CAREER = "college and career"
    FAMILY = "family or student-led"


class Privacy(StrEnum):
    PRIVATE = "private"  # the author only
    TEACHERS = "teachers"  # the student's teachers and advisors
    FAMILY = "family"  # may go home in the family pack


class Conference(Synced, table=True):
    student_id: str = Field(foreign_key="person.id", index=True)
    author_id: str = Field(foreign_key="person.id", index=True)
    held_on: date = Field(index=True)
    minutes: int | None = None
    kind: str = ConferenceKind.CHECK_IN
    attendees: str = ""
    notes: str = ""
    privacy: str = Privacy.TEACHERS
    follow_up_on: date | None = None


class ConferenceGoal(Synced, table=True):
    """A goal reviewed in a conference, with what was said about its progress."""

    __tablename__ = "conference_goal"

    conference_id: str = Field(foreign_key="conference.id", index=True)
    goal_id: str = Field(foreign_key="goal.id", index=True)
    progress_note: str = ""


class NextStep(Synced, table=True):
    """A conference action item: who does what by when."""

    __tablename__ = "next_step"

    conference_id: str = Field(foreign_key="conference.id", index=True)
    student_id: str = Field(foreign_key="person.id", index=True)
    text: str
    owner: str = "student"  # student | advisor | family | teacher
    due_on: date | None = None
    done: bool = False
    done_on: date | None = None


class ConferenceTemplate(Synced, table=True):
    """The prompts an advisor fills for one kind of conference; the school edits them."""

    __tablename__ = "conference_template"

    school_id: str | None = Field(default=None, foreign_key="school.id", index=True)
    kind: str = Field(index=True)
    prompts: str = ""  # one prompt a line


class AdvisorNote(Synced, table=True):
    """A teacher's note for a student's advisor to raise at the next conference, or a concern."""

    __tablename__ = "advisor_note"

    student_id: str = Field(foreign_key="person.id", index=True)
    author_id: str | None = Field(default=None, foreign_key="person.id")
    text: str
    concern: bool = False
    written_on: date
    addressed: bool = False
