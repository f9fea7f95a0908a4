"""A reader of 1EdTech CASE JSON packages (CFPackage, CASE 1.0 and 1.1): document, items, the tree.

Liberal in what it accepts, as real exports vary: URIs as strings or as {identifier, uri} objects,
``educationLevel`` or ``educationalLevel`` as a list or a scalar, ``CFItemType`` as a string or only
a ``CFItemTypeURI`` object, OpenSALT's spaced association names ("Is Child Of"), 1.1's ``ext:*``
association types, optional fields missing. It refuses what it cannot read safely (no CFDocument,
an item without identifier or statement, one identifier used for two items) with a CaseError that
says where and what. It only reads; ``services.frameworks`` puts the result in the store.
"""

from __future__ import annotations

import json
import re
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
    list_enumeration: str = ""  # "1.", "a.": orders siblings that carry no sequence number


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
    items: list[CaseItem] = field(default_factory=list)  # in tree order: parents first, siblings in order
    associations: list[CaseAssociation] = field(default_factory=list)  # all but the tree's isChildOf


# CASE 1.0 association types plus 1.1's isTranslationOf; 1.1 also allows any "ext:..." type.
ASSOCIATION_TYPES = (
    "isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes", "isRelatedTo", "replacedBy",
    "exemplar", "hasSkillLevel", "isTranslationOf",
)
_TYPE_BY_KEY = {kind.lower(): kind for kind in ASSOCIATION_TYPES}


def read_case_file(path: Path) -> CasePackage:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CaseError(f"{path.name} cannot be read ({exc.strerror})") from exc
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark is harmless; anything not UTF-8 is refused
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise CaseError(f"{path.name} is not UTF-8 text (line {line}, byte {exc.start})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError(f"{path.name} is not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    try:
        return parse_case_package(data)
    except CaseError as exc:
        raise CaseError(f"{path.name}: {exc}") from exc


def parse_case_package(data: object) -> CasePackage:
    if isinstance(data, dict) and isinstance(data.get("CFPackage"), dict):
        data = data["CFPackage"]  # some services wrap the package in one more object
    if not isinstance(data, dict) or not isinstance(data.get("CFDocument"), dict):
        raise CaseError("not a CASE package: there is no CFDocument object")
    document = data["CFDocument"]
    doc_id = _required(document, "identifier", "CFDocument")
    subjects = _as_list(document.get("subject")) or [
        _title(link) for link in _as_list_of_any(document.get("subjectURI")) if _title(link)
    ]
    package = CasePackage(
        identifier=doc_id,
        title=_text(document.get("title")) or "Untitled framework",
        uri=_uri(document.get("uri")),
        creator=_text(document.get("creator")),
        subject=", ".join(subjects),
        language=_text(document.get("language")),
        version=_text(document.get("version")),
        adoption_status=_text(document.get("adoptionStatus")),
        last_changed=parse_datetime(document.get("lastChangeDateTime")),
    )
    item_types = _item_type_titles(data.get("CFDefinitions"))
    items: dict[str, CaseItem] = {}
    first_seen: dict[str, int] = {}
    for index, raw in enumerate(_list(data, "CFItems")):
        where = f"CFItems[{index}]"
        if not isinstance(raw, dict):
            raise CaseError(f"{where} is not an object")
        identifier = _required(raw, "identifier", where)
        if identifier in items:
            raise CaseError(f"{where}: identifier {identifier} is already used by CFItems[{first_seen[identifier]}]")
        first_seen[identifier] = index
        items[identifier] = CaseItem(
            identifier=identifier,
            statement=_required(raw, "fullStatement", where),
            code=_text(raw.get("humanCodingScheme")),
            short_statement=_text(raw.get("abbreviatedStatement")),
            item_type=_item_type(raw, item_types),
            education_level=education_levels(
                raw.get("educationLevel") if raw.get("educationLevel") not in (None, "", [])
                else raw.get("educationalLevel")
            ),
            last_changed=parse_datetime(raw.get("lastChangeDateTime")),
            list_enumeration=_text(raw.get("listEnumeration")),
        )
    placed: set[str] = set()
    for index, raw in enumerate(_list(data, "CFAssociations")):
        where = f"CFAssociations[{index}]"
        if not isinstance(raw, dict):
            raise CaseError(f"{where} is not an object")
        kind = association_type(_required(raw, "associationType", where))
        origin = _node_identifier(raw.get("originNodeURI"), f"{where}.originNodeURI")
        destination = _node_identifier(raw.get("destinationNodeURI"), f"{where}.destinationNodeURI")
        sequence = _int(raw.get("sequenceNumber"))
        in_tree = destination in items or destination == doc_id
        if kind == "isChildOf" and origin in items and origin not in placed and in_tree and origin != destination:
            # An item reused under a second parent keeps its first place; the other links stay below.
            child = items[origin]
            child.parent_identifier = destination if destination in items else None
            child.sequence = sequence
            placed.add(origin)
        else:
            package.associations.append(
                CaseAssociation(_text(raw.get("identifier")), kind, origin, destination, sequence)
            )
    package.items = tree_order(items)
    return package


def tree_order(items: dict[str, CaseItem]) -> list[CaseItem]:
    """Parents before children; siblings as OpenSALT shows them: by sequence number, then by a
    numeric list enumeration, then by human coding scheme in natural order (L1.2 before L1.10),
    then as listed."""
    children: dict[str | None, list[tuple[tuple, CaseItem]]] = {}
    for position, item in enumerate(items.values()):
        children.setdefault(item.parent_identifier, []).append((_sibling_key(item, position), item))
    ordered: list[CaseItem] = []
    seen: set[str] = set()
    stack: list[CaseItem] = [item for _, item in sorted(children.get(None, []), key=_first, reverse=True)]
    while stack:  # iterative: a deep tree must not hit Python's recursion limit
        item = stack.pop()
        if item.identifier in seen:
            continue
        seen.add(item.identifier)
        ordered.append(item)
        stack.extend(child for _, child in sorted(children.get(item.identifier, []), key=_first, reverse=True))
    # Items caught in a parent cycle are never reached from the top: lift them to the top level.
    for item in items.values():
        if item.identifier not in seen:
            item.parent_identifier = None
            seen.add(item.identifier)
            ordered.append(item)
    return ordered


def _first(pair: tuple) -> tuple:
    return pair[0]


_LAST = float("inf")
_NUMBER = re.compile(r"\s*\d+(\.\d*)?\s*")


def _sibling_key(item: CaseItem, position: int) -> tuple:
    enumeration = float(item.list_enumeration) if _NUMBER.fullmatch(item.list_enumeration) else _LAST
    code = (0, natural_key(item.code)) if item.code else (1, ())
    return (item.sequence if item.sequence is not None else _LAST, enumeration, code, position)


def natural_key(text: str) -> tuple:
    """"RL.1.10" sorts after "RL.1.9": digit runs compare as numbers, the rest ignoring case."""
    parts = re.split(r"(\d+)", text)
    return tuple(int(part) if index % 2 else part.casefold() for index, part in enumerate(parts))


def association_type(value: str) -> str:
    """The CASE spelling of an association type: OpenSALT's "Is Child Of" becomes isChildOf;
    ``ext:`` and unknown types are kept as given."""
    value = value.strip()
    if value.lower().startswith("ext:"):
        return value
    return _TYPE_BY_KEY.get(re.sub(r"[\s_]", "", value).lower(), value)


def education_levels(value: object) -> str:
    """Grade codes, comma-separated: from a list, or a scalar that may itself hold "KG,01,02"."""
    codes = [code.strip() for entry in _as_list(value) for code in entry.split(",")]
    return ",".join(code for code in codes if code)


def parse_datetime(value: object) -> datetime | None:
    """An ISO 8601 date-time (a space instead of "T" is fine); without a zone it is taken as UTC."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _list(data: dict, key: str) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise CaseError(f"{key} is not a list")
    return value


def _required(raw: dict, key: str, where: str) -> str:
    value = raw.get(key)
    if value in (None, "") or isinstance(value, (dict, list)):
        raise CaseError(f"{where}: {key} is missing")
    return str(value)


def _text(value: object) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value)


def _uri(value: object) -> str:
    if isinstance(value, dict):
        return _text(value.get("uri"))
    return _text(value)


def _node_identifier(value: object, where: str) -> str:
    """A node reference: {identifier, uri} per the spec, or a plain URI string ending in the id."""
    if isinstance(value, dict) and value.get("identifier"):
        return str(value["identifier"]).strip()
    if value is not None and not isinstance(value, (dict, str)):
        raise CaseError(f"{where} is neither a URI nor an {{identifier, uri}} object")
    uri = _uri(value).strip()
    if not uri:
        raise CaseError(f"{where} is missing")
    if uri.lower().startswith("urn:uuid:"):
        return uri[len("urn:uuid:"):]
    return uri.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1] or uri


def _item_type_titles(definitions: object) -> dict[str, str]:
    """CFDefinitions.CFItemTypes by identifier, for items that only point at their type."""
    if not isinstance(definitions, dict) or not isinstance(definitions.get("CFItemTypes"), list):
        return {}
    return {
        str(entry["identifier"]): _text(entry.get("title"))
        for entry in definitions["CFItemTypes"]
        if isinstance(entry, dict) and entry.get("identifier") and entry.get("title")
    }


def _item_type(raw: dict, titles: dict[str, str]) -> str:
    named = _title(raw.get("CFItemType"))
    if named:
        return named
    link = raw.get("CFItemTypeURI")
    if isinstance(link, dict):
        return _text(link.get("title")) or titles.get(_text(link.get("identifier")), "")
    return ""


def _title(value: object) -> str:
    if isinstance(value, dict):
        return _text(value.get("title"))
    return _text(value)


def _as_list(value: object) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v not in (None, "") and not isinstance(v, (dict, list))]
    if isinstance(value, dict):
        return []
    return [str(value)]


def _as_list_of_any(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _int(value: object) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        try:
            number = float(value)  # "2.0" from a spreadsheet
        except (TypeError, ValueError):
            return None
        return int(number) if number.is_integer() else None
