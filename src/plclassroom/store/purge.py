"""Removing tombstones for good (housekeeping, on the district server and on a laptop): a synced
row is otherwise never deleted, only marked ``deleted`` (``store/capture.py``).

A row goes only when no row of any table refers to it, so a purge never breaks a reference, and
needs no foreign-key error to find out: each referring column is checked in the same statement.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from sqlalchemy import Connection, Table, delete, exists, not_, select
from sqlmodel import SQLModel

CHUNK = 500


@cache
def _referrers(table_name: str) -> tuple[tuple[str, str], ...]:
    """(table, column) of every foreign key in the schema that points at ``table_name``."""
    return tuple((table.name, column.key) for table in SQLModel.metadata.sorted_tables
                 for column in table.columns for key in column.foreign_keys
                 if key.column.table.name == table_name)


def purge_unreferenced(connection: Connection, table: Table, ids: Iterable[str]) -> list[str]:
    """Delete the rows of ``table`` with these ids that nothing refers to; returns the ids deleted."""
    tables = SQLModel.metadata.tables
    # An alias per referrer: a table that refers to itself (a competency's parent) correlates too.
    referrers = [(tables[name].alias(), column) for name, column in _referrers(table.name)]
    unreferenced = [not_(exists().where(ref.c[column] == table.c.id)) for ref, column in referrers]
    ids = sorted(set(ids))
    gone: list[str] = []
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        found = list(connection.execute(select(table.c.id).where(table.c.id.in_(part), *unreferenced)).scalars())
        if found:
            connection.execute(delete(table).where(table.c.id.in_(found)))
            gone += found
    return gone
