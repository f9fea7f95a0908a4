"""Mastery evidence: what a student showed on a competency, when, and how we know."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Column
from sqlmodel import Field

from plclassroom.domain.base import Synced


class EvidenceSource(StrEnum):
    OBSERVATION = "observation"
    QUIZ = "quiz"
    PROJECT = "project"
    CONFERENCE = "conference"
    SELF_ASSESSMENT = "self-assessment"
    PLAYLIST_CHECKPOINT = "playlist checkpoint"
    PRIOR_SCORE = "prior score"


class Evidence(Synced, table=True):
    """Append-only: a correction is a new row that ``supersedes`` the old one."""

    student_id: str = Field(foreign_key="person.id", index=True)
    competency_id: str = Field(foreign_key="competency.id", index=True)
    class_id: str | None = Field(default=None, foreign_key="class_section.id", index=True)
    score: float
    observed_on: date = Field(index=True)  # when the student showed it, not when it was typed
    source: str = EvidenceSource.OBSERVATION
    note: str = ""
    recorded_by: str | None = Field(default=None, foreign_key="person.id")
    supersedes_id: str | None = Field(default=None, foreign_key="evidence.id")


class MasteryOverride(Synced, table=True):
    """A teacher's judgement that wins over the calculated level until newer evidence arrives."""

    __tablename__ = "mastery_override"

    student_id: str = Field(foreign_key="person.id", index=True)
    competency_id: str = Field(foreign_key="competency.id", index=True)
    class_id: str | None = Field(default=None, foreign_key="class_section.id")
    score: float
    reason: str
    set_by: str | None = Field(default=None, foreign_key="person.id")
    set_at: datetime


class Attachment(Synced, table=True):
    """A file kept in the local store (a photo of a poster, a scanned page, a playlist resource)."""

    owner_table: str  # the table of the row it belongs to, e.g. "evidence"
    owner_id: str = Field(index=True)
    filename: str
    media_type: str = "application/octet-stream"
    size: int = 0
    sha256: str = ""  # the content's address in the attachment folder


class PriorScore(Synced, table=True):
    """A result from outside the classroom (a state test, a screener such as MAP), kept as a
    baseline on the learner profile. Imported scores that map onto a competency's scale may
    also become Evidence."""

    __tablename__ = "prior_score"

    student_id: str = Field(foreign_key="person.id", index=True)
    source: str  # "MAP Growth Math", "State test 2026"
    measure: str = ""  # the test's own name for what it measured, e.g. "RIT" or "Ratios"
    score: float
    raw: str = ""  # the score as the file wrote it
    taken_on: date | None = None
    competency_id: str | None = Field(default=None, foreign_key="competency.id")


class ScoreMapping(Synced, table=True):
    """How one source's score files map onto our fields; confirmed once, remembered by name."""

    __tablename__ = "score_mapping"

    source: str = Field(index=True)
    settings: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))
