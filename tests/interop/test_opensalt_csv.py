"""OpenSALT's item CSV: the Common Core ELA sample becomes a framework tree, and a broken file is
refused with a message that says where and what."""

import csv
from pathlib import Path

import pytest

from plclassroom.interop.case import CaseError
from plclassroom.interop.opensalt_csv import parse_opensalt_csv, read_opensalt_csv
from plclassroom.services.frameworks import import_framework
from tests.conftest import count

ELA = Path(__file__).resolve().parents[3] / "shared" / "samples" / "case" / "opensalt-ccsso-ela-items.csv"
needs_ela = pytest.mark.skipif(not ELA.exists(), reason="the shared ELA sample is not here")

HEADER = "identifier,fullStatement,humanCodingScheme,smartLevel,listEnumeration,educationLevel,CFItemType\n"


def ela_rows() -> list[dict]:
    with ELA.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def parse(text: str, **kwargs):
    return parse_opensalt_csv(text.encode("utf-8"), title="Test", source="items.csv", **kwargs)


@needs_ela
def test_the_ela_sample_gives_every_row_as_an_item():
    rows = ela_rows()
    package = read_opensalt_csv(ELA)
    # The samples README says 1,188 items; the file has 1,189 data rows (1,190 lines with the header).
    assert len(rows) == 1_189
    assert len(package.items) == len(rows)
    assert sorted(item.identifier for item in package.items) == sorted(row["identifier"] for row in rows)
    assert package.title == "opensalt-ccsso-ela-items"
    assert package.associations == []


@needs_ela
def test_the_ela_tree_follows_smart_levels():
    rows = {row["identifier"]: row for row in ela_rows()}
    package = read_opensalt_csv(ELA)
    items = {item.identifier: item for item in package.items}
    top = [item for item in package.items if item.parent_identifier is None]
    assert [item.statement for item in top] == ["College and Career Anchor Standards", "Kindergarten"] + [
        f"Grade {grade}" for grade in ("1", "2", "3", "4", "5", "6", "7", "8", "9-10", "11-12")]
    position = {item.identifier: index for index, item in enumerate(package.items)}
    for item in package.items:
        level = rows[item.identifier]["smartLevel"]
        assert item.sequence == int(level.rsplit(".", 1)[-1])
        if item.parent_identifier is not None:
            assert rows[item.parent_identifier]["smartLevel"] == level.rsplit(".", 1)[0]
            assert position[item.parent_identifier] < position[item.identifier]
        else:
            assert "." not in level
    grade_3 = next(item for item in package.items if item.code == "RL.3.1")
    strand = items[items[grade_3.parent_identifier].parent_identifier]
    assert (strand.item_type, strand.statement) == ("Strand", "Reading Standards for Literature")
    assert items[strand.parent_identifier].statement == "Grade 3"
    assert grade_3.education_level == "03" and grade_3.item_type == "Standard"
    assert grade_3.last_changed is not None and grade_3.last_changed.year == 2017


@needs_ela
def test_the_ela_sample_imports_once_and_again_without_changes(store):
    package = read_opensalt_csv(ELA, title="Common Core ELA")
    with store.unit_of_work() as uow:
        first = import_framework(uow, package)
    assert first.added == 1_189
    before = count(store, "SELECT count(*) FROM sync_outbox")
    with store.unit_of_work() as uow:
        again = import_framework(uow, read_opensalt_csv(ELA, title="Common Core ELA"))
    assert (again.framework_id, again.unchanged, again.added, again.updated) == (first.framework_id, 1_189, 0, 0)
    assert count(store, "SELECT count(*) FROM sync_outbox") == before
    assert count(store, "SELECT count(*) FROM competency WHERE parent_id IS NULL") == 12


def test_the_framework_identifier_follows_the_title_unless_given():
    text = HEADER + "a1,Read closely.,R.1,1,,01,Standard\n"
    assert parse(text).identifier == parse(text).identifier
    assert parse_opensalt_csv(text.encode(), title="Other").identifier != parse(text).identifier
    assert parse(text, identifier="district-ela").identifier == "district-ela"


def test_is_child_of_and_sequence_number_columns_and_spaced_header_names():
    package = parse(
        "Identifier,fullStatement,Human Coding Scheme,sequenceNumber,Is Child Of,Education Level,Is Related To\n"
        "r,Reading,R,,,\"KG, 01\",\n"
        "r2,Second,R.2,1,R,01,r1\n"          # parent by human coding scheme
        "r1,First,R.1,0,r,01,\"R.2, X.9\"\n"  # parent by identifier; links to a row and to an outside code
        "w,Writing,W,,nowhere,,\n"            # a parent that is not in the file: top level
    )
    assert [(item.identifier, item.parent_identifier) for item in package.items] == [
        ("r", None), ("r1", "r"), ("r2", "r"), ("w", None)]
    assert package.items[0].education_level == "KG,01"
    assert [(a.kind, a.origin, a.destination) for a in package.associations] == [
        ("isRelatedTo", "r2", "r1"), ("isRelatedTo", "r1", "r2"), ("isRelatedTo", "r1", "X.9")]


def test_a_byte_order_mark_blank_lines_and_line_breaks_in_quotes_are_fine():
    package = parse_opensalt_csv(
        ("\ufeff" + HEADER + "\n" + 'a,"Two\r\nlines",,1,,,\n\n').encode("utf-8"), title="T")
    assert [(item.identifier, item.statement) for item in package.items] == [("a", "Two\r\nlines")]
    with pytest.raises(CaseError, match="line 4: fullStatement is empty"):  # numbered by its first line
        parse(HEADER + 'a,"Two\nlines",,1,,,\nb,,,2,,,\n')


@pytest.mark.parametrize("text, message", [
    ("", "items.csv is empty: there is no header row"),
    ("identifier,humanCodingScheme\na,A.1\n",
     "items.csv: the header has no fullStatement column (it has: identifier, humanCodingScheme)"),
    ("fullStatement,smartLevel\nRead,1\n", "items.csv: the header has no identifier column (it has: fullStatement, smartLevel)"),
    ("identifier,fullStatement,Full Statement\na,A,A\n", "items.csv: the header has the Full Statement column twice"),
    (HEADER + "a,A,,1,,,\n,B,,2,,,\n", "items.csv, line 3: identifier is empty (each item needs its CASE identifier)"),
    (HEADER + "a,A,,1,,,\na,B,,2,,,\n", "items.csv, line 3: identifier a is also on line 2"),
    (HEADER + "a,,,1,,,\n", "items.csv, line 2: fullStatement is empty"),
    (HEADER + "a,A,,1,,,\nb,B,,1,,,\n", "items.csv, line 3: smartLevel 1 is also on line 2"),
    (HEADER + "a,A,,1,,,,extra\n", "items.csv, line 2: 8 values but the header has 7 columns"),
    (HEADER + 'a,"A,,1,,,\nb,B,,2,,,\n', "items.csv, line 2: not readable as CSV (unexpected end of data)"),
    (HEADER + 'a,"A"B,,1,,,\n', "items.csv, line 2: not readable as CSV (',' expected after '\"')"),
])
def test_broken_files_say_where_and_what(text, message):
    with pytest.raises(CaseError) as caught:
        parse(text)
    assert str(caught.value) == message


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    latin = tmp_path / "ela.csv"
    latin.write_bytes((HEADER + "a,Écrire,,1,,,\n").encode("latin-1"))
    with pytest.raises(CaseError, match=r"^ela\.csv is not UTF-8 text \(line 2, byte \d+\)$"):
        read_opensalt_csv(latin)
    with pytest.raises(CaseError, match=r"^missing\.csv cannot be read"):
        read_opensalt_csv(tmp_path / "missing.csv")
