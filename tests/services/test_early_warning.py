"""Early warning on the demo school: a class's flags, the school's thresholds, evidence and
playlists moving flags, and a grade team's flags across its classes."""

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import event

from plclassroom.domain import SchoolClass
from plclassroom.domain.early_warning import Rule, Thresholds
from plclassroom.services import demo, early_warning, groups, mastery, playlists, roster
from plclassroom.services.mastery import EvidenceEntry
from tests.conftest import count, run

TODAY = demo.DEMO_DAY  # the demo's evidence runs to the day before


@pytest.fixture
def section(demo_store):
    """The demo's first math class: (id, school id)."""
    with demo_store.unit_of_work() as uow:
        first = next(c for c in roster.list_classes(uow) if c.title.startswith("Math"))
        return first.id, uow.get(SchoolClass, first.id).school_id


def class_ids(store, class_id):
    return {s.id for s in run(store, roster.list_students, class_id)}



def test_class_flags_are_about_the_class_students_and_say_why(demo_store, section):
    class_id, _school = section
    flags = run(demo_store, early_warning.class_flags, class_id, TODAY)  # the school's defaults
    students = class_ids(demo_store, class_id)
    assert flags and {f.student_id for f in flags} <= students
    rules = Counter(f.rule for f in flags)
    assert {Rule.NO_EVIDENCE, Rule.FALLING, Rule.FOLLOW_UP_OVERDUE, Rule.NOT_MET, Rule.READY} <= set(rules)
    view = run(demo_store, mastery.class_mastery, class_id)
    codes = {c.id: mastery.short_code(c.code) for c in view.competencies}
    for flag in flags:
        if flag.rule in (Rule.NO_EVIDENCE, Rule.FALLING, Rule.READY):
            assert flag.subject == codes[flag.subject_id]
        if flag.rule == Rule.NOT_MET:
            assert flag.facts["days"] > 21 and flag.facts["n"] == 21
        if flag.rule == Rule.FALLING:
            history = run(demo_store, mastery.student_history, class_id, flag.student_id, flag.subject_id)
            newest = [p.evidence_id for p in history][-3:]
            assert flag.evidence_ids == tuple(reversed(newest))
            assert flag.facts["scores"] == [p.score for p in history][-3:]
    keys = [f.key for f in flags]
    assert len(keys) == len(set(keys))
    order = {sid: n for n, sid in enumerate(s.id for s in run(demo_store, roster.list_students, class_id))}
    assert [order[f.student_id] for f in flags] == sorted(order[f.student_id] for f in flags)


def test_class_flags_take_a_handful_of_queries(demo_store, section):
    class_id, _school = section
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(demo_store.engine, "before_cursor_execute", listener)
    try:
        run(demo_store, early_warning.class_flags, class_id, TODAY)
    finally:
        event.remove(demo_store.engine, "before_cursor_execute", listener)
    assert len(statements) <= 16, statements  # not one per student (there are 30)


def test_thresholds_are_the_schools_setting(demo_store, section):
    class_id, school_id = section
    assert run(demo_store, early_warning.thresholds, school_id) == Thresholds()
    before = Counter(f.rule for f in run(demo_store, early_warning.class_flags, class_id, TODAY))
    assert before[Rule.NOT_MET] and before[Rule.NO_EVIDENCE]  # the current unit: a few missed it

    # Evidence only counts as "being assessed" within a day: few have any from the day before.
    run(demo_store, early_warning.set_thresholds, school_id, Thresholds(no_evidence_days=1, advisor_days=365))
    assert run(demo_store, early_warning.thresholds, school_id).advisor_days == 365
    after = Counter(f.rule for f in run(demo_store, early_warning.class_flags, class_id, TODAY))
    assert after[Rule.NO_EVIDENCE] == 0 and after[Rule.NOT_MET] == 0
    assert after[Rule.FOLLOW_UP_OVERDUE] == before[Rule.FOLLOW_UP_OVERDUE]

    # A long window: every unit taught so far is "being assessed"; only a student with none at all
    # on one would be flagged, and each has some on every unit.
    run(demo_store, early_warning.set_thresholds, school_id, Thresholds(no_evidence_days=3650))
    flags = run(demo_store, early_warning.class_flags, class_id, TODAY)
    assert not [f for f in flags if f.rule == Rule.NO_EVIDENCE]
    assert count(demo_store, "SELECT count(*) FROM school_setting WHERE school_id = ? AND key = 'early_warning'",
                 school_id) == 1
    with pytest.raises(early_warning.EarlyWarningError):
        run(demo_store, early_warning.set_thresholds, school_id, Thresholds(falling_pieces=1))


def test_recording_evidence_clears_a_no_evidence_flag(demo_store, section):
    class_id, _school = section
    flags = run(demo_store, early_warning.class_flags, class_id, TODAY)
    flag = next(f for f in flags if f.rule == Rule.NO_EVIDENCE)
    [piece] = run(demo_store, mastery.record_evidence, class_id,
                  [EvidenceEntry(flag.student_id, flag.subject_id, 2.0, TODAY)])
    again = run(demo_store, early_warning.class_flags, class_id, TODAY)
    assert flag.key not in {f.key for f in again}
    assert len([f for f in again if f.rule == Rule.NO_EVIDENCE]) == len(
        [f for f in flags if f.rule == Rule.NO_EVIDENCE]) - 1
    # Corrected to a day long ago, the piece no longer counts as recent: the flag is back.
    run(demo_store, mastery.correct_evidence, piece, observed_on=date(2026, 9, 1))
    back = run(demo_store, early_warning.class_flags, class_id, TODAY)
    assert flag.key in {f.key for f in back}


def test_correcting_the_last_score_clears_mastery_falling(demo_store, section):
    class_id, _school = section
    flags = run(demo_store, early_warning.class_flags, class_id, TODAY)
    flag = next(f for f in flags if f.rule == Rule.FALLING)
    run(demo_store, mastery.correct_evidence, flag.evidence_ids[0], score=4.0)
    assert flag.key not in {f.key for f in run(demo_store, early_warning.class_flags, class_id, TODAY)}


def test_a_playlist_behind_pace(demo_store, section):
    class_id, _school = section
    students = [s.id for s in run(demo_store, roster.list_students, class_id)]
    competency = run(demo_store, mastery.class_mastery, class_id).competencies[0].id
    pid = run(demo_store, playlists.create_playlist, "Unit rates", class_id, None, [competency])
    items = [run(demo_store, playlists.add_item, pid, f"Practice {n}") for n in range(10)]
    run(demo_store, playlists.add_item, pid, "Extension", required=False)
    [assignment] = run(demo_store, playlists.assign, pid, class_id, start_date=date(2026, 11, 13),
                       due_date=date(2026, 12, 3))
    # 10 of 20 days: 5 of 10 expected; behind under 3. Student 0 did 3 (two submitted), student 1 did 2.
    run(demo_store, playlists.set_progress, assignment, items[0], students[:2], "done")
    run(demo_store, playlists.set_progress, assignment, items[1], students[:2], "submitted")
    run(demo_store, playlists.set_progress, assignment, items[2], students[:1], "done")
    run(demo_store, playlists.set_progress, assignment, items[3], students[:1], "working")
    behind = {f.student_id: f for f in run(demo_store, early_warning.class_flags, class_id, TODAY)
              if f.rule == Rule.BEHIND_PACE}
    assert set(behind) == set(students[1:])
    assert behind[students[1]].facts | {"start_from": None} == {
        "done": 2, "expected": 5.0, "total": 10, "start": "2026-11-13", "due": "2026-12-03", "margin": 0.2,
        "behind": 3.0, "elapsed_days": 10, "span_days": 20, "past_due": False, "start_from": None}
    assert behind[students[1]].subject == "Unit rates" and behind[students[1]].subject_id == assignment

    # A group's assignment reaches its members only.
    group = run(demo_store, groups.create_group, class_id, "Table 1", students[:3])
    other = run(demo_store, playlists.create_playlist, "Percents", class_id)
    run(demo_store, playlists.add_item, other, "Read")
    [for_group] = run(demo_store, playlists.assign, other, class_id, group_id=group, start_date=date(2026, 11, 1),
                      due_date=date(2026, 11, 20))
    reached = {f.student_id for f in run(demo_store, early_warning.class_flags, class_id, TODAY)
               if f.subject_id == for_group}
    assert reached == set(students[:3])


def test_team_flags_cover_the_grade_across_classes(demo_store, section):
    class_id, school_id = section
    team = run(demo_store, early_warning.team_flags, school_id, "06", TODAY)
    with demo_store.unit_of_work() as uow:
        sections = [c.id for c in roster.list_classes(uow) if uow.get(SchoolClass, c.id).school_id == school_id]
    rosters = {cid: class_ids(demo_store, cid) for cid in sections}
    assert len(sections) == 4
    flagged = {f.student_id for f in team}
    assert sum(1 for members in rosters.values() if flagged & members) == 4
    assert flagged <= set().union(*rosters.values())
    keys = [f.key for f in team]
    assert len(keys) == len(set(keys))
    union = {f.key for cid in sections for f in run(demo_store, early_warning.class_flags, cid, TODAY)}
    assert set(keys) == union
    assert run(demo_store, early_warning.team_flags, school_id, "07", TODAY) == []


def test_an_unknown_class(demo_store):
    with pytest.raises(early_warning.EarlyWarningError):
        run(demo_store, early_warning.class_flags, "no-such-class", TODAY)
