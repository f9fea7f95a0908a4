"""A throwaway PostgreSQL server for the tests and the benchmarks: its own cluster in a temporary
folder, on a free loopback port, with trust authentication, gone when the block ends.

``PLCLASSROOM_TEST_POSTGRES_URL`` names an existing server instead. With neither that nor the
Debian ``postgresql`` package, the PostgreSQL tests are skipped (on CI they fail: see
``require_postgres``).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

URL_ENV = "PLCLASSROOM_TEST_POSTGRES_URL"


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def available() -> bool:
    return bool(os.environ.get(URL_ENV)) or _bindir() is not None


def require_postgres() -> bool:
    """On CI the PostgreSQL tests must run, never quietly skip."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def throwaway_postgres(durable: bool = False) -> Iterator[str]:
    """The URL of a PostgreSQL server that lives while the block runs.

    ``durable=False`` turns off fsync (tests: speed, nothing to keep); benchmarks pass True so
    their figures are what a real server would give.
    """
    if os.environ.get(URL_ENV):
        yield os.environ[URL_ENV]
        return
    bindir = _bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="plclassroom-pg-"))
    # initdb refuses to run as root: run the server as the postgres user the package made.
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(folder, "postgres")
    data, port = folder / "data", _free_port()
    settings = ["-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={folder}",
                "-c", "max_connections=200"]
    if not durable:
        settings += ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True}
    try:
        subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                        "-E", "UTF8", "--no-sync"], **quiet)
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w",
                        "-o", " ".join(["-p", str(port), *settings]), "start"], **quiet)
    except subprocess.CalledProcessError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {error.stderr.decode(errors='replace')}") from error
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(folder, ignore_errors=True)


class Databases:
    """Fresh databases on one PostgreSQL server, each a copy of a template built once (copying a
    template is much quicker than migrating and filling a database for every test)."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine

        from plclassroom.store.engine import database_url

        self.url = database_url(url)
        self._admin = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=_null_pool())
        self._templates: set[str] = set()
        self._made = 0

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _run(self, sql: str) -> None:
        from sqlalchemy import text

        with self._admin.connect() as conn:
            conn.execute(text(sql))

    def fresh(self, template: str, build) -> str:
        """A new database copied from ``template`` (``build(url)`` fills the template first time)."""
        if template not in self._templates:
            self._run(f'DROP DATABASE IF EXISTS "{template}"')
            self._run(f'CREATE DATABASE "{template}"')
            build(self.url_of(template))
            self._templates.add(template)
        self._made += 1
        name = f"test_{os.getpid()}_{self._made}"
        self._run(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop(self, name: str) -> None:
        self._run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _null_pool():
    from sqlalchemy.pool import NullPool

    return NullPool


def fill_template(url: str, source: Path | None = None) -> None:
    """Migrate a PostgreSQL database and copy every row of the plclassroom SQLite file ``source``
    into it; with no device row, so each copy of the template becomes a device of its own."""
    from sqlalchemy import create_engine, delete, select

    from plclassroom.domain.base import Synced
    from plclassroom.store.database import Store
    from plclassroom.store.outbox import Device

    Store.open_url(url).close()
    writer = create_engine(url, poolclass=_null_pool())
    with writer.begin() as write:
        write.execute(delete(Device.__table__))
        if source is not None:
            reader = create_engine(f"sqlite:///{source}", poolclass=_null_pool())
            with reader.connect() as read:
                for table in Synced.metadata.sorted_tables:
                    if table.name in ("sync_device", "alembic_version"):
                        continue
                    rows = [dict(row) for row in read.execute(select(table)).mappings()]
                    if rows:
                        write.execute(table.insert(), rows)
    writer.dispose()


@contextmanager
def server_database(request, kind: str, folder: Path, source: Path | None = None):
    """A district server's Store for a test on ``kind`` ("sqlite" or "postgresql"), empty or
    holding a copy of the SQLite file ``source``."""
    import sqlite3

    from plclassroom.store.database import Store

    if kind == "sqlite":
        path = folder / "district.sqlite"
        if source is not None:
            shutil.copy(source, path)
            with sqlite3.connect(path) as db:
                db.execute("DELETE FROM sync_device")  # a device of its own: a new id on open
        store = Store.open(path)
        try:
            yield store
        finally:
            store.close()
        return
    databases: Databases = request.getfixturevalue("postgres_databases")
    template = "template_demo" if source is not None else "template_empty"
    name = databases.fresh(template, lambda url: fill_template(url, source))
    store = Store.open_url(databases.url_of(name))
    try:
        yield store
    finally:
        store.close()
        databases.drop(name)
