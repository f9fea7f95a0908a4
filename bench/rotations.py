"""Station-rotation figures (issue 6): groups formed with CP-SAT, for one class and for a whole school.

Targets: a class of 35 (6 keep-apart pairs, 2 buddy pairs, at most 6 per group because the online
station has 6 laptops, 3 learners with the aide, who takes 5 at once) proven optimal, or within 2% of
the solver's bound, in under 1 s; a school of 30 such classes, one solve each, in under 30 s.

    .venv/bin/python bench/rotations.py [--quick]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bench  # noqa: E402

LAPTOPS, SEATS = 6, 8


def band(level: float) -> str:
    for label, below in (("Beginning", 2.0), ("Developing", 2.75), ("Proficient", 3.5)):
        if level < below:
            return label
    return "Advanced"


def class_35(seed: int, students: int = 35):
    """A class with spread-out levels (two new arrivals without evidence yet) and the rules a teacher
    typically sets. The pairs and the aide's learners are distinct, so every rule can be met."""
    import random

    from plclassroom.domain.grouping import Learner, Rules, Support

    rng = random.Random(seed)
    ids = [f"c{seed}s{i}" for i in range(students)]
    picked = rng.sample(ids, 6 * 2 + 2 * 2 + 3)
    apart = tuple(zip(picked[0:12:2], picked[1:12:2], strict=True))
    together = tuple(zip(picked[12:16:2], picked[13:16:2], strict=True))
    aide = set(picked[16:19])
    new = set(rng.sample([i for i in ids if i not in picked], 2))
    learners = []
    for i in ids:
        level = None if i in new else round(min(4.0, max(1.0, rng.gauss(2.6, 0.7))), 2)
        learners.append(Learner(i, f"Learner {i}", level, "" if level is None else band(level),
                                frozenset({"aide"}) if i in aide else frozenset(), rng.randint(0, 90)))
    rules = Rules(max_size=min(LAPTOPS, SEATS), keep_apart=apart, keep_together=together,
                  supports=(Support("aide", "Aide table", 5),),
                  max_size_reason=f"only {LAPTOPS} laptops at the online station")
    return learners, rules


def solve(learners, rules):
    from plclassroom.domain.grouping import check, form_groups

    started = time.perf_counter()
    result = form_groups(learners, rules)
    seconds = time.perf_counter() - started
    assert result.unmet == [] and check(result.groups, learners, rules) == [], result.unmet
    return result, seconds


def one_class(quick: bool) -> None:
    import dataclasses

    from plclassroom.domain.grouping import Mode

    learners, rules = class_35(seed=1)
    for mode, label in ((Mode.HOMOGENEOUS, ""), (Mode.HETEROGENEOUS, "_heterogeneous")):
        runs = [solve(learners, dataclasses.replace(rules, mode=mode)) for _ in range(1 if quick else 5)]
        result = runs[0][0]
        bench(f"grouping_class_35{label}_time", statistics.median(s for _, s in runs) * 1000, "ms")
        bench(f"grouping_class_35{label}_gap", max(r.gap for r, _ in runs) * 100, "%")
        bench(f"grouping_class_35{label}_optimal", int(all(r.status == "optimal" for r, _ in runs)), "bool")
        assert len(result.groups) == 6


def school(quick: bool) -> None:
    classes = [class_35(seed) for seed in range(100, 106 if quick else 130)]
    started = time.perf_counter()
    results = [solve(learners, rules)[0] for learners, rules in classes]
    total = time.perf_counter() - started
    name = f"grouping_school_{len(classes)}_classes"
    bench(f"{name}_time", total, "s")
    bench(f"{name}_worst_gap", max(r.gap for r in results) * 100, "%")
    bench(f"{name}_optimal", sum(r.status == "optimal" for r in results), "classes")


def run(quick: bool) -> None:
    one_class(quick)
    school(quick)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    run("--quick" in sys.argv)
