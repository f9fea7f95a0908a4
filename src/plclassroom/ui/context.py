"""The application context handed to every window: the open store, the undo stack, and the
signal that tells views what changed. No globals: tests build their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from plclassroom.store.database import Store
from plclassroom.store.unit_of_work import UnitOfWork

T = TypeVar("T")


class AppContext(QObject):
    # (what changed: "profile" | "goal" | "accommodation", the student it belongs to)
    changed = Signal(str, str)
    # A message for the status bar, e.g. a change the service refused.
    message = Signal(str)

    def __init__(self, store: Store, profile_name: str = "default", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.profile_name = profile_name
        self.undo_stack = QUndoStack(self)

    def call(self, service: Callable[..., T], *args, **kwargs) -> T:
        """Run one service call in its own unit of work (short reads and single edits)."""
        uow: UnitOfWork
        with self.store.unit_of_work() as uow:
            return service(uow, *args, **kwargs)
