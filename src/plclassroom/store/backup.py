"""Backup files of the laptop's database: taken with SQLite's online backup API (never a file copy
of a live WAL database), listed, pruned to the newest N, checked before a restore, and copied back
into the live database through SQLite as well, in one step, so a failure part way changes nothing.

A backup file is named ``<database>.<reason>.<UTC time>.sqlite`` (``migrations.backup_database``
makes them all); attached files, kept by content (SHA-256) beside the database, are copied into
``files/`` in the backup folder, which every backup there shares.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from plclassroom.domain.clock import unpack
from plclassroom.store import migrations
from plclassroom.store.database import SQLITE_HEADER

REGULAR = "backup"  # taken by hand or on the schedule: the ones kept to the newest N
BEFORE_RESTORE = "before-restore"  # the database as it was just before a restore replaced it
DAMAGED = "damaged"  # a database too damaged to open, set aside whole before a backup replaced it
FILES = "files"  # the attached files, by content, shared by the backups in a folder
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<reason>[a-z0-9-]+)\.(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?\.sqlite$")
# Tables every plclassroom database has had since its first release.
_OURS = {"alembic_version", "school", "person", "class_section", "sync_device"}


class BackupUnusable(Exception):
    """A file that cannot be restored; the message says why, for the person using the app."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    stem: str  # the database it is a copy of
    reason: str
    taken_at: datetime  # UTC
    n: int = 1  # the second (third...) taken within the same second


def parse_name(path: Path) -> BackupFile | None:
    found = _NAME.match(path.name)
    if found is None:
        return None
    taken = datetime.strptime(found["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return BackupFile(path, found["stem"], found["reason"], taken, int(found["n"] or 1))


def take(database: Path, folder: Path, reason: str = REGULAR) -> Path:
    """A consistent copy of the (live) database at ``database`` into ``folder``."""
    return migrations.backup_database(database, reason, folder)


def list_backups(folder: Path, stem: str | None = None, reason: str | None = None) -> list[BackupFile]:
    """The backups in ``folder`` (of the database ``stem``, for ``reason``), newest first."""
    if not folder.is_dir():
        return []
    found = [b for b in map(parse_name, folder.glob("*.sqlite")) if b is not None
             and (stem is None or b.stem == stem) and (reason is None or b.reason == reason)]
    return sorted(found, key=lambda b: (b.taken_at, b.n), reverse=True)


def prune(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` regular backups of ``stem``; returns what went. Only files
    named as this module names them are ever touched (never a copy taken before a restore or a
    migration, never anything else in the folder)."""
    gone = []
    for old in list_backups(folder, stem, REGULAR)[max(keep, 1):]:
        old.path.unlink(missing_ok=True)
        gone.append(old.path)
    return gone


# -- attached files --------------------------------------------------------------------------------


def attachment_digests(database: Path) -> list[str]:
    """The contents (SHA-256) the database's attachments refer to."""
    with closing(_read_only(database)) as conn:
        if "attachment" not in _tables(conn):
            return []
        return [row[0] for row in conn.execute("SELECT DISTINCT sha256 FROM attachment WHERE sha256 != ''")]


def copy_files(source: Path, target: Path, digests: Iterable[str]) -> int:
    """Copy the content-addressed files ``digests`` from ``source`` to ``target`` where they are
    missing (each written under a temporary name, then renamed); returns how many were copied."""
    copied = 0
    for digest in digests:
        if not re.fullmatch(r"[0-9a-f]{64}", digest):
            continue
        have, want = source / digest[:2] / digest, target / digest[:2] / digest
        if not have.is_file() or (want.is_file() and want.stat().st_size == have.stat().st_size):
            continue
        want.parent.mkdir(parents=True, exist_ok=True)
        partial = want.with_name(f".{digest}.partial")
        shutil.copyfile(have, partial)
        os.replace(partial, want)
        copied += 1
    return copied


# -- checking a backup -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupFacts:
    """What a backup file holds, read without changing it."""

    path: Path
    taken_at: datetime  # from its name, else when the file was last written (UTC)
    revision: str
    device_id: str | None
    has_synced: bool  # it had been connected to the district server
    schools: int
    classes: int
    students: int
    waiting: int  # changes in its outbox, not yet sent to the district
    latest_change: datetime | None  # its newest edit, by the clock of the device that made it
    outbox_seq: int  # the highest operation sequence its device had used


def inspect(path: Path) -> BackupFacts:
    """Check ``path`` without changing it (opened read-only): a sound SQLite file (``PRAGMA
    integrity_check``), a plclassroom database, of a schema revision this app knows (no newer).
    Raises ``BackupUnusable`` with a plain message otherwise."""
    name = path.name
    if not path.is_file():
        raise BackupUnusable(f"{path} is not there (or is not a file).")
    with path.open("rb") as f:
        if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupUnusable(f"{name} is not a plclassroom backup: it is not a database file at all.")
    try:
        with closing(_read_only(path)) as conn:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check(3)")]
            if problems != ["ok"]:
                raise BackupUnusable(f"{name} is damaged, so it cannot be restored ({'; '.join(problems)[:300]}).")
            tables = _tables(conn)
            if not _OURS <= tables:
                raise BackupUnusable(f"{name} is a database, but not a plclassroom one.")
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision is None:
                raise BackupUnusable(f"{name} is a plclassroom database that was never finished being made.")
            revision = revision[0]
            if revision not in migrations.known_revisions():
                raise BackupUnusable(
                    f"{name} was written by a newer version of plclassroom (schema {revision}; this app knows up "
                    f"to {migrations.HEAD}). Update the app to restore it.")
            device = conn.execute("SELECT * FROM sync_device LIMIT 1").fetchone()
            columns = [c[0] for c in conn.execute("SELECT * FROM sync_device LIMIT 0").description]
            device = dict(zip(columns, device, strict=True)) if device else {}
            return BackupFacts(
                path=path,
                taken_at=_taken_at(path),
                revision=revision,
                device_id=device.get("id"),
                has_synced=bool(device.get("pull_cursor") or device.get("last_synced_at")),
                schools=_count(conn, "SELECT count(*) FROM school WHERE NOT deleted AND NOT archived"),
                classes=_count(conn, "SELECT count(*) FROM class_section WHERE NOT deleted AND NOT archived"),
                students=_count(conn, "SELECT count(*) FROM person WHERE role = 'student' AND NOT deleted "
                                      "AND NOT archived"),
                waiting=_count(conn, "SELECT count(*) FROM sync_outbox") if "sync_outbox" in tables else 0,
                latest_change=_latest_change(conn, tables),
                outbox_seq=outbox_high_water(conn),
            )
    except sqlite3.DatabaseError as error:
        raise BackupUnusable(f"{name} is damaged, or is not a plclassroom backup ({error}).") from None


def outbox_high_water(conn: sqlite3.Connection) -> int:
    """The highest operation sequence the database's device has used (sent, waiting or refused)."""
    tables = _tables(conn)
    found = [0]
    if "sqlite_sequence" in tables:
        found.append(_count(conn, "SELECT max(seq) FROM sqlite_sequence WHERE name = 'sync_outbox'"))
    for table in ("sync_outbox", "sync_rejected"):
        if table in tables:
            found.append(_count(conn, f"SELECT max(seq) FROM {table}"))
    return max(found)


def set_aside(database: Path, folder: Path) -> Path:
    """Move a database that cannot be opened (and its -wal and -shm files) into ``folder``, whole and
    unread, named as a backup of reason ``damaged``: kept for whoever may rescue something from it."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{database.stem}.{DAMAGED}.{stamp}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{database.stem}.{DAMAGED}.{stamp}-{n}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{database}{suffix}")
        if part.exists():
            shutil.move(part, f"{target}{suffix}")
    return target


def database_high_water(database: Path) -> int:
    with closing(_read_only(database)) as conn:
        return outbox_high_water(conn)


def database_identity(database: Path) -> tuple[int, str | None]:
    """A database file's sync identity, read-only: (its outbox high water, its device id or None)."""
    with closing(_read_only(database)) as conn:
        device = conn.execute("SELECT id FROM sync_device").fetchone()
        return outbox_high_water(conn), device[0] if device else None


# -- restoring -------------------------------------------------------------------------------------


def restore_into(source: Path, live: Path, *, outbox_seq_at_least: int = 0, new_device_id: str | None = None) -> None:
    """Replace the content of the database at ``live`` with the backup ``source``, through SQLite.

    The backup is first copied to a staging file beside ``live`` and prepared there: brought to
    this app's schema (it may be older), its outbox sequence moved to at least
    ``outbox_seq_at_least`` (so no operation sequence the district has seen from this device is
    used again), and given ``new_device_id`` when asked. Only then is the staging copy written
    into ``live`` with the online backup API, in one step, under SQLite's own lock: it either
    happens whole or not at all, and a live WAL database stays consistent. The caller closes its
    engine on ``live`` first and opens it afresh after.
    """
    from plclassroom.store.engine import make_engine

    staging = live.parent / f".{live.stem}.restoring.sqlite"
    _remove(staging)
    try:
        with closing(_read_only(source)) as src, closing(sqlite3.connect(staging)) as stage:
            src.backup(stage)
        with closing(sqlite3.connect(live)) as dest, closing(sqlite3.connect(staging)) as stage:
            page_size = dest.execute("PRAGMA page_size").fetchone()[0]
            stage.isolation_level = None
            stage.execute("PRAGMA journal_mode=DELETE")
            if stage.execute("PRAGMA page_size").fetchone()[0] != page_size:
                # A WAL database cannot change its page size by a backup into it: match it here.
                stage.execute(f"PRAGMA page_size={int(page_size)}")
                stage.execute("VACUUM")
        engine = make_engine(staging)
        try:
            migrations.upgrade(engine, None)
        finally:
            engine.dispose()
        with closing(sqlite3.connect(staging)) as stage:
            stage.isolation_level = None
            stage.execute("BEGIN IMMEDIATE")
            if outbox_high_water(stage) < outbox_seq_at_least:
                changed = stage.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'sync_outbox'",
                                        (outbox_seq_at_least,)).rowcount
                if not changed:
                    stage.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('sync_outbox', ?)",
                                  (outbox_seq_at_least,))
            if new_device_id is not None:
                stage.execute("UPDATE sync_device SET id = ?, name = '', last_synced_at = NULL", (new_device_id,))
            stage.execute("COMMIT")
            problems = [row[0] for row in stage.execute("PRAGMA quick_check(1)")]
            if problems != ["ok"]:
                raise BackupUnusable(f"{source.name} could not be prepared for restoring ({problems[0]}).")
            with closing(sqlite3.connect(live)) as dest:
                stage.backup(dest)
    finally:
        _remove(staging)


# -- helpers ---------------------------------------------------------------------------------------


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _count(conn: sqlite3.Connection, sql: str) -> int:
    try:
        return conn.execute(sql).fetchone()[0] or 0
    except sqlite3.OperationalError:  # a column an older schema did not have yet
        return 0


def _latest_change(conn: sqlite3.Connection, tables: set[str]) -> datetime | None:
    latest = 0
    for table in tables:
        if not table.startswith("sqlite_") and "hlc" in {c[1] for c in conn.execute(f'PRAGMA table_info("{table}")')}:
            latest = max(latest, _count(conn, f'SELECT max(hlc) FROM "{table}"'))
    return datetime.fromtimestamp(unpack(latest)[0] / 1000, UTC) if latest else None


def _taken_at(path: Path) -> datetime:
    named = parse_name(path)
    return named.taken_at if named else datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _remove(database: Path) -> None:
    for leftover in (database, *(database.with_name(database.name + s) for s in ("-journal", "-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
