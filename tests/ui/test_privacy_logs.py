"""The app's log holds no student names, notes, profile texts, tokens or codes: a whole session
on the demo school (classes, students, a profile edit, evidence through the grid, a conference,
the heatmap, the screen lock, a sync with a real district server and a refused one, a family's
export and deletion) is logged, then every log file is read for every one of them. A second test
shows the scan is not blind: a name logged through the app's logger is found."""

import logging
import re

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from plclassroom import logs
from plclassroom.domain import AdvisorNote, Conference, LearnerProfile, Person
from plclassroom.ui import app as ui_app
from plclassroom.ui import settings
from plclassroom.ui.privacy.pin import hash_pin
from plclassroom.ui.profile.view import AUTOSAVE_MS
from tests.conftest import count
from tests.server.conftest import serving
from tests.sync.conftest import copy_of
from tests.ui.test_sync_ui import code_for

pytestmark = pytest.mark.gui
PROFILE_FIELDS = ("strengths", "needs", "interests", "aspirations", "learning_preferences", "languages", "notes")


@pytest.fixture
def log_folder(tmp_path):
    folder = tmp_path / "logs"
    logs.setup(folder, excepthook=False)
    yield folder
    logs.shutdown()


@pytest.fixture(autouse=True)
def fresh_settings():
    settings.settings().remove("privacy")
    yield
    for group in ("privacy", "sync"):  # no later test's window may start locked or connected
        settings.settings().remove(group)


def private_words(store) -> tuple[set[str], set[str]]:
    """(every student's and guardian's given and family name; every note and profile text)."""
    with store.unit_of_work() as uow:
        session = uow.session
        people = session.execute(select(Person).where(Person.role.in_(("student", "guardian")))).scalars().all()
        names = {n for p in people for n in (p.given_name, p.family_name, p.preferred_name) if n}
        texts = set(session.execute(select(Conference.notes)).scalars())
        texts |= set(session.execute(select(AdvisorNote.text)).scalars())
        for profile in session.execute(select(LearnerProfile)).scalars():
            texts |= {getattr(profile, name) for name in PROFILE_FIELDS}
    return names, {t.strip() for t in texts if t and len(t.strip()) >= 8}


def leaks(folder, names: set[str], secrets: set[str]) -> list[str]:
    """What of ``names`` (as whole words) and ``secrets`` (anywhere) the log files hold."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in logs.log_files(folder))
    found = [name for name in names if re.search(rf"\b{re.escape(name)}\b", text)]
    return found + [secret[:40] for secret in secrets if secret in text]


def test_a_whole_session_leaves_no_student_data_in_the_log(qtbot, demo_store, demo_template, tmp_path, log_folder):
    settings.set_pin_record(hash_pin("2468"))
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "privacy-logs")
    qtbot.addWidget(window)
    window.resize(1360, 860)
    window.show()
    qtbot.waitExposed(window)
    logging.getLogger("plclassroom").info("session under test started")

    # Classes and students, a profile edit.
    picker = window.roster.class_picker
    for index in range(min(3, picker.count())):
        picker.setCurrentIndex(index)
        window.roster.table.selectRow(index)
        qtbot.waitUntil(lambda: window.profile.student_id != "")
    picker.setCurrentIndex(0)
    window.roster.table.selectRow(4)
    qtbot.waitUntil(lambda: window.profile.student_id != "")
    student = window.profile.student_id
    editor = window.profile.editors["interests"]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " and the trombone, ocelot-6614")
    qtbot.waitUntil(lambda: count(demo_store, "SELECT count(*) FROM learner_profile WHERE interests LIKE "
                                              "'%ocelot-6614'") == 1, timeout=AUTOSAVE_MS * 5)
    # Evidence through the grid, the heatmap.
    window.tabs.setCurrentWidget(window.evidence)
    grid = window.evidence.grid
    grid.setFocus()
    for level in "343":
        qtbot.keyClick(grid, level)
        qtbot.keyClick(grid, Qt.Key.Key_Return)
    window.tabs.setCurrentWidget(window.heatmap)
    # A conference.
    window.tabs.setCurrentWidget(window.conferences)
    panel = window.conferences
    panel.caseload.setCurrentCell(0, 0)
    panel.new_conference()
    panel.editor.notes.setPlainText("Wants to present the ratio project to the class, tapir-5120.")
    assert panel.editor.save()
    # The screen lock: on demand, a wrong PIN, the right one.
    lock = window.privacy.lock
    lock.lock()
    assert lock.try_pin("1111") and lock.try_pin("2468") is None

    # Sync with a district server: connect with a one-time code, sync, then a refused sync.
    server = copy_of(demo_template, tmp_path / "district.sqlite")
    with serving(server) as live:
        code = code_for(server)
        task = window.sync.connect_to_server(live.base_url, code)
        qtbot.waitUntil(lambda: task.finished.is_set() and window.sync.token is not None, timeout=10000)
        token = window.sync.token
        window.sync.sync_now(quietly=True)
        qtbot.waitUntil(lambda: window.sync.task is None, timeout=20000)
        window.sync.token = "x" * 43  # a token the district does not know: refused
        window.sync.sync_now(quietly=True)
        qtbot.waitUntil(lambda: window.sync.task is None, timeout=20000)
        window.sync.token = token
    server.close()
    # A family's requests: export everything, then delete the student from this laptop.
    names, texts = private_words(demo_store)  # read before the deletion takes theirs away
    requests = window.privacy.requests
    task = requests.export(student, tmp_path / "family.zip")
    qtbot.waitUntil(lambda: task.finished.is_set() and requests.task is None, timeout=10000)
    task = requests.forget(student, confirm=lambda _question: True)
    qtbot.waitUntil(lambda: task.finished.is_set() and requests.task is None, timeout=10000)
    window.close()
    logs.shutdown()

    text = "\n".join(path.read_text(encoding="utf-8") for path in logs.log_files(log_folder))
    for event in ("session under test started", "screen locked (on demand)", "wrong PIN", "sync: ", "sync stopped: SyncError", "student export written", "a student was forgotten"):
        assert event in text  # the log says what happened ...
    assert leaks(log_folder, names, texts | {token, code, "ocelot-6614", "tapir-5120"}) == []  # ... and nothing private


def test_the_scan_finds_a_name_logged_by_mistake_and_secrets_are_blanked(demo_store, log_folder):
    names, texts = private_words(demo_store)
    with demo_store.unit_of_work() as uow:
        someone = uow.session.execute(select(Person).where(Person.role == "student")).scalars().first()
    token = "Zr0" + "q" * 40  # the shape of a district token (43 URL-safe characters)
    app_log = logging.getLogger("plclassroom.ui.roster.view")
    app_log.warning("could not load the roster of %s", someone.display_name)  # the mistake the scan must catch
    app_log.info("retrying with Authorization: Bearer %s and code ABCD-EFGH-JKMN-PQRS", token)
    try:
        raise ValueError(f"no level for {someone.family_name}")
    except ValueError:
        app_log.exception("a failure whose message names a student")
    logs.shutdown()
    found = leaks(log_folder, names, texts | {token, "ABCD-EFGH-JKMN-PQRS"})
    assert someone.given_name in found and someone.family_name in found  # from the first line only:
    text = logs.log_files(log_folder)[0].read_text(encoding="utf-8")
    assert text.count(someone.family_name) == 1  # the exception was logged by its kind, not its message
    assert "ValueError at" in text and "[redacted]" in text and token not in text
