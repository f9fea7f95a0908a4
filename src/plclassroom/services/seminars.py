"""Flex-period seminars: teachers offer short sessions on a competency; the app proposes who should
come from mastery ("below 3 on 6.RP.A.3"), students are assigned or sign up on the teacher's
laptop, capacities and clashes are checked, and attendance is recorded. Seats are synced rows,
so every teacher sees where each student is during flex.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from plclassroom.domain import (
    Competency,
    Person,
    SchoolClass,
    SeatSource,
    Seminar,
    SeminarSeat,
)
from plclassroom.services import mastery
from plclassroom.services.roster import list_name
from plclassroom.store.unit_of_work import UnitOfWork


class SeminarError(ValueError):
    """A seminar change that cannot be made; the message is for the teacher."""


@dataclass(frozen=True)
class SeminarView:
    id: str
    title: str
    day: date
    start_time: time
    minutes: int
    room: str
    capacity: int
    seated: int
    competency: str  # the competency's short code, "" when none
    below_score: float | None


@dataclass(frozen=True)
class SeatView:
    student_id: str
    name: str
    source: str
    attended: bool | None


@dataclass(frozen=True)
class Proposal:
    student_id: str
    name: str
    score: float | None  # None: no evidence yet on the competency
    class_title: str


def _seminar(uow: UnitOfWork, seminar_id: str) -> Seminar:
    seminar = uow.get(Seminar, seminar_id)
    if seminar is None:
        raise SeminarError("That seminar is not on this laptop any more.")
    return seminar


def _span(seminar: Seminar) -> tuple[datetime, datetime]:
    start = datetime.combine(seminar.day, seminar.start_time)
    return start, start + timedelta(minutes=seminar.minutes)


def create_seminar(uow: UnitOfWork, school_id: str, title: str, day: date, start_time: time, minutes: int = 30,
                   room: str = "", capacity: int = 15, competency_id: str | None = None,
                   below_score: float | None = None, teacher_id: str | None = None) -> str:
    if not title.strip():
        raise SeminarError("A seminar needs a title.")
    if minutes < 1 or capacity < 1:
        raise SeminarError("A seminar needs at least one minute and one seat.")
    if competency_id and uow.get(Competency, competency_id) is None:
        raise SeminarError("That competency is not on this laptop any more.")
    seminar = uow.add(Seminar(school_id=school_id, teacher_id=teacher_id, title=title.strip(), day=day,
                              start_time=start_time, minutes=minutes, room=room.strip(), capacity=capacity,
                              competency_id=competency_id or None, below_score=below_score))
    uow.commit()
    return seminar.id


def _seat_rows(uow: UnitOfWork, seminar_ids: list[str]) -> list[SeminarSeat]:
    return list(uow.session.execute(select(SeminarSeat).where(
        SeminarSeat.seminar_id.in_(seminar_ids), SeminarSeat.deleted.is_(False))).scalars())


def list_seminars(uow: UnitOfWork, school_id: str, day: date) -> list[SeminarView]:
    seminars = list(uow.session.execute(select(Seminar).where(
        Seminar.school_id == school_id, Seminar.day == day, Seminar.deleted.is_(False))
        .order_by(Seminar.start_time, Seminar.title)).scalars())
    seats = _seat_rows(uow, [s.id for s in seminars])
    views = []
    for s in seminars:
        competency = uow.get(Competency, s.competency_id) if s.competency_id else None
        views.append(SeminarView(s.id, s.title, s.day, s.start_time, s.minutes, s.room, s.capacity,
                                 sum(1 for seat in seats if seat.seminar_id == s.id),
                                 mastery.short_code(competency.code) if competency else "", s.below_score))
    return views


def seats(uow: UnitOfWork, seminar_id: str) -> list[SeatView]:
    rows = _seat_rows(uow, [seminar_id])
    people = {p.id: p for p in uow.session.execute(select(Person).where(
        Person.id.in_([r.student_id for r in rows]))).scalars()}
    return sorted((SeatView(r.student_id, list_name(people[r.student_id]), r.source, r.attended) for r in rows
                   if r.student_id in people), key=lambda v: v.name)


def propose(uow: UnitOfWork, seminar_id: str) -> list[Proposal]:
    """Who should come: the school's students below the seminar's level on its competency (below
    mastery when it names no level), lowest first, not already seated here or in a seminar at that time."""
    seminar = _seminar(uow, seminar_id)
    if not seminar.competency_id:
        raise SeminarError("The seminar names no competency to propose students from.")
    busy = set(where_is(uow, seminar.school_id, seminar.day, at=seminar))
    busy |= {row.student_id for row in _seat_rows(uow, [seminar_id])}
    found: dict[str, Proposal] = {}
    sections = uow.session.execute(select(SchoolClass).where(
        SchoolClass.school_id == seminar.school_id, SchoolClass.deleted.is_(False),
        SchoolClass.archived.is_(False), SchoolClass.framework_id.is_not(None))).scalars()
    for section in sections:
        result = mastery.class_mastery(uow, section.id)
        if seminar.competency_id not in {c.id for c in result.competencies}:
            continue
        below = seminar.below_score if seminar.below_score is not None else result.scale.mastery_score
        for student in result.students:
            cell = result.cell(student.id, seminar.competency_id)
            score = cell.score if cell else None
            if student.id in busy or (score is not None and score >= below):
                continue
            if student.id not in found or (score is not None and (found[student.id].score or 99) > score):
                found[student.id] = Proposal(student.id, student.name, score, section.title)
    return sorted(found.values(), key=lambda p: (p.score is None, p.score or 0.0, p.name))


def where_is(uow: UnitOfWork, school_id: str, day: date, at: Seminar | None = None) -> dict[str, list[SeminarView]]:
    """Every seated student's seminars on a day (only those overlapping ``at``'s time when given,
    leaving ``at`` itself out)."""
    seminars = {v.id: v for v in list_seminars(uow, school_id, day)}
    rows = {s.id: s for s in uow.session.execute(select(Seminar).where(Seminar.id.in_(list(seminars)))).scalars()}
    found: dict[str, list[SeminarView]] = {}
    for seat in _seat_rows(uow, list(seminars)):
        if at is not None:
            mine, theirs = _span(at), _span(rows[seat.seminar_id])
            if seat.seminar_id == at.id or not (theirs[0] < mine[1] and mine[0] < theirs[1]):
                continue
        found.setdefault(seat.student_id, []).append(seminars[seat.seminar_id])
    return {student: sorted(views, key=lambda v: (v.start_time, v.title)) for student, views in found.items()}


def seat(uow: UnitOfWork, seminar_id: str, student_ids: list[str], source: str = SeatSource.ASSIGNED) -> list[str]:
    """Give students a seat. All or nothing: a full seminar or a student already in a seminar at
    that time refuses the whole request, naming who and where. Returns those newly seated."""
    seminar = _seminar(uow, seminar_id)
    if source not in {s.value for s in SeatSource}:
        raise SeminarError(f"A seat is {', '.join(s.value for s in SeatSource)}.")
    taken = {r.student_id for r in _seat_rows(uow, [seminar_id])}
    new = [s for s in dict.fromkeys(student_ids) if s not in taken]
    if len(taken) + len(new) > seminar.capacity:
        raise SeminarError(f"{seminar.title} has {seminar.capacity - len(taken)} seats left; "
                           f"{len(new)} students were picked.")
    clashes = where_is(uow, seminar.school_id, seminar.day, at=seminar)
    people = {p.id: p for p in uow.session.execute(select(Person).where(Person.id.in_(new))).scalars()}
    clashing = [f"{list_name(people[s])} is in {clashes[s][0].title} at {clashes[s][0].start_time:%H:%M}"
                for s in new if s in clashes and s in people]
    if clashing:
        raise SeminarError("Clashes with another seminar: " + "; ".join(clashing) + ".")
    missing = [s for s in new if s not in people]
    if missing:
        raise SeminarError("A picked student is not on this laptop any more.")
    for student_id in new:
        uow.add(SeminarSeat(seminar_id=seminar_id, student_id=student_id, source=source))
    uow.commit()
    return new


def unseat(uow: UnitOfWork, seminar_id: str, student_id: str) -> None:
    for row in _seat_rows(uow, [seminar_id]):
        if row.student_id == student_id:
            uow.tombstone(row)
    uow.commit()


def record_attendance(uow: UnitOfWork, seminar_id: str, attended: dict[str, bool | None]) -> None:
    _seminar(uow, seminar_id)
    rows = {r.student_id: r for r in _seat_rows(uow, [seminar_id])}
    unknown = set(attended) - set(rows)
    if unknown:
        raise SeminarError("Attendance can only be taken for students with a seat.")
    for student_id, value in attended.items():
        rows[student_id].attended = value
        uow.add(rows[student_id])
    uow.commit()
