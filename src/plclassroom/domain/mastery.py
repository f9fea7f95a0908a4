"""Mastery calculation: the methods schools use to turn a student's evidence on a competency
into one level, as pure functions that also say how they got there (no black box).

Evidence is ordered by the date the student showed it (``observed_on``), not the date it was
typed in; pieces observed the same day keep the order they were recorded in.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from operator import attrgetter, mul


class Method(StrEnum):
    MOST_RECENT = "most_recent"
    HIGHEST = "highest"
    MEAN = "mean"
    MEAN_LAST_N = "mean_last_n"
    MEDIAN_LAST_N = "median_last_n"
    MODE = "mode"
    DECAYING_AVERAGE = "decaying_average"
    N_TIMES = "n_times"
    POWER_LAW = "power_law"


METHOD_LABELS = {
    Method.MOST_RECENT: "Most recent",
    Method.HIGHEST: "Highest",
    Method.MEAN: "Mean",
    Method.MEAN_LAST_N: "Mean of the last N",
    Method.MEDIAN_LAST_N: "Median of the last N",
    Method.MODE: "Mode (most frequent)",
    Method.DECAYING_AVERAGE: "Decaying average",
    Method.N_TIMES: "N times at mastery",
    Method.POWER_LAW: "Power law (Marzano)",
}
DEFAULTS = {"n": 3, "weight": 0.65, "mastery_score": 3.0, "scale_min": 0.0, "scale_max": 4.0}


@dataclass(frozen=True)
class Piece:
    """One piece of evidence as the calculation sees it."""

    observed_on: date
    score: float
    order: int = 0  # tie-break for the same day: the order it was recorded in


_CHRONOLOGICAL = attrgetter("observed_on", "order")  # by the day observed, then as recorded


@dataclass
class MasteryResult:
    method: Method
    score: float | None  # None: no evidence yet
    formula: str
    weights: list[tuple[Piece, float]] = field(default_factory=list)  # each piece and its share of the score


def calculate(pieces: Sequence[Piece], method: Method | str, **params) -> MasteryResult:
    """The level ``method`` gives these pieces. ``params``: n, weight, mastery_score, scale_min/max."""
    method = Method(method)
    settings = {**DEFAULTS, **params}
    ordered = sorted(pieces, key=_CHRONOLOGICAL)
    if not ordered:
        return MasteryResult(method, None, "no evidence yet")
    return _METHODS[method](ordered, settings)


def _most_recent(pieces: list[Piece], _s) -> MasteryResult:
    latest = pieces[-1]
    return MasteryResult(Method.MOST_RECENT, latest.score, f"the most recent piece ({latest.observed_on})",
                         [(p, 1.0 if p is latest else 0.0) for p in pieces])


def _highest(pieces: list[Piece], _s) -> MasteryResult:
    best = max(pieces, key=lambda p: (p.score, p.observed_on, p.order))
    return MasteryResult(Method.HIGHEST, best.score, "the highest score",
                         [(p, 1.0 if p is best else 0.0) for p in pieces])


def _mean(pieces: list[Piece], _s) -> MasteryResult:
    return _average(Method.MEAN, pieces, pieces, f"the mean of all {len(pieces)} pieces")


def _average(method: Method, pieces: list[Piece], counted: list[Piece], formula: str) -> MasteryResult:
    share = 1 / len(counted)
    score = statistics.fmean(p.score for p in counted)
    return MasteryResult(method, score, formula, [(p, share if p in counted else 0.0) for p in pieces])


def _mean_last_n(pieces: list[Piece], s) -> MasteryResult:
    n = int(s["n"])
    last = pieces[-n:]
    return _average(Method.MEAN_LAST_N, pieces, last, f"the mean of the last {len(last)} of {n} pieces")


def _median_last_n(pieces: list[Piece], s) -> MasteryResult:
    n = int(s["n"])
    last = pieces[-n:]
    score = statistics.median(p.score for p in last)
    # The weights say which pieces the median was taken over (equal shares), not a weighted sum.
    return MasteryResult(Method.MEDIAN_LAST_N, score, f"the median of the last {len(last)} of {n} pieces",
                         [(p, 1 / len(last) if p in last else 0.0) for p in pieces])


def _mode(pieces: list[Piece], _s) -> MasteryResult:
    counts = Counter(p.score for p in pieces)
    top = max(counts.values())
    # A tie between scores goes to the higher one: the student has shown it as often.
    score = max(value for value, times in counts.items() if times == top)
    return MasteryResult(Method.MODE, score, f"the most frequent score ({top} times; a tie goes to the higher)",
                         [(p, 1 / top if p.score == score else 0.0) for p in pieces])


def _decaying_average(pieces: list[Piece], s) -> MasteryResult:
    weight = float(s["weight"])
    keep = 1 - weight
    # result = newest * w + previous result * (1 - w), from the oldest piece to the newest; so the
    # i-th of n pieces weighs w * (1 - w)^(n - 1 - i), and the oldest (1 - w)^(n - 1).
    n = len(pieces)
    shares = [weight * keep ** (n - 1 - i) for i in range(n)]
    shares[0] = keep ** (n - 1)
    score = sum(map(mul, shares, (p.score for p in pieces)))
    return MasteryResult(Method.DECAYING_AVERAGE, score,
                         f"newest × {weight:.0%} + the earlier average × {1 - weight:.0%}",
                         list(zip(pieces, shares, strict=True)))


def _n_times(pieces: list[Piece], s) -> MasteryResult:
    n, mastery = int(s["n"]), float(s["mastery_score"])
    at_mastery = [p for p in pieces if p.score >= mastery]
    if len(at_mastery) >= n:
        return _average(Method.N_TIMES, pieces, at_mastery,
                        f"mastery shown {len(at_mastery)} times (needed {n}): the mean of those pieces")
    # Not yet shown often enough: the best below mastery, so one lucky score cannot count as mastery.
    below = [p for p in pieces if p.score < mastery]
    if below:
        best = max(below, key=lambda p: (p.score, p.observed_on, p.order))
        return MasteryResult(Method.N_TIMES, best.score, f"mastery shown {len(at_mastery)} of {n} times needed: "
                             "the highest score below mastery", [(p, 1.0 if p is best else 0.0) for p in pieces])
    score = max(float(s["scale_min"]), mastery - 1)
    return MasteryResult(Method.N_TIMES, score, f"mastery shown {len(at_mastery)} of {n} times needed: one level "
                         "below mastery until it is shown often enough", [(p, 0.0) for p in pieces])


@cache
def _power_law_design(n: int) -> tuple[tuple[float, ...], float, float, tuple[float, ...]]:
    """What the fit needs from t = 1..n alone (the same for every student with n pieces):
    log t centred, its mean, its spread, and each point's influence on the value at t = n."""
    xs = [math.log(t) for t in range(1, n + 1)]
    mean_x = statistics.fmean(xs)
    spread = sum((x - mean_x) ** 2 for x in xs)
    centred = tuple(x - mean_x for x in xs)
    influence = tuple(1 / n + centred[-1] * c / spread for c in centred)
    return centred, mean_x, spread, influence


def _power_law(pieces: list[Piece], s) -> MasteryResult:
    lowest, highest = float(s["scale_min"]), float(s["scale_max"])
    if len(pieces) == 1:
        return MasteryResult(Method.POWER_LAW, pieces[0].score, "one piece: its score", [(pieces[0], 1.0)])
    # Marzano (2000): least squares fit of score = a · t^b over the pieces in order (t = 1, 2, ...),
    # done on logarithms; read at the latest t. A zero score cannot be logged: it counts as 0.1.
    centred, mean_x, spread, influence = _power_law_design(len(pieces))
    ys = [math.log(max(p.score, 0.1)) for p in pieces]
    mean_y = math.fsum(ys) / len(ys)
    b = math.fsum(map(mul, centred, ys)) / spread
    a = math.exp(mean_y - b * mean_x)
    score = min(highest, max(lowest, a * len(pieces) ** b))
    return MasteryResult(Method.POWER_LAW, score, f"score = {a:.2f} · t^{b:.2f}, read at t = {len(pieces)}",
                         list(zip(pieces, influence, strict=True)))


_METHODS = {
    Method.MOST_RECENT: _most_recent,
    Method.HIGHEST: _highest,
    Method.MEAN: _mean,
    Method.MEAN_LAST_N: _mean_last_n,
    Method.MEDIAN_LAST_N: _median_last_n,
    Method.MODE: _mode,
    Method.DECAYING_AVERAGE: _decaying_average,
    Method.N_TIMES: _n_times,
    Method.POWER_LAW: _power_law,
}
