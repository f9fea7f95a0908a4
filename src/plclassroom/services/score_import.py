"""Prior scores (a state test, a screener) from a vendor's CSV, through a column mapping the
person confirms once and the app remembers per source.

The scores land as a baseline on the learner profile (PriorScore) or, when they map onto a
competency and its proficiency scale, as mastery evidence. Same rules as the roster import:
a preview first, every problem by row and column, one transaction, nothing written on refusal.
Importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import or_, select

from plclassroom.domain import Competency, Evidence, EvidenceSource, Person, PriorScore, Role, ScoreMapping
from plclassroom.interop.problems import ImportRefused, Problem, ProblemReport
from plclassroom.interop.score_csv import (
    DATE_FORMATS,
    ScoreFileError,
    parse_date,
    parse_score,
    read_score_file,
)
from plclassroom.store.unit_of_work import UnitOfWork

STUDENT_KEYS = {"identifier": Person.identifier, "source_id": Person.source_id, "username": Person.username,
                "email": Person.email}
TARGETS = ("baseline", "evidence")


@dataclass
class ScoreMappingSettings:
    """Which column holds what. Column names are the file's own headers."""

    student_column: str
    score_column: str
    student_key: str = "identifier"  # how the file names a student: identifier, source_id, username, email
    date_column: str = ""
    date_format: str = "YYYY-MM-DD"
    measure_column: str = ""
    measure: str = ""  # what was measured, when the file has no column for it
    competency_column: str = ""  # a competency's code or CASE identifier, per row
    competency: str = ""  # ... or one competency for the whole file
    target: str = "baseline"  # baseline | evidence
    cutoffs: list[tuple[float, float]] = field(default_factory=list)  # (lowest raw score, level), any order

    def level(self, raw: float) -> float:
        """The raw score read on the proficiency scale: the level of the highest cut-off it reaches."""
        if not self.cutoffs:
            return raw
        reached = [level for lowest, level in self.cutoffs if raw >= lowest]
        return max(reached) if reached else 0.0

    def as_dict(self) -> dict:
        return {k: (list(map(list, v)) if k == "cutoffs" else v) for k, v in self.__dict__.items()}

    @classmethod
    def from_dict(cls, data: dict) -> ScoreMappingSettings:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["cutoffs"] = [tuple(pair) for pair in known.get("cutoffs", [])]
        return cls(**known)


@dataclass
class ScoreReport(ProblemReport):
    subject = "The scores"
    source: str
    file: str
    rows: int = 0
    to_add: int = 0
    already_there: int = 0
    problems: list[Problem] = field(default_factory=list)
    sample: list[tuple[str, str, float, str]] = field(default_factory=list)  # (student, raw, level, date)
    imported: bool = False


def mapping_sources(uow: UnitOfWork) -> list[str]:
    """The sources whose mapping is remembered, for the person to pick from."""
    return sorted(uow.session.execute(select(ScoreMapping.source).where(ScoreMapping.deleted.is_(False))).scalars())


def competency_choices(uow: UnitOfWork) -> list[tuple[str, str]]:
    """(code or CASE identifier, "code — statement") for every competency on this laptop."""
    rows = uow.session.execute(select(Competency.code, Competency.case_identifier, Competency.statement)
                               .where(Competency.deleted.is_(False)).order_by(Competency.code))
    return [(code or identifier, f"{code} — {statement[:80]}") for code, identifier, statement in rows
            if code or identifier]


def saved_mapping(uow: UnitOfWork, source: str) -> ScoreMappingSettings | None:
    row = _mapping_row(uow, source)
    return ScoreMappingSettings.from_dict(row.settings) if row else None


def preview_scores(uow: UnitOfWork, path: Path, source: str, settings: ScoreMappingSettings) -> ScoreReport:
    return _run(uow, Path(path), source, settings, write=False)


def import_scores(uow: UnitOfWork, path: Path, source: str, settings: ScoreMappingSettings,
                  valid_only: bool = False) -> ScoreReport:
    report = _run(uow, Path(path), source, settings, write=True)
    if report.fatal or (report.row_problems and not valid_only):
        uow.session.rollback()
        raise ImportRefused(report)
    row = _mapping_row(uow, source)
    if row is None:
        uow.add(ScoreMapping(source=source, settings=settings.as_dict()))
    elif row.settings != settings.as_dict():
        row.settings = settings.as_dict()
    uow.commit()
    report.imported = True
    return report


def _mapping_row(uow: UnitOfWork, source: str) -> ScoreMapping | None:
    return uow.session.execute(
        select(ScoreMapping).where(ScoreMapping.source == source, ScoreMapping.deleted.is_(False))
    ).scalars().first()


def _run(uow: UnitOfWork, path: Path, source: str, settings: ScoreMappingSettings, write: bool) -> ScoreReport:
    report = ScoreReport(source=source, file=path.name)

    def fatal(message: str) -> ScoreReport:
        report.problems.append(Problem(path.name, None, None, message, fatal=True))
        return report

    if not source.strip():
        return fatal("the scores need a source name (for example 'MAP Growth Math') so the mapping can be "
                     "remembered")
    try:
        scores = read_score_file(path)
    except ScoreFileError as exc:
        return fatal(str(exc))
    if settings.target not in TARGETS:
        return fatal(f"the scores go to a baseline or to evidence, not {settings.target!r}")
    if settings.student_key not in STUDENT_KEYS:
        return fatal(f"students are found by {', '.join(STUDENT_KEYS)}, not {settings.student_key!r}")
    if settings.date_format not in DATE_FORMATS:
        return fatal(f"dates are read as {', '.join(DATE_FORMATS)}, not {settings.date_format!r}")
    for role, column in (("student", settings.student_column), ("score", settings.score_column),
                         ("date", settings.date_column), ("measure", settings.measure_column),
                         ("competency", settings.competency_column)):
        if column and column not in scores.headers:
            return fatal(f"the {role} column {column!r} is not in the file (its columns: "
                         f"{', '.join(scores.headers)})")
    if not settings.student_column or not settings.score_column:
        return fatal("choose the column that names the student and the one that holds the score")
    if settings.target == "evidence" and not (settings.competency or settings.competency_column):
        return fatal("evidence needs a competency: choose one for the file, or a column that names it")
    if settings.target == "evidence" and not settings.date_column:
        return fatal("evidence needs the date the test was taken: choose the date column")

    session = uow.session
    keys = {row.get(settings.student_column, "") for _, row in scores.rows}
    key_column = STUDENT_KEYS[settings.student_key]
    students = dict(session.execute(
        select(key_column, Person.id).where(key_column.in_(keys), Person.role == Role.STUDENT,
                                            Person.deleted.is_(False))).all())
    names = dict(session.execute(select(Person.id, Person.given_name + " " + Person.family_name)
                                 .where(Person.id.in_(students.values()))).all())
    competencies = _competencies(uow, settings, scores.rows)
    fixed = competencies.get(settings.competency) if settings.competency else None
    if settings.competency and fixed is None:
        return fatal(f"no competency on this laptop has the code or CASE identifier {settings.competency!r}")

    existing = _existing_keys(uow, settings, source)
    new_rows = []
    for line, row in scores.rows:
        report.rows += 1

        def problem(column: str, message: str, line: int = line) -> None:
            report.problems.append(Problem(path.name, line, column, message))

        key = row.get(settings.student_column, "")
        student_id = students.get(key)
        raw_text = row.get(settings.score_column, "")
        raw = parse_score(raw_text)
        taken_on = None
        if settings.date_column:
            taken_on = parse_date(row.get(settings.date_column, ""), settings.date_format)
        competency_id = fixed
        if settings.competency_column:
            code = row.get(settings.competency_column, "")
            competency_id = competencies.get(code)
            if competency_id is None:
                problem(settings.competency_column, f"no competency here has the code or CASE identifier {code!r}")
                continue
        if student_id is None:
            problem(settings.student_column, f"student {key!r} is not on this laptop (matched by "
                    f"{settings.student_key})" if key else f"{settings.student_column} is empty")
            continue
        if raw is None:
            problem(settings.score_column, f"score {raw_text!r} is not a number")
            continue
        if settings.date_column and taken_on is None:
            problem(settings.date_column, f"date {row.get(settings.date_column, '')!r} is not a date written "
                    f"{settings.date_format}")
            continue
        level = settings.level(raw)
        if settings.target == "evidence" and not 0 <= level <= 4:
            problem(settings.score_column, f"score {raw_text} is not on the 0–4 proficiency scale; add cut-offs "
                    "that turn the test's scores into levels")
            continue
        measure = row.get(settings.measure_column, "") if settings.measure_column else settings.measure
        if settings.target == "evidence":
            dedupe = (student_id, competency_id, taken_on, level)
            values = dict(student_id=student_id, competency_id=competency_id, score=level, observed_on=taken_on,
                          source=EvidenceSource.PRIOR_SCORE.value, note=f"{source}: {raw_text}")
        else:
            dedupe = (student_id, measure, taken_on, raw_text)
            values = dict(student_id=student_id, source=source, measure=measure, score=level, raw=raw_text,
                          taken_on=taken_on, competency_id=competency_id)
        if dedupe in existing:
            report.already_there += 1
            continue
        existing.add(dedupe)
        report.to_add += 1
        new_rows.append(values)
        if len(report.sample) < 20:
            report.sample.append((names.get(student_id, key), raw_text, level,
                                  taken_on.isoformat() if taken_on else ""))
    if write:
        table = Evidence if settings.target == "evidence" else PriorScore
        for values in new_rows:
            uow.add(table(**values))
        session.flush()
    return report


def _competencies(uow: UnitOfWork, settings: ScoreMappingSettings, rows) -> dict[str, str]:
    """Competency ids by the codes and CASE identifiers the file (or the mapping) uses."""
    wanted = {settings.competency} if settings.competency else set()
    if settings.competency_column:
        wanted |= {row.get(settings.competency_column, "") for _, row in rows}
    wanted.discard("")
    if not wanted:
        return {}
    found = {}
    for row_id, code, identifier in uow.session.execute(
            select(Competency.id, Competency.code, Competency.case_identifier).where(
                or_(Competency.code.in_(wanted), Competency.case_identifier.in_(wanted)),
                Competency.deleted.is_(False))):
        found[code] = found.get(code, row_id)
        if identifier:
            found[identifier] = row_id
    return found


def _existing_keys(uow: UnitOfWork, settings: ScoreMappingSettings, source: str) -> set[tuple]:
    if settings.target == "evidence":
        return set(uow.session.execute(select(Evidence.student_id, Evidence.competency_id, Evidence.observed_on,
                                              Evidence.score).where(
            Evidence.source == EvidenceSource.PRIOR_SCORE.value, Evidence.deleted.is_(False))).all())
    return set(uow.session.execute(select(PriorScore.student_id, PriorScore.measure, PriorScore.taken_on,
                                          PriorScore.raw).where(PriorScore.source == source,
                                                                PriorScore.deleted.is_(False))).all())
