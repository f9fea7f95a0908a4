"""A grade-level team's data meeting, on what this laptop holds (issue 11): the students flagged by
the early-warning rules, what changed since the team last met, a short agenda, and the actions the
team agrees (who does what by when), kept and synced like a conference's next steps.

A team is a school's grade: the teachers of that school's classes whose students are in that grade.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import func, select

from plclassroom.domain import (
    DataMeeting,
    Enrollment,
    Evidence,
    MeetingAction,
    Person,
    Role,
    School,
    SchoolClass,
)
from plclassroom.domain.early_warning import Flag, Rule
from plclassroom.services import early_warning
from plclassroom.services.roster import list_name
from plclassroom.store.unit_of_work import UnitOfWork


class MeetingError(Exception):
    """A meeting or an action the team cannot save; the message says why, for the team."""


@dataclass(frozen=True)
class Team:
    school_id: str
    school: str
    grade: str  # OneRoster grade code ("06")

    @property
    def key(self) -> str:
        return f"{self.school_id}|{self.grade}"


@dataclass(frozen=True)
class ActionRow:
    id: str
    meeting_id: str
    agreed_on: date
    text: str
    student_id: str | None
    student: str  # "" for the whole team
    owner_id: str | None
    owner: str
    due_on: date | None
    done: bool

    def overdue(self, today: date) -> bool:
        return not self.done and self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class StudentProgress:
    """What a student showed since the last meeting: how many pieces of evidence, and their mean."""

    pieces: int
    mean: float | None


@dataclass
class MeetingView:
    team: Team
    today: date
    last_met: date | None
    last_meeting_id: str | None
    flags: list[Flag]
    new: set[str]  # flag keys raised since the last meeting
    cleared: list[str]  # flag keys of the last meeting that no longer stand
    names: dict[str, str]  # student id -> "Family, Given" for every student of the team
    progress: dict[str, StudentProgress]  # since the last meeting (or the last 7 days when none)
    actions: list[ActionRow]  # open ones, and those done since the last meeting
    staff: list[tuple[str, str]]  # (person id, name): who can own an action
    agenda: list[tuple[str, dict]] = field(default_factory=list)  # (item kind, its numbers): the UI words it
    today_meeting_id: str | None = None  # the team already met today: this meeting
    today_notes: str = ""

    def flagged_students(self) -> list[str]:
        """Students with a concern first, most concerns first, then those ready to move up; by name."""
        concerns = Counter(f.student_id for f in self.flags if f.concern)
        ready = {f.student_id for f in self.flags if not f.concern}
        order = sorted(set(concerns) | ready, key=lambda s: (-concerns.get(s, 0), self.names.get(s, s)))
        return order


def _students_of(uow: UnitOfWork, school_id: str, grade: str) -> dict[str, Person]:
    session = uow.session
    people = session.execute(
        select(Person).join(Enrollment, Enrollment.person_id == Person.id)
        .join(SchoolClass, SchoolClass.id == Enrollment.class_id)
        .where(SchoolClass.school_id == school_id, Enrollment.role == Role.STUDENT, Person.grade == grade,
               Enrollment.deleted.is_(False), Enrollment.archived.is_(False), Person.deleted.is_(False),
               Person.archived.is_(False), SchoolClass.deleted.is_(False))).scalars()
    return {p.id: p for p in people}


def teams(uow: UnitOfWork) -> list[Team]:
    """Every school's grades that have students here, by school and grade."""
    rows = uow.session.execute(
        select(School.id, School.name, Person.grade).distinct()
        .join(SchoolClass, SchoolClass.school_id == School.id)
        .join(Enrollment, Enrollment.class_id == SchoolClass.id)
        .join(Person, Person.id == Enrollment.person_id)
        .where(Enrollment.role == Role.STUDENT, Enrollment.deleted.is_(False), Person.deleted.is_(False),
               Person.grade != "", School.deleted.is_(False))).all()
    return sorted((Team(school_id, school, grade) for school_id, school, grade in rows),
                  key=lambda t: (t.school, t.grade))


def team_of_class(uow: UnitOfWork, class_id: str) -> Team | None:
    """The team a class belongs to: its school, and the grade most of its students are in."""
    session = uow.session
    found = session.execute(select(SchoolClass.school_id, School.name).join(School, School.id == SchoolClass.school_id)
                            .where(SchoolClass.id == class_id)).first()
    if found is None:
        return None
    grades = Counter(session.execute(
        select(Person.grade).join(Enrollment, Enrollment.person_id == Person.id)
        .where(Enrollment.class_id == class_id, Enrollment.role == Role.STUDENT, Enrollment.deleted.is_(False),
               Person.grade != "")).scalars())
    if not grades:
        return None
    return Team(found[0], found[1], grades.most_common(1)[0][0])


def meetings(uow: UnitOfWork, team: Team) -> list[DataMeeting]:
    return list(uow.session.execute(
        select(DataMeeting).where(DataMeeting.school_id == team.school_id, DataMeeting.grade == team.grade,
                                  DataMeeting.deleted.is_(False))
        .order_by(DataMeeting.held_on.desc(), DataMeeting.hlc.desc())).scalars())


def _staff(uow: UnitOfWork, team: Team) -> list[tuple[str, str]]:
    """The teachers and aides of the team's classes: who can own an action."""
    people = uow.session.execute(
        select(Person).distinct().join(Enrollment, Enrollment.person_id == Person.id)
        .join(SchoolClass, SchoolClass.id == Enrollment.class_id)
        .where(SchoolClass.school_id == team.school_id, Enrollment.role != Role.STUDENT,
               Enrollment.deleted.is_(False), Person.deleted.is_(False))).scalars()
    return sorted(((p.id, p.display_name) for p in people), key=lambda pair: pair[1])


def actions(uow: UnitOfWork, team: Team, since: date | None = None) -> list[ActionRow]:
    """The team's open actions, and those done on or after ``since``; the most urgent first."""
    session = uow.session
    rows = session.execute(
        select(MeetingAction, DataMeeting.held_on).join(DataMeeting, DataMeeting.id == MeetingAction.meeting_id)
        .where(DataMeeting.school_id == team.school_id, DataMeeting.grade == team.grade,
               MeetingAction.deleted.is_(False), DataMeeting.deleted.is_(False))).all()
    people = {p.id: p for p in session.execute(select(Person).where(Person.id.in_(
        {r[0].student_id for r in rows if r[0].student_id} | {r[0].owner_id for r in rows if r[0].owner_id}))).scalars()}
    found = []
    for action, held_on in rows:
        if action.done and (since is None or action.done_on is None or action.done_on < since):
            continue
        student = people.get(action.student_id)
        owner = people.get(action.owner_id)
        found.append(ActionRow(action.id, action.meeting_id, held_on, action.text, action.student_id,
                               list_name(student) if student else "", action.owner_id,
                               owner.display_name if owner else "", action.due_on, action.done))
    return sorted(found, key=lambda a: (a.done, a.due_on or date.max, a.agreed_on, a.text))


def _progress(uow: UnitOfWork, students: list[str], since: date) -> dict[str, StudentProgress]:
    rows = uow.session.execute(
        select(Evidence.student_id, func.count(), func.avg(Evidence.score))
        .where(Evidence.student_id.in_(students), Evidence.observed_on >= since, Evidence.deleted.is_(False))
        .group_by(Evidence.student_id)).all()
    return {student: StudentProgress(count, float(mean) if mean is not None else None)
            for student, count, mean in rows}


def meeting_view(uow: UnitOfWork, team: Team, today: date | None = None) -> MeetingView:
    """Everything the team looks at, from what this laptop holds (no network needed)."""
    today = today or date.today()
    students = _students_of(uow, team.school_id, team.grade)
    flags = [f for f in early_warning.team_flags(uow, team.school_id, team.grade, today) if f.student_id in students]
    held = meetings(uow, team)
    last = next((m for m in held if m.held_on < today), None)
    if held and held[0].held_on == today:  # met already today: compare with that meeting's own start
        last = held[1] if len(held) > 1 else None
    now_keys = {f.key for f in flags}
    before = set(last.flagged) if last else set()
    since = last.held_on if last else date.fromordinal(today.toordinal() - 7)
    view = MeetingView(
        team=team, today=today, last_met=last.held_on if last else None, last_meeting_id=last.id if last else None,
        flags=flags, new=now_keys - before if last else set(), cleared=sorted(before - now_keys),
        names={sid: list_name(p) for sid, p in students.items()},
        progress=_progress(uow, list(students), since), actions=actions(uow, team, since), staff=_staff(uow, team))
    view.agenda = agenda(view)
    if held and held[0].held_on == today:
        view.today_meeting_id, view.today_notes = held[0].id, held[0].notes
    return view


def agenda(view: MeetingView) -> list[tuple[str, dict]]:
    """A ten-minute agenda from the data: new concerns, overdue actions, who is ready to move up,
    then the actions to review. Each item is a kind and its numbers; the window words it."""
    items: list[tuple[str, dict]] = []
    concerns = [f for f in view.flags if f.concern]
    new = {f.student_id for f in concerns if f.key in view.new}
    if new:
        items.append(("new concerns", {"students": len(new)}))
    elif concerns:
        items.append(("concerns", {"students": len({f.student_id for f in concerns})}))
    overdue = [a for a in view.actions if a.overdue(view.today)]
    if overdue:
        items.append(("overdue actions", {"actions": len(overdue)}))
    if view.cleared:
        items.append(("cleared", {"flags": len(view.cleared)}))
    ready = {f.student_id for f in view.flags if f.rule == Rule.READY}
    if ready:
        items.append(("ready", {"students": len(ready)}))
    open_actions = [a for a in view.actions if not a.done]
    if open_actions:
        items.append(("review actions", {"actions": len(open_actions)}))
    items.append(("agree actions", {}))
    return items


def hold_meeting(uow: UnitOfWork, team: Team, flags: list[Flag], held_on: date | None = None,
                 notes: str = "") -> str:
    """Record that the team met today, with what was flagged (the next meeting compares with it).
    Meeting again the same day updates that day's meeting."""
    held_on = held_on or date.today()
    meeting = next((m for m in meetings(uow, team) if m.held_on == held_on), None)
    keys = sorted({f.key for f in flags})
    if meeting is None:
        meeting = uow.add(DataMeeting(school_id=team.school_id, grade=team.grade, held_on=held_on, notes=notes,
                                      flagged=keys))
    else:
        if meeting.flagged != keys:
            meeting.flagged = keys
        if notes and meeting.notes != notes:
            meeting.notes = notes
    uow.commit()
    return meeting.id


def save_notes(uow: UnitOfWork, meeting_id: str, notes: str) -> None:
    meeting = uow.get(DataMeeting, meeting_id)
    if meeting is None:
        raise MeetingError("That meeting is not on this laptop any more.")
    if meeting.notes != notes:
        meeting.notes = notes
        uow.commit()


def add_action(uow: UnitOfWork, meeting_id: str, text: str, student_id: str | None = None,
               owner_id: str | None = None, due_on: date | None = None) -> str:
    text = text.strip()
    if not text:
        raise MeetingError("An action needs a few words saying what to do.")
    if uow.get(DataMeeting, meeting_id) is None:
        raise MeetingError("That meeting is not on this laptop any more.")
    action = uow.add(MeetingAction(meeting_id=meeting_id, text=text, student_id=student_id or None,
                                   owner_id=owner_id or None, due_on=due_on))
    uow.commit()
    return action.id


def update_action(uow: UnitOfWork, action_id: str, **changes) -> None:
    """Change an action's text, student, owner, due date or done; done sets (or clears) the day."""
    action = uow.get(MeetingAction, action_id)
    if action is None:
        raise MeetingError("That action was removed.")
    allowed = {"text", "student_id", "owner_id", "due_on", "done"}
    unknown = set(changes) - allowed
    if unknown:
        raise MeetingError(f"An action has no {', '.join(sorted(unknown))}.")
    if "text" in changes:
        changes["text"] = changes["text"].strip()
        if not changes["text"]:
            raise MeetingError("An action needs a few words saying what to do.")
    if "done" in changes and changes["done"] != action.done:
        action.done_on = date.today() if changes["done"] else None
    for name, value in changes.items():
        if getattr(action, name) != value:
            setattr(action, name, value)
    uow.commit()


def remove_action(uow: UnitOfWork, action_id: str) -> None:
    action = uow.get(MeetingAction, action_id)
    if action is not None:
        uow.tombstone(action)
        uow.commit()
