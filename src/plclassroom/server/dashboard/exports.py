"""The dashboard's exports, for the state and the board: the mastery roll-ups as CSV and as JSON
(the district's, a school's) and a one-page PDF per school.

They carry the pages' figures and nothing more: the same roll-ups (``district_dashboard.school_page``
for a school's grades, ``course_page`` for each of its courses), the same small-group suppression
(a figure over fewer than 10 students has no numbers: in the CSV only ``suppressed`` = "fewer than
10", in the JSON nulls and a ``suppressed_reason``), no student's name or id. Having no
student-level data, an export is not a view of a student's record, so it writes no audit row
(``view_audit`` logs those).

The JSON document (``FORMAT``, version ``VERSION``; keys are stable, new ones may be added)::

    {"format": "plclassroom.mastery-rollups", "version": 1, "generated_at": "2026-05-01T12:00:00Z",
     "district": "...", "scope": "district" | "school",
     "suppression": {"minimum_group_size": 10, "applies_to": "students_with_a_level", "rule": "..."},
     "fields": {...what each figure's key means...},
     "schools": [{"id", "name", "mastery": FIGURE,
                  "grades": [{"grade": "06", "label": "Grade 6", "mastery": FIGURE,
                              "competencies": [{"id", "code", "statement", "mastery": FIGURE}]}],
                  "courses": [{"id", "title", "code", "mastery": FIGURE,
                               "competencies": [{"id", "code", "statement", "mastery": FIGURE}]}]}]}

    FIGURE: {"students_with_a_level": 12, "levels_at_mastery": 20, "percent_at_mastery": 56,
             "mean_level": 2.61, "suppressed": false, "suppressed_reason": null}
    suppressed: {"students_with_a_level": null, "levels_at_mastery": null, "percent_at_mastery": null,
                 "mean_level": null, "suppressed": true, "suppressed_reason": "fewer than 10 students"}

The PDF is drawn with fpdf2 (pure Python: the server may not use Qt or matplotlib) in DejaVu Sans,
so accented names print; without the font files it falls back to the core Helvetica font, which
knows Latin-1 only: other characters then print as "?" (nothing is transliterated).
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

from plclassroom.services import district, district_dashboard
from plclassroom.services.district_dashboard import (
    SMALL_GROUP,
    CompetencyFigure,
    Count,
    CourseLine,
    Figure,
    SchoolLine,
    SchoolPage,
    Viewer,
)
from plclassroom.store.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

SUPPRESSED = f"fewer than {SMALL_GROUP}"
# A row is a grade's competency (course and course code empty) or a course's competency (grade empty).
CSV_HEADER = ["school", "grade", "course", "course code", "competency code", "statement", "students with a level",
              "at mastery", "share at mastery (%)", "mean level", "suppressed"]
FORMAT, VERSION = "plclassroom.mastery-rollups", 1
# A spreadsheet runs a cell starting with one of these as a formula: such a cell gets a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # fonts-dejavu-core (scripts/setup.sh)
PLAIN_PUNCTUATION = str.maketrans({"–": "-", "“": '"', "”": '"', "’": "'", "…": "..."})
LOWEST = 10  # competencies listed on the PDF, lowest share at mastery first


@dataclass
class CourseRollups:
    """A course of a school: its line on the school's page, and its competencies as its page shows them."""

    line: CourseLine
    competencies: list[CompetencyFigure] = field(default_factory=list)


@dataclass
class SchoolRollups:
    """What the exports hold of a school: its page, its line on the overview, its courses."""

    page: SchoolPage
    line: SchoolLine
    courses: list[CourseRollups] = field(default_factory=list)


def _courses(uow: UnitOfWork, viewer: Viewer, page: SchoolPage) -> list[CourseRollups]:
    """The school page's courses, each with its course page's competencies (none when the course
    page is not found, as for a course deleted since the roll-up counted it)."""
    found = []
    for line in page.courses:
        course = district_dashboard.course_page(uow, viewer, page.id, line.id)
        found.append(CourseRollups(line, course.competencies if course is not None else []))
    return found


def today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")


def file_name(stem: str, extension: str) -> str:
    """A plain ASCII file name for Content-Disposition: "Cedar Hollow Middle" -> cedar-hollow-middle-2026-05-01.csv."""
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:60] or "export"
    return f"{slug}-{today()}.{extension}"


# -- CSV -------------------------------------------------------------------------------------------


def _cell(value) -> str | int:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _figure_cells(figure: Figure) -> list:
    """students with a level, at mastery, share (%), mean level, suppressed: as the pages show them."""
    if not figure.students:
        return [0, "", "", "", ""]
    if not figure.shown:
        return ["", "", "", "", SUPPRESSED]
    return [figure.students, figure.mastered, "" if figure.percent is None else figure.percent,
            "" if figure.mean is None else f"{figure.mean:.2f}", ""]


def school_rows(page: SchoolPage, courses: Sequence[CourseRollups] = ()) -> list[list]:
    """The school page's grade × competency cells, a row each (grades in the page's order), then each
    course's competencies (courses in the page's order, competencies in the course page's)."""
    rows = []
    for grade in page.grades:
        for line in page.competencies:
            figure = line.by_grade.get(grade.grade)
            if figure is not None:
                rows.append([page.name, grade.label, "", "", line.code, line.statement, *_figure_cells(figure)])
    for course in courses:
        for competency in course.competencies:
            rows.append([page.name, "", course.line.title, course.line.code, competency.code, competency.statement,
                         *_figure_cells(competency.mastery)])
    return rows


def to_csv(rows: list[list]) -> bytes:
    """UTF-8 with a byte-order mark (so a spreadsheet reads accents right), a header row, CRLF lines."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def _district(uow: UnitOfWork, viewer: Viewer) -> list[SchoolRollups] | None:
    """Every school's roll-ups (for a district admin); None for anyone else."""
    if not viewer.district_admin:
        return None
    found = []
    for line in district_dashboard.overview(uow, viewer).schools:
        page = district_dashboard.school_page(uow, viewer, line.id)
        if page is not None:
            found.append(SchoolRollups(page, line, _courses(uow, viewer, page)))
    return found


def _school(uow: UnitOfWork, viewer: Viewer, school_id: str, courses: bool = True) -> SchoolRollups | None:
    """A school's roll-ups, for its principal or a district admin; None for anyone else (a
    teacher's figures are over their own students, not the school's)."""
    if viewer.staff:
        return None
    page = district_dashboard.school_page(uow, viewer, school_id)
    if page is None:
        return None
    line = next((s for s in district_dashboard.overview(uow, viewer).schools if s.id == school_id), None)
    if line is None:
        return None
    return SchoolRollups(page, line, _courses(uow, viewer, page) if courses else [])


def district_csv(uow: UnitOfWork, viewer: Viewer) -> bytes | None:
    """Every school's rows (a district admin's); None for anyone else."""
    schools = _district(uow, viewer)
    if schools is None:
        return None
    return to_csv([row for school in schools for row in school_rows(school.page, school.courses)])


def school_csv(uow: UnitOfWork, viewer: Viewer, school_id: str) -> tuple[str, bytes] | None:
    """(the school's name, its CSV), or None when the viewer may not have it."""
    found = _school(uow, viewer, school_id)
    if found is None:
        return None
    return found.page.name, to_csv(school_rows(found.page, found.courses))


# -- JSON ------------------------------------------------------------------------------------------

SUPPRESSED_REASON = f"fewer than {SMALL_GROUP} students"
FIELDS = {
    "students_with_a_level": "students with at least one competency level in the group",
    "levels_at_mastery": "competency levels at or above their class's mastery level",
    "percent_at_mastery": "the share of the group's competency levels at mastery, in whole per cent",
    "mean_level": "the mean of the group's competency levels (scores), to 2 decimals",
    "suppressed": f"true when the group has fewer than {SMALL_GROUP} students with a level: "
                  "every number is then null",
    "suppressed_reason": "why the numbers are null, or null when they are not",
}


def figure_json(figure: Figure) -> dict:
    """A figure's numbers, or nulls and the reason when it is over fewer than ``SMALL_GROUP`` students
    (a group with no levels at all has 0 students and null figures, and is not suppressed)."""
    if figure.students and not figure.shown:
        return {"students_with_a_level": None, "levels_at_mastery": None, "percent_at_mastery": None,
                "mean_level": None, "suppressed": True, "suppressed_reason": SUPPRESSED_REASON}
    if not figure.students:
        return {"students_with_a_level": 0, "levels_at_mastery": None, "percent_at_mastery": None,
                "mean_level": None, "suppressed": False, "suppressed_reason": None}
    return {"students_with_a_level": figure.students, "levels_at_mastery": figure.mastered,
            "percent_at_mastery": figure.percent,
            "mean_level": None if figure.mean is None else round(figure.mean, 2),
            "suppressed": False, "suppressed_reason": None}


def _competency_json(competency_id: str, code: str, statement: str, figure: Figure) -> dict:
    return {"id": competency_id, "code": code, "statement": statement, "mastery": figure_json(figure)}


def school_document(school: SchoolRollups) -> dict:
    """A school's roll-ups as the JSON document's ``schools`` holds them."""
    page = school.page
    grades = [{"grade": grade.grade, "label": grade.label, "mastery": figure_json(grade.mastery),
               "competencies": [_competency_json(c.id, c.code, c.statement, c.by_grade[grade.grade])
                                for c in page.competencies if grade.grade in c.by_grade]}
              for grade in page.grades]
    courses = [{"id": course.line.id, "title": course.line.title, "code": course.line.code,
                "mastery": figure_json(course.line.mastery),
                "competencies": [_competency_json(c.id, c.code, c.statement, c.mastery) for c in course.competencies]}
               for course in school.courses]
    return {"id": page.id, "name": page.name, "mastery": figure_json(school.line.mastery), "grades": grades,
            "courses": courses}


def to_json(schools: list[SchoolRollups], scope: str, district_name: str) -> bytes:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "district": district_name,
        "scope": scope,
        "suppression": {
            "minimum_group_size": SMALL_GROUP,
            "applies_to": "students_with_a_level",
            "rule": f"A figure over fewer than {SMALL_GROUP} students with a level has no numbers: they are "
                    "null, with suppressed true and suppressed_reason saying why, so no student can be "
                    "singled out.",
        },
        "fields": FIELDS,
        "schools": [school_document(school) for school in schools],
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def district_json(uow: UnitOfWork, viewer: Viewer) -> bytes | None:
    """Every school's roll-ups (a district admin's); None for anyone else."""
    schools = _district(uow, viewer)
    if schools is None:
        return None
    return to_json(schools, "district", district.district_name(uow))


def school_json(uow: UnitOfWork, viewer: Viewer, school_id: str) -> tuple[str, bytes] | None:
    """(the school's name, its JSON document), or None when the viewer may not have it."""
    found = _school(uow, viewer, school_id)
    if found is None:
        return None
    return found.page.name, to_json([found], "school", district.district_name(uow))


# -- the one-page PDF ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Fonts:
    family: str
    unicode: bool

    def text(self, value: str) -> str:
        """What the font can print: all of it in DejaVu; in Helvetica, Latin-1 (the report's own dashes
        and quotes made plain), anything else as "?"."""
        if self.unicode:
            return value
        value = value.translate(PLAIN_PUNCTUATION)
        return value.encode("latin-1", "replace").decode("latin-1")

    @property
    def ellipsis(self) -> str:
        return "…" if self.unicode else "..."


def _fonts(pdf: FPDF) -> _Fonts:
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.is_file() and bold.is_file():
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
        return _Fonts("DejaVu", True)
    log.warning("dashboard: %s not found (fonts-dejavu-core): the PDF uses Helvetica, Latin-1 only", regular)
    return _Fonts("Helvetica", False)


def _count(n: int) -> str:
    return str(n) if n >= SMALL_GROUP else (SUPPRESSED if n else "none")


def _percent(figure: Figure) -> str:
    if not figure.shown:
        return SUPPRESSED if figure.students else "no levels yet"
    return "–" if figure.percent is None else f"{figure.percent}%"


def _mean(figure: Figure) -> str:
    if not figure.shown:
        return SUPPRESSED if figure.students else "–"
    return "–" if figure.mean is None else f"{figure.mean:.2f}"


def _flagged(count: Count | None) -> str:
    if count is None:
        return "not counted yet"
    if not count.shown:
        return SUPPRESSED if count.of_students else "–"
    return f"{count.students} of {count.of_students}"


def lowest_competencies(page: SchoolPage, limit: int = LOWEST):
    """The competencies with the lowest share at mastery (over all grades), lowest first. Those over
    fewer than 10 students have no share to rank by: they follow in the page's order, to fill the list."""
    shown = [c for c in page.competencies if c.overall.shown and c.overall.levels]
    shown.sort(key=lambda c: (c.overall.mastered / c.overall.levels, c.code, c.statement))
    hidden = [c for c in page.competencies if not c.overall.shown]
    return (shown + hidden)[:limit]


class _Page:
    """An A4 page with fixed margins, drawn top to bottom; never a second page."""

    MARGIN = 15.0
    SIZE = 8.5  # a table's text, in points
    ROW = SIZE * 0.5 + 1.2  # a table's one-line row, in mm

    def __init__(self, title: str):
        self.pdf = FPDF(orientation="portrait", unit="mm", format="A4")
        self.pdf.set_auto_page_break(False)  # the layout below keeps everything above the footer
        self.pdf.set_margins(self.MARGIN, self.MARGIN, self.MARGIN)
        self.pdf.set_title(title)
        self.pdf.set_creator("plclassroom")
        self.pdf.c_margin = 0  # cells are padded by hand: a width measured is the width drawn
        self.fonts = _fonts(self.pdf)
        self.pdf.add_page()
        self.width = self.pdf.w - 2 * self.MARGIN
        self.bottom = 0.0  # the lowest point a table reached, in mm from the top

    def font(self, size: float, bold: bool = False) -> None:
        self.pdf.set_font(self.fonts.family, "B" if bold else "", size)

    def fit(self, text: str, width: float) -> str:
        """``text`` cut to one line of ``width`` mm (with an ellipsis) in the current font."""
        text = self.fonts.text(text)
        if self.pdf.get_string_width(text) <= width:
            return text
        while text and self.pdf.get_string_width(text + self.fonts.ellipsis) > width:
            text = text[:-1]
        return text.rstrip() + self.fonts.ellipsis

    def lines(self, text: str, width: float, most: int) -> list[str]:
        """``text`` wrapped to ``width`` mm, at most ``most`` lines (the last cut with an ellipsis)."""
        wrapped = self.pdf.multi_cell(width, 5, self.fonts.text(text), dry_run=True, output="LINES")
        if len(wrapped) > most:
            wrapped = wrapped[:most - 1] + [self.fit(" ".join(wrapped[most - 1:]), width)]
        return wrapped

    def heading(self, text: str, size: float = 12) -> None:
        self.font(size, bold=True)
        self.pdf.set_x(self.MARGIN)
        self.pdf.cell(self.width, size * 0.55, self.fonts.text(text), new_x="LMARGIN", new_y="NEXT")

    def row(self, widths, texts, aligns, bold: bool = False, fill: bool = False, size: float = SIZE) -> None:
        """A table row; a header's labels wrap (at most 2 lines), a body's cells are cut to one line."""
        self.font(size, bold)
        line = size * 0.5
        cells = [self.lines(t, w - 2, 2) if bold else [self.fit(t, w - 2)] for t, w in zip(texts, widths, strict=True)]
        height = max(len(c) for c in cells) * line + 1.2
        y, x = self.pdf.get_y(), self.MARGIN
        if fill:
            self.pdf.set_fill_color(236, 240, 244)
            self.pdf.rect(x, y, sum(widths), height, style="F")
        for cell, width, align in zip(cells, widths, aligns, strict=True):
            self.pdf.set_xy(x + 1, y + 0.6)
            self.pdf.multi_cell(width - 2, line, "\n".join(cell), align=align)
            x += width
        self.pdf.set_draw_color(208, 215, 222)
        self.pdf.line(self.MARGIN, y + height, self.MARGIN + sum(widths), y + height)
        self.pdf.set_xy(self.MARGIN, y + height)
        self.bottom = max(self.bottom, y + height)

    def room(self, bottom: float) -> int:
        """Body rows that still fit above ``bottom``."""
        return max(0, int((bottom - self.pdf.get_y()) // self.ROW))

    # A table's heading, a header row of at most 2 lines and the space after it, in mm: at most this.
    TABLE = 12 * 0.55 + 1 + 2 * SIZE * 0.5 + 1.2 + 5


def share_rows(wanted: list[int], rows: int) -> list[int]:
    """``rows`` shared among tables that want ``wanted`` rows each: evenly, and what one does not
    need goes to the others (so three tables of 40, 2 and 5 with 30 rows get 23, 2 and 5)."""
    given = [0] * len(wanted)
    while rows > 0:
        hungry = [i for i, want in enumerate(wanted) if given[i] < want]
        if not hungry:
            break
        each = max(1, rows // len(hungry))
        for i in hungry:
            more = min(each, wanted[i] - given[i], rows)
            given[i] += more
            rows -= more
    return given


def _cut(items: list, rows: int) -> tuple[list, int]:
    """The items that fit in ``rows`` rows and how many are left out (their "and N more" line takes a row)."""
    if len(items) <= rows:
        return items, 0
    kept = max(rows - 1, 0)
    return items[:kept], len(items) - kept


def school_pdf(uow: UnitOfWork, viewer: Viewer, school_id: str) -> tuple[str, bytes] | None:
    """(the school's name, its one-page report), or None when the viewer may not have it."""
    found = _school(uow, viewer, school_id, courses=False)  # the PDF lists the courses' lines only
    if found is None:
        return None
    return found.page.name, render_school_pdf(found.page, found.line, district.district_name(uow))


def render_school_pdf(page: SchoolPage, line: SchoolLine, district_name: str) -> bytes:
    return bytes(draw_school_pdf(page, line, district_name).pdf.output())


def footer_top(doc: _Page) -> float:
    """Where the page's footer starts: every table ends above it."""
    return doc.pdf.h - doc.MARGIN - 12


def draw_school_pdf(page: SchoolPage, line: SchoolLine, district_name: str) -> _Page:
    """The school's report on one A4 page: a summary, the grades, the courses and the competencies
    with the lowest share at mastery; when they are too many for the page, the rows are shared out
    among the three tables and a table cut short says how many more there are."""
    doc = _Page(f"{page.name}: mastery and early warning")
    pdf, width = doc.pdf, doc.width
    bottom = footer_top(doc)

    doc.font(9)
    pdf.set_text_color(87, 96, 106)
    pdf.cell(width, 5, doc.fit(f"{district_name or 'District'} · mastery and early warning · {today()}", width),
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(27, 31, 36)
    pdf.ln(1)
    doc.font(18, bold=True)
    for text in doc.lines(page.name, width, 2):
        pdf.cell(width, 8.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    doc.font(10.5)
    overall = line.mastery
    share = _percent(overall) + (f" of competency levels ({overall.students} students with a level)"
                                 if overall.shown and overall.percent is not None else "")
    summary = [("Students", _count(line.students)), ("At mastery overall", share),
               ("Students with a concern flag", _flagged(line.flagged))]
    doc.font(10.5, bold=True)
    label_width = max(pdf.get_string_width(doc.fonts.text(label)) for label, _value in summary) + 5
    for label, value in summary:
        doc.font(10.5, bold=True)
        pdf.cell(label_width, 6, doc.fonts.text(label))
        doc.font(10.5)
        pdf.cell(width - label_width, 6, doc.fit(value, width - label_width), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    # The body rows left for the three tables, shared out among them (an empty table shows one line).
    rows = doc.room(bottom - 2 - 3 * doc.TABLE)
    grade_rows, course_rows, lowest_rows = share_rows(
        [max(1, len(page.grades)), max(1, len(page.courses)), max(1, min(LOWEST, len(page.competencies)))], rows)

    doc.heading("Grades")
    pdf.ln(1)
    widths, aligns = (46, 34, 30, 26, 44), ("L", "R", "R", "R", "R")
    doc.row(widths, ["Grade", "Students with a level", "At mastery", "Mean level", "Students with a concern flag"],
            aligns, bold=True, fill=True)
    grades, more = _cut(page.grades, grade_rows)
    for grade in grades:
        flagged = _flagged(grade.flagged) if page.flags_counted_at else "not counted yet"
        doc.row(widths, [grade.label, _count(grade.mastery.students),
                         _percent(grade.mastery), _mean(grade.mastery), flagged], aligns)
    if more:
        doc.row([sum(widths)], [f"and {more} more grades (see the CSV)"], ["L"])
    if not page.grades:
        doc.row([sum(widths)], ["No levels recorded yet."], ["L"])
    pdf.ln(5)

    doc.heading("Courses")
    pdf.ln(1)
    widths, aligns = (90, 34, 30, 26), ("L", "R", "R", "R")
    doc.row(widths, ["Course", "Students with a level", "At mastery", "Mean level"], aligns, bold=True, fill=True)
    courses, more = _cut(page.courses, course_rows)
    for course in courses:
        doc.row(widths, [f"{course.title} ({course.code})" if course.code else course.title,
                         _count(course.mastery.students), _percent(course.mastery), _mean(course.mastery)], aligns)
    if more:
        doc.row([sum(widths)], [f"and {more} more courses (see the CSV)"], ["L"])
    if not page.courses:
        doc.row([sum(widths)], ["No levels recorded in a course yet."], ["L"])
    pdf.ln(5)

    doc.heading(f"Competencies with the lowest share at mastery (at most {LOWEST})")
    pdf.ln(1)
    widths, aligns = (26, 101, 26, 27), ("L", "L", "R", "R")
    doc.row(widths, ["Code", "Competency", "At mastery", "n"], aligns, bold=True, fill=True)
    lowest = lowest_competencies(page, min(LOWEST, lowest_rows, doc.room(bottom - 2)))
    for competency in lowest:
        figure = competency.overall
        doc.row(widths, [competency.code or "–", competency.statement, _percent(figure),
                         str(figure.students) if figure.shown else SUPPRESSED], aligns)
    if not page.competencies:
        doc.row([sum(widths)], ["No levels recorded yet."], ["L"])

    pdf.set_xy(doc.MARGIN, bottom)
    pdf.set_draw_color(208, 215, 222)
    pdf.line(doc.MARGIN, bottom, doc.MARGIN + width, bottom)
    pdf.set_xy(doc.MARGIN, bottom + 1.5)
    doc.font(7.5)
    pdf.set_text_color(87, 96, 106)
    counted = (f"Early-warning flags counted {page.flags_counted_at:%Y-%m-%d %H:%M} UTC."
               if page.flags_counted_at else "Early-warning flags have not been counted yet.")
    footer = (f"Figures over fewer than {SMALL_GROUP} students are not shown: they read “{SUPPRESSED}”, so no "
              f"student can be singled out. “At mastery”: the share of students' competency levels at or above "
              f"their class's mastery level; n: students with a level. {counted} Made {today()} by plclassroom.")
    pdf.multi_cell(width, 3.4, "\n".join(doc.lines(footer, width, 3)))
    return doc
