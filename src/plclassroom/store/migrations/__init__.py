"""Schema migrations (Alembic, shipped inside the package and run from code at start-up).

Before any migration of an existing SQLite file, a copy is taken with SQLite's online backup API.
The district server may run on PostgreSQL instead: the same scripts build it (the search index,
a laptop-only SQLite FTS5 table, is left out), and its foreign keys are made deferrable, so they
are checked at commit as SQLite's are (see ``store/engine.py``). A PostgreSQL server is backed up
with the district's own tools (pg_dump).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS_DIR = Path(__file__).parent
# The newest revision this app ships. A test checks it against the scripts, so start-up can
# compare versions without loading Alembic (which costs cold-start time) when nothing is to do.
HEAD = "0010"


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
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(scripts))
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    if current is not None and current not in known:
        raise SchemaTooNew(current)
    backup = backup_database(path, reason=f"before-{head}") if current is not None and path else None
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, head)
        if conn.dialect.name == "postgresql":
            _defer_foreign_keys(conn)
    return backup


def _defer_foreign_keys(conn: Connection) -> None:
    """Foreign keys checked at commit, as on SQLite (``PRAGMA defer_foreign_keys``): pulled and
    imported rows arrive in any order within a transaction, and still no broken reference commits."""
    immediate = conn.execute(text(
        "SELECT rel.relname, con.conname FROM pg_constraint con "
        "JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace "
        "WHERE con.contype = 'f' AND NOT con.condeferrable AND ns.nspname = current_schema()")).all()
    for table, constraint in immediate:
        conn.execute(text(f'ALTER TABLE "{table}" ALTER CONSTRAINT "{constraint}" DEFERRABLE INITIALLY DEFERRED'))


def backup_database(path: Path, reason: str) -> Path:
    """A consistent copy of a live (WAL) database, beside it in ``backups/``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.parent / "backups" / f"{path.stem}.{reason}.{stamp}.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target
