"""Personal learning plans: every revision kept, reviews at the school's interval, flags in the caseload."""

from datetime import date

import pytest

from plclassroom.services import conferences, learning_plans
from tests.conftest import run


@pytest.fixture
def people(demo_store):
    advisor = run(demo_store, conferences.advisors)[0][0]
    student = run(demo_store, conferences.caseload, advisor)[0].student_id
    return advisor, student


def test_every_change_is_kept_with_who_and_when(demo_store, people):
    advisor, student = people
    run(demo_store, learning_plans.update_part, student, "core_values", "Kindness, effort", advisor)
    run(demo_store, learning_plans.update_part, student, "core_values", "Kindness, effort, honesty", None)
    run(demo_store, learning_plans.update_part, student, "core_values", "Kindness, effort, honesty", None)  # same
    history = run(demo_store, learning_plans.revisions, student)
    assert [(r.part, r.old, r.new) for r in history] == [
        ("Core values", "Kindness, effort", "Kindness, effort, honesty"), ("Core values", "", "Kindness, effort")]
    assert history[1].by != "someone on this laptop" and history[0].by == "someone on this laptop"
    assert run(demo_store, learning_plans.plan_for, student).core_values == "Kindness, effort, honesty"
    with pytest.raises(learning_plans.PlanError):
        run(demo_store, learning_plans.update_part, student, "grades", "A")


def test_reviews_at_the_schools_interval_show_in_the_caseload(demo_store, people):
    advisor, student = people
    assert run(demo_store, learning_plans.mark_reviewed, student, date(2026, 9, 1), 10) == date(2026, 11, 10)
    row = next(r for r in run(demo_store, conferences.caseload, advisor, today=date(2026, 11, 24))
               if r.student_id == student)
    assert any("learning plan review due 2026-11-10" in flag for flag in row.flags)
    run(demo_store, learning_plans.mark_reviewed, student, date(2026, 11, 20))
    row = next(r for r in run(demo_store, conferences.caseload, advisor, today=date(2026, 11, 24))
               if r.student_id == student)
    assert not any("learning plan" in flag for flag in row.flags)
    with pytest.raises(learning_plans.PlanError, match="1 to 52 weeks"):
        run(demo_store, learning_plans.mark_reviewed, student, None, 0)
