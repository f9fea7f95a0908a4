"""The main window on the demo school, driven as a teacher would: pick a class, open a student,
edit, undo, and check what the database holds."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from plclassroom.services import profiles
from plclassroom.ui import app as ui_app
from plclassroom.ui.profile.view import AUTOSAVE_MS
from tests.conftest import count

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, demo_store):
    ui_app.make_application()
    main = ui_app.open_window(demo_store, "test")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def interests(store, student_id):
    with store.unit_of_work() as uow:
        return profiles.get_profile(uow, student_id).fields["interests"]


def open_student(qtbot, window, row=0):
    window.roster.table.selectRow(row)
    qtbot.waitUntil(lambda: window.profile.student_id != "")
    return window.profile.student_id


def test_the_window_shows_the_demo_school(window):
    picker = window.roster.class_picker
    assert picker.count() == 8
    assert "Math 6" in picker.currentText()
    assert window.roster.model.rowCount() == 30
    assert window.connection.text() == "Offline · not connected to a district server"
    assert window.last_sync.text() == "Last sync: never"
    assert window.profile.currentIndex() == 0  # "pick a student" until one is picked


def test_picking_a_class_shows_its_students(qtbot, window):
    picker = window.roster.class_picker
    science = next(i for i in range(picker.count()) if "Science" in picker.itemText(i))
    picker.setCurrentIndex(science)
    assert window.roster.model.rowCount() == 30
    assert window.roster.count.text() == "30 students"


def test_search_filters_the_roster(qtbot, window):
    first_name = window.roster.proxy.index(0, 0).data()
    qtbot.keyClicks(window.roster.search, first_name.split(",")[0])
    shown = window.roster.proxy.rowCount()
    assert 1 <= shown < 30
    assert all(first_name.split(",")[0] in window.roster.proxy.index(r, 0).data() for r in range(shown))
    assert window.roster.count.text() == f"{shown} of 30 students"


def test_sorting_by_a_column(window):
    window.roster.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    ids = [window.roster.proxy.index(r, 1).data() for r in range(window.roster.proxy.rowCount())]
    assert ids == sorted(ids, reverse=True)


def test_edit_a_profile_field_then_undo_it(qtbot, window, demo_store):
    student_id = open_student(qtbot, window, 2)
    editor = window.profile.editors["interests"]
    before = editor.toPlainText()
    assert before == interests(demo_store, student_id)

    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " and chess")
    # Saved after a pause in typing, with no other action needed.
    qtbot.waitUntil(lambda: interests(demo_store, student_id) == before + " and chess", timeout=AUTOSAVE_MS * 5)
    assert window.undo_action.isEnabled()

    window.undo_action.trigger()
    assert interests(demo_store, student_id) == before
    assert editor.toPlainText() == before
    # The undo is itself a change that syncs: the outbox holds the edit and its compensation.
    assert count(demo_store, "SELECT count(*) FROM sync_outbox WHERE table_name = 'learner_profile'") == 2

    window.redo_action.trigger()
    assert interests(demo_store, student_id) == before + " and chess"
    assert editor.toPlainText() == before + " and chess"


def test_leaving_a_field_saves_it_at_once(qtbot, window, demo_store):
    student_id = open_student(qtbot, window)
    editor = window.profile.editors["notes"]
    editor.setFocus()
    qtbot.keyClicks(editor, "Sits near the front")
    window.roster.search.setFocus()  # focus leaves the field
    with demo_store.unit_of_work() as uow:
        assert profiles.get_profile(uow, student_id).fields["notes"] == "Sits near the front"


def test_switching_student_saves_pending_typing(qtbot, window, demo_store):
    first = open_student(qtbot, window, 0)
    window.profile.editors["needs"].setPlainText("Typed just before switching")
    open_student(qtbot, window, 1)
    with demo_store.unit_of_work() as uow:
        assert profiles.get_profile(uow, first).fields["needs"] == "Typed just before switching"


def test_add_a_goal_edit_it_and_undo_both(qtbot, window, demo_store):
    student_id = open_student(qtbot, window)
    goals_before = window.profile.goals.rowCount()
    add = next(b for b in window.profile.findChildren(QPushButton) if b.text() == "Add goal")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert window.profile.goals.rowCount() == goals_before + 1
    new_row = next(r for r in range(window.profile.goals.rowCount())
                   if window.profile.goals.index(r, 0).data() == "")
    index = window.profile.goals.index(new_row, 0)
    assert window.profile.goals.setData(index, "I will practise fractions on Mondays")
    live = "SELECT count(*) FROM goal WHERE student_id = ? AND NOT deleted"
    assert count(demo_store, live, student_id) == goals_before + 1

    window.undo_action.trigger()  # the statement
    window.undo_action.trigger()  # the goal itself
    assert window.profile.goals.rowCount() == goals_before
    assert count(demo_store, live, student_id) == goals_before


def test_a_refused_value_shows_a_message_and_changes_nothing(qtbot, window, demo_store):
    open_student(qtbot, window)
    column = [name for name, _ in window.profile.goals.columns].index("target_date")
    index = window.profile.goals.index(0, column)
    with qtbot.waitSignal(window.context.message) as message:
        assert not window.profile.goals.setData(index, "someday")
    assert "YYYY-MM-DD" in message.args[0]
    assert not window.undo_action.isEnabled()
    assert count(demo_store, "SELECT count(*) FROM sync_outbox") == 0


def test_window_geometry_is_remembered(qtbot, demo_store):
    first = ui_app.open_window(demo_store, "test")
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 640)
    first.close()
    second = ui_app.open_window(demo_store, "test")
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (780, 640)


def test_the_last_class_is_remembered(qtbot, demo_store):
    first = ui_app.open_window(demo_store, "remember")
    qtbot.addWidget(first)
    first.roster.class_picker.setCurrentIndex(5)
    chosen = first.roster.current_class_id()
    second = ui_app.open_window(demo_store, "remember")
    qtbot.addWidget(second)
    assert second.roster.current_class_id() == chosen


def test_first_run_builds_the_demo_in_a_worker(qtbot, tmp_path):
    from plclassroom.store.database import Store

    ui_app.make_application()
    store = Store.open(tmp_path / "first-run.sqlite")
    assert not ui_app.has_classes(store)
    ready = []
    ui_app.build_demo_then(store, None, lambda: ready.append(True))
    qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
    assert ui_app.has_classes(store)
    store.close()
