"""Change capture: every flush of a synced row stamps it and writes an outbox entry in the
same transaction, so a commit without its outbox entry (or the other way round) cannot exist.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import orjson
from sqlalchemy import event, insert, inspect
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


@cache
def _column_defaults(cls: type) -> tuple[tuple[str, Callable[[], object]], ...]:
    """How to fill each column a plain-dict row leaves out, as building the object would."""
    fillers = []
    for column in cls.__table__.columns:
        default = column.default
        if default is None:
            fillers.append((column.key, lambda: None))
        elif default.is_callable:
            # SQLAlchemy wraps a column's default factory to take an execution context.
            fillers.append((column.key, lambda fn=default.arg: fn(None)))
        else:
            fillers.append((column.key, lambda value=default.arg: value))
    return tuple(fillers)


def defaults(table: type[Synced]) -> dict:
    """A new row of ``table`` with every column at its default (None where it has none), but its
    id: the caller names the row (a fresh UUID per row only to be replaced cost a tenth of a push)."""
    return {key: fill() for key, fill in _column_defaults(table) if key != "id"}


def stamp_new_rows(context: CaptureContext, table: type[Synced], rows: list[dict]) -> list[dict]:
    """Complete and stamp plain-dict rows for a Core insert; returns their outbox entries.

    The fast path for imports: the same stamps and entries as the flush capture, without building
    an object per row.
    """
    stamp = context.stamp()
    fillers = _column_defaults(table)
    columns = _captured_columns(table)
    entries = []
    for row in rows:
        for key, fill in fillers:
            if key not in row:
                row[key] = fill()
        row["hlc"] = stamp
        row["device_id"] = context.device_id
        if context.record:
            fields = {key: row[key] for key in columns}
            entries.append({"table_name": table.__tablename__, "row_id": row["id"], "op": "insert",
                            "hlc": stamp, "fields": orjson.dumps(fields).decode()})
    return entries


def stamp_updates(context: CaptureContext, table: type[Synced], changes: list[tuple[str, dict]]) -> list[dict]:
    """Stamp field changes for a Core update (adds hlc and device_id to each change); returns
    their outbox entries. The fast path for imports that change many rows."""
    stamp = context.stamp()
    entries = []
    for row_id, fields in changes:
        if context.record:
            op = "delete" if fields.get("deleted") is True else "update"
            entries.append({"table_name": table.__tablename__, "row_id": row_id, "op": op, "hlc": stamp,
                            "fields": orjson.dumps(fields).decode()})
        fields["hlc"] = stamp
        fields["device_id"] = context.device_id
    return entries


def _capture(session: Session, _flush_context, _instances) -> None:
    """Before the flush: stamp each changed synced row and note its outbox entry."""
    context: CaptureContext | None = session.info.get("capture")
    if context is None:  # e.g. applying changes pulled from the server: they are not ours to push
        return
    for row in session.deleted:
        if isinstance(row, Synced):
            raise HardDeleteError(f"{type(row).__name__} rows are tombstoned, not deleted")
    entries = session.info.setdefault("outbox", [])
    for row in session.new:
        if isinstance(row, Synced):
            values = row.__dict__
            fields = {key: values.get(key) for key in _captured_columns(type(row))}
            _stamp(context, row, "insert", fields, entries)
    for row in session.dirty:
        if not isinstance(row, Synced):
            continue
        # committed_state holds the value each modified attribute had when loaded: cheaper than history.
        state = inspect(row)
        values = state.dict
        fields = {
            key: values[key]
            for key, old in state.committed_state.items()
            if key not in SYNC_COLUMNS and key in values and values[key] != old
        }
        if fields:
            _stamp(context, row, "delete" if fields.get("deleted") is True else "update", fields, entries)


def _write_outbox(session: Session, _flush_context) -> None:
    """After the flush, in the same transaction: write the noted entries with one executemany."""
    entries = session.info.pop("outbox", None)
    if entries:
        session.connection().execute(insert(OutboxEntry.__table__), entries)


def _forget_outbox(session: Session, *_args) -> None:
    session.info.pop("outbox", None)  # a failed flush rolls back: its notes go with it


def _stamp(context: CaptureContext, row: Synced, op: str, fields: dict, entries: list[dict]) -> None:
    stamp = context.stamp()
    row.hlc = stamp
    row.device_id = context.device_id
    if context.record:
        entries.append({"table_name": row.__tablename__, "row_id": row.id, "op": op, "hlc": stamp,
                        "fields": orjson.dumps(fields).decode()})


def install(session_class: type[Session]) -> None:
    event.listen(session_class, "before_flush", _capture)
    event.listen(session_class, "after_flush", _write_outbox)
    event.listen(session_class, "after_rollback", _forget_outbox)
