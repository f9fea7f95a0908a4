"""Opening the local database: create or migrate it, refuse a damaged or too-new file, and hand
out units of work whose changes are captured for sync.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from plclassroom.domain.base import Synced, new_id
from plclassroom.domain.clock import HybridLogicalClock
from plclassroom.store import capture, district, drafts, migrations  # noqa: F401  (drafts, district: tables)
from plclassroom.store.engine import make_engine
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

    def __init__(self, path: Path, engine: Engine, device_id: str, clock: HybridLogicalClock) -> None:
        self.path = path
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
            migrations.upgrade(engine, path)
            with Session(engine) as session:
                device_id = _ensure_device(session)
                clock = HybridLogicalClock(last=_latest_stamp(session))
        except migrations.SchemaTooNew as exc:
            engine.dispose()
            raise StoreTooNew(
                f"{path.name} was written by a newer version of plclassroom (schema {exc.revision}). "
                "Update the app to open it; the file has not been changed."
            ) from exc
        except DatabaseError as exc:
            engine.dispose()
            raise StoreDamaged(_damaged_message(path)) from exc
        return cls(path, engine, device_id, clock)

    def unit_of_work(self, record_changes: bool = True) -> UnitOfWork:
        """A unit of work whose changes go to the outbox (``record_changes=False``: seed data only)."""
        session = self._sessions()
        session.info["capture"] = (
            self.capture if record_changes else dataclasses.replace(self.capture, record=False)
        )
        return UnitOfWork(session, files_dir=self.path.parent / f"{self.path.stem}-files")

    def close(self) -> None:
        self.engine.dispose()


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
