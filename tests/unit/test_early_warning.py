"""Early-warning rules on hand-made records: each rule just below, at and just above its threshold,
empty inputs, corrections (superseded evidence) ignored, and the numbers each flag carries."""

import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plclassroom.domain.early_warning import (
    AdvisorLink,
    ClassInputs,
    ConferenceSeen,
    Flag,
    PlaylistPace,
    Rule,
    ScorePoint,
    StepDue,
    StudentInputs,
    Thresholds,
    behind_pace,
    class_assessed,
    evaluate,
    expected_done,
    falling,
    fitted_drop,
    follow_up_overdue,
    live_scores,
    no_evidence,
    not_met,
    ready,
)

TODAY = date(2026, 11, 23)
T = Thresholds()


def scores(*values, competency="c1", prefix="e", last=TODAY):
    """Pieces on consecutive days ending on ``last``, oldest first."""
    start = last - timedelta(days=len(values) - 1)
    return tuple(ScorePoint(f"{prefix}{i}", start + timedelta(days=i), float(v), competency, order=i)
                 for i, v in enumerate(values))


def student(sid="s1", **fields):
    return StudentInputs(sid, **fields)


def days_ago(n):
    return TODAY - timedelta(days=n)


# -- thresholds ------------------------------------------------------------------------------------


def test_thresholds_round_trip_and_defaults():
    custom = Thresholds(pace_margin=0.1, no_evidence_days=7, falling_pieces=4, falling_drop=1.0,
                        follow_up_grace_days=2, advisor_days=30, ready_score=3.5)
    assert Thresholds.from_dict(custom.to_dict()) == custom
    assert json.loads(json.dumps(custom.to_dict())) == custom.to_dict()
    assert Thresholds.from_dict({}) == Thresholds()
    assert Thresholds.from_dict(None) == Thresholds()


def test_thresholds_ignore_unknown_keys_and_bad_values():
    loaded = Thresholds.from_dict({"no_evidence_days": 10, "colour": "red", "advisor_days": "soon",
                                   "falling_pieces": 1, "pace_margin": 1.5, "falling_drop": -1,
                                   "follow_up_grace_days": True, "ready_score": float("nan")})
    assert loaded == Thresholds(no_evidence_days=10)
    assert Thresholds.from_dict({"advisor_days": 30.0, "no_evidence_days": 7.5}) == Thresholds(advisor_days=30)
    assert Thresholds(falling_pieces=1, pace_margin=2.0).invalid() == ["pace_margin", "falling_pieces"]
    assert Thresholds().invalid() == []


def test_flag_key_and_concern():
    flag = Flag(Rule.READY, "s1", "c1", "6.RP.A.1", {})
    assert flag.key == "ready to move up|s1|c1" and not flag.concern
    assert Flag(Rule.FALLING, "s1", "c1", "", {}).concern


# -- empty inputs ----------------------------------------------------------------------------------


def test_empty_inputs_raise_nothing():
    assert evaluate(student(), T, TODAY) == []
    assert evaluate(ClassInputs(()), T, TODAY) == []
    assert evaluate(ClassInputs((student("a"), student("b"))), T, TODAY) == []


# -- behind pace -----------------------------------------------------------------------------------


def pace(done, total=10, start=date(2026, 11, 1), due=date(2026, 11, 21), **extra):
    return PlaylistPace("a1", "Ratios playlist", start, due, total, done, **extra)


def test_expected_done_is_an_even_pace_capped_at_total():
    start, due = date(2026, 11, 1), date(2026, 11, 21)
    assert expected_done(10, start, due, start) == 0
    assert expected_done(10, start, due, date(2026, 11, 11)) == pytest.approx(5.0)
    assert expected_done(10, start, due, due) == 10
    assert expected_done(10, start, due, date(2026, 12, 30)) == 10


@pytest.mark.parametrize(("done", "flagged"), [(2, True), (3, False), (4, False)])
def test_behind_pace_both_sides_of_the_margin(done, flagged):
    # Half-way (10 of 20 days): 5 of 10 expected; the margin allows 2 behind, so 3 is the edge.
    today = date(2026, 11, 11)
    flags = behind_pace(student(playlists=(pace(done),)), T, today)
    assert bool(flags) is flagged
    if flagged:
        [flag] = flags
        assert flag.rule == Rule.BEHIND_PACE and flag.subject == "Ratios playlist" and flag.subject_id == "a1"
        assert flag.facts == {"done": 2, "expected": 5.0, "total": 10, "start": "2026-11-01", "due": "2026-11-21",
                              "margin": 0.2, "behind": 3.0, "elapsed_days": 10, "span_days": 20,
                              "past_due": False, "start_from": "start date"}


def test_behind_pace_is_silent_before_the_start_and_when_finished():
    s = student(playlists=(pace(0, start=date(2026, 11, 30), due=date(2026, 12, 10)),))
    assert behind_pace(s, T, TODAY) == []
    assert behind_pace(student(playlists=(pace(10),)), T, TODAY) == []  # past due but finished
    assert behind_pace(student(playlists=(pace(0, total=0),)), T, TODAY) == []  # nothing must-do
    assert behind_pace(student(playlists=(pace(0, due=None),)), T, TODAY) == []  # no due date: no pace


def test_past_due_and_not_finished_expects_everything():
    [flag] = behind_pace(student(playlists=(pace(7),)), T, TODAY)  # 7 < 10 - 2
    assert flag.facts["expected"] == 10 and flag.facts["past_due"] is True
    assert behind_pace(student(playlists=(pace(8),)), T, TODAY) == []  # within the margin


def test_no_start_date_paces_from_the_day_it_was_assigned():
    s = student(playlists=(pace(0, start=None, assigned_on=date(2026, 11, 13), due=date(2026, 12, 3)),))
    [flag] = behind_pace(s, T, TODAY)  # 10 of 20 days: 5 expected, 0 done
    assert flag.facts["start"] == "2026-11-13" and flag.facts["start_from"] == "assigned"
    assert flag.facts["expected"] == 5.0
    assert behind_pace(student(playlists=(pace(0, start=None),)), T, TODAY) == []  # no start at all


def test_the_margin_is_the_schools():
    s = student(playlists=(pace(4),))
    assert behind_pace(s, T, date(2026, 11, 11)) == []
    [flag] = behind_pace(s, Thresholds(pace_margin=0.0), date(2026, 11, 11))
    assert flag.facts["margin"] == 0.0


# -- no evidence -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("age", "flagged"), [(13, False), (14, False), (15, True)])
def test_no_evidence_both_sides_of_n_days(age, flagged):
    mine = scores(3, last=days_ago(age), prefix="m")
    theirs = scores(2, last=days_ago(1), prefix="t")
    flags = evaluate(ClassInputs((student("a", evidence=mine), student("b", evidence=theirs)),
                                 {"c1": "6.RP.A.1"}), T, TODAY)
    mine_flags = [f for f in flags if f.student_id == "a" and f.rule == Rule.NO_EVIDENCE]
    assert bool(mine_flags) is flagged
    if flagged:
        [flag] = mine_flags
        assert flag.subject == "6.RP.A.1" and flag.subject_id == "c1" and flag.evidence_ids == ("m0",)
        assert flag.facts == {"n": 14, "days_since": 15, "last_on": days_ago(15).isoformat(),
                              "class_last_on": days_ago(1).isoformat()}


def test_a_student_with_no_evidence_at_all_is_flagged_while_the_class_is_assessing():
    flags = evaluate(ClassInputs((student("a"), student("b", evidence=scores(2)))), T, TODAY)
    [flag] = [f for f in flags if f.rule == Rule.NO_EVIDENCE]
    assert flag.student_id == "a" and flag.facts["days_since"] is None and flag.facts["last_on"] is None
    assert flag.evidence_ids == ()


def test_a_competency_nobody_has_shown_lately_is_not_being_assessed():
    # The class's newest is 15 days old: nothing is being assessed, nobody is flagged.
    flags = evaluate(ClassInputs((student("a"), student("b", evidence=scores(2, last=days_ago(15))))), T, TODAY)
    assert [f for f in flags if f.rule == Rule.NO_EVIDENCE] == []
    flags = evaluate(ClassInputs((student("a"), student("b", evidence=scores(2, last=days_ago(14))))), T, TODAY)
    assert [f.student_id for f in flags if f.rule == Rule.NO_EVIDENCE] == ["a"]


def test_evidence_after_today_does_not_count():
    later = scores(3, last=TODAY + timedelta(days=3))
    flags = evaluate(ClassInputs((student("a", evidence=later), student("b", evidence=scores(2)))), T, TODAY)
    assert [f.student_id for f in flags if f.rule == Rule.NO_EVIDENCE] == ["a"]


def test_a_student_alone_uses_the_class_context_given():
    s = student(evidence=scores(3, last=days_ago(20)), assessed={"c1": days_ago(2)})
    [flag] = no_evidence(s, T, TODAY)
    assert flag.facts["days_since"] == 20
    assert no_evidence(student(evidence=scores(3, last=days_ago(20))), T, TODAY) == []  # its own only


def test_superseded_and_deleted_evidence_do_not_count_as_recent():
    old = ScorePoint("old", days_ago(30), 2.0, "c1")
    # The row recorded recently was corrected: the correction says it was observed long ago.
    wrong = ScorePoint("wrong", days_ago(1), 3.0, "c1")
    fix = ScorePoint("fix", days_ago(20), 3.0, "c1", supersedes_id="wrong")
    gone = ScorePoint("gone", days_ago(1), 3.0, "c1", deleted=True)
    s = student("a", evidence=(old, wrong, fix, gone))
    [flag] = no_evidence(StudentInputs("a", s.evidence, assessed={"c1": days_ago(2)}), T, TODAY)
    assert flag.facts["last_on"] == days_ago(20).isoformat() and flag.evidence_ids == ("fix",)
    assert [p.evidence_id for p in live_scores(s.evidence, TODAY)["c1"]] == ["old", "fix"]


def test_a_deleted_correction_brings_back_the_original():
    wrong = ScorePoint("wrong", days_ago(1), 3.0, "c1")
    fix = ScorePoint("fix", days_ago(20), 3.0, "c1", supersedes_id="wrong", deleted=True)
    assert [p.evidence_id for p in live_scores((wrong, fix), TODAY)["c1"]] == ["wrong"]


# -- mastery falling -------------------------------------------------------------------------------


def test_fitted_drop():
    assert fitted_drop([3, 2, 1]) == pytest.approx(2.0)
    assert fitted_drop([1, 2, 3]) == pytest.approx(-2.0)
    assert fitted_drop([3, 3, 3]) == 0
    assert fitted_drop([3, 1, 3]) == pytest.approx(0.0)
    assert fitted_drop([4]) == 0 and fitted_drop([]) == 0


@pytest.mark.parametrize(("values", "flagged"), [((3, 3, 2.6), False), ((3, 3, 2.5), True), ((3, 3, 2), True),
                                                 ((3, 3.5, 2.5), True), ((2, 3, 2.6), False)])
def test_falling_both_sides_of_the_drop(values, flagged):
    # Drop of (a, b, c) over a least-squares line is a - c: the middle point does not move the slope.
    assert bool(falling(student(evidence=scores(*values)), T, TODAY)) is flagged


def test_falling_looks_only_at_the_newest_k_and_says_which():
    s = student(evidence=scores(1, 1, 4, 3.5, 3), titles={"c1": "6.RP.A.3"})
    [flag] = falling(s, T, TODAY)
    assert flag.subject == "6.RP.A.3"
    assert flag.facts == {"scores": [4.0, 3.5, 3.0], "dates": [days_ago(2).isoformat(), days_ago(1).isoformat(),
                                                              TODAY.isoformat()],
                          "drop": 1.0, "k": 3, "d": 0.5}
    assert flag.evidence_ids == ("e4", "e3", "e2")


def test_falling_needs_k_pieces():
    assert falling(student(evidence=scores(4, 1)), T, TODAY) == []
    assert falling(student(evidence=scores(4, 3.5, 3, 1)), Thresholds(falling_pieces=5), TODAY) == []
    assert falling(student(evidence=scores(4, 1)), Thresholds(falling_pieces=2), TODAY)


def test_falling_orders_by_the_day_observed_then_recording_order():
    # Typed in out of order: the 1 was observed first.
    pieces = (ScorePoint("x", days_ago(1), 3.0, "c1", order=0), ScorePoint("y", days_ago(0), 3.0, "c1", order=1),
              ScorePoint("z", days_ago(5), 1.0, "c1", order=2))
    assert falling(student(evidence=pieces), T, TODAY) == []  # 1, 3, 3 rises
    same_day = (ScorePoint("b", TODAY, 3.0, "c1", order=2), ScorePoint("a", TODAY, 4.0, "c1", order=1),
                ScorePoint("c", TODAY, 2.0, "c1", order=3))
    [flag] = falling(student(evidence=same_day), T, TODAY)
    assert flag.facts["scores"] == [4.0, 3.0, 2.0]


def test_a_corrected_score_replaces_the_old_one_in_the_trend():
    pieces = scores(4, 3.5, 3) + (ScorePoint("fix", TODAY, 4.0, "c1", supersedes_id="e2", order=9),)
    assert falling(student(evidence=pieces), T, TODAY) == []  # 4, 3.5, 4


@given(st.lists(st.floats(0, 4, allow_nan=False), min_size=3, max_size=12),
       st.integers(2, 6), st.floats(0.01, 4))
def test_falling_never_flags_a_non_decreasing_sequence(values, k, d):
    rising = sorted(values)
    assert falling(student(evidence=scores(*rising)), Thresholds(falling_pieces=k, falling_drop=d), TODAY) == []


# -- follow-up overdue -----------------------------------------------------------------------------


@pytest.mark.parametrize(("due", "grace", "flagged"), [(1, 0, True), (0, 0, False), (3, 2, True), (2, 2, False)])
def test_an_open_step_past_due_and_grace(due, grace, flagged):
    s = student(steps=(StepDue("n1", "Bring the reading log", days_ago(due), owner="family"),))
    flags = follow_up_overdue(s, Thresholds(follow_up_grace_days=grace), TODAY)
    assert bool(flags) is flagged
    if flagged:
        assert flags[0].subject == "Bring the reading log" and flags[0].subject_id == "n1"
        assert flags[0].facts == {"kind": "step", "due": days_ago(due).isoformat(), "days_overdue": due,
                                  "grace": grace, "owner": "family"}


def test_done_deleted_or_undated_steps_are_not_overdue():
    s = student(steps=(StepDue("a", "x", days_ago(9), done=True), StepDue("b", "y", days_ago(9), deleted=True),
                       StepDue("c", "z", None)))
    assert follow_up_overdue(s, T, TODAY) == []


def test_a_conference_follow_up_passed_with_no_conference_since():
    first = ConferenceSeen("k1", days_ago(40), days_ago(19), "check-in")
    [flag] = follow_up_overdue(student(conferences=(first,)), T, TODAY)
    assert flag.subject_id == "k1" and flag.subject == "check-in"
    assert flag.facts == {"kind": "conference", "due": days_ago(19).isoformat(), "days_overdue": 19, "grace": 0,
                          "held_on": days_ago(40).isoformat()}
    met_again = ConferenceSeen("k2", days_ago(10))
    assert follow_up_overdue(student(conferences=(first, met_again)), T, TODAY) == []
    later_due = ConferenceSeen("k3", days_ago(10), TODAY)  # due today: not yet overdue
    assert follow_up_overdue(student(conferences=(first, later_due)), T, TODAY) == []
    deleted = ConferenceSeen("k4", days_ago(10), deleted=True)
    assert [f.subject_id for f in follow_up_overdue(student(conferences=(first, deleted)), T, TODAY)] == ["k1"]


# -- not met by the advisor ------------------------------------------------------------------------


ADVISOR = AdvisorLink("adv", "Rosa Delgado", date(2026, 8, 24))


@pytest.mark.parametrize(("age", "flagged"), [(20, False), (21, False), (22, True)])
def test_not_met_both_sides_of_n_days(age, flagged):
    s = student(advisor=ADVISOR, conferences=(ConferenceSeen("k", days_ago(age)),))
    flags = not_met(s, T, TODAY)
    assert bool(flags) is flagged
    if flagged:
        assert flags[0].subject_id == "adv" and flags[0].subject == "Rosa Delgado"
        assert flags[0].facts == {"last_on": days_ago(22).isoformat(), "days_since": 22, "n": 21,
                                  "since": days_ago(22).isoformat(), "days": 22}


def test_never_met():
    [flag] = not_met(student(advisor=ADVISOR), T, TODAY)
    assert flag.facts["last_on"] is None and flag.facts["days_since"] is None
    assert flag.facts["since"] == "2026-08-24" and flag.facts["days"] == 91
    [flag] = not_met(student(advisor=AdvisorLink("adv")), T, TODAY)
    assert flag.facts["days"] is None


def test_not_met_needs_an_advisor_and_a_new_advisor_gets_n_days():
    assert not_met(student(), T, TODAY) == []
    new = AdvisorLink("adv", "", days_ago(10))
    assert not_met(student(advisor=new, conferences=(ConferenceSeen("k", days_ago(60)),)), T, TODAY) == []
    assert not_met(student(advisor=AdvisorLink("adv", "", TODAY + timedelta(days=5))), T, TODAY)  # not started


def test_a_conference_by_anyone_counts_and_a_later_one_does_not():
    s = student(advisor=ADVISOR, conferences=(ConferenceSeen("k", days_ago(5)),
                                              ConferenceSeen("future", TODAY + timedelta(days=1)),
                                              ConferenceSeen("gone", days_ago(1), deleted=True)))
    assert not_met(s, T, TODAY) == []
    s = student(advisor=ADVISOR, conferences=(ConferenceSeen("k", days_ago(30)),
                                              ConferenceSeen("gone", days_ago(1), deleted=True)))
    assert not_met(s, T, TODAY)[0].facts["days_since"] == 30


# -- ready to move up ------------------------------------------------------------------------------


@pytest.mark.parametrize(("values", "flagged"), [((3, 3, 2.9), False), ((3, 3, 3), True), ((3, 3.5, 3.1), True),
                                                 ((1, 3, 3), False)])
def test_ready_both_sides_of_the_mastery_level(values, flagged):
    # The class is on it (evidence today), so it is still being worked on.
    assert bool(ready(student(evidence=scores(*values)), T, TODAY)) is flagged


def test_ready_says_why_and_which_evidence():
    s = student(evidence=scores(1, 3, 3.5, 4), titles={"c1": "6.RP.A.2"})
    [flag] = ready(s, T, TODAY)
    assert flag.rule == Rule.READY and not flag.concern and flag.subject == "6.RP.A.2"
    assert flag.evidence_ids == ("e3", "e2", "e1")
    assert flag.facts == {"scores": [3.0, 3.5, 4.0], "dates": [days_ago(2).isoformat(), days_ago(1).isoformat(),
                                                              TODAY.isoformat()],
                          "k": 3, "ready_score": 3.0, "working_on": "class", "playlist": None}


def test_ready_only_on_a_competency_still_being_worked_on():
    long_ago = scores(3, 4, 4, last=days_ago(40))
    assert ready(student(evidence=long_ago), T, TODAY) == []  # nobody is on it any more
    on_playlist = student(evidence=long_ago, playlists=(pace(2, competency_ids=("c1",)),))
    [flag] = ready(on_playlist, T, TODAY)
    assert flag.facts["working_on"] == "playlist" and flag.facts["playlist"] == "Ratios playlist"
    finished = student(evidence=long_ago, playlists=(pace(10, competency_ids=("c1",)),))
    assert ready(finished, T, TODAY) == []


def test_ready_is_not_raised_where_mastery_is_falling():
    s = student(evidence=scores(4, 3.5, 3))
    assert [f.rule for f in evaluate(s, T, TODAY)] == [Rule.FALLING]


def test_ready_takes_the_schools_level():
    s = student(evidence=scores(3, 3, 3))
    assert ready(s, T, TODAY) and not ready(s, Thresholds(ready_score=3.5), TODAY)


# -- evaluate --------------------------------------------------------------------------------------


def test_evaluate_lists_flags_by_student_in_the_order_given_then_by_rule():
    a = student("a", advisor=ADVISOR, evidence=scores(3, 3, 3), steps=(StepDue("n", "x", days_ago(3)),),
                playlists=(pace(0),))
    b = student("b", evidence=scores(4, 3, 2, competency="c2"))
    flags = evaluate(ClassInputs((b, a), {"c1": "6.RP.A.1", "c2": "6.RP.A.2"}), T, TODAY)
    assert [(f.student_id, f.rule) for f in flags] == [
        ("b", Rule.NO_EVIDENCE), ("b", Rule.FALLING),
        ("a", Rule.BEHIND_PACE), ("a", Rule.NO_EVIDENCE), ("a", Rule.FOLLOW_UP_OVERDUE), ("a", Rule.NOT_MET),
        ("a", Rule.READY)]
    assert {f.subject for f in flags if f.rule == Rule.NO_EVIDENCE} == {"6.RP.A.1", "6.RP.A.2"}
    assert all(json.loads(json.dumps(f.facts)) == f.facts for f in flags)


def test_one_student_s_piece_does_not_make_the_class_assessing_a_competency():
    """NO_EVIDENCE looks only at what the class is assessing now: at least assessed_share of it."""
    today = date(2026, 11, 23)
    one = ScorePoint("e1", today, 3.0, competency_id="c1")
    students = [StudentInputs(f"s{i}", evidence=(one,) if i == 0 else ()) for i in range(4)]
    half = Thresholds(assessed_share=0.5)
    assert class_assessed(students, today, half) == {}
    assert not [f for f in evaluate(ClassInputs(tuple(students)), half, today) if f.rule == Rule.NO_EVIDENCE]
    quarter = Thresholds(assessed_share=0.25)
    assert class_assessed(students, today, quarter) == {"c1": today}
    flagged = {f.student_id for f in evaluate(ClassInputs(tuple(students)), quarter, today)
               if f.rule == Rule.NO_EVIDENCE}
    assert flagged == {"s1", "s2", "s3"}
