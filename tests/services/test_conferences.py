"""Advisor conferences on the demo school: caseload flags, logging, privacy, templates, drafts."""

from datetime import date, timedelta

import pytest

from plclassroom.services import conferences
from plclassroom.services.conferences import ConferenceInput, StepInput
from tests.conftest import count, run


@pytest.fixture
def advisor(demo_store):
    return run(demo_store, conferences.advisors)[0][0]


def test_the_caseload_puts_who_to_see_first(demo_store, advisor):
    rows = run(demo_store, conferences.caseload, advisor, today=date(2026, 12, 15))
    assert len(rows) == 45  # 90 students of the first school shared by its two advisors
    assert all(rows[i].urgency <= rows[i + 1].urgency for i in range(len(rows) - 1))
    flagged = [r for r in rows if r.flags]
    assert flagged and any("not met in" in f for r in flagged for f in r.flags)
    met_long_ago = [r for r in rows if r.last_met and (date(2026, 12, 15) - r.last_met).days > 30]
    assert all(any("not met in" in f for f in r.flags) for r in met_long_ago)
    strict = run(demo_store, conferences.caseload, advisor, today=date(2026, 12, 15), not_met_days=365)
    assert sum(1 for r in strict for f in r.flags if "not met" in f) == 0  # the school's setting decides


def test_log_a_conference_with_goals_and_next_steps_then_edit_it(demo_store, advisor):
    student = run(demo_store, conferences.caseload, advisor)[0]
    goal = run(demo_store, conferences.student_goals, student.student_id)[0]
    data = ConferenceInput(student.student_id, advisor, date(2026, 11, 24), "goal setting", 15, "student, advisor",
                           "Proud of the ratio tables project.", "teachers", date(2026, 12, 15),
                           {goal.id: "Halfway there"},
                           [StepInput("Finish practice set A", "student", date(2026, 12, 1)),
                            StepInput("Call home about the project", "advisor")])
    conference_id = run(demo_store, conferences.save_conference, data)
    [latest, *_] = run(demo_store, conferences.history, student.student_id, advisor)
    assert latest.id == conference_id and latest.goals == {goal.id: "Halfway there"}
    assert sorted(s.text for s in latest.steps) == ["Call home about the project", "Finish practice set A"]
    data.id = conference_id
    data.steps = [StepInput(latest.steps[0].text, latest.steps[0].owner, latest.steps[0].due_on, True,
                            latest.steps[0].id)]
    run(demo_store, conferences.save_conference, data)
    [again, *_] = run(demo_store, conferences.history, student.student_id, advisor)
    assert len(again.steps) == 1 and again.steps[0].done
    assert count(demo_store, "SELECT count(*) FROM next_step WHERE conference_id = ? AND deleted", conference_id) == 1


def test_a_private_note_is_seen_only_by_its_author(demo_store, advisor):
    other = run(demo_store, conferences.advisors)[1][0]
    student = run(demo_store, conferences.caseload, advisor)[0].student_id
    run(demo_store, conferences.save_conference,
        ConferenceInput(student, advisor, date(2026, 11, 24), "social-emotional", notes="Talked about home.",
                        privacy="private"))
    mine = run(demo_store, conferences.history, student, advisor)
    theirs = run(demo_store, conferences.history, student, other)
    assert any(c.notes == "Talked about home." for c in mine)
    assert not any(c.notes == "Talked about home." for c in theirs)
    assert all(c.privacy != "private" or c.author_id == other for c in theirs)


@pytest.mark.parametrize("change, message", [
    (dict(kind="gossip"), "A conference is one of"),
    (dict(privacy="public"), "Privacy is"),
    (dict(follow_up_on=date(2026, 1, 1)), "before the conference"),
    (dict(steps=[StepInput(" ")]), "needs a few words"),
])
def test_bad_input_is_refused_and_nothing_written(demo_store, advisor, change, message):
    student = run(demo_store, conferences.caseload, advisor)[0].student_id
    before = count(demo_store, "SELECT count(*) FROM conference")
    data = ConferenceInput(student, advisor, date(2026, 11, 24), **change)
    with pytest.raises(conferences.ConferenceError, match=message):
        run(demo_store, conferences.save_conference, data)
    assert count(demo_store, "SELECT count(*) FROM conference") == before


def test_templates_and_teachers_notes(demo_store, advisor):
    assert "proud" in run(demo_store, conferences.template, "goal setting")
    run(demo_store, conferences.save_template, "check-in", "Rose, thorn, bud?")
    assert run(demo_store, conferences.template, "check-in") == "Rose, thorn, bud?"
    student = run(demo_store, conferences.caseload, advisor)[-1].student_id
    run(demo_store, conferences.add_advisor_note, student, None, "Missed three homework tasks", concern=True)
    row = next(r for r in run(demo_store, conferences.caseload, advisor) if r.student_id == student)
    assert row.concerns == 1 and any("concern" in f for f in row.flags)


def test_a_draft_is_kept_until_the_conference_is_saved(demo_store, advisor):
    student = run(demo_store, conferences.caseload, advisor)[0].student_id
    key = f"conference:new:{student}"
    run(demo_store, conferences.save_draft, key, {"student_id": student, "notes": "Half a sentence"})
    [(found_key, payload, _when)] = run(demo_store, conferences.open_drafts)
    assert found_key == key and payload["notes"] == "Half a sentence"
    assert count(demo_store, "SELECT count(*) FROM sync_outbox WHERE table_name = 'local_draft'") == 0
    run(demo_store, conferences.save_conference,
        ConferenceInput(student, advisor, date.today(), notes="Half a sentence, finished."), draft_key=key)
    assert run(demo_store, conferences.open_drafts) == []
    assert conferences.default_follow_up(date(2026, 11, 24)) == date(2026, 11, 24) + timedelta(days=21)
