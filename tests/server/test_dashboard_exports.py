"""The dashboard's exports, on SQLite and PostgreSQL: who may download which (as the pages: another
school's is "not found"), the CSV's and the JSON's figures equal to the pages' (grades and courses),
small groups suppressed (no number, in CSV or JSON), no student names, no audit row, spreadsheet
formulas defused, and the school's report one A4 page naming the school and its courses."""

from __future__ import annotations

import csv
import io
import json
import re
import zlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from plclassroom.domain import Competency, Person, School
from plclassroom.server.dashboard import exports
from plclassroom.services.district_dashboard import (
    CompetencyFigure,
    CompetencyLine,
    CourseLine,
    Figure,
    GradeLine,
    SchoolLine,
    SchoolPage,
    SyncHealth,
)
from plclassroom.services.district_rollups import ALL
from plclassroom.services.mastery import short_code
from plclassroom.services.roster import list_name
from plclassroom.store.dashboard import CourseRollup, MasteryRollup, StudentMastery, ViewAudit
from tests.server import test_dashboard as dashboard
from tests.server.test_dashboard import row_of, signed_in
from tests.server.test_dashboard_courses import MATH, math_course

# The demo district (two schools of 90) and the small one (10 and 9 students), as test_dashboard.py builds them.
demo_district = dashboard.demo_district
small_district = dashboard.small_district


def exports_of(d) -> dict[str, str]:
    return {"district_csv": "/dashboard/export/district.csv", "district_json": "/dashboard/export/district.json",
            "csv_a": f"/dashboard/school/{d.school_a}/export.csv", "csv_b": f"/dashboard/school/{d.school_b}/export.csv",
            "json_a": f"/dashboard/school/{d.school_a}/export.json",
            "json_b": f"/dashboard/school/{d.school_b}/export.json",
            "pdf_a": f"/dashboard/school/{d.school_a}/report.pdf", "pdf_b": f"/dashboard/school/{d.school_b}/report.pdf",
            "no_such_school": "/dashboard/school/no-such-school/report.pdf",
            "no_such_school_json": "/dashboard/school/no-such-school/export.json"}


NONE = {"district_csv": 404, "district_json": 404, "csv_a": 404, "csv_b": 404, "json_a": 404, "json_b": 404,
        "pdf_a": 404, "pdf_b": 404, "no_such_school": 404, "no_such_school_json": 404}
EXPECTED = {
    "district_admin": {**NONE, "district_csv": 200, "district_json": 200, "csv_a": 200, "csv_b": 200,
                       "json_a": 200, "json_b": 200, "pdf_a": 200, "pdf_b": 200},
    "principal_a": {**NONE, "csv_a": 200, "json_a": 200, "pdf_a": 200},
    "principal_b": {**NONE, "csv_b": 200, "json_b": 200, "pdf_b": 200},
    # A teacher's figures are over their own students only: no school export, not even of their school.
    "teacher": NONE,
}
NUMBERS = ["students with a level", "at mastery", "share at mastery (%)", "mean level"]
FIGURE_KEYS = ["students_with_a_level", "levels_at_mastery", "percent_at_mastery", "mean_level"]


def read_csv(answer) -> list[dict[str, str]]:
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.content.startswith(b"\xef\xbb\xbf")  # UTF-8, with the mark a spreadsheet needs
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0] == exports.CSV_HEADER
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def read_json(answer) -> dict:
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert answer.headers["content-disposition"].endswith('.json"')
    return json.loads(answer.content.decode("utf-8"))


def figures_in(document: dict):
    """Every figure of a JSON document (the schools', grades', courses' and competencies')."""
    for school in document["schools"]:
        yield school["mastery"]
        for group in school["grades"] + school["courses"]:
            yield group["mastery"]
            for competency in group["competencies"]:
                yield competency["mastery"]


def as_csv_rows(document: dict) -> list[dict[str, str]]:
    """The JSON document's competency figures as the CSV's rows would read them."""
    def cells(figure: dict) -> dict[str, str]:
        numbers = [figure[k] for k in FIGURE_KEYS[:3]] + [
            None if figure["mean_level"] is None else f"{figure['mean_level']:.2f}"]
        return {**{column: "" if value is None else str(value) for column, value in zip(NUMBERS, numbers, strict=True)},
                "suppressed": "fewer than 10" if figure["suppressed"] else ""}

    def text(value: str) -> str:
        return str(exports._cell(value))  # as the CSV defuses a formula

    rows = []
    for school in document["schools"]:
        for grade in school["grades"]:
            rows += [{"school": text(school["name"]), "grade": grade["label"], "course": "", "course code": "",
                      "competency code": text(c["code"]), "statement": text(c["statement"]), **cells(c["mastery"])}
                     for c in grade["competencies"]]
        for course in school["courses"]:
            rows += [{"school": text(school["name"]), "grade": "", "course": text(course["title"]),
                      "course code": text(course["code"]), "competency code": text(c["code"]),
                      "statement": text(c["statement"]), **cells(c["mastery"])} for c in course["competencies"]]
    return rows


def pdf_texts(body: bytes) -> list[str]:
    """The page's text, decoded once with each font's ToUnicode map (fpdf2 writes glyph ids, compressed)."""
    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            streams.append(match.group(1))
    maps = []
    for stream in streams:
        if b"begincmap" in stream:
            pairs = re.findall(rb"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4,})>", stream.split(b"endcodespacerange")[-1])
            maps.append({int(a, 16): bytes.fromhex(b.decode()).decode("utf-16-be") for a, b in pairs})
    content = b"".join(s for s in streams if b" Tj" in s)
    unescape = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
    strings = []
    for raw in re.findall(rb"\(((?:\\.|[^\\)])*)\) Tj", content, re.S):
        strings.append(re.sub(rb"\\([0-7]{1,3}|.)", lambda m: bytes([int(m[1], 8)]) if m[1][:1].isdigit()
                              else unescape.get(m[1], m[1]), raw, flags=re.S))
    if not maps:  # the core font: Latin-1 strings
        return [" ".join(s.decode("latin-1") for s in strings)]
    return [" ".join("".join(cmap.get(int.from_bytes(s[i:i + 2], "big"), "\ufffd") for i in range(0, len(s) - 1, 2))
                     for s in strings) for cmap in maps]


def pages_in(body: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", body))


def student_names(store) -> set[str]:
    with store.unit_of_work() as uow:
        return {list_name(p) for p in uow.session.execute(select(Person).where(Person.role == "student")).scalars()}

def assert_no_student_in(store, text: str) -> None:
    """No student's name, and no student's id, anywhere in an export."""
    assert not any(name in text for name in student_names(store))
    with store.unit_of_work() as uow:
        ids = set(uow.session.execute(select(StudentMastery.student_id)).scalars())
    assert not any(student_id in text for student_id in ids)



@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_every_export_answers_each_role_as_the_pages_do(demo_district, role):
    d = demo_district
    client = signed_in(d.store, d.users[role])
    for name, path in exports_of(d).items():
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == EXPECTED[role][name], (name, answer.status_code)
        if answer.status_code == 404:
            assert "not one you can see" in answer.text
            assert d.names[d.school_b] not in answer.text and "content-disposition" not in answer.headers
        else:
            assert answer.headers["content-disposition"].startswith("attachment; filename=")
            assert answer.headers["cache-control"] == "no-store"
    anonymous = dashboard.browser(d.store)
    for name, path in exports_of(d).items():
        answer = anonymous.get(path, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/dashboard/login?next="), name


def test_the_csv_has_the_pages_figures_and_no_student(demo_district):
    d = demo_district
    admin = signed_in(d.store, "Dana Admin")
    everything = read_csv(admin.get("/dashboard/export/district.csv"))
    assert {r["school"] for r in everything} == {d.names[d.school_a], d.names[d.school_b]}
    school = read_csv(admin.get(f"/dashboard/school/{d.school_a}/export.csv"))
    assert school == [r for r in everything if r["school"] == d.names[d.school_a]]
    # A cell of the grade's page: its n, share and mean level, as the CSV has them.
    with d.store.unit_of_work() as uow:
        code = short_code(uow.session.get(Competency, d.competency).code)
    row = next(r for r in school if r["grade"] == "Grade 6" and r["competency code"] == code)
    page_row = row_of(admin.get(f"/dashboard/school/{d.school_a}/grade/06").text, f"/competency/{d.competency}\"")
    assert not row["suppressed"]
    assert f"{row['share at mastery (%)']}%" in page_row and row["mean level"] in page_row
    assert re.search(rf"\b{row['students with a level']}\b", page_row)
    with d.store.unit_of_work() as uow:
        rollup = uow.session.execute(select(MasteryRollup).where(
            MasteryRollup.school_id == d.school_a, MasteryRollup.grade == "06",
            MasteryRollup.competency_id == d.competency)).scalar_one()
    figure = Figure(rollup.students, rollup.levels, rollup.mastered, rollup.score_milli)
    assert (int(row["students with a level"]), int(row["at mastery"]), int(row["share at mastery (%)"]),
            row["mean level"]) == (figure.students, figure.mastered, figure.percent, f"{figure.mean:.2f}")
    text = admin.get("/dashboard/export/district.csv").content.decode("utf-8-sig")
    assert_no_student_in(d.store, text)


def test_a_principals_csv_is_their_school_only(demo_district):
    d = demo_district
    rows = read_csv(signed_in(d.store, "Pat Principal").get(f"/dashboard/school/{d.school_a}/export.csv"))
    assert rows and {r["school"] for r in rows} == {d.names[d.school_a]}


def test_a_group_of_9_has_no_numbers_in_the_csv_and_one_of_10_has(small_district):
    d = small_district
    with d.store.unit_of_work() as uow:
        counts = dict(uow.session.execute(select(MasteryRollup.school_id, MasteryRollup.students).where(
            MasteryRollup.competency_id == "")).all())
    ten, nine = (d.school_a, d.school_b) if counts[d.school_a] == 10 else (d.school_b, d.school_a)
    # In the school of 10, 9 on each competency (whatever the demo drew); the school of 9 has no more.
    set_students(d, MasteryRollup, ten, 9)
    set_students(d, CourseRollup, ten, 9)
    admin = signed_in(d.store, "Dana Admin")
    numbers = ["students with a level", "at mastery", "share at mastery (%)", "mean level"]
    for school in (ten, nine):
        rows = read_csv(admin.get(f"/dashboard/school/{school}/export.csv"))
        assert rows
        for row in rows:
            # Each competency, in a grade or a course, has fewer than 10 students with a level here.
            assert row["suppressed"] == "fewer than 10" and all(row[c] == "" for c in numbers)
    # The same school's page and CSV suppress the same cells; with 10 students a cell is shown.
    with d.store.unit_of_work() as uow:
        uow.session.execute(update(MasteryRollup).where(MasteryRollup.school_id == ten, MasteryRollup.grade == "06",
                                                        MasteryRollup.competency_id != "").values(students=10))
        uow.commit()
    rows = read_csv(admin.get(f"/dashboard/school/{ten}/export.csv"))
    shown = [r for r in rows if r["grade"] == "Grade 6"]
    assert shown and all(r["suppressed"] == "" and r["students with a level"] == "10" for r in shown)
    assert "n&nbsp;=&nbsp;10" in admin.get(f"/dashboard/school/{ten}").text  # the page shows them too
    report = pdf_texts(admin.get(f"/dashboard/school/{nine}/report.pdf").content)
    assert any("fewer than 10" in text for text in report)


def test_a_cell_that_a_spreadsheet_would_run_is_defused():
    figure = Figure(12, 12, 6, 30000)
    page = SchoolPage("s1", "=HYPERLINK(\"http://evil.example\")", [], [], None, False, None)
    page.grades = [GradeLine("06", "Grade 6", figure, None)]
    page.competencies = [CompetencyLine("c1", "+1", "=1+2 adds up", {"06": figure}, figure),
                         CompetencyLine("c2", "@SUM", "-3 or more", {"06": figure}, figure)]
    course = exports.CourseRollups(CourseLine("k1", "=cmd|' /C calc'!A0", "-K1", figure),
                                   [CompetencyFigure("c1", "+1", "=1+2 adds up", figure)])
    rows = list(csv.reader(io.StringIO(exports.to_csv(exports.school_rows(page, [course])).decode("utf-8-sig"))))
    assert rows[1][:6] == ["'=HYPERLINK(\"http://evil.example\")", "Grade 6", "", "", "'+1", "'=1+2 adds up"]
    assert rows[2][4:6] == ["'@SUM", "'-3 or more"]
    assert rows[1][6:10] == ["12", "6", "50", "2.50"]  # numbers are numbers, untouched
    assert rows[3][1:6] == ["", "'=cmd|' /C calc'!A0", "'-K1", "'+1", "'=1+2 adds up"]
    assert rows[3][6:10] == ["12", "6", "50", "2.50"]


def test_the_school_report_is_one_a4_page_naming_the_school_and_no_student(demo_district):
    d = demo_district
    answer = signed_in(d.store, "Pat Principal").get(f"/dashboard/school/{d.school_a}/report.pdf")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
    body = answer.content
    assert body.startswith(b"%PDF") and pages_in(body) == 1
    assert b"/MediaBox [0 0 595.28 841.89]" in body  # A4
    texts = pdf_texts(body)
    assert any(d.names[d.school_a] in text for text in texts)
    assert any("Grade 6" in text for text in texts) and any("lowest share at mastery" in text for text in texts)
    names = student_names(d.store)
    assert not any(name in text for text in texts for name in names)


def test_a_long_name_and_many_grades_still_fit_one_page_and_accents_print(demo_district, monkeypatch):
    d = demo_district
    admin = signed_in(d.store, "Dana Admin")
    long_name = "École Zoë Żółć Nguyễn " + "of the Very Long Name " * 12
    with d.store.unit_of_work() as uow:
        school = uow.session.get(School, d.school_b)
        old = school.name
        school.name = long_name
        uow.commit()
    try:
        body = admin.get(f"/dashboard/school/{d.school_b}/report.pdf").content
        assert pages_in(body) == 1 and any("École Zoë Żółć Nguyễn" in t for t in pdf_texts(body))
        # Without the DejaVu files: Helvetica, still one page, Latin-1 accents kept, the rest as "?".
        monkeypatch.setattr(exports, "FONT_DIR", exports.Path("/nonexistent"))
        body = admin.get(f"/dashboard/school/{d.school_b}/report.pdf").content
        assert pages_in(body) == 1 and any("École Zoë ?ó?? Nguy?n" in t for t in pdf_texts(body))
    finally:
        with d.store.unit_of_work() as uow:
            uow.session.get(School, d.school_b).name = old
            uow.commit()
    page = SchoolPage("s1", "Many Grades", [GradeLine(str(g), f"Grade {g}", Figure(20, 40, 20, 100000), None)
                                            for g in range(40)], [], None, False, None)
    body = exports.render_school_pdf(page, SchoolLine("s1", "Many Grades", 800, Figure(800), None, SyncHealth()), "")
    assert pages_in(body) == 1 and any("more grades (see the CSV)" in t for t in pdf_texts(body))


def test_the_pages_link_to_the_exports(demo_district):
    d = demo_district
    admin = signed_in(d.store, "Dana Admin")
    overview = admin.get("/dashboard").text
    assert '<a href="/dashboard/export/district.csv" download>Download CSV</a>' in overview
    assert '<a href="/dashboard/export/district.json" download>JSON</a>' in overview
    school = admin.get(f"/dashboard/school/{d.school_a}").text
    assert f'href="/dashboard/school/{d.school_a}/export.csv"' in school and "One-page report (PDF)" in school
    assert f'<a href="/dashboard/school/{d.school_a}/export.json" download>JSON</a>' in school
    principal = signed_in(d.store, "Pat Principal").get(f"/dashboard/school/{d.school_a}").text
    assert f'href="/dashboard/school/{d.school_a}/export.json"' in principal
    teacher = signed_in(d.store, "Terry Teacher")
    assert "export" not in teacher.get("/dashboard").text
    mine = teacher.get(f"/dashboard/school/{d.school_a}").text
    assert "report.pdf" not in mine and "export.json" not in mine and "export.csv" not in mine


# -- courses, and the JSON ---------------------------------------------------------------------------


def test_the_csv_and_the_json_hold_each_course_as_its_page_shows_it(demo_district):
    d = demo_district
    admin = signed_in(d.store, "Dana Admin")
    course = math_course(d, d.school_a)
    rows = [r for r in read_csv(admin.get(f"/dashboard/school/{d.school_a}/export.csv")) if r["course"] == MATH]
    with d.store.unit_of_work() as uow:
        rollups = {r.competency_id: r for r in uow.session.execute(select(CourseRollup).where(
            CourseRollup.school_id == d.school_a, CourseRollup.course_id == course)).scalars()}
        code = short_code(uow.session.get(Competency, d.competency).code)
    assert len(rows) == len(rollups) - 1  # a row per competency (the course's total is the JSON's)
    assert all(r["grade"] == "" and r["course code"] == "MATH6" for r in rows)
    row = next(r for r in rows if r["competency code"] == code)
    rollup = rollups[d.competency]
    figure = Figure(rollup.students, rollup.levels, rollup.mastered, rollup.score_milli)
    assert (row["students with a level"], row["at mastery"], row["share at mastery (%)"], row["mean level"]) == (
        str(figure.students), str(figure.mastered), str(figure.percent), f"{figure.mean:.2f}")
    page_row = row_of(admin.get(f"/dashboard/school/{d.school_a}/course/{course}").text,
                      f"/competency/{d.competency}\"")
    assert f"{row['share at mastery (%)']}%" in page_row and row["mean level"] in page_row

    document = read_json(admin.get(f"/dashboard/school/{d.school_a}/export.json"))
    [school] = document["schools"]
    assert (school["id"], school["name"]) == (d.school_a, d.names[d.school_a])
    [math] = [c for c in school["courses"] if c["title"] == MATH]
    total = rollups[ALL]
    assert (math["id"], math["code"]) == (course, "MATH6")
    assert math["mastery"] == {"students_with_a_level": total.students, "levels_at_mastery": total.mastered,
                               "percent_at_mastery": round(100 * total.mastered / total.levels),
                               "mean_level": round(total.score_milli / 1000 / total.levels, 2),
                               "suppressed": False, "suppressed_reason": None}
    assert f"{math['mastery']['percent_at_mastery']}%" in row_of(admin.get(f"/dashboard/school/{d.school_a}").text,
                                                                 MATH)
    assert {c["id"] for c in math["competencies"]} == set(rollups) - {ALL}
    # The grade's total and the school's, as the school page and the overview show them.
    grade = next(g for g in school["grades"] if g["grade"] == "06")
    assert grade["label"] == "Grade 6"
    assert f"{grade['mastery']['percent_at_mastery']}%" in row_of(
        admin.get(f"/dashboard/school/{d.school_a}").text, "Grade 6")
    assert f"{school['mastery']['percent_at_mastery']}%" in row_of(admin.get("/dashboard").text, d.names[d.school_a])


def test_the_json_is_the_csv_in_other_words_with_its_rule_and_no_student(demo_district):
    d = demo_district
    admin = signed_in(d.store, "Dana Admin")
    answer = admin.get("/dashboard/export/district.json")
    document = read_json(answer)
    assert (document["format"], document["version"], document["scope"]) == ("plclassroom.mastery-rollups", 1,
                                                                             "district")
    made = datetime.strptime(document["generated_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert abs(datetime.now(UTC) - made) < timedelta(minutes=5)
    assert document["suppression"]["minimum_group_size"] == 10 and "fewer than 10" in document["suppression"]["rule"]
    assert set(document["fields"]) == set(FIGURE_KEYS) | {"suppressed", "suppressed_reason"}
    assert [s["name"] for s in document["schools"]] == sorted(d.names.values())
    assert as_csv_rows(document) == read_csv(admin.get("/dashboard/export/district.csv"))
    school = read_json(admin.get(f"/dashboard/school/{d.school_b}/export.json"))
    assert school["scope"] == "school" and school["schools"] == [
        s for s in document["schools"] if s["id"] == d.school_b]
    text = answer.content.decode("utf-8")
    assert_no_student_in(d.store, text)


def test_a_principals_json_is_their_school_only(demo_district):
    d = demo_district
    document = read_json(signed_in(d.store, "Pat Principal").get(f"/dashboard/school/{d.school_a}/export.json"))
    assert [s["id"] for s in document["schools"]] == [d.school_a]
    assert d.school_b not in json.dumps(document) and d.names[d.school_b] not in json.dumps(document)


def test_no_export_is_audited_as_a_view_of_a_student(demo_district):
    d = demo_district

    def audited() -> int:
        with d.store.unit_of_work() as uow:
            return uow.session.execute(select(func.count()).select_from(ViewAudit)).scalar_one()

    before = audited()
    admin, principal = signed_in(d.store, "Dana Admin"), signed_in(d.store, "Pat Principal")
    for client in (admin, principal):
        for path in exports_of(d).values():
            client.get(path)
    assert audited() == before


def set_students(d, table, school_id: str, students: int) -> None:
    """Each competency's roll-up row in a school (not its totals) made a group of ``students``."""
    with d.store.unit_of_work() as uow:
        uow.session.execute(update(table).where(table.school_id == school_id, table.competency_id != ALL)
                            .values(students=students))
        uow.commit()


def test_a_group_of_9_has_no_number_in_the_json_nor_in_a_courses_csv_rows(small_district):
    d = small_district
    with d.store.unit_of_work() as uow:
        counts = dict(uow.session.execute(select(CourseRollup.school_id, CourseRollup.students).where(
            CourseRollup.competency_id == ALL)).all())
    assert sorted(counts.values()) == [9, 10]
    ten, nine = (d.school_a, d.school_b) if counts[d.school_a] == 10 else (d.school_b, d.school_a)
    # The school of 10's course: 10 students with a level, 9 on each competency (whatever the demo drew).
    set_students(d, CourseRollup, ten, 9)
    admin = signed_in(d.store, "Dana Admin")
    document = read_json(admin.get("/dashboard/export/district.json"))
    for figure in figures_in(document):
        if figure["suppressed"]:
            assert all(figure[k] is None for k in FIGURE_KEYS) and figure["suppressed_reason"] == "fewer than 10 students"
        else:
            assert figure["students_with_a_level"] == 0 or figure["students_with_a_level"] >= 10
    schools = {s["id"]: s for s in document["schools"]}
    # The school of 9: every figure withheld; the school of 10: its totals shown, each competency (under 10) not.
    assert all(f["suppressed"] for f in figures_in({"schools": [schools[nine]]}))
    big = schools[ten]
    assert big["mastery"]["students_with_a_level"] == 10 and not big["mastery"]["suppressed"]
    [course] = [c for c in big["courses"] if c["title"] == MATH]
    assert course["mastery"]["students_with_a_level"] == 10
    assert course["competencies"] and all(c["mastery"]["suppressed"] for c in course["competencies"])
    for school in (ten, nine):
        rows = [r for r in read_csv(admin.get(f"/dashboard/school/{school}/export.csv")) if r["course"]]
        assert rows and all(r["suppressed"] == "fewer than 10" and all(r[c] == "" for c in NUMBERS) for r in rows)
        answer = admin.get(f"/dashboard/school/{school}/export.json")
        assert read_json(answer)["schools"] == [schools[school]]
    assert "fewer than 10" in row_of(admin.get(f"/dashboard/school/{nine}").text, MATH)  # as the page says
    # With 10 students a course's competency has its numbers, on its page, in the CSV and in the JSON.
    set_students(d, CourseRollup, ten, 10)
    rows = [r for r in read_csv(admin.get(f"/dashboard/school/{ten}/export.csv")) if r["course"]]
    assert rows and all(r["suppressed"] == "" and r["students with a level"] == "10" for r in rows)
    [course] = [c for c in read_json(admin.get(f"/dashboard/school/{ten}/export.json"))["schools"][0]["courses"]
                if c["title"] == MATH]
    assert all(c["mastery"]["students_with_a_level"] == 10 and c["mastery"]["percent_at_mastery"] is not None
               for c in course["competencies"])
    page = admin.get(f"/dashboard/school/{ten}/course/{math_course(d, ten)}").text
    table = page.split(f"Competencies in {MATH}", 1)[1].split("</table>", 1)[0]
    assert 'class="pct"' in table and "fewer than 10" not in table


def test_the_school_report_lists_its_courses(demo_district):
    d = demo_district
    body = signed_in(d.store, "Dana Admin").get(f"/dashboard/school/{d.school_a}/report.pdf").content
    texts = pdf_texts(body)
    assert pages_in(body) == 1
    assert any("Courses" in t for t in texts) and any(f"{MATH} (MATH6)" in t for t in texts)


def test_many_courses_and_competencies_still_fit_one_page():
    shown, small = Figure(30, 60, 30, 150000), Figure(9, 18, 9, 45000)
    page = SchoolPage(
        "s1", "A School with a Long Name " * 6,
        [GradeLine(f"{g:02}", f"Grade {g}", shown, None) for g in range(13)],
        [CompetencyLine(f"c{i}", f"X.{i}", "A long competency statement " * 8, {"01": shown},
                        Figure(30, 60, i, 150000)) for i in range(80)],
        None, False, None,
        [CourseLine(f"k{i}", f"Course {i} " + "with a long title " * 6, f"K{i}", small if i % 2 else shown)
         for i in range(50)])
    line = SchoolLine("s1", page.name, 600, shown, None, SyncHealth())
    doc = exports.draw_school_pdf(page, line, "A District")
    assert doc.bottom <= exports.footer_top(doc)  # no table runs into the footer
    body = exports.render_school_pdf(page, line, "A District")
    texts = pdf_texts(body)
    assert pages_in(body) == 1
    assert any("Course 0 " in t for t in texts) and any("more courses (see the CSV)" in t for t in texts)
    assert any("more grades (see the CSV)" in t for t in texts) and any("X.0" in t for t in texts)
    # A few of each: the rows were shared among the three tables, none crowded out.
    assert all(any(f"{label} {i}" in t for t in texts) for label in ("Grade", "Course") for i in range(3))
    assert all(any(f"X.{i}" in t for t in texts) for i in range(3))
    # Few of each: everything is listed, nothing is cut.
    page.grades, page.courses, page.competencies = page.grades[:2], page.courses[:3], page.competencies[:4]
    doc = exports.draw_school_pdf(page, line, "A District")
    texts = pdf_texts(bytes(doc.pdf.output()))
    assert doc.bottom <= exports.footer_top(doc) and not any("more" in t for t in texts)


def test_share_rows_gives_what_one_table_does_not_need_to_the_others():
    assert exports.share_rows([40, 2, 5], 30) == [23, 2, 5]
    assert exports.share_rows([40, 40, 10], 30) == [10, 10, 10]
    assert exports.share_rows([1, 1, 1], 30) == [1, 1, 1]
    assert exports.share_rows([5, 5, 5], 0) == [0, 0, 0]
