"""Rows as they travel: which tables sync, and field values turned back into the column's type
(an outbox keeps ``date(2026, 11, 30)`` as the text "2026-11-30"; a Date column wants a date)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from functools import cache

import orjson
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


DIGEST_BYTES = 16
_UNSTAMPED = ("hlc", "device_id")  # who wrote a value last is not part of it


def _canonical(value):
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC).isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def digest_of(table: str, row: dict) -> bytes:
    """A row's values (not its clock) as a short hash, the same for the same values whichever
    database they come from: verified sync compares these."""
    values = {k: _canonical(v) for k, v in row.items() if k not in _UNSTAMPED}
    return hashlib.sha256(table.encode() + b"\0" + orjson.dumps(values, option=orjson.OPT_SORT_KEYS)).digest()[
        :DIGEST_BYTES]


def combine(digests) -> bytes:
    """The digests of a set of rows, in any order, as one (XOR)."""
    total = 0
    for one in digests:
        total ^= int.from_bytes(one, "big")
    return total.to_bytes(DIGEST_BYTES, "big")
