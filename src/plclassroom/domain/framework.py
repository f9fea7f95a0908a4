"""Competency frameworks (from CASE packages) and the proficiency scales levels are read on."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column
from sqlmodel import Field

from plclassroom.domain.base import Synced


class CompetencyFramework(Synced, table=True):
    """A CASE CFDocument: e.g. the Common Core grade-6 math standards."""

    title: str
    case_identifier: str | None = Field(default=None, index=True)
    case_uri: str = ""
    creator: str = ""
    subject: str = ""
    language: str = ""
    version: str = ""
    adoption_status: str = ""
    last_changed: datetime | None = None


class Competency(Synced, table=True):
    """A CASE CFItem placed in its framework's tree (``parent_id``, ordered by ``sequence``)."""

    framework_id: str = Field(foreign_key="competencyframework.id", index=True)
    parent_id: str | None = Field(default=None, foreign_key="competency.id", index=True)
    sequence: int = 0
    case_identifier: str | None = Field(default=None, index=True)  # the GUID that travels back to districts
    code: str = ""  # CASE humanCodingScheme, e.g. "6.RP.A.3"
    statement: str = ""  # CASE fullStatement
    short_statement: str = ""  # CASE abbreviatedStatement
    item_type: str = ""  # CASE CFItemType: Cluster, Standard, Component, ...
    education_level: str = ""  # comma-separated grade codes
    last_changed: datetime | None = None


class CompetencyAssociation(Synced, table=True):
    """A CASE association other than the tree: precedes, isRelatedTo, exactMatchOf, ...

    Kept by CASE identifier, so links to items outside the framework survive.
    """

    __tablename__ = "competency_association"

    framework_id: str = Field(foreign_key="competencyframework.id", index=True)
    kind: str  # CASE associationType
    origin_identifier: str
    destination_identifier: str
    case_identifier: str | None = Field(default=None, index=True)
    sequence: int | None = None


class ProficiencyScale(Synced, table=True):
    name: str
    school_id: str | None = Field(default=None, foreign_key="school.id")
    mastery_score: float = 3.0  # the level at and above which a student has mastered a competency
    # Where a district still needs report-card grades: [[lowest score, "B"], ...]. Shown beside the
    # level, never instead of it.
    grade_conversion: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))


class ProficiencyLevel(Synced, table=True):
    __tablename__ = "proficiency_level"

    scale_id: str = Field(foreign_key="proficiencyscale.id", index=True)
    score: float  # the level's value, e.g. 3
    min_score: float  # decimal cut-off: a calculated score at or above this reads as this level
    label: str  # "Proficient"
    color: str = "#888888"


DEFAULT_FOUR_POINT_SCALE = [
    # score, min_score, label, colour (Okabe-Ito palette: readable with colour-blindness)
    (4.0, 3.5, "Advanced", "#009E73"),
    (3.0, 2.5, "Proficient", "#56B4E9"),
    (2.0, 1.5, "Developing", "#F0E442"),
    (1.0, 0.5, "Beginning", "#E69F00"),
    (0.0, 0.0, "Insufficient evidence", "#BBBBBB"),
]
