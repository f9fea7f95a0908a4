"""Group formation for station rotations, as an optimisation solved with OR-Tools CP-SAT.

The model
---------
One Boolean ``x[u, g]`` says unit ``u`` is in group ``g``. A unit is one learner, or (in the final
solve) the learners a rule forces into one group: keep-together pairs, and everyone present who needs
the same support. Every unit is in exactly one group and no group is empty.

Number of groups. ``Rules.group_count`` when given. Otherwise the fewest groups the size bounds allow,
``ceil(n / max_size)`` (one group when there is no ``max_size``); when keep-apart rules, or a support's
capacity while every group is full, cannot be met with that many, one more group at a time is tried, up
to what ``min_size`` allows. The count is a choice, not a rule, so that needs no message.

Sizes. Every group is within ``[min_size, max_size]``, and sizes are as even as the rules allow: a
rotation sends every group through the same stations. First, sizes differ by at most one, as a hard
constraint (which also lets the solver prove its optimum quickly: slack in the sizes weakens the bound a
great deal). When a rule needs uneven sizes (a support's capacity below the even size, a long
keep-together chain), a quick solve that ignores levels finds the most even sizes the rules allow (least
sum of squared distances from the even size, so two groups one over beat one group two over); the odd
group out then keeps that size and the others keep their range, and the levels are optimised within
that. This is the model's own preference, so it gives way silently.

Hard rules: keep-apart pairs never share a group, keep-together pairs always do, and every present
learner with a support's need is in that support's one group, whose size is at most its capacity.

Objectives (minimised):

* HOMOGENEOUS: the sum over groups of the spread (highest minus lowest) of the members' levels, in
  hundredths of a level. With the levels sorted, a group's spread is the sum of the gaps between
  consecutive levels it straddles, so ``A[g, i]`` (g has a member at or below position i) and
  ``B[g, i]`` (g has one above) give ``spread = sum_i gap_i * (A + B - 1)``. Counting constraints (the
  lowest i+1 learners need at least ``ceil((i+1) / max size)`` groups; so do those above) give the LP
  a useful bound. Learners with no evidence yet say nothing about level: they add nothing to any
  spread, and they are spread evenly over the groups (each gets the same number, give or take one)
  rather than grouped as if alike; should a rule need otherwise, a small term keeps them as even as it
  can.
* HETEROGENEOUS: every group gets its proportional share of each band (the band "" for no evidence
  counts as one): ``sum_{g,b} |count_gb * n_groups - total_b|``, with the least each band can cost
  (its remainder split as evenly as can be) added as a bound, without which no optimum is proven.

Teacher-led minutes are not in the objective: the rotation scheduler decides which group meets the
teacher first; ``Learner.teacher_minutes`` is kept for it.

Symmetry: groups are interchangeable, so they are ordered by their first unit, units in level order:
unit j can only join group g if an earlier unit is in group g - 1. Without this CP-SAT proves the same
optimum in each of the k! orders. In HOMOGENEOUS mode the unit whose levels lie furthest apart (a buddy
pair of a strong and a struggling learner, the aide's learners) is put first, in group 0, so that its
group's spread and the room it leaves are known to the LP; this lifts the bound a long way.

Solver: ``max_time_in_seconds = time_limit``, two workers, a fixed seed. The status says whether the
optimum was proven; ``bound`` is the best bound, ``gap`` the relative distance to it.

Rules that cannot all be met never raise. Trivially impossible inputs (no one present, unknown ids, size
bounds that cannot fit the class) are settled first, with a message. Otherwise, if the model is
infeasible, every rule gets an enforcement literal and is passed as an assumption; CP-SAT's
``sufficient_assumptions_for_infeasibility`` gives a conflicting set, which is shrunk to a minimal one
(single worker, so the same every time). The least important rule in it is dropped (buddies first,
then support membership, minimum size, support capacity, keep-apart, and device limits last), with a
plain-words message naming the learners and numbers. That repeats until the rest can be met, and the
result has status "relaxed": ``unmet`` is empty exactly when the status is not "relaxed". Looking for
conflicts takes up to about one more ``time_limit``.
"""

from __future__ import annotations

import importlib.util
import math
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


def _lazy(name: str):
    """The module, loaded on first use: OR-Tools (with pandas) takes a third of a second to import,
    which the window's start-up should not pay before anyone builds groups."""
    spec = importlib.util.find_spec(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


cp_model = sys.modules.get("ortools.sat.python.cp_model") or _lazy("ortools.sat.python.cp_model")


class Mode(StrEnum):
    HOMOGENEOUS = "homogeneous"  # similar levels together (teacher-led instruction)
    HETEROGENEOUS = "heterogeneous"  # a mix of levels in every group (collaborative work)


@dataclass(frozen=True)
class Learner:
    id: str
    name: str  # display name, used in plain-words messages
    level: float | None = None  # score on the grouping competency; None = no evidence yet
    band: str = ""  # the level's label ("Beginning", "Proficient"...; "" = no evidence)
    needs: frozenset[str] = frozenset()  # support needs, e.g. {"aide"}: see Support
    teacher_minutes: int = 0  # teacher-led small-group minutes over recent weeks (for the scheduler)
    absent: bool = False  # absent today: left out of today's groups


@dataclass(frozen=True)
class Support:
    need: str  # "aide"
    station: str  # the station's name, for messages ("Aide table")
    capacity: int | None = None  # how many the station (the adult) can take at once


@dataclass(frozen=True)
class Rules:
    group_count: int | None = None  # exact number of groups; None: the fewest the size bounds allow
    min_size: int = 1
    max_size: int | None = None  # also where device limits land: the caller passes min(devices, capacity)
    mode: Mode = Mode.HOMOGENEOUS
    keep_apart: tuple[tuple[str, str], ...] = ()  # learner id pairs never in the same group
    keep_together: tuple[tuple[str, str], ...] = ()  # learner id pairs always in the same group
    supports: tuple[Support, ...] = ()  # everyone present with the need in ONE group, of size <= capacity
    max_size_reason: str = ""  # where max_size came from, e.g. "only 10 laptops at the online station"
    time_limit: float = 2.0  # seconds for the solver


@dataclass
class Grouping:
    groups: list[list[str]]  # learner ids per group; HOMOGENEOUS: by ascending mean level
    support_groups: dict[str, int]  # need -> index of the group holding those learners
    absent: list[str]  # ids left out because absent
    unmet: list[str]  # every rule that could not be met, in plain words (empty when all met)
    status: str  # "optimal" | "feasible" (time limit hit) | "relaxed" (some rule dropped, see unmet)
    objective: float
    bound: float  # the solver's best bound

    @property
    def gap(self) -> float:
        """Relative gap between the objective and the best bound (0.0 when proven optimal)."""
        # The solver's bound is a float: 224.99999999999997 against an objective of 225 is proof.
        if self.status == "optimal" or self.objective <= self.bound + 1e-6:
            return 0.0
        return (self.objective - self.bound) / max(abs(self.objective), 1.0)

    def level_mix(self, learners: Iterable[Learner]) -> list[Counter]:
        """Per group: how many learners of each band ("" = no evidence yet)."""
        band = {learner.id: learner.band for learner in learners}
        return [Counter(band.get(i, "") for i in group) for group in self.groups]


_SCALE = 100  # levels are compared in hundredths
_SEED = 20260901  # fixed, so the same class gives the same groups
_WORKERS = 2
_UNKNOWN_WEIGHT = 10  # HOMOGENEOUS: keeps learners with no evidence spread over the groups
_PROBE_SECONDS = 0.5  # at least this for each search for conflicting rules, however little time is left

# Rule kinds, in the order they give way when rules conflict. First the model's own preferences, which
# give way silently: no-evidence learners spread evenly, then sizes within one of each other. Then the
# teacher's: buddies, support membership, minimum size, support capacity, keep-apart, device limits last.
_SPREAD, _EVEN, _TOGETHER, _MEMBER, _MIN, _CAPACITY, _APART, _MAX = range(8)


@dataclass(frozen=True)
class _Rule:
    kind: int
    order: int  # position in the teacher's list: among equals, the later one is dropped first
    a: str = ""
    b: str = ""
    support: Support | None = None


@dataclass
class _Problem:
    learners: list[Learner]  # present, sorted: levels ascending, then no evidence; ties in input order
    rank: dict[str, int]  # id -> input position, for output order
    mode: Mode
    k: int
    lo: int
    hi: int | None
    auto_count: bool
    k_max: int
    needers: dict[str, list[str]]  # need -> present ids, in input order
    rules: list[_Rule]
    reason: str
    unmet: list[str] = field(default_factory=list)
    uneven: int | None = None  # once sizes must be uneven: the least unevenness the rules allow
    special: tuple[int, tuple[int, int]] | None = None  # and a learner in the odd group out, its sizes

    def __post_init__(self) -> None:
        self.even = self.even_sizes(self.k)
        self.pos = {learner.id: p for p, learner in enumerate(self.learners)}
        self.by_id = {learner.id: learner for learner in self.learners}
        self.scaled = [None if lr.level is None else round(lr.level * _SCALE) for lr in self.learners]
        self.leveled = sum(v is not None for v in self.scaled)

    @property
    def n(self) -> int:
        return len(self.learners)

    def even_sizes(self, k: int) -> tuple[int, int]:
        """Sizes that differ by at most one: always within [lo, hi] once the size bounds fit."""
        return self.n // k, -(-self.n // k)

    def size_bounds(self, active: Sequence[_Rule], special: bool = False) -> tuple[int, int]:
        """Sizes allowed by the active rules: for every group, or for the odd one out."""
        kinds = {rule.kind for rule in active}
        even = self.special[1] if special and self.special else self.even
        lo = max(self.lo if _MIN in kinds else 1, even[0] if _EVEN in kinds else 1)
        top = self.hi if _MAX in kinds and self.hi is not None else self.n
        hi = min(top, even[1] if _EVEN in kinds else self.n)
        return lo, hi

    def reset_sizes(self, k: int) -> None:
        self.even, self.uneven, self.special = self.even_sizes(k), None, None


# -- public functions -------------------------------------------------------------------------------


def form_groups(learners: Sequence[Learner], rules: Rules) -> Grouping:
    """Groups for today: every present learner in exactly one, every rule met that can be."""
    _validate(learners, rules)
    absent = [learner.id for learner in learners if learner.absent]
    if len(absent) == len(learners):
        return Grouping([], {}, absent, ["No learners are present today, so there are no groups to form."],
                        "relaxed", 0.0, 0.0)
    problem = _problem(learners, rules)
    deadline = time.monotonic() + rules.time_limit
    active = list(problem.rules)
    solved = _solve(problem, active, problem.k, rules.time_limit)
    if solved is None:  # some rules conflict: find which, drop the least important, and solve again
        active, k, hint = _relax(problem, active, deadline, rules.time_limit)
        problem.k = k
        solved = _solve(problem, active, k, rules.time_limit, hint)
        if solved is None:  # no solution within the time, though one exists: use the one found
            solved = (hint, "feasible", math.inf, 0.0)
    assignment, status, _, bound = solved  # the objective is recounted exactly from the groups
    return _result(problem, active, assignment, status, bound, absent)


def check(groups: Sequence[Sequence[str]], learners: Sequence[Learner], rules: Rules) -> list[str]:
    """Every hard rule the given groups break, in plain words (empty: all met). Used to re-check rules
    live after the teacher drags a student from group to group, and by the tests to verify the solver."""
    by_id = {learner.id: learner for learner in learners}
    broken: list[str] = []
    where: dict[str, list[int]] = defaultdict(list)
    for g, group in enumerate(groups):
        if not group:
            broken.append(f"Group {g + 1} is empty.")
        for i in group:
            where[i].append(g)
            if i not in by_id:
                broken.append(f"Group {g + 1} holds {i}, who is not in this class.")
    for learner in learners:
        found = where.get(learner.id, [])
        if learner.absent and found:
            broken.append(f"{learner.name} is absent today but is in group {found[0] + 1}.")
        elif not learner.absent and not found:
            broken.append(f"{learner.name} is in no group.")
        elif len(found) > 1:
            broken.append(f"{learner.name} is in {len(found)} groups ({_numbers(found)}).")
    present = {learner.id for learner in learners if not learner.absent}
    if rules.group_count and present and len(groups) != rules.group_count:
        broken.append(f"There are {len(groups)} groups; {rules.group_count} were asked for.")
    for g, group in enumerate(groups):
        if rules.max_size is not None and len(group) > rules.max_size:
            broken.append(f"Group {g + 1} has {len(group)} learners; no group may be over "
                          f"{rules.max_size}{_because(rules.max_size_reason)}.")
        if group and len(group) < rules.min_size:
            broken.append(f"Group {g + 1} has {len(group)} learner{_s(len(group))}; "
                          f"every group needs at least {rules.min_size}.")

    def name(i: str) -> str:
        return by_id[i].name

    def group_of(i: str) -> int | None:
        return where[i][0] if i in present and len(where.get(i, ())) == 1 else None

    for a, b in _pairs(rules.keep_apart):
        ga, gb = group_of(a), group_of(b)
        if ga is not None and ga == gb and a != b:
            broken.append(f"{name(a)} and {name(b)} are to be kept apart but are both in group {ga + 1}.")
    for a, b in _pairs(rules.keep_together):
        ga, gb = group_of(a), group_of(b)
        if ga is not None and gb is not None and ga != gb:
            broken.append(f"{name(a)} and {name(b)} are to be kept together but are in groups "
                          f"{ga + 1} and {gb + 1}.")
    split_needs: set[str] = set()
    for support in rules.supports:
        who = [i for i in _ordered(present, learners) if support.need in by_id[i].needs]
        homes = sorted({g for i in who if (g := group_of(i)) is not None})
        if len(homes) > 1 and support.need not in split_needs:
            split_needs.add(support.need)
            broken.append(f"The learners who need the {support.need} ({_names([name(i) for i in who])}) "
                          f"are split over groups {_numbers(homes)}.")
        if support.capacity is not None and len(homes) == 1:  # split: which group is the station's is moot
            for g in homes:
                if len(groups[g]) > support.capacity:
                    broken.append(f"Group {g + 1} works at the {support.station} with {len(groups[g])} "
                                  f"learners; it takes at most {support.capacity}.")
    return broken


# -- input ------------------------------------------------------------------------------------------


def _validate(learners: Sequence[Learner], rules: Rules) -> None:
    """Programmer errors only: bad rules are reported in plain words, never raised."""
    if rules.min_size < 0 or (rules.max_size is not None and rules.max_size < 0):
        raise ValueError("group sizes cannot be negative")
    if rules.group_count is not None and rules.group_count < 0:
        raise ValueError("the number of groups cannot be negative")
    if any(s.capacity is not None and s.capacity < 0 for s in rules.supports):
        raise ValueError("a support's capacity cannot be negative")
    if not rules.time_limit > 0:
        raise ValueError("time_limit must be positive")
    ids = [learner.id for learner in learners]
    if len(set(ids)) != len(ids):
        raise ValueError("learner ids must be unique")
    if any(lr.level is not None and not math.isfinite(lr.level) for lr in learners):
        raise ValueError("levels must be finite numbers or None")


def _problem(learners: Sequence[Learner], rules: Rules) -> _Problem:
    unmet: list[str] = []
    known = {learner.id: learner for learner in learners}
    present = [learner for learner in learners if not learner.absent]
    n = len(present)
    rank = {learner.id: r for r, learner in enumerate(learners)}
    order = sorted(present, key=lambda lr: (lr.level is None, lr.level or 0.0, rank[lr.id]))
    reason = rules.max_size_reason

    # Sizes and the number of groups: settle what cannot fit at all before solving.
    lo = max(rules.min_size, 1)
    hi = rules.max_size
    if hi == 0:
        unmet.append(f"No group can be kept to 0 learners{_because(reason)}: that size limit was left out.")
        hi = None
    count = rules.group_count
    if count == 0:
        unmet.append("Asked for 0 groups: the number of groups was chosen from the sizes instead.")
        count = None
    if count is not None:
        k = count
        if k > n:
            unmet.append(f"Asked for {k} groups, but only {n} learner{_s(n)} {_are(n)} present: "
                         f"made {n} group{_s(n)}.")
            k = n
        if hi is not None and k * hi < n:
            need = -(-n // k)
            unmet.append(f"Could not keep every group to at most {hi}{_because(reason)}: {n} learners in "
                         f"{k} group{_s(k)} need groups of up to {need}.")
            hi = need
        if k * lo > n:
            unmet.append(f"Could not make every group at least {lo}: {n} learners in {k} groups leave "
                         f"some groups with {n // k}.")
            lo = n // k
        k_max = k
    else:
        k = -(-n // hi) if hi is not None else 1
        if k * lo > n:
            why = (f"no group may be over {hi}{_because(reason)}" if hi is not None and lo > hi
                   else f"{n} learner{_s(n)} cannot be split into groups of {lo} to {hi}")
            unmet.append(f"Could not make every group at least {lo}: {why}, so some groups have {n // k}.")
            lo = n // k
        k_max = n // lo

    # Pairs: unknown ids and self-pairs are left out with a message; absent learners' pairs do not apply.
    built: list[_Rule] = []
    for kind, label, pairs in ((_APART, "keep-apart", rules.keep_apart),
                               (_TOGETHER, "keep-together", rules.keep_together)):
        seen: set[frozenset[str]] = set()
        for a, b in pairs:
            if frozenset((a, b)) in seen:  # the same pair twice, either way round
                continue
            seen.add(frozenset((a, b)))
            missing = list(dict.fromkeys(i for i in (a, b) if i not in known))
            if missing:
                shown = _names([known[i].name if i in known else i for i in (a, b)])
                unmet.append(f"Left out the {label} rule for {shown}: there is no learner "
                             f"{_names(missing, 'or')} in this class.")
                continue
            if a == b:
                if kind == _APART:
                    unmet.append(f"Left out the keep-apart rule that names {known[a].name} twice.")
                continue
            if not (known[a].absent or known[b].absent):
                built.append(_Rule(kind, len(built), a, b))

    needers: dict[str, list[str]] = {}
    for support in rules.supports:
        who = [lr.id for lr in present if support.need in lr.needs]
        if not who:
            continue
        if support.capacity == 0:
            unmet.append(f"The {support.station} takes no one (capacity 0), so that limit was left out.")
            support = Support(support.need, support.station, None)
        if support.need not in needers:
            needers[support.need] = who
            for i in who:
                built.append(_Rule(_MEMBER, len(built), i, support=support))
        if support.capacity is not None:
            built.append(_Rule(_CAPACITY, len(built), support=support))
    if lo > 1:
        built.append(_Rule(_MIN, len(built)))
    if hi is not None:
        built.append(_Rule(_MAX, len(built)))
    built.append(_Rule(_EVEN, len(built)))
    if rules.mode == Mode.HOMOGENEOUS and any(lr.level is None for lr in present) and any(
            lr.level is not None for lr in present):
        built.append(_Rule(_SPREAD, len(built)))

    return _Problem(order, rank, rules.mode, k, lo, hi, count is None, max(k, k_max), needers, built, reason,
                    unmet)


# -- the model --------------------------------------------------------------------------------------


@dataclass
class _Model:
    model: cp_model.CpModel
    x: list[list]  # x[unit][group]
    unit_of: list[int]  # learner position -> unit
    literals: dict[_Rule, object]  # rule -> its enforcement literal (guarded models only)
    anchor: int | None = None  # the unit fixed in group 0


def _units(problem: _Problem, active: Sequence[_Rule]) -> tuple[list[int], list[list[int]]] | None:
    """Learners forced into one group become one unit; None when that alone breaks a rule."""
    parent = list(range(problem.n))

    def find(p: int) -> int:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    def union(p: int, q: int) -> None:
        p, q = find(p), find(q)
        parent[max(p, q)] = min(p, q)

    first: dict[str, int] = {}
    for rule in active:
        if rule.kind == _TOGETHER:
            union(problem.pos[rule.a], problem.pos[rule.b])
        elif rule.kind == _MEMBER:
            p = problem.pos[rule.a]
            union(first.setdefault(rule.support.need, p), p)
    roots = sorted({find(p) for p in range(problem.n)})  # by first member: the symmetry order
    index = {r: u for u, r in enumerate(roots)}
    unit_of = [index[find(p)] for p in range(problem.n)]
    members: list[list[int]] = [[] for _ in roots]
    for p in range(problem.n):
        members[unit_of[p]].append(p)
    hi = max(problem.size_bounds(active)[1], problem.size_bounds(active, special=True)[1])
    for rule in active:
        if rule.kind == _APART and unit_of[problem.pos[rule.a]] == unit_of[problem.pos[rule.b]]:
            return None
        if rule.kind == _CAPACITY and rule.support.need in first:
            if len(members[unit_of[first[rule.support.need]]]) > rule.support.capacity:
                return None
    if max(len(m) for m in members) > hi:
        return None
    return unit_of, members


def _build(problem: _Problem, active: Sequence[_Rule], k: int, guarded: bool,
           goal: str = "best") -> _Model | None:
    """The CP-SAT model. Guarded: one learner per unit, each rule behind an enforcement literal, no
    objective (to find conflicts). Otherwise: rules hard, learners merged into units, and the objective;
    or, for ``goal="sizes"``, only sizes as even as the rules allow."""
    n, model = problem.n, cp_model.CpModel()
    if guarded:
        unit_of, members = list(range(n)), [[p] for p in range(n)]
    else:
        found = _units(problem, active)
        if found is None:
            return None
        unit_of, members = found
    units = len(members)
    size_lo, size_hi = (1, n) if guarded else problem.size_bounds(active)
    bounds = [(size_lo, size_hi)] * k
    anchor = None
    if not guarded and problem.special and any(rule.kind == _EVEN for rule in active):
        # Sizes had to be uneven: the odd group out is group 0, with its own sizes; the rest are even.
        bounds[0] = problem.size_bounds(active, special=True)
        odd = unit_of[problem.special[0]]
        anchor = _Anchor(odd, _room(problem, active, members, odd, bounds[0][1]))
    elif not guarded and problem.mode == Mode.HOMOGENEOUS:
        anchor = _anchor(problem, active, members, size_hi)
    x = [[model.new_bool_var(f"x{u}_{g}") for g in range(k)] for u in range(units)]
    for u in range(units):
        model.add_exactly_one(x[u])
    # Symmetry: groups are interchangeable, so they are ordered by their first unit (units are in level
    # order): unit j of the order can only be in group g if an earlier unit is in group g - 1. An anchor
    # comes first, so it is alone in being in group 0, and the other groups follow in order.
    order = ([anchor.unit] if anchor else []) + [u for u in range(units) if not anchor or u != anchor.unit]
    for j, u in enumerate(order):
        for g in range(j + 1, k):
            model.add(x[u][g] == 0)
        for g in range(2 if anchor else 1, min(k, j + 1)):
            model.add(x[u][g] <= sum(x[v][g - 1] for v in order[:j]))
    weight = [len(m) for m in members]
    size = [model.new_int_var(low, high, f"size{g}") for g, (low, high) in enumerate(bounds)]
    for g in range(k):
        model.add(size[g] == sum(weight[u] * x[u][g] for u in range(units)))

    literals: dict[_Rule, object] = {}
    sup: dict[str, list] = {}
    if guarded:
        for need in problem.needers:
            sup[need] = [model.new_bool_var(f"sup_{need}_{g}") for g in range(k)]
            model.add_exactly_one(sup[need])
    for rule in active:
        lit = literals[rule] = model.new_bool_var(f"rule{rule.kind}_{rule.order}") if guarded else None
        on = [lit] if guarded else []
        if rule.kind in (_APART, _TOGETHER):
            ua, ub = unit_of[problem.pos[rule.a]], unit_of[problem.pos[rule.b]]
            if ua == ub:
                continue
            for g in range(k):
                if rule.kind == _APART:
                    model.add_bool_or([~x[ua][g], ~x[ub][g]]).only_enforce_if(on)
                else:
                    model.add(x[ua][g] == x[ub][g]).only_enforce_if(on)
        elif rule.kind == _MEMBER and guarded:
            u = unit_of[problem.pos[rule.a]]
            for g in range(k):
                model.add_implication(x[u][g], sup[rule.support.need][g]).only_enforce_if(on)
        elif rule.kind == _CAPACITY:
            if guarded:
                home = sup[rule.support.need]
            else:
                kept = [r.a for r in active if r.kind == _MEMBER and r.support.need == rule.support.need]
                if not kept:
                    continue
                home = x[unit_of[problem.pos[kept[0]]]]
            for g in range(k):
                model.add(size[g] <= rule.support.capacity).only_enforce_if([home[g], *on])
        elif rule.kind == _MIN and guarded:
            for g in range(k):
                model.add(size[g] >= problem.lo).only_enforce_if(on)
        elif rule.kind == _MAX and guarded:
            for g in range(k):
                model.add(size[g] <= problem.hi).only_enforce_if(on)
        elif rule.kind == _EVEN and guarded:
            low, high = problem.even
            for g in range(k):
                model.add_linear_constraint(size[g], low, high).only_enforce_if(on)
        elif rule.kind == _SPREAD:
            unknown = [sum(p >= problem.leveled for p in mem) for mem in members]
            total = sum(unknown)
            for g in range(k):
                count = sum(c * x[u][g] for u, c in enumerate(unknown) if c)
                model.add_linear_constraint(count, total // k, -(-total // k)).only_enforce_if(on)
    if guarded:
        model.add_assumptions(list(literals.values()))
    elif goal == "sizes":
        model.minimize(_outside(model, size, problem.even_sizes(k), n))
    else:
        kinds = {rule.kind for rule in active}
        bottom, top = min(low for low, _ in bounds), max(high for _, high in bounds)
        model.minimize(_objective(problem, model, x, unit_of, members, size, k, (bottom, top), size_hi,
                                  anchor, kinds))
    return _Model(model, x, unit_of, literals, anchor.unit if anchor else None)


@dataclass(frozen=True)
class _Anchor:
    unit: int
    room: int  # how many its group can hold


def _anchor(problem: _Problem, active: Sequence[_Rule], members: list[list[int]],
            size_hi: int) -> _Anchor | None:
    """The unit whose members' levels lie furthest apart (a buddy pair of a strong and a struggling
    learner, or the aide's learners), to be put in group 0. Its group's spread is then a known cost,
    and so is the room it leaves, which lifts the LP bound a long way: otherwise the LP spreads every
    unit thinly over all groups, and proving the optimum takes many times as long."""
    best: tuple[int, int] | None = None
    for u, mem in enumerate(members):
        levels = [problem.scaled[p] for p in mem if p < problem.leveled]
        if len(levels) > 1 and levels[-1] > levels[0] and (best is None or levels[-1] - levels[0] > best[1]):
            best = (u, levels[-1] - levels[0])
    if best is None:
        return None
    return _Anchor(best[0], _room(problem, active, members, best[0], size_hi))


def _room(problem: _Problem, active: Sequence[_Rule], members: list[list[int]], unit: int,
          size_hi: int) -> int:
    """How many the group of ``unit`` can hold: its size limit, or a support's capacity if it is theirs."""
    homes = {r.support.need: problem.pos[r.a] for r in active if r.kind == _MEMBER}
    caps = [r.support.capacity for r in active
            if r.kind == _CAPACITY and homes.get(r.support.need) in members[unit]]
    return min([size_hi, *caps])


def _weights(problem: _Problem, k: int) -> tuple[int, int]:
    """(size weight, no-evidence weight). Each learner of size difference beyond one outweighs the rest of
    the objective together: sizes as even as the rules allow come first."""
    if problem.mode == Mode.HOMOGENEOUS:
        levels = [v for v in problem.scaled if v is not None]
        spread_max = k * (max(levels) - min(levels)) if levels else 0
        unknown = _UNKNOWN_WEIGHT if 0 < problem.leveled < problem.n else 0
        return spread_max + unknown * problem.n ** 2 + 1, unknown
    return 2 * k * problem.n + 1, 0


def _objective(problem: _Problem, model: cp_model.CpModel, x, unit_of, members, size, k: int,
               extremes: tuple[int, int], size_hi: int, anchor: _Anchor | None, kinds: set[int]):
    """``extremes``: the smallest and largest any group may be; ``size_hi``: the largest for any group
    but an anchor's."""
    bottom, top = extremes
    units = len(members)
    size_weight, unknown_weight = _weights(problem, k)
    terms = []

    even = problem.even_sizes(k)
    if _EVEN not in kinds:  # sizes as even as they can be come first
        terms.append(size_weight * _outside(model, size, even, problem.n))
    elif problem.uneven is not None:  # as even as a first solve found
        model.add(_outside(model, size, even, problem.n) <= problem.uneven)
    if problem.mode == Mode.HOMOGENEOUS:
        m = problem.leveled  # positions 0..m-1 have levels, ascending
        columns_a, columns_b = [], []
        gaps = [problem.scaled[i + 1] - problem.scaled[i] for i in range(m - 1)]
        for g in range(k):
            # Only lower bounds tie a and b to x: minimising pulls them down to the exact values.
            a = [model.new_bool_var(f"a{g}_{i}") for i in range(m - 1)]  # g has a member at or below i
            b = [model.new_bool_var(f"b{g}_{i}") for i in range(m - 1)]  # g has a member above i
            for i in range(m - 1):
                model.add_implication(x[unit_of[i]][g], a[i])
                model.add_implication(x[unit_of[i + 1]][g], b[i])
                if i:
                    model.add_implication(a[i - 1], a[i])
                    model.add_implication(b[i], b[i - 1])
                if g > (1 if anchor else 0):  # groups are ordered by first member, so by lowest level too
                    model.add_implication(a[i], columns_a[-1][i])
            spread_g = sum(gap * (a[i] + b[i] - 1) for i, gap in enumerate(gaps) if gap)
            if problem.n - problem.leveled >= bottom:
                model.add(spread_g >= 0)  # a group with no levels at all could otherwise go below zero
            terms.append(spread_g)
            columns_a.append(a)
            columns_b.append(b)
        # The lowest i+1 learners need at least ceil((i+1)/max) groups; so do the ones above i.
        for i in range(m - 1):
            model.add(sum(col[i] for col in columns_a) >= -(-(i + 1) // top))
            model.add(sum(col[i] for col in columns_b) >= -(-(m - 1 - i) // top))
        if anchor and k > 1:
            # The same for groups 1.., of the learners the anchor's group has no room for.
            held = members[anchor.unit]
            every_group_has_levels = problem.n - m < bottom
            for i in range(m - 1):
                above = sum(p > i for p in held)
                below = len(held) - above
                left = (i + 1) - min(i + 1, anchor.room - above)
                right = (m - 1 - i) - min(m - 1 - i, anchor.room - below)
                need_a, need_b = -(-max(left, 0) // size_hi), -(-max(right, 0) // size_hi)
                starts = sum(col[i] for col in columns_a[1:])
                ends = sum(col[i] for col in columns_b[1:])
                model.add(starts >= need_a)
                model.add(ends >= need_b)
                if every_group_has_levels:  # then each of groups 1.. starts below or ends above every gap
                    model.add(starts + ends >= max(k - 1, need_a + need_b))
        if unknown_weight and _SPREAD not in kinds:  # the hard spread gave way to a rule
            unknown = [sum(x[u][g] * sum(p >= m for p in members[u]) for u in range(units)) for g in range(k)]
            total = problem.n - m
            terms.append(unknown_weight * _outside(model, unknown, (total // k, -(-total // k)), problem.n))
    else:
        totals = Counter(learner.band for learner in problem.learners)
        for band, total in sorted(totals.items()):
            counts = [sum(problem.learners[p].band == band for p in mem) for mem in members]
            # The best any grouping can do: r groups one over the share, k - r one under. The LP cannot
            # see this (a fraction of everyone in every group is perfect), and without it no optimum
            # is ever proven.
            r = total % k
            offs = [model.new_int_var(min(r, k - r), k * problem.n, f"off_{band}_{g}") for g in range(k)]
            model.add(sum(offs) >= 2 * r * (k - r))
            for g, off in enumerate(offs):
                share = sum(c * x[u][g] for u, c in enumerate(counts) if c)
                model.add(off >= k * share - total)
                model.add(off >= total - k * share)
            terms += offs
    return sum(terms)


def _outside(model: cp_model.CpModel, values: Sequence, band: tuple[int, int], top: int):
    """Unevenness: the sum of the squared distances of the values (each 0..top) from ``band``, so that
    within one of each other is free and two groups one over are better than one group two over. The
    square is convex: it is the highest of the lines through consecutive points, which the LP sees."""
    costs = []
    for value in values:
        cost = model.new_int_var(0, _far(0, band) ** 2 + _far(top, band) ** 2, "")
        for v in range(top):
            low, high = _far(v, band) ** 2, _far(v + 1, band) ** 2
            model.add(cost >= low + (high - low) * (value - v))
        costs.append(cost)
    return sum(costs)


def _far(value: int, band: tuple[int, int]) -> int:
    return max(0, band[0] - value, value - band[1])


def _solver(seconds: float, workers: int = _WORKERS) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(seconds, 0.01)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = _SEED
    return solver


def _assignment(built: _Model, solver: cp_model.CpSolver, k: int) -> list[int]:
    """Group index per learner position."""
    home = [next(g for g in range(k) if solver.boolean_value(row[g])) for row in built.x]
    return [home[u] for u in built.unit_of]


def _solve(problem: _Problem, active: Sequence[_Rule], k: int, seconds: float,
           hint: list[int] | None = None) -> tuple[list[int], str, float, float] | None:
    """Optimise with every active rule hard. None when infeasible, or no solution within the time."""
    built = _build(problem, active, k, guarded=False)
    if built is None:
        return None
    if hint is not None:
        hint = _canonical(hint, [p for p, u in enumerate(built.unit_of) if u == built.anchor])
        homes = {built.unit_of[p]: g for p, g in enumerate(hint)}  # one hint per unit: CP-SAT rejects repeats
        for u, g in homes.items():
            for h in range(k):
                built.model.add_hint(built.x[u][h], h == g)
    solver = _solver(seconds)
    status = solver.solve(built.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    state = "optimal" if status == cp_model.OPTIMAL else "feasible"
    return _assignment(built, solver, k), state, solver.objective_value, solver.best_objective_bound


def _canonical(assignment: list[int], first: list[int]) -> list[int]:
    """The same grouping, numbered as the symmetry breaking wants: the group holding ``first`` (an
    anchor's learners) as 0, then by lowest position."""
    lowest: dict[int, int] = {}
    for p, g in enumerate(assignment):
        lowest.setdefault(g, p)
    order = sorted(lowest, key=lambda g: (not first or g != assignment[first[0]], lowest[g]))
    number = {g: i for i, g in enumerate(order)}
    return [number[g] for g in assignment]


# -- relaxing conflicting rules ---------------------------------------------------------------------


def _probe(problem: _Problem, active: Sequence[_Rule], k: int, assumed: Sequence[_Rule], seconds: float):
    """Feasibility with only ``assumed`` enforced (the other active rules are switched off).
    One worker, so the conflict found is the same every time. Returns (status, core, assignment)."""
    built = _build(problem, active, k, guarded=True)
    model = built.model
    model.clear_assumptions()
    model.add_assumptions([built.literals[r] for r in assumed])
    solver = _solver(seconds, workers=1)
    status = solver.solve(model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return "feasible", [], _assignment(built, solver, k)
    if status == cp_model.INFEASIBLE:
        found = set(solver.sufficient_assumptions_for_infeasibility())
        core = [r for r in assumed if built.literals[r].index in found]
        return "infeasible", core or list(assumed), None
    return "unknown", [], None


def _relax(problem: _Problem, active: list[_Rule], deadline: float, limit: float):
    """Drop rules, least important first, until the rest can all be met. Returns (rules kept, number
    of groups, a solution)."""
    k = problem.k
    patience = 1.0
    while True:
        remaining = max(deadline - time.monotonic(), _PROBE_SECONDS) * patience
        status, core, assignment = _probe(problem, active, k, active, remaining)
        if status == "feasible":
            even = [r for r in problem.rules if r.kind == _EVEN]
            if even and even[0] not in active:  # sizes as even as the kept rules allow; solve within them
                band = _even_band(problem, active, k, max(deadline - time.monotonic(), _PROBE_SECONDS))
                if band is not None:
                    problem.even, problem.special, assignment, problem.uneven = band
                    active = [*active, even[0]]
            return active, k, assignment
        if status == "unknown" and patience == 1.0:  # give the solver longer before giving up a rule
            patience = 4.0
            continue
        patience = 1.0
        if status == "unknown" or not core:  # still no answer: drop the least important kind wholesale
            if not active:
                return active, k, [p % k for p in range(problem.n)]  # sizes alone always fit like this
            kind = min(r.kind for r in active)
            for rule in [r for r in active if r.kind == kind and kind not in (_SPREAD, _EVEN)]:
                problem.unmet.append(f"Could not {_describe(problem, rule)}: no grouping that meets it "
                                     f"with the other rules was found in {limit:g} s.")
            active = [r for r in active if r.kind != kind]
            continue
        core = _minimise(problem, active, k, core, deadline)
        kinds = {r.kind for r in core}
        if _SPREAD in kinds:  # no-evidence learners may bunch up: the objective still evens them out
            active = [r for r in active if r.kind != _SPREAD]
            continue
        if _EVEN in kinds:  # sizes must be uneven: how much, once the other conflicts are settled
            active = [r for r in active if r.kind != _EVEN]
            continue
        more = kinds <= {_APART, _MIN, _MAX, _CAPACITY} and kinds & {_APART, _MAX}
        if problem.auto_count and k < problem.k_max and more:
            k += 1  # more, smaller groups could meet these: the count is the fewest that meet the rules
            problem.reset_sizes(k)
            active = [*active, *[r for r in problem.rules if r.kind in (_SPREAD, _EVEN) and r not in active]]
            continue
        victim = min(core, key=lambda r: (r.kind, -r.order))
        problem.unmet.append(_explain(problem, victim, [r for r in core if r is not victim], k))
        active = [r for r in active if r is not victim]


def _even_band(problem: _Problem, active: Sequence[_Rule], k: int, seconds: float):
    """Sizes as even as the rules in ``active`` allow, found by a solve that ignores levels: (the range
    of sizes of the usual groups, the odd group out as (a learner in it, its size) or None, that
    grouping, its unevenness). None if no grouping was found in time."""
    built = _build(problem, active, k, guarded=False, goal="sizes")
    if built is None:
        return None
    solver = _solver(seconds)
    if solver.solve(built.model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    assignment = _assignment(built, solver, k)
    sizes = [assignment.count(g) for g in range(k)]
    even = problem.even_sizes(k)
    odd = max(range(k), key=lambda g: _far(sizes[g], even))
    special = None
    if k > 1 and _far(sizes[odd], even):
        # Usually one group is odd because of one rule: a support's capacity, or a unit too big to share.
        held = [p for p, g in enumerate(assignment) if g == odd]
        needs = [problem.pos[r.a] for r in active if r.kind == _MEMBER and problem.pos[r.a] in held
                 and any(c.kind == _CAPACITY and c.support.need == r.support.need for c in active)]
        units = Counter(built.unit_of[p] for p in held)
        biggest = max(units, key=lambda u: (units[u], -u))
        if needs:
            special = (needs[0], (sizes[odd], sizes[odd]))
        elif units[biggest] > 1:
            special = (next(p for p in held if built.unit_of[p] == biggest), (sizes[odd], sizes[odd]))
    rest = [size for g, size in enumerate(sizes) if special is None or g != odd]
    return (min(rest), max(rest)), special, assignment, round(solver.objective_value)


def _minimise(problem: _Problem, active: Sequence[_Rule], k: int, core: list[_Rule], deadline: float):
    """Shrink the conflict to a minimal one, trying to leave out important rules first, so what remains
    is the conflict among the least important rules (the ones to drop)."""
    core = list(core)
    for rule in sorted(core, key=lambda r: (-r.kind, r.order)):
        if len(core) == 1:
            break
        trial = [r for r in core if r is not rule]
        remaining = max(deadline - time.monotonic(), _PROBE_SECONDS)
        status, smaller, _ = _probe(problem, active, k, trial, remaining)
        if status == "infeasible":
            core = [r for r in trial if r in smaller] if smaller else trial
    return core


# -- plain words ------------------------------------------------------------------------------------


def _describe(problem: _Problem, rule: _Rule) -> str:
    name = _namer(problem)
    if rule.kind == _TOGETHER:
        return f"keep {name(rule.a)} and {name(rule.b)} together"
    if rule.kind == _APART:
        return f"keep {name(rule.a)} and {name(rule.b)} apart"
    if rule.kind == _MEMBER:
        return f"put {name(rule.a)} with the others at the {rule.support.station}"
    if rule.kind == _CAPACITY:
        return f"keep the {rule.support.station} group to at most {rule.support.capacity}"
    if rule.kind == _MIN:
        return f"make every group at least {problem.lo}"
    return f"keep every group to at most {problem.hi}{_because(problem.reason)}"


def _gerund(text: str) -> str:
    verb, rest = text.split(" ", 1)
    return {"keep": "keeping", "put": "putting", "make": "making"}[verb] + " " + rest


def _explain(problem: _Problem, rule: _Rule, others: list[_Rule], k: int) -> str:
    """Why ``rule`` was dropped, from the other rules it conflicts with."""
    name = _namer(problem)
    head = f"Could not {_describe(problem, rule)}"
    kinds = {r.kind for r in others}
    bound = next((r for r in others if r.kind == _CAPACITY), None)
    if rule.kind in (_TOGETHER, _MEMBER):
        forced = _forced(problem, [rule, *others], rule.a)
        split = next((r for r in others if r.kind == _APART and r.a in forced and r.b in forced), None)
        rest = [name(i) for i in forced if i not in (rule.a, rule.b)]
        if split is not None:
            if {split.a, split.b} == {rule.a, rule.b}:
                return f"{head}: they are also to be kept apart."
            if rule.a in (split.a, split.b):
                other = split.b if rule.a == split.a else split.a
                return f"{head}: {name(rule.a)} and {name(other)} are to be kept apart."
            return (f"{head}: that would put {name(split.a)} and {name(split.b)}, who are to be kept "
                    f"apart, in one group.")
        if rule.kind == _MEMBER:
            also = " and those they are kept together with" if _TOGETHER in kinds else ""
            size_words = (f"with the others who need it ({_names(rest)}){also}, the group would be "
                          f"{len(forced)}")
        else:
            size_words = (f"with {_names(rest)} they would need a group of {len(forced)}" if rest
                          else f"they would need a group of {len(forced)}")
        if bound is not None and len(forced) > bound.support.capacity:
            station, capacity = bound.support.station, bound.support.capacity
            return f"{head}: {size_words}, and the {station} takes at most {capacity}."
        if _MAX in kinds and problem.hi is not None and len(forced) > problem.hi:
            return f"{head}: {size_words}, and no group may be over {problem.hi}{_because(problem.reason)}."
    if rule.kind == _CAPACITY and kinds == {_MAX} and problem.hi is not None:
        least = problem.n - (k - 1) * problem.hi
        limit = f"{problem.hi}{_because(problem.reason)}"
        return (f"{head}: {problem.n} learners in {k} groups of at most {limit} leave no group smaller "
                f"than {least}.")
    if rule.kind == _MIN and bound is not None and kinds <= {_CAPACITY, _MEMBER, _MAX}:
        return f"{head}: the {bound.support.station} takes at most {bound.support.capacity}."
    if k == 1:
        return f"{head}: there is only one group."
    if k == problem.n and rule.kind in (_TOGETHER, _MEMBER):
        return f"{head}: with {k} groups for {k} learners, every group has one learner."
    if rule.kind == _APART and kinds <= {_APART, _MIN, _MAX}:
        who = _ordered({i for r in [rule, *others] if r.kind == _APART for i in (r.a, r.b)}, problem.learners,
                       problem.rank)
        limit = f" of at most {problem.hi}" if _MAX in kinds else ""
        return (f"{head}: with {k} group{_s(k)}{limit}, the keep-apart rules among "
                f"{_names([name(i) for i in who])} cannot all be met.")
    if others:
        return f"{head}: it conflicts with {_names([_gerund(_describe(problem, r)) for r in others])}."
    return f"{head}: it cannot be met with {k} groups for {problem.n} learners."


def _forced(problem: _Problem, rules: Sequence[_Rule], start: str) -> list[str]:
    """The learners the given rules force into one group with ``start`` (in class order)."""
    links: dict[str, set[str]] = defaultdict(set)
    by_need: dict[str, list[str]] = defaultdict(list)
    for r in rules:
        if r.kind == _TOGETHER:
            links[r.a].add(r.b)
            links[r.b].add(r.a)
        elif r.kind == _MEMBER:
            by_need[r.support.need].append(r.a)
    for who in by_need.values():
        for i in who:
            links[i].update(who)
    seen, todo = {start}, [start]
    while todo:
        for j in links[todo.pop()] - seen:
            seen.add(j)
            todo.append(j)
    return _ordered(seen, problem.learners, problem.rank)


# -- output -----------------------------------------------------------------------------------------


def _result(problem: _Problem, active: Sequence[_Rule], assignment: list[int], status: str, bound: float,
            absent: list[str]) -> Grouping:
    k = problem.k
    groups: list[list[int]] = [[] for _ in range(k)]
    for p, g in enumerate(assignment):
        groups[g].append(p)
    groups = [g for g in groups if g]
    objective = _score(problem, groups, active)
    if problem.mode == Mode.HOMOGENEOUS:  # ascending mean level; groups with no levels last

        def mean(group: list[int]) -> tuple:
            levels = [problem.scaled[p] for p in group if problem.scaled[p] is not None]
            return (not levels, sum(levels) / len(levels) if levels else 0.0)

        groups.sort(key=mean)
    ids = [sorted((problem.learners[p].id for p in g), key=problem.rank.__getitem__) for g in groups]
    if problem.mode == Mode.HETEROGENEOUS:
        ids.sort(key=lambda g: problem.rank[g[0]])
    home = {i: g for g, members in enumerate(ids) for i in members}
    support_groups = {}
    for need in problem.needers:
        kept = [r.a for r in active if r.kind == _MEMBER and r.support.need == need]
        if kept:
            support_groups[need] = home[kept[0]]
    if problem.unmet:
        status = "relaxed"
    return Grouping(ids, support_groups, absent, list(problem.unmet), status, float(objective),
                    float(min(bound, objective)))


def _score(problem: _Problem, groups: list[list[int]], active: Sequence[_Rule]) -> int:
    """The objective of a grouping, as the model counts it (an exact value for the result)."""
    k = len(groups)
    size_weight, unknown_weight = _weights(problem, problem.k)

    def outside(values: list[int], total: int) -> int:
        return sum(_far(v, (total // k, -(-total // k))) ** 2 for v in values)

    even = any(rule.kind == _EVEN for rule in active)
    total = 0 if even else size_weight * outside([len(g) for g in groups], problem.n)
    if problem.mode == Mode.HOMOGENEOUS:
        for g in groups:
            levels = [problem.scaled[p] for p in g if problem.scaled[p] is not None]
            total += max(levels) - min(levels) if levels else 0
        if not any(rule.kind == _SPREAD for rule in active):
            unknown = [sum(problem.scaled[p] is None for p in g) for g in groups]
            total += unknown_weight * outside(unknown, problem.n - problem.leveled)
    else:
        totals = Counter(learner.band for learner in problem.learners)
        for g in groups:
            counts = Counter(problem.learners[p].band for p in g)
            total += sum(abs(k * counts[b] - t) for b, t in totals.items())
    return total


# -- small words ------------------------------------------------------------------------------------


def _namer(problem: _Problem):
    return lambda i: problem.by_id[i].name


def _pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(dict.fromkeys(tuple(p) for p in pairs))


def _ordered(ids: Iterable[str], learners: Sequence[Learner],
             rank: dict[str, int] | None = None) -> list[str]:
    if rank is None:
        rank = {learner.id: r for r, learner in enumerate(learners)}
    return sorted(ids, key=lambda i: rank.get(i, len(rank)))


def _names(names: Sequence[str], last: str = "and") -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {last} {names[-1]}"


def _numbers(groups: Iterable[int]) -> str:
    return _names([str(g + 1) for g in groups])


def _because(reason: str) -> str:
    return f" ({reason})" if reason else ""


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def _are(count: int) -> str:
    return "is" if count == 1 else "are"
