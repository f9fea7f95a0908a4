"""The Conferences tab: caseload, logging a conference, and nothing lost when the laptop dies."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from plclassroom.services import conferences
from plclassroom.ui import app as ui_app
from tests.conftest import count

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, demo_store):
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "conferences-ui")
    qtbot.addWidget(window)
    window.resize(1360, 860)
    window.show()
    window.tabs.setCurrentWidget(window.conferences)
    return window.conferences


def test_the_caseload_and_a_conference_logged_from_it(qtbot, panel, demo_store):
    assert panel.advisor.count() == 3 and panel.caseload.rowCount() == 45
    panel.caseload.setCurrentCell(0, 0)
    assert panel.history.count() >= 1
    panel.new_conference()
    editor = panel.editor
    assert editor.isEnabled()
    # An empty note starts from the prompts of the chosen kind of conference.
    assert editor.notes.toPlainText() == panel.context.call(conferences.template, editor.kind.currentText())
    editor.notes.setPlainText("Talked about the ratio project; wants to present it.")
    editor.goals.item(0, 0).setCheckState(editor.goals.item(0, 0).checkState().Checked)
    editor.goals.item(0, 1).setText("Halfway: on time 6 days of 10")
    editor.add_step("Rehearse the presentation with a partner", "student", "2026-12-01")
    before = count(demo_store, "SELECT count(*) FROM conference")
    assert editor.save()
    assert count(demo_store, "SELECT count(*) FROM conference") == before + 1
    assert count(demo_store, "SELECT count(*) FROM next_step WHERE text LIKE 'Rehearse%'") == 1
    assert count(demo_store, "SELECT count(*) FROM conference_goal WHERE progress_note = 'Halfway: on time 6 days "
                             "of 10'") == 1
    assert count(demo_store, "SELECT count(*) FROM local_draft") == 0
    assert not editor.isEnabled()


def test_a_bad_due_date_is_refused_with_a_message(qtbot, panel, demo_store):
    panel.caseload.setCurrentCell(0, 0)
    panel.new_conference()
    panel.editor.add_step("Do it", "student", "next week")
    with qtbot.waitSignal(panel.context.message) as said:
        assert panel.editor.save() is None
    assert "is not a date" in said.args[0]


CRASH = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtTest import QTest
    from plclassroom.store.database import Store
    from plclassroom.ui import app as ui_app
    ui_app.make_application()
    window = ui_app.open_window(Store.open(Path(sys.argv[1])), "crash")
    window.show()
    window.tabs.setCurrentWidget(window.conferences)
    panel = window.conferences
    panel.caseload.setCurrentCell(0, 0)
    panel.new_conference()
    panel.editor.notes.setFocus()
    panel.editor.notes.selectAll()
    QTest.keyClicks(panel.editor.notes, "She said the bus is late most days")
    QTest.qWait(int(sys.argv[2]))  # long enough for the autosave
    print("typed", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # the battery dies: no clean-up, no save
""")


def test_nothing_typed_is_lost_when_the_laptop_dies_mid_sentence(qtbot, demo_store, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", CRASH, str(demo_store.path), "3600"], capture_output=True,
                            text=True, timeout=120, env=env)
    assert result.returncode == -signal.SIGKILL and "typed" in result.stdout, result.stderr[-2000:]
    with demo_store.unit_of_work() as uow:
        [(key, payload, _when)] = conferences.open_drafts(uow)
    assert payload["notes"] == "She said the bus is late most days"
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "after-crash")
    qtbot.addWidget(window)
    panel = window.conferences
    panel._loaded = True  # load by hand, answering the recovery question ourselves
    for advisor_id, name in window.context.call(conferences.advisors):
        panel.advisor.addItem(name, advisor_id)
    asked = []
    assert panel.offer_drafts(ask=lambda question: asked.append(question) or True)
    assert "not saved" in asked[0]
    assert panel.editor.notes.toPlainText() == "She said the bus is late most days"
    assert panel.editor.save()
    assert count(demo_store, "SELECT count(*) FROM conference WHERE notes = 'She said the bus is late most days'") == 1
    assert count(demo_store, "SELECT count(*) FROM local_draft") == 0


def test_the_learner_profile_shows_conferences_but_no_private_note(qtbot, demo_store):
    import sqlite3

    ui_app.make_application()
    window = ui_app.open_window(demo_store, "profile-conferences")
    qtbot.addWidget(window)
    window.roster.table.selectRow(0)
    qtbot.waitUntil(lambda: window.profile.student_id != "")
    student_id = window.profile.student_id
    with sqlite3.connect(demo_store.path) as conn:
        shown = conn.execute("SELECT count(*) FROM conference WHERE student_id = ? AND privacy != 'private' "
                             "AND NOT deleted", (student_id,)).fetchone()[0]
    assert window.profile.conference_list.count() == shown


def test_search_as_you_type_shows_only_what_the_advisor_may_see(qtbot, panel):
    qtbot.keyClicks(panel.search_box, "bedt")
    qtbot.waitUntil(lambda: panel.results.count() > 0, timeout=5000)
    texts = [panel.results.item(i).text() for i in range(panel.results.count())]
    assert all("«bedt" in text.lower() or "«bedtime»" in text.lower() for text in texts if "Nothing" not in text)
    panel.search_box.setText("zzzzqq")
    qtbot.waitUntil(lambda: panel.results.count() == 1 and "Nothing" in panel.results.item(0).text(), timeout=5000)


def test_a_teacher_flags_a_concern_from_the_profile_and_the_advisor_sees_it(qtbot, demo_store):
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "teacher-note")
    qtbot.addWidget(window)
    window.roster.table.selectRow(2)
    qtbot.waitUntil(lambda: window.profile.student_id != "")
    student_id = window.profile.student_id
    assert not window.profile.note_for_advisor("  ")
    assert window.profile.note_for_advisor("Seems tired in first period all week", concern=True)
    with demo_store.unit_of_work() as uow:
        advisor = next(a for a, _name in conferences.advisors(uow)
                       if any(r.student_id == student_id for r in conferences.caseload(uow, a)))
        row = next(r for r in conferences.caseload(uow, advisor) if r.student_id == student_id)
    assert row.concerns == 1 and any("concern" in flag for flag in row.flags)


def test_the_school_rewrites_a_template_and_new_notes_start_from_it(qtbot, panel):
    from plclassroom.ui.conferences.panel import TemplatesDialog

    dialog = TemplatesDialog(panel.context, panel)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentText("check-in")
    dialog.prompts.setPlainText("Rose: what went well?\\nThorn: what was hard?\\nBud: what is next?")
    dialog.save()
    panel.caseload.setCurrentCell(0, 0)
    panel.new_conference()
    panel.editor.kind.setCurrentText("check-in")
    assert panel.editor.notes.toPlainText().startswith("Rose: what went well?")


def test_a_family_pack_from_the_caseload(qtbot, panel, tmp_path):
    panel.caseload.setCurrentCell(0, 0)
    out = tmp_path / "pack.pdf"
    with qtbot.waitSignal(panel.context.message) as said:
        assert panel.family_pack(out, language="es")
    assert out.read_bytes().startswith(b"%PDF") and "only what is marked shareable" in said.args[0]


def test_the_learning_plan_keeps_every_change_and_its_review(qtbot, panel, demo_store):
    panel.caseload.setCurrentCell(0, 0)
    dialog = panel.learning_plan()
    qtbot.addWidget(dialog)
    dialog.parts["core_values"].setPlainText("Kindness and effort")
    dialog.save_part("core_values")
    dialog.parts["transition_plan"].setPlainText("Visit the high school in spring")
    dialog.mark_reviewed()
    assert dialog.history.count() == 2 and "Transition plan" in dialog.history.item(0).text()
    assert dialog.review.text().startswith("Last reviewed")
    assert count(demo_store, "SELECT count(*) FROM plan_revision") == 2


def test_a_goal_is_linked_to_competencies_with_undo(qtbot, demo_store):
    from plclassroom.services import mastery

    ui_app.make_application()
    window = ui_app.open_window(demo_store, "goal-links")
    qtbot.addWidget(window)
    window.roster.table.selectRow(0)
    qtbot.waitUntil(lambda: window.profile.student_id != "")
    profile = window.profile
    profile.goal_table.setCurrentIndex(profile.goals.index(0, 0))
    competencies = window.context.call(mastery.class_mastery, profile.class_id).competencies
    assert profile.link_goal([competencies[0].id, competencies[2].id])
    assert count(demo_store, "SELECT count(*) FROM goal_competency WHERE NOT deleted") == 2
    window.context.undo_stack.undo()
    assert count(demo_store, "SELECT count(*) FROM goal_competency WHERE NOT deleted") == 0
