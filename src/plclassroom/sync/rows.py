"""Rows as they travel: which tables sync, and field values turned back into the column's type
(an outbox keeps ``date(2026, 11, 30)`` as the text "2026-11-30"; a Date column wants a date)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from functools import cache

from sqlalchemy import JSON, Date, DateTime, Time, TypeDecorator

from plclassroom.domain import base
from plclassroom.domain.base import Synced


@cache
def synced_tables() -> dict[str, type[Synced]]:
    """Every synced table by its name."""
    import plclassroom.domain  # noqa: F401  (every table class registered)

    found: dict[str, type[Synced]] = {}
    pending = list(base.Synced.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if getattr(cls, "__table__", None) is not None:
            found[cls.__tablename__] = cls
    return found


def _reader(column) -> Callable[[object], object] | None:
    kind = column.type
    if isinstance(kind, TypeDecorator):  # SQLModel's UTCDateTime: what it stores is a DateTime
        kind = kind.impl
    if isinstance(kind, DateTime):
        return lambda v: datetime.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(kind, Date):
        return lambda v: date.fromisoformat(v[:10]) if isinstance(v, str) else v
    if isinstance(kind, Time):
        return lambda v: time.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(kind, JSON):
        return None
    return None


@cache
def _readers(table: str) -> dict[str, Callable[[object], object]]:
    columns = synced_tables()[table].__table__.columns
    return {c.key: reader for c in columns if (reader := _reader(c)) is not None}


@cache
def columns(table: str) -> frozenset[str]:
    return frozenset(c.key for c in synced_tables()[table].__table__.columns)


def typed(table: str, fields: dict) -> dict:
    """``fields`` with each value in its column's Python type; unknown columns are left out."""
    readers = _readers(table)
    known = columns(table)
    return {k: (readers[k](v) if k in readers and v is not None else v) for k, v in fields.items() if k in known}
