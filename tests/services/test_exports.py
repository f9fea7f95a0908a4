import csv

import pytest

from plclassroom.services import exports, roster

SENSITIVE = ("IEP", "504", "ELL", "Extended time")


def first_math_class(store):
    with store.unit_of_work() as uow:
        return next(c for c in roster.list_classes(uow) if c.title.startswith("Math"))


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_the_roster_export_lists_the_class_and_nothing_sensitive(demo_store, tmp_path):
    section = first_math_class(demo_store)
    out = tmp_path / "roster.csv"
    with demo_store.unit_of_work() as uow:
        assert exports.export_roster(uow, section.id, out) == section.students
    rows = read(out)
    assert len(rows) == section.students and set(rows[0]) == set(exports.ROSTER_COLUMNS)
    assert all(row["classTitle"] == section.title and row["familyName"] for row in rows)
    text = out.read_text(encoding="utf-8-sig")
    assert not any(word in text for word in SENSITIVE)


def test_the_mastery_export_has_case_identifiers_and_a_level_per_student_and_competency(demo_store, tmp_path):
    section = first_math_class(demo_store)
    out = tmp_path / "mastery.csv"
    with demo_store.unit_of_work() as uow:
        written = exports.export_mastery(uow, section.id, out)
    rows = read(out)
    assert written == len(rows) > section.students  # several competencies a student
    assert all(len(row["competencyCaseIdentifier"]) == 36 for row in rows)
    assert all(0 <= float(row["level"]) <= 4 and row["levelLabel"] for row in rows)
    assert {row["method"] for row in rows} == {"decaying_average"}
    assert {row["mastered"] for row in rows} <= {"yes", "no"}
    pairs = [(row["userSourcedId"], row["competencyCaseIdentifier"]) for row in rows]
    assert len(pairs) == len(set(pairs))


def test_as_of_a_past_date_counts_only_the_evidence_seen_by_then(demo_store):
    from datetime import date

    section = first_math_class(demo_store)
    with demo_store.unit_of_work() as uow:
        now = exports.mastery_rows(uow, section.id)
        early = exports.mastery_rows(uow, section.id, as_of=date(2026, 9, 15))
    assert sum(int(r["evidenceCount"]) for r in early) < sum(int(r["evidenceCount"]) for r in now)
    assert all(r["lastEvidence"] <= "2026-09-15" for r in early)


def test_a_failed_export_leaves_no_half_file(demo_store, tmp_path, monkeypatch):
    section = first_math_class(demo_store)
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "roster.csv"
    out.write_text("the previous export\n")

    def broken(*_args, **_kwargs):
        yield {"familyName": "A"}
        raise RuntimeError("disk full")

    monkeypatch.setattr(exports, "roster_rows", broken)
    with demo_store.unit_of_work() as uow, pytest.raises(RuntimeError):
        exports.export_roster(uow, section.id, out)
    assert out.read_text() == "the previous export\n"
    assert [p.name for p in folder.iterdir()] == ["roster.csv"]
