"""The three daily tasks with the keyboard alone, on the demo school: record evidence, log a
conference, run a rotation. Every key goes to the widget that has the focus (as a keyboard would
send it), every widget the focus lands on must be visible and reachable by Tab, and at the end the
database, read through the services, holds what was typed. Then a sweep: every control a screen
reader meets on the main window has a name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from plclassroom.domain.board_clock import BLOCK, NOT_STARTED
from plclassroom.services import conferences, mastery, rotations
from plclassroom.ui import settings
from plclassroom.ui.mastery.history import HistoryDialog
from plclassroom.ui.roster.model import ID_ROLE
from plclassroom.ui.rotations.board import RotationBoard
from plclassroom.ui.rotations.planner import NewPlanDialog

pytestmark = pytest.mark.gui

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
TAB_LIMIT = 80  # more Tab presses than this to reach a control: a trap, or the control is not in the chain


# -- the keyboard --------------------------------------------------------------------------------------


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__}({widget.accessibleName() or text!r})"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def assert_focus_visible(widget: QWidget) -> None:
    """Where the focus is, a person can see it, and could have got there with Tab."""
    assert widget.hasFocus(), f"{describe(widget)} does not have the focus ({describe(QApplication.focusWidget())} has)"
    assert widget.isVisible(), f"the focus is on {describe(widget)}, which is not visible"
    assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, f"{describe(widget)} takes no focus from Tab"


def send_key(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key to the widget with the focus (the last key of a dialog: after it, no focus to check)."""
    qtbot.keyClick(focused(), key, modifier)
    QApplication.processEvents()  # what the key queued: a cell's editor closes after Enter, for one


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget:
    """One key to the widget with the focus; returns where the focus is after it."""
    send_key(qtbot, key, modifier)
    widget = focused()
    assert_focus_visible(widget)
    return widget


def type_text(qtbot, text: str) -> None:
    """Typed a character at a time to whatever has the focus (a table cell opens its editor on the first)."""
    for character in text:
        qtbot.keyClicks(focused(), character)


def tab_to(qtbot, wanted: QWidget | Callable[[QWidget], bool], backwards: bool = False) -> QWidget:
    """Tab (or Shift+Tab) until the focus is on ``wanted``, checking every stop on the way."""
    reached = wanted if callable(wanted) and not isinstance(wanted, QWidget) else (lambda w: w is wanted)
    path = []
    for _ in range(TAB_LIMIT):
        widget = press(qtbot, Key.Key_Backtab if backwards else Key.Key_Tab)
        path.append(describe(widget))
        if reached(widget):
            return widget
    raise AssertionError(f"{'Shift+' if backwards else ''}Tab never reached it; the focus went: " + " → ".join(path))


def button(text: str) -> Callable[[QWidget], bool]:
    return lambda widget: isinstance(widget, QPushButton) and widget.text().replace("&", "") == text


def answer_dialog(qtbot, answer: Callable[[QDialog], None]) -> list[Exception]:
    """For a modal dialog that the next key opens: once it has the focus, ``answer`` types into it. A
    failure closes the dialog (else exec() would wait for ever) and is kept to raise afterwards."""
    errors: list[Exception] = []
    tries = [0]

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if not isinstance(dialog, QDialog) or focus is None or not dialog.isAncestorOf(focus):
            tries[0] += 1
            if tries[0] < 200:
                QTimer.singleShot(20, attempt)
            else:
                errors.append(AssertionError("the dialog never opened with the focus in it"))
                if isinstance(dialog, QDialog):
                    dialog.reject()
            return
        try:
            answer(dialog)
        except Exception as error:  # kept, and raised by the test
            errors.append(error)
        if dialog.isVisible():
            if not errors:
                errors.append(AssertionError("the keys left the dialog open"))
            dialog.reject()

    QTimer.singleShot(0, attempt)
    return errors


def back_to(qtbot, window, widget: QWidget) -> None:
    """A dialog or the board closed: the window manager makes the main window active again (the
    offscreen platform doesn't), and the focus is back on the control that opened it."""
    if QApplication.focusWidget() is None:
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    assert_focus_visible(widget)


def start_with_the_keyboard(qtbot, window) -> None:
    """The window in front with the focus in it, as after opening the app."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and window.isAncestorOf(focused()))
    assert_focus_visible(focused())


# -- 1. record evidence ----------------------------------------------------------------------------


def test_record_evidence_in_the_grid_by_keyboard_alone(qtbot, window):
    start_with_the_keyboard(qtbot, window)
    panel = window.evidence
    press(qtbot, Key.Key_D, ALT)  # "Record evi&dence" (Alt+E is the Edit menu)
    assert window.tabs.currentWidget() is panel
    competencies = panel.all_competencies
    assert len(competencies) >= 2

    # The kind of evidence, by its mnemonic, and a choice typed in the list.
    assert press(qtbot, Key.Key_K, ALT) is panel.source  # "&Kind"
    type_text(qtbot, "obs")
    assert panel.source.currentData() == "observation"
    # The competency: Alt+T for the list, Space ticks, arrows move.
    assert press(qtbot, Key.Key_T, ALT) is panel.choose  # "Compe&tencies"
    assert panel.choose.currentRow() == 0
    press(qtbot, Key.Key_Space)  # untick the first
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Space)  # tick the second
    assert [c.id for c in panel.chosen()] == [competencies[1].id]

    grid = tab_to(qtbot, panel.grid)
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (0, 0)
    press(qtbot, Key.Key_Down)  # the second student
    type_text(qtbot, "3")
    assert press(qtbot, Key.Key_Return) is grid  # saved; the grid keeps the focus and moves down
    assert grid.currentIndex().row() == 2
    assert panel.status.text() == "Saved 1 piece of evidence."
    # Tab belongs to the grid; Ctrl+Tab goes on to the next tab, as elsewhere in the window.
    here = window.tabs.currentIndex()
    press(qtbot, Key.Key_Tab, CTRL)
    assert window.tabs.currentIndex() == here + 1

    student = panel.model.students[1]
    pieces = window.context.call(mastery.student_history, panel.class_id, student.id, competencies[1].id)
    newest = max(pieces, key=lambda p: (p.observed_on, p.order))
    assert (newest.score, newest.source) == (3.0, "observation")


def test_record_evidence_on_the_learner_profile_by_keyboard_alone(qtbot, window):
    start_with_the_keyboard(qtbot, window)
    roster = window.roster
    table = tab_to(qtbot, roster.table)  # the focus in the roster opens its first student
    press(qtbot, Key.Key_Down)  # the second student
    student_id = table.currentIndex().data(ID_ROLE)
    qtbot.waitUntil(lambda: window.profile.student_id == student_id)
    assert window.tabs.currentWidget() is window.profile and student_id
    quick = window.profile.mastery

    # Tab leaves the roster's table and runs down the whole profile to the evidence box.
    tab_to(qtbot, quick.competency)
    press(qtbot, Key.Key_Down)  # the second competency
    competency_id = quick.competency.currentData()
    assert quick.competency.currentIndex() == 1
    assert press(qtbot, Key.Key_Tab) is quick.score  # its text is selected: typing replaces it
    type_text(qtbot, "3.5")
    tab_to(qtbot, quick.source)
    type_text(qtbot, "conf")
    assert quick.source.currentData() == "conference"
    assert press(qtbot, Key.Key_Tab) is quick.note
    type_text(qtbot, "Explained unit rates with a drawing")
    with qtbot.waitSignal(window.context.message) as said:
        tab_to(qtbot, button("Record"))
        press(qtbot, Key.Key_Space)
    assert said.args == ["Evidence recorded."]
    assert quick.note.text() == ""

    pieces = window.context.call(mastery.student_history, quick.class_id, student_id, competency_id)
    newest = max(pieces, key=lambda p: (p.observed_on, p.order))
    assert (newest.score, newest.source, newest.note) == (3.5, "conference", "Explained unit rates with a drawing")

    # The history of a level: back to the table of levels, then Enter (no double-click needed).
    levels = tab_to(qtbot, quick.levels, backwards=True)
    press(qtbot, Key.Key_Down)
    assert levels.currentRow() == 1
    send_key(qtbot, Key.Key_Return)  # the dialog opens (not modal): the focus goes into it
    dialog = next(d for d in window.findChildren(HistoryDialog) if d.isVisible())
    qtbot.waitUntil(lambda: dialog.isAncestorOf(focused()))
    assert_focus_visible(focused())
    assert dialog.table.rowCount() == len(pieces)
    send_key(qtbot, Key.Key_Escape)
    assert not dialog.isVisible()
    back_to(qtbot, window, levels)


# -- 2. log a conference ---------------------------------------------------------------------------


def test_log_a_conference_by_keyboard_alone(qtbot, window):
    start_with_the_keyboard(qtbot, window)
    panel = window.conferences
    press(qtbot, Key.Key_N, ALT)  # "Co&nferences" (Alt+F is the File menu)
    assert window.tabs.currentWidget() is panel
    caseload = tab_to(qtbot, panel.caseload)
    press(qtbot, Key.Key_Down)  # the second advisee
    row = caseload.currentRow()
    assert row == 1
    student_id, advisor_id = panel.rows[row].student_id, panel.advisor.currentData()

    tab_to(qtbot, button("New conference…"))
    editor = panel.editor
    assert press(qtbot, Key.Key_Space) is editor.notes  # the note, ready to type
    assert editor.goals.rowCount() >= 1, "the demo advisee has goals to review"
    press(qtbot, Key.Key_A, CTRL)
    type_text(qtbot, "Talked about the ratio project; she wants to present it.")
    # Privacy: the radio buttons are one Tab stop; the arrows go down them and take the next one.
    assert editor.privacy.checkedButton().property("value") == "teachers"
    assert press(qtbot, Key.Key_Tab) in editor.privacy.buttons()
    for _ in editor.privacy.buttons():
        if editor.privacy.checkedButton().property("value") == "family":
            break
        press(qtbot, Key.Key_Down)
    assert editor.privacy.checkedButton().property("value") == "family"
    assert focused() is editor.privacy.checkedButton()

    # A goal talked about: Space ticks it, then how it is going, typed in the next cell.
    goals = tab_to(qtbot, editor.goals)
    assert (goals.currentRow(), goals.currentColumn()) == (0, 0)
    press(qtbot, Key.Key_Space)
    assert goals.item(0, 0).checkState() == Qt.CheckState.Checked
    press(qtbot, Key.Key_Right)
    type_text(qtbot, "Halfway: on time 6 days of 10")
    assert press(qtbot, Key.Key_Return) is goals

    # A next step: the button adds a row and puts the focus in it, ready to type.
    tab_to(qtbot, button("Add next step"))
    steps = press(qtbot, Key.Key_Space)
    assert steps is editor.steps
    assert (steps.rowCount(), steps.currentRow(), steps.currentColumn()) == (1, 0, 0)
    type_text(qtbot, "Rehearse the presentation with a partner")
    assert press(qtbot, Key.Key_Return) is steps
    # Who does it: the row's box is the next Tab stop; a letter chooses.
    owner = press(qtbot, Key.Key_Tab)
    assert owner is steps.cellWidget(0, 1)
    type_text(qtbot, "a")
    assert owner.currentText() == "advisor"
    assert press(qtbot, Key.Key_Backtab) is steps
    assert (steps.currentRow(), steps.currentColumn()) == (0, 1)  # the box's cell
    press(qtbot, Key.Key_Right)
    assert steps.currentColumn() == 2
    type_text(qtbot, "2026-12-01")
    assert press(qtbot, Key.Key_Return) is steps

    with qtbot.waitSignal(window.context.message) as said:
        tab_to(qtbot, button("Save conference"))
        press(qtbot, Key.Key_Space)
    assert said.args == ["Conference saved."]
    assert not editor.isEnabled()
    assert focused() is panel.caseload  # back where the next advisee is picked, not lost

    saved = window.context.call(conferences.history, student_id, advisor_id)[0]
    assert saved.notes == "Talked about the ratio project; she wants to present it."
    assert saved.privacy == "family"
    assert "Halfway: on time 6 days of 10" in saved.goals.values()
    [step] = saved.steps
    assert (step.text, step.owner, step.due_on.isoformat()) == ("Rehearse the presentation with a partner",
                                                                "advisor", "2026-12-01")


# -- 3. run a rotation -----------------------------------------------------------------------------


def test_run_a_rotation_by_keyboard_alone(qtbot, window):
    start_with_the_keyboard(qtbot, window)
    panel = window.rotations
    press(qtbot, Key.Key_R, ALT)  # "&Rotations"
    assert window.tabs.currentWidget() is panel and panel.plan is None

    # A new plan: its dialog opens with the focus on the title; Enter accepts it.
    def new_plan(dialog: QDialog) -> None:
        assert isinstance(dialog, NewPlanDialog) and focused() is dialog.title
        press(qtbot, Key.Key_A, CTRL)
        type_text(qtbot, "Ratios week")
        send_key(qtbot, Key.Key_Return)

    new = tab_to(qtbot, button("New plan…"))
    errors = answer_dialog(qtbot, new_plan)
    send_key(qtbot, Key.Key_Space)
    assert not errors, errors
    assert panel.plan is not None and panel.plan.title == "Ratios week"
    back_to(qtbot, window, new)

    tab_to(qtbot, button("Build groups"))
    press(qtbot, Key.Key_Space)
    assert len(panel.groups) >= 2

    # Who is where: Enter on a cell sends another group there (no double-click needed).
    schedule = tab_to(qtbot, panel.schedule)
    assert (schedule.currentRow(), schedule.currentColumn()) == (0, 0)
    before = schedule.item(0, 0).text()
    names = [g.name for g in panel.day_view.groups]
    chosen = []

    def pick_another_group(dialog: QDialog) -> None:
        choice = press(qtbot, Key.Key_Down if names.index(before) < len(names) - 1 else Key.Key_Up)
        assert isinstance(choice, QComboBox) and dialog.isAncestorOf(choice)
        chosen.append(choice.currentText())
        send_key(qtbot, Key.Key_Return)

    errors = answer_dialog(qtbot, pick_another_group)
    send_key(qtbot, Key.Key_Return)
    assert not errors, errors
    back_to(qtbot, window, schedule)
    assert panel.schedule.item(0, 0).text() == chosen[0] != before

    # The board: Space starts, → moves on (to the transition, then to the second block).
    opener = tab_to(qtbot, button("Board"))
    send_key(qtbot, Key.Key_Space)
    board = panel.board
    assert isinstance(board, RotationBoard)
    qtbot.waitUntil(lambda: board.hasFocus())
    assert_focus_visible(board)
    assert board.state.phase == NOT_STARTED
    press(qtbot, Key.Key_Space)
    assert (board.state.phase, board.state.block) == (BLOCK, 1)
    press(qtbot, Key.Key_Right)
    press(qtbot, Key.Key_Right)
    assert (board.state.phase, board.state.block) == (BLOCK, 2)
    key = board.settings_key
    press(qtbot, Key.Key_Escape)  # leaves full screen
    assert board.isVisible() and not board.isFullScreen()
    send_key(qtbot, Key.Key_Escape)  # closes the board
    back_to(qtbot, window, opener)

    plan = panel.plan
    [summary] = window.context.call(rotations.list_plans, panel.class_id)
    assert (summary.id, summary.title) == (plan.id, "Ratios week")
    day = window.context.call(rotations.day_plan, plan.id, panel.current_day())
    first = day.group_at(day.blocks[0].number, day.stations[0].id)
    assert first is not None and first.name == chosen[0]
    assert sum(len(g.member_ids) for g in day.groups) > 0
    clock = json.loads(settings.settings().value(f"{key}/clock"))  # where the board keeps its clock
    assert clock.get("started_at") is not None


# -- every control has a name ----------------------------------------------------------------------

INTERACTIVE = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox,
               QAbstractItemView, QSlider, QTabWidget, QScrollArea)


def labelled(window: QWidget) -> set[int]:
    """The widgets a label names: a QLabel's buddy, or a field beside its QFormLayout row label."""
    named = {id(label.buddy()) for label in window.findChildren(QLabel)
             if label.buddy() is not None and label.text().replace("&", "").strip()}
    for form in window.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = field.widget() if field is not None else None
            label = form.labelForField(widget) if widget is not None else None
            if isinstance(label, QLabel) and label.text().replace("&", "").strip():
                named.add(id(widget))
    return named


def unnamed(window: QWidget) -> list[str]:
    """Visible controls a screen reader would announce with no name."""
    named, found = labelled(window), []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if isinstance(widget, QHeaderView) or widget.metaObject().className() == "QTableCornerButton":
            continue  # parts of a table, named by it
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue  # the editor inside a combo or spin box, named by it
        if isinstance(widget, QScrollArea) and not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue  # a scroll area the focus never stops on
        if widget.accessibleName().strip() or id(widget) in named:
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        where, parent = [], widget.parentWidget()
        while parent is not None and parent is not window:
            if parent.accessibleName():
                where.append(parent.accessibleName())
                break
            where.append(type(parent).__name__)
            parent = parent.parentWidget()
        found.append(f"{type(widget).__name__} in {' / '.join(where)}")
    return found


def test_every_control_on_every_tab_has_a_name(qtbot, window):
    # Filled views: a student open, a rotation plan with groups, a conference being written.
    window.roster.table.selectRow(0)
    qtbot.waitUntil(lambda: window.profile.student_id != "")
    offenders: dict[str, int] = {}  # "tab: where", how many such controls
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.currentWidget()
        if page is window.rotations:
            dialog = NewPlanDialog(page.context, page)
            dialog.setResult(QDialog.DialogCode.Accepted)
            page.new_plan(dialog)
            page.build_groups()
        elif page is window.conferences:
            page.caseload.setCurrentCell(0, 0)
            page.new_conference()
            page.editor.add_step("Practise")
        elif page is window.playlists:
            page.new_playlist("Ratio practice")
        inner = page.findChildren(QTabWidget)
        for tabs in inner or [None]:
            for inner_index in range(tabs.count() if tabs else 1):
                if tabs:
                    tabs.setCurrentIndex(inner_index)
                tab = window.tabs.tabText(index).replace("&", "") + (f" / {tabs.tabText(inner_index)}" if tabs else "")
                seen: dict[str, int] = {}
                for offender in unnamed(window):
                    seen[offender] = seen.get(offender, 0) + 1
                for offender, n in seen.items():  # a control is listed once, on the first tab it shows on
                    if not any(key.endswith(f": {offender}") for key in offenders):
                        offenders[f"{tab}: {offender}"] = n
    assert not offenders, f"{sum(offenders.values())} controls have no accessible name:\n" + "\n".join(
        f"  {where}" + (f" (x{n})" if n > 1 else "") for where, n in offenders.items())


# -- mnemonics -------------------------------------------------------------------------------------


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_two_things_on_screen_answer_the_same_alt_letter(qtbot, window, language):
    """Alt+letter reaches one thing: a menu, a tab, or a field of the tab shown (a clash makes the
    first press go to one and only a second to the other)."""
    from tests.ui.test_languages_and_looks import choose_language

    if language != "en":
        window = choose_language(qtbot, window, language)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        claimed: dict[str, list[str]] = {}
        texts = [a.text() for a in window.menuBar().actions()]
        texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
        for widget in window.findChildren(QWidget):
            if widget.isVisible() and isinstance(widget, QLabel | QAbstractButton | QGroupBox):
                text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
                if isinstance(widget, QLabel) and widget.buddy() is None:
                    continue  # a label's mnemonic works only with a buddy
                texts.append(text)
        for text in texts:
            if letter := _mnemonic(text):
                claimed.setdefault(letter, []).append(text)
        clashes = {letter: found for letter, found in claimed.items() if len(found) > 1}
        assert not clashes, (window.tabs.tabText(index), clashes)
