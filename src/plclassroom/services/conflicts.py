"""The conflicts view's use cases: the long texts kept in two versions after a sync (a note or a
profile narrative changed on two devices that had not seen each other's change), each shown as
the version that stands and the other one, and settled by keeping one or a merge; and the changes
the district refused, sent again or taken off the list. Settling is an
ordinary edit of the field plus the conflict marked settled: both sync like any other change,
so every device in scope sees it settled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from plclassroom.domain import Conference, Person, SyncConflict
from plclassroom.domain.clock import unpack
from plclassroom.services.roster import list_name
from plclassroom.store.outbox import OutboxEntry, RejectedChange
from plclassroom.store.unit_of_work import UnitOfWork
from plclassroom.sync.rows import synced_tables

WHAT = {"learner_profile": "Learner profile", "conference": "Conference", "advisor_note": "Advisor note",
        "next_step": "Next step", "goal": "Goal"}


class ConflictError(Exception):
    pass


@dataclass(frozen=True)
class ConflictView:
    id: str
    student: str  # the student's name ("" when the row is no student's)
    what: str  # "Learner profile: strengths", "Conference of 12 Nov: notes"
    stands: str  # the field as it is now
    other: str  # the version that lost
    other_written: datetime  # when the other version was written (its device's clock)
    other_here: bool  # the other version was written on this laptop


def list_conflicts(uow: UnitOfWork) -> list[ConflictView]:
    """Every conflict waiting for a person, oldest first."""
    device = uow.session.info["capture"].device_id
    found = []
    for conflict in uow.session.execute(select(SyncConflict).where(
            SyncConflict.resolved.is_(False), SyncConflict.deleted.is_(False)).order_by(SyncConflict.hlc)).scalars():
        row = _row(uow, conflict)
        if row is None:
            continue  # the row is not on this laptop (out of scope now): nothing to show or settle
        student = uow.session.get(Person, conflict.student_id) if conflict.student_id else None
        found.append(ConflictView(
            id=conflict.id, student=list_name(student) if student else "", what=_what(uow, conflict),
            stands=getattr(row, conflict.field) or "", other=conflict.other,
            other_written=datetime.fromtimestamp(unpack(conflict.other_hlc)[0] / 1000, UTC),
            other_here=conflict.other_device == device))
    return found


def settle(uow: UnitOfWork, conflict_id: str, text: str) -> str:
    """Make ``text`` the field's value (one version, the other, or a merge) and mark the conflict
    settled. Returns the value it replaced (for undo: ``reopen``)."""
    conflict = uow.get(SyncConflict, conflict_id)
    if conflict is None or conflict.resolved:
        raise ConflictError("This conflict has already been settled (here or on another device).")
    row = _row(uow, conflict)
    if row is None:
        raise ConflictError("The note this conflict is about is not on this laptop any more.")
    before = getattr(row, conflict.field) or ""
    if text != before:
        setattr(row, conflict.field, text)
        uow.add(row)
    conflict.resolved = True
    uow.add(conflict)
    uow.commit()
    return before


def reopen(uow: UnitOfWork, conflict_id: str, value: str) -> None:
    """Undo ``settle``: the field back to ``value`` and the conflict waiting again."""
    conflict = uow.session.get(SyncConflict, conflict_id)
    row = _row(uow, conflict)
    if row is not None and (getattr(row, conflict.field) or "") != value:
        setattr(row, conflict.field, value)
        uow.add(row)
    conflict.resolved = False
    uow.add(conflict)
    uow.commit()


def _row(uow: UnitOfWork, conflict: SyncConflict):
    table = synced_tables().get(conflict.table_name)
    return uow.get(table, conflict.row_id) if table is not None else None


def _what(uow: UnitOfWork, conflict: SyncConflict) -> str:
    field = conflict.field.replace("_", " ")
    if conflict.table_name == "conference":
        held = uow.session.execute(select(Conference.held_on).where(Conference.id == conflict.row_id)).scalar()
        if held is not None:
            return f"Conference of {held:%d %b %Y}: {field}"
    return f"{WHAT.get(conflict.table_name, conflict.table_name.replace('_', ' ').capitalize())}: {field}"


# -- changes the district refused ---------------------------------------------------------------------


@dataclass(frozen=True)
class RefusedView:
    seq: int
    what: str  # "Learner profile", "Evidence"
    student: str
    why: str  # the district's reason
    when: datetime


def list_refused(uow: UnitOfWork) -> list[RefusedView]:
    """The changes the district refused, kept here (not lost, not retried forever), newest last."""
    found = []
    for change in uow.session.execute(select(RejectedChange).order_by(RejectedChange.seq)).scalars():
        table = synced_tables().get(change.table_name)
        row = uow.session.get(table, change.row_id) if table is not None else None
        student_id = getattr(row, "student_id", None) or (change.row_id if change.table_name == "person" else None)
        student = uow.session.get(Person, student_id) if student_id else None
        found.append(RefusedView(change.seq, WHAT.get(change.table_name, change.table_name.replace("_", " ").capitalize()),
                                 list_name(student) if student else "", change.reason, change.rejected_at))
    return found


def send_again(uow: UnitOfWork, seq: int) -> None:
    """Queue a refused change for the next sync again (the district's admin has, say, given the
    teacher the class since), with its own time: it is the same edit."""
    change = uow.session.get(RejectedChange, seq)
    if change is None:
        raise ConflictError("That refused change is no longer here.")
    uow.session.add(OutboxEntry(table_name=change.table_name, row_id=change.row_id, op=change.op, hlc=change.hlc,
                                fields=change.fields))
    uow.session.delete(change)
    uow.commit()


def dismiss_refused(uow: UnitOfWork, seq: int) -> None:
    """Take a refused change off the list: this laptop keeps its version, the district its own."""
    change = uow.session.get(RejectedChange, seq)
    if change is not None:
        uow.session.delete(change)
        uow.commit()
