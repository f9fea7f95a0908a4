"""Mastery exports a teacher prints or sends: the class heatmap, and a one-page report on a student.

PDF or PNG by the file's suffix. Drawn on ``matplotlib.figure.Figure`` with matplotlib's own Agg and
PDF renderers (no pyplot, no display), so the exports run on the writer thread. Each is written to
a temporary file beside the target and moved into place, so a failure never leaves half a file.

The heatmap, sized for print: cells are never smaller than MIN_CELL (about 8.6 x 3.9 mm, the score
at 6 pt or more), so each stays legible. A PDF is A4 landscape pages; a class that does not fit on
one page (35 students x 80 competencies: three or four pages of 20-27 competencies, all 35 students
on each) is split into blocks of columns (and, past about 36 students, of rows), each page repeating
the names, codes, title and legend. A PNG is one image of the whole grid, as large as it needs to be.

matplotlib is imported inside the functions: opening the app does not pay for it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from plclassroom.domain.mastery import METHOD_LABELS, Method
from plclassroom.interop.atomic import atomic_write
from plclassroom.services.mastery import ClassMastery, HistoryPoint, Level, Scale, short_code
from plclassroom.ui.charts import (
    EDGE_COLOR,
    NO_EVIDENCE_COLOR,
    NO_EVIDENCE_TEXT,
    level_color,
    level_marker,
    score_text,
    text_color_on,
)
from plclassroom.ui.i18n import date_format_text, number_text, tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = {".pdf": "pdf", ".png": "png"}
A4_LANDSCAPE = (11.69, 8.27)
A4_PORTRAIT = (8.27, 11.69)
PNG_DPI = 150
MIN_CELL = (0.34, 0.155)  # inches, width x height: room for "3.2*" at 6 pt; 35 students fit a page
MAX_CELL = (0.80, 0.32)
OVERRIDE_MARK = "*"
LEGEND_POINTS = 8


class ReportError(ValueError):
    """An export that cannot be made; the message is for the teacher."""


def export_format(path: Path) -> str:
    try:
        return FORMATS[Path(path).suffix.lower()]
    except KeyError:
        raise ReportError(tr("Save as .pdf or .png (not {suffix}).").format(
            suffix=Path(path).suffix or tr("no extension"))) from None


# -- writing files safely --------------------------------------------------------------------------


def _save(figures: list[Figure], path: Path, title: str, subject: str) -> None:
    import matplotlib

    fmt = export_format(path)
    if fmt == "png" and len(figures) != 1:
        raise ValueError("a PNG holds one figure")  # notr: a programming error, never shown
    with atomic_write(path) as handle:
        if fmt == "png":
            metadata = {"Title": title, "Description": subject, "Software": "plclassroom"}  # notr: PNG keys
            figures[0].savefig(handle, format="png", dpi=PNG_DPI, metadata=metadata)
            return
        from matplotlib.backends.backend_pdf import PdfPages

        # Type 42 (TrueType) fonts: the PDF's text can be searched and copied, accents included.
        metadata = {"Title": title, "Subject": subject, "Creator": "plclassroom"}  # notr: PDF keys
        with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(handle, metadata=metadata) as pdf:
            for figure in figures:
                pdf.savefig(figure)


# -- shared wording ----------------------------------------------------------------------------------


def method_labels() -> dict[Method, str]:
    """Each calculation method's name, in the language chosen (METHOD_LABELS' order)."""
    return {Method.MOST_RECENT: tr("Most recent"), Method.HIGHEST: tr("Highest"), Method.MEAN: tr("Mean"),
            Method.MEAN_LAST_N: tr("Mean of the last N"), Method.MEDIAN_LAST_N: tr("Median of the last N"),
            Method.MODE: tr("Mode (most frequent)"), Method.DECAYING_AVERAGE: tr("Decaying average"),
            Method.N_TIMES: tr("N times at mastery"), Method.POWER_LAW: tr("Power law (Marzano)")}


def method_label(method) -> str:
    return method_labels().get(method) or METHOD_LABELS.get(method, str(method))


def method_text(view: ClassMastery) -> str:
    label = method_label(view.method)
    params = view.params or {}
    if view.method in (Method.MEAN_LAST_N, Method.MEDIAN_LAST_N, Method.N_TIMES) and "n" in params:
        return f"{label} (N = {params['n']})"
    if view.method == Method.DECAYING_AVERAGE and "weight" in params:
        weight = f"{float(params['weight']):.0%}"
        return tr("{method} ({weight} on the newest)").format(method=label, weight=weight)
    return label


def day_text(day: date) -> str:
    return date_format_text(day, "d MMM yyyy")  # notr: a Qt date pattern


def heatmap_title(view: ClassMastery) -> str:
    return tr("{title} — mastery").format(title=view.title)


def _legend_extras() -> tuple[str, str]:
    """The legend's entries after the levels: no evidence, and a level the teacher set."""
    return NO_EVIDENCE_TEXT + " " + tr("no evidence"), OVERRIDE_MARK + " " + tr("set by the teacher")


def level_ranges(scale: Scale) -> list[tuple[Level, str]]:
    """Each level with the scores that read as it: "Advanced ≥ 3.5", "Proficient 2.5–3.5", ..."""
    ranges = []
    for index, level in enumerate(scale.levels):
        if index == 0:
            span = f"\u2265 {number_text(level.min_score)}"
        elif index == len(scale.levels) - 1 and level.min_score <= scale.bottom:
            span = f"< {number_text(scale.levels[index - 1].min_score)}"
        else:
            span = f"{number_text(level.min_score)}\u2013{number_text(scale.levels[index - 1].min_score)}"
        ranges.append((level, f"{level.label} {span}"))
    return ranges


def _level_handles(scale: Scale, with_override: bool = True) -> list:
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=level.color, edgecolor=EDGE_COLOR, linewidth=0.5, label=text)
               for level, text in level_ranges(scale)]
    no_evidence, set_by_teacher = _legend_extras()
    handles.append(Patch(facecolor=NO_EVIDENCE_COLOR, edgecolor=EDGE_COLOR, linewidth=0.5, label=no_evidence))
    if with_override:
        handles.append(Patch(facecolor="white", edgecolor="#000000", linewidth=1.4, label=set_by_teacher))
    return handles


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _count_students(n: int) -> str:
    return tr("{n} student").format(n=n) if n == 1 else tr("{n} students").format(n=n)


def _count_competencies(n: int) -> str:
    return tr("{n} competency").format(n=n) if n == 1 else tr("{n} competencies").format(n=n)


def _text_inches(text: str, points: float) -> float:
    """Rough width of a line of DejaVu Sans (the default font) at a size in points."""
    return len(text) * points * 0.6 / 72


# -- the heatmap -------------------------------------------------------------------------------------


@dataclass
class _Layout:
    size: tuple[float, float]  # the figure, inches
    left: float  # where the grid starts (after the names)
    top: float  # the space above the grid: title and column codes
    bottom: float  # the space below: the legend
    cell: tuple[float, float]
    row_pages: list[range]
    column_pages: list[range]
    name_points: float
    code_points: float
    score_points: float
    legend_columns: int


def _split(count: int, per_page: int) -> list[range]:
    """``count`` items into balanced pages of at most ``per_page``."""
    if count == 0:
        return [range(0)]
    pages = math.ceil(count / max(per_page, 1))
    size = math.ceil(count / pages)
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _heatmap_layout(view: ClassMastery, fmt: str) -> _Layout:
    rows, columns = len(view.students), len(view.competencies)
    margin = 0.35
    # Room for the longest name at the largest name size (9 pt), up to 2.6 in; longer names are cut.
    name_width = _clamp(_text_inches(max((s.name for s in view.students), key=len, default=""), 9) + 0.15,
                        1.2, 2.6)
    code_points = 8.0
    longest_code = max((len(short_code(c.code)) for c in view.competencies), default=4)
    top = 0.85 + longest_code * code_points * 0.6 / 72 + 0.15
    legend = [text for _, text in level_ranges(view.scale)] + list(_legend_extras())
    legend_entry = max(_text_inches(text, LEGEND_POINTS) for text in legend) + 0.6  # + the swatch and a gap
    if fmt == "pdf":
        width, height = A4_LANDSCAPE
    else:
        cell = (_clamp(9.0 / max(columns, 1), 0.42, MAX_CELL[0]), _clamp(6.0 / max(rows, 1), 0.24, MAX_CELL[1]))
        # Wide enough for the title and a legend of three columns, even for a class of few competencies.
        width = max(margin * 2 + name_width + cell[0] * columns, margin * 2 + 3 * legend_entry,
                    margin * 2 + _text_inches(heatmap_title(view), 14))
    legend_columns = max(1, min(len(legend), int((width - 2 * margin) / legend_entry + 1e-6)))
    bottom = 0.35 + 0.2 * math.ceil(len(legend) / legend_columns)
    if fmt == "pdf":
        space = (width - margin * 2 - name_width, height - top - bottom)
        per_page = (int(space[0] // MIN_CELL[0]), int(space[1] // MIN_CELL[1]))
        column_pages, row_pages = _split(columns, per_page[0]), _split(rows, per_page[1])
        shown = (max(len(column_pages[0]), 1), max(len(row_pages[0]), 1))
        cell = (_clamp(space[0] / shown[0], MIN_CELL[0], MAX_CELL[0]),
                _clamp(space[1] / shown[1], MIN_CELL[1], MAX_CELL[1]))
    else:
        height = top + bottom + cell[1] * max(rows, 1)
        column_pages, row_pages = [range(columns)], [range(rows)]
    name_points = _clamp(cell[1] * 72 * 0.6, 5.5, 9)
    score_points = _clamp(min(cell[1] * 72 * 0.55, cell[0] * 72 / (0.6 * 4.2)), 5.5, 9)
    code_points = _clamp(cell[0] * 72 * 0.45, 6, code_points)
    return _Layout((width, height), margin + name_width, top, bottom, cell, row_pages, column_pages,
                   name_points, code_points, score_points, legend_columns)


def heatmap_figures(view: ClassMastery, fmt: str = "pdf") -> list[Figure]:
    """The heatmap as figures: PDF pages, or one figure for a PNG."""
    from matplotlib.figure import Figure

    layout = _heatmap_layout(view, fmt)
    pages = [(rows, columns) for rows in layout.row_pages for columns in layout.column_pages]
    figures = []
    for number, (rows, columns) in enumerate(pages, start=1):
        figure = Figure(figsize=layout.size)
        _draw_heatmap_page(figure, view, layout, rows, columns, number, len(pages))
        figures.append(figure)
    return figures


def _draw_heatmap_page(figure: Figure, view: ClassMastery, layout: _Layout, rows: range, columns: range,
                       number: int, total: int) -> None:
    import numpy as np
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Rectangle

    width, height = layout.size
    figure.set_facecolor("white")
    as_of = view.as_of or date.today()
    figure.text(0.35 / width, 1 - 0.3 / height, heatmap_title(view), fontsize=14, weight="bold",
                va="top", ha="left")
    subtitle = tr("{method} · as of {date} · {students}, {competencies}").format(
        method=method_text(view), date=day_text(as_of), students=_count_students(len(view.students)),
        competencies=_count_competencies(len(view.competencies)))
    if total > 1:
        first, last = view.competencies[columns[0]], view.competencies[columns[-1]]
        page = tr("page {number} of {total}: students {first}–{last}, {start} to {end}").format(
            number=number, total=total, first=rows[0] + 1, last=rows[-1] + 1, start=short_code(first.code),
            end=short_code(last.code))
        subtitle += " \u00b7 " + page
    figure.text(0.35 / width, 1 - 0.62 / height, subtitle, fontsize=9, va="top", ha="left", color="#333333")
    if not len(rows) or not len(columns):
        figure.text(0.5, 0.5, tr("No students in this class yet.") if not view.students else
                    tr("This class has no competencies yet."), ha="center", va="center", fontsize=12)
        return

    grid = (layout.cell[0] * len(columns), layout.cell[1] * len(rows))
    ax = figure.add_axes((layout.left / width, (height - layout.top - grid[1]) / height,
                          grid[0] / width, grid[1] / height))
    students = [view.students[i] for i in rows]
    competencies = [view.competencies[j] for j in columns]
    image = np.ones((len(students), len(competencies), 3))
    for i, student in enumerate(students):
        for j, competency in enumerate(competencies):
            cell = view.cell(student.id, competency.id)
            level = cell.level if cell is not None else None
            image[i, j] = to_rgb(level_color(level))
            text = score_text(cell.score if cell is not None else None)
            if cell is not None and cell.overridden:
                text += OVERRIDE_MARK
                ax.add_patch(Rectangle((j - 0.5 + 0.06, i - 0.5 + 0.08), 0.88, 0.84, fill=False,
                                       edgecolor="#000000", linewidth=1.2, zorder=3))
            ax.text(j, i, text, ha="center", va="center", fontsize=layout.score_points,
                    color=text_color_on(level_color(level)), zorder=4)
    ax.imshow(image, aspect="auto", interpolation="nearest",
              extent=(-0.5, len(competencies) - 0.5, len(students) - 0.5, -0.5))
    # White lines between cells (line collections: far cheaper than minor ticks); a dark one where the
    # framework's group changes.
    ax.vlines([j + 0.5 for j in range(len(competencies) - 1)], -0.5, len(students) - 0.5, color="white",
              linewidth=1.0, zorder=2)
    ax.hlines([i + 0.5 for i in range(len(students) - 1)], -0.5, len(competencies) - 0.5, color="white",
              linewidth=1.0, zorder=2)
    for j in range(1, len(competencies)):
        if competencies[j].group != competencies[j - 1].group:
            ax.axvline(j - 0.5, color="#222222", linewidth=1.4, zorder=5)
    ax.set_xticks(range(len(competencies)), labels=[short_code(c.code) for c in competencies],
                  rotation=90, fontsize=layout.code_points)
    ax.xaxis.tick_top()
    fits = int((layout.left - 0.35 - 0.12) * 72 / (0.6 * layout.name_points))
    ax.set_yticks(range(len(students)), labels=[_truncate(s.name, fits) for s in students],
                  fontsize=layout.name_points)
    ax.tick_params(which="major", length=0, pad=3)
    for spine in ax.spines.values():
        spine.set_edgecolor("#888888")
        spine.set_linewidth(0.6)
    figure.legend(handles=_level_handles(view.scale), loc="lower left",  # notr
                  bbox_to_anchor=(0.35 / width, 0.2 / height), ncol=layout.legend_columns,
                  fontsize=LEGEND_POINTS, frameon=False, handlelength=1.6, handleheight=1.1, columnspacing=1.4,
                  borderaxespad=0)


def export_heatmap(view: ClassMastery, path: Path) -> Path:
    """The class heatmap to a PDF (A4 landscape pages) or a PNG (one image), by ``path``'s suffix."""
    path = Path(path)
    fmt = export_format(path)
    _save(heatmap_figures(view, fmt), path, heatmap_title(view),
          tr("{method}, as of {date}").format(method=method_text(view),
                                              date=day_text(view.as_of or date.today())))
    return path


# -- the student report ----------------------------------------------------------------------------


MAX_TRENDS = 12  # small trend plots on the page; the most recently assessed competencies


def _wrap(text: str, characters: int) -> list[str]:
    import textwrap

    return textwrap.wrap(" ".join(text.split()), characters) or [""]


def _truncate(text: str, characters: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= characters else text[:characters - 1].rstrip() + "\u2026"


def student_report_figure(view: ClassMastery, student_id: str,
                          histories: dict[str, list[HistoryPoint]]) -> Figure:
    """One page on one student: levels per competency, and small trends where there is evidence.

    A4 portrait; a framework too long for that (past about 30 competencies) makes the page taller
    rather than the text smaller. At most MAX_TRENDS trends: the most recently assessed."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from plclassroom.ui.charts.mastery_charts import draw_trend

    student = next((s for s in view.students if s.id == student_id), None)
    if student is None:
        raise ReportError(tr("That student is not in this class."))
    scale = view.scale
    with_evidence = [c for c in view.competencies if histories.get(c.id)]
    plotted = sorted(with_evidence, key=lambda c: max(p.observed_on for p in histories[c.id]), reverse=True)
    plotted = [c for c in with_evidence if c in plotted[:MAX_TRENDS]]
    columns = 3 if len(plotted) > 4 else 2
    plot_rows = math.ceil(len(plotted) / columns)

    width = A4_PORTRAIT[0]
    margin, header, plot_height = 0.5, 1.25, 2.0
    row_height = 0.26 if len(view.competencies) <= 24 else 0.2
    table_height = row_height * (len(view.competencies) + 1)
    trends_height = (0.45 + plot_rows * plot_height + 0.45) if plotted else 0.0
    footnote = 0.35
    overridden = [c for c in view.competencies
                  if (cell := view.cell(student.id, c.id)) is not None and cell.overridden]
    reasons = [_wrap(tr("{mark} {code}: set by the teacher, because: {reason}").format(
                         mark=f"{OVERRIDE_MARK}{n}", code=short_code(c.code),
                         reason=view.cell(student.id, c.id).override.reason or tr("no reason given")), 120)
               for n, c in enumerate(overridden, start=1)]
    notes_height = sum(0.16 * len(lines) for lines in reasons) + (0.15 if reasons else 0.0)
    height = max(A4_PORTRAIT[1], margin * 2 + header + table_height + notes_height + 0.3 + trends_height
                 + footnote)
    figure = Figure(figsize=(width, height))
    figure.set_facecolor("white")

    def y(inches_from_top: float) -> float:
        return 1 - inches_from_top / height

    cells = {c.id: view.cell(student.id, c.id) for c in view.competencies}
    mastered = sum(1 for c in view.competencies if view.mastered(cells[c.id]))
    assessed = sum(1 for c in view.competencies if cells[c.id] is not None and cells[c.id].score is not None)
    figure.text(margin / width, y(margin), student.name, fontsize=18, weight="bold", va="top")
    figure.text(margin / width, y(margin + 0.42), tr("{title} · mastery report").format(title=view.title),
                fontsize=11, va="top")
    total = len(view.competencies)
    standing = (tr("mastered {mastered} of {total} competency, evidence on {assessed}") if total == 1 else
                tr("mastered {mastered} of {total} competencies, evidence on {assessed}")).format(
        mastered=mastered, total=total, assessed=assessed)
    figure.text(margin / width, y(margin + 0.70),
                tr("{method} · as of {date} · {standing}").format(
                    method=method_text(view), date=day_text(view.as_of or date.today()), standing=standing),
                fontsize=8.5, va="top", color="#333333")

    # The table: one row per competency.
    top = margin + header
    table_ax = figure.add_axes((margin / width, y(top + table_height), (width - 2 * margin) / width,
                                table_height / height))
    table_ax.set_axis_off()
    body = []
    colours = []
    for competency in view.competencies:
        cell = cells[competency.id]
        level = cell.level if cell is not None else None
        score = score_text(cell.score if cell is not None else None)
        note = ""
        if cell is not None and cell.overridden:
            score += OVERRIDE_MARK
            note = tr("set by the teacher, see {mark}").format(
                mark=f"{OVERRIDE_MARK}{overridden.index(competency) + 1}")
        pieces = len(histories.get(competency.id, [])) or (cell.evidence_count if cell else 0)
        body.append([short_code(competency.code), _truncate(competency.statement, 46),
                     level.label if level else tr("No evidence"), score, str(pieces), note])
        colours.append(level_color(level))
    widths = [0.1, 0.37, 0.17, 0.07, 0.07, 0.22]
    table = table_ax.table(cellText=body or [["", tr("No competencies in this class yet."), "", "", "", ""]],
                           colLabels=[tr("Code"), tr("Competency"), tr("Level"), tr("Score"), tr("Pieces"),
                                      tr("Note")],
                           colWidths=widths, cellLoc="left", bbox=(0, 0, 1, 1))
    table.auto_set_font_size(False)
    table.set_fontsize(7)
    for (row, column), table_cell in table.get_celld().items():
        table_cell.set_edgecolor("#BBBBBB")
        table_cell.set_linewidth(0.5)
        table_cell.PAD = 0.06 / (widths[column] * (width - 2 * margin))  # PAD is a share of the cell: 0.06 in
        table_cell.get_text().set_clip_path(table_cell)  # text too wide is cut at the cell's edge
        if row == 0:
            table_cell.set_facecolor("#F2F2F2")
            table_cell.get_text().set_weight("bold")
        elif column == 2 and body:
            table_cell.set_facecolor(colours[row - 1])
            table_cell.get_text().set_color(text_color_on(colours[row - 1]))
        if column in (3, 4):
            table_cell.get_text().set_horizontalalignment("right")

    top += table_height + 0.15
    for lines in reasons:
        figure.text(margin / width, y(top), "\n".join(lines), fontsize=7, va="top", linespacing=1.25)
        top += 0.16 * len(lines)

    # Small trends, one per competency with evidence.
    if plotted:
        top += 0.3
        if len(plotted) < len(with_evidence):
            heading = tr("How the evidence went (the {shown} most recently assessed of {total})").format(
                shown=len(plotted), total=len(with_evidence))
        else:
            heading = tr("How the evidence went")
        figure.text(margin / width, y(top), heading, fontsize=11, weight="bold", va="top")
        top += 0.45
        gap_x, gap_y, label_room = 0.2, 0.5, 0.8
        plot_width = (width - 2 * margin - label_room * columns - gap_x * (columns - 1)) / columns
        for index, competency in enumerate(plotted):
            row, column = divmod(index, columns)
            left = margin + column * (label_room + plot_width + gap_x) + label_room
            bottom = top + row * plot_height + (plot_height - gap_y)
            ax = figure.add_axes((left / width, y(bottom), plot_width / width, (plot_height - gap_y - 0.25) / height))
            draw_trend(ax, histories[competency.id], scale, short_code(competency.code), compact=True)
        top += plot_rows * plot_height
        handles = [Line2D([], [], linestyle="none", marker=level_marker(scale, level), markersize=6,
                          markerfacecolor=level.color, markeredgecolor="#000000", label=level.label)
                   for level in scale.levels]
        handles += [Line2D([], [], color="#222222", linewidth=1.4, label=tr("calculated level")),
                    Line2D([], [], color="#444444", linestyle="--", linewidth=1, label=tr("mastery")),
                    Line2D([], [], linestyle="none", marker="o", markerfacecolor="none",
                           markeredgecolor="#222222", label=tr("before correction"))]
        figure.legend(handles=handles, loc="upper left", bbox_to_anchor=(margin / width, y(top)),  # notr
                      ncol=4, fontsize=7.5, frameon=False, borderaxespad=0)
    figure.text(margin / width, margin / height / 2,
                tr("Printed {date} from plclassroom. Levels: {levels}.").format(
                    date=day_text(date.today()), levels=", ".join(text for _, text in level_ranges(scale))),
                fontsize=6.5, color="#555555", va="bottom")
    return figure


def export_student_report(view: ClassMastery, student_id: str, histories: dict[str, list[HistoryPoint]],
                          path: Path) -> Path:
    """One page on one student (PDF or PNG by ``path``'s suffix)."""
    path = Path(path)
    export_format(path)
    figure = student_report_figure(view, student_id, histories)
    name = next(s.name for s in view.students if s.id == student_id)
    _save([figure], path, f"{name} \u2014 {view.title}",
          tr("Mastery report, {method}").format(method=method_text(view)))
    return path
