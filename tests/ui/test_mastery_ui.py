"""Mastery in the window: keyboard evidence entry, paste, fill, the heatmap model, history,
and a screenshot of the heatmap for a person to look at."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from plclassroom.services.mastery import short_code
from plclassroom.ui.mastery.heatmap import NO_EVIDENCE
from tests.conftest import count

pytestmark = pytest.mark.gui  # the main window: the ``window`` fixture in conftest.py


def test_thirty_pieces_of_evidence_by_keyboard_alone(qtbot, window, demo_store):
    window.tabs.setCurrentWidget(window.evidence)
    grid = window.evidence.grid
    grid.setFocus()
    before = count(demo_store, "SELECT count(*) FROM evidence")
    presses = 0
    for row in range(30):
        qtbot.keyClick(grid, "3" if row % 2 else "4")
        qtbot.keyClick(grid, Qt.Key.Key_Return)
        presses += 2
    assert presses == 60  # a level and Enter per student: the figure for the benchmark
    assert count(demo_store, "SELECT count(*) FROM evidence") == before + 30
    assert count(demo_store, "SELECT count(*) FROM evidence WHERE source = 'quiz' AND observed_on = date('now')") >= 30
    # ...and the heatmap shows them when the teacher looks.
    window.tabs.setCurrentWidget(window.heatmap)
    model = window.heatmap.model
    first = window.evidence.model.competencies[0]
    column = [c.id for c in model.view.competencies].index(first.id)
    assert all(model.data(model.index(r, column)) != NO_EVIDENCE for r in range(model.rowCount()))


def test_typing_over_a_saved_cell_corrects_it_and_keeps_the_first_version(qtbot, window, demo_store):
    window.tabs.setCurrentWidget(window.evidence)
    grid = window.evidence.grid
    grid.setFocus()
    qtbot.keyClicks(grid, "2")
    qtbot.keyClick(grid, Qt.Key.Key_Tab)  # saved, moves right (a single column: stays)
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    grid.setCurrentIndex(window.evidence.model.index(0, 0))
    qtbot.keyClicks(grid, "3.5")
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert count(demo_store, "SELECT count(*) FROM evidence WHERE supersedes_id IS NOT NULL") == 1
    assert count(demo_store, "SELECT count(*) FROM evidence WHERE score = 3.5 AND supersedes_id IS NOT NULL") == 1


def test_a_level_off_the_scale_is_refused_with_a_message(qtbot, window, demo_store):
    window.tabs.setCurrentWidget(window.evidence)
    grid = window.evidence.grid
    before = count(demo_store, "SELECT count(*) FROM evidence")
    qtbot.keyClicks(grid, "7")
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert "not on the 4-point scale" in window.evidence.status.text()
    assert count(demo_store, "SELECT count(*) FROM evidence") == before


def test_paste_a_column_from_a_spreadsheet_and_fill_the_rest(qtbot, window, demo_store):
    window.tabs.setCurrentWidget(window.evidence)
    panel = window.evidence
    grid = panel.grid
    before = count(demo_store, "SELECT count(*) FROM evidence")
    QGuiApplication.clipboard().setText("3\n2\n4\n")
    grid.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert count(demo_store, "SELECT count(*) FROM evidence") == before + 3
    grid.setCurrentIndex(panel.model.index(3, 0))
    qtbot.keyClick(grid, "a")  # absent today
    panel.fill_level.setValue(3)
    panel.fill_empty()  # "all present got 3"
    assert count(demo_store, "SELECT count(*) FROM evidence") == before + 30 - 1
    QGuiApplication.clipboard().setText("3\nexcellent\n")
    panel.paste(0, 0, QGuiApplication.clipboard().text())
    assert "not a level" in panel.status.text()


def test_the_heatmap_model_on_the_demo_school(window):
    window.tabs.setCurrentWidget(window.heatmap)
    model = window.heatmap.model
    assert model.rowCount() == 30 and model.columnCount() == 6
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "6.RP.A.1", "6.RP.A.2", "6.RP.A.3a", "6.RP.A.3b", "6.RP.A.3c", "6.RP.A.3d"]
    view = model.view
    for row, student in enumerate(view.students):
        for column, competency in enumerate(view.competencies):
            cell = view.cell(student.id, competency.id)
            shown = model.data(model.index(row, column))
            if cell is None:
                assert shown == NO_EVIDENCE
            else:
                assert shown == f"{cell.score:.1f}"
                assert model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole).color().name() == \
                    cell.level.color.lower()
                tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                assert cell.level.label in tip and "Decaying average" in tip


def test_sorting_by_a_competency_and_who_needs_what(qtbot, window):
    window.tabs.setCurrentWidget(window.heatmap)
    panel = window.heatmap
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    scores = [panel.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(panel.proxy.rowCount())]
    assert scores == sorted(scores, reverse=True)
    panel.table.setCurrentIndex(panel.proxy.index(0, 0))
    assert panel.needs_title.text().startswith("Below mastery on 6.RP.A.1")
    panel.level_filter.setCurrentIndex(1)
    shown = [r for r in range(panel.proxy.rowCount()) if not panel.table.isRowHidden(r)]
    assert len(shown) == panel.needs.count()


def test_click_a_cell_for_the_history_then_override(qtbot, window, demo_store):
    window.tabs.setCurrentWidget(window.heatmap)
    panel = window.heatmap
    view = panel.model.view
    row, column = next((r, c) for r, s in enumerate(view.students) for c, comp in enumerate(view.competencies)
                       if view.cell(s.id, comp.id))
    dialog = window.open_history(view.students[row].id, view.competencies[column].id)
    qtbot.addWidget(dialog)
    cell = view.cell(view.students[row].id, view.competencies[column].id)
    assert dialog.table.rowCount() == cell.evidence_count
    assert "Decaying average" in dialog.explain.text()
    weights = [dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())]
    assert weights[-1] == "65%"  # the newest piece's weight, said in the open
    from plclassroom.services import mastery

    window.context.call(mastery.set_override, panel.class_id, view.students[row].id, view.competencies[column].id,
                        4, "Presented the project to the class")
    window.context.changed.emit("evidence", view.students[row].id)
    dialog.reload()
    assert "Presented the project" in dialog.explain.text() and dialog.clear_button.isEnabled()
    shown = panel.model.data(panel.model.index(row, column))
    assert shown == "4.0*"


def test_as_of_shows_an_earlier_heatmap(qtbot, window):
    from PySide6.QtCore import QDate

    window.tabs.setCurrentWidget(window.heatmap)
    panel = window.heatmap
    now = len(panel.model.view.cells)
    panel.as_of.setDate(QDate(2026, 9, 10))
    panel.as_of_on.setChecked(True)
    assert len(panel.model.view.cells) < now and "as of 2026-09-10" in panel.summary.text()


def test_a_screenshot_of_the_heatmap_for_a_person_to_look_at(qtbot, window, tmp_path):
    window.tabs.setCurrentWidget(window.heatmap)
    folder = Path(os.environ.get("PLCLASSROOM_TEST_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "heatmap.png"
    assert window.grab().save(str(out))
    assert out.stat().st_size > 20_000
    assert short_code("CCSS.Math.Content.6.RP.A.3a") == "6.RP.A.3a"


def test_mastery_settings_preview_every_method_then_choose_one(qtbot, window, demo_store):
    from plclassroom.domain.mastery import Method

    window.tabs.setCurrentWidget(window.heatmap)
    dialog = window.open_mastery_settings()
    qtbot.addWidget(dialog)
    table = dialog.comparison
    assert table.columnCount() == len(Method) and table.rowCount() == 31
    assert table.item(30, 0).text().endswith("of 30")
    dialog.method.setCurrentIndex(dialog.method.findData("highest"))
    dialog.save()
    assert window.heatmap.model.view.method == Method.HIGHEST
    assert "Highest" in window.heatmap.summary.text()


def test_a_custom_scale_with_grades_from_the_settings(qtbot, window):
    from PySide6.QtWidgets import QTableWidgetItem

    window.tabs.setCurrentWidget(window.heatmap)
    dialog = window.open_mastery_settings()
    qtbot.addWidget(dialog)
    dialog.levels.setItem(0, 2, QTableWidgetItem("Exceeds"))
    dialog.grades.setText("3.5=A, 2.5=B, 1.5=C, 0=D")
    dialog.save()
    view = window.heatmap.model.view
    assert view.scale.levels[0].label == "Exceeds" and view.scale.grade_for(3.0) == "B"
    tips = [window.heatmap.model.data(window.heatmap.model.index(r, c), Qt.ItemDataRole.ToolTipRole)
            for r in range(5) for c in range(6)]
    assert any("grade" in (tip or "") for tip in tips)


def test_bad_scale_input_is_refused_in_the_dialog(qtbot, window):
    from PySide6.QtWidgets import QTableWidgetItem

    window.tabs.setCurrentWidget(window.heatmap)
    dialog = window.open_mastery_settings()
    qtbot.addWidget(dialog)
    dialog.levels.setItem(1, 3, QTableWidgetItem("sky-ish"))
    dialog.save()
    assert "is not a colour" in dialog.message.text() and dialog.isVisible()
    dialog.levels.setItem(1, 3, QTableWidgetItem("#56B4E9"))
    dialog.grades.setText("B")
    dialog.save()
    assert "lowest score=grade" in dialog.message.text()


def test_record_a_piece_from_the_learner_profile(qtbot, window, demo_store):
    window.roster.table.selectRow(0)
    qtbot.waitUntil(lambda: window.profile.student_id != "")
    quick = window.profile.mastery
    assert quick.isVisible() and quick.levels.rowCount() == 6
    student_id = window.profile.student_id
    before = count(demo_store, "SELECT count(*) FROM evidence WHERE student_id = ?", student_id)
    quick.score.setValue(3.5)
    quick.source.setCurrentText("conference")
    quick.note.setText("Explained unit rates with a drawing")
    with qtbot.waitSignal(window.context.message):
        quick.record()
    assert count(demo_store, "SELECT count(*) FROM evidence WHERE student_id = ? AND source = 'conference' "
                             "AND note LIKE 'Explained%'", student_id) == 1
    assert count(demo_store, "SELECT count(*) FROM evidence WHERE student_id = ?", student_id) == before + 1


def test_export_heatmap_and_student_report_and_see_the_distribution(qtbot, window, tmp_path):
    from PySide6.QtGui import QImage

    exports = window.mastery_exports
    png = tmp_path / "heatmap.png"
    with qtbot.waitSignal(window.context.message, timeout=60_000) as saved:
        exports.heatmap(png)
    assert saved.args[0] == "Saved heatmap.png." and not QImage(str(png)).isNull()
    window.roster.table.selectRow(0)
    qtbot.waitUntil(lambda: window.profile.student_id != "")
    pdf = tmp_path / "report.pdf"
    with qtbot.waitSignal(window.context.message, timeout=60_000):
        exports.student_report(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    dialog = exports.distribution()
    qtbot.addWidget(dialog)
    assert dialog.chart is not None and dialog.isVisible()


def test_attach_a_photo_to_a_piece_of_evidence(qtbot, window, demo_store, tmp_path):
    from PIL import Image

    window.tabs.setCurrentWidget(window.heatmap)
    view = window.heatmap.model.view
    student, competency = next((s, c) for s in view.students for c in view.competencies if view.cell(s.id, c.id))
    dialog = window.open_history(student.id, competency.id)
    qtbot.addWidget(dialog)
    photo = tmp_path / "poster.png"
    Image.new("RGB", (3000, 2000), "teal").save(photo)
    dialog.table.selectRow(0)
    dialog.attach(photo)
    assert dialog.table.item(0, 6).text() == "poster.jpg"
    assert count(demo_store, "SELECT count(*) FROM attachment WHERE owner_table = 'evidence'") == 1
