"""A student's learner profile: read it whole, change one field at a time.

Every change returns the value it replaced, so the UI's undo can write it back as a new change
(a compensating edit that syncs like any other), never by rewinding the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from plclassroom.domain import (
    PROFILE_TEXT_FIELDS,
    Accommodation,
    AccommodationKind,
    Goal,
    GoalCompetency,
    GoalStatus,
    LearnerProfile,
    Person,
)
from plclassroom.domain.base import Synced
from plclassroom.store.unit_of_work import UnitOfWork


class ProfileError(ValueError):
    """A change the profile cannot take; the message is for the person who typed it."""


@dataclass
class ProfileView:
    student_id: str
    name: str
    grade: str
    identifier: str
    fields: dict[str, str]
    accommodations: list[dict] = field(default_factory=list)
    goals: list[dict] = field(default_factory=list)


# What a teacher may edit in each list on the profile, and what the value must look like.
GOAL_FIELDS = ("statement", "kind", "measure_of_success", "target_date", "status", "progress")
ACCOMMODATION_FIELDS = ("kind", "description", "sensitive")
EDITABLE = {Goal: GOAL_FIELDS, Accommodation: ACCOMMODATION_FIELDS}
CHOICES = {
    (Goal, "status"): [s.value for s in GoalStatus],
    (Goal, "kind"): ["academic", "personal"],
    (Accommodation, "kind"): [k.value for k in AccommodationKind],
}


def get_profile(uow: UnitOfWork, student_id: str) -> ProfileView:
    student = uow.get(Person, student_id)
    if student is None:
        raise ProfileError("This student is not on this laptop any more.")
    profile = _profile_row(uow, student_id)
    session = uow.session
    accommodations = session.execute(
        select(Accommodation)
        .where(Accommodation.student_id == student_id, Accommodation.deleted.is_(False))
        .order_by(Accommodation.kind)
    ).scalars()
    goals = session.execute(
        select(Goal).where(Goal.student_id == student_id, Goal.deleted.is_(False)).order_by(Goal.target_date)
    ).scalars()
    return ProfileView(
        student_id=student_id,
        name=f"{student.preferred_name or student.given_name} {student.family_name}",
        grade=student.grade,
        identifier=student.identifier,
        fields={key: getattr(profile, key) for key in PROFILE_TEXT_FIELDS} if profile else dict.fromkeys(
            PROFILE_TEXT_FIELDS, ""),
        accommodations=[_as_dict(row, ACCOMMODATION_FIELDS) for row in accommodations],
        goals=[_as_dict(row, GOAL_FIELDS) for row in goals],
    )


def update_profile_field(uow: UnitOfWork, student_id: str, name: str, value: str) -> str:
    """Set one narrative field; returns the old value."""
    if name not in PROFILE_TEXT_FIELDS:
        raise ProfileError(f"{name!r} is not a field of the learner profile")
    profile = _profile_row(uow, student_id) or uow.add(LearnerProfile(student_id=student_id))
    old = getattr(profile, name)
    setattr(profile, name, value)
    uow.commit()
    return old


def add_goal(uow: UnitOfWork, student_id: str, statement: str = "", author_id: str | None = None,
             row_id: str | None = None) -> str:
    """A new goal; ``row_id`` brings back a goal that was removed (undo), with everything it had."""
    return _add(uow, Goal, row_id, student_id=student_id, statement=statement, author_id=author_id)


def add_accommodation(uow: UnitOfWork, student_id: str, kind: str = AccommodationKind.OTHER.value,
                      row_id: str | None = None) -> str:
    return _add(uow, Accommodation, row_id, student_id=student_id, kind=kind, sensitive=True)


def update_row(uow: UnitOfWork, table: type[Synced], row_id: str, name: str, value):
    """Set one field of a goal or an accommodation; returns the old value."""
    if name not in EDITABLE.get(table, ()):
        raise ProfileError(f"{name!r} cannot be edited here")
    row = uow.get(table, row_id)
    if row is None:
        raise ProfileError("That entry was removed.")
    value = _checked(table, name, value)
    old = getattr(row, name)
    setattr(row, name, value)
    uow.commit()
    return old


def remove_row(uow: UnitOfWork, table: type[Synced], row_id: str) -> None:
    row = uow.get(table, row_id)
    if row is None:
        raise ProfileError("That entry was already removed.")
    uow.tombstone(row)
    uow.commit()


def _add(uow: UnitOfWork, table: type[Synced], row_id: str | None, **values) -> str:
    if row_id is not None:
        row = uow.session.get(table, row_id)
        if row is None:
            raise ProfileError("That entry cannot be brought back.")
        row.deleted = False
    else:
        row = uow.add(table(**values))
    uow.commit()
    return row.id


def _checked(table: type[Synced], name: str, value):
    choices = CHOICES.get((table, name))
    if choices is not None and value not in choices:
        raise ProfileError(f"{name.replace('_', ' ').capitalize()} must be one of: {', '.join(choices)}")
    if name.endswith("_date") and not isinstance(value, date | None):
        text = str(value).strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ProfileError(f"{text!r} is not a date: write it as YYYY-MM-DD") from None
    if name == "sensitive":
        return bool(value)
    return value


def _profile_row(uow: UnitOfWork, student_id: str) -> LearnerProfile | None:
    return uow.session.execute(
        select(LearnerProfile).where(LearnerProfile.student_id == student_id)
    ).scalar_one_or_none()


def _as_dict(row: Synced, names: tuple[str, ...]) -> dict:
    return {"id": row.id, **{name: getattr(row, name) for name in names}}


def goal_competencies(uow: UnitOfWork, goal_id: str) -> list[str]:
    return list(uow.session.execute(select(GoalCompetency.competency_id).where(
        GoalCompetency.goal_id == goal_id, GoalCompetency.deleted.is_(False))).scalars())


def set_goal_competencies(uow: UnitOfWork, goal_id: str, competency_ids: list[str]) -> list[str]:
    """Link a goal to the competencies it is about; returns the previous links (for undo)."""
    if uow.get(Goal, goal_id) is None:
        raise ProfileError("That goal was removed.")
    old = uow.replace_links(GoalCompetency, "goal_id", goal_id, "competency_id", competency_ids)
    uow.commit()
    return old
