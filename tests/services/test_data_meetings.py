"""A grade team's data meeting on the demo school: who is flagged and what changed since the team
last met, the agenda, and the actions agreed (kept, and synced to the school's staff only)."""

from datetime import date, timedelta

import pytest

from plclassroom.domain.early_warning import Rule, Thresholds
from plclassroom.services import data_meetings, early_warning, mastery, roster
from plclassroom.services.data_meetings import MeetingError
from plclassroom.services.mastery import EvidenceEntry
from tests.conftest import count, run

TODAY = date(2026, 11, 23)  # three days after the demo's last evidence


@pytest.fixture
def team(demo_store):
    with demo_store.unit_of_work() as uow:
        math = next(c for c in roster.list_classes(uow) if c.title.startswith("Math"))
        found = data_meetings.team_of_class(uow, math.id)
    early = Thresholds(assessed_share=0.2)  # the demo's evidence is thin: see test_early_warning
    run(demo_store, early_warning.set_thresholds, found.school_id, early)
    return found


def test_the_demo_school_has_a_team_per_school_grade(demo_store, team):
    teams = run(demo_store, data_meetings.teams)
    assert team in teams and team.grade == "06"
    assert len({t.school_id for t in teams}) == 2


def test_the_first_meeting_shows_the_flags_and_an_agenda(demo_store, team):
    view = run(demo_store, data_meetings.meeting_view, team, TODAY)
    assert view.last_met is None and not view.new  # nothing to compare with yet
    assert view.flags and {f.student_id for f in view.flags} <= set(view.names)
    assert len(view.names) == 90  # the grade's students of the school, all its classes
    kinds = [kind for kind, _numbers in view.agenda]
    assert kinds[0] == "concerns" and kinds[-1] == "agree actions"
    first = view.flagged_students()
    concerns = {s: sum(1 for f in view.flags if f.student_id == s and f.concern) for s in first}
    assert [concerns[s] for s in first] == sorted(concerns.values(), reverse=True)


def test_the_next_meeting_says_what_changed(demo_store, team):
    first = run(demo_store, data_meetings.meeting_view, team, TODAY)
    meeting = run(demo_store, data_meetings.hold_meeting, team, first.flags, TODAY, "Focus on ratios")
    falling = next(f for f in first.flags if f.rule == Rule.FALLING)
    # Since then the student showed mastery again on that competency: the flag clears.
    class_id = next(c.id for c in run(demo_store, roster.list_classes) if c.title.startswith("Math"))
    run(demo_store, mastery.record_evidence, class_id,
        [EvidenceEntry(falling.student_id, falling.subject_id, 3.5, TODAY + timedelta(days=1)) for _ in range(3)])
    later = TODAY + timedelta(days=2)
    view = run(demo_store, data_meetings.meeting_view, team, later)
    assert view.last_met == TODAY and view.last_meeting_id == meeting
    assert falling.key in view.cleared
    assert view.progress[falling.student_id].pieces == 3
    assert view.progress[falling.student_id].mean == pytest.approx(3.5)
    assert ("cleared", {"flags": len(view.cleared)}) in view.agenda
    # A flag raised since the meeting is new; one that stood then is not.
    stood = {f.key for f in first.flags}
    assert all((f.key in view.new) == (f.key not in stood) for f in view.flags)


def test_actions_are_kept_done_and_removed(demo_store, team):
    view = run(demo_store, data_meetings.meeting_view, team, TODAY)
    meeting = run(demo_store, data_meetings.hold_meeting, team, view.flags, TODAY)
    student = view.flagged_students()[0]
    owner = view.staff[0][0]
    action = run(demo_store, data_meetings.add_action, meeting, "  Reteach unit rates in a small group ",
                 student, owner, TODAY + timedelta(days=5))
    with pytest.raises(MeetingError):
        run(demo_store, data_meetings.add_action, meeting, "   ")
    [row] = run(demo_store, data_meetings.actions, team)
    assert (row.text, row.student_id, row.owner_id, row.done) == ("Reteach unit rates in a small group", student,
                                                                   owner, False)
    assert row.student == view.names[student] and row.owner == view.staff[0][1]
    assert not row.overdue(TODAY) and row.overdue(TODAY + timedelta(days=6))
    late = run(demo_store, data_meetings.meeting_view, team, TODAY + timedelta(days=8))
    assert ("overdue actions", {"actions": 1}) in late.agenda

    run(demo_store, data_meetings.update_action, action, done=True)
    assert count(demo_store, "SELECT count(*) FROM meeting_action WHERE done AND done_on IS NOT NULL") == 1
    assert run(demo_store, data_meetings.actions, team, date.today())[0].done  # done today: still shown
    assert run(demo_store, data_meetings.actions, team, date.today() + timedelta(days=1)) == []
    with pytest.raises(MeetingError):
        run(demo_store, data_meetings.update_action, action, colour="red")
    run(demo_store, data_meetings.remove_action, action)
    assert run(demo_store, data_meetings.actions, team) == []


def test_meeting_twice_a_day_is_one_meeting(demo_store, team):
    view = run(demo_store, data_meetings.meeting_view, team, TODAY)
    first = run(demo_store, data_meetings.hold_meeting, team, view.flags, TODAY)
    again = run(demo_store, data_meetings.hold_meeting, team, view.flags[:3], TODAY, "Shorter list")
    assert first == again
    assert count(demo_store, "SELECT count(*) FROM data_meeting") == 1
    assert count(demo_store, "SELECT count(*) FROM data_meeting WHERE notes = 'Shorter list'") == 1
    same_day = run(demo_store, data_meetings.meeting_view, team, TODAY)
    assert same_day.today_meeting_id == first and same_day.last_met is None
