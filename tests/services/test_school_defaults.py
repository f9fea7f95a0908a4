"""The school's mastery defaults given to new classes: only classes nobody has set up get them, one
scale a school when mastery starts at another level, and the app's own defaults change nothing."""

import pytest
from sqlalchemy import select

from plclassroom.domain import ProficiencyScale, SchoolClass
from plclassroom.domain.mastery import Method
from plclassroom.services import mastery
from plclassroom.services.school_defaults import MasteryDefaults, apply_to_new_classes, not_set_up
from tests.conftest import run


def classes(store) -> list[SchoolClass]:
    with store.unit_of_work() as uow:
        return list(uow.session.execute(select(SchoolClass).order_by(SchoolClass.title)).scalars())


def test_only_classes_not_set_up_get_the_defaults(demo_store):
    every = classes(demo_store)
    fresh = [c for c in every if not_set_up(c)]
    set_up = [c for c in every if not not_set_up(c)]
    assert fresh and set_up  # the demo's science classes have no settings; its math classes a scale
    run(demo_store, mastery.set_class_method, fresh[0].id, Method.HIGHEST, {"n": 3, "weight": 0.65})
    defaults = MasteryDefaults(method=Method.MEAN_LAST_N.value, n=4, weight=0.5, mastery_score=4.0)
    changed = run(demo_store, apply_to_new_classes, [c.id for c in every], defaults)
    assert sorted(changed) == sorted(c.id for c in fresh[1:])
    after = {c.id: c for c in classes(demo_store)}
    assert after[fresh[0].id].mastery_method == Method.HIGHEST  # chosen by the teacher: kept
    for class_id in changed:
        assert after[class_id].mastery_method == "mean_last_n"
        assert after[class_id].mastery_params == {"n": 4, "weight": 0.5}
        view = run(demo_store, mastery.class_mastery, class_id)
        assert view.method == Method.MEAN_LAST_N and view.scale.mastery_score == 4.0
    for section in set_up:
        assert after[section.id].proficiency_scale_id == section.proficiency_scale_id
    # One new scale for each school the new classes are in, not one a class.
    with demo_store.unit_of_work() as uow:
        made = uow.session.execute(select(ProficiencyScale).where(ProficiencyScale.name.like("%mastery from%"))).all()
    assert len(made) == len({after[c].school_id for c in changed})
    # Applied again: they are set up now, nothing changes.
    assert run(demo_store, apply_to_new_classes, [c.id for c in every], defaults) == []


def test_the_apps_own_defaults_change_nothing_and_unknown_methods_are_refused(demo_store):
    every = [c.id for c in classes(demo_store)]
    assert run(demo_store, apply_to_new_classes, every, MasteryDefaults()) == []
    with pytest.raises(ValueError):
        run(demo_store, apply_to_new_classes, every, MasteryDefaults(method="vibes"))
