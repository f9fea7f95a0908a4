import json
import sqlite3

import pytest

from plclassroom.domain import Accommodation, Goal
from plclassroom.services import profiles, roster
from tests.conftest import count


@pytest.fixture
def student_id(demo_store):
    with demo_store.unit_of_work() as uow:
        first_class = roster.list_classes(uow)[0]
        return roster.list_students(uow, first_class.id)[0].id


def call(store, fn, *args, **kwargs):
    with store.unit_of_work() as uow:
        return fn(uow, *args, **kwargs)


def test_a_profile_reads_whole(demo_store, student_id):
    view = call(demo_store, profiles.get_profile, student_id)
    assert view.name and view.grade == "06"
    assert set(view.fields) == {"strengths", "needs", "interests", "aspirations", "learning_preferences",
                                "languages", "notes"}
    assert view.fields["strengths"]
    assert view.goals and all(goal["statement"] for goal in view.goals)


def test_editing_a_field_returns_the_old_value_and_queues_the_change(demo_store, student_id):
    before = call(demo_store, profiles.get_profile, student_id).fields["interests"]
    old = call(demo_store, profiles.update_profile_field, student_id, "interests", "chess club")
    assert old == before
    assert call(demo_store, profiles.get_profile, student_id).fields["interests"] == "chess club"
    [(table, fields)] = sqlite3.connect(demo_store.path).execute("SELECT table_name, fields FROM sync_outbox")
    assert table == "learner_profile" and json.loads(fields) == {"interests": "chess club"}


def test_an_unknown_field_is_refused(demo_store, student_id):
    with pytest.raises(profiles.ProfileError):
        call(demo_store, profiles.update_profile_field, student_id, "hlc", "1")


def test_goals_add_edit_remove_and_come_back(demo_store, student_id):
    goal_id = call(demo_store, profiles.add_goal, student_id, "I will read 20 minutes a day")
    assert call(demo_store, profiles.update_row, Goal, goal_id, "target_date", "2027-03-01") is None
    assert call(demo_store, profiles.update_row, Goal, goal_id, "status", "met") == "active"
    call(demo_store, profiles.remove_row, Goal, goal_id)
    assert goal_id not in [g["id"] for g in call(demo_store, profiles.get_profile, student_id).goals]
    call(demo_store, profiles.add_goal, student_id, row_id=goal_id)
    [goal] = [g for g in call(demo_store, profiles.get_profile, student_id).goals if g["id"] == goal_id]
    assert (goal["statement"], str(goal["target_date"]), goal["status"]) == (
        "I will read 20 minutes a day", "2027-03-01", "met")


@pytest.mark.parametrize("field, value, message", [
    ("status", "finished", "Status must be one of"),
    ("target_date", "next Friday", "write it as YYYY-MM-DD"),
    ("author_id", "x", "cannot be edited"),
])
def test_bad_goal_values_are_refused_and_change_nothing(demo_store, student_id, field, value, message):
    goal_id = call(demo_store, profiles.get_profile, student_id).goals[0]["id"]
    queued = count(demo_store, "SELECT count(*) FROM sync_outbox")
    with pytest.raises(profiles.ProfileError, match=message):
        call(demo_store, profiles.update_row, Goal, goal_id, field, value)
    assert count(demo_store, "SELECT count(*) FROM sync_outbox") == queued


def test_accommodations_are_sensitive_by_default(demo_store, student_id):
    row_id = call(demo_store, profiles.add_accommodation, student_id, "IEP")
    call(demo_store, profiles.update_row, Accommodation, row_id, "description", "Extended time")
    [added] = [a for a in call(demo_store, profiles.get_profile, student_id).accommodations if a["id"] == row_id]
    assert added == {"id": row_id, "kind": "IEP", "description": "Extended time", "sensitive": True}
