"""OneRoster import on every shared sample and on broken packages of our own making."""

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from plclassroom.domain import Enrollment, Person
from plclassroom.services import roster, roster_import
from tests.conftest import count

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "oneroster"
CATALYST = SAMPLES / "catalyst"
needs_samples = pytest.mark.skipif(not SAMPLES.exists(), reason="../shared/samples is not beside the checkout")


def preview(store, path):
    with store.unit_of_work() as uow:
        return roster_import.preview_roster(uow, path)


def do_import(store, path, valid_only=False):
    with store.unit_of_work() as uow:
        return roster_import.import_roster(uow, path, valid_only=valid_only)


def counts(report):
    return {name: (c.added, c.changed, c.archived) for name, c in report.counts.items()
            if c.added or c.changed or c.archived}


def snapshot(store):
    """Every row of every table, to prove an import changed nothing."""
    with sqlite3.connect(store.path) as conn:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def messages(report):
    return [str(p) for p in report.problems]


@needs_samples
@pytest.mark.parametrize("sample, expected", [
    ("lepo-en", {"schools": (1, 0, 0), "terms": (4, 0, 0), "courses": (2, 0, 0), "classes": (5, 0, 0),
                 "students": (20, 0, 0), "enrollments": (30, 0, 0)}),
    ("lepo-ja", {"schools": (1, 0, 0), "terms": (4, 0, 0), "courses": (2, 0, 0), "classes": (5, 0, 0),
                 "students": (20, 0, 0), "enrollments": (30, 0, 0)}),
    ("catalyst/Test_full_data_set.zip", {"schools": (1, 0, 0), "terms": (4, 0, 0), "classes": (1, 0, 0),
                                         "students": (3, 0, 0), "teachers": (2, 0, 0), "guardians": (1, 0, 0),
                                         "enrollments": (3, 0, 0), "guardian links": (1, 0, 0)}),
    ("catalyst/Test_minimal_data_set.zip", {"schools": (1, 0, 0), "terms": (5, 0, 0), "classes": (2, 0, 0),
                                            "students": (3, 0, 0), "teachers": (2, 0, 0), "guardians": (1, 0, 0),
                                            "enrollments": (6, 0, 0)}),
    ("catalyst/oneroster_test_data.zip", {"schools": (1, 0, 0), "terms": (1, 0, 0), "courses": (1, 0, 0),
                                          "classes": (1, 0, 0), "students": (1, 0, 0), "enrollments": (1, 0, 0)}),
    ("catalyst/v1p2_full_dataset.zip", {"schools": (1, 0, 0), "terms": (4, 0, 0), "classes": (1, 0, 0),
                                        "students": (3, 0, 0), "teachers": (2, 0, 0), "other staff": (1, 0, 0),
                                        "enrollments": (3, 0, 0)}),
])
def test_each_sample_imports_with_the_right_counts(store, sample, expected):
    path = SAMPLES / sample
    planned = preview(store, path)
    assert counts(planned) == expected
    assert not planned.fatal and not planned.row_problems, messages(planned)
    assert count(store, "SELECT count(*) FROM person") == 0  # a preview writes nothing
    done = do_import(store, path)
    assert done.imported and counts(done) == expected
    people = sum(v[0] for k, v in expected.items() if k in ("students", "teachers", "guardians", "other staff"))
    assert count(store, "SELECT count(*) FROM person") == people
    assert count(store, "SELECT count(*) FROM enrollment") == expected["enrollments"][0]


@needs_samples
def test_importing_the_same_package_twice_changes_nothing(store):
    do_import(store, SAMPLES / "lepo-en")
    before = snapshot(store)
    again = do_import(store, SAMPLES / "lepo-en")
    assert counts(again) == {}
    assert again.counts["students"].unchanged == 20
    assert snapshot(store) == before  # not even an outbox entry


@needs_samples
def test_an_imported_class_shows_in_the_roster_with_its_students(store):
    do_import(store, SAMPLES / "lepo-ja")
    with store.unit_of_work() as uow:
        classes = roster.list_classes(uow)
        assert len(classes) == 5
        first = next(c for c in classes if c.students)
        names = [s.name for s in roster.list_students(uow, first.id)]
    assert names and all(name.strip(", ") for name in names)


@needs_samples
def test_metadata_columns_and_user_ids_are_kept_and_passwords_never(store):
    do_import(store, SAMPLES / "lepo-en")
    do_import(store, CATALYST / "Test_full_data_set.zip")
    with store.unit_of_work() as uow:
        user = uow.session.query(Person).filter_by(source_id="us0001").one()
        assert user.extra["metadata"] == {"phoneticGivenName": "PGN 01", "phoneticFamilyName": "PFN 01"}
        mary = uow.session.query(Person).filter_by(source_id="usr-222-66778899").one()
        assert mary.extra["userIds"] == "{LDAP:12}"
    with sqlite3.connect(store.path) as conn:
        dump = "\n".join(conn.iterdump())
    assert "Password1-" not in dump


@needs_samples
def test_guardians_link_to_their_students(store):
    do_import(store, CATALYST / "Test_full_data_set.zip")
    assert count(store, """SELECT count(*) FROM guardianlink l JOIN person g ON g.id = l.guardian_id
                           JOIN person s ON s.id = l.student_id
                           WHERE g.source_id = 'usr-222-1234561' AND s.source_id = 'usr-222-66778899'""") == 1


@needs_samples
def test_the_defects_of_real_exports_are_named(store):
    report = preview(store, CATALYST / "v1p2_full_dataset.zip")
    said = messages(report)
    assert "users.csv row 1: prefferedGivenName is not a OneRoster column (did you mean preferredGivenName?); " \
           "it was ignored" in said
    assert "roles.csv row 1: dataLastModified is not a OneRoster column (did you mean dateLastModified?); " \
           "it was ignored" in said
    assert "users.csv row 2: dateLastModified '1/05/2023' is not an ISO 8601 date; ignored" in said
    assert any("file.userProfiles is ''" in m for m in said)
    lepo = preview(store, SAMPLES / "lepo-en")
    assert "manifest.csv row 10: 'fiel.demographics' is not a manifest property (did you mean " \
           "file.demographics?); it was ignored" in messages(lepo)


@needs_samples
def test_a_delta_updates_and_archives_without_duplicates(store, tmp_path):
    do_import(store, SAMPLES / "lepo-en")
    delta = tmp_path / "delta"
    delta.mkdir()
    (delta / "manifest.csv").write_text(
        "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.users,delta\nfile.enrollments,delta\n")
    header = (SAMPLES / "lepo-en" / "users.csv").read_text(encoding="utf-8").splitlines()[0]
    (delta / "users.csv").write_text(header + "\n" + ",".join([
        '"us0003"', '"active"', '"2026-11-20"', '"true"', '"or0001"', '"student"', '"user03"', '""',
        '"Renamed"', '"FN 03"', '""', '""', '""', '""', '""', '""', '""', '""', '""', '""']) + "\n", encoding="utf-8")
    (delta / "enrollments.csv").write_text(
        "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\n"
        "en0010,tobedeleted,2026-11-20,,,,,,,\n", encoding="utf-8")
    report = do_import(store, delta)
    assert counts(report) == {"students": (0, 1, 0), "enrollments": (0, 0, 1)}
    assert count(store, "SELECT count(*) FROM person") == 20
    with store.unit_of_work() as uow:
        assert uow.session.query(Person).filter_by(source_id="us0003").one().given_name == "Renamed"
        archived = uow.session.query(Enrollment).filter_by(source_id="en0010").one()
        assert archived.archived and not archived.deleted  # history kept


def write_package(folder: Path, files: dict[str, str], version="1.1") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    manifest = ["propertyName,value", "manifest.version,1.0", f"oneroster.version,{version}"]
    manifest += [f"file.{name[:-4]},bulk" for name in files]
    (folder / "manifest.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


ORGS = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nsch1,,,Cedar,school,,\n"
USERS_HEADER = ("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,"
                "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n")


def user(sourced_id, given="Ana", role="student"):
    return f"{sourced_id},,,true,sch1,{role},{sourced_id},,{given},Silva,,,,,,,06,\n"


@pytest.mark.parametrize("files, fatal_message", [
    ({"orgs.csv": ORGS, "users.csv": USERS_HEADER.replace("givenName,", "") + "u1,,,true,sch1,student,u1,,Silva,,,,,,,06,\n"},
     "users.csv row 1: the required column givenName is missing"),
    ({"orgs.csv": ORGS.replace("sch1,,,Cedar,school,,", "a,,,A,district,,b\nb,,,B,district,,a"),
      "users.csv": USERS_HEADER},
     "orgs.csv: parentSourcedId forms a cycle: a → b → a"),
    ({"orgs.csv": ORGS, "users.csv": USERS_HEADER + user("u1"),
      "enrollments.csv": "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,"
                         "primary,beginDate,endDate\ne1,,,nope,sch1,u1,student,,,\n",
      "classes.csv": "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,"
                     "schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n"},
     "enrollments.csv row 2: classSourcedId nope is not in classes.csv"),
])
def test_fatal_problems_stop_the_import_and_change_nothing(store, tmp_path, files, fatal_message):
    package = write_package(tmp_path / "pkg", files)
    before = snapshot(store)
    report = preview(store, package)
    assert fatal_message in messages(report)
    with pytest.raises(roster_import.ImportRefused) as refused:
        do_import(store, package, valid_only=True)  # not even "valid rows only" gets past a fatal problem
    assert fatal_message in str(refused.value)
    assert snapshot(store) == before


def test_row_problems_need_consent_then_import_the_valid_rows(store, tmp_path):
    users = USERS_HEADER + user("u1") + user("u2", given="") + user("u1", given="Dup") + user("u3", role="wizard")
    package = write_package(tmp_path / "pkg", {"orgs.csv": ORGS, "users.csv": users})
    report = preview(store, package)
    assert [str(p) for p in report.row_problems] == [
        "users.csv row 3: givenName is empty",
        "users.csv row 4: sourcedId u1 appears twice in the file; this row was skipped",
        "users.csv row 5: role 'wizard' is not one of: administrator, aide, guardian, parent, proctor, relative, "
        "student, teacher, counselor, districtAdministrator, principal, siteAdministrator, systemAdministrator",
    ]
    with pytest.raises(roster_import.ImportRefused, match="3 rows have problems"):
        do_import(store, package)
    assert count(store, "SELECT count(*) FROM person") == 0
    do_import(store, package, valid_only=True)
    assert count(store, "SELECT count(*) FROM person") == 1


def test_not_utf8_is_fatal(store, tmp_path):
    package = write_package(tmp_path / "pkg", {"orgs.csv": ORGS, "users.csv": USERS_HEADER})
    (package / "users.csv").write_bytes((USERS_HEADER + user("u1", given="José")).encode("latin-1"))
    report = preview(store, package)
    assert any("users.csv: is not UTF-8 text" in m for m in messages(report)), messages(report)
    with pytest.raises(roster_import.ImportRefused):
        do_import(store, package, valid_only=True)
    assert count(store, "SELECT count(*) FROM person") == 0


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b"PK\x03\x04 truncated"), "is not a readable zip file"),
    (lambda p: zipfile.ZipFile(p, "w").writestr("users.csv", USERS_HEADER), "is not a OneRoster package: it has no manifest.csv"),
    (lambda p: p.write_text("sourcedId\n"), "is not a readable zip file"),
])
def test_not_a_package_at_all(store, tmp_path, make, message):
    path = tmp_path / "roster.zip"
    make(path)
    report = preview(store, path)
    assert report.fatal and message in str(report.fatal[0])


@needs_samples
def test_a_truncated_zip_of_a_real_export_is_refused(store, tmp_path):
    cut = tmp_path / "cut.zip"
    data = (CATALYST / "Test_full_data_set.zip").read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    report = preview(store, cut)
    assert report.fatal
    with pytest.raises(roster_import.ImportRefused):
        do_import(store, cut)
    assert count(store, "SELECT count(*) FROM person") == 0


def test_a_200_mb_file_is_refused_clearly_without_reading_it_whole(store, tmp_path):
    package = write_package(tmp_path / "pkg", {"orgs.csv": ORGS, "users.csv": USERS_HEADER})
    with (package / "users.csv").open("a", encoding="utf-8") as f:
        f.write("u1,,,true,sch1,student,u1,,")
        chunk = "x" * (1 << 20)
        for _ in range(200):  # one 200 MB field: nobody's name is that long
            f.write(chunk)
        f.write(",Silva,,,,,,,06,\n")
    report = preview(store, package)
    assert any("users.csv row" in m and "cannot be read as CSV" in m for m in messages(report)), messages(report)
    assert count(store, "SELECT count(*) FROM person") == 0


def test_a_cancelled_import_writes_nothing(store, tmp_path):
    package = write_package(tmp_path / "pkg", {"orgs.csv": ORGS, "users.csv": USERS_HEADER + user("u1")})
    with store.unit_of_work() as uow, pytest.raises(roster_import.Cancelled):
        roster_import.import_roster(uow, package, progress=lambda done, total: done >= 3)
    assert count(store, "SELECT count(*) FROM school") == 0


@needs_samples
def test_a_folder_copy_and_its_zip_import_alike(store, tmp_path):
    folder = tmp_path / "lepo"
    shutil.copytree(SAMPLES / "lepo-en", folder)
    zipped = shutil.make_archive(str(tmp_path / "lepo"), "zip", folder)
    assert counts(preview(store, folder)) == counts(preview(store, Path(zipped)))
