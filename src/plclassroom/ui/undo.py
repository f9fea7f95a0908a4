"""Undo as compensating changes: each command calls a service in redo() and undo(), so an undo
is a new edit that syncs like any other. Commands only call services; they hold no data logic.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from plclassroom.domain.base import Synced
from plclassroom.services import profiles
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr

MERGE_PROFILE_FIELD = 1001


def _kind_text(kind: str, goal: str, accommodation: str) -> str:
    """The undo step's name for a row of ``kind`` ("goal" or "accommodation"), in the user's language."""
    return goal if kind == "goal" else accommodation


class EditProfileField(QUndoCommand):
    """Typing into one profile field: consecutive saves of the same field merge into one undo step."""

    def __init__(self, context: AppContext, student_id: str, field: str, label: str, new: str) -> None:
        super().__init__(tr("Edit {what}").format(what=label))
        self.context, self.student_id, self.field = context, student_id, field
        self.old: str | None = None
        self.new = new

    def redo(self) -> None:
        old = self.context.call(profiles.update_profile_field, self.student_id, self.field, self.new)
        if self.old is None:
            self.old = old
        self.context.changed.emit("profile", self.student_id)

    def undo(self) -> None:
        self.context.call(profiles.update_profile_field, self.student_id, self.field, self.old)
        self.context.changed.emit("profile", self.student_id)

    def id(self) -> int:
        return MERGE_PROFILE_FIELD

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditProfileField) or (other.student_id, other.field) != (
            self.student_id, self.field
        ):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)  # typed back to where it started: nothing to undo
        return True


class EditRowField(QUndoCommand):
    """A change to one field of a goal or an accommodation, already saved by ``apply``.

    The service checks the value first (a date, a status), so a refused edit never reaches the stack.
    """

    def __init__(self, context: AppContext, kind: str, table: type[Synced], student_id: str, row_id: str,
                 field: str, old, new) -> None:
        super().__init__(_kind_text(kind, tr("Edit goal"), tr("Edit accommodation")))
        self.context, self.kind, self.table = context, kind, table
        self.student_id, self.row_id, self.field = student_id, row_id, field
        self.old, self.new = old, new
        self._saved = True

    @classmethod
    def apply(cls, context: AppContext, kind: str, table: type[Synced], student_id: str, row_id: str,
              field: str, new) -> bool:
        """Save the change and put it on the undo stack; False (with a message) if it was refused."""
        try:
            old = context.call(profiles.update_row, table, row_id, field, new)
        except profiles.ProfileError as exc:
            context.message.emit(str(exc))
            return False
        context.undo_stack.push(cls(context, kind, table, student_id, row_id, field, old, new))
        return True

    def redo(self) -> None:
        if self._saved:  # the first redo is the push of a change apply() already saved
            self._saved = False
        else:
            self.context.call(profiles.update_row, self.table, self.row_id, self.field, self.new)
        self.context.changed.emit(self.kind, self.student_id)

    def undo(self) -> None:
        self.context.call(profiles.update_row, self.table, self.row_id, self.field, self.old)
        self.context.changed.emit(self.kind, self.student_id)


class AddRow(QUndoCommand):
    """Add a goal or an accommodation; undo tombstones it, redo brings the same row back."""

    def __init__(self, context: AppContext, kind: str, table: type[Synced], student_id: str) -> None:
        super().__init__(_kind_text(kind, tr("Add goal"), tr("Add accommodation")))
        self.context, self.kind, self.table, self.student_id = context, kind, table, student_id
        self.row_id: str | None = None

    def redo(self) -> None:
        add = profiles.add_goal if self.kind == "goal" else profiles.add_accommodation
        self.row_id = self.context.call(add, self.student_id, row_id=self.row_id)
        self.context.changed.emit(self.kind, self.student_id)

    def undo(self) -> None:
        self.context.call(profiles.remove_row, self.table, self.row_id)
        self.context.changed.emit(self.kind, self.student_id)


class RemoveRow(QUndoCommand):
    def __init__(self, context: AppContext, kind: str, table: type[Synced], student_id: str, row_id: str) -> None:
        super().__init__(_kind_text(kind, tr("Remove goal"), tr("Remove accommodation")))
        self.context, self.kind, self.table = context, kind, table
        self.student_id, self.row_id = student_id, row_id

    def redo(self) -> None:
        self.context.call(profiles.remove_row, self.table, self.row_id)
        self.context.changed.emit(self.kind, self.student_id)

    def undo(self) -> None:
        add = profiles.add_goal if self.kind == "goal" else profiles.add_accommodation
        self.context.call(add, self.student_id, row_id=self.row_id)
        self.context.changed.emit(self.kind, self.student_id)


class Change(QUndoCommand):
    """Any change made through a service, undone by a compensating service call.

    ``do(uow, previous)`` makes the change and returns what ``undo(uow, result)`` needs to reverse
    it; on redo after an undo it gets its previous result back (to restore the same row, say).
    Use ``Change.apply``: it makes the change first, so a refused one never reaches the stack.
    """

    def __init__(self, context: AppContext, text: str, do, undo, kind: str, key: str, result) -> None:
        super().__init__(text)
        self.context, self.do, self.undo_fn, self.kind, self.key = context, do, undo, kind, key
        self.result = result
        self._done = True

    @classmethod
    def apply(cls, context: AppContext, text: str, do, undo, kind: str, key: str = "") -> tuple[bool, object]:
        """Make the change and push it on the undo stack: (True, its result), or (False, None) after
        saying why it was refused."""
        try:
            result = context.call(do, None)
        except ValueError as error:  # the services' errors are ValueErrors with a sentence for the person
            context.message.emit(str(error))
            return False, None
        context.undo_stack.push(cls(context, text, do, undo, kind, key, result))
        return True, result

    def redo(self) -> None:
        if self._done:
            self._done = False
        else:
            self.result = self.context.call(self.do, self.result)
        self.context.changed.emit(self.kind, self.key)

    def undo(self) -> None:
        self.context.call(self.undo_fn, self.result)
        self.context.changed.emit(self.kind, self.key)
