"""Learning-path figures: what to learn next for a whole grade at once.

Target: suggestions (ranked, with their reasons) for 180 students on an 80-competency framework in
under 200 ms, the prerequisite graph built once beforehand.

    .venv/bin/python bench/paths.py [--quick]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bench  # noqa: E402


def framework(clusters: int = 8, parts: int = 9, seed: int = 11):
    """``clusters`` clusters of ``parts`` standards each (80 competencies for 8 x 9), with precedes
    links: a few from earlier standards to later ones, some between clusters, and one circle."""
    from plclassroom.domain.paths import PathCompetency

    rng = random.Random(seed)
    nodes, leaves = [], []
    for c in range(clusters):
        nodes.append(PathCompetency(f"c{c}", f"case-c{c}", None, c, f"6.X.{chr(65 + c)}"))
        for p in range(parts):
            leaf = PathCompetency(f"c{c}.{p}", f"case-c{c}.{p}", f"c{c}", p, f"6.X.{chr(65 + c)}.{p + 1}")
            nodes.append(leaf)
            leaves.append(leaf)
    precedes = []
    for later in range(1, len(leaves)):
        for before in rng.sample(range(later), min(later, rng.choice((0, 1, 1, 2, 3)))):
            precedes.append((leaves[before].identifier, leaves[later].identifier))
    precedes += [(f"case-c{c}", f"case-c{c + 1}") for c in range(0, clusters - 1, 2)]  # cluster to cluster
    a, b = leaves[40].identifier, leaves[50].identifier
    precedes += [(a, b), (b, a)]  # a circle: found, reported and ignored
    return nodes, precedes, [leaf.id for leaf in leaves]


def students(leaves: list[str], count: int = 180, seed: int = 5):
    """Students further or less far along the framework, each with some work below mastery."""
    from plclassroom.domain.paths import StudentMastery

    rng = random.Random(seed)
    labels = ("Beginning", "Developing", "Proficient", "Advanced")
    found = {}
    for n in range(count):
        reach = rng.randint(0, len(leaves))
        mastered = {leaf for leaf in leaves[:reach] if rng.random() < 0.85}
        tried = mastered | {leaf for leaf in leaves if rng.random() < 0.1}
        levels = {leaf: rng.choice(labels[2:]) if leaf in mastered else rng.choice(labels[:2]) for leaf in tried}
        found[f"s{n}"] = StudentMastery(mastered, tried, levels)
    return found


def suggestions(quick: bool) -> None:
    from plclassroom.domain.paths import PathGraph

    nodes, precedes, leaves = framework()
    started = time.perf_counter()
    graph = PathGraph(nodes, precedes)
    bench(f"path_graph_build_{len(nodes)}_competencies", (time.perf_counter() - started) * 1000, "ms")
    assert graph.cycles, "the synthetic framework has a circle to survive"
    group = students(leaves)
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        found = graph.suggest_all(group, leaves, assessed=set(leaves), limit=3)
        runs.append(time.perf_counter() - started)
    assert len(found) == len(group) and any(found.values())
    bench(f"path_suggestions_{len(group)}_students_{len(nodes)}_competencies", statistics.median(runs) * 1000, "ms")


def run(quick: bool) -> None:
    suggestions(quick)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    run("--quick" in sys.argv)
