"""Class mastery on the demo school: levels, overrides, corrections, history, method preview."""

from datetime import date

import pytest

from plclassroom.domain.mastery import Method
from plclassroom.services import mastery, roster
from plclassroom.services.mastery import EvidenceEntry
from tests.conftest import count, run


@pytest.fixture
def math_class(demo_store):
    with demo_store.unit_of_work() as uow:
        return next(c for c in roster.list_classes(uow) if c.title.startswith("Math"))



def test_the_heatmap_data_for_a_demo_class(demo_store, math_class):
    view = run(demo_store, mastery.class_mastery, math_class.id)
    assert len(view.students) == math_class.students == 30
    # The grade-6 leaves of the 6.RP tree, in tree order, grouped under their parents.
    assert [c.code.rsplit(".", 1)[-1] for c in view.competencies] == ["1", "2", "3a", "3b", "3c", "3d"]
    assert view.competencies[2].group == "CCSS.Math.Content.6.RP.A.3"
    assert view.method == Method.DECAYING_AVERAGE and view.scale.mastery_score == 3.0
    assert len(view.cells) > 60
    cell = next(iter(view.cells.values()))
    assert cell.level is not None and cell.evidence_count >= 2 and not cell.overridden
    total = sum(sum(view.counts(c.id).values()) for c in view.competencies)
    assert total == len(view.students) * len(view.competencies)


def test_who_needs_what_lists_students_below_mastery_lowest_first(demo_store, math_class):
    view = run(demo_store, mastery.class_mastery, math_class.id)
    competency = view.competencies[0]
    needs = view.needs(competency.id)
    scores = [view.cell(s.id, competency.id).score for s in needs if view.cell(s.id, competency.id)]
    assert scores == sorted(scores) and all(score < 3.0 for score in scores)
    assert len(needs) + sum(1 for s in view.students if view.mastered(view.cell(s.id, competency.id))) == 30


def test_recording_evidence_moves_the_level_and_is_all_or_nothing(demo_store, math_class):
    view = run(demo_store, mastery.class_mastery, math_class.id)
    student, competency = view.students[0], view.competencies[0]
    before = count(demo_store, "SELECT count(*) FROM evidence")
    run(demo_store, mastery.record_evidence, math_class.id,
        [EvidenceEntry(student.id, competency.id, 4, date(2026, 11, 23), "quiz")] * 3)
    after = run(demo_store, mastery.class_mastery, math_class.id)
    assert after.cell(student.id, competency.id).score > 3.5
    with pytest.raises(mastery.MasteryError, match="not on the 4-point scale"):
        run(demo_store, mastery.record_evidence, math_class.id,
            [EvidenceEntry(student.id, competency.id, 3, date(2026, 11, 23)),
             EvidenceEntry(student.id, competency.id, 7, date(2026, 11, 23))])
    assert count(demo_store, "SELECT count(*) FROM evidence") == before + 3


def test_an_override_wins_until_newer_evidence_arrives(demo_store, math_class):
    view = run(demo_store, mastery.class_mastery, math_class.id)
    (student_id, competency_id), cell = next(iter(view.cells.items()))
    with pytest.raises(mastery.MasteryError, match="Say why"):
        run(demo_store, mastery.set_override, math_class.id, student_id, competency_id, 4, " ")
    run(demo_store, mastery.set_override, math_class.id, student_id, competency_id, 4, "Showed it in the project")
    overridden = run(demo_store, mastery.class_mastery, math_class.id).cell(student_id, competency_id)
    assert overridden.overridden and overridden.score == 4 and overridden.override.reason == "Showed it in the project"
    assert overridden.result.score == cell.result.score  # the calculation is still there to show
    run(demo_store, mastery.record_evidence, math_class.id,
        [EvidenceEntry(student_id, competency_id, 1, date(2026, 11, 23))])
    lapsed = run(demo_store, mastery.class_mastery, math_class.id).cell(student_id, competency_id)
    assert not lapsed.overridden and lapsed.score < 4


def test_a_correction_keeps_the_old_version_and_counts_once(demo_store, math_class):
    view = run(demo_store, mastery.class_mastery, math_class.id)
    (student_id, competency_id), cell = next(iter(view.cells.items()))
    history = run(demo_store, mastery.student_history, math_class.id, student_id, competency_id)
    assert len(history) == cell.evidence_count
    first = history[0]
    new_id = run(demo_store, mastery.correct_evidence, first.evidence_id, score=4.0, note="regraded")
    again = run(demo_store, mastery.student_history, math_class.id, student_id, competency_id)
    assert len(again) == len(history)
    corrected = next(p for p in again if p.evidence_id == new_id)
    assert corrected.score == 4.0 and corrected.corrected == [first.score] and corrected.note == "regraded"
    assert count(demo_store, "SELECT count(*) FROM evidence WHERE id = ?", first.evidence_id) == 1
    with pytest.raises(mastery.MasteryError, match="already corrected"):
        run(demo_store, mastery.correct_evidence, first.evidence_id, score=3.0)


def test_as_of_shows_the_heatmap_as_it_stood(demo_store, math_class):
    early = run(demo_store, mastery.class_mastery, math_class.id, as_of=date(2026, 9, 10))
    now = run(demo_store, mastery.class_mastery, math_class.id)
    assert sum(c.evidence_count for c in early.cells.values()) < sum(c.evidence_count for c in now.cells.values())


def test_every_method_side_by_side(demo_store, math_class):
    compared = run(demo_store, mastery.compare_methods, math_class.id)
    assert set(compared) == set(Method)
    keys = list(compared[Method.MEAN].cells)
    assert all(compared[Method.HIGHEST].cells[k].score >= compared[Method.MEAN].cells[k].score for k in keys)
    assert any(len({view.cells[k].score for view in compared.values()}) > 1 for k in keys)


def test_changing_the_class_method(demo_store, math_class):
    run(demo_store, mastery.set_class_method, math_class.id, "highest")
    assert run(demo_store, mastery.class_mastery, math_class.id).method == Method.HIGHEST
    with pytest.raises(ValueError):
        run(demo_store, mastery.set_class_method, math_class.id, "astrology")


def test_a_class_gets_its_own_scale_with_grades_and_others_keep_theirs(demo_store, math_class):
    from plclassroom.services.mastery import Level

    with demo_store.unit_of_work() as uow:
        other = next(c for c in roster.list_classes(uow) if c.title.startswith("Math") and c.id != math_class.id)
    levels = [Level(3, 2.0, "Got it", "#009E73"), Level(2, 1.0, "Getting there", "#F0E442"),
              Level(1, 0.0, "Not yet", "#E69F00")]
    with pytest.raises(mastery.MasteryError, match="Mastery must be one of"):
        run(demo_store, mastery.set_class_scale, math_class.id, "Three steps", 2.5, levels)
    with pytest.raises(mastery.MasteryError, match="own label"):
        run(demo_store, mastery.set_class_scale, math_class.id, "x", 3, levels[:2] + [Level(1, 0, "Got it", "#000")])
    run(demo_store, mastery.set_class_scale, math_class.id, "Three steps", 3, levels, [(2.0, "A"), (1.0, "B"), (0, "C")])
    view = run(demo_store, mastery.class_mastery, math_class.id)
    assert view.scale.name == "Three steps" and [lv.label for lv in view.scale.levels] == ["Got it", "Getting there",
                                                                                          "Not yet"]
    assert view.scale.grade_for(2.4) == "A" and view.scale.grade_for(1.2) == "B" and view.scale.grade_for(0.1) == "C"
    assert all(c.level.label in {"Got it", "Getting there", "Not yet"} for c in view.cells.values())
    assert run(demo_store, mastery.class_mastery, other.id).scale.name == "4-point scale"
