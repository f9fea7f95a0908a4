"""Shared fixtures. Qt runs offscreen, and the app's data and settings go to a temporary folder,
set before anything imports Qt, so no test touches a real user's files."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

_sandbox = Path(tempfile.mkdtemp(prefix="plclassroom-tests-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PLCLASSROOM_DATA_DIR"] = str(_sandbox / "data")
os.environ["XDG_CONFIG_HOME"] = str(_sandbox / "config")  # where QSettings writes on Linux
# No test touches the person's real keyring: the tests that need one install their own.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

import pytest  # noqa: E402

from plclassroom.services import demo  # noqa: E402
from plclassroom.store.database import Store  # noqa: E402
from tests import postgres  # noqa: E402

# Server tests run on both databases the district server supports.
SERVER_DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


def pytest_sessionfinish(session, exitstatus) -> None:
    shutil.rmtree(_sandbox, ignore_errors=True)


@pytest.fixture(autouse=True)
def fresh_app_settings():
    """Each test starts from the app's default settings, in English: one test's saved server address,
    language or theme never reaches the next (they share the sandbox's settings file)."""
    yield
    if "plclassroom.ui.settings" in sys.modules:
        from plclassroom.ui import i18n, settings, theme

        settings.settings().clear()
        i18n.install("en")
        theme.apply("system")
        theme.apply_text_scale(100)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """After pytest-qt closed a test's windows and asked Qt to delete them: delete them now. Qt
    deletes only when control returns to an event loop, which a test run never does, so every
    window stayed alive, and each theme or text-size change restyled them all (minutes by the end)."""
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def postgres_databases():
    """A throwaway PostgreSQL server for the run (see tests/postgres.py)."""
    if not postgres.available():
        if postgres.require_postgres():
            pytest.fail("CI runs the server tests on PostgreSQL too, and PostgreSQL is not installed.")
        pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    with postgres.throwaway_postgres() as url:
        yield postgres.Databases(url)


@pytest.fixture
def store(tmp_path: Path):
    opened = Store.open(tmp_path / "test.sqlite")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo school, built once per test run; tests get their own copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    template = Store.open(path)
    with template.unit_of_work(record_changes=False) as uow:
        demo.build_demo_school(uow)
        uow.commit()
    template.close()
    return path


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path):
    path = tmp_path / "demo.sqlite"
    with sqlite3.connect(demo_template) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    opened = Store.open(path)
    yield opened
    opened.close()


def run(store: Store, service, *args, **kwargs):
    """Call a service in its own unit of work, as the UI does."""
    with store.unit_of_work() as uow:
        return service(uow, *args, **kwargs)


def page_count(pdf: bytes) -> int:
    """Pages in a PDF (its /Type /Page objects, not the /Pages tree)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def count(store: Store, sql: str, *params) -> int:
    """The number a ``SELECT count(*) ...`` gives, with ``?`` placeholders, on SQLite or PostgreSQL."""
    from sqlalchemy import text

    parts = sql.split("?")
    named = "".join(part + (f":p{i}" if i < len(parts) - 1 else "") for i, part in enumerate(parts))
    with store.engine.connect() as conn:
        return conn.execute(text(named), {f"p{i}": value for i, value in enumerate(params)}).scalar()
