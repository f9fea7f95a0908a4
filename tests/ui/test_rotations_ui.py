"""The Rotations tab on the demo school, as a teacher uses it: make a plan, set rules, build groups,
drag a student to another group and undo, change who is where, print, open the board, the week,
the history, and flex seminars."""

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent

from plclassroom.services import mastery, playlists, rotations
from plclassroom.ui import app as ui_app
from plclassroom.ui.rotations.planner import NewPlanDialog, RulesDialog
from plclassroom.ui.rotations.seminars import SeminarsDialog
from tests.conftest import count

pytestmark = pytest.mark.gui

MONDAY = date(2026, 11, 30)


@pytest.fixture
def window(qtbot, demo_store):
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "rotations-ui")
    qtbot.addWidget(window)
    window.resize(1360, 860)
    window.show()
    # A class with a framework to group on.
    picker = window.roster.class_picker
    for row in range(picker.count()):
        picker.setCurrentIndex(row)
        if window.context.call(mastery.class_mastery, picker.currentData()).competencies:
            break
    window.tabs.setCurrentWidget(window.rotations)
    return window


def new_plan(panel):
    dialog = NewPlanDialog(panel.context, panel)
    dialog.title.setText("Ratios week")
    dialog.start.setDate(MONDAY)
    dialog.end.setDate(MONDAY + timedelta(days=4))
    dialog.start_time.setTime(time(9, 10))
    dialog.setResult(dialog.DialogCode.Accepted)
    return panel.new_plan(dialog)


def test_plan_build_groups_drag_a_student_and_undo(qtbot, window, demo_store):
    panel = window.rotations
    assert panel.empty.isVisible()
    plan_id = new_plan(panel)
    assert plan_id and panel.plan.title == "Ratios week" and panel.stations.rowCount() == 4
    assert panel.day_box.count() == 5
    panel.competency_box.setCurrentIndex(1)
    report = panel.build_groups()
    assert report is not None and len(panel.groups) == 4
    assert "All your rules are met." in panel.problems.text()
    assert panel.schedule.rowCount() == 4 and panel.schedule.columnCount() == 4
    assert panel.schedule.verticalHeaderItem(1).text() == "2. 09:27"

    # Drag the first student of group 1 onto group 2, as the mouse would.
    source, target = panel.lists[panel.groups[0].id], panel.lists[panel.groups[1].id]
    student = source.item(0).data(Qt.ItemDataRole.UserRole)
    source.item(0).setSelected(True)
    event = QDropEvent(QPoint(5, 5), Qt.DropAction.MoveAction, QMimeData(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    event.source = lambda: source  # the drag's source list, as Qt would give it
    target.dropEvent(event)
    assert student in panel.groups[1].member_ids and student not in panel.groups[0].member_ids
    sizes = [len(g.member_ids) for g in panel.groups]
    window.context.undo_stack.undo()
    assert student in panel.groups[0].member_ids
    window.context.undo_stack.redo()
    assert [len(g.member_ids) for g in panel.groups] == sizes
    # Building the groups is itself a step that undo takes back.
    window.context.undo_stack.undo()  # the move
    window.context.undo_stack.undo()  # the grouping
    assert panel.groups == [] and panel.schedule.item(0, 0).text() == "—"
    window.context.undo_stack.redo()
    assert len(panel.groups) == 4


def test_rules_dialog_keeps_two_apart_and_a_broken_rule_shows_at_once(qtbot, window):
    panel = window.rotations
    new_plan(panel)
    dialog = RulesDialog(panel.context, panel.plan, panel)
    dialog.first.setCurrentIndex(0)
    dialog.second.setCurrentIndex(1)
    dialog._add_pair(dialog.apart, dialog.first.currentData(), dialog.second.currentData())
    dialog.max_size.setValue(8)
    dialog.setResult(dialog.DialogCode.Accepted)
    panel.edit_rules(dialog)
    assert panel.plan.rules["max_size"] == 8 and len(panel.plan.rules["keep_apart"]) == 1
    panel.build_groups()
    a, b = panel.plan.rules["keep_apart"][0]
    where = {s: g.id for g in panel.groups for s in g.member_ids}
    assert where[a] != where[b]
    panel.move_students([b], where[a])
    assert "Rules not met" in panel.problems.text() and "apart" in panel.problems.text()
    window.context.undo_stack.undo()
    assert "All your rules are met." in panel.problems.text()


def test_change_who_is_where_print_and_open_the_board(qtbot, window, tmp_path):
    panel = window.rotations
    new_plan(panel)
    panel.build_groups()
    first = panel.schedule.item(0, 0).text()
    second = panel.schedule.item(0, 1).text()
    panel.change_cell(0, 0, second)
    assert (panel.schedule.item(0, 0).text(), panel.schedule.item(0, 1).text()) == (second, first)
    window.context.undo_stack.undo()
    assert panel.schedule.item(0, 0).text() == first
    # A playlist at the online station: chosen in the table, shown on the board and the prints.
    playlist_id = panel.context.call(playlists.create_playlist, "Ratio practice", class_id=panel.class_id)
    panel._fill_stations()
    box = panel.stations.cellWidget(1, 6)
    box.setCurrentIndex(box.findData(playlist_id))
    assert panel.day_view.stations[1].activity.startswith("Playlist: Ratio practice")
    window.context.undo_stack.undo()
    assert panel.day_view.stations[1].playlist_id is None
    preview = panel.print_preview("cards", show=False)
    assert preview is not None
    preview.deleteLater()
    board = panel.open_board()
    assert board.isVisible() and board.isFullScreen()
    assert {g.name for g in board.day.groups} == {g.name for g in panel.groups}
    board.close()  # deletes itself on close


def test_copy_to_next_week_the_week_view_and_history(qtbot, window):
    panel = window.rotations
    new_plan(panel)
    panel.build_groups()
    copy = panel.copy_to_next_week()
    assert copy and panel.plan.start_date == MONDAY + timedelta(weeks=1)
    assert panel.groups and panel.schedule.item(0, 0).text().startswith("Group")
    assert panel.update_plan(start_time=None)  # a plan with no start time shows in the week too
    week = panel.open_week()
    class_row = [title for _id, title in week.week.classes].index(window.roster.current_class().title)
    assert "Ratios week" in week.table.item(class_row, 0).text()
    week.close()
    history = panel.open_history()
    assert history.table.rowCount() > 0
    history.close()


def test_flex_seminars_from_the_class_menu(qtbot, window, demo_store):
    dialog = window.open_seminars()
    assert isinstance(dialog, SeminarsDialog)
    dialog.day.setDate(MONDAY + timedelta(days=2))
    seminar = dialog.new_seminar({"title": "Unit rates", "start_time": time(13, 0), "minutes": 30,
                                  "room": "Room 12", "capacity": 6, "competency_id": None,
                                  "below_score": None})
    assert seminar and dialog.list.count() == 1
    students = dialog.context.call(rotations.class_people, dialog.class_id)
    assert dialog.sign_up(students[0][0])
    assert dialog.seats.rowCount() == 1
    dialog.take_attendance({students[0][0]: True})
    assert count(demo_store, "SELECT count(*) FROM seminar_seat WHERE attended") == 1
    dialog.close()
