"""Forgetting a student on this laptop (a family's request): their rows deleted for good, and
a local list of what was forgotten so that sync never brings it back.

Synced rows are otherwise never deleted, only tombstoned, so the deletion can travel
(``store/capture.py``). Forgetting is the opposite: the rows go with plain SQL, which change
capture does not see, so nothing of it enters the outbox; the district keeps its own record and
must act on the family's request there too.

What keeps them gone is ``local_forgotten``: the ids of the rows deleted (random UUIDs, no names or
values). Applying pulled changes (``sync/client.apply_changes``, which also serves snapshots,
verification's repairs and USB bundles) skips a change to a row on the list, or one whose
references point at a row on the list, and puts that row on the list too: a conference the
district adds later for a forgotten student, and its next steps, never arrive here. Without it, a
new laptop snapshot or a repair would bring the student back, and a pulled row that refers to
them would break the next commit (a foreign key to nothing).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from functools import cache

from sqlalchemy import Connection, Engine, insert, select
from sqlmodel import Field, SQLModel

from plclassroom.store.purge import purge_unreferenced

CHUNK = 500


class ForgottenRow(SQLModel, table=True):
    """A row this laptop deleted at a family's request, and must not take back from sync."""

    __tablename__ = "local_forgotten"

    row_id: str = Field(primary_key=True, max_length=36)
    table_name: str


def forgotten_ids(connection: Connection) -> set[str]:
    return set(connection.execute(select(ForgottenRow.row_id)).scalars())


def forgotten_rows(connection: Connection) -> dict[str, set[str]]:
    """The forgotten list, by table."""
    rows: dict[str, set[str]] = {}
    for row_id, table in connection.execute(select(ForgottenRow.row_id, ForgottenRow.table_name)):
        rows.setdefault(table, set()).add(row_id)
    return rows


def remember(connection: Connection, rows: dict[str, Iterable[str]]) -> int:
    """Put these rows (table -> ids) on the forgotten list; returns how many were new to it."""
    known = forgotten_ids(connection)
    new = [{"row_id": row_id, "table_name": table} for table, ids in rows.items()
           for row_id in sorted(set(ids)) if row_id not in known]
    if new:
        connection.execute(insert(ForgottenRow.__table__), new)
    return len(new)


@cache
def reference_columns(table_name: str) -> tuple[str, ...]:
    """The columns of ``table_name`` that refer to a row of another (or the same) table."""
    table = SQLModel.metadata.tables.get(table_name)
    if table is None:
        return ()
    return tuple(column.key for column in table.columns if column.foreign_keys)


@cache
def _referrers(table_name: str) -> tuple[tuple[str, str], ...]:
    return tuple((table.name, column.key) for table in SQLModel.metadata.sorted_tables
                 for column in table.columns for key in column.foreign_keys
                 if key.column.table.name == table_name)


def rows_referring_to(connection: Connection, table_name: str, row_id: str) -> dict[str, set[str]]:
    """The row, and every row that refers to it directly or through another such row (tombstones
    included), by table: for a student, everything recorded about them."""
    tables = SQLModel.metadata.tables
    found: dict[str, set[str]] = {table_name: {row_id}}
    frontier: dict[str, set[str]] = {table_name: {row_id}}
    while frontier:
        reached: dict[str, set[str]] = {}
        for target, ids in frontier.items():
            ordered = sorted(ids)
            for name, column in _referrers(target):
                table = tables[name]
                for start in range(0, len(ordered), CHUNK):
                    for found_id in connection.execute(select(table.c.id).where(
                            table.c[column].in_(ordered[start:start + CHUNK]))).scalars():
                        if found_id not in found.setdefault(name, set()):
                            found[name].add(found_id)
                            reached.setdefault(name, set()).add(found_id)
        frontier = reached
    return {name: ids for name, ids in found.items() if ids}


def delete_rows(connection: Connection, rows: dict[str, set[str]]) -> int:
    """Delete these rows (table -> ids) for good, children first, never breaking a reference
    (``purge_unreferenced``); a row still referred to from outside the set stays, and is
    reported by the error. Returns the number of rows deleted."""
    tables = SQLModel.metadata.tables
    left = {name: set(ids) for name, ids in rows.items() if ids}
    deleted = 0
    while left:
        progress = 0
        for table in reversed(SQLModel.metadata.sorted_tables):  # children first
            if table.name in left:
                gone = purge_unreferenced(connection, tables[table.name], left[table.name])
                left[table.name] -= set(gone)
                progress += len(gone)
                if not left[table.name]:
                    del left[table.name]
        deleted += progress
        if not progress and left:  # a row outside the set still refers to one of these
            raise RuntimeError(f"rows still referred to: {sorted(left)}")
    return deleted


def compact(engine: Engine) -> bool:
    """Rewrite the database file so deleted rows leave no trace in its free pages, its write-ahead
    log or the search index's old segments. False when it could not be done now (the file busy)."""
    raw = engine.raw_connection()
    try:
        db = raw.driver_connection  # sqlite3, in autocommit (store/engine.py): VACUUM needs no transaction
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_text'").fetchone():
            db.execute("INSERT INTO search_text(search_text) VALUES ('optimize')")
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        raw.close()
