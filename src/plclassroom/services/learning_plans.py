"""Personal learning plans: one living document a student, every change kept (who changed which
part, when, from what to what), reviewed at intervals the school sets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from plclassroom.domain import PLAN_FIELDS, LearningPlan, Person, PlanRevision
from plclassroom.store.unit_of_work import UnitOfWork


class PlanError(ValueError):
    pass


@dataclass(frozen=True)
class Revision:
    part: str
    old: str
    new: str
    by: str
    at: datetime


def plan_for(uow: UnitOfWork, student_id: str) -> LearningPlan:
    """The student's plan, made (empty) the first time it is opened."""
    plan = uow.session.execute(select(LearningPlan).where(LearningPlan.student_id == student_id)).scalar_one_or_none()
    if plan is None:
        if uow.get(Person, student_id) is None:
            raise PlanError("That student is not on this laptop.")
        plan = uow.add(LearningPlan(student_id=student_id))
        uow.commit()
    return plan


def update_part(uow: UnitOfWork, student_id: str, part: str, text: str, changed_by: str | None = None) -> str:
    """Change one part of the plan, keeping the revision; returns the old text."""
    if part not in PLAN_FIELDS:
        raise PlanError(f"{part!r} is not a part of the learning plan")
    plan = plan_for(uow, student_id)
    old = getattr(plan, part)
    if old == text:
        return old
    setattr(plan, part, text)
    uow.add(PlanRevision(plan_id=plan.id, part=part, old=old, new=text, changed_by=changed_by,
                         changed_at=datetime.now(UTC)))
    uow.commit()
    return old


def revisions(uow: UnitOfWork, student_id: str) -> list[Revision]:
    """Every change, newest first."""
    plan = plan_for(uow, student_id)
    names = dict(uow.session.execute(select(Person.id, Person.given_name + " " + Person.family_name)).all())
    rows = uow.session.execute(select(PlanRevision).where(PlanRevision.plan_id == plan.id,
                                                          PlanRevision.deleted.is_(False))
                               .order_by(PlanRevision.changed_at.desc(), PlanRevision.hlc.desc())).scalars()
    return [Revision(PLAN_FIELDS[r.part], r.old, r.new, names.get(r.changed_by, "someone on this laptop"),
                     r.changed_at) for r in rows]


def mark_reviewed(uow: UnitOfWork, student_id: str, on: date | None = None, every_weeks: int | None = None) -> date:
    """The plan was reviewed with the student; returns when the next review is due."""
    plan = plan_for(uow, student_id)
    if every_weeks is not None:
        if not 1 <= every_weeks <= 52:
            raise PlanError("Review every 1 to 52 weeks.")
        plan.review_every_weeks = every_weeks
    plan.reviewed_on = on or date.today()
    uow.commit()
    return next_review(plan)


def next_review(plan: LearningPlan) -> date | None:
    return plan.reviewed_on + timedelta(weeks=plan.review_every_weeks) if plan.reviewed_on else None


def reviews_due(uow: UnitOfWork, student_ids: list[str], today: date | None = None) -> dict[str, date | None]:
    """Students whose plan review is due (date due), or who have no reviewed plan yet (None)."""
    today = today or date.today()
    plans = {p.student_id: p for p in uow.session.execute(select(LearningPlan).where(
        LearningPlan.student_id.in_(student_ids), LearningPlan.deleted.is_(False))).scalars()}
    due = {}
    for student_id in student_ids:
        plan = plans.get(student_id)
        when = next_review(plan) if plan else None
        if when is None or when <= today:
            due[student_id] = when
    return due
