"""The one place that makes a database engine."""

from __future__ import annotations

from pathlib import Path

import orjson
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

POSTGRES_DRIVER = "postgresql+psycopg"
# JSON columns (the change log's fields, the clocks) read and written with orjson: several times
# quicker than the standard library, and sync reads thousands of them per page.
_JSON = {"json_serializer": lambda value: orjson.dumps(value).decode(), "json_deserializer": orjson.loads}


def make_engine(path: Path) -> Engine:
    """An engine on the SQLite file at ``path``: WAL, foreign keys on, durable commits."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False}, **_JSON)

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection, _record) -> None:
        # Transactions are ours, not the driver's guesswork: SQLAlchemy says BEGIN (below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed edit survives a power cut, not only an app crash.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN")
        # Foreign keys are checked at commit, not row by row: a transaction may write a child
        # before its parent (the ORM orders tables without relationships arbitrarily; pulled sync
        # changes arrive in any order), and still no broken reference can be committed.
        connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")

    @event.listens_for(engine, "reset")
    def _end_failed_transaction(dbapi_connection, _record, _state) -> None:
        # When COMMIT itself fails (a deferred foreign key), SQLite keeps the transaction open and
        # the driver's rollback does not end it: end it before the connection goes back to the pool.
        if dbapi_connection.in_transaction:
            dbapi_connection.execute("ROLLBACK")

    return engine


def database_url(url: str) -> URL:
    """A database URL as the district server takes it: ``sqlite:///path`` or
    ``postgresql://user:password@host:port/name`` (psycopg is the driver, whatever the URL names)."""
    parsed = make_url(url)
    if parsed.get_backend_name() in ("postgresql", "postgres"):
        return parsed.set(drivername=POSTGRES_DRIVER)
    if parsed.get_backend_name() != "sqlite":
        raise ValueError(f"{parsed.get_backend_name()} is not supported: use sqlite:///FILE or postgresql://...")
    return parsed


def make_postgres_engine(url: URL) -> Engine:
    """An engine on a PostgreSQL database, for a district that outgrows one SQLite file.

    The pool is sized for uvicorn's thread pool (40 threads); pre-ping drops connections the
    database closed (a restart, an idle timeout) instead of failing a request with them.
    """
    return create_engine(url, pool_size=20, max_overflow=20, pool_pre_ping=True, pool_timeout=10, **_JSON)
