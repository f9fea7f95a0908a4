"""Opening the local database: create or migrate it, refuse a damaged or too-new file, and hand
out units of work whose changes are captured for sync.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from plclassroom.domain.base import Synced, new_id
from plclassroom.domain.clock import HybridLogicalClock
from plclassroom.store import capture, dashboard, district, drafts, forget, migrations  # noqa: F401  (tables)
from plclassroom.store.engine import database_url, make_engine, make_postgres_engine
from plclassroom.store.outbox import Device
from plclassroom.store.unit_of_work import UnitOfWork

SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A problem with the database file, worded for the person using the app."""


class StoreDamaged(StoreError):
    pass


class StoreTooNew(StoreError):
    pass


class CapturingSession(Session):
    """Sessions of this class capture every change of a synced row into the outbox."""


capture.install(CapturingSession)


class Store:
    """An open local database: engine, this device's id and clock, and units of work."""

    def __init__(self, path: Path | None, engine: Engine, device_id: str, clock: HybridLogicalClock) -> None:
        self.path = path  # None: a PostgreSQL database (the district server's option)
        self.engine = engine
        self.device_id = device_id
        self.capture = capture.CaptureContext(device_id=device_id, clock=clock)
        self._sessions = sessionmaker(engine, class_=CapturingSession, expire_on_commit=False)

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (creating or migrating as needed) the database at ``path``."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_file(path)
        engine = make_engine(path)
        try:
            return cls(path, engine, *_prepare(engine, path))
        except migrations.SchemaTooNew as exc:
            engine.dispose()
            raise StoreTooNew(
                f"{path.name} was written by a newer version of plclassroom (schema {exc.revision}). "
                "Update the app to open it; the file has not been changed."
            ) from exc
        except DatabaseError as exc:
            engine.dispose()
            raise StoreDamaged(_damaged_message(path)) from exc

    @classmethod
    def open_url(cls, url: str) -> Store:
        """Open a database by URL: ``sqlite:///FILE`` (as ``open``) or ``postgresql://...``."""
        try:
            parsed = database_url(url)
        except Exception as exc:  # noqa: BLE001  (SQLAlchemy's parse errors have no common base)
            raise StoreError(f"{url!r} is not a database URL I can use: {exc}") from exc
        if parsed.get_backend_name() == "sqlite":
            if not parsed.database:
                raise StoreError("A sqlite:/// URL needs a file name (sqlite:///district.sqlite).")
            return cls.open(Path(parsed.database))
        shown = parsed.render_as_string(hide_password=True)
        engine = make_postgres_engine(parsed)
        try:
            return cls(None, engine, *_prepare(engine, None))
        except migrations.SchemaTooNew as exc:
            engine.dispose()
            raise StoreTooNew(f"The database {shown} was written by a newer version of plclassroom (schema "
                              f"{exc.revision}). Update plclassroom; the database has not been changed.") from exc
        except OperationalError as exc:
            engine.dispose()
            # The driver's first line says why (refused, no such database, bad password), never the password.
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
            raise StoreError(f"Cannot open the database {shown}: {reason}") from exc

    @property
    def location(self) -> str:
        """Where the data is, for people: the file, or the database URL without its password."""
        if self.path is not None:
            return str(self.path)
        return self.engine.url.render_as_string(hide_password=True)

    def unit_of_work(self, record_changes: bool = True) -> UnitOfWork:
        """A unit of work whose changes go to the outbox (``record_changes=False``: seed data only)."""
        session = self._sessions()
        session.info["capture"] = (
            self.capture if record_changes else dataclasses.replace(self.capture, record=False)
        )
        files_dir = self.path.parent / f"{self.path.stem}-files" if self.path is not None else None
        return UnitOfWork(session, files_dir=files_dir)

    def close(self) -> None:
        self.engine.dispose()


def _prepare(engine: Engine, path: Path | None) -> tuple[str, HybridLogicalClock]:
    """Migrate the database, and read this device's id and a clock past every stamp it holds."""
    migrations.upgrade(engine, path)
    with Session(engine) as session:
        return _ensure_device(session), HybridLogicalClock(last=_latest_stamp(session))


def _check_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as f:
        if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise StoreDamaged(_damaged_message(path))
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            result = conn.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreDamaged(_damaged_message(path)) from exc
    if result is None or result[0] != "ok":
        raise StoreDamaged(_damaged_message(path))


def _damaged_message(path: Path) -> str:
    return (
        f"{path} is damaged or is not a plclassroom database. It has not been changed. "
        f"Restore a backup (they are in {path.parent / 'backups'}) or move the file away to start afresh."
    )


def _ensure_device(session: Session) -> str:
    device = session.execute(select(Device)).scalars().first()
    if device is None:
        device = Device(id=new_id(), created_at=datetime.now(UTC))
        session.add(device)
        session.commit()
    return device.id


def _latest_stamp(session: Session) -> int:
    """The newest HLC stamp in the database, so the clock never issues an older one after a restart."""
    latest = 0
    for table in Synced.metadata.sorted_tables:
        if "hlc" in table.c:
            latest = max(latest, session.execute(select(func.max(table.c.hlc))).scalar() or 0)
    return latest
