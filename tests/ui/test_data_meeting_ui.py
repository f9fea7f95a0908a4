"""The data meeting window on the demo school, as a team would run it: open it from the Class menu,
read who is flagged and why, record the meeting, agree an action with the keyboard, tick it done."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from plclassroom.domain.early_warning import Thresholds
from plclassroom.services import data_meetings, early_warning
from plclassroom.ui.data_meeting.window import DataMeetingWindow
from tests.conftest import count, run

pytestmark = pytest.mark.gui


@pytest.fixture
def window(window, demo_store):
    """The shared main window, with the school's rules looking back far enough that on the demo's
    evidence (it ends the day before the demo's DEMO_DAY, and the window reads today) every rule has cases."""
    team = run(demo_store, data_meetings.team_of_class, window.roster.current_class_id())
    run(demo_store, early_warning.set_thresholds, team.school_id, Thresholds(no_evidence_days=60,
                                                                             assessed_share=0.2))
    return window


def open_meeting(qtbot, window) -> DataMeetingWindow:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    [meeting] = window.findChildren(DataMeetingWindow)
    qtbot.waitExposed(meeting)
    return meeting


def test_the_team_of_the_class_shown_with_who_is_flagged_and_why(qtbot, window, demo_store):
    meeting = open_meeting(qtbot, window)
    team = meeting.current_team()
    assert team == run(demo_store, data_meetings.team_of_class, window.roster.current_class_id())
    assert meeting.team.currentText() == f"Grade 6 · {team.school}"
    assert "Last met" in meeting.last_met.text()  # the demo's team met the week before its DEMO_DAY
    tree = meeting.flags
    assert tree.topLevelItemCount() > 10
    first = tree.topLevelItem(0)
    assert first.childCount() >= 1
    why = first.child(0).text(0)  # the whole sentence, across the columns
    assert any(word in why for word in ("scores", "evidence", "advisor", "due", "activities"))
    assert meeting.agenda.count() >= 2 and meeting.agenda.item(0).text().startswith("1. ")


def test_holding_the_meeting_and_agreeing_an_action_by_keyboard(qtbot, window, demo_store):
    meeting = open_meeting(qtbot, window)
    meeting.action_text.setFocus()
    qtbot.keyClicks(meeting.action_text, "Small group on unit rates")
    qtbot.keyClick(meeting.action_text, Qt.Key.Key_Return)
    assert count(demo_store, "SELECT count(*) FROM data_meeting WHERE held_on = ?", date.today().isoformat()) == 1
    assert count(demo_store, "SELECT count(*) FROM meeting_action WHERE text = 'Small group on unit rates'") == 1
    texts = [meeting.actions.item(row, 1).text() for row in range(meeting.actions.rowCount())]
    assert len(texts) == 4  # with the three the team agreed last time (two open, one done since)
    row = texts.index("Small group on unit rates")
    assert meeting.actions.item(row, 2).text() == "whole team"
    assert "Last met" in meeting.last_met.text()  # met today: compared with the meeting before

    # Done, with the keyboard: Tab into the table, Space ticks the focused row's box.
    meeting.actions.setFocus()
    meeting.actions.setCurrentCell(row, 0)
    qtbot.keyClick(meeting.actions, Qt.Key.Key_Space)
    assert count(demo_store, "SELECT count(*) FROM meeting_action WHERE done AND text = 'Small group on unit rates'") == 1

    # An action about a student, with an owner: both kept as chosen.
    meeting.action_student.setCurrentIndex(1)
    meeting.action_owner.setCurrentIndex(1)
    student, owner = meeting.action_student.currentData(), meeting.action_owner.currentData()
    qtbot.keyClicks(meeting.action_text, "Check in on Monday")
    qtbot.keyClick(meeting.action_text, Qt.Key.Key_Return)
    assert count(demo_store, "SELECT count(*) FROM meeting_action WHERE text = 'Check in on Monday' "
                             "AND student_id = ? AND owner_id = ?", student, owner) == 1
    assert count(demo_store, "SELECT count(*) FROM data_meeting WHERE held_on = ?",
                 date.today().isoformat()) == 1  # the same meeting, today's

    qtbot.keyClicks(meeting.notes, "Ratios first.")
    meeting.close()
    QApplication.processEvents()
    assert count(demo_store, "SELECT count(*) FROM data_meeting WHERE notes = 'Ratios first.'") == 1


def test_the_rules_are_the_school_s_and_change_the_flags(qtbot, window, demo_store):
    meeting = open_meeting(qtbot, window)
    team = meeting.current_team()
    before = sum(1 for f in meeting.view.flags if f.rule.value == "not met by advisor")
    assert before
    rules = meeting.open_rules()
    assert rules.advisor.value() == 21
    rules.advisor.setValue(365)
    rules.save()
    assert run(demo_store, early_warning.thresholds, team.school_id).advisor_days == 365
    assert not [f for f in meeting.view.flags if f.rule.value == "not met by advisor"]  # reloaded
