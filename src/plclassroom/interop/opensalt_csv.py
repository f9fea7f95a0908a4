"""OpenSALT's spreadsheet layout for a framework's items, as CSV, read into a CasePackage.

The layout is OpenSALT's "CF Item" sheet, one item a row::

    identifier,fullStatement,humanCodingScheme,smartLevel,listEnumeration,abbreviatedStatement,
    conceptKeywords,notes,language,educationLevel,CFItemType,license[,extra columns...]

``smartLevel`` places the row in the tree: "3.6.2" is the 2nd child of the row at "3.6"; a level
without a dot is top level. Files made by hand often give ``isChildOf`` (the parent's identifier or
human coding scheme) and ``sequenceNumber`` instead, as OpenSALT's other CSV import does; both are
read. Header names are matched ignoring case, spaces and underscores ("Human Coding Scheme").
Association columns (isPartOf, precedes, isRelatedTo, ...) hold comma-separated targets.

The file has no document row: the title comes from the caller (or the file name), and the
framework's CASE identifier is derived from the title, so importing the file again updates the
same framework.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from pathlib import Path

from plclassroom.interop.case import (
    CaseAssociation,
    CaseError,
    CaseItem,
    CasePackage,
    association_type,
    education_levels,
    parse_datetime,
    tree_order,
)

REQUIRED_COLUMNS = ("identifier", "fullStatement")
_COLUMN_NAMES = {
    "identifier": "identifier",
    "fullstatement": "fullStatement",
    "humancodingscheme": "humanCodingScheme",
    "smartlevel": "smartLevel",
    "listenumeration": "listEnumeration",
    "abbreviatedstatement": "abbreviatedStatement",
    "educationlevel": "educationLevel",
    "educationallevel": "educationLevel",
    "cfitemtype": "CFItemType",
    "itemtype": "CFItemType",
    "lastchangedatetime": "lastChangeDateTime",
    "ischildof": "isChildOf",
    "sequencenumber": "sequenceNumber",
}
# OpenSALT's association columns (isChildOf is the tree, read above).
_ASSOCIATION_COLUMNS = {
    key: association_type(name)
    for key, name in {
        "ispartof": "isPartOf", "exemplar": "exemplar", "ispeerof": "isPeerOf", "precedes": "precedes",
        "isrelatedto": "isRelatedTo", "replacedby": "replacedBy", "hasskilllevel": "hasSkillLevel",
        "exactmatchof": "exactMatchOf", "isexactmatchof": "exactMatchOf",
    }.items()
}
# Identifiers of frameworks read from CSV: uuid5 of the title in this namespace.
CSV_FRAMEWORK_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:plclassroom:opensalt-csv-framework")


def read_opensalt_csv(path: Path, title: str | None = None, identifier: str | None = None) -> CasePackage:
    """Read an OpenSALT item CSV; the framework is called ``title`` (default: the file's name)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CaseError(f"{path.name} cannot be read ({exc.strerror})") from exc
    return parse_opensalt_csv(data, title=title or path.stem, identifier=identifier, source=path.name)


def parse_opensalt_csv(
    data: bytes, title: str, identifier: str | None = None, source: str = "the CSV file"
) -> CasePackage:
    try:
        text = data.decode("utf-8-sig")  # Excel's byte-order mark is fine; other encodings are not
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CaseError(f"{source} is not UTF-8 text (line {line}, byte {exc.start})") from exc
    title = title.strip() or "Untitled framework"
    package = CasePackage(identifier=identifier or str(uuid.uuid5(CSV_FRAMEWORK_NAMESPACE, title)), title=title)
    header, rows = _records(text, source)
    columns = _columns(header, source)
    items: dict[str, CaseItem] = {}
    line_of: dict[str, int] = {}
    by_level: dict[str, str] = {}
    by_code: dict[str, str] = {}
    parent_level: dict[str, str] = {}  # item identifier -> its parent's smartLevel
    parent_reference: dict[str, str] = {}  # item identifier -> its isChildOf (identifier or code)
    links: list[tuple[str, str, str]] = []  # kind, origin, target (an identifier, a code or a URI)
    for line, record in rows:
        if len(record) > len(header) and any(value.strip() for value in record[len(header):]):
            raise CaseError(f"{source}, line {line}: {len(record)} values but the header has {len(header)} columns")
        row = {name: record[index].strip() for name, index in columns.items() if index < len(record)}
        where = f"{source}, line {line}"
        item_id = row.get("identifier", "")
        if not item_id:
            raise CaseError(f"{where}: identifier is empty (each item needs its CASE identifier)")
        if item_id in items:
            raise CaseError(f"{where}: identifier {item_id} is also on line {line_of[item_id]}")
        if not row.get("fullStatement"):
            raise CaseError(f"{where}: fullStatement is empty")
        level = row.get("smartLevel", "")
        sequence = _int(row.get("sequenceNumber", ""))
        if level:
            if level in by_level:
                raise CaseError(f"{where}: smartLevel {level} is also on line {line_of[by_level[level]]}")
            by_level[level] = item_id
            if sequence is None:
                sequence = _int(level.rsplit(".", 1)[-1])
        item = CaseItem(
            identifier=item_id,
            statement=row["fullStatement"],
            code=row.get("humanCodingScheme", ""),
            short_statement=row.get("abbreviatedStatement", ""),
            item_type=row.get("CFItemType", ""),
            education_level=education_levels(row.get("educationLevel")),
            last_changed=parse_datetime(row.get("lastChangeDateTime")),
            sequence=sequence,
            list_enumeration=row.get("listEnumeration", ""),
        )
        items[item_id] = item
        line_of[item_id] = line
        if item.code:
            by_code.setdefault(item.code, item_id)
        if level and "." in level:
            parent_level[item_id] = level.rsplit(".", 1)[0]
        elif not level and row.get("isChildOf"):
            parent_reference[item_id] = row["isChildOf"]
        for key, kind in _ASSOCIATION_COLUMNS.items():
            if key in columns:
                links.extend((kind, item_id, target.strip()) for target in row.get(key, "").split(","))

    def resolve(reference: str) -> str | None:
        return reference if reference in items else by_code.get(reference)

    # A level or reference that names no row leaves the item at the top, as OpenSALT does.
    for item_id, level in parent_level.items():
        items[item_id].parent_identifier = by_level.get(level)
    for item_id, reference in parent_reference.items():
        parent = resolve(reference)
        items[item_id].parent_identifier = parent if parent != item_id else None
    package.items = tree_order(items)
    package.associations = [
        CaseAssociation("", kind, origin, resolve(target) or target)
        for kind, origin, target in links
        if target
    ]
    return package


def _records(text: str, source: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and (line, values) for each row that is not blank; a row spans several lines
    when a quoted value holds line breaks, and is numbered by its first line."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows = []
    start = 1
    try:
        for record in reader:
            if any(value.strip() for value in record):
                if header is None:
                    header = [value.strip() for value in record]
                else:
                    rows.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise CaseError(f"{source}, line {start}: not readable as CSV ({exc})") from exc
    if header is None:
        raise CaseError(f"{source} is empty: there is no header row")
    return header, rows


def _columns(header: list[str], source: str) -> dict[str, int]:
    """Column positions by our name: the known columns, and association columns by their key."""
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        key = re.sub(r"[\s_]", "", name).lower()
        known = _COLUMN_NAMES.get(key) or (key if key in _ASSOCIATION_COLUMNS else None)
        if known is None:
            continue  # conceptKeywords, notes, license, custom fields: not kept
        if known in columns:
            raise CaseError(f"{source}: the header has the {name} column twice")
        columns[known] = index
    for name in REQUIRED_COLUMNS:
        if name not in columns:
            raise CaseError(f"{source}: the header has no {name} column (it has: {', '.join(header)})")
    return columns


def _int(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None
