"""CASE JSON packages: every shared sample reads, and importing one again updates the framework in
place, so evidence keeps pointing at the same competencies."""

import copy
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from plclassroom.domain import Competency, CompetencyAssociation, CompetencyFramework, Evidence, Person, Role
from plclassroom.interop.case import CaseError, parse_case_package, read_case_file
from plclassroom.services.frameworks import add_framework, framework_rows, import_framework
from tests.conftest import count

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "case"
JSON_SAMPLES = sorted(SAMPLES.glob("opensalt-*.json"))
MATH = SAMPLES / "opensalt-ccss-math-6rp.json"

needs_samples = pytest.mark.skipif(not MATH.exists(), reason="the shared CASE samples are not here")


def outbox_size(store) -> int:
    return count(store, "SELECT count(*) FROM sync_outbox")


def math_data() -> dict:
    return json.loads(MATH.read_text(encoding="utf-8"))


def doc(**fields) -> dict:
    return {"identifier": "doc", "title": "T", **fields}


def child_of(child: str, parent: str, sequence=None) -> dict:
    link = {"associationType": "isChildOf", "originNodeURI": {"identifier": child},
            "destinationNodeURI": {"identifier": parent}}
    if sequence is not None:
        link["sequenceNumber"] = sequence
    return link


# --- reading -------------------------------------------------------------------------------------

@needs_samples
def test_the_samples_are_all_here():
    names = {path.name for path in JSON_SAMPLES}
    for kind in ("Ordering", "SmartLevel", "SequenceNumber", "Utf8Test", "Markdown", "ItemTypeTest", "ccss"):
        assert any(kind in name for name in names), kind


@needs_samples
@pytest.mark.parametrize("path", JSON_SAMPLES, ids=lambda path: path.stem)
def test_every_sample_reads_with_all_its_items_and_links(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    package = read_case_file(path)
    assert package.identifier == data["CFDocument"]["identifier"]
    assert package.title == data["CFDocument"]["title"]
    assert sorted(item.identifier for item in package.items) == sorted(item["identifier"] for item in data["CFItems"])
    other_links = [a for a in data["CFAssociations"] if a["associationType"] != "isChildOf"]
    assert len(package.associations) == len(other_links)
    # Tree order: every parent is listed before its children.
    seen = set()
    for item in package.items:
        assert item.parent_identifier is None or item.parent_identifier in seen
        seen.add(item.identifier)


@needs_samples
def test_siblings_without_sequence_numbers_follow_their_codes_in_natural_order():
    # OpenSALT's own test for this file expects L1.1, L1.2, ... L1.24 although the file lists L1.10 second.
    package = read_case_file(SAMPLES / "opensalt-Ordering.json")
    endings = [int(item.code.rsplit(".", 1)[1]) for item in package.items if item.code.split(".")[-2] == "L1"]
    assert endings == list(range(1, 25))


@needs_samples
def test_sequence_numbers_order_siblings_before_anything_else():
    package = read_case_file(SAMPLES / "opensalt-SequenceNumberFramework.json")
    assert [item.code for item in package.items] == ["SNT.2", "SNT.1"]  # SNT.2 has sequenceNumber 1


@needs_samples
def test_the_smart_level_sample_nests_items_under_their_parents_in_order():
    package = read_case_file(SAMPLES / "opensalt-SmartLevelFramework.json")
    by_statement = {item.statement: item for item in package.items}
    assert by_statement["Item 1.10"].parent_identifier == by_statement["Item 1"].identifier
    assert by_statement["Item 2.2"].parent_identifier == by_statement["Item 2"].identifier
    assert [item.statement for item in package.items] == (
        ["Item 1"] + [f"Item 1.{n}" for n in range(1, 11)] + ["Item 2", "Item 2.1", "Item 2.2"]
    )


@needs_samples
def test_text_is_kept_exactly_beyond_the_basic_plane_and_with_markdown():
    assert read_case_file(SAMPLES / "opensalt-Utf8TestFramework.json").items[0].statement == "Item \U0001d451 1"
    markdown = {item.code: item for item in read_case_file(SAMPLES / "opensalt-MarkdownFramework.json").items}
    assert "| Column 1 | Column 2 |\r\n" in markdown["MD.Table"].statement
    assert markdown["MD.Math"].statement == "This contains math markdown: $x^2$"


@needs_samples
def test_item_type_from_the_string_or_only_from_the_type_link():
    data = json.loads((SAMPLES / "opensalt-ItemTypeTestFramework.json").read_text(encoding="utf-8"))
    assert parse_case_package(data).items[0].item_type == "Standard"
    del data["CFItems"][0]["CFItemType"]
    assert parse_case_package(data).items[0].item_type == "Standard"  # CFItemTypeURI's title
    del data["CFItems"][0]["CFItemTypeURI"]["title"]
    assert parse_case_package(data).items[0].item_type == "Standard"  # looked up in CFDefinitions


def test_case_1_1_extras_are_read_and_ext_types_kept():
    package = parse_case_package({"CFPackage": {  # some services wrap the package once more
        "CFDocument": doc(caseVersion="1.1", frameworkType="Standards", subjectURI=[{"title": "Math"}]),
        "CFItems": [
            {"identifier": "a", "fullStatement": "A", "educationLevel": "KG,01"},
            {"identifier": "b", "fullStatement": "B", "educationLevel": ["02", "03"], "CFItemType": {"title": "Skill"}},
        ],
        "CFAssociations": [
            {"associationType": "Is Child Of", "originNodeURI": "urn:uuid:b", "destinationNodeURI": "urn:uuid:a"},
            {"identifier": "x", "associationType": "ext:buildsOn", "originNodeURI": {"identifier": "b"},
             "destinationNodeURI": {"identifier": "other", "targetType": "CASE"}},
            {"associationType": "isTranslationOf", "originNodeURI": {"uri": "https://h/uri/a"},
             "destinationNodeURI": "https://h/uri/elsewhere/"},
        ],
    }})
    assert package.subject == "Math"
    a, b = package.items
    assert (a.education_level, b.education_level, b.item_type) == ("KG,01", "02,03", "Skill")
    assert b.parent_identifier == "a"  # OpenSALT's "Is Child Of" spelling, URN node references
    assert [(x.kind, x.origin, x.destination) for x in package.associations] == [
        ("ext:buildsOn", "b", "other"), ("isTranslationOf", "a", "elsewhere")]


def test_an_item_under_two_parents_keeps_its_first_place_and_the_other_link():
    package = parse_case_package({
        "CFDocument": doc(),
        "CFItems": [{"identifier": i, "fullStatement": i} for i in ("p", "q", "c")],
        "CFAssociations": [child_of("c", "p"), child_of("c", "q"), child_of("p", "doc"), child_of("q", "doc")],
    })
    assert {item.identifier: item.parent_identifier for item in package.items}["c"] == "p"
    assert [(a.kind, a.origin, a.destination) for a in package.associations] == [("isChildOf", "c", "q")]


@pytest.mark.parametrize("data, message", [
    ({"CFDocument": doc(), "CFItems": {"identifier": "a"}}, "CFItems is not a list"),
    ({"CFDocument": doc(), "CFItems": ["a"]}, "CFItems[0] is not an object"),
    ({"CFDocument": doc(), "CFItems": [{"identifier": "a", "fullStatement": "A"},
                                       {"identifier": "a", "fullStatement": "B"}]},
     "CFItems[1]: identifier a is already used by CFItems[0]"),
    ({"CFDocument": doc(), "CFAssociations": [{"associationType": "precedes", "destinationNodeURI": "x"}]},
     "CFAssociations[0].originNodeURI is missing"),
    ({"CFDocument": doc(), "CFAssociations": [{"associationType": "precedes", "originNodeURI": 7,
                                               "destinationNodeURI": "x"}]},
     "CFAssociations[0].originNodeURI is neither a URI nor an {identifier, uri} object"),
    ({"CFDocument": doc(), "CFAssociations": [{"originNodeURI": "a", "destinationNodeURI": "b"}]},
     "CFAssociations[0]: associationType is missing"),
    ({"CFDocument": {"identifier": {"id": 1}}}, "CFDocument: identifier is missing"),
])
def test_malformed_packages_say_where_and_what(data, message):
    with pytest.raises(CaseError) as caught:
        parse_case_package(data)
    assert str(caught.value) == message


def test_file_errors_name_the_file(tmp_path):
    broken = tmp_path / "district.json"
    broken.write_text(json.dumps({"CFDocument": {"title": "x"}}), encoding="utf-8")
    with pytest.raises(CaseError, match=r"^district\.json: CFDocument: identifier is missing$"):
        read_case_file(broken)
    with pytest.raises(CaseError, match=r"^absent\.json cannot be read"):
        read_case_file(tmp_path / "absent.json")
    latin = tmp_path / "latin.json"
    latin.write_bytes('{\n"CFDocument": {"identifier": "d", "title": "Français"}}'.encode("latin-1"))
    with pytest.raises(CaseError, match=r"^latin\.json is not UTF-8 text \(line 2, byte"):
        read_case_file(latin)
    with_bom = tmp_path / "bom.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + json.dumps({"CFDocument": doc()}).encode())
    assert read_case_file(with_bom).identifier == "doc"


# --- importing into the store --------------------------------------------------------------------

def competencies(store, framework_id: str) -> dict[str, Competency]:
    with store.unit_of_work() as uow:
        rows = uow.session.scalars(select(Competency).where(Competency.framework_id == framework_id)).all()
        uow.session.expunge_all()  # snapshots: leaving the unit of work must not expire them
        return {row.case_identifier: row for row in rows}


def add_evidence(store, competency_id: str) -> str:
    with store.unit_of_work() as uow:
        student = uow.add(Person(given_name="Maya", family_name="Okafor", role=Role.STUDENT, grade="06"))
        uow.session.flush()
        evidence = uow.add(Evidence(student_id=student.id, competency_id=competency_id, score=3.0,
                                    observed_on=date(2026, 9, 14)))
        uow.commit()
        return evidence.id


@needs_samples
def test_a_first_import_adds_the_framework_like_add_framework(store):
    package = read_case_file(MATH)
    with store.unit_of_work() as uow:
        report = import_framework(uow, package)
    assert (report.added, report.updated, report.unchanged, report.retired) == (16, 0, 0, 0)
    assert report.associations_added == 23
    assert count(store, "SELECT count(*) FROM competency WHERE framework_id = ?", report.framework_id) == 16
    assert count(store, "SELECT count(*) FROM competency_association") == 23
    assert outbox_size(store) == 1 + 16 + 23  # every row queued for sync
    rows = competencies(store, report.framework_id)
    expected = framework_rows(package, report.framework_id)[Competency]
    assert [rows[row["case_identifier"]].sequence for row in expected] == [row["sequence"] for row in expected]
    by_code = {row.code: row for row in rows.values()}
    assert by_code["CCSS.Math.Content.6.RP.A.3a"].parent_id == by_code["CCSS.Math.Content.6.RP.A.3"].id


@needs_samples
def test_importing_the_same_package_again_writes_nothing(store):
    with store.unit_of_work() as uow:
        first = import_framework(uow, read_case_file(MATH))
    before = outbox_size(store)
    with store.unit_of_work() as uow:
        again = import_framework(uow, read_case_file(MATH))
    assert outbox_size(store) == before
    assert again.framework_id == first.framework_id
    assert (again.added, again.updated, again.unchanged, again.retired, again.associations_added) == (0, 0, 16, 0, 0)
    assert count(store, "SELECT count(*) FROM competencyframework") == 1


@needs_samples
def test_a_changed_package_updates_in_place_and_evidence_keeps_its_competencies(store):
    data = math_data()
    with store.unit_of_work() as uow:
        report = import_framework(uow, parse_case_package(data))
    before_rows = competencies(store, report.framework_id)
    by_code = {row.code: row for row in before_rows.values()}
    changed, removed = by_code["CCSS.Math.Content.6.RP.A.1"], by_code["CCSS.Math.Content.6.RP.A.3d"]
    on_changed, on_removed = add_evidence(store, changed.id), add_evidence(store, removed.id)

    # The district's next version: one statement reworded, 6.RP.A.3d dropped, 7.RP.A.4 added last.
    modified = copy.deepcopy(data)
    for item in modified["CFItems"]:
        if item["identifier"] == changed.case_identifier:
            item["fullStatement"] = "Understand ratios and use ratio language to describe them."
    modified["CFItems"] = [i for i in modified["CFItems"] if i["identifier"] != removed.case_identifier]
    modified["CFAssociations"] = [a for a in modified["CFAssociations"]
                                  if a["originNodeURI"]["identifier"] != removed.case_identifier]
    cluster_7 = by_code["CCSS.Math.Content.7.RP.A"].case_identifier
    modified["CFItems"].append({"identifier": "new-7-rp-a-4", "fullStatement": "Compare unit rates.",
                                "humanCodingScheme": "CCSS.Math.Content.7.RP.A.4", "CFItemType": "Standard"})
    modified["CFAssociations"].append(child_of("new-7-rp-a-4", cluster_7))
    outbox_before = outbox_size(store)

    with store.unit_of_work() as uow:
        again = import_framework(uow, parse_case_package(modified))

    assert again.framework_id == report.framework_id
    assert (again.added, again.updated, again.unchanged, again.retired) == (1, 1, 14, 1)
    # Exactly two changes queued for sync: the reworded statement and the new competency.
    entries = sorted(tuple(row) for row in _outbox_after(store, outbox_before))
    assert entries == sorted([("competency", changed.id, "update", '{"statement":"Understand ratios and use '
                                                                   'ratio language to describe them."}'),
                              ("competency", _id_of(store, "new-7-rp-a-4"), "insert", None)])
    after_rows = competencies(store, report.framework_id)
    assert {key: row.id for key, row in after_rows.items() if key in before_rows} == {
        key: row.id for key, row in before_rows.items()}
    assert after_rows[removed.case_identifier].deleted is False  # retired, not removed
    assert after_rows["new-7-rp-a-4"].parent_id == by_code["CCSS.Math.Content.7.RP.A"].id
    assert after_rows["new-7-rp-a-4"].sequence == 3  # after 7.RP.A.1, .2 and .3
    with store.unit_of_work() as uow:
        assert uow.get(Evidence, on_changed).competency_id == changed.id
        assert uow.get(Evidence, on_removed).competency_id == removed.id
        assert uow.get(Competency, changed.id).statement.startswith("Understand ratios")


def _outbox_after(store, seq_count: int):
    import sqlite3

    with sqlite3.connect(store.path) as conn:
        rows = conn.execute("SELECT table_name, row_id, op, fields FROM sync_outbox ORDER BY seq").fetchall()
    return [(table, row_id, op, fields if op == "update" else None) for table, row_id, op, fields in rows[seq_count:]]


def _id_of(store, case_identifier: str) -> str:
    with store.unit_of_work() as uow:
        return uow.session.scalars(select(Competency.id).where(Competency.case_identifier == case_identifier)).one()


@needs_samples
def test_a_moved_item_gets_its_new_parent_and_its_old_siblings_close_up(store):
    data = math_data()
    with store.unit_of_work() as uow:
        framework_id = import_framework(uow, parse_case_package(data)).framework_id
    by_code = {row.code: row for row in competencies(store, framework_id).values()}
    moved, new_parent = by_code["CCSS.Math.Content.6.RP.A.2"], by_code["CCSS.Math.Content.7.RP.A"]
    for link in data["CFAssociations"]:
        if link["associationType"] == "isChildOf" and link["originNodeURI"]["identifier"] == moved.case_identifier:
            link["destinationNodeURI"] = {"identifier": new_parent.case_identifier}
            link["sequenceNumber"] = 0  # first under grade 7's cluster
    with store.unit_of_work() as uow:
        report = import_framework(uow, parse_case_package(data))
    after = {row.code: row for row in competencies(store, framework_id).values()}
    assert after["CCSS.Math.Content.6.RP.A.2"].id == moved.id
    assert after["CCSS.Math.Content.6.RP.A.2"].parent_id == new_parent.id
    assert after["CCSS.Math.Content.6.RP.A.2"].sequence == 0
    assert after["CCSS.Math.Content.6.RP.A.3"].sequence == 1  # was 2: its sibling left
    assert [after[f"CCSS.Math.Content.7.RP.A.{n}"].sequence for n in (1, 2, 3)] == [1, 2, 3]
    assert (report.added, report.retired) == (0, 0)
    assert report.updated == 1 + 1 + 3  # the moved item, 6.RP.A.3, and grade 7's three standards


@needs_samples
def test_new_associations_are_added_and_existing_ones_kept(store):
    data = math_data()
    with store.unit_of_work() as uow:
        framework_id = import_framework(uow, parse_case_package(data)).framework_id
    data["CFAssociations"] = [a for a in data["CFAssociations"] if a["associationType"] != "exemplar"]
    data["CFAssociations"].append({"identifier": "n1", "associationType": "ext:buildsOn",
                                   "originNodeURI": {"identifier": data["CFItems"][0]["identifier"]},
                                   "destinationNodeURI": {"identifier": data["CFItems"][1]["identifier"]}})
    with store.unit_of_work() as uow:
        report = import_framework(uow, parse_case_package(data))
    assert report.associations_added == 1
    with store.unit_of_work() as uow:
        kinds = uow.session.scalars(select(CompetencyAssociation.kind).where(
            CompetencyAssociation.framework_id == framework_id)).all()
    assert len(kinds) == 24 and kinds.count("exemplar") == 2 and kinds.count("ext:buildsOn") == 1


@needs_samples
def test_a_failed_import_writes_nothing(store, monkeypatch):
    data = math_data()
    with store.unit_of_work() as uow:
        framework_id = import_framework(uow, parse_case_package(data)).framework_id
    before = outbox_size(store)
    data["CFDocument"]["title"] = "Renamed"
    data["CFItems"][0]["fullStatement"] = "Reworded"
    data["CFAssociations"].append({"associationType": "precedes", "originNodeURI": "x", "destinationNodeURI": "y"})
    with store.unit_of_work() as uow:
        real_insert = uow.insert_many

        def fail_on_associations(table, rows):
            if table is CompetencyAssociation and rows:
                raise OSError("disk full")
            return real_insert(table, rows)

        monkeypatch.setattr(uow, "insert_many", fail_on_associations)
        with pytest.raises(OSError, match="disk full"):
            import_framework(uow, parse_case_package(data))
    assert outbox_size(store) == before
    with store.unit_of_work() as uow:
        assert uow.get(CompetencyFramework, framework_id).title == "What Standards Could Be"
        assert "Reworded" not in {row.statement for row in competencies(store, framework_id).values()}


@needs_samples
def test_add_framework_still_adds_a_separate_copy(store):
    package = read_case_file(MATH)
    with store.unit_of_work() as uow:
        first = add_framework(uow, package)
    with store.unit_of_work() as uow:
        second = add_framework(uow, package)
    assert first != second
    assert count(store, "SELECT count(*) FROM competency") == 32
    with store.unit_of_work() as uow:  # importing updates the oldest copy, and finds nothing to change
        assert import_framework(uow, package).unchanged == 16
