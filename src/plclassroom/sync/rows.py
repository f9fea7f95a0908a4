"""Rows as they travel: which tables sync, field values turned back into the column's type
(an outbox keeps ``date(2026, 11, 30)`` as the text "2026-11-30"; a Date column wants a date),
and rows' digests, as verified sync compares them on either side."""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time
from functools import cache
from itertools import accumulate
from operator import xor

import orjson
from sqlalchemy import JSON, Date, DateTime, Float, Time, TypeDecorator

from plclassroom.domain import base
from plclassroom.domain.base import Synced
from plclassroom.sync.protocol import DIGEST_BYTES, ROW_DIGEST_BYTES


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


_UNSTAMPED = ("hlc", "device_id")  # who wrote a value last is not part of it


def _canonical(value):
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC).isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@cache
def _to_canonical(table: str) -> tuple[str, ...]:
    """The columns whose values two databases may give differently (dates and times, floats)."""
    kinds = (DateTime, Date, Time, Float)
    return tuple(c.key for c in synced_tables()[table].__table__.columns
                 if isinstance(c.type.impl if isinstance(c.type, TypeDecorator) else c.type, kinds))


def digest_of(table: str, row: dict) -> bytes:
    """A row's values (not its clock) as a short hash, the same for the same values whichever
    database they come from: verified sync compares these."""
    values = {k: v for k, v in row.items() if k not in _UNSTAMPED}
    for name in _to_canonical(table):  # only these: checking every value's type cost as much as the hash
        if values.get(name) is not None:
            values[name] = _canonical(values[name])
    return hashlib.sha256(table.encode() + b"\0" + orjson.dumps(values, option=orjson.OPT_SORT_KEYS)).digest()[
        :DIGEST_BYTES]


def bucket_key(row_id: str) -> int:
    """Where a row sits in verified sync's buckets: a 64-bit hash of its id, so rows spread evenly
    over the buckets whatever their ids look like (a time-ordered id would crowd one bucket)."""
    return int.from_bytes(hashlib.blake2b(row_id.encode(), digest_size=8).digest(), "big")


class Digests:
    """One side's rows as verified sync compares them: each table's row ids and digests, sorted by
    bucket key, with a running XOR of the digests, so a bucket's count and digest cost two
    bisections whatever its size. About 110 bytes a row in memory (digests and keys are 64-bit:
    arrays of "Q")."""

    def __init__(self) -> None:
        self._tables: dict[str, tuple[array, list[str], array]] = {}  # keys, ids, running XOR

    def put(self, table: str, digests: dict[str, bytes]) -> None:
        """``table``'s rows, id -> digest, in place of what it held."""
        order = sorted((bucket_key(row_id), row_id, digest) for row_id, digest in digests.items())
        running = accumulate((int.from_bytes(digest, "big") for _key, _id, digest in order), xor, initial=0)
        self._tables[table] = (array("Q", [key for key, _id, _digest in order]), [row_id for _key, row_id, _d in order],
                               array("Q", running))

    def _span(self, table: str, prefix: str) -> tuple[int, int]:
        keys = self._tables[table][0]
        if not prefix:
            return 0, len(keys)
        shift = 64 - 4 * len(prefix)
        low = int(prefix, 16) << shift
        return bisect_left(keys, low), bisect_left(keys, low + (1 << shift))

    def bucket(self, table: str, prefix: str = "") -> tuple[int, bytes]:
        """How many rows of ``table`` are in the bucket ``prefix``, and their digest (XOR)."""
        if table not in self._tables:
            return 0, bytes(DIGEST_BYTES)
        low, high = self._span(table, prefix)
        running = self._tables[table][2]
        return high - low, (running[high] ^ running[low]).to_bytes(DIGEST_BYTES, "big")

    def entries(self, table: str) -> Iterator[tuple[int, int]]:
        """Each row of ``table`` as set reconciliation takes it (``sync.reconcile``): its bucket key,
        and its digest's first ROW_DIGEST_BYTES as a number."""
        keys, _ids, running = self._tables.get(table, ((), (), (0,)))
        shift = 8 * (DIGEST_BYTES - ROW_DIGEST_BYTES)
        return ((key, (running[i + 1] ^ running[i]) >> shift) for i, key in enumerate(keys))

    def find(self, table: str, key: int) -> tuple[str, bytes] | None:
        """The row of ``table`` with this bucket key: its id and digest; None if there is none."""
        if table not in self._tables:
            return None
        keys, ids, running = self._tables[table]
        i = bisect_left(keys, key)
        if i == len(keys) or keys[i] != key:
            return None
        return ids[i], (running[i + 1] ^ running[i]).to_bytes(DIGEST_BYTES, "big")

    def rows(self, table: str, prefix: str = "") -> dict[str, bytes]:
        """The bucket's rows: id -> digest."""
        if table not in self._tables:
            return {}
        low, high = self._span(table, prefix)
        _keys, ids, running = self._tables[table]
        return {ids[i]: (running[i + 1] ^ running[i]).to_bytes(DIGEST_BYTES, "big") for i in range(low, high)}
