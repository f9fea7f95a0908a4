"""Competency frameworks in the store."""

from __future__ import annotations

from plclassroom.domain import Competency, CompetencyAssociation, CompetencyFramework, new_id
from plclassroom.interop.case import CasePackage
from plclassroom.store.unit_of_work import UnitOfWork


def framework_rows(package: CasePackage, framework_id: str | None = None) -> dict[type, list[dict]]:
    """The rows a CASE package becomes: the framework, its competency tree and other associations."""
    framework_id = framework_id or new_id()
    framework = dict(
        id=framework_id,
        title=package.title,
        case_identifier=package.identifier,
        case_uri=package.uri,
        creator=package.creator,
        subject=package.subject,
        language=package.language,
        version=package.version,
        adoption_status=package.adoption_status,
        last_changed=package.last_changed,
    )
    ids = {item.identifier: new_id() for item in package.items}
    sequence_among_siblings: dict[str | None, int] = {}
    competencies = []
    for item in package.items:  # parents come before their children
        position = sequence_among_siblings.get(item.parent_identifier, 0)
        sequence_among_siblings[item.parent_identifier] = position + 1
        competencies.append(
            dict(
                id=ids[item.identifier],
                framework_id=framework_id,
                parent_id=ids.get(item.parent_identifier) if item.parent_identifier else None,
                sequence=position,
                case_identifier=item.identifier,
                code=item.code,
                statement=item.statement,
                short_statement=item.short_statement,
                item_type=item.item_type,
                education_level=item.education_level,
                last_changed=item.last_changed,
            )
        )
    associations = [
        dict(
            id=new_id(),
            framework_id=framework_id,
            kind=a.kind,
            origin_identifier=a.origin,
            destination_identifier=a.destination,
            case_identifier=a.identifier or None,
            sequence=a.sequence,
        )
        for a in package.associations
    ]
    return {
        CompetencyFramework: [framework],
        Competency: competencies,
        CompetencyAssociation: associations,
    }


def add_framework(uow: UnitOfWork, package: CasePackage) -> str:
    """Add a CASE package as a new framework (captured for sync). Returns the framework's id."""
    rows = framework_rows(package)
    for table, table_rows in rows.items():
        for row in table_rows:
            uow.add(table(**row))
        uow.session.flush()  # parents before children: the tables have no ORM relationships to order them
    uow.commit()
    return rows[CompetencyFramework][0]["id"]
