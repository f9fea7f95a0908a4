"""Competency frameworks in the store: adding a CASE package, and importing it again when the
district publishes a new version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from plclassroom.domain import Competency, CompetencyAssociation, CompetencyFramework, new_id
from plclassroom.interop.case import CaseAssociation, CasePackage, read_case_file
from plclassroom.interop.opensalt_csv import read_opensalt_csv
from plclassroom.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class FrameworkImportReport:
    """What an import did to the framework's competencies, for the teacher's confirmation."""

    framework_id: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0  # in the store but no longer in the package: kept, as evidence may point at them
    associations_added: int = 0


def framework_rows(package: CasePackage, framework_id: str | None = None) -> dict[type, list[dict]]:
    """The rows a CASE package becomes: the framework, its competency tree and other associations."""
    framework_id = framework_id or new_id()
    ids = {item.identifier: new_id() for item in package.items}
    competencies = [
        dict(id=ids[item.identifier], **fields)
        for item, fields in zip(package.items, _competency_fields(package, framework_id, ids), strict=True)
    ]
    associations = [
        dict(id=new_id(), **_association_fields(association, framework_id))
        for association in package.associations
    ]
    return {
        CompetencyFramework: [dict(id=framework_id, **_framework_fields(package))],
        Competency: competencies,
        CompetencyAssociation: associations,
    }


def add_framework(uow: UnitOfWork, package: CasePackage) -> str:
    """Add a CASE package as a new framework (captured for sync). Returns the framework's id."""
    rows = framework_rows(package)
    _insert(uow, rows)
    uow.commit()
    return rows[CompetencyFramework][0]["id"]


def import_framework(uow: UnitOfWork, package: CasePackage) -> FrameworkImportReport:
    """Add the package as a framework, or bring the framework with its CASE identifier up to date.

    Competencies are matched by CASE identifier and keep their ids, so evidence keeps pointing at
    them; only fields that differ are written, so importing the same package twice changes nothing.
    Competencies the package no longer has are left as they are and counted as retired. Existing
    associations are kept; new ones (by kind, origin and destination) are added. Commits once;
    on any error nothing is written.
    """
    try:
        report = _import(uow, package)
        uow.commit()
    except BaseException:
        uow.session.rollback()
        raise
    return report


def _import(uow: UnitOfWork, package: CasePackage) -> FrameworkImportReport:
    session = uow.session
    framework = session.scalars(
        select(CompetencyFramework)
        .where(CompetencyFramework.case_identifier == package.identifier, CompetencyFramework.deleted.is_(False))
        .order_by(CompetencyFramework.hlc)  # the oldest, should the same package have been added twice
    ).first()
    if framework is None:
        rows = framework_rows(package)
        _insert(uow, rows)
        return FrameworkImportReport(
            framework_id=rows[CompetencyFramework][0]["id"],
            added=len(rows[Competency]),
            associations_added=len(rows[CompetencyAssociation]),
        )

    _set_changed(framework, _framework_fields(package))
    rows = session.scalars(select(Competency).where(Competency.framework_id == framework.id)).all()
    existing = {
        row.case_identifier: row
        for row in sorted(rows, key=lambda row: not row.deleted)  # a live row wins over a tombstoned one
        if row.case_identifier  # competencies made here, without a CASE identifier, are not the package's
    }
    ids = {item.identifier: existing[item.identifier].id if item.identifier in existing else new_id()
           for item in package.items}
    fields_by_item = dict(zip((item.identifier for item in package.items),
                              _competency_fields(package, framework.id, ids), strict=True))

    # New competencies first, in tree order, so a parent row exists before its children point at it.
    new_rows = [dict(id=ids[identifier], **fields) for identifier, fields in fields_by_item.items()
                if identifier not in existing]
    session.flush()
    uow.insert_many(Competency, new_rows)

    updated = unchanged = 0
    for identifier, fields in fields_by_item.items():
        row = existing.get(identifier)
        if row is None:
            continue
        # A competency tombstoned here comes back when the district's package still has it.
        if _set_changed(row, {**fields, "deleted": False}):
            updated += 1
        else:
            unchanged += 1
    retired = sum(1 for identifier, row in existing.items() if identifier not in ids and not row.deleted)

    known = {
        (row.kind, row.origin_identifier, row.destination_identifier)
        for row in session.scalars(
            select(CompetencyAssociation).where(CompetencyAssociation.framework_id == framework.id)
        ).all()
    }
    new_associations = []
    for association in package.associations:
        key = (association.kind, association.origin, association.destination)
        if key not in known:
            known.add(key)
            new_associations.append(dict(id=new_id(), **_association_fields(association, framework.id)))
    uow.insert_many(CompetencyAssociation, new_associations)
    session.flush()
    return FrameworkImportReport(
        framework_id=framework.id,
        added=len(new_rows),
        updated=updated,
        unchanged=unchanged,
        retired=retired,
        associations_added=len(new_associations),
    )


def _insert(uow: UnitOfWork, rows: dict[type, list[dict]]) -> None:
    """Insert a new framework's rows, parents first (framework, then competencies in tree order)."""
    for table, table_rows in rows.items():
        uow.insert_many(table, table_rows)


def _framework_fields(package: CasePackage) -> dict:
    return dict(
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


def _competency_fields(package: CasePackage, framework_id: str, ids: dict[str, str]) -> list[dict]:
    """Each item's competency fields, in the package's tree order; ``sequence`` counts from 0
    among siblings."""
    sequence_among_siblings: dict[str | None, int] = {}
    fields = []
    for item in package.items:  # parents come before their children
        position = sequence_among_siblings.get(item.parent_identifier, 0)
        sequence_among_siblings[item.parent_identifier] = position + 1
        fields.append(
            dict(
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
    return fields


def _association_fields(association: CaseAssociation, framework_id: str) -> dict:
    return dict(
        framework_id=framework_id,
        kind=association.kind,
        origin_identifier=association.origin,
        destination_identifier=association.destination,
        case_identifier=association.identifier or None,
        sequence=association.sequence,
    )


def _set_changed(row, fields: dict) -> bool:
    """Set only the fields whose value differs, so an unchanged row is not written or synced."""
    changed = False
    for name, value in fields.items():
        if not _same(getattr(row, name), value):
            setattr(row, name, value)
            changed = True
    return changed


def _same(old: object, new: object) -> bool:
    if isinstance(old, datetime) and isinstance(new, datetime):
        # The store may hand back a naive UTC time for what was written with a zone.
        old = old if old.tzinfo else old.replace(tzinfo=UTC)
        new = new if new.tzinfo else new.replace(tzinfo=UTC)
    return old == new


def read_framework_file(path: Path) -> CasePackage:
    """A framework file as a CASE package: CASE JSON, or OpenSALT's CSV (by the file's ending)."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return read_opensalt_csv(path)
    return read_case_file(path)


def import_framework_file(uow: UnitOfWork, path: Path) -> tuple[str, FrameworkImportReport]:
    """Read and import a framework file; raises CaseError (nothing written) if it cannot be read."""
    package = read_framework_file(path)
    return package.title, import_framework(uow, package)
