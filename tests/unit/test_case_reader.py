import json
from pathlib import Path

import pytest

from plclassroom.interop.case import CaseError, parse_case_package, read_case_file
from plclassroom.services.demo import demo_case_package

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "case"
SAMPLE = SAMPLES / "opensalt-ccss-math-6rp.json"


def test_the_demo_framework_is_the_shared_ccss_sample():
    package = demo_case_package()
    if SAMPLE.exists():
        assert package == read_case_file(SAMPLE)
    assert package.title == "What Standards Could Be"
    assert len(package.items) == 16


def test_tree_is_built_from_is_child_of_in_order():
    package = demo_case_package()
    by_code = {item.code: item for item in package.items}
    cluster = by_code["CCSS.Math.Content.6.RP.A"]
    standard = by_code["CCSS.Math.Content.6.RP.A.3"]
    component = by_code["CCSS.Math.Content.6.RP.A.3a"]
    assert cluster.parent_identifier is None
    assert standard.parent_identifier == cluster.identifier
    assert component.parent_identifier == standard.identifier
    order = [item.identifier for item in package.items]
    assert order.index(cluster.identifier) < order.index(standard.identifier) < order.index(component.identifier)
    assert component.education_level == "06"  # the sample says educationalLevel, as a scalar


def test_other_associations_are_kept_with_precedes_for_learning_paths():
    package = demo_case_package()
    kinds = [a.kind for a in package.associations]
    assert len(kinds) == 39 - 16  # every association but the 16 isChildOf links
    assert kinds.count("precedes") == 3


def test_string_uris_and_missing_optional_fields_are_accepted():
    package = parse_case_package({
        "CFDocument": {"identifier": "doc", "title": "T"},
        "CFItems": [{"identifier": "a", "fullStatement": "A"}, {"identifier": "b", "fullStatement": "B"}],
        "CFAssociations": [{"identifier": "x", "associationType": "isChildOf",
                            "originNodeURI": "https://example.org/uri/b", "destinationNodeURI": "https://example.org/uri/a"}],
    })
    assert [item.identifier for item in package.items] == ["a", "b"]
    assert package.items[1].parent_identifier == "a"


def test_a_parent_cycle_does_not_hang_or_lose_items():
    link = lambda child, parent: {"associationType": "isChildOf", "originNodeURI": {"identifier": child},  # noqa: E731
                                  "destinationNodeURI": {"identifier": parent}}
    package = parse_case_package({
        "CFDocument": {"identifier": "doc", "title": "T"},
        "CFItems": [{"identifier": i, "fullStatement": i} for i in "ab"],
        "CFAssociations": [link("a", "b"), link("b", "a")],
    })
    assert sorted(item.identifier for item in package.items) == ["a", "b"]


@pytest.mark.parametrize("data, message", [
    ([], "no CFDocument"),
    ({"CFDocument": {"title": "x"}}, "CFDocument: identifier is missing"),
    ({"CFDocument": {"identifier": "d"}, "CFItems": [{"identifier": "i"}]}, "CFItems[0]: fullStatement is missing"),
])
def test_broken_packages_get_a_specific_message(data, message):
    with pytest.raises(CaseError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_case_package(data)


def test_a_file_that_is_not_json_says_so(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CaseError, match="not valid JSON"):
        read_case_file(bad)
    latin = tmp_path / "latin.json"
    latin.write_bytes(json.dumps({"x": "é"}, ensure_ascii=False).encode("latin-1"))
    with pytest.raises(CaseError, match="not UTF-8"):
        read_case_file(latin)
