"""Learning paths: what a student is ready to learn next, and why, from a framework's tree and its
CASE ``precedes`` links (origin precedes destination: the origin is a prerequisite). Pure: no
database, no Qt.

The rule, as a teacher can check it:

- A competency's prerequisites are the origins of the ``precedes`` links that point at it or at any
  of its parents (a link into a cluster applies to every part of the cluster). A prerequisite that
  has parts (a cluster, a standard with components) counts as mastered when every part is.
- A competency is *ready to learn* when it is not mastered and none of its prerequisites is below
  mastery. The tree's sibling order never blocks (6.RP.A.3a–d are not a chain); it only ranks.

A prerequisite reads as one of three states for a student:

- mastered: at or above the mastery level (the caller decides, e.g. ``ClassMastery.mastered``);
- below mastery: it has evidence below mastery, or it is one the class assesses (``assessed``) and
  has no evidence yet; this blocks, and the reason names it: "needs 6.RP.A.1 (Developing)";
- unknown: outside what the class assesses and no evidence (a lower grade's standard): it does not
  block, and the reason says to check it.

Identifiers joined by ``exactMatchOf`` are one competency, so a link to another framework's copy of
an item (OpenSALT's 6.RP.A.2 precedes 7.RP.A.1 is written that way) still counts. Links with an
end not in the framework are kept aside, unused, in ``PathGraph.outside``.

Cycles: links that go round in a circle (A precedes B precedes A, or a cluster preceding its own
part) are found once, reported in ``PathGraph.cycles`` and ignored for readiness, so every
competency still gets an answer.

Ranking: ready competencies the student has started (has evidence on) first, then ready untouched
ones, then the ones not yet ready (fewest missing prerequisites first); ties in framework order.

The graph is built once per framework (``PathGraph``) and reused for every student.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class State(StrEnum):
    MASTERED = "mastered"
    BELOW = "below mastery"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PathCompetency:
    """One competency of the framework as the path logic sees it."""

    id: str
    identifier: str | None = None  # the CASE identifier that precedes links name
    parent_id: str | None = None
    sequence: int = 0
    code: str = ""  # as the teacher reads it, e.g. "6.RP.A.1"

    @property
    def label(self) -> str:
        return self.code or self.identifier or self.id


@dataclass(frozen=True)
class StudentMastery:
    """One student's standing: what is mastered, what has any evidence, and the level labels."""

    mastered: Collection[str] = frozenset()
    evidence: Collection[str] = frozenset()  # ids with any evidence (mastered or not)
    levels: Mapping[str, str] = field(default_factory=dict)  # id -> level label, e.g. "Developing"


@dataclass(frozen=True)
class Prerequisite:
    competency_id: str
    code: str
    state: State
    detail: str  # "Proficient", "Developing", "no evidence yet", "2 of 4 parts mastered"


@dataclass(frozen=True)
class Suggestion:
    competency_id: str
    code: str
    ready: bool
    started: bool  # the student has evidence on it
    why: str  # the reasoning in plain words, for the teacher
    prerequisites: tuple[Prerequisite, ...] = ()
    playlists: tuple[str, ...] = ()  # titles of active playlists that target it (filled by the service)
    playlist_ids: tuple[str, ...] = ()  # their ids, in the same order

    @property
    def missing(self) -> list[Prerequisite]:
        return [p for p in self.prerequisites if p.state is State.BELOW]

    @property
    def playlist_text(self) -> str:
        if not self.playlists:
            return "no active playlist targets it yet"
        titles = _join([f"“{title}”" for title in self.playlists])
        return f"active playlist{'s' if len(self.playlists) > 1 else ''}: {titles}"


def _join(words: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


class PathGraph:
    """The prerequisite graph of one framework, precomputed once and reused for every student.

    ``competencies``: the whole framework (parents included); ``precedes``: (prerequisite
    identifier, later identifier) pairs; ``aliases``: exactMatchOf pairs (either end may be the
    framework's own identifier).
    """

    def __init__(self, competencies: Iterable[PathCompetency], precedes: Iterable[tuple[str, str]],
                 aliases: Iterable[tuple[str, str]] = ()) -> None:
        self.nodes: dict[str, PathCompetency] = {c.id: c for c in competencies}
        self.cycles: list[tuple[str, ...]] = []  # ids going round in a circle, in framework order
        self.outside: list[tuple[str, str]] = []  # precedes links with an end not in the framework: unused
        self._build_tree()
        direct = self._direct(precedes, aliases)
        self._requires, self._circular = self._resolve(direct)

    # -- building --------------------------------------------------------------------------------

    def _build_tree(self) -> None:
        nodes = self.nodes
        parent = {node.id: node.parent_id if node.parent_id in nodes and node.parent_id != node.id else None
                  for node in nodes.values()}

        def children_of() -> dict[str | None, list[str]]:
            children: dict[str | None, list[str]] = {}
            for node_id in sorted(nodes, key=lambda i: (nodes[i].sequence, nodes[i].code)):
                children.setdefault(parent[node_id], []).append(node_id)
            return children

        children = children_of()
        # Framework order: the tree depth first, siblings by sequence (iterative: no recursion limit).
        order: list[str] = []
        seen: set[str] = set()
        stack = list(reversed(children.get(None, [])))
        while stack:
            node_id = stack.pop()
            if node_id not in seen:
                seen.add(node_id)
                order.append(node_id)
                stack.extend(reversed(children.get(node_id, [])))
        # Items caught in a parent cycle are never reached from the top: lifted to the top level, last.
        stray = [node_id for node_id in sorted(nodes, key=lambda i: (nodes[i].sequence, nodes[i].code))
                 if node_id not in seen]
        if stray:
            for node_id in stray:
                parent[node_id] = None
            children = children_of()
            order += stray
        self._parent = parent
        self._children = children
        self.order = order
        self._rank = {node_id: index for index, node_id in enumerate(order)}
        self._ancestors: dict[str, tuple[str, ...]] = {}
        for node_id in order:  # parents come first, so theirs are known
            up = parent[node_id]
            self._ancestors[node_id] = () if up is None else (up, *self._ancestors[up])
        # The parts a node stands for: its leaves (itself when it has no children).
        self._parts: dict[str, tuple[str, ...]] = {}
        for node_id in reversed(order):  # children before parents
            kids = children.get(node_id, [])
            self._parts[node_id] = tuple(leaf for kid in kids for leaf in self._parts[kid]) if kids else (node_id,)

    def _direct(self, precedes: Iterable[tuple[str, str]], aliases: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
        by_identifier = {node.identifier: node.id for node in self.nodes.values() if node.identifier}
        for one, other in aliases:
            if one in by_identifier and other not in by_identifier:
                by_identifier[other] = by_identifier[one]
            elif other in by_identifier and one not in by_identifier:
                by_identifier[one] = by_identifier[other]
        direct: dict[str, list[str]] = {}
        for origin, destination in precedes:
            before, after = by_identifier.get(origin), by_identifier.get(destination)
            if before is None or after is None:
                # A prerequisite outside the framework cannot be read; one of something outside it
                # says nothing about what to learn here. Kept aside, for the teacher to see.
                self.outside.append((origin, destination))
            elif before not in direct.setdefault(after, []):
                direct[after].append(before)
        return direct

    def _in_subtree(self, node_id: str, top: str) -> bool:
        return node_id == top or top in self._ancestors[node_id]

    def _resolve(self, direct: dict[str, list[str]]) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        """Each node's prerequisites (its own links and its parents'), minus the circular ones."""
        requires: dict[str, list[str]] = {}
        for node_id in self.order:
            found: list[str] = list(direct.get(node_id, ()))
            for ancestor in self._ancestors[node_id]:
                # A part preceding its own cluster orders work inside the cluster: not inherited.
                found += [p for p in direct.get(ancestor, ()) if not self._in_subtree(p, ancestor)]
            requires[node_id] = sorted(dict.fromkeys(found), key=self._rank.__getitem__)
        # Edges: prerequisite -> competency, and part -> parent (a parent's mastery waits on its parts).
        edges: dict[str, list[str]] = {node_id: [] for node_id in self.order}
        for node_id, before in requires.items():
            for prerequisite in before:
                edges[prerequisite].append(node_id)
        for node_id, parent in self._parent.items():
            if parent is not None:
                edges[node_id].append(parent)
        component = self._components(edges)
        members: dict[int, list[str]] = {}
        for node_id in self.order:
            members.setdefault(component[node_id], []).append(node_id)
        looped = {component[node_id] for node_id, before in requires.items() if node_id in before}
        self.cycles = [tuple(ids) for key, ids in members.items() if len(ids) > 1 or key in looped]
        kept: dict[str, tuple[str, ...]] = {}
        circular: dict[str, tuple[str, ...]] = {}
        for node_id, before in requires.items():
            kept[node_id] = tuple(p for p in before if component[p] != component[node_id])
            circular[node_id] = tuple(p for p in before if component[p] == component[node_id])
        return kept, circular

    def _components(self, edges: dict[str, list[str]]) -> dict[str, int]:
        """Strongly connected components (Tarjan's algorithm, iterative)."""
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        on_stack: set[str] = set()
        stack: list[str] = []
        component: dict[str, int] = {}
        counter = 0
        for start in self.order:
            if start in index:
                continue
            work = [(start, 0)]
            while work:
                node_id, position = work.pop()
                if position == 0:
                    index[node_id] = low[node_id] = counter
                    counter += 1
                    stack.append(node_id)
                    on_stack.add(node_id)
                targets = edges[node_id]
                if position < len(targets):
                    work.append((node_id, position + 1))
                    target = targets[position]
                    if target not in index:
                        work.append((target, 0))
                    elif target in on_stack:
                        low[node_id] = min(low[node_id], index[target])
                    continue
                if low[node_id] == index[node_id]:
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component[member] = index[node_id]
                        if member == node_id:
                            break
                if work:
                    caller = work[-1][0]
                    low[caller] = min(low[caller], low[node_id])
        return component

    # -- reading ---------------------------------------------------------------------------------

    def prerequisites(self, competency_id: str) -> tuple[str, ...]:
        """The ids that must be mastered before this one (circular links left out), in framework order."""
        return self._requires.get(competency_id, ())

    def parts(self, competency_id: str) -> tuple[str, ...]:
        return self._parts.get(competency_id, (competency_id,))

    def leaves(self) -> list[str]:
        """The assessable competencies (those without parts), in framework order."""
        return [node_id for node_id in self.order if self._parts[node_id] == (node_id,)]

    def needed(self, candidates: Iterable[str]) -> set[str]:
        """Every id whose mastery the suggestions for these candidates read."""
        found: set[str] = set()
        for candidate in candidates:
            for prerequisite in self._requires.get(candidate, ()):
                found.add(prerequisite)
                found.update(self._parts[prerequisite])
        return found

    def describe_cycles(self) -> list[str]:
        return [f"{_join([self.nodes[i].label for i in ids])} go round in a circle of precedes links; "
                "those links are ignored" if len(ids) > 1 else
                f"{self.nodes[ids[0]].label} precedes itself; that link is ignored" for ids in self.cycles]

    def label(self, competency_id: str) -> str:
        node = self.nodes.get(competency_id)
        return node.label if node else competency_id

    # -- suggesting ------------------------------------------------------------------------------

    def suggest(self, student: StudentMastery, candidates: Iterable[str] | None = None,
                assessed: Collection[str] | None = None, limit: int | None = None) -> list[Suggestion]:
        """What this student could learn next among ``candidates`` (default: every leaf), best first.

        ``assessed``: the ids the class assesses (default: all); a prerequisite outside them with
        no evidence is unknown rather than below mastery.
        """
        return self.suggest_all({"": student}, candidates, assessed, limit)[""]

    def suggest_all(self, students: Mapping[str, StudentMastery], candidates: Iterable[str] | None = None,
                    assessed: Collection[str] | None = None,
                    limit: int | None = None) -> dict[str, list[Suggestion]]:
        """``suggest`` for many students: the candidates are ordered once, the graph read for each."""
        chosen = self.leaves() if candidates is None else sorted(
            {c for c in candidates if c in self.nodes}, key=self._rank.__getitem__)
        return {student_id: self._suggest(student, chosen, assessed, limit)
                for student_id, student in students.items()}

    def _suggest(self, student: StudentMastery, candidates: list[str], assessed: Collection[str] | None,
                 limit: int | None) -> list[Suggestion]:
        memo: dict[str, tuple[State, str]] = {}

        def state(node_id: str) -> tuple[State, str]:
            known = memo.get(node_id)
            if known is None:
                known = memo[node_id] = self._state(node_id, student, assessed)
            return known

        # Rank first on what is cheap (states are memoised); build the reasons only for those kept.
        ranked: list[tuple[tuple, str, bool]] = []
        for candidate in candidates:
            if state(candidate)[0] is State.MASTERED:
                continue
            missing = sum(state(p)[0] is State.BELOW for p in self._requires[candidate])
            started = candidate in student.evidence
            key = (0, not started, self._rank[candidate]) if missing == 0 else (1, missing, self._rank[candidate])
            ranked.append((key, candidate, started))
        ranked.sort()
        found = []
        for (ready, _, _), candidate, started in ranked if limit is None else ranked[:limit]:
            prerequisites = tuple(Prerequisite(p, self.nodes[p].label, *state(p)) for p in self._requires[candidate])
            found.append(Suggestion(candidate, self.nodes[candidate].label, ready == 0, started,
                                    self._why(candidate, prerequisites, started, student), prerequisites))
        return found

    def _state(self, node_id: str, student: StudentMastery, assessed: Collection[str] | None) -> tuple[State, str]:
        if node_id in student.mastered:
            return State.MASTERED, student.levels.get(node_id, "mastered")
        parts = self._parts[node_id]
        if parts == (node_id,):
            if node_id in student.evidence:
                return State.BELOW, student.levels.get(node_id, "below mastery")
            if assessed is None or node_id in assessed:
                return State.BELOW, "no evidence yet"
            return State.UNKNOWN, "not assessed in this class, no evidence"
        states = [self._state(part, student, assessed)[0] for part in parts]
        done = states.count(State.MASTERED)
        if done == len(parts):
            return State.MASTERED, f"all {done} parts mastered"
        if State.BELOW in states or node_id in student.evidence:
            return State.BELOW, f"{done} of {len(parts)} parts mastered"
        return State.UNKNOWN, f"{done} of {len(parts)} parts mastered, the others not assessed in this class"

    def _why(self, candidate: str, prerequisites: tuple[Prerequisite, ...], started: bool,
             student: StudentMastery) -> str:
        missing = [f"{p.code} ({p.detail})" for p in prerequisites if p.state is State.BELOW]
        mastered = [p.code for p in prerequisites if p.state is State.MASTERED]
        unknown = [f"{p.code} ({p.detail})" for p in prerequisites if p.state is State.UNKNOWN]
        many = len(mastered) > 1
        done = f"{_join(mastered)} {'are' if many else 'is'} mastered"
        if missing:
            text = f"not yet: needs {_join(missing)}" + (f"; {done}" if mastered else "")
        elif mastered:
            text = f"ready: its prerequisite{'s' if many else ''} {done}"
        elif unknown:
            text = "ready as far as this class shows"
        else:
            text = "ready: it has no prerequisites in the framework"
        if unknown:
            lead = "" if missing or mastered else f"its prerequisite{'s' if len(unknown) > 1 else ''} "
            text += f"; check {lead}{_join(unknown)}"
        if started and not missing:
            text += f"; already started ({student.levels.get(candidate, 'below mastery')})"
        circular = [self.nodes[p].label for p in self._circular.get(candidate, ()) if p != candidate]
        if self._circular.get(candidate):
            text += f"; its circular link with {_join(circular) or 'itself'} is ignored"
        return text
