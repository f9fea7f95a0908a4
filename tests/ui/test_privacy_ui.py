"""Privacy in the window on the demo school: the screen lock (after idle or on demand) hides every
student's name until the app PIN is typed, wrong PINs keep it locked and then must wait, and a
restart does not get round it; the Student menu exports everything about a student and deletes
them from this laptop after saying what goes."""

import time
import zipfile

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
from sqlalchemy import select

from plclassroom.domain import Person
from plclassroom.services import mastery
from plclassroom.ui import app as ui_app
from plclassroom.ui import settings
from plclassroom.ui.privacy.pin import hash_pin
from tests.conftest import count

pytestmark = pytest.mark.gui
PIN = "2468"


@pytest.fixture(autouse=True)
def fresh_lock_settings():
    settings.settings().remove("privacy")
    yield
    settings.settings().remove("privacy")  # no other test's window may start locked


def open_window(qtbot, store):
    ui_app.make_application()
    window = ui_app.open_window(store, "privacy-ui")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, demo_store):
    settings.set_pin_record(hash_pin(PIN))
    return open_window(qtbot, demo_store)


def student_names(store) -> set[str]:
    with store.unit_of_work() as uow:
        people = uow.session.execute(select(Person).where(Person.role == "student")).scalars().all()
    return {p.display_name for p in people} | {f"{p.family_name}, {p.given_name}" for p in people}


def shown_text() -> str:
    """Every text a person could see: visible labels, fields, buttons, lists and tables, window titles."""
    found = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        if widget.isWindow():
            found.append(widget.windowTitle())
        if isinstance(widget, (QLabel, QLineEdit, QAbstractButton)):
            found.append(widget.text())
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            found.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            found.append(widget.currentText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model keeps columnCount to itself: one column
                columns = 1
            found += [str(model.index(r, c).data() or "") for r in range(model.rowCount(QModelIndex()))
                      for c in range(columns)]
    return "\n".join(found)


def names_shown(store) -> set[str]:
    text = shown_text()
    return {name for name in student_names(store) if name in text}


def open_student(qtbot, window, row=0):
    window.roster.table.selectRow(row)
    qtbot.waitUntil(lambda: window.profile.student_id != "")
    return window.profile.student_id


def test_idle_locks_and_hides_every_name_until_the_pin(qtbot, window, demo_store):
    lock = window.privacy.lock
    open_student(qtbot, window, 3)
    assert names_shown(demo_store)  # the walk does see names when they are shown
    assert not lock.check_idle()  # not idle long enough
    lock.last_input -= 11 * 60  # ten minutes (the default) and more without input
    assert lock.check_idle() and lock.locked
    dialog = lock.dialog
    assert dialog.isVisible() and dialog.isModal()
    assert names_shown(demo_store) == set()
    assert window.windowTitle() == "plclassroom (locked)"
    assert not window.centralWidget().isVisible() and not window.menuBar().isVisible()

    qtbot.keyClicks(dialog.pin, "1111")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert lock.locked and "not the PIN" in dialog.message.text()
    assert names_shown(demo_store) == set()
    dialog.reject()  # Esc does not get round it
    assert dialog.isVisible() and lock.locked

    qtbot.keyClicks(dialog.pin, PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert not lock.locked and not dialog.isVisible()
    assert window.centralWidget().isVisible() and window.windowTitle().startswith("plclassroom — ")
    assert names_shown(demo_store)
    assert settings.lock_state() == (False, 0, 0.0)


def test_lock_on_demand_covers_open_dialogs_too_and_survives_a_restart(qtbot, window, demo_store):
    student = open_student(qtbot, window, 1)
    competency = window.context.call(mastery.class_mastery, window.roster.current_class_id()).competencies[0]
    history = window.open_history(student, competency.id)  # a dialog with the student's name in it
    qtbot.waitExposed(history)
    qtbot.keyClick(history, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L, in the dialog
    lock = window.privacy.lock
    assert lock.locked and history.windowTitle() == "plclassroom (locked)"
    assert names_shown(demo_store) == set()
    window.close()  # quit while locked (or the app is killed) ...
    again = open_window(qtbot, demo_store)  # ... and it starts locked
    assert again.privacy.lock.locked
    qtbot.waitUntil(lambda: again.privacy.lock.dialog is not None and again.privacy.lock.dialog.isVisible())
    assert names_shown(demo_store) == set()
    assert again.privacy.lock.try_pin(PIN) is None and not again.privacy.lock.locked


def test_wrong_pins_are_throttled_and_the_wait_outlives_a_restart(qtbot, window):
    lock = window.privacy.lock
    lock.lock()
    for _ in range(2):
        assert lock.try_pin("0000") == "That is not the PIN."
    assert "Wait 5 s" in lock.try_pin("0000")
    assert "Wait" in lock.try_pin(PIN) and lock.locked  # even the right PIN waits its turn
    assert settings.lock_state()[1] == 3
    lock.wall = lambda: time.time() + 6
    assert "Wait 10 s" in lock.try_pin("0000")  # the fourth wrong PIN: a longer wait
    lock.wall = lambda: time.time() + 17
    assert lock.try_pin(PIN) is None and not lock.locked
    assert settings.lock_state() == (False, 0, 0.0)


def test_the_first_lock_asks_for_a_pin_and_idle_lock_can_be_off(qtbot, demo_store):
    window = open_window(qtbot, demo_store)  # no PIN yet
    lock = window.privacy.lock
    lock.lock()
    dialog = lock.dialog
    assert dialog.choosing and dialog.again.isVisible()
    assert lock.choose_pin("12", "12") == "A PIN is 4 to 12 digits."
    assert lock.choose_pin("1357", "1358").startswith("The two PINs differ")
    dialog.pin.setText("1357")
    dialog.again.setText("1357")
    assert dialog.submit() and not lock.locked
    assert settings.pin_record().startswith("scrypt$") and "1357" not in settings.pin_record()
    settings.set_lock_minutes(0)
    lock.last_input -= 24 * 3600
    assert not lock.check_idle() and not lock.locked


def test_screen_lock_settings_change_the_pin_only_with_the_current_one(qtbot, window):
    dialog = window.privacy.open_settings()
    dialog.minutes.setValue(5)
    dialog.current.setText("9999")
    dialog.new.setText("8642")
    dialog.again.setText("8642")
    assert not dialog.save() and "current PIN is not right" in dialog.message.text()
    dialog.current.setText(PIN)
    assert dialog.save()
    assert settings.lock_minutes() == 5
    window.privacy.lock.lock()
    assert window.privacy.lock.try_pin(PIN) is not None
    assert window.privacy.lock.try_pin("8642") is None


def test_export_and_delete_a_student_from_the_student_menu(qtbot, window, demo_store, tmp_path):
    student = open_student(qtbot, window, 2)
    name = window.profile.title.text()
    task = window.privacy.requests.export(student, tmp_path / "family.zip")
    qtbot.waitUntil(lambda: task.finished.is_set() and window.privacy.requests.task is None, timeout=10000)
    with zipfile.ZipFile(tmp_path / "family.zip") as archive:
        assert name in archive.read("summary.html").decode()

    asked = []
    assert window.privacy.requests.forget(student, confirm=lambda q: asked.append(q) or False) is None
    assert count(demo_store, "SELECT count(*) FROM person WHERE id = ?", student) == 1  # cancelled: kept
    assert "this laptop only" in asked[0] and "ask the district" in asked[0] and "1 learner profile" in asked[0]
    rows_before = window.roster.model.rowCount()
    task = window.privacy.requests.forget(student, confirm=lambda q: True)
    qtbot.waitUntil(lambda: task.finished.is_set() and window.privacy.requests.task is None, timeout=10000)
    assert count(demo_store, "SELECT count(*) FROM person WHERE id = ?", student) == 0
    assert window.roster.model.rowCount() == rows_before - 1 and window.profile.student_id == ""
    assert name not in shown_text()
    assert window.context.undo_stack.count() == 0
