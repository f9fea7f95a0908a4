"""Early warning (issue 11): plain rules over a student's records that flag who may need help, and
who is ready to move up. Pure functions: plain dataclasses in, flags out. No black box: each flag
carries the numbers that tripped it and the threshold it was held against (``Flag.facts``), and the
evidence behind it (``Flag.evidence_ids``); the UI words the sentence from them. Every threshold is
a school setting (``Thresholds``, kept in the school's "early_warning" setting).

Evaluation is "as of ``today``": nothing dated after today counts (evidence observed later, a
conference held later). Evidence that another live row ``supersedes`` (a correction) and deleted
rows never count. "Days since" is whole calendar days: ``(today - day).days``.

The rules, in the order flags are listed for a student:

BEHIND_PACE ("behind pace"), per playlist assignment reaching the student
    Only must-do (required) items count; an item is done when its progress is "done" or
    "submitted". The pace starts on the assignment's start date, or, when it has none, on the day
    it was assigned (``PlaylistPace.assigned_on``); with neither, or with no due date, no pace can
    be expected and the rule stays silent. Before the start nothing is expected; between start
    and due ``expected = total * elapsed_days / span_days``; from the due date on (past due and
    not finished) ``expected = total``. Flag when ``done < expected - margin * total``. A finished
    assignment (done >= total, which includes one with no must-do items) is never behind.
    facts: done, expected (2 decimals), total, start, due, margin, behind (expected - done),
    elapsed_days, span_days, past_due, start_from ("start date" | "assigned").

NO_EVIDENCE ("no evidence"), per competency the class is assessing
    A competency is being assessed by the class when at least ``assessed_share`` of the class's
    students (half, by default; at least one) have evidence on it observed within the last N days
    (``today - N`` or later): one student's piece does not make the whole class "assessed", or every
    classmate would be flagged for it. A student whose own newest evidence on
    it is more than N days old (``days_since > N``), or who has none, is flagged.
    facts: n, days_since (null when none), last_on (null when none), class_last_on.
    evidence_ids: the student's newest piece on it, if any.

FALLING ("mastery falling"), per competency with evidence
    The newest K scores (by observed_on, then recording order, then id), K = falling_pieces; fewer
    than K: silent. A least-squares line over their order (x = 0..K-1); the fitted drop is
    ``-(slope * (K - 1))``, from the line's first point to its last. Flag when ``drop >= D``.
    facts: scores and dates (oldest first), drop (3 decimals), k, d. evidence_ids: those K, newest
    first.

FOLLOW_UP_OVERDUE ("follow-up overdue")
    Per next step that is open (not done, not deleted) with ``due_on < today - grace``; and per
    conference whose ``follow_up_on < today - grace`` with no conference held after it (held on a
    later day) for that student.
    facts: kind ("step" | "conference"), due, days_overdue, grace; a step's owner; a conference's
    held_on. subject_id: the step or the conference.

NOT_MET ("not met by advisor"), for a student with an advisor
    The clock runs from the student's last conference (by anyone), or from the day the advisor
    assignment started when that is later (a new advisor gets N days), or, with neither, has
    already run out (never met). Flag when ``days > N``.
    facts: last_on (null: never met), days_since (since last_on; null when never), n, since
    (the day the clock runs from; null when never met and no start), days (since ``since``).
    subject_id: the advisor.

READY ("ready to move up", the positive flag), per competency with evidence
    The newest K scores (K = falling_pieces, as for FALLING) are all ``>= ready_score``, and the
    competency is still being worked on: it is a target (or a checkpoint's competency) of one of
    the student's assignments that is not finished, or the class is still assessing it (the same
    test as NO_EVIDENCE's). Both count: a student who finished the playlist and keeps scoring at
    mastery while the class is still on it is exactly who is ready. Not raised where FALLING is
    raised on the same competency (4, 3.5, 3 is at mastery but falling: the concern wins).
    facts: scores and dates (oldest first), k, ready_score, working_on ("playlist" | "class"),
    playlist (the unfinished playlist's title, or null). evidence_ids: those K, newest first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from enum import StrEnum

DONE_STATUSES = frozenset({"done", "submitted"})  # ProgressStatus.DONE and .SUBMITTED
_EPSILON = 1e-9  # float noise: a drop of 0.49999999999 against D = 0.5 is at the threshold


class Rule(StrEnum):
    BEHIND_PACE = "behind pace"  # a playlist assignment: done vs expected by today
    NO_EVIDENCE = "no evidence"  # a competency the class is assessing, none from this student in N days
    FALLING = "mastery falling"  # the last K scores on a competency trend down by at least D
    FOLLOW_UP_OVERDUE = "follow-up overdue"  # an open next step past due, or a conference's follow-up passed
    NOT_MET = "not met by advisor"  # an advisee with no conference in N days (or never)
    READY = "ready to move up"  # at or above mastery on the last K pieces of a competency still worked on


RULE_ORDER = {rule: index for index, rule in enumerate(Rule)}

# Each setting's kind and allowed range (inclusive; None: unbounded).
_LIMITS: dict[str, tuple[type, float | None, float | None]] = {
    "pace_margin": (float, 0.0, 1.0),
    "no_evidence_days": (int, 1, 3650),
    "falling_pieces": (int, 2, 50),
    "falling_drop": (float, _EPSILON, 100.0),
    "follow_up_grace_days": (int, 0, 3650),
    "advisor_days": (int, 1, 3650),
    "ready_score": (float, None, None),
    "assessed_share": (float, 0.0, 1.0),
}


def _checked(name: str, value) -> int | float | None:
    """``value`` as setting ``name`` takes it, or None when it is not a number in range."""
    kind, low, high = _LIMITS[name]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    if kind is int:
        if value != int(value):
            return None
        value = int(value)
    else:
        value = float(value)
    if (low is not None and value < low) or (high is not None and value > high):
        return None
    return value


@dataclass(frozen=True)
class Thresholds:
    """A school's settings; the defaults are what a school starts with."""

    pace_margin: float = 0.2  # behind when done < expected - margin * total (a share of the must-do items)
    no_evidence_days: int = 14
    falling_pieces: int = 3  # K: how many of the newest scores the trend (and READY) looks at
    falling_drop: float = 0.5  # D: fitted drop from first to last of those K, in scale points
    follow_up_grace_days: int = 0
    advisor_days: int = 21
    ready_score: float = 3.0  # the mastery level
    assessed_share: float = 0.5  # NO_EVIDENCE: the class is assessing a competency when this share has recent evidence

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, d: dict) -> Thresholds:
        """Unknown keys are ignored; a missing or bad value (not a number, out of range) is the default."""
        if not isinstance(d, Mapping):
            return cls()
        values = {}
        for name in _LIMITS:
            if name in d:
                value = _checked(name, d[name])
                if value is not None:
                    values[name] = value
        return cls(**values)

    def invalid(self) -> list[str]:
        """The settings whose value is not a number in its range (none for any ``from_dict`` result)."""
        return [name for name in _LIMITS if _checked(name, getattr(self, name)) is None]


@dataclass(frozen=True)
class Flag:
    rule: Rule
    student_id: str
    subject_id: str  # the competency, playlist assignment, next step, conference or advisor ("" if none)
    subject: str  # that thing's title as a person reads it (competency code/statement, playlist title, step text)
    facts: dict  # the numbers that tripped it and the threshold used, JSON-able
    evidence_ids: tuple[str, ...] = ()  # the evidence rows behind it, newest first

    @property
    def key(self) -> str:
        """Stable across evaluations: what a meeting compares with the last one."""
        return f"{self.rule.value}|{self.student_id}|{self.subject_id}"

    @property
    def concern(self) -> bool:
        return self.rule != Rule.READY


# -- inputs ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScorePoint:
    """One piece of evidence, as stored: superseded and deleted rows are passed in and skipped here."""

    evidence_id: str
    observed_on: date
    score: float
    competency_id: str = ""
    supersedes_id: str | None = None  # the row this one corrects
    deleted: bool = False
    order: int = 0  # same-day tie-break: the order it was recorded in (the store's hlc stamp)


@dataclass(frozen=True)
class PlaylistPace:
    """A playlist assignment reaching the student, counted on its must-do items."""

    assignment_id: str
    title: str
    start: date | None
    due: date | None
    total_required: int
    done_required: int
    assigned_on: date | None = None  # when it was assigned: the pace's start when there is no start date
    competency_ids: tuple[str, ...] = ()  # what it works on (its targets and checkpoints' competencies)

    @property
    def finished(self) -> bool:
        return self.done_required >= self.total_required


@dataclass(frozen=True)
class StepDue:
    """A conference's next step."""

    step_id: str
    text: str
    due_on: date | None
    done: bool = False
    deleted: bool = False
    owner: str = "student"


@dataclass(frozen=True)
class ConferenceSeen:
    conference_id: str
    held_on: date
    follow_up_on: date | None = None
    kind: str = ""
    deleted: bool = False


@dataclass(frozen=True)
class AdvisorLink:
    """The student's advisor (an advisor assignment): NOT_MET applies only to a student with one."""

    advisor_id: str
    name: str = ""
    start: date | None = None


@dataclass(frozen=True)
class StudentInputs:
    student_id: str
    evidence: Sequence[ScorePoint] = ()  # every competency's; each ScorePoint names its competency
    playlists: Sequence[PlaylistPace] = ()
    steps: Sequence[StepDue] = ()
    conferences: Sequence[ConferenceSeen] = ()
    advisor: AdvisorLink | None = None
    titles: Mapping[str, str] = field(default_factory=dict)  # competency id -> as a person reads it
    # The class's context for NO_EVIDENCE and READY: competency -> the newest day anyone in the class
    # showed it. None: this student's own evidence only (evaluate(ClassInputs) fills it in).
    assessed: Mapping[str, date] | None = None


@dataclass(frozen=True)
class ClassInputs:
    students: Sequence[StudentInputs]  # flags come out in this order of students
    titles: Mapping[str, str] = field(default_factory=dict)  # competency id -> as a person reads it


# -- helpers ---------------------------------------------------------------------------------------


def live_scores(points: Iterable[ScorePoint], today: date) -> dict[str, list[ScorePoint]]:
    """Competency -> the pieces that count as of ``today``, oldest first: not deleted, not
    superseded by another live row, not observed after today."""
    live = [p for p in points if not p.deleted]
    superseded = {p.supersedes_id for p in live if p.supersedes_id}
    by_competency: dict[str, list[ScorePoint]] = {}
    for point in live:
        if point.evidence_id in superseded or point.observed_on > today:
            continue
        by_competency.setdefault(point.competency_id, []).append(point)
    for found in by_competency.values():
        found.sort(key=lambda p: (p.observed_on, p.order, p.evidence_id))
    return by_competency


def fitted_drop(scores: Sequence[float]) -> float:
    """The least-squares line over the scores in order (x = 0, 1, ...): how far it falls from its
    first point to its last (negative when it rises). 0 for fewer than two scores."""
    n = len(scores)
    if n < 2:
        return 0.0
    mean_x = (n - 1) / 2
    mean_y = math.fsum(scores) / n
    spread = sum((x - mean_x) ** 2 for x in range(n))
    slope = math.fsum((x - mean_x) * (y - mean_y) for x, y in enumerate(scores)) / spread
    return -(slope * (n - 1))


def expected_done(total: int, start: date, due: date, today: date) -> float:
    """How many of ``total`` items should be done by ``today`` at an even pace from start to due."""
    if today <= start:
        return 0.0
    if today >= due:
        return float(total)
    return min(float(total), total * (today - start).days / (due - start).days)


def class_assessed(students: Iterable[StudentInputs], today: date, t: Thresholds | None = None) -> dict[str, date]:
    """Competency -> the newest day any of these students showed it (as of today). With thresholds,
    only the competencies the class is assessing now: at least ``assessed_share`` of the students
    (and at least one) showed it within the last ``no_evidence_days``."""
    students = list(students)
    newest: dict[str, date] = {}
    recent: dict[str, int] = {}
    for student in students:
        for competency_id, found in live_scores(student.evidence, today).items():
            day = found[-1].observed_on
            if competency_id not in newest or day > newest[competency_id]:
                newest[competency_id] = day
            if t is not None and (today - day).days <= t.no_evidence_days:
                recent[competency_id] = recent.get(competency_id, 0) + 1
    if t is None:
        return newest
    needed = max(1.0, t.assessed_share * len(students)) - _EPSILON
    return {c: day for c, day in newest.items() if recent.get(c, 0) >= needed}


def _assessed(student: StudentInputs, today: date) -> Mapping[str, date]:
    return student.assessed if student.assessed is not None else class_assessed([student], today)


def _title(student: StudentInputs, competency_id: str) -> str:
    return student.titles.get(competency_id, competency_id)


def _newest_first(points: Sequence[ScorePoint]) -> tuple[str, ...]:
    return tuple(p.evidence_id for p in reversed(points))


# -- the rules -------------------------------------------------------------------------------------


def behind_pace(student: StudentInputs, t: Thresholds, today: date) -> list[Flag]:
    flags = []
    for pace in student.playlists:
        start, start_from = (pace.start, "start date") if pace.start else (pace.assigned_on, "assigned")
        if start is None or pace.due is None or pace.total_required <= 0 or pace.finished or today <= start:
            continue
        expected = expected_done(pace.total_required, start, pace.due, today)
        if pace.done_required < expected - t.pace_margin * pace.total_required - _EPSILON:
            flags.append(Flag(Rule.BEHIND_PACE, student.student_id, pace.assignment_id, pace.title, {
                "done": pace.done_required, "expected": round(expected, 2), "total": pace.total_required,
                "start": start.isoformat(), "due": pace.due.isoformat(), "margin": t.pace_margin,
                "behind": round(expected - pace.done_required, 2), "elapsed_days": (today - start).days,
                "span_days": (pace.due - start).days, "past_due": today > pace.due, "start_from": start_from}))
    return flags


def no_evidence(student: StudentInputs, t: Thresholds, today: date) -> list[Flag]:
    n = t.no_evidence_days
    mine = live_scores(student.evidence, today)
    flags = []
    for competency_id, class_last in sorted(_assessed(student, today).items()):
        if (today - class_last).days > n:
            continue  # the class is not assessing it now
        found = mine.get(competency_id)
        last = found[-1] if found else None
        days = (today - last.observed_on).days if last else None
        if days is None or days > n:
            flags.append(Flag(Rule.NO_EVIDENCE, student.student_id, competency_id, _title(student, competency_id), {
                "n": n, "days_since": days, "last_on": last.observed_on.isoformat() if last else None,
                "class_last_on": class_last.isoformat()}, (last.evidence_id,) if last else ()))
    return flags


def _falling(points: Sequence[ScorePoint], t: Thresholds) -> float | None:
    """The fitted drop over the newest K, or None when there are fewer than K or it is under D."""
    if len(points) < t.falling_pieces:
        return None
    drop = fitted_drop([p.score for p in points[-t.falling_pieces:]])
    return drop if drop >= t.falling_drop - _EPSILON else None


def falling(student: StudentInputs, t: Thresholds, today: date) -> list[Flag]:
    flags = []
    for competency_id, points in sorted(live_scores(student.evidence, today).items()):
        drop = _falling(points, t)
        if drop is None:
            continue
        last = points[-t.falling_pieces:]
        flags.append(Flag(Rule.FALLING, student.student_id, competency_id, _title(student, competency_id), {
            "scores": [p.score for p in last], "dates": [p.observed_on.isoformat() for p in last],
            "drop": round(drop, 3), "k": t.falling_pieces, "d": t.falling_drop}, _newest_first(last)))
    return flags


def follow_up_overdue(student: StudentInputs, t: Thresholds, today: date) -> list[Flag]:
    grace = t.follow_up_grace_days
    flags = []
    for step in sorted(student.steps, key=lambda s: (s.due_on or date.max, s.step_id)):
        if step.done or step.deleted or step.due_on is None or (today - step.due_on).days <= grace:
            continue
        flags.append(Flag(Rule.FOLLOW_UP_OVERDUE, student.student_id, step.step_id, step.text, {
            "kind": "step", "due": step.due_on.isoformat(), "days_overdue": (today - step.due_on).days,
            "grace": grace, "owner": step.owner}))
    held = [c for c in student.conferences if not c.deleted and c.held_on <= today]
    newest = max((c.held_on for c in held), default=None)
    for conference in sorted(held, key=lambda c: (c.held_on, c.conference_id)):
        due = conference.follow_up_on
        if conference.held_on < newest or due is None or (today - due).days <= grace:
            continue  # met again since, or nothing due (yet)
        flags.append(Flag(Rule.FOLLOW_UP_OVERDUE, student.student_id, conference.conference_id, conference.kind, {
            "kind": "conference", "due": due.isoformat(), "days_overdue": (today - due).days, "grace": grace,
            "held_on": conference.held_on.isoformat()}))
    return flags


def not_met(student: StudentInputs, t: Thresholds, today: date) -> list[Flag]:
    advisor = student.advisor
    if advisor is None:
        return []
    n = t.advisor_days
    last = max((c.held_on for c in student.conferences if not c.deleted and c.held_on <= today), default=None)
    start = advisor.start if advisor.start and advisor.start <= today else None
    since = max((d for d in (last, start) if d is not None), default=None)
    days = (today - since).days if since else None
    if days is not None and days <= n:
        return []
    return [Flag(Rule.NOT_MET, student.student_id, advisor.advisor_id, advisor.name, {
        "last_on": last.isoformat() if last else None, "days_since": (today - last).days if last else None,
        "n": n, "since": since.isoformat() if since else None, "days": days})]


def ready(student: StudentInputs, t: Thresholds, today: date) -> list[Flag]:
    k = t.falling_pieces
    assessed = _assessed(student, today)
    open_playlists: dict[str, str] = {}
    for pace in student.playlists:
        if not pace.finished:
            for competency_id in pace.competency_ids:
                open_playlists.setdefault(competency_id, pace.title)
    flags = []
    for competency_id, points in sorted(live_scores(student.evidence, today).items()):
        if len(points) < k or _falling(points, t) is not None:
            continue
        last = points[-k:]
        if any(p.score < t.ready_score for p in last):
            continue
        class_last = assessed.get(competency_id)
        if competency_id in open_playlists:
            working_on = "playlist"
        elif class_last is not None and (today - class_last).days <= t.no_evidence_days:
            working_on = "class"
        else:
            continue  # nobody is on it any more: nothing to move up from
        flags.append(Flag(Rule.READY, student.student_id, competency_id, _title(student, competency_id), {
            "scores": [p.score for p in last], "dates": [p.observed_on.isoformat() for p in last], "k": k,
            "ready_score": t.ready_score, "working_on": working_on, "playlist": open_playlists.get(competency_id)},
            _newest_first(last)))
    return flags


RULES = (behind_pace, no_evidence, falling, follow_up_overdue, not_met, ready)  # in Rule order


def evaluate_student(student: StudentInputs, thresholds: Thresholds, today: date) -> list[Flag]:
    flags = [flag for rule in RULES for flag in rule(student, thresholds, today)]
    return sorted(flags, key=lambda f: RULE_ORDER[f.rule])  # stable: each rule's own order kept


def evaluate(inputs: StudentInputs | ClassInputs, thresholds: Thresholds, today: date) -> list[Flag]:
    """Every rule for one student, or for each student of a class (with the class's context for
    NO_EVIDENCE and READY). Flags by student (in the order given), then in Rule order."""
    if isinstance(inputs, StudentInputs):
        return evaluate_student(inputs, thresholds, today)
    assessed = class_assessed(inputs.students, today, thresholds)
    flags = []
    for student in inputs.students:
        context = replace(student, titles={**inputs.titles, **student.titles},
                          assessed=assessed if student.assessed is None else student.assessed)
        flags += evaluate_student(context, thresholds, today)
    return flags
