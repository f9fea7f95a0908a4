"""Exports a district can load back: a class roster, and mastery per student and competency,
keyed by OneRoster sourcedIds and CASE identifiers."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy import select

from plclassroom.domain import (
    Competency,
    CompetencyFramework,
    Enrollment,
    Evidence,
    Person,
    ProficiencyLevel,
    ProficiencyScale,
    Role,
    School,
    SchoolClass,
)
from plclassroom.domain.mastery import Method, Piece, calculate
from plclassroom.interop.csv_export import write_csv
from plclassroom.store.unit_of_work import UnitOfWork

ROSTER_COLUMNS = ("classSourcedId", "classTitle", "school", "userSourcedId", "identifier", "familyName",
                  "givenName", "preferredName", "grade", "email", "username")
MASTERY_COLUMNS = ("classSourcedId", "classTitle", "userSourcedId", "identifier", "familyName", "givenName",
                   "competencyCaseIdentifier", "competencyCode", "level", "levelLabel", "mastered", "method",
                   "evidenceCount", "lastEvidence")


class ExportError(ValueError):
    pass


def _class(uow: UnitOfWork, class_id: str) -> SchoolClass:
    found = uow.get(SchoolClass, class_id)
    if found is None:
        raise ExportError("That class is not on this laptop any more.")
    return found


def _students(uow: UnitOfWork, class_id: str) -> list[Person]:
    return list(uow.session.execute(
        select(Person).join(Enrollment, Enrollment.person_id == Person.id).where(
            Enrollment.class_id == class_id, Enrollment.role == Role.STUDENT, Enrollment.archived.is_(False),
            Enrollment.deleted.is_(False), Person.deleted.is_(False))
        .order_by(Person.family_name, Person.given_name)).scalars())


def roster_rows(uow: UnitOfWork, class_id: str) -> list[dict]:
    """The class's students. Accommodations are never in a roster export: they are sensitive."""
    section = _class(uow, class_id)
    school = uow.get(School, section.school_id)
    return [{"classSourcedId": section.source_id or section.id, "classTitle": section.title,
             "school": school.name if school else "", "userSourcedId": s.source_id or s.id,
             "identifier": s.identifier, "familyName": s.family_name, "givenName": s.given_name,
             "preferredName": s.preferred_name, "grade": s.grade, "email": s.email, "username": s.username}
            for s in _students(uow, class_id)]


def mastery_rows(uow: UnitOfWork, class_id: str, as_of: date | None = None) -> list[dict]:
    """Each student's level on each competency of the class's framework, by the class's method."""
    section = _class(uow, class_id)
    students = _students(uow, class_id)
    session = uow.session
    framework = uow.get(CompetencyFramework, section.framework_id) if section.framework_id else None
    competencies = list(session.execute(
        select(Competency).where(Competency.framework_id == framework.id, Competency.deleted.is_(False))
        .order_by(Competency.code)).scalars()) if framework else []
    scale = uow.get(ProficiencyScale, section.proficiency_scale_id) if section.proficiency_scale_id else None
    levels = sorted(session.execute(select(ProficiencyLevel).where(
        ProficiencyLevel.scale_id == scale.id, ProficiencyLevel.deleted.is_(False))).scalars(),
        key=lambda level: level.min_score) if scale else []
    mastery_score = scale.mastery_score if scale else 3.0
    evidence: dict[tuple[str, str], list[Piece]] = defaultdict(list)
    query = select(Evidence.student_id, Evidence.competency_id, Evidence.observed_on, Evidence.score,
                   Evidence.hlc).where(Evidence.student_id.in_([s.id for s in students]),
                                       Evidence.competency_id.in_([c.id for c in competencies]),
                                       Evidence.deleted.is_(False))
    if as_of is not None:
        query = query.where(Evidence.observed_on <= as_of)
    for student_id, competency_id, observed_on, score, stamp in session.execute(query):
        evidence[(student_id, competency_id)].append(Piece(observed_on, score, order=stamp))
    method = Method(section.mastery_method)
    params = {"mastery_score": mastery_score, **(section.mastery_params or {})}
    rows = []
    for student in students:
        for competency in competencies:
            pieces = evidence.get((student.id, competency.id), [])
            if not pieces:
                continue
            result = calculate(pieces, method, **params)
            label = next((lv.label for lv in reversed(levels) if result.score >= lv.min_score), "")
            rows.append({
                "classSourcedId": section.source_id or section.id, "classTitle": section.title,
                "userSourcedId": student.source_id or student.id, "identifier": student.identifier,
                "familyName": student.family_name, "givenName": student.given_name,
                "competencyCaseIdentifier": competency.case_identifier or "", "competencyCode": competency.code,
                "level": f"{result.score:.2f}", "levelLabel": label,
                "mastered": "yes" if result.score >= mastery_score else "no", "method": method.value,
                "evidenceCount": len(pieces), "lastEvidence": max(p.observed_on for p in pieces).isoformat()})
    return rows


def export_roster(uow: UnitOfWork, class_id: str, path: Path) -> int:
    return write_csv(path, ROSTER_COLUMNS, roster_rows(uow, class_id))


def export_mastery(uow: UnitOfWork, class_id: str, path: Path, as_of: date | None = None) -> int:
    return write_csv(path, MASTERY_COLUMNS, mastery_rows(uow, class_id, as_of))
