"""The family pack: one page that may go home with a student, gathered here and drawn in ui/.

Only what a family may read goes in: the student's name; their active goals in their own words
(with how they will know they got there, the target date and the status); the strengths from
their learner profile; the open next steps and the (shortened) notes of conferences marked
'family' -- never those marked 'teachers' or 'private'; and, for one class, their current level on
each of its competencies. Accommodations are never read here at all, so none can leak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from plclassroom.domain import Conference, GoalStatus, LearnerProfile, NextStep, Person, Privacy
from plclassroom.services.conferences import student_goals
from plclassroom.services.mastery import MasteryError, class_mastery, short_code
from plclassroom.store.unit_of_work import UnitOfWork

NOTES_KEPT = 2  # the latest family conferences whose notes go home
NOTE_CHARS = 280  # each note shortened to about this many characters


class FamilyPackError(ValueError):
    """A pack that cannot be made; the message is for the advisor."""


@dataclass(frozen=True)
class PackGoal:
    statement: str  # the student's own words
    measure_of_success: str
    target_date: date | None
    status: str
    progress: str = ""


@dataclass(frozen=True)
class PackStep:
    text: str
    owner: str  # student | advisor | family | teacher
    due_on: date | None


@dataclass(frozen=True)
class PackNote:
    held_on: date
    text: str  # shortened


@dataclass(frozen=True)
class PackLevel:
    code: str  # the short code, "6.RP.A.3"
    statement: str
    label: str  # the level's label ("Proficient"); "" with no evidence yet
    score: float | None


@dataclass
class FamilyPack:
    student_id: str
    name: str
    made_on: date
    goals: list[PackGoal] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    steps: list[PackStep] = field(default_factory=list)
    notes: list[PackNote] = field(default_factory=list)
    class_title: str = ""
    scale_name: str = ""
    scale_top: float = 4.0
    levels: list[PackLevel] = field(default_factory=list)


def shorten(text: str, limit: int = NOTE_CHARS) -> str:
    """Whitespace folded, and cut at a word before ``limit`` with "…"."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:. ")
    return f"{cut}\u2026"


def split_strengths(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]+", text or "") if part.strip()]


def family_pack(uow: UnitOfWork, student_id: str, class_id: str | None = None,
                today: date | None = None) -> FamilyPack:
    session = uow.session
    student = uow.get(Person, student_id)
    if student is None or student.deleted:
        raise FamilyPackError("That student is not on this laptop any more.")
    pack = FamilyPack(student_id, student.display_name, today or date.today())

    pack.goals = [PackGoal(goal.statement.strip(), goal.measure_of_success.strip(), goal.target_date, goal.status,
                           goal.progress.strip())
                  for goal in student_goals(uow, student_id)
                  if goal.status == GoalStatus.ACTIVE.value and goal.statement.strip()]

    profile = session.execute(select(LearnerProfile).where(LearnerProfile.student_id == student_id,
                                                           LearnerProfile.deleted.is_(False))).scalars().first()
    pack.strengths = split_strengths(profile.strengths) if profile is not None else []

    # Conferences marked 'family' only: the filter is on the privacy mark itself, not on who is looking.
    family = list(session.execute(select(Conference).where(
        Conference.student_id == student_id, Conference.deleted.is_(False),
        Conference.privacy == Privacy.FAMILY.value).order_by(Conference.held_on.desc())).scalars())
    pack.notes = [PackNote(row.held_on, shorten(row.notes)) for row in family if row.notes.strip()][:NOTES_KEPT]
    if family:
        steps = session.execute(select(NextStep).where(
            NextStep.conference_id.in_([row.id for row in family]), NextStep.deleted.is_(False),
            NextStep.done.is_(False))).scalars()
        pack.steps = sorted((PackStep(step.text.strip(), step.owner, step.due_on) for step in steps),
                            key=lambda s: (s.due_on or date.max, s.text))

    if class_id:
        try:
            mastery = class_mastery(uow, class_id)
        except MasteryError as error:
            raise FamilyPackError(str(error)) from None
        pack.class_title, pack.scale_name, pack.scale_top = mastery.title, mastery.scale.name, mastery.scale.top
        for column in mastery.competencies:
            cell = mastery.cell(student_id, column.id)
            label = cell.level.label if cell is not None and cell.level is not None else ""
            pack.levels.append(PackLevel(short_code(column.code), column.statement, label,
                                         cell.score if cell is not None else None))
    return pack
