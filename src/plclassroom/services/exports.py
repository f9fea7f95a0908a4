"""Exports a district can load back: a class roster, and mastery per student and competency,
keyed by OneRoster sourcedIds and CASE identifiers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from plclassroom.domain import (
    Competency,
    School,
    SchoolClass,
)
from plclassroom.interop.csv_export import write_csv
from plclassroom.services.mastery import class_mastery
from plclassroom.services.roster import students_of
from plclassroom.store.unit_of_work import UnitOfWork

ROSTER_COLUMNS = ("classSourcedId", "classTitle", "school", "userSourcedId", "identifier", "familyName",
                  "givenName", "preferredName", "grade", "email", "username")
MASTERY_COLUMNS = ("classSourcedId", "classTitle", "userSourcedId", "identifier", "familyName", "givenName",
                   "competencyCaseIdentifier", "competencyCode", "level", "levelLabel", "reportCardGrade", "mastered",
                   "method", "evidenceCount", "lastEvidence")


class ExportError(ValueError):
    pass


def _class(uow: UnitOfWork, class_id: str) -> SchoolClass:
    found = uow.get(SchoolClass, class_id)
    if found is None:
        raise ExportError("That class is not on this laptop any more.")
    return found


def roster_rows(uow: UnitOfWork, class_id: str) -> list[dict]:
    """The class's students. Accommodations are never in a roster export: they are sensitive."""
    section = _class(uow, class_id)
    school = uow.get(School, section.school_id)
    return [{"classSourcedId": section.source_id or section.id, "classTitle": section.title,
             "school": school.name if school else "", "userSourcedId": s.source_id or s.id,
             "identifier": s.identifier, "familyName": s.family_name, "givenName": s.given_name,
             "preferredName": s.preferred_name, "grade": s.grade, "email": s.email, "username": s.username}
            for s in students_of(uow, class_id)]


def mastery_rows(uow: UnitOfWork, class_id: str, as_of: date | None = None) -> list[dict]:
    """Each student's level on each competency of the class, as the heatmap shows it (method,
    scale and any override that stands)."""
    section = _class(uow, class_id)
    view = class_mastery(uow, class_id, as_of=as_of)
    people = {p.id: p for p in students_of(uow, class_id)}
    identifiers = dict(uow.session.execute(select(Competency.id, Competency.case_identifier).where(
        Competency.id.in_([c.id for c in view.competencies]))).all())
    rows = []
    for student in view.students:
        person = people[student.id]
        for competency in view.competencies:
            cell = view.cell(student.id, competency.id)
            if cell is None or cell.score is None:
                continue
            pieces = [piece for piece, _weight in cell.result.weights]
            rows.append({
                "classSourcedId": section.source_id or section.id, "classTitle": section.title,
                "userSourcedId": person.source_id or person.id, "identifier": person.identifier,
                "familyName": person.family_name, "givenName": person.given_name,
                "competencyCaseIdentifier": identifiers.get(competency.id) or "", "competencyCode": competency.code,
                "level": f"{cell.score:.2f}", "levelLabel": cell.level.label if cell.level else "",
                "reportCardGrade": view.scale.grade_for(cell.score),
                "mastered": "yes" if view.mastered(cell) else "no",
                "method": "teacher override" if cell.overridden else view.method.value,
                "evidenceCount": cell.evidence_count,
                "lastEvidence": max(p.observed_on for p in pieces).isoformat() if pieces else ""})
    return rows


def export_roster(uow: UnitOfWork, class_id: str, path: Path) -> int:
    return write_csv(path, ROSTER_COLUMNS, roster_rows(uow, class_id))


def export_mastery(uow: UnitOfWork, class_id: str, path: Path, as_of: date | None = None) -> int:
    return write_csv(path, MASTERY_COLUMNS, mastery_rows(uow, class_id, as_of))
