"""What to learn next, on the demo school (its math classes use the 6.RP framework, where
6.RP.A.1 precedes 6.RP.A.2)."""

from datetime import date

import pytest

from plclassroom.domain import (
    Competency,
    CompetencyAssociation,
    Playlist,
    PlaylistCompetency,
    SchoolClass,
)
from plclassroom.services import mastery, roster
from plclassroom.services.mastery import EvidenceEntry, short_code
from plclassroom.services.paths import framework_paths, suggest_next
from tests.conftest import run

LATER = date(2026, 12, 1)  # after all the demo's evidence: the newest pieces


@pytest.fixture
def math_class(demo_store):
    with demo_store.unit_of_work() as uow:
        return next(c for c in roster.list_classes(uow) if c.title.startswith("Math"))



def columns(view) -> dict[str, str]:
    """short code -> competency id"""
    return {short_code(c.code): c.id for c in view.competencies}


def not_mastered(view, *codes):
    """A student who has mastered none of these competencies."""
    ids = [columns(view)[code] for code in codes]
    return next(s for s in view.students if not any(view.mastered(view.cell(s.id, c)) for c in ids))


def suggestion(found, code):
    return next(s for s in found if s.code == code)


def test_mastering_the_prerequisite_makes_the_next_standard_ready(demo_store, math_class):
    view = run(demo_store, mastery.class_mastery, math_class.id)
    ids = columns(view)
    pupil = not_mastered(view, "6.RP.A.1", "6.RP.A.2")
    before = run(demo_store, suggest_next, math_class.id, pupil.id, limit=None)
    assert list(before) == [pupil.id]
    step = suggestion(before[pupil.id], "6.RP.A.2")
    assert not step.ready
    cell = view.cell(pupil.id, ids["6.RP.A.1"])
    level = cell.level.label if cell else "no evidence yet"
    assert step.why.startswith(f"not yet: needs 6.RP.A.1 ({level})")
    assert suggestion(before[pupil.id], "6.RP.A.1").ready
    # Ready ones come first; 6.RP.A.2 (blocked) comes after every ready one.
    flags = [s.ready for s in before[pupil.id]]
    assert flags == sorted(flags, reverse=True)

    run(demo_store, mastery.record_evidence, math_class.id,
        [EvidenceEntry(pupil.id, ids["6.RP.A.1"], 4, LATER, "quiz")] * 3)
    after = run(demo_store, suggest_next, math_class.id, pupil.id, limit=None)[pupil.id]
    assert "6.RP.A.1" not in {s.code for s in after}
    step = suggestion(after, "6.RP.A.2")
    assert step.ready
    assert step.why.startswith("ready: its prerequisite 6.RP.A.1 is mastered")
    assert [(p.code, p.state.value) for p in step.prerequisites] == [("6.RP.A.1", "mastered")]
    assert len(run(demo_store, suggest_next, math_class.id, pupil.id)[pupil.id]) <= 3


def test_every_student_of_the_class_gets_suggestions(demo_store, math_class):
    found = run(demo_store, suggest_next, math_class.id)
    assert len(found) == math_class.students == 30
    assert all(len(s) <= 3 for s in found.values())
    assert any(s and s[0].ready for s in found.values())
    with pytest.raises(mastery.MasteryError, match="not in this class"):
        run(demo_store, suggest_next, math_class.id, "nobody")


def test_suggestions_name_the_active_playlists_that_target_them(demo_store, math_class):
    view = run(demo_store, mastery.class_mastery, math_class.id)
    ids = columns(view)
    pupil = not_mastered(view, "6.RP.A.1")
    with demo_store.unit_of_work() as uow:
        other = next(c for c in roster.list_classes(uow) if c.title.startswith("Math") and c.id != math_class.id)
        for title, class_id, status in [("Ratio language", math_class.id, "active"),
                                        ("Ratios everywhere", None, "active"),
                                        ("Ratio drafts", math_class.id, "draft"),
                                        ("Another class's ratios", other.id, "active")]:
            playlist = uow.add(Playlist(title=title, class_id=class_id, status=status))
            uow.add(PlaylistCompetency(playlist_id=playlist.id, competency_id=ids["6.RP.A.1"]))
        uow.commit()
    found = run(demo_store, suggest_next, math_class.id, pupil.id, limit=None)[pupil.id]
    first = suggestion(found, "6.RP.A.1")
    assert first.playlists == ("Ratio language", "Ratios everywhere")
    assert first.playlist_text == "active playlists: “Ratio language” and “Ratios everywhere”"
    untargeted = suggestion(found, "6.RP.A.3d")
    assert untargeted.playlists == () and untargeted.playlist_text == "no active playlist targets it yet"


@pytest.fixture
def grade5_prerequisite(demo_store, math_class):
    """A grade-5 standard, outside the class's columns, that precedes 6.RP.A.3a."""
    with demo_store.unit_of_work() as uow:
        section = uow.get(SchoolClass, math_class.id)
        target = next(c for c in uow.session.query(Competency).filter_by(framework_id=section.framework_id)
                      if c.code.endswith("6.RP.A.3a"))
        grade5 = uow.add(Competency(framework_id=section.framework_id, case_identifier="grade-5-nf-b-3",
                                    code="CCSS.Math.Content.5.NF.B.3", statement="Fractions as division",
                                    education_level="05", sequence=99))
        uow.add(CompetencyAssociation(framework_id=section.framework_id, kind="precedes",
                                      origin_identifier="grade-5-nf-b-3",
                                      destination_identifier=target.case_identifier))
        uow.commit()
        return grade5.id


def test_a_lower_grade_prerequisite_counts_through_its_evidence(demo_store, math_class, grade5_prerequisite):
    view = run(demo_store, mastery.class_mastery, math_class.id)
    assert grade5_prerequisite not in {c.id for c in view.competencies}  # a grade-6 class shows grade 6
    pupil = not_mastered(view, "6.RP.A.3a")

    def why():
        return suggestion(run(demo_store, suggest_next, math_class.id, pupil.id, limit=None)[pupil.id],
                          "6.RP.A.3a")

    unknown = why()  # no evidence anywhere: unknown, which does not block
    assert unknown.ready and unknown.prerequisites[0].state.value == "unknown"
    assert unknown.why.startswith("ready as far as this class shows; check its prerequisite 5.NF.B.3")

    run(demo_store, mastery.record_evidence, math_class.id,
        [EvidenceEntry(pupil.id, grade5_prerequisite, 1, LATER)] * 2)
    blocked = why()
    assert not blocked.ready and blocked.why == "not yet: needs 5.NF.B.3 (Beginning)"

    run(demo_store, mastery.record_evidence, math_class.id,
        [EvidenceEntry(pupil.id, grade5_prerequisite, 4, date(2026, 12, 2))] * 4)
    ready = why()
    assert ready.ready and ready.why.startswith("ready: its prerequisite 5.NF.B.3 is mastered")


def test_the_framework_graph_from_the_store(demo_store, math_class):
    with demo_store.unit_of_work() as uow:
        graph = framework_paths(uow, uow.get(SchoolClass, math_class.id).framework_id)
    linked = {graph.label(n): [graph.label(p) for p in graph.prerequisites(n)] for n in graph.order
              if graph.prerequisites(n)}
    assert linked == {"6.RP.A.2": ["6.RP.A.1"], "7.RP.A.3": ["6.RP.A.3"], "7.RP.A.1": ["6.RP.A.2"]}
    assert graph.cycles == [] and graph.outside == []


def test_a_class_without_a_framework_gets_no_suggestions(demo_store):
    with demo_store.unit_of_work() as uow:
        science = next(c for c in roster.list_classes(uow) if c.title.startswith("Science"))
    found = run(demo_store, suggest_next, science.id)
    assert found and all(s == [] for s in found.values())
