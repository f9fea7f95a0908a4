"""The dashboard's exports, on SQLite and PostgreSQL: who may download which (as the pages: another
school's is "not found"), the CSV's figures equal to the pages', small groups suppressed, no student
names, spreadsheet formulas defused, and the school's report one A4 page naming the school."""

from __future__ import annotations

import csv
import io
import re
import zlib

import pytest
from sqlalchemy import select, update

from plclassroom.domain import Competency, Person, School
from plclassroom.server.dashboard import exports
from plclassroom.services.district_dashboard import (
    CompetencyLine,
    Figure,
    GradeLine,
    SchoolLine,
    SchoolPage,
    SyncHealth,
)
from plclassroom.services.mastery import short_code
from plclassroom.services.roster import list_name
from plclassroom.store.dashboard import MasteryRollup, StudentMastery
from tests.server import test_dashboard as dashboard
from tests.server.test_dashboard import row_of, signed_in

# The demo district (two schools of 90) and the small one (10 and 9 students), as test_dashboard.py builds them.
demo_district = dashboard.demo_district
small_district = dashboard.small_district


def exports_of(d) -> dict[str, str]:
    return {"district_csv": "/dashboard/export/district.csv",
            "csv_a": f"/dashboard/school/{d.school_a}/export.csv", "csv_b": f"/dashboard/school/{d.school_b}/export.csv",
            "pdf_a": f"/dashboard/school/{d.school_a}/report.pdf", "pdf_b": f"/dashboard/school/{d.school_b}/report.pdf",
            "no_such_school": "/dashboard/school/no-such-school/report.pdf"}


EXPECTED = {
    "district_admin": {"district_csv": 200, "csv_a": 200, "csv_b": 200, "pdf_a": 200, "pdf_b": 200,
                       "no_such_school": 404},
    "principal_a": {"district_csv": 404, "csv_a": 200, "csv_b": 404, "pdf_a": 200, "pdf_b": 404, "no_such_school": 404},
    # A teacher's figures are over their own students only: no school export, not even of their school.
    "teacher": {"district_csv": 404, "csv_a": 404, "csv_b": 404, "pdf_a": 404, "pdf_b": 404, "no_such_school": 404},
}


def read_csv(answer) -> list[dict[str, str]]:
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.content.startswith(b"\xef\xbb\xbf")  # UTF-8, with the mark a spreadsheet needs
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0] == exports.CSV_HEADER
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


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
    anonymous = dashboard.browser(d.store).get(exports_of(d)["csv_a"], follow_redirects=False)
    assert anonymous.status_code == 303 and "/dashboard/login" in anonymous.headers["location"]


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
    assert not any(name in text for name in student_names(d.store))
    with d.store.unit_of_work() as uow:
        ids = set(uow.session.execute(select(StudentMastery.student_id)).scalars())
    assert not any(student_id in text for student_id in ids)


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
    admin = signed_in(d.store, "Dana Admin")
    numbers = ["students with a level", "at mastery", "share at mastery (%)", "mean level"]
    for school in (ten, nine):
        rows = read_csv(admin.get(f"/dashboard/school/{school}/export.csv"))
        assert rows
        for row in rows:
            # Each competency in a grade has fewer than 10 students with a level here.
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
    rows = list(csv.reader(io.StringIO(exports.to_csv(exports.school_rows(page)).decode("utf-8-sig"))))
    assert rows[1][:4] == ["'=HYPERLINK(\"http://evil.example\")", "Grade 6", "'+1", "'=1+2 adds up"]
    assert rows[2][2:4] == ["'@SUM", "'-3 or more"]
    assert rows[1][4:8] == ["12", "6", "50", "2.50"]  # numbers are numbers, untouched


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
    assert '<a href="/dashboard/export/district.csv" download>Download CSV</a>' in admin.get("/dashboard").text
    school = admin.get(f"/dashboard/school/{d.school_a}").text
    assert f'href="/dashboard/school/{d.school_a}/export.csv"' in school and "One-page report (PDF)" in school
    teacher = signed_in(d.store, "Terry Teacher")
    assert "export" not in teacher.get("/dashboard").text
    assert "report.pdf" not in teacher.get(f"/dashboard/school/{d.school_a}").text
