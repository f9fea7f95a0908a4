"""Change capture: every flush of a synced row stamps it and writes an outbox entry in the
same transaction, so a commit without its outbox entry (or the other way round) cannot exist.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cache

import orjson
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from plclassroom.domain.base import SYNC_COLUMNS, Synced
from plclassroom.domain.clock import HybridLogicalClock
from plclassroom.store.outbox import OutboxEntry


class HardDeleteError(RuntimeError):
    """Synced rows are tombstoned (``deleted=True``), never deleted: a delete must be able to sync."""


@dataclass
class CaptureContext:
    device_id: str
    clock: HybridLogicalClock
    lock: threading.Lock = field(default_factory=threading.Lock)
    # False for seed data that the district already has (the demo school): stamped, not queued.
    record: bool = True

    def stamp(self) -> int:
        with self.lock:
            return self.clock.tick()


@cache
def _captured_columns(cls: type) -> tuple[str, ...]:
    return tuple(attr.key for attr in inspect(cls).column_attrs if attr.key not in SYNC_COLUMNS)


def _dumps(fields: dict) -> str:
    return orjson.dumps(fields).decode()


def _capture(session: Session, _flush_context, _instances) -> None:
    context: CaptureContext | None = session.info.get("capture")
    if context is None:  # e.g. applying changes pulled from the server: they are not ours to push
        return
    for row in session.deleted:
        if isinstance(row, Synced):
            raise HardDeleteError(f"{type(row).__name__} rows are tombstoned, not deleted")
    entries = []
    for row in session.new:
        if isinstance(row, Synced):
            fields = {key: getattr(row, key) for key in _captured_columns(type(row))}
            entries.append(_stamp(context, row, "insert", fields))
    for row in session.dirty:
        if not isinstance(row, Synced):
            continue
        state = inspect(row)
        fields = {}
        for key in _captured_columns(type(row)):
            history = state.attrs[key].history
            if history.added and list(history.added) != list(history.deleted):
                fields[key] = history.added[0]
        if fields:
            op = "delete" if fields.get("deleted") is True else "update"
            entries.append(_stamp(context, row, op, fields))
    if context.record:
        session.add_all(entries)


def _stamp(context: CaptureContext, row: Synced, op: str, fields: dict) -> OutboxEntry:
    stamp = context.stamp()
    row.hlc = stamp
    row.device_id = context.device_id
    return OutboxEntry(table_name=row.__tablename__, row_id=row.id, op=op, hlc=stamp, fields=_dumps(fields))


def install(session_class: type[Session]) -> None:
    event.listen(session_class, "before_flush", _capture)
