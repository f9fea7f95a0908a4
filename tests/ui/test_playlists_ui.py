"""The Playlists tab on the demo school: build with undo, reorder by keyboard and drag, assign,
mark progress from the keyboard, score a checkpoint, and read the class board."""

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QDialog

from plclassroom.services import playlists
from plclassroom.ui import app as ui_app
from plclassroom.ui.playlists.panel import AssignDialog
from tests.conftest import count

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, demo_store):
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "playlists-ui")
    qtbot.addWidget(window)
    window.resize(1360, 860)
    window.show()
    window.tabs.setCurrentWidget(window.playlists)
    return window.playlists


def titles(panel):
    return [item.title for item, base in panel.editor.model.rows if base is None]


def make(panel):
    panel.new_playlist("Ratios, week 3")
    editor = panel.editor
    for title in ("Mini-lesson", "Video", "Practice"):
        editor.add_item(title)
    return editor


def test_build_a_playlist_and_undo_it_step_by_step(qtbot, panel, demo_store):
    editor = make(panel)
    assert panel.list.currentItem().text().startswith("Ratios, week 3")
    assert titles(panel) == ["Mini-lesson", "Video", "Practice"]
    stack = panel.context.undo_stack
    stack.undo()
    assert len(titles(panel)) == 2
    stack.redo()
    assert len(titles(panel)) == 3
    index = editor.model.index(0, 0)
    assert editor.model.setData(index, "Mini-lesson with the teacher")
    assert titles(panel)[0] == "Mini-lesson with the teacher"
    stack.undo()
    assert titles(panel)[0] == "Mini-lesson"
    assert count(demo_store, "SELECT count(*) FROM playlist_item WHERE NOT deleted") == 3


def test_reorder_by_keyboard_and_by_drag(qtbot, panel):
    editor = make(panel)
    editor.items.setFocus()
    editor.items.setCurrentIndex(editor.model.index(2, 0))
    qtbot.keyClick(editor.items, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(panel) == ["Mini-lesson", "Practice", "Video"]
    assert editor.current_item()[0].title == "Practice"  # the moved item stays selected
    data = editor.model.mimeData([editor.model.index(0, 0)])
    editor.model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, editor.model.index(-1, -1))
    assert titles(panel) == ["Practice", "Video", "Mini-lesson"]
    panel.context.undo_stack.undo()
    assert titles(panel) == ["Mini-lesson", "Practice", "Video"]
    assert isinstance(data, QMimeData)


def test_assign_mark_progress_by_keyboard_and_score_a_checkpoint(qtbot, panel, demo_store):
    editor = make(panel)
    editor.add_item("Checkpoint", "checkpoint")
    competency = panel.competencies[0]
    checkpoint_row = len(editor.model.rows) - 1
    assert editor.model.setData(editor.model.index(checkpoint_row, 4), competency.id)
    dialog = AssignDialog(panel.context, panel.class_id, "Ratios", panel)
    qtbot.addWidget(dialog)
    dialog.setResult(QDialog.DialogCode.Accepted)
    panel.assign(dialog)
    grid = panel.progress
    assert panel.progress_model.rowCount() == 30 and panel.progress_model.columnCount() == 4
    grid.setFocus()
    grid.setCurrentIndex(panel.progress_model.index(0, 0))
    for _student in range(5):  # "d" marks done and moves down
        qtbot.keyClick(grid, "d")
    assert count(demo_store, "SELECT count(*) FROM item_progress WHERE status = 'done'") == 5
    grid.setCurrentIndex(panel.progress_model.index(6, 0))
    qtbot.keyClick(grid, "h")
    before = count(demo_store, "SELECT count(*) FROM evidence WHERE source = 'playlist checkpoint'")
    grid.setCurrentIndex(panel.progress_model.index(0, 3))
    qtbot.keyClick(grid, "4")
    assert count(demo_store, "SELECT count(*) FROM evidence WHERE source = 'playlist checkpoint'") == before + 1
    summary = panel.board_summary.text()
    assert "Stuck (1)" in summary
    panel.context.undo_stack.undo()  # the last mark: the checkpoint's status goes back, its evidence stays
    assert count(demo_store, "SELECT count(*) FROM item_progress WHERE status = 'done'") == 5


def test_select_many_cells_and_mark_them_at_once(qtbot, panel, demo_store):
    make(panel)
    dialog = AssignDialog(panel.context, panel.class_id, "Ratios", panel)
    qtbot.addWidget(dialog)
    dialog.setResult(QDialog.DialogCode.Accepted)
    panel.assign(dialog)
    grid = panel.progress
    grid.setFocus()
    grid.selectAll()
    qtbot.keyClick(grid, "w")
    assert count(demo_store, "SELECT count(*) FROM item_progress WHERE status = 'working'") == 30 * 3


def test_next_steps_suggest_and_assign_the_playlist(qtbot, panel, demo_store):
    editor = make(panel)
    target = panel.competencies[1]  # 6.RP.A.2: 6.RP.A.1 precedes it
    editor.targets.item(1).setCheckState(Qt.CheckState.Checked)
    panel.context.call(playlists.update_playlist, panel.current_playlist_id(), "status", "active")
    panel.tabs.setCurrentWidget(panel.next_steps)
    table = panel.next_steps.table
    assert table.rowCount() == 30
    rows = [r for r in range(table.rowCount()) if table.item(r, 1).text().endswith("6.RP.A.2")]
    assert rows and all("Ratios, week 3" in table.item(r, 3).text() for r in rows)
    assert all(table.item(r, 2).text() for r in range(table.rowCount()))
    table.selectRow(rows[0])
    before = count(demo_store, "SELECT count(*) FROM playlist_assignment WHERE student_id IS NOT NULL")
    panel.next_steps.accept_selected()
    assert count(demo_store, "SELECT count(*) FROM playlist_assignment WHERE student_id IS NOT NULL") == before + 1
    assert target.code.endswith("6.RP.A.2")


def test_versions_files_and_sharing_from_the_tab(qtbot, panel, demo_store, tmp_path):
    editor = make(panel)
    editor.items.setCurrentIndex(editor.model.index(2, 0))
    editor.add_variant("Spanish", {"languages": ["Spanish"]}, "Práctica A")
    assert [item.title for item, base in editor.model.rows if base is not None] == ["Práctica A"]
    sheet = tmp_path / "worksheet.pdf"
    sheet.write_bytes(b"%PDF-1.4 practice set A")
    editor.items.setCurrentIndex(editor.model.index(0, 0))
    editor.attach_resource(sheet)
    assert editor.model.rows[0][0].attachment_id
    shared = tmp_path / "ratios.plplaylist"
    with qtbot.waitSignal(panel.context.message, timeout=20_000):
        panel.share(shared)
    assert shared.exists()
    with qtbot.waitSignal(panel.context.message, timeout=20_000) as said:
        panel.receive(shared)
    assert "Imported “Ratios, week 3 (shared)” as a draft: 3 items and 1 version for some students" in said.args[0]
    assert panel.list.currentItem().text().startswith("Ratios, week 3 (shared)")
    assert titles(panel) == ["Mini-lesson", "Video", "Practice"]


def test_assign_to_a_group_made_on_the_spot(qtbot, panel, demo_store):
    make(panel)
    dialog = AssignDialog(panel.context, panel.class_id, "Ratios", panel)
    qtbot.addWidget(dialog)
    assert not dialog.group.isEnabled()  # no groups yet in the demo class
    for row in (0, 2, 4):
        dialog.students.item(row).setSelected(True)
    assert dialog.make_group("Table 1")
    assert dialog.group.isChecked() and dialog.groups.currentText() == "Table 1 (3)"
    assert dialog.make_group("Table 1") is None  # names are unique in a class
    dialog.setResult(QDialog.DialogCode.Accepted)
    panel.assign(dialog)
    assert panel.progress_model.rowCount() == 3
    assert count(demo_store, "SELECT count(*) FROM playlist_assignment WHERE group_id IS NOT NULL") == 1


def test_print_the_sheets_then_record_them_back_by_code(qtbot, panel, demo_store, tmp_path):
    from plclassroom.ui.playlists.paper import item_code, student_tags

    make(panel)
    dialog = AssignDialog(panel.context, panel.class_id, "Ratios", panel)
    qtbot.addWidget(dialog)
    dialog.setResult(QDialog.DialogCode.Accepted)
    panel.assign(dialog)
    pdf = tmp_path / "sheets.pdf"
    with qtbot.waitSignal(panel.context.message):
        panel.print_sheets(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    tags = student_tags(panel.board)
    student = panel.board[4]
    code = item_code(2, tags[student.student_id]).replace("·", " ")
    assert panel.record_code(code)
    assert count(demo_store, "SELECT count(*) FROM item_progress WHERE student_id = ? AND status = 'done'",
                 student.student_id) == 1
    assert not panel.record_code("99 zzzz")
