"""A learner profile: who the student is as a learner, and the goals they set."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlmodel import Field

from plclassroom.domain.base import Synced


class LearnerProfile(Synced, table=True):
    """One per student. Free text in the teacher's and the student's own words."""

    __tablename__ = "learner_profile"

    student_id: str = Field(foreign_key="person.id", unique=True)
    strengths: str = ""
    needs: str = ""
    interests: str = ""
    aspirations: str = ""
    learning_preferences: str = ""
    languages: str = ""  # languages the student speaks, home language first
    notes: str = ""


# The profile's narrative fields, in the order a teacher reads them, with their labels.
PROFILE_TEXT_FIELDS: dict[str, str] = {
    "strengths": "Strengths",
    "needs": "Needs",
    "interests": "Interests",
    "aspirations": "Aspirations",
    "learning_preferences": "Learning preferences",
    "languages": "Languages",
    "notes": "Notes",
}


class AccommodationKind(StrEnum):
    IEP = "IEP"
    PLAN_504 = "504"
    ELL = "ELL"
    OTHER = "Other"


class Accommodation(Synced, table=True):
    """A support a student is entitled to. Sensitive by default: shown only to those who teach them."""

    student_id: str = Field(foreign_key="person.id", index=True)
    kind: str = AccommodationKind.OTHER
    description: str = ""
    sensitive: bool = True
    start_date: date | None = None
    end_date: date | None = None


class GoalStatus(StrEnum):
    ACTIVE = "active"
    MET = "met"
    REVISED = "revised"
    DROPPED = "dropped"


class Goal(Synced, table=True):
    """A goal set with the student, in the student's own words."""

    student_id: str = Field(foreign_key="person.id", index=True)
    author_id: str | None = Field(default=None, foreign_key="person.id")
    kind: str = "academic"  # academic | personal
    statement: str = ""
    measure_of_success: str = ""
    target_date: date | None = None
    status: str = GoalStatus.ACTIVE
    progress: str = ""


class GoalCompetency(Synced, table=True):
    __tablename__ = "goal_competency"

    goal_id: str = Field(foreign_key="goal.id", index=True)
    competency_id: str = Field(foreign_key="competency.id", index=True)


class LearningPlan(Synced, table=True):
    """A student's personal learning plan: one living document, reviewed at set intervals."""

    __tablename__ = "learning_plan"

    student_id: str = Field(foreign_key="person.id", unique=True)
    core_values: str = ""
    action_steps: str = ""
    student_reflection: str = ""
    family_reflection: str = ""
    advisor_reflection: str = ""
    transition_plan: str = ""
    review_every_weeks: int = 6  # the school sets it: every 6 or 10 weeks, say
    reviewed_on: date | None = None


PLAN_FIELDS: dict[str, str] = {
    "core_values": "Core values",
    "action_steps": "Action steps",
    "student_reflection": "Reflection by the student",
    "family_reflection": "Reflection by the family",
    "advisor_reflection": "Reflection by the advisor",
    "transition_plan": "Transition plan",
}


class PlanRevision(Synced, table=True):
    """Every change to a learning plan: who changed which part, when, from what to what."""

    __tablename__ = "plan_revision"

    plan_id: str = Field(foreign_key="learning_plan.id", index=True)
    part: str
    old: str = ""
    new: str = ""
    changed_by: str | None = Field(default=None, foreign_key="person.id")
    changed_at: datetime
