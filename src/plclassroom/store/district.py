"""Tables only the district server fills (empty on a laptop): its users, the devices enrolled for
them, one-time enrolment codes, the log of accepted changes that devices pull from, and the
per-field clocks that decide which of two edits of one field stands.

They are not ``Synced``: they never travel themselves.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Column, Connection, Index, Integer, UniqueConstraint, text
from sqlmodel import Field, SQLModel


class DistrictUser(SQLModel, table=True):
    __tablename__ = "district_user"

    id: str = Field(primary_key=True, max_length=36)
    name: str
    role: str  # teacher | advisor | school_admin | district_admin
    person_id: str | None = Field(default=None, max_length=36)  # the person row the user is
    school_id: str | None = Field(default=None, max_length=36)
    created_at: datetime
    # For signing in to the web dashboard (``services/district_sessions.py``): scrypt, salted; None: cannot.
    password_hash: str | None = None


class DistrictDevice(SQLModel, table=True):
    __tablename__ = "district_device"

    id: str = Field(primary_key=True, max_length=36)  # the laptop's own device id
    user_id: str = Field(foreign_key="district_user.id", index=True)
    name: str = ""
    token_hash: str = Field(unique=True)  # sha256 of the token: the token itself is never stored
    created_at: datetime
    last_sync_at: datetime | None = None
    revoked_at: datetime | None = None
    changes_pushed: int = 0
    # The change-log sequence the device holds everything up to (its last pull's cursor, or the
    # one its last push or bundle carried): compaction never goes past the lowest of these.
    pulled_seq: int = Field(default=0, sa_type=BigInteger)
    # Sync health for the dashboard: changes the district refused, and pushes that failed whole.
    changes_refused: int = 0
    push_failures: int = 0
    last_push_failure_at: datetime | None = None
    # What the device said it still held unsent, and when (None: it never said): a laptop's edits
    # are invisible to the district until they arrive, so the dashboard shows this count's age too.
    pending_changes: int | None = None
    pending_reported_at: datetime | None = None


class EnrolCode(SQLModel, table=True):
    __tablename__ = "district_enrol_code"

    code_hash: str = Field(primary_key=True)
    user_id: str = Field(foreign_key="district_user.id")
    expires_at: datetime
    used_at: datetime | None = None


class DistrictChange(SQLModel, table=True):
    """An accepted change, numbered: devices pull ``seq > cursor`` in their scope. ``fields`` holds
    only the fields that won; the scope columns say whose data it is."""

    __tablename__ = "district_change"
    __table_args__ = (UniqueConstraint("device_id", "device_seq", name="uq_district_change_device_op"),
                      Index("ix_district_change_row", "table_name", "row_id"))

    # 64-bit: SQLite's INTEGER already is (and stays the rowid); PostgreSQL's needs BIGINT.
    seq: int | None = Field(default=None, primary_key=True, sa_type=BigInteger().with_variant(Integer, "sqlite"))
    device_id: str = Field(max_length=36)  # the device that pushed it
    device_seq: int = Field(sa_type=BigInteger)
    table_name: str
    row_id: str = Field(max_length=36)
    op: str
    hlc: int = Field(sa_type=BigInteger)
    origin_device: str = Field(max_length=36)  # the device that made it (the stamp's tie-break)
    fields: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    class_id: str | None = Field(default=None, max_length=36, index=True)
    student_id: str | None = Field(default=None, max_length=36, index=True)
    private_to: str | None = Field(default=None, max_length=36)  # a private note: its author only
    school_id: str | None = Field(default=None, max_length=36)  # staff and families: their school's
    received_at: datetime


class RowClock(SQLModel, table=True):
    """Which change last set each field of a row: ``fields`` maps a field to [HLC, device, seq]
    (seq: the district change that set it; a device that has not pulled it had not seen it).
    One row per synced row, not per field: a push writes a few rows, not one per field."""

    __tablename__ = "district_row_clock"

    table_name: str = Field(primary_key=True)
    row_id: str = Field(primary_key=True, max_length=36, index=True)
    fields: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class DistrictBundle(SQLModel, table=True):
    """A USB bundle the district imported: the same bundle is refused a second time."""

    __tablename__ = "district_bundle"

    id: str = Field(primary_key=True, max_length=36)
    device_id: str = Field(max_length=36, index=True)
    changes: int = 0
    imported_at: datetime


class DistrictCompaction(SQLModel, table=True):
    """One run of housekeeping (``services/district_housekeeping.py``): the change log up to
    ``up_to_seq`` holds only each row's latest entry, and the tombstones no device needs any more
    are gone. A device whose cursor is below the highest ``up_to_seq`` takes a fresh snapshot."""

    __tablename__ = "district_compaction"

    id: int | None = Field(default=None, primary_key=True)
    up_to_seq: int = Field(sa_type=BigInteger)
    log_removed: int = 0  # change-log entries removed (superseded, or of purged rows)
    rows_purged: int = 0  # tombstones removed for good
    left_behind: int = 0  # active devices the admin chose not to wait for
    compacted_at: datetime


# Any constant: the key of the change log's lock in PostgreSQL's advisory lock space.
CHANGE_LOG_LOCK = 0x706C_6368


def lock_change_log(connection: Connection) -> None:
    """Hold the change log until this transaction ends, so its numbers are handed out and
    committed in one order even when several server processes share a PostgreSQL database (a
    pull must never see change 11 committed before change 10). SQLite has one writer at a time
    anyway, and the server takes a process lock around its writes (``server/app.py``)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHANGE_LOG_LOCK})
