"""The synthetic OneRoster 1.1 district (bench/oneroster_district.py): exact sizes, valid references,
the same bytes every time, and a bulk manifest."""

from __future__ import annotations

import csv
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from oneroster_district import COLUMNS, check_package, generate_district  # noqa: E402

SMALL = {"students": 600, "teachers": 30, "classes": 60, "enrollments": 2_000}
FILES = ("manifest", "orgs", "academicSessions", "courses", "classes", "users", "enrollments")


def read(package: Path, name: str) -> list[dict[str, str]]:
    with open(package / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    return generate_district(tmp_path_factory.mktemp("district") / "out", **SMALL)


def test_exact_counts_and_integrity(package):
    counts = check_package(package)
    guardians = SMALL["students"] // 10
    assert counts["orgs"] == 1 + 2  # the district and one school per 500 students, rounded up
    assert counts["academicSessions"] == 3
    assert counts["classes"] == SMALL["classes"]
    assert counts["users"] == SMALL["students"] + SMALL["teachers"] + guardians
    assert counts["enrollments"] == SMALL["enrollments"]
    assert counts["courses"] == len(read(package, "courses")) > 0
    roles = Counter(user["role"] for user in read(package, "users"))
    assert roles == {"student": SMALL["students"], "teacher": SMALL["teachers"], "parent": guardians}


def test_every_class_has_one_primary_teacher_and_students_take_several_classes(package):
    enrollments = read(package, "enrollments")
    teachers = Counter(row["classSourcedId"] for row in enrollments if row["role"] == "teacher")
    assert set(teachers.values()) == {1}
    assert len(teachers) == SMALL["classes"]
    assert all(row["primary"] == "true" for row in enrollments if row["role"] == "teacher")
    per_student = Counter(row["userSourcedId"] for row in enrollments if row["role"] == "student")
    assert len(per_student) == SMALL["students"]
    assert min(per_student.values()) >= 2
    users = {user["sourcedId"]: user for user in read(package, "users")}
    classes = {row["sourcedId"]: row for row in read(package, "classes")}
    for row in enrollments:
        if row["role"] == "student":
            assert users[row["userSourcedId"]]["orgSourcedIds"] == classes[row["classSourcedId"]]["schoolSourcedId"]
            assert users[row["userSourcedId"]]["grades"] in classes[row["classSourcedId"]]["grades"].split(",")


def test_people_look_real(package):
    users = read(package, "users")
    names = {user["givenName"] for user in users} | {user["familyName"] for user in users}
    assert any(not name.isascii() for name in names)
    assert len({user["username"] for user in users}) == len(users)
    by_id = {user["sourcedId"]: user for user in users}
    for user in users:
        if user["role"] == "student":
            assert user["grades"] and user["userIds"].startswith(f"{{LDAP:{int(user['sourcedId'][4:])}}}")
        if user["role"] == "parent":  # a guardian lists their children, and each child lists them back
            children = user["agentSourcedIds"].split(",")
            assert children and all(by_id[child]["role"] == "student" for child in children)
            assert all(by_id[child]["agentSourcedIds"] == user["sourcedId"] for child in children)


def test_headers_are_the_11_columns_and_bulk_leaves_status_blank(package):
    for name, columns in COLUMNS.items():
        with open(package / f"{name}.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == columns
        assert all(row[1] == "" and row[2] == "" for row in rows[1:])
    sessions = {row["sourcedId"]: row for row in read(package, "academicSessions")}
    years = [row for row in sessions.values() if row["type"] == "schoolYear"]
    assert len(years) == 1
    semesters = [row for row in sessions.values() if row["type"] == "semester"]
    assert len(semesters) == 2 and all(row["parentSourcedId"] == years[0]["sourcedId"] for row in semesters)
    assert all(sessions[row["termSourcedIds"]]["type"] == "semester" for row in read(package, "classes"))


def test_manifest_says_bulk_for_the_six_files(package):
    with open(package / "manifest.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["propertyName", "value"]
    manifest = dict(rows[1:])
    assert manifest["manifest.version"] == "1.0"
    assert manifest["oneroster.version"] == "1.1"
    bulk = {key[5:] for key, value in manifest.items() if key.startswith("file.") and value == "bulk"}
    assert bulk == {"orgs", "academicSessions", "courses", "classes", "users", "enrollments"}
    absent = {key[5:] for key, value in manifest.items() if key.startswith("file.") and value == "absent"}
    assert absent == {"categories", "classResources", "courseResources", "demographics", "lineItems",
                      "resources", "results"}
    assert sorted(path.name for path in package.iterdir()) == sorted(f"{name}.csv" for name in FILES)


def test_generating_twice_gives_the_same_bytes(package, tmp_path):
    again = generate_district(tmp_path / "again", **SMALL)
    for name in FILES:
        assert (again / f"{name}.csv").read_bytes() == (package / f"{name}.csv").read_bytes(), name
    other = generate_district(tmp_path / "other", **SMALL, seed=7)
    assert (other / "users.csv").read_bytes() != (package / "users.csv").read_bytes()


def test_zip_holds_the_same_files_and_is_itself_reproducible(package, tmp_path):
    first = generate_district(tmp_path / "a", **SMALL, zip_it=True)
    second = generate_district(tmp_path / "b", **SMALL, zip_it=True)
    assert first.suffix == ".zip" and first.read_bytes() == second.read_bytes()
    assert check_package(first) == check_package(package)
    with zipfile.ZipFile(first) as archive:
        assert sorted(archive.namelist()) == sorted(f"{name}.csv" for name in FILES)
        for name in FILES:
            assert archive.read(f"{name}.csv") == (package / f"{name}.csv").read_bytes()


def test_check_package_catches_a_dangling_reference(package, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in FILES:
        (broken / f"{name}.csv").write_bytes((package / f"{name}.csv").read_bytes())
    enrollments = (broken / "enrollments.csv").read_text(encoding="utf-8")
    (broken / "enrollments.csv").write_text(enrollments.replace(",cls-00001,", ",cls-99999,", 1), encoding="utf-8")
    with pytest.raises(AssertionError, match="cls-99999 not in classes.csv"):
        check_package(broken)


@pytest.mark.parametrize("sizes", [
    {"students": 10, "teachers": 1, "classes": 2, "enrollments": 1},  # fewer enrollments than classes
    {"students": 10, "teachers": 0, "classes": 2, "enrollments": 5},  # classes without teachers
    {"students": 10, "teachers": 1, "classes": 1, "enrollments": 12},  # a student would take a class twice
])
def test_impossible_sizes_are_refused(tmp_path, sizes):
    with pytest.raises(ValueError):
        generate_district(tmp_path / "out", **sizes)
