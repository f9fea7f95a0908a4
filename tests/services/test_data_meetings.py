"""A grade team's data meeting on the demo school: who is flagged and what changed since the team
last met, the agenda, and the actions agreed (kept, and synced to the school's staff only)."""

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from plclassroom.domain.early_warning import Rule
from plclassroom.services import data_meetings, demo, mastery, roster
from plclassroom.services.data_meetings import MeetingError
from plclassroom.services.mastery import EvidenceEntry
from tests.conftest import count, run

TODAY = demo.DEMO_DAY  # the demo's team met a week before; its evidence runs to the day before
LAST_MET = TODAY - timedelta(days=7)


@pytest.fixture
def team(demo_store):
    with demo_store.unit_of_work() as uow:
        math = next(c for c in roster.list_classes(uow) if c.title.startswith("Math"))
        return data_meetings.team_of_class(uow, math.id)


def test_the_demo_school_has_a_team_per_school_grade(demo_store, team):
    teams = run(demo_store, data_meetings.teams)
    assert team in teams and team.grade == "06"
    assert len({t.school_id for t in teams}) == 2


def test_the_first_meeting_has_nothing_to_compare_with(demo_store, team):
    with demo_store.unit_of_work() as uow:  # the demo's teams met a week ago: as if they never had
        uow.session.execute(text("DELETE FROM meeting_action"))
        uow.session.execute(text("DELETE FROM data_meeting"))
        uow.commit()
    view = run(demo_store, data_meetings.meeting_view, team, TODAY)
    assert view.last_met is None and not view.new and not view.cleared and not view.actions
    assert [kind for kind, _numbers in view.agenda][-1] == "agree actions"


def test_the_meeting_shows_the_flags_what_changed_and_an_agenda(demo_store, team):
    view = run(demo_store, data_meetings.meeting_view, team, TODAY)
    assert view.last_met == LAST_MET and view.new and view.cleared  # the demo's team met a week ago
    assert view.flags and {f.student_id for f in view.flags} <= set(view.names)
    # What the team agreed then: two open actions, and one done since.
    assert sorted(a.done for a in view.actions) == [False, False, True]
    assert ("review actions", {"actions": 2}) in view.agenda
    assert len(view.names) == 90  # the grade's students of the school, all its classes
    kinds = [kind for kind, _numbers in view.agenda]
    assert kinds[0] == "new concerns" and kinds[-1] == "agree actions"
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
    [row] = [a for a in run(demo_store, data_meetings.actions, team) if a.id == action]
    assert (row.text, row.student_id, row.owner_id, row.done) == ("Reteach unit rates in a small group", student,
                                                                   owner, False)
    assert row.student == view.names[student] and row.owner == view.staff[0][1]
    assert not row.overdue(TODAY) and row.overdue(TODAY + timedelta(days=6))
    late = run(demo_store, data_meetings.meeting_view, team, TODAY + timedelta(days=8))
    assert ("overdue actions", {"actions": 3}) in late.agenda  # this one, and the demo's two still open

    run(demo_store, data_meetings.update_action, action, done=True)
    assert count(demo_store, "SELECT count(*) FROM meeting_action WHERE id = ? AND done AND done_on IS NOT NULL",
                 action) == 1
    def shown(since=None):
        return {a.id: a for a in run(demo_store, data_meetings.actions, team, since)}

    assert shown(date.today())[action].done  # done today: still shown
    assert action not in shown(date.today() + timedelta(days=1))
    with pytest.raises(MeetingError):
        run(demo_store, data_meetings.update_action, action, colour="red")
    run(demo_store, data_meetings.remove_action, action)
    assert action not in shown(date.min)


def test_meeting_twice_a_day_is_one_meeting(demo_store, team):
    view = run(demo_store, data_meetings.meeting_view, team, TODAY)
    first = run(demo_store, data_meetings.hold_meeting, team, view.flags, TODAY)
    again = run(demo_store, data_meetings.hold_meeting, team, view.flags[:3], TODAY, "Shorter list")
    assert first == again
    assert count(demo_store, "SELECT count(*) FROM data_meeting WHERE school_id = ? AND held_on = ?",
                 team.school_id, TODAY.isoformat()) == 1
    assert count(demo_store, "SELECT count(*) FROM data_meeting WHERE notes = 'Shorter list'") == 1
    same_day = run(demo_store, data_meetings.meeting_view, team, TODAY)
    assert same_day.today_meeting_id == first and same_day.last_met == LAST_MET
