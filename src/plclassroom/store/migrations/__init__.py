"""Schema migrations (Alembic, shipped inside the package and run from code at start-up).

Before any migration of an existing SQLite file, a copy is taken with SQLite's online backup API.
The district server may run on PostgreSQL instead: the same scripts build it (the search index,
a laptop-only SQLite FTS5 table, is left out), and its foreign keys are made deferrable, so they
are checked at commit as SQLite's are (see ``store/engine.py``). A PostgreSQL server is backed up
with the district's own tools (pg_dump).
"""

from __future__ import annotations

import glob
import os
import re
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS_DIR = Path(__file__).parent
# The newest revision this app ships. A test checks it against the scripts, so start-up can
# compare versions without loading Alembic (which costs cold-start time) when nothing is to do.
HEAD = "0014"


class SchemaTooNew(Exception):
    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, path: Path | None, scripts: Path = MIGRATIONS_DIR, head: str = HEAD) -> Path | None:
    """Bring the database to ``head``. Returns the backup it made, if any (of the SQLite file at
    ``path``; None for a PostgreSQL database).

    ``scripts`` and ``head`` are only for tests that need a migration the app does not ship yet.
    """
    current = current_revision(engine)
    if current == head:
        return None
    from alembic import command

    config = _config(scripts)
    if current is not None and current not in known_revisions(scripts):
        raise SchemaTooNew(current)
    backup = backup_database(path, reason=f"before-{head}") if current is not None and path else None
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, head)
        if conn.dialect.name == "postgresql":
            _defer_foreign_keys(conn)
    return backup


def _config(scripts: Path):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(scripts))
    return config


def known_revisions(scripts: Path = MIGRATIONS_DIR) -> set[str]:
    """Every schema revision this app ships (a database at any of them can be opened and upgraded)."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config(scripts)).walk_revisions()}


def _defer_foreign_keys(conn: Connection) -> None:
    """Foreign keys checked at commit, as on SQLite (``PRAGMA defer_foreign_keys``): pulled and
    imported rows arrive in any order within a transaction, and still no broken reference commits."""
    immediate = conn.execute(text(
        "SELECT rel.relname, con.conname FROM pg_constraint con "
        "JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace "
        "WHERE con.contype = 'f' AND NOT con.condeferrable AND ns.nspname = current_schema()")).all()
    for table, constraint in immediate:
        conn.execute(text(f'ALTER TABLE "{table}" ALTER CONSTRAINT "{constraint}" DEFERRABLE INITIALLY DEFERRED'))


def backup_database(path: Path, reason: str, folder: Path | None = None) -> Path:
    """A consistent copy of a live (WAL) database, taken with SQLite's online backup API (never a
    file copy), as ``<name>.<reason>.<UTC time>.sqlite`` in ``folder`` (default: ``backups/``
    beside it). The copy is written under a temporary name and renamed once complete, and is one
    self-contained file (rollback journal, not WAL), so it can be moved or opened read-only as is."""
    folder = folder if folder is not None else path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    # Two in the same second are numbered (-2, -3...) after the highest there: never one over another.
    same = re.compile(rf"{re.escape(path.stem)}\.{re.escape(reason)}\.{stamp}(?:-(\d+))?\.sqlite")
    n = max((int(m[1] or 1) for p in folder.glob(f"{glob.escape(path.stem)}.*.sqlite")
             if (m := same.fullmatch(p.name))), default=0) + 1
    target = folder / f"{path.stem}.{reason}.{stamp}{f'-{n}' if n > 1 else ''}.sqlite"
    partial = folder / f".{target.name}.partial"
    try:
        with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)  # one step: a read transaction, so the app may go on writing meanwhile
            copy.execute("PRAGMA journal_mode=DELETE")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target
