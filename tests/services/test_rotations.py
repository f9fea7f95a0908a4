"""Rotation plans on the demo school: stations and sets, groups from mastery with rules, regrouping
with who moved, the day's rotation, absences, the week, copying, and minutes per station kind."""

from datetime import date, time, timedelta

import pytest

from plclassroom.domain.schedule import TEMPLATES
from plclassroom.services import mastery, roster, rotations
from plclassroom.services.mastery import EvidenceEntry
from tests.conftest import count, run

MONDAY = date(2026, 11, 30)


@pytest.fixture
def section(demo_store):
    classes = run(demo_store, roster.list_classes)
    return next(c for c in classes if run(demo_store, mastery.class_mastery, c.id).competencies).id


@pytest.fixture
def competency(demo_store, section):
    found = run(demo_store, mastery.class_mastery, section)
    # The competency with the most students assessed.
    return max(found.competencies, key=lambda c: sum(1 for s in found.students if found.cell(s.id, c.id))).id


def plan_for(store, section, **kwargs):
    return run(store, rotations.create_plan, section, "Ratios rotation", MONDAY, MONDAY + timedelta(days=4),
               TEMPLATES[0], time(9, 10), **kwargs)


def test_a_new_plan_has_the_template_stations_and_timing(demo_store, section):
    plan_id = plan_for(demo_store, section)
    plan = run(demo_store, rotations.get_plan, plan_id)
    assert [s.kind for s in plan.stations] == ["teacher-led", "independent online", "independent practice",
                                               "collaborative"]
    assert (plan.rotation_count, plan.rotation_minutes, plan.transition_minutes) == (4, 15, 2)
    assert plan.days == [MONDAY + timedelta(days=n) for n in range(5)]
    day = run(demo_store, rotations.day_plan, plan_id, MONDAY)
    assert [b.start for b in day.blocks] == [time(9, 10), time(9, 27), time(9, 44), time(10, 1)]


def test_timing_that_does_not_fit_the_period_is_refused_and_changes_nothing(demo_store, section):
    plan_id = plan_for(demo_store, section)
    with pytest.raises(rotations.RotationError, match="need 74 min; the period is 70"):
        run(demo_store, rotations.update_plan, plan_id, rotation_minutes=17)
    assert run(demo_store, rotations.get_plan, plan_id).rotation_minutes == 15


def test_station_sets_are_saved_and_reused(demo_store, section):
    plan_id = plan_for(demo_store, section)
    station = run(demo_store, rotations.get_plan, plan_id).stations[1]
    run(demo_store, rotations.update_station, station.id, name="Chromebooks", devices=8)
    run(demo_store, rotations.save_station_set, plan_id, "Math week")
    (set_id, name, n), = run(demo_store, rotations.list_station_sets)
    assert (name, n) == ("Math week", 4)
    other = plan_for(demo_store, section, station_set_id=set_id)
    stations = run(demo_store, rotations.get_plan, other).stations
    assert [(s.name, s.devices) for s in stations][1] == ("Chromebooks", 8)
    with pytest.raises(rotations.RotationError, match="kind is one of"):
        run(demo_store, rotations.update_station, station.id, kind="lab")


def test_groups_are_built_from_mastery_and_every_group_visits_every_station(demo_store, section, competency):
    plan_id = plan_for(demo_store, section)
    report = run(demo_store, rotations.build_groups, plan_id, MONDAY, competency)
    students = run(demo_store, roster.students_of, section)
    assert len(report.groups) == 4
    assert sorted(s for g in report.groups for s in g.member_ids) == sorted(p.id for p in students)
    assert report.status in ("optimal", "feasible") and not report.unmet
    for day in run(demo_store, rotations.get_plan, plan_id).days:
        plan = run(demo_store, rotations.day_plan, plan_id, day)
        for group in plan.groups:
            assert {plan.station_of(b.number, group.id).id for b in plan.blocks} == {s.id for s in plan.stations}
        for block in plan.blocks:  # never two groups at one station
            assert len({plan.where[(block.number, g.id)] for g in plan.groups}) == len(plan.groups)
        assert not plan.skips
    # Similar levels together: the groups' mean levels are ordered, the first below the last.
    found = run(demo_store, mastery.class_mastery, section)

    scores = [[found.cell(s, competency).score for s in g.member_ids if found.cell(s, competency)]
              for g in report.groups]
    means = [sum(found) / len(found) for found in scores if found]
    assert len(means) >= 2 and means[0] < means[-1]


def test_rules_are_kept_and_the_aide_group_fits_the_aide_station(demo_store, section, competency):
    plan_id = plan_for(demo_store, section)
    people = [p.id for p in run(demo_store, roster.students_of, section)]
    plan = run(demo_store, rotations.get_plan, plan_id)
    aide = plan.stations[2]
    run(demo_store, rotations.update_station, aide.id, adult="aide", capacity=9)
    rules = {"mode": "homogeneous", "max_size": 9, "keep_apart": [[people[0], people[1]], [people[2], people[3]]],
             "keep_together": [[people[4], people[5]]], "needs": {people[6]: "aide", people[7]: "aide",
                                                                  people[8]: "aide"}}
    run(demo_store, rotations.update_plan, plan_id, rules=rules)
    report = run(demo_store, rotations.build_groups, plan_id, MONDAY, competency)
    assert not report.unmet
    where = {s: g.id for g in report.groups for s in g.member_ids}
    assert where[people[0]] != where[people[1]] and where[people[2]] != where[people[3]]
    assert where[people[4]] == where[people[5]]
    assert where[people[6]] == where[people[7]] == where[people[8]]
    assert all(len(g.member_ids) <= 9 for g in report.groups)
    assert run(demo_store, rotations.rule_problems, plan_id, MONDAY) == []
    # A drag that breaks a rule is allowed, and the rule is reported at once, in plain words.
    run(demo_store, rotations.move_student, plan_id, people[1], where[people[0]], MONDAY)
    problems = run(demo_store, rotations.rule_problems, plan_id, MONDAY)
    assert any("apart" in p for p in problems)


def test_rules_that_cannot_all_be_met_are_said_in_plain_words(demo_store, section, competency):
    plan_id = plan_for(demo_store, section)
    people = [p.id for p in run(demo_store, roster.students_of, section)]
    rules = {"keep_apart": [[people[0], people[1]]], "keep_together": [[people[0], people[1]]]}
    run(demo_store, rotations.update_plan, plan_id, rules=rules)
    report = run(demo_store, rotations.build_groups, plan_id, MONDAY, competency)
    assert report.status == "relaxed" and report.unmet
    assert sorted(s for g in report.groups for s in g.member_ids) == sorted(people)


def test_students_away_are_left_out_of_the_day_but_keep_a_group(demo_store, section, competency):
    plan_id = plan_for(demo_store, section)
    away = run(demo_store, roster.students_of, section)[0]
    run(demo_store, rotations.set_absent, section, MONDAY, away.id)
    report = run(demo_store, rotations.build_groups, plan_id, MONDAY, competency)
    assert report.absent and away.id in {s for g in report.groups for s in g.member_ids}
    monday = run(demo_store, rotations.day_plan, plan_id, MONDAY)
    tuesday = run(demo_store, rotations.day_plan, plan_id, MONDAY + timedelta(days=1))
    assert away.id not in {s for g in monday.groups for s in g.member_ids}
    assert away.id in {s for g in tuesday.groups for s in g.member_ids}


def test_regrouping_after_new_evidence_says_who_moved_and_keeps_earlier_days(demo_store, section, competency):
    plan_id = plan_for(demo_store, section)
    first = run(demo_store, rotations.build_groups, plan_id, MONDAY, competency)
    lowest = first.groups[0].member_ids[0]
    wednesday = MONDAY + timedelta(days=2)
    for n in range(4):
        run(demo_store, mastery.record_evidence, section,
            [EvidenceEntry(lowest, competency, 4.0, wednesday - timedelta(days=1), note=f"ticket {n}")])
    stations_before = run(demo_store, rotations.get_plan, plan_id).stations
    report = run(demo_store, rotations.build_groups, plan_id, wednesday)
    moved = {m.student_id: m for m in report.moves}
    assert lowest in moved and "now" in moved[lowest].why
    assert run(demo_store, rotations.get_plan, plan_id).stations == stations_before
    monday = run(demo_store, rotations.groups_on, plan_id, MONDAY)
    assert [g.member_ids for g in monday] == [g.member_ids for g in first.groups]
    assert lowest not in run(demo_store, rotations.groups_on, plan_id, wednesday)[0].member_ids


def test_a_manual_move_and_a_swap_of_stations(demo_store, section, competency):
    plan_id = plan_for(demo_store, section)
    report = run(demo_store, rotations.build_groups, plan_id, MONDAY, competency)
    a, b = report.groups[0], report.groups[1]
    student = a.member_ids[0]
    left = run(demo_store, rotations.move_student, plan_id, student, b.id, MONDAY)
    assert left == a.id
    assert student in run(demo_store, rotations.groups_on, plan_id, MONDAY)[1].member_ids
    day = run(demo_store, rotations.day_plan, plan_id, MONDAY)
    theirs = day.station_of(1, b.id)
    mine = day.station_of(1, a.id)
    run(demo_store, rotations.set_station, plan_id, MONDAY, 1, a.id, theirs.id)
    day = run(demo_store, rotations.day_plan, plan_id, MONDAY)
    assert day.station_of(1, a.id).id == theirs.id and day.station_of(1, b.id).id == mine.id


def test_more_stations_than_blocks_says_who_skips_which_station(demo_store, section, competency):
    plan_id = plan_for(demo_store, section)
    run(demo_store, rotations.update_plan, plan_id, rotation_count=3)
    run(demo_store, rotations.update_plan, plan_id, rules={"group_count": 4})
    run(demo_store, rotations.build_groups, plan_id, MONDAY, competency)
    day = run(demo_store, rotations.day_plan, plan_id, MONDAY)
    assert len(day.skips) == 4 and all("does not visit" in s for s in day.skips)


def test_week_view_copy_to_next_week_and_history(demo_store, section, competency):
    plan_id = plan_for(demo_store, section)
    run(demo_store, rotations.build_groups, plan_id, MONDAY, competency)
    classes = [c.id for c in run(demo_store, roster.list_classes)]
    week = run(demo_store, rotations.week_view, classes, MONDAY + timedelta(days=2))
    assert week.monday == MONDAY and len(week.classes) == len(classes)
    cell, = week.cells[(section, MONDAY)]
    assert (cell.groups, cell.stations) == (4, 4)
    copy = run(demo_store, rotations.copy_to_next_week, plan_id)
    next_monday = MONDAY + timedelta(weeks=1)
    before = run(demo_store, rotations.day_plan, plan_id, MONDAY)
    after = run(demo_store, rotations.day_plan, copy, next_monday)
    assert [g.member_ids for g in after.groups] == [g.member_ids for g in before.groups]
    assert [after.station_of(1, g.id).name for g in after.groups] == \
        [before.station_of(1, g.id).name for g in before.groups]
    rows = run(demo_store, rotations.history, section, MONDAY, MONDAY + timedelta(days=4))
    # Five days of four 15-minute blocks, one at each station: 75 minutes a kind, 75 with the teacher.
    assert {r.minutes["teacher-led"] for r in rows} == {75}
    assert {r.minutes[rotations.WITH_TEACHER] for r in rows} == {75}
    # The next week's plan balances teacher time over the weeks before it.
    assert set(run(demo_store, rotations.teacher_minutes, section, next_monday).values()) == {75}


def test_solver_rules_from_stations_cap_group_size(demo_store, section):
    plan_id = plan_for(demo_store, section)
    laptops = run(demo_store, rotations.get_plan, plan_id).stations[1]
    run(demo_store, rotations.update_station, laptops.id, devices=8)
    run(demo_store, rotations.update_plan, plan_id, rules={"group_count": 5, "max_size": None})
    report = run(demo_store, rotations.build_groups, plan_id, MONDAY, "")
    assert len(report.groups) == 5 and all(len(g.member_ids) <= 8 for g in report.groups)


def test_the_aide_picker_shows_only_the_kind_of_each_accommodation(demo_store, section):
    kinds = run(demo_store, rotations.accommodation_kinds, section)
    people = {p.id for p in run(demo_store, roster.students_of, section)}
    expected = count(demo_store, "SELECT count(DISTINCT student_id) FROM accommodation WHERE NOT deleted AND "
                     f"student_id IN ({','.join(repr(p) for p in people)})")
    assert len(kinds) == expected > 0
    assert all(set(k) <= {"IEP", "504", "ELL", "Other"} for k in kinds.values())


def test_rebuilding_an_earlier_day_leaves_the_later_regroupings_alone(demo_store, section, competency):
    plan_id = plan_for(demo_store, section)
    run(demo_store, rotations.build_groups, plan_id, MONDAY, competency)
    run(demo_store, rotations.build_groups, plan_id, MONDAY + timedelta(days=1), competency)
    run(demo_store, rotations.build_groups, plan_id, MONDAY + timedelta(days=3), competency)
    run(demo_store, rotations.build_groups, plan_id, MONDAY, competency)  # Monday again
    for n in range(5):
        day = run(demo_store, rotations.day_plan, plan_id, MONDAY + timedelta(days=n))
        # Every group of the day has a station in every block: the slots belong to that day's groups.
        assert all(day.station_of(b.number, g.id) for g in day.groups for b in day.blocks), n


def test_a_regrouping_can_be_undone_bringing_back_the_groups_and_rotation(demo_store, section, competency):
    plan_id = plan_for(demo_store, section)
    first = run(demo_store, rotations.build_groups, plan_id, MONDAY, competency)
    wednesday = MONDAY + timedelta(days=2)
    before = run(demo_store, rotations.day_plan, plan_id, wednesday)
    again = run(demo_store, rotations.build_groups, plan_id, wednesday, "", "heterogeneous")
    assert {g.id for g in run(demo_store, rotations.groups_on, plan_id, wednesday)} == {g.id for g in again.groups}
    run(demo_store, rotations.undo_groups, plan_id, again.undo)
    after = run(demo_store, rotations.day_plan, plan_id, wednesday)
    assert [g.id for g in after.groups] == [g.id for g in first.groups]
    assert after.where == before.where
    plan = run(demo_store, rotations.get_plan, plan_id)
    assert plan.rules.get("mode") == "homogeneous" and plan.grouping_competency_id == competency
    # Undoing the first grouping leaves the plan with no groups at all.
    run(demo_store, rotations.undo_groups, plan_id, first.undo)
    assert run(demo_store, rotations.groups_on, plan_id, MONDAY) == []
    assert count(demo_store, "SELECT count(*) FROM rotation_slot WHERE NOT deleted") == 0
