"""A first reader of 1EdTech CASE JSON packages (CFPackage): document, items, and the tree.

Liberal in what it accepts, as real exports vary: URIs as strings or as {identifier, uri} objects,
``educationLevel`` or ``educationalLevel`` as a list or a scalar, optional fields missing.
It only reads; ``services.frameworks`` puts the result in the store. The interop issue completes
it (CASE 1.1 extras, OpenSALT CSV, re-import rules).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path


class CaseError(ValueError):
    """The file is not a CASE package we can read; the message says what is wrong."""


@dataclass
class CaseItem:
    identifier: str
    statement: str
    code: str = ""
    short_statement: str = ""
    item_type: str = ""
    education_level: str = ""
    last_changed: datetime | None = None
    parent_identifier: str | None = None  # None: top level (a child of the document)
    sequence: int | None = None


@dataclass
class CaseAssociation:
    identifier: str
    kind: str
    origin: str
    destination: str
    sequence: int | None = None


@dataclass
class CasePackage:
    identifier: str
    title: str
    uri: str = ""
    creator: str = ""
    subject: str = ""
    language: str = ""
    version: str = ""
    adoption_status: str = ""
    last_changed: datetime | None = None
    items: list[CaseItem] = field(default_factory=list)  # in tree order: parents first, siblings by sequence
    associations: list[CaseAssociation] = field(default_factory=list)  # all but isChildOf


def read_case_file(path: Path) -> CasePackage:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise CaseError(f"{Path(path).name} is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise CaseError(f"{Path(path).name} is not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    return parse_case_package(data)


def parse_case_package(data: object) -> CasePackage:
    if not isinstance(data, dict) or not isinstance(data.get("CFDocument"), dict):
        raise CaseError("not a CASE package: there is no CFDocument object")
    document = data["CFDocument"]
    doc_id = _required(document, "identifier", "CFDocument")
    package = CasePackage(
        identifier=doc_id,
        title=str(document.get("title") or "Untitled framework"),
        uri=_uri(document.get("uri")),
        creator=str(document.get("creator") or ""),
        subject=", ".join(_as_list(document.get("subject"))),
        language=str(document.get("language") or ""),
        version=str(document.get("version") or ""),
        adoption_status=str(document.get("adoptionStatus") or ""),
        last_changed=_datetime(document.get("lastChangeDateTime")),
    )
    items: dict[str, CaseItem] = {}
    for index, raw in enumerate(data.get("CFItems") or []):
        where = f"CFItems[{index}]"
        if not isinstance(raw, dict):
            raise CaseError(f"{where} is not an object")
        identifier = _required(raw, "identifier", where)
        items[identifier] = CaseItem(
            identifier=identifier,
            statement=_required(raw, "fullStatement", where),
            code=str(raw.get("humanCodingScheme") or ""),
            short_statement=str(raw.get("abbreviatedStatement") or ""),
            item_type=_title(raw.get("CFItemType") or raw.get("CFItemTypeURI")),
            education_level=",".join(_as_list(raw.get("educationLevel", raw.get("educationalLevel")))),
            last_changed=_datetime(raw.get("lastChangeDateTime")),
        )
    for index, raw in enumerate(data.get("CFAssociations") or []):
        where = f"CFAssociations[{index}]"
        if not isinstance(raw, dict):
            raise CaseError(f"{where} is not an object")
        kind = _required(raw, "associationType", where)
        origin = _node_identifier(raw.get("originNodeURI"), f"{where}.originNodeURI")
        destination = _node_identifier(raw.get("destinationNodeURI"), f"{where}.destinationNodeURI")
        sequence = _int(raw.get("sequenceNumber"))
        if kind == "isChildOf" and origin in items:
            child = items[origin]
            child.parent_identifier = destination if destination in items else None
            child.sequence = sequence
        else:
            package.associations.append(
                CaseAssociation(str(raw.get("identifier") or ""), kind, origin, destination, sequence)
            )
    package.items = _tree_order(items)
    return package


def _tree_order(items: dict[str, CaseItem]) -> list[CaseItem]:
    children: dict[str | None, list[CaseItem]] = {}
    for position, item in enumerate(items.values()):
        item_key = (item.sequence if item.sequence is not None else 1 << 30, position)
        children.setdefault(item.parent_identifier, []).append((item_key, item))
    ordered: list[CaseItem] = []
    seen: set[str] = set()

    def visit(parent: str | None) -> None:
        for _, item in sorted(children.get(parent, []), key=lambda pair: pair[0]):
            if item.identifier not in seen:
                seen.add(item.identifier)
                ordered.append(item)
                visit(item.identifier)

    visit(None)
    # Items caught in a parent cycle are never reached from the top: lift them to the top level.
    for item in items.values():
        if item.identifier not in seen:
            item.parent_identifier = None
            seen.add(item.identifier)
            ordered.append(item)
    return ordered


def _required(raw: dict, key: str, where: str) -> str:
    value = raw.get(key)
    if value in (None, ""):
        raise CaseError(f"{where}: {key} is missing")
    return str(value)


def _uri(value: object) -> str:
    if isinstance(value, dict):
        return str(value.get("uri") or "")
    return str(value or "")


def _node_identifier(value: object, where: str) -> str:
    """A node reference: {identifier, uri} per the spec, or a plain URI string ending in the id."""
    if isinstance(value, dict) and value.get("identifier"):
        return str(value["identifier"])
    uri = _uri(value)
    if not uri:
        raise CaseError(f"{where} is missing")
    return uri.rstrip("/").rsplit("/", 1)[-1]


def _title(value: object) -> str:
    if isinstance(value, dict):
        return str(value.get("title") or "")
    return str(value or "")


def _as_list(value: object) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v not in (None, "")]
    return [str(value)]


def _int(value: object) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _datetime(value: object) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
