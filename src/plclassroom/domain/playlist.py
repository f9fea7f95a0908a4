"""Playlists: ordered learning activities for a competency, assigned and tracked per student."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Column
from sqlmodel import Field

from plclassroom.domain.base import Synced


class ItemKind(StrEnum):
    LESSON = "teacher-led lesson"
    VIDEO = "video"
    READING = "reading"
    PRACTICE = "practice"
    PROJECT = "project"
    DISCUSSION = "discussion"
    CHECKPOINT = "checkpoint"


class ProgressStatus(StrEnum):
    NOT_STARTED = "not started"
    WORKING = "working"
    SUBMITTED = "submitted"
    DONE = "done"
    NEEDS_HELP = "needs help"


class Playlist(Synced, table=True):
    title: str
    description: str = ""
    author_id: str | None = Field(default=None, foreign_key="person.id")
    class_id: str | None = Field(default=None, foreign_key="class_section.id", index=True)
    status: str = "draft"  # draft | active | archived
    version: int = 1
    copied_from_id: str | None = Field(default=None, foreign_key="playlist.id")


class PlaylistCompetency(Synced, table=True):
    __tablename__ = "playlist_competency"

    playlist_id: str = Field(foreign_key="playlist.id", index=True)
    competency_id: str = Field(foreign_key="competency.id", index=True)


class PlaylistItem(Synced, table=True):
    __tablename__ = "playlist_item"

    playlist_id: str = Field(foreign_key="playlist.id", index=True)
    position: int = 0
    kind: str = ItemKind.PRACTICE
    title: str
    instructions: str = ""
    minutes: int | None = None
    required: bool = True  # must-do; False is may-do
    resource_url: str = ""
    attachment_id: str | None = Field(default=None, foreign_key="attachment.id")
    competency_id: str | None = Field(default=None, foreign_key="competency.id")  # what a checkpoint scores
    scoring: str = ""
    variant_of_id: str | None = Field(default=None, foreign_key="playlist_item.id")
    variant_label: str = ""  # "read-aloud", "Spanish", "extension"
    suitability: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))


class PlaylistAssignment(Synced, table=True):
    """A playlist given to a class, a group or one student (exactly one of the three)."""

    __tablename__ = "playlist_assignment"

    playlist_id: str = Field(foreign_key="playlist.id", index=True)
    class_id: str | None = Field(default=None, foreign_key="class_section.id", index=True)
    group_id: str | None = Field(default=None, foreign_key="student_group.id")
    student_id: str | None = Field(default=None, foreign_key="person.id")
    start_date: date | None = None
    due_date: date | None = None
    assigned_by: str | None = Field(default=None, foreign_key="person.id")


class ItemProgress(Synced, table=True):
    __tablename__ = "item_progress"

    assignment_id: str = Field(foreign_key="playlist_assignment.id", index=True)
    item_id: str = Field(foreign_key="playlist_item.id", index=True)
    student_id: str = Field(foreign_key="person.id", index=True)
    status: str = ProgressStatus.NOT_STARTED
    score: float | None = None
    updated_at: datetime | None = None
