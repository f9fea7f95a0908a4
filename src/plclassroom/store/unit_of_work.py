"""The one unit of work: everything done inside it commits together or not at all."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from plclassroom.domain.base import Synced
from plclassroom.store import capture
from plclassroom.store.outbox import OutboxEntry


class UnitOfWork:
    """``with store.unit_of_work() as uow: ...; uow.commit()``. Leaving without commit rolls back."""

    def __init__(self, session: Session, files_dir: Path | None = None) -> None:
        self.session = session
        # Where attached files live (content-addressed, beside the database); None: no files here.
        self.files_dir = files_dir

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(self, *_exc) -> None:
        # close() rolls back whatever was not committed, and, unlike rollback(), leaves the rows
        # read here usable (not expired) by the caller after the unit of work.
        self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def add(self, row: Synced) -> Synced:
        self.session.add(row)
        return row

    def get(self, table: type, row_id: str):
        """The live row with this id, or None (tombstoned rows read as absent)."""
        row = self.session.get(table, row_id)
        if row is None or getattr(row, "deleted", False):
            return None
        return row

    def tombstone(self, row: Synced) -> None:
        row.deleted = True
        self.session.add(row)

    def replace_links(self, table: type[Synced], owner: str, owner_id: str, target: str,
                      target_ids: list[str]) -> list[str]:
        """Make ``owner_id``'s links in ``table`` (a many-to-many row per pair) exactly
        ``target_ids``: tombstone the ones dropped, add the new ones. Returns the previous targets."""
        links = list(self.session.execute(select(table).where(
            getattr(table, owner) == owner_id, table.deleted.is_(False))).scalars())
        old = [getattr(link, target) for link in links]
        for link in links:
            if getattr(link, target) not in target_ids:
                self.tombstone(link)
        for target_id in target_ids:
            if target_id not in old:
                self.add(table(**{owner: owner_id, target: target_id}))
        return old

    def insert_many(self, table: type[Synced], rows: Iterable[dict]) -> int:
        """Insert many new rows fast (Core executemany) with the same stamps and outbox entries
        as ``add`` would give them (none when the unit of work does not record changes).

        Returns the number of rows written.
        """
        rows = list(rows)
        if not rows:
            return 0
        entries = capture.stamp_new_rows(self.session.info["capture"], table, rows)
        # Core on the session's connection (same transaction), not the ORM's bulk path: no objects.
        connection = self.session.connection()
        connection.execute(insert(table.__table__), rows)
        if entries:
            connection.execute(insert(OutboxEntry.__table__), entries)
        return len(rows)

    def update_many(self, table: type[Synced], changes: list[tuple[str, dict]]) -> int:
        """Apply field changes to many rows by id (Core executemany), captured like ORM edits."""
        if not changes:
            return 0
        entries = capture.stamp_updates(self.session.info["capture"], table, changes)
        by_columns: dict[tuple[str, ...], list[dict]] = {}
        for row_id, fields in changes:
            by_columns.setdefault(tuple(sorted(fields)), []).append({"_row_id": row_id, **fields})
        for columns, rows in by_columns.items():
            statement = (update(table.__table__).where(table.__table__.c.id == bindparam("_row_id"))
                         .values({column: bindparam(column) for column in columns}))
            self.session.connection().execute(statement, rows)
        if entries:
            self.session.connection().execute(insert(OutboxEntry.__table__), entries)
        return len(changes)
