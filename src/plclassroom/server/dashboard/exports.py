"""The dashboard's exports, for the state and the board: the mastery roll-ups as CSV (the district's,
a school's) and a one-page PDF per school.

They carry the pages' figures and nothing more: the same roll-ups (``district_dashboard.school_page``),
the same small-group suppression (a row over fewer than 10 students has no numbers, only
``suppressed`` = "fewer than 10"), no student's name or id. Having no student-level data, an export
is not a view of a student's record, so it writes no audit row (``view_audit`` logs those).

The PDF is drawn with fpdf2 (pure Python: the server may not use Qt or matplotlib) in DejaVu Sans,
so accented names print; without the font files it falls back to the core Helvetica font, which
knows Latin-1 only: other characters then print as "?" (nothing is transliterated).
"""

from __future__ import annotations

import csv
import io
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

from plclassroom.services import district, district_dashboard
from plclassroom.services.district_dashboard import SMALL_GROUP, Count, Figure, SchoolLine, SchoolPage, Viewer
from plclassroom.store.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

SUPPRESSED = f"fewer than {SMALL_GROUP}"
CSV_HEADER = ["school", "grade", "competency code", "statement", "students with a level", "at mastery",
              "share at mastery (%)", "mean level", "suppressed"]
# A spreadsheet runs a cell starting with one of these as a formula: such a cell gets a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # fonts-dejavu-core (scripts/setup.sh)
PLAIN_PUNCTUATION = str.maketrans({"–": "-", "“": '"', "”": '"', "’": "'", "…": "..."})
LOWEST = 10  # competencies listed on the PDF, lowest share at mastery first


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
    if not figure.shown:
        return ["", "", "", "", SUPPRESSED]
    return [figure.students, figure.mastered, "" if figure.percent is None else figure.percent,
            "" if figure.mean is None else f"{figure.mean:.2f}", ""]


def school_rows(page: SchoolPage) -> list[list]:
    """The school page's grade × competency cells, a row each (grades in the page's order)."""
    rows = []
    for grade in page.grades:
        for line in page.competencies:
            figure = line.by_grade.get(grade.grade)
            if figure is not None:
                rows.append([page.name, grade.label, line.code, line.statement, *_figure_cells(figure)])
    return rows


def to_csv(rows: list[list]) -> bytes:
    """UTF-8 with a byte-order mark (so a spreadsheet reads accents right), a header row, CRLF lines."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def district_csv(uow: UnitOfWork, viewer: Viewer) -> bytes | None:
    """Every school's rows (a district admin's); None for anyone else."""
    if not viewer.district_admin:
        return None
    rows = []
    for line in district_dashboard.overview(uow, viewer).schools:
        page = district_dashboard.school_page(uow, viewer, line.id)
        if page is not None:
            rows += school_rows(page)
    return to_csv(rows)


def _school(uow: UnitOfWork, viewer: Viewer, school_id: str) -> tuple[SchoolPage, SchoolLine] | None:
    """A school's page and its overview line, for its principal or a district admin; None for
    anyone else (a teacher's figures are over their own students, not the school's)."""
    if viewer.staff:
        return None
    page = district_dashboard.school_page(uow, viewer, school_id)
    if page is None:
        return None
    line = next((s for s in district_dashboard.overview(uow, viewer).schools if s.id == school_id), None)
    return (page, line) if line is not None else None


def school_csv(uow: UnitOfWork, viewer: Viewer, school_id: str) -> tuple[str, bytes] | None:
    """(the school's name, its CSV), or None when the viewer may not have it."""
    found = _school(uow, viewer, school_id)
    if found is None:
        return None
    return found[0].name, to_csv(school_rows(found[0]))


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

    def room(self, bottom: float) -> int:
        """Body rows that still fit above ``bottom``."""
        return max(0, int((bottom - self.pdf.get_y()) // self.ROW))


def school_pdf(uow: UnitOfWork, viewer: Viewer, school_id: str) -> tuple[str, bytes] | None:
    """(the school's name, its one-page report), or None when the viewer may not have it."""
    found = _school(uow, viewer, school_id)
    if found is None:
        return None
    page, line = found
    return page.name, render_school_pdf(page, line, district.district_name(uow))


def render_school_pdf(page: SchoolPage, line: SchoolLine, district_name: str) -> bytes:
    doc = _Page(f"{page.name}: mastery and early warning")
    pdf, width = doc.pdf, doc.width
    footer_top = pdf.h - doc.MARGIN - 12

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

    doc.heading("Grades")
    pdf.ln(1)
    widths, aligns = (46, 34, 30, 26, 44), ("L", "R", "R", "R", "R")
    doc.row(widths, ["Grade", "Students with a level", "At mastery", "Mean level", "Students with a concern flag"],
            aligns, bold=True, fill=True)
    # Keep room for the competencies' heading, header and at least three of them.
    grades = page.grades
    fits = doc.room(footer_top - 36)
    if len(grades) > fits:
        grades, more = grades[:max(fits - 1, 0)], len(grades) - max(fits - 1, 0)
    else:
        more = 0
    for grade in grades:
        flagged = _flagged(grade.flagged) if page.flags_counted_at else "not counted yet"
        doc.row(widths, [grade.label, _count(grade.mastery.students),
                         _percent(grade.mastery), _mean(grade.mastery), flagged], aligns)
    if more:
        doc.row([sum(widths)], [f"and {more} more grades (see the CSV)"], ["L"])
    if not page.grades:
        doc.row([sum(widths)], ["No levels recorded yet."], ["L"])
    pdf.ln(5)

    doc.heading(f"Competencies with the lowest share at mastery (at most {LOWEST})")
    pdf.ln(1)
    widths, aligns = (26, 101, 26, 27), ("L", "L", "R", "R")
    doc.row(widths, ["Code", "Competency", "At mastery", "n"], aligns, bold=True, fill=True)
    lowest = lowest_competencies(page, min(LOWEST, doc.room(footer_top - 2)))
    for competency in lowest:
        figure = competency.overall
        doc.row(widths, [competency.code or "–", competency.statement, _percent(figure),
                         str(figure.students) if figure.shown else SUPPRESSED], aligns)
    if not page.competencies:
        doc.row([sum(widths)], ["No levels recorded yet."], ["L"])

    pdf.set_xy(doc.MARGIN, footer_top)
    pdf.set_draw_color(208, 215, 222)
    pdf.line(doc.MARGIN, footer_top, doc.MARGIN + width, footer_top)
    pdf.set_xy(doc.MARGIN, footer_top + 1.5)
    doc.font(7.5)
    pdf.set_text_color(87, 96, 106)
    counted = (f"Early-warning flags counted {page.flags_counted_at:%Y-%m-%d %H:%M} UTC."
               if page.flags_counted_at else "Early-warning flags have not been counted yet.")
    footer = (f"Figures over fewer than {SMALL_GROUP} students are not shown: they read “{SUPPRESSED}”, so no "
              f"student can be singled out. “At mastery”: the share of students' competency levels at or above "
              f"their class's mastery level; n: students with a level. {counted} Made {today()} by plclassroom.")
    pdf.multi_cell(width, 3.4, "\n".join(doc.lines(footer, width, 3)))
    return bytes(pdf.output())
