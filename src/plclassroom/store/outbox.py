"""Local-only tables for sync: the device's identity and the outbox of captured changes.

They never sync themselves, so they do not carry the ``Synced`` columns.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger
from sqlmodel import Field, SQLModel


class Device(SQLModel, table=True):
    """This database's device: one row, made when the database is first created."""

    __tablename__ = "sync_device"

    id: str = Field(primary_key=True, max_length=36)
    created_at: datetime
    name: str = ""
    pull_cursor: int = Field(default=0, sa_type=BigInteger)  # the server sequence applied up to
    last_synced_at: datetime | None = None  # the last sync that finished, by this laptop's clock


class OutboxEntry(SQLModel, table=True):
    """One captured change: the fields a commit changed on one row, waiting to be pushed.

    ``seq`` is the device's operation sequence: with the device id it keys the change on the
    server, so a retried push is applied once.
    """

    __tablename__ = "sync_outbox"
    # AUTOINCREMENT: a sequence is never reused, even after the acknowledged entries are cleared
    # (plain SQLite rowids restart at 1 in an empty table, and the server would take a new change
    # for a retry of an old one).
    __table_args__ = {"sqlite_autoincrement": True}

    seq: int | None = Field(default=None, primary_key=True)
    table_name: str
    row_id: str = Field(max_length=36)
    op: str  # insert | update | delete
    hlc: int = Field(sa_type=BigInteger)
    fields: str  # JSON object of column -> new value, changed columns only


class RejectedChange(SQLModel, table=True):
    """A change the district refused (outside the teacher's classes, say): kept and shown, never
    silently dropped, and out of the outbox so it does not block the rest."""

    __tablename__ = "sync_rejected"

    seq: int = Field(primary_key=True)  # its op sequence, as it was in the outbox
    table_name: str
    row_id: str = Field(max_length=36)
    op: str
    hlc: int = Field(sa_type=BigInteger)
    fields: str
    reason: str
    rejected_at: datetime
