"""Learning paths on hand-made graphs and on the real OpenSALT 6.RP sample."""

from dataclasses import replace
from pathlib import Path

from plclassroom.domain.paths import PathCompetency, PathGraph, State, StudentMastery
from plclassroom.interop.case import read_case_file

SAMPLE = Path("/work/shared/samples/case/opensalt-ccss-math-6rp.json")


def flat(*codes: str, parent: str | None = None) -> list[PathCompetency]:
    """Competencies whose id, CASE identifier and code are all the code (easy to read in asserts)."""
    return [PathCompetency(code, code, parent, n, code) for n, code in enumerate(codes)]


def by_code(suggestions) -> dict:
    return {s.code: s for s in suggestions}


def student(mastered=(), levels=None):
    levels = dict(levels or {})
    levels.update({code: "Proficient" for code in mastered})
    return StudentMastery(set(mastered), set(levels), levels)


# -- chain ---------------------------------------------------------------------------------------


def test_a_chain_opens_one_step_at_a_time():
    graph = PathGraph(flat("A", "B", "C"), [("A", "B"), ("B", "C")])
    assert graph.prerequisites("B") == ("A",) and graph.prerequisites("C") == ("B",)
    assert graph.cycles == [] and graph.outside == []

    nothing = graph.suggest(student())
    assert [(s.code, s.ready) for s in nothing] == [("A", True), ("B", False), ("C", False)]
    assert nothing[0].why == "ready: it has no prerequisites in the framework"
    assert nothing[1].why == "not yet: needs A (no evidence yet)"

    after_a = by_code(graph.suggest(student(["A"])))
    assert "A" not in after_a
    assert after_a["B"].ready and after_a["B"].why == "ready: its prerequisite A is mastered"
    assert not after_a["C"].ready and after_a["C"].why == "not yet: needs B (no evidence yet)"
    assert [(p.code, p.state) for p in after_a["B"].prerequisites] == [("A", State.MASTERED)]


def test_the_reason_names_the_level_the_prerequisite_is_at():
    graph = PathGraph(flat("A", "B"), [("A", "B")])
    found = by_code(graph.suggest(student(levels={"A": "Developing"})))
    assert found["B"].why == "not yet: needs A (Developing)"
    assert [p.detail for p in found["B"].missing] == ["Developing"]
    # A was started: it is ready and says so.
    assert found["A"].ready and found["A"].started
    assert found["A"].why == "ready: it has no prerequisites in the framework; already started (Developing)"


# -- diamond -------------------------------------------------------------------------------------


def test_a_diamond_needs_both_branches():
    graph = PathGraph(flat("A", "B", "C", "D"), [("A", "B"), ("A", "C"), ("B", "D"), ("C", "D")])
    assert graph.prerequisites("D") == ("B", "C")

    half = by_code(graph.suggest(student(["A", "B"], levels={"C": "Developing"})))
    assert not half["D"].ready
    assert half["D"].why == "not yet: needs C (Developing); B is mastered"
    assert half["C"].ready and half["C"].started

    both = by_code(graph.suggest(student(["A", "B", "C"])))
    assert list(both) == ["D"]
    assert both["D"].ready and both["D"].why == "ready: its prerequisites B and C are mastered"


def test_not_ready_ones_rank_by_how_much_is_missing():
    graph = PathGraph(flat("A", "B", "C", "D"), [("A", "D"), ("B", "D"), ("C", "B")])
    ranked = graph.suggest(student())
    # Ready first (A, C in framework order), then B (1 missing) before D (2 missing).
    assert [(s.code, s.ready) for s in ranked] == [("A", True), ("C", True), ("B", False), ("D", False)]
    assert ranked[3].why == "not yet: needs A (no evidence yet) and B (no evidence yet)"


# -- cycles --------------------------------------------------------------------------------------


def test_a_cycle_is_reported_and_ignored_not_looped():
    graph = PathGraph(flat("A", "B", "C", "D", "E"),
                      [("A", "B"), ("B", "C"), ("C", "A"), ("A", "D"), ("E", "E")])
    assert graph.cycles == [("A", "B", "C"), ("E",)]
    assert graph.describe_cycles() == [
        "A, B and C go round in a circle of precedes links; those links are ignored",
        "E precedes itself; that link is ignored",
    ]
    # The circular links are dropped; the one leaving the circle still counts.
    assert graph.prerequisites("A") == () and graph.prerequisites("B") == ()
    assert graph.prerequisites("D") == ("A",) and graph.prerequisites("E") == ()

    found = by_code(graph.suggest(student()))
    assert all(found[code].ready for code in "ABCE") and not found["D"].ready
    assert found["B"].why == ("ready: it has no prerequisites in the framework; "
                              "its circular link with A is ignored")
    assert found["E"].why.endswith("its circular link with itself is ignored")
    assert found["D"].why == "not yet: needs A (no evidence yet)"


def test_a_cluster_preceding_its_own_part_is_a_cycle():
    nodes = flat("P") + flat("P1", "P2", parent="P")
    graph = PathGraph(nodes, [("P", "P1")])
    assert graph.cycles == [("P", "P1")]
    assert graph.prerequisites("P1") == ()
    assert all(s.ready for s in graph.suggest(student()))


def test_a_tree_with_a_parent_loop_still_answers():
    nodes = [PathCompetency("X", "X", "Y", 0, "X"), PathCompetency("Y", "Y", "X", 1, "Y"),
             PathCompetency("Z", "Z", None, 2, "Z")]
    graph = PathGraph(nodes, [("Z", "X")])
    assert set(graph.order) == {"X", "Y", "Z"}
    assert graph.prerequisites("X") == ("Z",)
    assert {s.code for s in graph.suggest(student(["Z"]))} == {"X", "Y"}


# -- the tree ------------------------------------------------------------------------------------


def tree():
    """Cluster P (parts P1, P2) precedes cluster Q (Q1, and standard Q2 with components Q2a, Q2b)."""
    return (flat("P", "Q") + flat("P1", "P2", parent="P") + flat("Q1", "Q2", parent="Q")
            + flat("Q2a", "Q2b", parent="Q2"))


def test_a_link_to_a_cluster_applies_to_all_its_parts():
    graph = PathGraph(tree(), [("P", "Q")])
    assert graph.leaves() == ["P1", "P2", "Q1", "Q2a", "Q2b"]
    assert graph.parts("P") == ("P1", "P2")
    assert all(graph.prerequisites(part) == ("P",) for part in ("Q", "Q1", "Q2", "Q2a", "Q2b"))

    # Siblings never block each other: P2 is ready though P1 is not mastered.
    some = by_code(graph.suggest(student(["P1"])))
    assert some["P2"].ready
    assert not some["Q2a"].ready and some["Q2a"].why == "not yet: needs P (1 of 2 parts mastered)"

    # A cluster counts as mastered when all its parts are.
    done = by_code(graph.suggest(student(["P1", "P2"])))
    assert set(done) == {"Q1", "Q2a", "Q2b"} and all(s.ready for s in done.values())
    assert done["Q1"].why == "ready: its prerequisite P is mastered"


def test_a_part_preceding_its_cluster_orders_work_inside_it():
    graph = PathGraph(tree(), [("Q1", "Q"), ("Q2a", "Q2b")])
    # Q1 before the rest of Q is not pushed down onto Q1 itself (that would be a circle).
    assert graph.prerequisites("Q1") == () and graph.prerequisites("Q2b") == ("Q2a",)
    assert graph.cycles == []


def test_prefers_ready_work_already_started_then_framework_order():
    graph = PathGraph(tree(), [("P", "Q")])
    ranked = graph.suggest(student(levels={"P2": "Beginning"}), limit=3)
    assert [s.code for s in ranked] == ["P2", "P1", "Q1"]
    assert [s.ready for s in ranked] == [True, True, False]


def test_nothing_mastered_and_all_mastered():
    graph = PathGraph(tree(), [("P", "Q")])
    first = graph.suggest(student())
    assert [s.code for s in first if s.ready] == ["P1", "P2"]
    assert [s.code for s in first if not s.ready] == ["Q1", "Q2a", "Q2b"]
    assert graph.suggest(student(graph.leaves())) == []
    assert graph.suggest_all({"s1": student(), "s2": student(graph.leaves())}, limit=1) == {
        "s1": first[:1], "s2": []}


def test_a_prerequisite_the_class_does_not_assess_is_unknown_not_blocking():
    graph = PathGraph(flat("G5", "A", "B"), [("G5", "A"), ("A", "B")])
    assessed = {"A", "B"}
    found = by_code(graph.suggest(student(), candidates=["A", "B"], assessed=assessed))
    assert set(found) == {"A", "B"}
    assert found["A"].ready
    assert found["A"].why == ("ready as far as this class shows; check its prerequisite G5 "
                              "(not assessed in this class, no evidence)")
    assert found["A"].prerequisites[0].state is State.UNKNOWN
    # Evidence on it counts either way: mastered, or below mastery (which blocks).
    assert by_code(graph.suggest(student(["G5"]), ["A"], assessed))["A"].why == (
        "ready: its prerequisite G5 is mastered")
    low = by_code(graph.suggest(student(levels={"G5": "Beginning"}), ["A"], assessed))["A"]
    assert not low.ready and low.why == "not yet: needs G5 (Beginning)"


def test_links_with_an_end_outside_the_framework_are_kept_aside():
    graph = PathGraph(flat("A", "B"), [("elsewhere", "A"), ("B", "elsewhere-2"), ("A", "B")])
    assert graph.outside == [("elsewhere", "A"), ("B", "elsewhere-2")]
    assert graph.prerequisites("A") == () and graph.prerequisites("B") == ("A",)


def test_the_playlist_text():
    graph = PathGraph(flat("A"), [])
    suggestion = graph.suggest(student())[0]
    assert suggestion.playlist_text == "no active playlist targets it yet"
    assert replace(suggestion, playlists=("Ratios", "Rates")).playlist_text == (
        "active playlists: “Ratios” and “Rates”")


# -- the real sample -----------------------------------------------------------------------------


def sample_graph(with_aliases: bool = True) -> PathGraph:
    package = read_case_file(SAMPLE)
    nodes = [PathCompetency(item.identifier, item.identifier, item.parent_identifier, item.sequence or 0,
                            item.code.removeprefix("CCSS.Math.Content.")) for item in package.items]
    precedes = [(a.origin, a.destination) for a in package.associations if a.kind == "precedes"]
    aliases = [(a.origin, a.destination) for a in package.associations if a.kind == "exactMatchOf"]
    assert len(precedes) == 3
    return PathGraph(nodes, precedes, aliases if with_aliases else ())


def test_the_opensalt_sample_precedes_links():
    graph = sample_graph()
    code = {node_id: graph.label(node_id) for node_id in graph.order}
    prerequisites = {code[n]: [code[p] for p in graph.prerequisites(n)] for n in graph.order
                     if graph.prerequisites(n)}
    # 6.RP.A.1 precedes 6.RP.A.2; 6.RP.A.3 (a standard with parts a-d) precedes 7.RP.A.3; and
    # 6.RP.A.2 precedes 7.RP.A.1, named by the identifier it is an exactMatchOf.
    assert prerequisites == {"6.RP.A.2": ["6.RP.A.1"], "7.RP.A.3": ["6.RP.A.3"], "7.RP.A.1": ["6.RP.A.2"]}
    assert [code[p] for p in graph.parts(next(n for n in graph.order if code[n] == "6.RP.A.3"))] == [
        "6.RP.A.3a", "6.RP.A.3b", "6.RP.A.3c", "6.RP.A.3d"]
    assert graph.cycles == [] and graph.outside == []

    ids = {v: k for k, v in code.items()}
    grade6 = [ids[c] for c in ("6.RP.A.1", "6.RP.A.2", "6.RP.A.3a", "6.RP.A.3b", "6.RP.A.3c", "6.RP.A.3d")]
    nearly = StudentMastery({ids["6.RP.A.1"], *grade6[2:5]}, set(grade6[:5]),
                            {i: "Proficient" for i in grade6[:5]} | {ids["6.RP.A.2"]: "Developing"})
    found = by_code(graph.suggest(nearly))
    assert found["6.RP.A.2"].ready and found["6.RP.A.2"].why == (
        "ready: its prerequisite 6.RP.A.1 is mastered; already started (Developing)")
    assert found["7.RP.A.3"].why == "not yet: needs 6.RP.A.3 (3 of 4 parts mastered)"
    assert found["7.RP.A.1"].why == "not yet: needs 6.RP.A.2 (Developing)"


def test_without_the_exact_match_the_cross_framework_link_is_kept_aside():
    graph = sample_graph(with_aliases=False)
    assert graph.outside == [("eceec0fb-e4de-4ef3-a48f-0987b366c9ae", "61a66013-f85c-59c7-bdba-a2c9030e1c21")]
    assert sum(1 for n in graph.order if graph.prerequisites(n)) == 2
