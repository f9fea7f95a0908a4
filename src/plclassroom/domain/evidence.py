"""Mastery evidence: what a student showed on a competency, when, and how we know."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

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
