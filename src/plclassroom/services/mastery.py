"""Mastery for a class: levels per student and competency by the class's method and scale,
teacher overrides, recording and correcting evidence, and a student's history.

Evidence is append-only: a correction is a new row that ``supersedes`` the old, and reading
skips superseded rows, so the heatmap "as of" any past day is exact.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select

from plclassroom.domain import (
    DEFAULT_FOUR_POINT_SCALE,
    Competency,
    Evidence,
    EvidenceSource,
    MasteryOverride,
    ProficiencyLevel,
    ProficiencyScale,
    SchoolClass,
)
from plclassroom.domain.mastery import METHOD_LABELS, MasteryResult, Method, Piece, calculate
from plclassroom.services.roster import list_name, students_of
from plclassroom.store.unit_of_work import UnitOfWork


class MasteryError(ValueError):
    """A request the mastery records cannot take; the message is for the teacher."""


@dataclass(frozen=True)
class Level:
    score: float
    min_score: float
    label: str
    color: str


@dataclass
class Scale:
    name: str
    mastery_score: float
    levels: list[Level]  # highest first
    grades: list[tuple[float, str]] = field(default_factory=list)  # (lowest score, grade), any order

    def grade_for(self, score: float | None) -> str:
        """The report-card grade beside a level, where the school converts ("" where it does not)."""
        if score is None or not self.grades:
            return ""
        reached = [(lowest, grade) for lowest, grade in self.grades if score >= lowest]
        return max(reached)[1] if reached else ""

    def level_for(self, score: float | None) -> Level | None:
        if score is None:
            return None
        return next((level for level in self.levels if score >= level.min_score), self.levels[-1])

    def is_mastery(self, score: float | None) -> bool:
        level = self.level_for(score)
        return level is not None and level.score >= self.mastery_score

    @property
    def top(self) -> float:
        return max(level.score for level in self.levels)

    @property
    def bottom(self) -> float:
        return min(level.score for level in self.levels)


DEFAULT_SCALE = Scale("4-point scale", 3.0, [Level(*row) for row in DEFAULT_FOUR_POINT_SCALE])


def short_code(code: str) -> str:
    """"CCSS.Math.Content.6.RP.A.3a" -> "6.RP.A.3a": the part a teacher says out loud (from the
    grade on)."""
    parts = code.split(".")
    for start, part in enumerate(parts):
        if part[:1].isdigit():
            return ".".join(parts[start:])
    return code or "?"


@dataclass(frozen=True)
class CompetencyColumn:
    id: str
    code: str
    statement: str
    group: str  # the parent's code: the heatmap groups columns by the framework tree


@dataclass(frozen=True)
class StudentRow:
    id: str
    name: str


@dataclass
class Cell:
    score: float | None  # what counts: the override when one stands, else the calculation
    level: Level | None
    evidence_count: int
    result: MasteryResult
    override: MasteryOverride | None = None
    last_on: date | None = None  # the newest piece's day (None: no evidence, an override alone)

    @property
    def overridden(self) -> bool:
        return self.override is not None


@dataclass
class ClassMastery:
    class_id: str
    title: str
    scale: Scale
    method: Method
    params: dict
    students: list[StudentRow]
    competencies: list[CompetencyColumn]
    cells: dict[tuple[str, str], Cell]  # (student id, competency id); absent: no evidence
    as_of: date | None = None

    def cell(self, student_id: str, competency_id: str) -> Cell | None:
        return self.cells.get((student_id, competency_id))

    def mastered(self, cell: Cell | None) -> bool:
        """At or above the mastery level, read through the scale's cut-offs (2.7 reads as Proficient)."""
        return self.scale.is_mastery(cell.score) if cell is not None else False

    def counts(self, competency_id: str) -> Counter:
        """How many students are at each level (by label) on a competency; "" for no evidence."""
        return Counter((c.level.label if c and c.level else "") for c in
                       (self.cell(s.id, competency_id) for s in self.students))

    def needs(self, competency_id: str) -> list[StudentRow]:
        """Who needs what: the students below mastery on a competency, lowest first (no evidence last)."""
        below = [(s, self.cell(s.id, competency_id)) for s in self.students]
        below = [(s, c) for s, c in below if not self.mastered(c)]
        return [s for s, c in sorted(below, key=lambda pair: (pair[1] is None or pair[1].score is None,
                                                                pair[1].score if pair[1] else 0, pair[0].name))]


@dataclass
class EvidenceEntry:
    student_id: str
    competency_id: str
    score: float
    observed_on: date
    source: str = EvidenceSource.OBSERVATION.value
    note: str = ""


@dataclass
class HistoryPoint:
    evidence_id: str
    observed_on: date
    score: float
    source: str
    note: str
    level_after: float | None  # the calculated level with the evidence up to this piece
    corrected: list[float] = field(default_factory=list)  # earlier versions this piece replaced
    order: int = 0  # the piece's place among same-day pieces: matches Piece.order in a result's weights


# -- reading ---------------------------------------------------------------------------------------


def class_scale(uow: UnitOfWork, section: SchoolClass) -> Scale:
    if not section.proficiency_scale_id:
        return DEFAULT_SCALE
    scale = uow.get(ProficiencyScale, section.proficiency_scale_id)
    levels = uow.session.execute(select(ProficiencyLevel).where(
        ProficiencyLevel.scale_id == section.proficiency_scale_id, ProficiencyLevel.deleted.is_(False))).scalars()
    ordered = sorted((Level(lv.score, lv.min_score, lv.label, lv.color) for lv in levels),
                     key=lambda lv: lv.min_score, reverse=True)
    if scale is None or not ordered:
        return DEFAULT_SCALE
    return Scale(scale.name, scale.mastery_score, ordered,
                 [(float(lowest), str(grade)) for lowest, grade in scale.grade_conversion or []])


def _section(uow: UnitOfWork, class_id: str) -> SchoolClass:
    section = uow.get(SchoolClass, class_id)
    if section is None:
        raise MasteryError("That class is not on this laptop any more.")
    return section


def class_students(uow: UnitOfWork, class_id: str) -> list[StudentRow]:
    return [StudentRow(p.id, list_name(p)) for p in students_of(uow, class_id)]


def class_competencies(uow: UnitOfWork, section: SchoolClass) -> list[CompetencyColumn]:
    """The framework's assessable competencies (those without children) for the class's grades,
    in tree order. A framework that says no grades applies whole."""
    if not section.framework_id:
        return []
    rows = list(uow.session.execute(select(Competency).where(
        Competency.framework_id == section.framework_id, Competency.deleted.is_(False))).scalars())
    grades = {g.strip() for g in section.grades.split(",") if g.strip()}
    if grades and any(row.education_level for row in rows):
        rows = [row for row in rows if not row.education_level
                or grades & {g.strip() for g in row.education_level.split(",")}]
    children: dict[str | None, list[Competency]] = defaultdict(list)
    for row in rows:
        children[row.parent_id].append(row)
    ordered: list[CompetencyColumn] = []

    def visit(parent: Competency | None) -> None:
        for row in sorted(children.get(parent.id if parent else None, []), key=lambda r: (r.sequence, r.code)):
            if children.get(row.id):
                visit(row)
            else:
                ordered.append(CompetencyColumn(row.id, row.code, row.statement, parent.code if parent else ""))

    visit(None)
    return ordered


def evidence_pieces(uow: UnitOfWork, student_ids: list[str], competency_ids: list[str],
                    as_of: date | None = None):
    """(student, competency) -> pieces, without superseded versions; and the newest evidence stamp."""
    session = uow.session
    # By student only, the competencies sorted out here: SQLite (no statistics) would otherwise search
    # by competency, every student's evidence on them in the database, a whole district's on a server.
    query = select(Evidence.id, Evidence.student_id, Evidence.competency_id, Evidence.observed_on,
                   Evidence.score, Evidence.hlc, Evidence.supersedes_id).where(
        Evidence.student_id.in_(student_ids), Evidence.deleted.is_(False))
    if as_of is not None:
        query = query.where(Evidence.observed_on <= as_of)
    wanted = set(competency_ids)
    # By id: pieces of one day with one stamp (seed data, an import) then fall in the same order on
    # every device and database (the domain sorts by day and stamp, keeping this order for ties).
    rows = sorted((row for row in session.execute(query) if row.competency_id in wanted), key=lambda r: r.id)
    superseded = {row.supersedes_id for row in rows if row.supersedes_id}
    pieces: dict[tuple[str, str], list[Piece]] = defaultdict(list)
    newest: dict[tuple[str, str], int] = {}
    for row in rows:
        if row.id in superseded:
            continue
        key = (row.student_id, row.competency_id)
        pieces[key].append(Piece(row.observed_on, row.score, order=row.hlc))
        newest[key] = max(newest.get(key, 0), row.hlc)
    return pieces, newest


def _overrides(uow: UnitOfWork, class_id: str, student_ids: list[str]) -> dict[tuple[str, str], MasteryOverride]:
    found: dict[tuple[str, str], MasteryOverride] = {}
    for override in uow.session.execute(select(MasteryOverride).where(
            MasteryOverride.student_id.in_(student_ids), MasteryOverride.deleted.is_(False),
            (MasteryOverride.class_id == class_id) | MasteryOverride.class_id.is_(None))).scalars():
        key = (override.student_id, override.competency_id)
        if key not in found or override.hlc > found[key].hlc:
            found[key] = override
    return found


def class_mastery(uow: UnitOfWork, class_id: str, as_of: date | None = None,
                  method: Method | str | None = None, params: dict | None = None) -> ClassMastery:
    """Every student's level on every competency of the class (by its method, or ``method``)."""
    section = _section(uow, class_id)
    students = class_students(uow, class_id)
    competencies = class_competencies(uow, section)
    scale, method, params, cells = class_cells(uow, section, [s.id for s in students], [c.id for c in competencies],
                                               as_of, method, params)
    return ClassMastery(class_id, section.title, scale, method, params, students, competencies, cells, as_of)


def class_cells(uow: UnitOfWork, section: SchoolClass, student_ids: list[str], competency_ids: list[str],
                as_of: date | None = None, method: Method | str | None = None, params: dict | None = None,
                ) -> tuple[Scale, Method, dict, dict[tuple[str, str], Cell]]:
    """The class's scale, method, parameters and cells, for some of its students and competencies
    only (the district's roll-ups recompute just the pairs a sync changed)."""
    scale = class_scale(uow, section)
    method = Method(method or section.mastery_method)
    params = {"mastery_score": scale.mastery_score, "scale_min": scale.bottom, "scale_max": scale.top,
              **(section.mastery_params or {}), **(params or {})}
    pieces, newest = evidence_pieces(uow, student_ids, competency_ids, as_of)
    overrides = _overrides(uow, section.id, student_ids) if as_of is None else {}
    cells: dict[tuple[str, str], Cell] = {}
    for key, found in pieces.items():
        result = calculate(found, method, **params)
        override = overrides.get(key)
        last_on = max(piece.observed_on for piece in found)
        # An override stands until evidence recorded after it arrives.
        if override is not None and newest[key] <= override.hlc:
            cells[key] = Cell(override.score, scale.level_for(override.score), len(found), result, override, last_on)
        else:
            cells[key] = Cell(result.score, scale.level_for(result.score), len(found), result, last_on=last_on)
    wanted = set(competency_ids)
    for key, override in overrides.items():
        if key not in cells and key[1] in wanted:
            cells[key] = Cell(override.score, scale.level_for(override.score), 0,
                              MasteryResult(method, None, "no evidence yet"), override)
    return scale, method, params, cells


def compare_methods(uow: UnitOfWork, class_id: str, params: dict | None = None) -> dict[Method, ClassMastery]:
    """Every method on the class's own evidence, side by side, before the teacher chooses one."""
    return {method: class_mastery(uow, class_id, method=method, params=params) for method in Method}


def student_history(uow: UnitOfWork, class_id: str, student_id: str, competency_id: str) -> list[HistoryPoint]:
    """A student's evidence on one competency, oldest first, with the level after each piece."""
    section = _section(uow, class_id)
    scale = class_scale(uow, section)
    params = {"mastery_score": scale.mastery_score, "scale_min": scale.bottom, "scale_max": scale.top,
              **(section.mastery_params or {})}
    rows = list(uow.session.execute(select(Evidence).where(
        Evidence.student_id == student_id, Evidence.competency_id == competency_id, Evidence.deleted.is_(False))
    ).scalars())
    by_id = {row.id: row for row in rows}
    superseded = {row.supersedes_id for row in rows if row.supersedes_id}
    current = sorted((row for row in rows if row.id not in superseded), key=lambda r: (r.observed_on, r.hlc, r.id))
    points, seen = [], []
    for row in current:
        seen.append(Piece(row.observed_on, row.score, order=row.hlc))
        earlier, previous = [], row.supersedes_id
        while previous in by_id:
            earlier.append(by_id[previous].score)
            previous = by_id[previous].supersedes_id
        points.append(HistoryPoint(row.id, row.observed_on, row.score, row.source, row.note,
                                   calculate(seen, section.mastery_method, **params).score, earlier, row.hlc))
    return points


def method_choices() -> list[tuple[str, str]]:
    return [(method.value, label) for method, label in METHOD_LABELS.items()]


# -- writing ---------------------------------------------------------------------------------------


def _check_score(scale: Scale, score: float) -> float:
    try:
        score = float(score)
    except (TypeError, ValueError):
        raise MasteryError(f"{score!r} is not a level: type a number from {scale.bottom:g} to {scale.top:g}") from None
    if not scale.bottom <= score <= scale.top:
        raise MasteryError(f"{score:g} is not on the {scale.name} ({scale.bottom:g} to {scale.top:g})")
    return score


def record_evidence(uow: UnitOfWork, class_id: str, entries: list[EvidenceEntry],
                    recorded_by: str | None = None) -> list[str]:
    """Record pieces of evidence in one transaction (all or none); returns their ids."""
    section = _section(uow, class_id)
    scale = class_scale(uow, section)
    sources = {s.value for s in EvidenceSource}
    rows = []
    for entry in entries:
        if entry.source not in sources:
            raise MasteryError(f"{entry.source!r} is not a kind of evidence ({', '.join(sorted(sources))})")
        rows.append(Evidence(student_id=entry.student_id, competency_id=entry.competency_id, class_id=class_id,
                             score=_check_score(scale, entry.score), observed_on=entry.observed_on,
                             source=entry.source, note=entry.note, recorded_by=recorded_by))
    for row in rows:
        uow.add(row)
    uow.commit()
    return [row.id for row in rows]


def correct_evidence(uow: UnitOfWork, evidence_id: str, score: float | None = None, note: str | None = None,
                     observed_on: date | None = None) -> str:
    """A corrected version of a piece of evidence; the old one is kept, superseded. Returns the new id."""
    old = uow.get(Evidence, evidence_id)
    if old is None:
        raise MasteryError("That piece of evidence is not on this laptop.")
    if uow.session.execute(select(Evidence.id).where(Evidence.supersedes_id == evidence_id,
                                                     Evidence.deleted.is_(False))).first():
        raise MasteryError("That piece was already corrected: correct the newest version.")
    scale = class_scale(uow, _section(uow, old.class_id)) if old.class_id else DEFAULT_SCALE
    new = Evidence(student_id=old.student_id, competency_id=old.competency_id, class_id=old.class_id,
                   score=_check_score(scale, old.score if score is None else score),
                   observed_on=observed_on or old.observed_on, source=old.source,
                   note=old.note if note is None else note, recorded_by=old.recorded_by, supersedes_id=old.id)
    uow.add(new)
    uow.commit()
    return new.id


def set_override(uow: UnitOfWork, class_id: str, student_id: str, competency_id: str, score: float, reason: str,
                 set_by: str | None = None) -> str:
    if not reason.strip():
        raise MasteryError("Say why you are overriding the calculated level: the reason is kept with it.")
    scale = class_scale(uow, _section(uow, class_id))
    override = MasteryOverride(student_id=student_id, competency_id=competency_id, class_id=class_id,
                               score=_check_score(scale, score), reason=reason.strip(), set_by=set_by,
                               set_at=datetime.now(UTC))
    uow.add(override)
    uow.commit()
    return override.id


def clear_override(uow: UnitOfWork, override_id: str) -> None:
    override = uow.get(MasteryOverride, override_id)
    if override is not None:
        uow.tombstone(override)
        uow.commit()


def set_class_method(uow: UnitOfWork, class_id: str, method: Method | str, params: dict | None = None) -> None:
    section = _section(uow, class_id)
    section.mastery_method = Method(method).value
    section.mastery_params = dict(params or {})
    uow.commit()


def set_class_scale(uow: UnitOfWork, class_id: str, name: str, mastery_score: float, levels: list[Level],
                    grades: list[tuple[float, str]] | None = None) -> str:
    """Give the class its own scale (a new one: a scale other classes share is never changed under them)."""
    section = _section(uow, class_id)
    if len(levels) < 2:
        raise MasteryError("A scale needs at least two levels.")
    labels = [level.label.strip() for level in levels]
    if any(not label for label in labels) or len(set(labels)) != len(labels):
        raise MasteryError("Every level needs its own label.")
    if len({level.score for level in levels}) != len(levels):
        raise MasteryError("Two levels have the same score.")
    ordered = sorted(levels, key=lambda level: level.score)
    if any(a.min_score > b.min_score for a, b in zip(ordered, ordered[1:], strict=False)) or any(
            level.min_score > level.score for level in ordered):
        raise MasteryError("Cut-offs must rise with the levels, each at or below its level's score.")
    if mastery_score not in {level.score for level in levels}:
        raise MasteryError("Mastery must be one of the scale's levels.")
    scale = uow.add(ProficiencyScale(name=name.strip() or "Class scale", school_id=section.school_id,
                                     mastery_score=mastery_score,
                                     grade_conversion=[[float(lowest), grade] for lowest, grade in grades or []]))
    for level in levels:
        uow.add(ProficiencyLevel(scale_id=scale.id, score=level.score, min_score=level.min_score,
                                 label=level.label.strip(), color=level.color))
    uow.session.flush()  # the scale before the class points at it
    section.proficiency_scale_id = scale.id
    uow.commit()
    return scale.id
