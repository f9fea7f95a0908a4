"""Advisor conferences: the caseload, a student's conference history (respecting privacy marks),
logging a conference with the goals reviewed and the next steps, templates per kind, teachers'
notes for the advisor, and drafts that survive a crash."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select

from plclassroom.domain import (
    AdvisorAssignment,
    AdvisorNote,
    Conference,
    ConferenceGoal,
    ConferenceKind,
    ConferenceTemplate,
    Goal,
    NextStep,
    Person,
    Privacy,
    Role,
)
from plclassroom.services import learning_plans
from plclassroom.services.roster import list_name
from plclassroom.store import drafts
from plclassroom.store.unit_of_work import UnitOfWork

KINDS = [kind.value for kind in ConferenceKind]
PRIVACY = [p.value for p in Privacy]
OWNERS = ("student", "advisor", "family", "teacher")
NOT_MET_DAYS = 30  # a school setting: flag advisees not met in this many days
DRAFT_KIND = "conference"
DEFAULT_PROMPTS = {
    ConferenceKind.GOAL_SETTING: "What are you proud of since we last met?\nWhat do you want to get better at?\n"
                                 "How will we know you got there?",
    ConferenceKind.CHECK_IN: "How are things going, in class and outside?\nAnything getting in the way?\n"
                             "What is one thing to do before we meet again?",
    ConferenceKind.ACADEMIC: "Which class is going well, and why?\nWhich competency is hardest right now?\n"
                             "What help would make a difference?",
    ConferenceKind.SOCIAL_EMOTIONAL: "How have you been feeling this week?\nWho do you go to when things are hard?",
    ConferenceKind.COLLEGE_CAREER: "What are you curious about for later?\nWhat could you try this term to find out "
                                   "more?",
    ConferenceKind.FAMILY: "What the student will share: their goals, their work, their next steps.\n"
                           "What the family wants to know.\nHow home and school will help.",
}


class ConferenceError(ValueError):
    """A conference the log cannot take; the message is for the advisor."""


@dataclass
class CaseloadRow:
    student_id: str
    name: str
    last_met: date | None
    open_steps: int
    overdue_steps: int
    follow_up_due: date | None
    notes_for_me: int
    concerns: int
    flags: list[str] = field(default_factory=list)

    @property
    def urgency(self) -> tuple:
        return (-len(self.flags), self.last_met or date.min, self.name)


@dataclass
class StepInput:
    text: str
    owner: str = "student"
    due_on: date | None = None
    done: bool = False
    id: str | None = None


@dataclass
class ConferenceInput:
    student_id: str
    author_id: str
    held_on: date
    kind: str = ConferenceKind.CHECK_IN.value
    minutes: int | None = None
    attendees: str = ""
    notes: str = ""
    privacy: str = Privacy.TEACHERS.value
    follow_up_on: date | None = None
    goals: dict[str, str] = field(default_factory=dict)  # goal id -> what was said about its progress
    steps: list[StepInput] = field(default_factory=list)
    id: str | None = None  # an existing conference to update


@dataclass
class ConferenceView:
    id: str
    held_on: date
    kind: str
    minutes: int | None
    attendees: str
    notes: str
    privacy: str
    follow_up_on: date | None
    author_id: str
    author: str
    goals: dict[str, str]
    steps: list[StepInput]


def advisors(uow: UnitOfWork) -> list[tuple[str, str]]:
    rows = uow.session.execute(select(Person.id, Person.given_name, Person.family_name).where(
        Person.role == Role.ADVISOR, Person.deleted.is_(False)).order_by(Person.family_name))
    return [(pid, f"{given} {family}") for pid, given, family in rows]


def caseload(uow: UnitOfWork, advisor_id: str, today: date | None = None,
             not_met_days: int = NOT_MET_DAYS) -> list[CaseloadRow]:
    """The advisor's advisees, most in need of a conference first: who should I see today?"""
    today = today or date.today()
    session = uow.session
    students = session.execute(select(Person.id, Person.given_name, Person.preferred_name, Person.family_name)
                               .join(AdvisorAssignment, AdvisorAssignment.student_id == Person.id)
                               .where(AdvisorAssignment.advisor_id == advisor_id,
                                      AdvisorAssignment.deleted.is_(False), Person.deleted.is_(False),
                                      Person.archived.is_(False))).all()
    ids = [row.id for row in students]
    last_met = dict(session.execute(select(Conference.student_id, func.max(Conference.held_on)).where(
        Conference.student_id.in_(ids), Conference.deleted.is_(False)).group_by(Conference.student_id)).all())
    latest = {}  # the newest conference's follow-up date is the one that counts
    for student_id, held_on, follow in session.execute(select(Conference.student_id, Conference.held_on,
                                                              Conference.follow_up_on).where(
            Conference.student_id.in_(ids), Conference.deleted.is_(False))):
        if student_id not in latest or held_on >= latest[student_id][0]:
            latest[student_id] = (held_on, follow)
    follow_up = {sid: follow for sid, (_held, follow) in latest.items()}
    steps: dict[str, list[NextStep]] = {}
    for step in session.execute(select(NextStep).where(NextStep.student_id.in_(ids), NextStep.done.is_(False),
                                                       NextStep.deleted.is_(False))).scalars():
        steps.setdefault(step.student_id, []).append(step)
    notes: dict[str, list[AdvisorNote]] = {}
    for note in session.execute(select(AdvisorNote).where(AdvisorNote.student_id.in_(ids),
                                                          AdvisorNote.addressed.is_(False),
                                                          AdvisorNote.deleted.is_(False))).scalars():
        notes.setdefault(note.student_id, []).append(note)
    plan_due = learning_plans.reviews_due(uow, ids, today)
    rows = []
    for student in students:
        mine = steps.get(student.id, [])
        overdue = sum(1 for s in mine if s.due_on and s.due_on < today)
        row = CaseloadRow(student.id, list_name(student),
                          last_met.get(student.id), len(mine), overdue, follow_up.get(student.id),
                          sum(1 for n in notes.get(student.id, []) if not n.concern),
                          sum(1 for n in notes.get(student.id, []) if n.concern))
        if row.last_met is None:
            row.flags.append("never met")
        elif (today - row.last_met).days > not_met_days:
            row.flags.append(f"not met in {(today - row.last_met).days} days")
        if row.follow_up_due and row.follow_up_due < today:
            row.flags.append(f"follow-up was due {row.follow_up_due.isoformat()}")
        if overdue:
            row.flags.append(f"{overdue} next step{'s' if overdue > 1 else ''} overdue")
        if row.concerns:
            row.flags.append(f"{row.concerns} concern{'s' if row.concerns > 1 else ''} from teachers")
        if student.id in plan_due and plan_due[student.id] is not None:
            row.flags.append(f"learning plan review due {plan_due[student.id].isoformat()}")
        rows.append(row)
    return sorted(rows, key=lambda r: r.urgency)


def history(uow: UnitOfWork, student_id: str, viewer_id: str) -> list[ConferenceView]:
    """The student's conferences, newest first; a private one only for its author."""
    session = uow.session
    rows = list(session.execute(select(Conference).where(
        Conference.student_id == student_id, Conference.deleted.is_(False),
        (Conference.privacy != Privacy.PRIVATE.value) | (Conference.author_id == viewer_id))
        .order_by(Conference.held_on.desc())).scalars())
    ids = [row.id for row in rows]
    authors = dict(session.execute(select(Person.id, Person.given_name + " " + Person.family_name).where(
        Person.id.in_({row.author_id for row in rows}))).all())
    goals: dict[str, dict[str, str]] = {}
    for link in session.execute(select(ConferenceGoal).where(ConferenceGoal.conference_id.in_(ids),
                                                             ConferenceGoal.deleted.is_(False))).scalars():
        goals.setdefault(link.conference_id, {})[link.goal_id] = link.progress_note
    steps: dict[str, list[StepInput]] = {}
    for step in session.execute(select(NextStep).where(NextStep.conference_id.in_(ids),
                                                       NextStep.deleted.is_(False))).scalars():
        steps.setdefault(step.conference_id, []).append(StepInput(step.text, step.owner, step.due_on, step.done,
                                                                  step.id))
    return [ConferenceView(row.id, row.held_on, row.kind, row.minutes, row.attendees, row.notes, row.privacy,
                           row.follow_up_on, row.author_id, authors.get(row.author_id, ""),
                           goals.get(row.id, {}), steps.get(row.id, [])) for row in rows]


def _check(data: ConferenceInput) -> None:
    if data.kind not in KINDS:
        raise ConferenceError(f"A conference is one of: {', '.join(KINDS)}")
    if data.privacy not in PRIVACY:
        raise ConferenceError("Privacy is private (you only), teachers, or family.")
    if data.follow_up_on and data.follow_up_on < data.held_on:
        raise ConferenceError("The follow-up date is before the conference.")
    if data.minutes is not None and not 0 < data.minutes <= 600:
        raise ConferenceError("A conference lasts between 1 and 600 minutes.")
    for step in data.steps:
        if not step.text.strip():
            raise ConferenceError("A next step needs a few words saying what to do.")
        if step.owner not in OWNERS:
            raise ConferenceError(f"A next step belongs to the {', the '.join(OWNERS)}.")


def save_conference(uow: UnitOfWork, data: ConferenceInput, draft_key: str | None = None) -> str:
    """Log (or update) a conference with its goals reviewed and next steps, in one transaction;
    the draft it was typed in is discarded in the same transaction."""
    _check(data)
    session = uow.session
    fields = dict(student_id=data.student_id, author_id=data.author_id, held_on=data.held_on, kind=data.kind,
                  minutes=data.minutes, attendees=data.attendees.strip(), notes=data.notes,
                  privacy=data.privacy, follow_up_on=data.follow_up_on)
    if data.id:
        conference = uow.get(Conference, data.id)
        if conference is None:
            raise ConferenceError("That conference is not on this laptop any more.")
        for name, value in fields.items():
            if getattr(conference, name) != value:
                setattr(conference, name, value)
    else:
        conference = uow.add(Conference(**fields))
    links = {link.goal_id: link for link in session.execute(select(ConferenceGoal).where(
        ConferenceGoal.conference_id == conference.id, ConferenceGoal.deleted.is_(False))).scalars()}
    for goal_id, note in data.goals.items():
        if goal_id in links:
            if links[goal_id].progress_note != note:
                links[goal_id].progress_note = note
        else:
            uow.add(ConferenceGoal(conference_id=conference.id, goal_id=goal_id, progress_note=note))
    for goal_id, link in links.items():
        if goal_id not in data.goals:
            uow.tombstone(link)
    existing = {step.id: step for step in session.execute(select(NextStep).where(
        NextStep.conference_id == conference.id, NextStep.deleted.is_(False))).scalars()}
    kept = set()
    for step in data.steps:
        values = dict(text=step.text.strip(), owner=step.owner, due_on=step.due_on, done=step.done,
                      done_on=date.today() if step.done else None)
        if step.id and step.id in existing:
            row = existing[step.id]
            kept.add(step.id)
            for name, value in values.items():
                if name == "done_on" and row.done == step.done:
                    continue
                if getattr(row, name) != value:
                    setattr(row, name, value)
        else:
            uow.add(NextStep(conference_id=conference.id, student_id=data.student_id, **values))
    for step_id, row in existing.items():
        if step_id not in kept:
            uow.tombstone(row)
    if draft_key:
        row = session.get(drafts.LocalDraft, draft_key)
        if row is not None:
            session.delete(row)
    uow.commit()
    return conference.id


def set_step_done(uow: UnitOfWork, step_id: str, done: bool) -> bool:
    step = uow.get(NextStep, step_id)
    if step is None:
        raise ConferenceError("That next step was removed.")
    old = step.done
    step.done, step.done_on = done, (date.today() if done else None)
    uow.commit()
    return old


def student_goals(uow: UnitOfWork, student_id: str) -> list[Goal]:
    return list(uow.session.execute(select(Goal).where(Goal.student_id == student_id, Goal.deleted.is_(False))
                                    .order_by(Goal.status, Goal.target_date)).scalars())


def template(uow: UnitOfWork, kind: str, school_id: str | None = None) -> str:
    """The prompts for a kind of conference: the school's own if it wrote them, else ours."""
    row = uow.session.execute(select(ConferenceTemplate).where(
        ConferenceTemplate.kind == kind, ConferenceTemplate.deleted.is_(False),
        (ConferenceTemplate.school_id == school_id) | ConferenceTemplate.school_id.is_(None))
        .order_by(ConferenceTemplate.school_id.is_(None))).scalars().first()
    if row is not None:
        return row.prompts
    return DEFAULT_PROMPTS.get(ConferenceKind(kind), "") if kind in KINDS else ""


def save_template(uow: UnitOfWork, kind: str, prompts: str, school_id: str | None = None) -> None:
    if kind not in KINDS:
        raise ConferenceError(f"A conference is one of: {', '.join(KINDS)}")
    row = uow.session.execute(select(ConferenceTemplate).where(
        ConferenceTemplate.kind == kind, ConferenceTemplate.deleted.is_(False),
        ConferenceTemplate.school_id.is_(None) if school_id is None else ConferenceTemplate.school_id == school_id)
    ).scalars().first()
    if row is None:
        uow.add(ConferenceTemplate(kind=kind, prompts=prompts, school_id=school_id))
    else:
        row.prompts = prompts
    uow.commit()


def add_advisor_note(uow: UnitOfWork, student_id: str, author_id: str | None, text: str,
                     concern: bool = False) -> str:
    if not text.strip():
        raise ConferenceError("Write the note first.")
    note = uow.add(AdvisorNote(student_id=student_id, author_id=author_id, text=text.strip(), concern=concern,
                               written_on=date.today()))
    uow.commit()
    return note.id


def notes_for_advisor(uow: UnitOfWork, student_id: str) -> list[AdvisorNote]:
    return list(uow.session.execute(select(AdvisorNote).where(
        AdvisorNote.student_id == student_id, AdvisorNote.addressed.is_(False), AdvisorNote.deleted.is_(False))
        .order_by(AdvisorNote.written_on)).scalars())


def mark_note_addressed(uow: UnitOfWork, note_id: str) -> None:
    note = uow.get(AdvisorNote, note_id)
    if note is not None:
        note.addressed = True
        uow.commit()


# -- drafts ----------------------------------------------------------------------------------------


def save_draft(uow: UnitOfWork, key: str, payload: dict) -> None:
    drafts.save_draft(uow, key, DRAFT_KIND, payload)


def open_drafts(uow: UnitOfWork) -> list[tuple[str, dict, object]]:
    """Conferences typed but not saved (after a crash or a power cut), oldest first."""
    return drafts.drafts(uow, DRAFT_KIND)


def discard_draft(uow: UnitOfWork, key: str) -> None:
    drafts.discard_draft(uow, key)


def default_follow_up(held_on: date) -> date:
    return held_on + timedelta(days=21)
