"""Station-rotation printables: group cards, station signs and the day's plan, on A4.

- **Group cards** (``"cards"``, A4 portrait, four cards a page in a 2 x 2 grid with dashed cut lines):
  the group's name in large type on a band of its colour (the name is written, so the colour is never
  the only cue), its members, and its route for the day, one block a row: number, start time,
  station (``route_text`` says the same in one line: "1. 9:10 Teacher table → 2. 9:27 Laptops").
  Four to a page rather than six so that a group of ten and a day of six blocks still fit in type a
  child can read from across the table; the route is in the same size on every card of the day.
- **Station signs** (``"signs"``, one A4 landscape page a station): the station's name as large as
  it fits, its kind, the adult there, the activity, seats and devices when set, and which group is
  here in each block. Landscape because a sign stands on a table or hangs on a wall and is read from
  across the room: the long side gives a long name the most room at the largest size, and puts the
  details and the table of blocks side by side instead of squeezing both below the name.
- **The day's plan** (``"plan"``, one A4 landscape page): the class, the plan's title and the day; a
  grid of blocks (rows) by stations (columns) with the group in each cell; start times, minutes and
  the minutes to switch; the groups' members below the grid, and the notes on who skips what. Landscape
  because the grid's columns are stations, often five or six. A crowded day shares the page in turn
  (notes, then every member, then roomier grid rows), each part kept to its share.

Every printable is painted by ``paint`` on any paint device, given the page's rectangle, so the same
code paints the PDF (``write_pdf``, QPdfWriter), a printer (``print_preview``/``print_pages``,
QPrinter) and a preview image (``render_page``). Inside, pages are laid out in 0.1 mm units as the
paper playlist sheets are (``ui.playlists.paper``, whose fonts and helpers are reused): 15 mm margins,
nothing under 10 pt, long names wrapped or elided (a group too big for its space says "+ 3 more"
rather than overprint). Nothing sensitive is printed: a ``DayPlan`` carries names, never an
accommodation.

The PDF is drawn in a temporary folder, then copied into place with ``atomic_write``: a failure
leaves the file that was there untouched, and is raised as a ``RotationWriteError`` (an OSError)
whose message is for the teacher.
"""

from __future__ import annotations

import math
import shutil
import tempfile
from collections.abc import Sequence
from datetime import time
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from plclassroom.domain import StationKind
from plclassroom.interop.atomic import atomic_write
from plclassroom.services.rotations import DayPlan, GroupView, StationView
from plclassroom.ui.i18n import date_format_text, tr
from plclassroom.ui.playlists.paper import INK, MARGIN, PDF_DPI, PT, _text, day_text, print_font, wrap_lines

KINDS = ("cards", "signs", "plan")
PORTRAIT = (2100.0, 2970.0)  # A4 in 0.1 mm
LANDSCAPE = (2970.0, 2100.0)
SIZES = {"cards": PORTRAIT, "signs": LANDSCAPE, "plan": LANDSCAPE}
CARD_COLUMNS, CARD_ROWS = 2, 2
CARDS_PER_PAGE = CARD_COLUMNS * CARD_ROWS
PREVIEW_DPI = 150
PAPER = QColor(255, 255, 255)
CUT = QColor(110, 110, 110)
NO_COLOUR = QColor(200, 200, 200)  # a group whose colour cannot be read
NONE = "\u2014"  # a group with no station in a block, a station with no group
DOT = " \u00b7 "


def printable_name(what: str) -> str:
    """What the printable ``what`` is called in a sentence: "group cards"."""
    return {"cards": tr("group cards"), "signs": tr("station signs"), "plan": tr("rotation plan")}[what]


def _adult_words(adult: str) -> str:
    """Who helps at a station, on its sign."""
    return {"teacher": tr("With the teacher"), "aide": tr("With an aide"),
            "none": tr("No adult here: work on your own")}.get(adult, adult)


class RotationPrintError(ValueError):
    """Material that cannot be printed from this plan; the message is for the teacher."""


class RotationWriteError(OSError):
    """The PDF could not be saved; the message is for the teacher."""


# -- words ------------------------------------------------------------------------------------------


def clock(start: time | None) -> str:
    """ "9:10", "13:05"; "" when the plan has no start time."""
    return f"{start.hour}:{start.minute:02d}" if start else ""


def route_text(day: DayPlan, group: GroupView) -> str:
    """ "1. 9:10 Teacher table → 2. 9:27 Laptops → ...": where a group is in each block."""
    steps = []
    for block in day.blocks:
        station = day.station_of(block.number, group.id)
        when = clock(block.start)
        steps.append(f"{block.number}. {when + ' ' if when else ''}{station.name if station else NONE}")
    return " \u2192 ".join(steps)


def _day_words(day: DayPlan) -> str:
    return f"{date_format_text(day.day, 'dddd')} {day_text(day.day)}"


def _kind_words(kind: str) -> str:
    return kind[:1].upper() + kind[1:] if kind else ""


def _kind_station_words(kind: str) -> str:
    """"Teacher-led station": a station's kind, under its name on its sign."""
    known = {
        StationKind.TEACHER_LED.value: tr("Teacher-led station"),
        StationKind.ONLINE.value: tr("Independent online station"),
        StationKind.OFFLINE.value: tr("Independent practice station"),
        StationKind.COLLABORATIVE.value: tr("Collaborative station"),
        StationKind.PROJECT.value: tr("Project station"),
        StationKind.ASSESSMENT.value: tr("Assessment station"),
    }
    return known.get(kind) or tr("{kind} station").format(kind=_kind_words(kind))


def _seats_words(station: StationView) -> str:
    parts = []
    if station.capacity:
        parts.append(tr("Up to {n} students").format(n=station.capacity))
    if station.devices:
        n = station.devices
        parts.append(tr("{n} device").format(n=n) if n == 1 else tr("{n} devices").format(n=n))
    return DOT.join(parts)


def _unknown(what: str) -> RotationPrintError:
    return RotationPrintError(tr("There is nothing called {what} to print: choose {kinds}.").format(
        what=repr(what), kinds=", ".join(KINDS)))


def _check(day: DayPlan, what: str) -> None:
    if what not in KINDS:
        raise _unknown(what)
    if not day.groups:
        raise RotationPrintError(tr("This rotation has no groups yet: make the groups, then print."))
    if not day.stations:
        raise RotationPrintError(tr("This rotation has no stations yet: add the stations, then print."))
    if not day.blocks:
        raise RotationPrintError(tr("This rotation has no blocks yet: set the blocks of the day, "
                                    "then print."))


# -- pages ------------------------------------------------------------------------------------------


def page_count(day: DayPlan, what: str) -> int:
    """Pages of ``what``: cards, four groups a page; signs, one a station; the plan, one."""
    _check(day, what)
    if what == "cards":
        return math.ceil(len(day.groups) / CARDS_PER_PAGE)
    return len(day.stations) if what == "signs" else 1


def page_size(what: str) -> tuple[float, float]:
    """The page's width and height in 0.1 mm: A4 portrait for cards, landscape for signs and the plan."""
    if what not in SIZES:
        raise _unknown(what)
    return SIZES[what]


def orientation(what: str) -> QPageLayout.Orientation:
    width, height = page_size(what)
    return QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait


def paint(painter: QPainter, page_rect: QRectF, day: DayPlan, what: str, page: int) -> None:
    """Page ``page`` (from 0) of ``what`` in ``page_rect`` (the whole sheet, in the painter's units).

    The A4 page is scaled to fit ``page_rect`` keeping its shape and centred, so a printer left on
    Letter, or turned the other way in the preview, gets the whole page smaller, never stretched."""
    pages = page_count(day, what)
    if not 0 <= page < pages:
        text = tr("The {what} have {pages} page, not a page {page}.") if pages == 1 else \
            tr("The {what} have {pages} pages, not a page {page}.")
        raise RotationPrintError(text.format(what=printable_name(what), pages=pages, page=page + 1))
    width, height = page_size(what)
    page_rect = QRectF(page_rect)
    scale = min(page_rect.width() / width, page_rect.height() / height)
    painter.save()
    try:
        painter.translate(page_rect.center())
        painter.scale(scale, scale)
        painter.translate(-width / 2, -height / 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(QRectF(0, 0, width, height), PAPER)
        painter.setPen(QPen(INK, 1))
        if what == "cards":
            _draw_cards(painter, day, page)
        elif what == "signs":
            _draw_sign(painter, day, page)
        else:
            _draw_plan(painter, day)
    finally:
        painter.restore()


# -- drawing helpers ----------------------------------------------------------------------------------


def _fit_font(text: str, width: float, sizes: Sequence[float], bold: bool = False) -> tuple[QFont, bool]:
    """The largest of ``sizes`` (points) in which ``text`` fits ``width`` on one line, and whether it fit."""
    for points in sizes:
        font = print_font(points, bold=bold)
        if QFontMetricsF(font).horizontalAdvance(text) <= width:
            return font, True
    return print_font(sizes[-1], bold=bold), False


def _wrapped(text: str, font: QFont, width: float, most: int) -> list[str] | None:
    """``text`` in at most ``most`` lines ``width`` wide, no word cut or elided; None when it needs more."""
    metrics = QFontMetricsF(font)
    lines = wrap_lines(text, font, width, 1000)
    if len(lines) > most or any(metrics.horizontalAdvance(line) > width for line in lines):
        return None
    return lines


def _fit_block(text: str, width: float, height: float, sizes: Sequence[float], bold: bool = False,
               most: int = 2) -> tuple[QFont, list[str]]:
    """The largest of ``sizes`` in which ``text`` wraps whole into ``width`` x ``height`` (``most`` lines at
    most); else the smallest, as many lines as fit, the last elided."""
    for points in sizes:
        font = print_font(points, bold=bold)
        lines = _wrapped(text, font, width, min(most, max(1, int(height // QFontMetricsF(font).height()))))
        if lines is not None:
            return font, lines
    font = print_font(sizes[-1], bold=bold)
    return font, wrap_lines(text, font, width, min(most, max(1, int(height // QFontMetricsF(font).height()))))


def _lines(painter: QPainter, font: QFont, x: float, top: float, lines: Sequence[str], width: float) -> float:
    """Lines of text from ``top`` down, each elided to ``width`` should a word be longer; returns their height."""
    y = top
    for line in lines:
        y += _text(painter, font, x, y, line, width)
    return y - top


NAME_INDENT = 40.0  # the second line of a name too long for its column


def _place_names(names: Sequence[str], font: QFont, width: float, height: float, columns: int, wrap: bool,
                 gap: float) -> list[tuple[float, float, str, float]] | None:
    """(x, y, line, width) for every line of the names, down the first column, then the next, a name never split
    between columns; a name too long for its column takes two lines when ``wrap``. None: they do not fit."""
    metrics = QFontMetricsF(font)
    line_h = metrics.height()
    column_w = (width - gap * (columns - 1)) / columns
    blocks = []
    for name in names:
        lines = [name] if metrics.horizontalAdvance(name) <= column_w else \
            (_wrapped(name, font, column_w - NAME_INDENT, 2) if wrap else None)
        if lines is None:
            return None
        blocks.append(lines)
    per_column = max(math.ceil(sum(len(b) for b in blocks) / columns), max((len(b) for b in blocks), default=0))
    if per_column * line_h > height:
        return None
    placed, column, row = [], 0, 0
    for lines in blocks:
        if row + len(lines) > per_column:
            column, row = column + 1, 0
        if column >= columns:
            return None
        for index, line in enumerate(lines):
            indent = NAME_INDENT if index else 0.0
            placed.append((column * (column_w + gap) + indent, row * line_h, line, column_w - indent))
            row += 1
    return placed


def _fit_names(names: Sequence[str], width: float, height: float, sizes: Sequence[float] = (14, 13, 12, 11, 10),
               most_columns: int = 3, gap: float = 40.0) -> tuple[float, QFont, list[tuple[float, float, str, float]]]:
    """(points, font, lines placed) for a list of names in ``width`` x ``height``: the largest type, then
    the fewest columns, with every name on one line; else with long names on two lines; else the
    smallest type, names elided, and the last place "+ N more" (a list never runs over what is below)."""
    for wrap in (False, True):
        for points in sizes:
            font = print_font(points)
            for columns in range(1, most_columns + 1):
                placed = _place_names(names, font, width, height, columns, wrap, gap)
                if placed is not None:
                    return points, font, placed
    points = sizes[-1]
    font = print_font(points)
    line_h = QFontMetricsF(font).height()
    rows = max(1, int(height // line_h))
    columns = min(most_columns, max(1, math.ceil(len(names) / rows)))
    shown = list(names)
    if len(names) > rows * columns:
        shown = shown[:rows * columns - 1] + [tr("+ {n} more").format(n=len(names) - rows * columns + 1)]
    rows = math.ceil(len(shown) / columns)
    column_w = (width - gap * (columns - 1)) / columns
    return points, font, [(index // rows * (column_w + gap), index % rows * line_h, name, column_w)
                          for index, name in enumerate(shown)]


def _draw_names(painter: QPainter, names: Sequence[str], x: float, top: float, width: float, height: float,
                sizes: Sequence[float] = (14, 13, 12, 11, 10), most_columns: int = 3) -> float:
    """The names (see ``_fit_names``) from ``top``; returns the height used."""
    if not names:
        return 0.0
    _points, font, placed = _fit_names(names, width, height, sizes, most_columns)
    for dx, dy, line, line_w in placed:
        _text(painter, font, x + dx, top + dy, line, line_w)
    return max(dy for _dx, dy, _line, _w in placed) + QFontMetricsF(font).height()


def _colour(group: GroupView) -> QColor:
    colour = QColor(group.color)
    return colour if colour.isValid() else NO_COLOUR


def _ink_on(colour: QColor) -> QColor:
    """Black or white, whichever contrasts more with ``colour`` (WCAG's relative luminance), for the
    name on a band."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    luminance = (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
                 + 0.0722 * linear(colour.blueF()))
    return INK if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else PAPER


def _swatch(painter: QPainter, group: GroupView | None, rect: QRectF) -> None:
    """A small square of the group's colour, outlined so a pale colour still shows on paper."""
    if group is None:
        return
    painter.fillRect(rect, _colour(group))
    painter.setPen(QPen(INK, 3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    painter.setPen(QPen(INK, 1))


def _cut_lines(painter: QPainter, cells: list[QRectF]) -> None:
    pen = QPen(CUT, 4)
    pen.setDashPattern([6.0, 4.0])  # in pen widths: 2.4 mm dashes
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for cell in cells:
        painter.drawRect(cell)
    painter.setPen(QPen(INK, 1))


def _footer(painter: QPainter, day: DayPlan, width: float, height: float, right_text: str = "") -> float:
    """The class, the plan and the day along the foot of the page; returns the footer's top."""
    font = print_font(11)
    line_h = QFontMetricsF(font).height()
    top = height - MARGIN - line_h
    right_w = QFontMetricsF(font).horizontalAdvance(right_text)
    words = DOT.join(part for part in (day.class_title, day.title, _day_words(day)) if part)
    _text(painter, font, MARGIN, top, words, width - 2 * MARGIN - right_w - 60)
    if right_text:
        _text(painter, font, width - MARGIN, top, right_text, right=True)
    return top


# -- group cards ----------------------------------------------------------------------------------------

CARD_PAD = 70.0  # 7 mm from the cut line to anything printed
BAND_H = 240.0


def _draw_cards(painter: QPainter, day: DayPlan, page: int) -> None:
    width, height = PORTRAIT
    cell_w = (width - 2 * MARGIN) / CARD_COLUMNS
    cell_h = (height - 2 * MARGIN) / CARD_ROWS
    inner_w = cell_w - 2 * CARD_PAD
    room = cell_h - 2 * CARD_PAD - BAND_H - CARD_GAP  # below the band
    # One size for the route on every card of the day, so the cards look alike side by side.
    points = min(_route_points(day, group, inner_w, _route_budget(group, room)) for group in day.groups)
    cells = []
    for index, group in enumerate(day.groups[page * CARDS_PER_PAGE:(page + 1) * CARDS_PER_PAGE]):
        row, column = divmod(index, CARD_COLUMNS)
        cell = QRectF(MARGIN + column * cell_w, MARGIN + row * cell_h, cell_w, cell_h)
        painter.save()
        painter.setClipRect(cell)  # a card never prints onto its neighbour
        _draw_card(painter, day, group, cell, points)
        painter.restore()
        cells.append(cell)
    _cut_lines(painter, cells)


ROUTE_SIZES = (16, 15, 14, 13, 12, 11, 10)
CARD_GAP = 45.0  # between the parts of a card


def _route_budget(group: GroupView, room: float) -> float:
    """The route may take what the members leave at 12 pt, one a line, and half the card at least."""
    head_h = QFontMetricsF(print_font(13, bold=True)).height()
    members_h = head_h + 10 + max(1, len(group.members)) * QFontMetricsF(print_font(12)).height() + CARD_GAP
    return max(room * 0.5, room - members_h)


def _route_rows(day: DayPlan, group: GroupView, width: float, points: float, most: int):
    """The route at ``points``: (font, bold font, number's width, time's width, station's x, line height,
    rows of (block, station's name, its lines or None when they need more than ``most``), height)."""
    head_h = QFontMetricsF(print_font(13, bold=True)).height()
    font, bold = print_font(points), print_font(points, bold=True)
    times = any(block.start for block in day.blocks)
    number_w = QFontMetricsF(bold).horizontalAdvance("00.")
    time_w = QFontMetricsF(font).horizontalAdvance("00:00") if times else 0.0
    station_x = number_w + 25 + (time_w + 35 if times else 0.0)
    line_h = QFontMetricsF(bold).height()
    rows = []
    for block in day.blocks:
        station = day.station_of(block.number, group.id)
        name = station.name if station else NONE
        rows.append((block, name, _wrapped(name, bold, width - station_x, most)))
    height = head_h + 15 + sum((len(lines) if lines else most) * line_h + 0.25 * line_h for _b, _n, lines in rows)
    return font, bold, number_w, time_w, station_x, line_h, rows, height


def _route_points(day: DayPlan, group: GroupView, width: float, budget: float) -> float:
    """The largest size in which the route fits ``budget``: every station's name on one line if that
    can be (16 pt down to 13 pt), else in up to three lines; else the largest that fits at all."""
    for sizes, most in ((ROUTE_SIZES[:4], 1), (ROUTE_SIZES, 3)):
        for points in sizes:
            *_, rows, height = _route_rows(day, group, width, points, most)
            if height <= budget and all(lines is not None for _b, _n, lines in rows):
                return points
    return next((p for p in ROUTE_SIZES if _route_rows(day, group, width, p, 3)[-1] <= budget), ROUTE_SIZES[-1])


def _draw_card(painter: QPainter, day: DayPlan, group: GroupView, cell: QRectF, points: float) -> None:
    x, width = cell.left() + CARD_PAD, cell.width() - 2 * CARD_PAD
    top, bottom = cell.top() + CARD_PAD, cell.bottom() - CARD_PAD

    # The name on a band of the group's colour, outlined so white or yellow still shows as a band.
    band = QRectF(x, top, width, BAND_H)
    colour = _colour(group)
    painter.fillRect(band, colour)
    painter.setPen(QPen(INK, 5))
    painter.drawRect(band)
    font, fits = _fit_font(group.name, width - 60, (40, 36, 32, 28), bold=True)
    lines = [group.name]
    if not fits:  # a long name: two or three lines
        font, lines = _fit_block(group.name, width - 60, BAND_H - 10, (28, 24, 20, 18), bold=True, most=3)
    painter.setPen(QPen(_ink_on(colour), 1))
    painter.setFont(font)
    painter.drawText(band.adjusted(30, 5, -30, -5), int(Qt.AlignmentFlag.AlignCenter), "\n".join(lines))
    painter.setPen(QPen(INK, 1))
    y = band.bottom() + CARD_GAP

    # The route at the foot of the card; the members between the band and the route.
    head_font = print_font(13, bold=True)
    head_h = QFontMetricsF(head_font).height()
    most = 1 if all(lines for _b, _n, lines in _route_rows(day, group, width, points, 1)[6]) else 3
    font, bold, number_w, time_w, station_x, line_h, rows, route_h = _route_rows(day, group, width, points, most)
    route_top = max(y + head_h + 10, bottom - route_h)
    names_top = y + head_h + 10
    members = tr("Members ({n})").format(n=len(group.members)) if group.members else tr("Members")
    _text(painter, head_font, x, y, members, width)
    if group.members:
        _draw_names(painter, group.members, x, names_top, width, route_top - CARD_GAP - names_top)
    else:
        _text(painter, print_font(13, italic=True), x, names_top, tr("No one yet"), width)

    painter.setPen(QPen(INK, 3))
    painter.drawLine(QPointF(x, route_top - 25), QPointF(x + width, route_top - 25))
    painter.setPen(QPen(INK, 1))
    _text(painter, head_font, x, route_top, tr("Our route today"), width)
    row_y = route_top + head_h + 15
    painter.save()
    painter.setClipRect(QRectF(x, route_top, width, bottom - route_top))  # a route of a dozen blocks is cut
    for block, name, lines in rows:
        _text(painter, bold, x + number_w, row_y, f"{block.number}.", right=True)
        if time_w:
            _text(painter, font, x + number_w + 25 + time_w, row_y, clock(block.start), right=True)
        lines = lines or wrap_lines(name, bold, width - station_x, most)  # too long even so: the last elided
        _lines(painter, bold, x + station_x, row_y, lines, width - station_x)
        row_y += len(lines) * line_h + 0.25 * line_h
    painter.restore()


# -- station signs ----------------------------------------------------------------------------------------


def _draw_sign(painter: QPainter, day: DayPlan, page: int) -> None:
    station = day.stations[page]
    width, height = LANDSCAPE
    left, right = MARGIN, width - MARGIN
    full_w = right - left
    footer_top = _footer(painter, day, width, height,
                         tr("Station {n} of {count}").format(n=page + 1, count=len(day.stations)))

    # The name as large as fits one line (80 pt down to 48 pt), else two or three lines.
    y = MARGIN
    font, fits = _fit_font(station.name, full_w, (80, 72, 64, 56, 48), bold=True)
    lines = [station.name]
    if not fits:
        font, lines = _fit_block(station.name, full_w, 600, (56, 48, 40, 36), bold=True, most=3)
    y += _lines(painter, font, left, y, lines, full_w)
    if station.kind:
        y += 5 + _text(painter, print_font(22), left, y + 5, _kind_station_words(station.kind), full_w)
    y += 30
    painter.setPen(QPen(INK, 8))
    painter.drawLine(QPointF(left, y), QPointF(right, y))
    painter.setPen(QPen(INK, 1))
    body_top = y + 60
    body_bottom = footer_top - 50
    painter.save()
    painter.setClipRect(QRectF(left, body_top - 10, full_w, body_bottom - body_top + 10))
    _sign_details(painter, station, QRectF(left, body_top, 1150.0, body_bottom - body_top))
    _sign_table(painter, day, station, QRectF(left + 1270.0, body_top, full_w - 1270.0, body_bottom - body_top))
    painter.restore()


def _sign_details(painter: QPainter, station: StationView, area: QRectF) -> None:
    """Who is here to help, what to do, how many seats and devices: the activity takes the room left."""
    x, width = area.left(), area.width()
    label_font = print_font(14, bold=True)
    label_h = QFontMetricsF(label_font).height()
    y = area.top()
    adult_font, adult = _fit_block(_adult_words(station.adult), width, 400, (20,), bold=True)
    y += _lines(painter, adult_font, x, y, adult, width) + 50
    seats = _seats_words(station)
    seats_font = print_font(20)
    seats_lines = wrap_lines(seats, seats_font, width, 2) if seats else []
    seats_h = label_h + 5 + len(seats_lines) * QFontMetricsF(seats_font).height() + 50 if seats else 0.0
    if station.activity:
        y += _text(painter, label_font, x, y, tr("Today's activity"), width) + 5
        font, lines = _fit_block(station.activity, width, area.bottom() - seats_h - y - 50, (20, 18, 16, 14),
                                 most=12)
        y += _lines(painter, font, x, y, lines, width) + 50
    if seats:
        y += _text(painter, label_font, x, y, tr("Seats and devices"), width) + 5
        _lines(painter, seats_font, x, y, seats_lines, width)


def _sign_table(painter: QPainter, day: DayPlan, station: StationView, area: QRectF) -> None:
    """Which group is here in each block: number, start time, the group's colour and name."""
    x, right = area.left(), area.right()
    label_font = print_font(14, bold=True)
    times = any(block.start for block in day.blocks)
    y = area.top() + QFontMetricsF(label_font).height() + 15
    row_h = min(220.0, (area.bottom() - y) / len(day.blocks))
    points = max(10.0, min(24.0, row_h * 0.55 / PT / 1.17))  # the row's height decides the type
    font, bold = print_font(points), print_font(points, bold=True)
    text_h = QFontMetricsF(font).height()
    time_x = x + max(200.0, QFontMetricsF(bold).horizontalAdvance("00") + 60)
    starts = tr("Starts")
    group_x = time_x + max(QFontMetricsF(label_font).horizontalAdvance(starts),
                           QFontMetricsF(font).horizontalAdvance("00:00")) + 50 if times else time_x
    _text(painter, label_font, x, area.top(), tr("Block"), time_x - x)
    if times:
        _text(painter, label_font, time_x, area.top(), starts, group_x - time_x)
    _text(painter, label_font, group_x, area.top(), tr("Group here"), right - group_x)
    painter.setPen(QPen(INK, 4))
    painter.drawLine(QPointF(x, y), QPointF(right, y))
    box = min(80.0, text_h)
    name_x = group_x + box + 30
    # One size for every group's name: the largest in which all fit the row, two lines at most.
    sizes = [p for p in (24, 22, 20, 18, 16, 14, 12, 10) if p <= points] or [10]
    name_font = next((print_font(p, bold=True) for p in sizes
                      if all(_wrapped(g.name, print_font(p, bold=True), right - name_x,
                                      max(1, min(2, int((row_h - 10) // QFontMetricsF(print_font(p)).height()))))
                             is not None for g in day.groups)), print_font(sizes[-1], bold=True))
    name_h = QFontMetricsF(name_font).height()
    for block in day.blocks:
        text_top = y + (row_h - text_h) / 2
        group = day.group_at(block.number, station.id)
        painter.setPen(QPen(INK, 1))
        _text(painter, bold, x + 10, text_top, str(block.number), time_x - x - 20)
        if times:
            _text(painter, font, time_x, text_top, clock(block.start), group_x - time_x)
        if group is not None:
            _swatch(painter, group, QRectF(group_x, y + (row_h - box) / 2, box, box))
            lines = wrap_lines(group.name, name_font, right - name_x, max(1, min(2, int((row_h - 10) // name_h))))
            _lines(painter, name_font, name_x, y + (row_h - len(lines) * name_h) / 2, lines, right - name_x)
        else:
            _text(painter, font, group_x, text_top, tr("{dash} no group").format(dash=NONE), right - group_x)
        y += row_h
        painter.setPen(QPen(INK, 2))
        painter.drawLine(QPointF(x, y), QPointF(right, y))


# -- the day's plan -------------------------------------------------------------------------------------------

BLOCK_COLUMN_W = 360.0
GRID_ROW_FLOOR, GRID_ROW_MIN, GRID_ROW_MAX = 70.0, 108.0, 230.0  # a line; a block's number over its time; most
NOTE_LINES = 6  # the notes' lines at most; more say "+ N more lines"


def _draw_plan(painter: QPainter, day: DayPlan) -> None:
    width, height = LANDSCAPE
    left, right = MARGIN, width - MARGIN
    full_w = right - left
    bottom = height - MARGIN  # no footer: the class, the plan and the day head the page

    # The title, the day, the class and the rhythm of the day.
    title_font, day_font = print_font(22, bold=True), print_font(16)
    day_words = _day_words(day)
    day_w = QFontMetricsF(day_font).horizontalAdvance(day_words)
    y = MARGIN
    _text(painter, day_font, right, y + QFontMetricsF(title_font).ascent() - QFontMetricsF(day_font).ascent(),
          day_words, right=True)
    y += _text(painter, title_font, left, y, day.title or tr("Station rotation"), full_w - day_w - 60)
    minutes = sorted({block.minutes for block in day.blocks})
    rhythm = (tr("{n} blocks of {minutes} min").format(n=len(day.blocks), minutes=minutes[0])
              if len(minutes) == 1 else tr("{n} blocks").format(n=len(day.blocks)))
    if day.transition_minutes:
        rhythm += DOT + tr("{minutes} min to switch between blocks").format(minutes=day.transition_minutes)
    y += 5 + _text(painter, print_font(14), left, y + 5, DOT.join(p for p in (day.class_title, rhythm) if p), full_w)
    y += 35

    # The room is shared in turn: each part at its least (the grid's rows one line high, a name a group,
    # a line of notes), then every note (six lines at most), every member on the list, the grid's rows
    # to two lines and then to their most. Each part keeps to its share, so none prints over the next.
    note_font, head_font = print_font(11), print_font(13, bold=True)
    note_h, head_h = QFontMetricsF(note_font).height(), QFontMetricsF(head_font).height()
    note_lines = [line for note in day.skips for line in wrap_lines(f"\u2022 {note}", note_font, full_w, 3)]
    columns = min(len(day.groups), 6)
    group_rows = math.ceil(len(day.groups) / columns)
    most_members = max(1, max(len(group.members) for group in day.groups))
    column_w = (full_w - BLOCK_COLUMN_W) / len(day.stations)
    heads = [_station_head(station, column_w) for station in day.stations]
    header_h = max(head[4] for head in heads)
    blocks = len(day.blocks)
    group_head = head_h + 10 + 25
    least = {"grid": header_h + blocks * GRID_ROW_FLOOR,
             "members": head_h + 15 + group_rows * (group_head + QFontMetricsF(print_font(10)).height()),
             "notes": head_h + 35 + note_h if note_lines else 0.0}
    share = dict(least)
    spare = bottom - y - 50 - sum(least.values())
    for part, most in (("notes", head_h + 35 + min(len(note_lines), NOTE_LINES) * note_h if note_lines else 0.0),
                       ("members", head_h + 15 + group_rows * (group_head + most_members
                                                               * QFontMetricsF(print_font(12)).height())),
                       ("grid", header_h + blocks * GRID_ROW_MIN),
                       ("grid", header_h + blocks * GRID_ROW_MAX)):
        more = max(0.0, min(spare, most - share[part]))
        share[part] += more
        spare -= more
    row_h = (share["grid"] - header_h) / blocks

    painter.save()
    painter.setClipRect(QRectF(0, y - 10, width, share["grid"] + 20))
    y = _draw_grid(painter, day, y, heads, header_h, row_h) + 50
    painter.restore()
    _draw_members(painter, day, y, share["members"], columns)
    if note_lines:  # at the foot, whatever the grid and the members took
        y = bottom - share["notes"] + 30
        shown = max(1, int((share["notes"] - head_h - 35) // note_h))
        if len(note_lines) > shown:
            note_lines = note_lines[:shown - 1] + [
                tr("+ {n} more lines of notes").format(n=len(note_lines) - shown + 1)]
        y += _text(painter, head_font, left, y, tr("Notes"), full_w) + 5
        _lines(painter, note_font, left, y, note_lines, full_w)


def _station_head(station: StationView, column_w: float):
    """A station's heading in the grid: (name's font, lines, the adult's font, lines, height). The kind
    is on the station's sign; here the name and who helps there are what a glance needs."""
    name_font, name = _fit_block(station.name, column_w - 30, 1000, (14, 13, 12, 11), bold=True, most=3)
    words = {"teacher": tr("with the teacher"), "aide": tr("with an aide")}.get(station.adult, "")
    sub_font, sub = _fit_block(words, column_w - 30, 1000, (11, 10), most=2) if words else (print_font(11), [])
    height = (20 + len(name) * QFontMetricsF(name_font).height() + len(sub) * QFontMetricsF(sub_font).height()
              + 15)
    return name_font, name, sub_font, sub, height


def _draw_grid(painter: QPainter, day: DayPlan, top: float, heads: list, header_h: float, row_h: float) -> float:
    """The blocks x stations grid from ``top``; returns its bottom."""
    left, right = MARGIN, LANDSCAPE[0] - MARGIN
    full_w = right - left
    column_w = (full_w - BLOCK_COLUMN_W) / len(day.stations)
    bottom = top + header_h + row_h * len(day.blocks)

    painter.fillRect(QRectF(left, top, full_w, header_h), QColor(235, 235, 235))  # light: any printer
    _text(painter, print_font(13, bold=True), left + 20, top + 20, tr("Block"), BLOCK_COLUMN_W - 40)
    for index, (name_font, name, sub_font, sub, _height) in enumerate(heads):
        x = left + BLOCK_COLUMN_W + index * column_w
        y = top + 20 + _lines(painter, name_font, x + 15, top + 20, name, column_w - 30)
        _lines(painter, sub_font, x + 15, y, sub, column_w - 30)

    # One size for every group's name: the largest in which all fit their cell whole.
    box = 50.0
    name_w = column_w - 30 - box - 20
    group_font = print_font(10, bold=True)
    for points in (16, 15, 14, 13, 12, 11, 10):
        font = print_font(points, bold=True)
        most = max(1, min(2, int((row_h - 16) // QFontMetricsF(font).height())))
        if all(_wrapped(group.name, font, name_w, most) is not None for group in day.groups):
            group_font = font
            break
    group_h = QFontMetricsF(group_font).height()
    most = max(1, min(2, int((row_h - 16) // group_h)))
    block_font, time_font = print_font(13, bold=True), print_font(11)
    block_h = QFontMetricsF(block_font).height() + QFontMetricsF(time_font).height()
    for row, block in enumerate(day.blocks):
        y = top + header_h + row * row_h
        length = tr("{minutes} min").format(minutes=block.minutes)
        when = DOT.join(p for p in (clock(block.start), length) if p)
        number = tr("Block {number}").format(number=block.number)
        if row_h >= block_h + 8:
            text_top = y + (row_h - block_h) / 2
            text_top += _text(painter, block_font, left + 20, text_top, number, BLOCK_COLUMN_W - 40)
            _text(painter, time_font, left + 20, text_top, when, BLOCK_COLUMN_W - 40)
        else:  # rows one line high: the number and the start (the minutes head the page)
            line = DOT.join(p for p in (number, clock(block.start)) if p)
            _text(painter, time_font, left + 20, y + (row_h - QFontMetricsF(time_font).height()) / 2, line,
                  BLOCK_COLUMN_W - 40)
        for index, station in enumerate(day.stations):
            x = left + BLOCK_COLUMN_W + index * column_w
            group = day.group_at(block.number, station.id)
            if group is None:
                _text(painter, group_font, x + 15, y + (row_h - group_h) / 2, NONE, column_w - 30)
                continue
            lines = wrap_lines(group.name, group_font, name_w, most)
            lines_top = y + (row_h - len(lines) * group_h) / 2
            _swatch(painter, group, QRectF(x + 15, lines_top + (group_h - box) / 2, box, box))
            _lines(painter, group_font, x + 15 + box + 20, lines_top, lines, name_w)

    # The rules: heavy round the grid and under the stations, light between the cells.
    painter.setPen(QPen(INK, 2))
    for row in range(1, len(day.blocks)):
        y = top + header_h + row * row_h
        painter.drawLine(QPointF(left, y), QPointF(right, y))
    for index in range(1, len(day.stations)):
        x = left + BLOCK_COLUMN_W + index * column_w
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
    painter.setPen(QPen(INK, 6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(left, top, full_w, bottom - top))
    painter.drawLine(QPointF(left, top + header_h), QPointF(right, top + header_h))
    painter.drawLine(QPointF(left + BLOCK_COLUMN_W, top), QPointF(left + BLOCK_COLUMN_W, bottom))
    painter.setPen(QPen(INK, 1))
    return bottom


def _draw_members(painter: QPainter, day: DayPlan, top: float, height: float, columns: int) -> None:
    """Each group's members in its own column, under its colour and name (two lines for a long name)."""
    left, right = MARGIN, LANDSCAPE[0] - MARGIN
    head_font = print_font(13, bold=True)
    head_h = QFontMetricsF(head_font).height()
    gap = 50.0
    column_w = (right - left - gap * (columns - 1)) / columns
    rows = math.ceil(len(day.groups) / columns)
    y = top + _text(painter, head_font, left, top, tr("Who is in each group"), right - left) + 15
    row_h = (top + height - y) / rows
    box = head_h * 0.8
    most_columns = max(1, int(column_w // 300))
    placed = []  # each group: its column's left, its row's top, its heading's font and lines
    # A long group name takes two lines when the room leaves a line for a member below them.
    heading_h = 2 * head_h if row_h >= 2 * head_h + 35 + QFontMetricsF(print_font(10)).height() else head_h
    for index, group in enumerate(day.groups):
        row, column = divmod(index, columns)
        font, lines = _fit_block(f"{group.name} ({len(group.members)})", column_w - box - 20, heading_h,
                                 (13, 12), bold=True)
        placed.append((left + column * (column_w + gap), y + row * row_h, font, lines))
    # One size for every group's list: the largest in which each fits its room.
    names_h = [row_top + row_h - 25 - (row_top + len(lines) * QFontMetricsF(font).height() + 10)
               for _x, row_top, font, lines in placed]
    points = min(_fit_names(group.members, column_w, room, (12, 11, 10), most_columns)[0]
                 for group, room in zip(day.groups, names_h, strict=True) if group.members) \
        if any(group.members for group in day.groups) else 12
    for group, (x, row_top, font, lines), room in zip(day.groups, placed, names_h, strict=True):
        painter.save()
        painter.setClipRect(QRectF(x, row_top, column_w, row_h - 20))  # a group keeps to its own room
        _swatch(painter, group, QRectF(x, row_top + (head_h - box) / 2, box, box))
        painter.setPen(QPen(INK, 1))
        top_of_names = row_top + _lines(painter, font, x + box + 20, row_top, lines, column_w - box - 20) + 10
        _draw_names(painter, group.members, x, top_of_names, column_w, room, sizes=(points,),
                    most_columns=most_columns)
        painter.restore()


# -- paper, printer and preview --------------------------------------------------------------------------


def render_page(day: DayPlan, what: str, page: int = 0, width_px: int | None = None) -> QImage:
    """A page as an image ``width_px`` wide; None: A4 at 150 dpi (1240 px portrait, 1754 landscape)."""
    width, height = page_size(what)
    width_px = width_px or round(width / 254 * PREVIEW_DPI)
    height_px = round(width_px * height / width)
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    image.fill(PAPER)
    painter = QPainter(image)
    try:
        paint(painter, QRectF(0, 0, width_px, height_px), day, what, page)
    finally:
        painter.end()
    return image


def _a4_layout(what: str) -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation(what), QMarginsF(0, 0, 0, 0),
                       QPageLayout.Unit.Millimeter)


def _title(day: DayPlan, what: str) -> str:
    return DOT.join(p for p in (printable_name(what).capitalize(), day.class_title, day.title, day_text(day.day)) if p)


def _write_pdf(day: DayPlan, what: str, target: Path) -> int:
    writer = QPdfWriter(str(target))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(_a4_layout(what))
    writer.setTitle(_title(day, what))
    writer.setCreator("plclassroom")
    painter = QPainter()
    if not painter.begin(writer):
        raise RotationWriteError(tr("The {what} could not be drawn in {folder}.").format(
            what=printable_name(what), folder=target.parent))
    pages = 0
    try:
        for page in range(page_count(day, what)):
            if page:
                writer.newPage()
            paint(painter, QRectF(0, 0, writer.width(), writer.height()), day, what, page)
            pages += 1
    finally:
        finished = painter.end()  # writes the PDF's trailer and closes the file
    if not finished:
        raise RotationWriteError(tr("The {what} could not be finished.").format(what=printable_name(what)))
    return pages


def _save_error(error: OSError, what: str, path: Path) -> RotationWriteError:
    if isinstance(error, FileNotFoundError):
        reason = tr("the folder {folder} does not exist").format(folder=path.parent)
    elif isinstance(error, PermissionError):
        reason = tr("this computer does not let the app save in {folder}").format(folder=path.parent)
    elif isinstance(error, IsADirectoryError):
        reason = tr("{path} is a folder").format(path=path)
    else:
        reason = error.strerror or str(error)
    saved = tr("The {what} could not be saved: {reason}.").format(what=printable_name(what), reason=reason)
    return RotationWriteError(saved + " " + tr("Choose another place to save them."))


def write_pdf(day: DayPlan, what: str, path: Path) -> int:
    """``what`` as one PDF at ``path`` (A4); returns the pages written. The file at ``path`` is
    replaced whole or not at all; a file that cannot be saved raises ``RotationWriteError``."""
    path = Path(path)
    _check(day, what)
    if not path.parent.is_dir():  # said before drawing anything
        raise _save_error(FileNotFoundError(path.parent), what, path)
    try:
        with tempfile.TemporaryDirectory(prefix="plclassroom-rotation-") as folder:
            drawn = Path(folder) / "rotation.pdf"
            pages = _write_pdf(day, what, drawn)
            with drawn.open("rb") as source, atomic_write(path) as handle:
                shutil.copyfileobj(source, handle)
    except RotationWriteError:
        raise
    except OSError as error:
        raise _save_error(error, what, path) from error
    return pages


def setup_printer(printer: QPrinter, what: str) -> None:
    """A4, turned the way ``what`` is laid out, the whole sheet ours (our 15 mm margins are wider than
    any printer's unprintable edge)."""
    printer.setFullPage(True)
    printer.setPageLayout(_a4_layout(what))
    printer.setDocName(printable_name(what).capitalize())


def print_pages(printer: QPrinter, day: DayPlan, what: str) -> int:
    """Every page of ``what`` on ``printer`` (a real printer, a PDF printer or the preview's);
    returns the pages painted. The printer's paper and orientation are left as they are."""
    _check(day, what)
    painter = QPainter()
    if not painter.begin(printer):
        raise RotationWriteError(tr("The printer could not start printing the {what}.").format(
            what=printable_name(what)))
    pages = 0
    try:
        # With the full page, (0, 0) is the paper's corner; else the printable area's.
        area = printer.paperRect(QPrinter.Unit.DevicePixel) if printer.fullPage() \
            else printer.pageRect(QPrinter.Unit.DevicePixel)
        for page in range(page_count(day, what)):
            if page:
                printer.newPage()
            paint(painter, QRectF(0, 0, area.width(), area.height()), day, what, page)
            pages += 1
    finally:
        painter.end()
    return pages


def print_preview(parent, day: DayPlan, what: str) -> QPrintPreviewDialog:
    """A print preview of ``what`` (A4, turned the right way), built but not shown: the caller calls
    ``.exec()`` or ``.open()``. Its Print button prints through the same ``paint``."""
    _check(day, what)
    dialog = QPrintPreviewDialog(parent)  # its own printer, owned by the dialog
    setup_printer(dialog.printer(), what)
    dialog.setWindowTitle(tr("Print the {what}").format(what=printable_name(what)))
    dialog.paintRequested.connect(lambda printer: print_pages(printer, day, what))
    return dialog
