"""Schema migrations (Alembic, shipped inside the package and run from code at start-up).

Before any migration of an existing database, a copy is taken with SQLite's online backup API.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, text

MIGRATIONS_DIR = Path(__file__).parent
# The newest revision this app ships. A test checks it against the scripts, so start-up can
# compare versions without loading Alembic (which costs cold-start time) when nothing is to do.
HEAD = "0005"


class SchemaTooNew(Exception):
    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, path: Path, scripts: Path = MIGRATIONS_DIR, head: str = HEAD) -> Path | None:
    """Bring the database to ``head``. Returns the backup it made, if any.

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
    backup = backup_database(path, reason=f"before-{head}") if current is not None else None
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, head)
    return backup


def backup_database(path: Path, reason: str) -> Path:
    """A consistent copy of a live (WAL) database, beside it in ``backups/``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.parent / "backups" / f"{path.stem}.{reason}.{stamp}.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target
