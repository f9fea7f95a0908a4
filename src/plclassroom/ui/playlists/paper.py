"""Paper playlist sheets: one A4 page per student, for rooms where the laptops are elsewhere today.

Each sheet carries the student's name, the class, the playlist, the due date, and every item in
order with a large empty box to tick, the item's number, the title of the version THIS student gets
(a variant's title when they get a variant; "—" and a note when no version suits them), its kind,
minutes, whether it is a must-do or a may-do, and a short code the teacher can find on screen to
record progress later. A line for the student's reflection closes the sheet.

The code is the item's number and the start of the student's id: "3·a1b2" is item 3 on the sheet
of the student whose id starts a1b2. Four characters tell the students of a class apart almost
always; when two students of the board share them, every code of that board gets one more
(``student_tags``). ``lookup_code`` reads a code back, typed with a dot, a space or a dash for the
middle dot, which no keyboard has.

Drawn with Qt's own print support (QPdfWriter + QPainter) in a page of 0.1 mm units, so the same
``draw_sheet`` paints the PDF and a preview image. Type is large (item titles 16 pt, nothing under
10 pt), nothing is said by colour alone (a must-do says "MUST DO" and has a solid box; a may-do says
"may do" and has a dashed one), and the margins (15 mm) are wider than any printer's unprintable
edge. The variant's label and the reason it was chosen are never printed: they can name a
student's accommodation (an IEP), which a sheet lying on a desk must not.

A sheet with more items than fit one page (more than ``ITEMS_PER_PAGE_MAX``) continues on a second
page with the same header ("page 2 of 2"); ``write_sheets`` returns the number of pages written.
The PDF is written to a temporary folder and then copied into place with ``atomic_write``: a
failure leaves the file that was there untouched.
"""

from __future__ import annotations

import math
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
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
    QTextLayout,
)

from plclassroom.interop.atomic import atomic_write
from plclassroom.services.playlists import BoardRow, ItemView
from plclassroom.ui.i18n import date_format_text, tr
from plclassroom.ui.playlists.editor import kind_text

# -- what a sheet says ---------------------------------------------------------------------------------

TAG_LENGTH = 4  # characters of the student's id in a code
SEPARATOR = "\u00b7"  # the middle dot between item number and tag: "3·a1b2"
NO_VERSION = "\u2014"


def must_do() -> str:
    return tr("MUST DO")


def may_do() -> str:
    return tr("may do")


def no_version_note() -> str:
    """The note by an item no version of which suits the student."""
    return tr("Ask your teacher what to do here.")


def reflection_prompt() -> str:
    return tr("My reflection: what did I learn, and what will I do next?")


def instruction() -> str:
    return tr("Tick the box when you finish an item. Do the MUST DO items first.")


_TEXTS = {"MUST_DO": must_do, "MAY_DO": may_do, "NO_VERSION_NOTE": no_version_note,
          "REFLECTION_PROMPT": reflection_prompt, "INSTRUCTION": instruction}


def __getattr__(name: str) -> str:
    """The sheet's fixed texts by their constant names (``paper.REFLECTION_PROMPT``), in the language
    chosen when they are read."""
    if name in _TEXTS:
        return _TEXTS[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")  # notr


class SheetError(ValueError):
    """Sheets that cannot be made; the message is for the teacher."""


@dataclass(frozen=True)
class SheetItem:
    number: int  # 1, 2, 3 ... as printed
    code: str  # "3·a1b2"
    title: str  # the title of the version this student gets; NO_VERSION when none suits
    kind: str
    minutes: int | None
    required: bool
    note: str = ""  # no_version_note() when no version suits

    @property
    def missing(self) -> bool:
        return bool(self.note)

    @property
    def details(self) -> str:
        """ "video · 8 min · MUST DO" """
        parts = [kind_text(self.kind)]
        if self.minutes:
            parts.append(tr("{minutes} min").format(minutes=self.minutes))
        parts.append(must_do() if self.required else may_do())
        return " \u00b7 ".join(parts)


@dataclass(frozen=True)
class Sheet:
    student_id: str
    name: str
    tag: str
    class_title: str
    playlist_title: str
    due: date | None
    items: list[SheetItem]


def student_tags(board: list[BoardRow]) -> dict[str, str]:
    """Each student's tag: the first TAG_LENGTH characters of their id, or as many more as it takes
    for every student on the board to have their own (the same length for all)."""
    ids = [row.student_id for row in board]
    length = TAG_LENGTH
    longest = max((len(i) for i in ids), default=TAG_LENGTH)
    while length < longest and len({i[:length] for i in ids}) < len(set(ids)):
        length += 1
    return {i: i[:length] for i in ids}


def item_code(number: int, tag: str) -> str:
    return f"{number}{SEPARATOR}{tag}"


def code_meaning(tag_length: int = TAG_LENGTH) -> str:
    return tr("Codes: the item number, then the first {n} characters of the student's id ({example} is "
              "item 3 for the student whose id starts a1b2). On a keyboard, type 3.a1b2 or 3 a1b2.").format(
        n=tag_length, example=f"3{SEPARATOR}a1b2")


def day_text(day: date | None) -> str:
    return date_format_text(day, "d MMMM yyyy") if day else "____________"  # notr: a Qt date pattern


def _sheet_item(base: ItemView, version: ItemView | None, tag: str) -> SheetItem:
    number = base.position + 1
    if version is None:
        return SheetItem(number, item_code(number, tag), NO_VERSION, base.kind, base.minutes, base.required,
                         no_version_note())
    # The version's own kind and minutes (a read-aloud variant may take longer); must-do is the base's.
    return SheetItem(number, item_code(number, tag), version.title, version.kind or base.kind,
                     version.minutes if version.minutes is not None else base.minutes, base.required)


def sheets(board: list[BoardRow], playlist_id: str, class_title: str = "", due: date | None = None) -> list[Sheet]:
    """One sheet per student assigned the playlist, in the board's order (by family name)."""
    tags = student_tags(board)
    made = []
    for row in board:
        assigned = next((p for p in row.playlists if p.playlist_id == playlist_id), None)
        if assigned is None:  # not given this playlist (assigned to a group, or to single students)
            continue
        tag = tags[row.student_id]
        items = [_sheet_item(base, version, tag)
                 for base, version, _status in sorted(assigned.items, key=lambda entry: entry[0].position)]
        made.append(Sheet(row.student_id, row.name, tag, class_title, assigned.title, due, items))
    return made


def sheet_text(board: list[BoardRow], playlist_id: str, student_id: str, class_title: str = "",
               due: date | None = None) -> list[str]:
    """The lines on one student's sheet, top to bottom (a plain-text preview); [] when the student
    was not given the playlist."""
    sheet = next((s for s in sheets(board, playlist_id, class_title, due) if s.student_id == student_id), None)
    if sheet is None:
        return []
    lines = [sheet.playlist_title, tr("Name: {name}").format(name=sheet.name)]
    if sheet.class_title:
        lines.append(tr("Class: {name}").format(name=sheet.class_title))
    lines += [tr("Due: {date}").format(date=day_text(sheet.due)), instruction()]
    for item in sheet.items:
        title = f"{item.title} ({item.note})" if item.missing else item.title
        code = tr("code {code}").format(code=item.code)
        lines.append(f"[ ] {item.number}. {title} \u2014 {item.details} \u2014 {code}")
    lines += [f"{reflection_prompt()} ________________________________", code_meaning(len(sheet.tag))]
    return lines


def lookup_code(board: list[BoardRow], playlist_id: str, code: str) -> tuple[str, ItemView] | None:
    """The student and (base) item a code from a sheet names: "3·a1b2", "3.a1b2", "3 a1b2",
    "3-A1B2"; None when it names no one (or more than one student, which a shorter code can)."""
    match = re.fullmatch(r"\s*(\d+)\s*[\u00b7.\-: ]\s*([0-9A-Za-z-]+)\s*", code)
    if not match:
        return None
    number, tag = int(match.group(1)), match.group(2).lower()
    found = [row for row in board if row.student_id.lower().startswith(tag)
             and any(p.playlist_id == playlist_id for p in row.playlists)]
    if len(found) != 1:
        return None
    assigned = next(p for p in found[0].playlists if p.playlist_id == playlist_id)
    base = next((b for b, _v, _s in assigned.items if b.position + 1 == number), None)
    return None if base is None else (found[0].student_id, base)


# -- the page ---------------------------------------------------------------------------------------
# Logical units: 0.1 mm. A4 is 2100 x 2970.

PAGE_W, PAGE_H = 2100.0, 2970.0
MARGIN = 150.0  # 15 mm on every side
PT = 3.5278  # units per typographic point
ITEMS_TOP = 610.0
REFLECTION_H = 400.0  # the prompt and three lines at least
REFLECTION_LINE = 105.0  # 10.5 mm between the lines to write on
FOOTER_H = 150.0
ROW_MAX, ROW_MIN, ROW_PAD = 300.0, 190.0, 15.0
BOX = 120.0  # the tick box: 12 mm
CODE_W = 360.0
ITEMS_BOTTOM = PAGE_H - MARGIN - FOOTER_H - REFLECTION_H - 40.0
ITEMS_PER_PAGE_MAX = int((ITEMS_BOTTOM - ITEMS_TOP) // ROW_MIN)
INK = QColor(0, 0, 0)
SANS = ["Atkinson Hyperlegible", "Verdana", "DejaVu Sans", "Arial", "Helvetica", "Liberation Sans"]  # notr: fonts
MONO = ["DejaVu Sans Mono", "Consolas", "Menlo", "Liberation Mono", "Courier New"]  # notr: font families


def print_font(points: float, bold: bool = False, mono: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(MONO if mono else SANS)
    font.setStyleHint(QFont.StyleHint.TypeWriter if mono else QFont.StyleHint.SansSerif)
    font.setPixelSize(round(points * PT))  # pixels of the page's units: the same size on paper and preview
    font.setBold(bold)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # the PDF and the PNG break lines alike
    return font


def wrap_lines(text: str, font: QFont, width: float, most: int) -> list[str]:
    """``text`` broken into lines ``width`` wide; at most ``most``, the last elided with "…"."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    if len(lines) > most:
        rest = "".join(lines[most - 1:]).strip()
        lines = lines[:most - 1] + [QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)]
    return [line.strip() for line in lines] or [""]


def _text(painter: QPainter, font: QFont, x: float, top: float, text: str, width: float | None = None,
          right: bool = False) -> float:
    """One line of text whose top is at ``top``; elided to ``width``; returns the line's height."""
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    if width is not None:
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    if right:
        x -= metrics.horizontalAdvance(text)
    painter.drawText(QPointF(x, top + metrics.ascent()), text)
    return metrics.height()


def page_count(sheet: Sheet) -> int:
    return max(1, math.ceil(len(sheet.items) / ITEMS_PER_PAGE_MAX))


def page_items(sheet: Sheet, page: int) -> list[SheetItem]:
    """The items on page ``page``: shared evenly between the pages (13 items: 7 and 6)."""
    per_page = max(1, math.ceil(len(sheet.items) / page_count(sheet)))
    return sheet.items[page * per_page:(page + 1) * per_page]


def draw_sheet(painter: QPainter, sheet: Sheet, page: int = 0) -> None:
    """Page ``page`` of a sheet, in 0.1 mm units: scale the painter so (0, 0)-(2100, 2970) is the A4 page."""
    pages = page_count(sheet)
    items = page_items(sheet, page)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, PAGE_W, PAGE_H), QColor(255, 255, 255))
    painter.setPen(QPen(INK, 1))
    left, right, width = MARGIN, PAGE_W - MARGIN, PAGE_W - 2 * MARGIN

    # The header: the playlist, the student, the class and the due date.
    y = MARGIN
    title_font = print_font(22, bold=True)
    if QFontMetricsF(title_font).horizontalAdvance(sheet.playlist_title) > width:  # a long title: two smaller lines
        title_font = print_font(18, bold=True)
    for line in wrap_lines(sheet.playlist_title, title_font, width, 2):
        y += _text(painter, title_font, left, y, line, width)
    y += 25
    name_font = print_font(18, bold=True)
    due_font = print_font(16)
    due = tr("Due: {date}").format(date=day_text(sheet.due))
    due_w = QFontMetricsF(due_font).horizontalAdvance(due)
    _text(painter, due_font, right, y + 5, due, right=True)
    y += _text(painter, name_font, left, y, tr("Name: {name}").format(name=sheet.name), width - due_w - 60) + 10
    info = tr("Class: {name}").format(name=sheet.class_title) if sheet.class_title else ""
    if pages > 1:
        _text(painter, print_font(14), right, y, tr("page {page} of {pages}").format(page=page + 1, pages=pages),
              right=True)
    y += _text(painter, print_font(14), left, y, info, width - 400) + 20
    _text(painter, print_font(12, italic=True), left, y, instruction(), width)
    painter.setPen(QPen(INK, 6))
    painter.drawLine(QPointF(left, ITEMS_TOP - 25), QPointF(right, ITEMS_TOP - 25))

    # The items, as tall as the page allows (30 mm at most) so a few items are not lost in white space.
    row_h = max(ROW_MIN, min(ROW_MAX, (ITEMS_BOTTOM - ITEMS_TOP) / max(1, len(items))))
    for index, item in enumerate(items):
        _draw_item(painter, item, ITEMS_TOP + index * row_h, row_h)
        painter.setPen(QPen(INK, 2))
        painter.drawLine(QPointF(left, ITEMS_TOP + (index + 1) * row_h), QPointF(right, ITEMS_TOP + (index + 1) * row_h))

    # The reflection, on the last page; the codes explained, on every page.
    if page == pages - 1:  # right under the items, with as many lines to write on as the page holds
        top = min(ITEMS_TOP + len(items) * row_h + 90, PAGE_H - MARGIN - FOOTER_H - REFLECTION_H)
        painter.setPen(QPen(INK, 1))
        _text(painter, print_font(14, bold=True), left, top, reflection_prompt(), width)
        painter.setPen(QPen(INK, 3))
        ruled = top + 170
        while ruled <= PAGE_H - MARGIN - FOOTER_H:
            painter.drawLine(QPointF(left, ruled), QPointF(right, ruled))
            ruled += REFLECTION_LINE
    else:
        _text(painter, print_font(14, bold=True), right, ITEMS_TOP + len(items) * row_h + 40,
              tr("Continued on page {page} →").format(page=page + 2), right=True)
    footer_font = print_font(10)
    painter.setPen(QPen(INK, 1))
    painter.setFont(footer_font)
    footer = QRectF(left, PAGE_H - MARGIN - FOOTER_H + 30, width, FOOTER_H - 30)
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap),
                     code_meaning(len(sheet.tag)))
    painter.restore()


def _draw_item(painter: QPainter, item: SheetItem, top: float, height: float) -> None:
    left, right = MARGIN, PAGE_W - MARGIN
    title_font, number_font, details_font = print_font(16, bold=True), print_font(18, bold=True), print_font(13)
    note_font = print_font(13, italic=True)
    title_x = left + BOX + 50 + QFontMetricsF(number_font).horizontalAdvance("00.") + 20
    title_w = right - CODE_W - 40 - title_x
    title_h, details_h = QFontMetricsF(title_font).height(), QFontMetricsF(details_font).height()
    most = max(1, min(3, int((height - 2 * ROW_PAD - 10 - details_h) // title_h)))  # as many as the row holds
    title_lines = wrap_lines(item.title, title_font, title_w, most)
    block = title_h * len(title_lines) + 10 + details_h
    y = top + (height - block) / 2

    # The tick box, level with the title: solid for a must-do, dashed for a may-do.
    box_top = top + (height - BOX) / 2
    pen = QPen(INK, 7 if item.required else 5)
    pen.setStyle(Qt.PenStyle.SolidLine if item.required else Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(left + 4, box_top, BOX, BOX))

    painter.setPen(QPen(INK, 1))
    number_top = y + (title_h - QFontMetricsF(number_font).height()) / 2
    _text(painter, number_font, title_x - 20, number_top, f"{item.number}.", right=True)
    line_y = y
    for line in title_lines:
        line_y += _text(painter, title_font, title_x, line_y, line, title_w)
    if item.missing:  # "—  Ask your teacher what to do here." on the title's line
        dash_w = QFontMetricsF(title_font).horizontalAdvance(f"{NO_VERSION}  ")
        note_top = y + QFontMetricsF(title_font).ascent() - QFontMetricsF(note_font).ascent()
        _text(painter, note_font, title_x + dash_w, note_top, item.note, title_w - dash_w)
    line_y += 10
    _text(painter, details_font, title_x, line_y, item.details, title_w)

    # The code, boxed at the right, for the teacher.
    code_font, label_font = print_font(15, bold=True, mono=True), print_font(10)
    code_h, label_h = QFontMetricsF(code_font).height(), QFontMetricsF(label_font).height()
    box = QRectF(right - CODE_W, top + (height - (code_h + label_h + 30)) / 2, CODE_W, code_h + label_h + 30)
    painter.setPen(QPen(INK, 3))
    painter.drawRoundedRect(box, 20, 20)
    painter.setPen(QPen(INK, 1))
    painter.setFont(label_font)
    painter.drawText(QRectF(box.left(), box.top() + 10, box.width(), label_h),
                     int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), tr("code"))
    painter.setFont(code_font)
    code = QFontMetricsF(code_font).elidedText(item.code, Qt.TextElideMode.ElideRight, CODE_W - 20)
    painter.drawText(QRectF(box.left(), box.top() + 10 + label_h, box.width(), code_h + 10),
                     int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), code)


def render_page(sheet: Sheet, page: int = 0, width_px: int = 1240) -> QImage:
    """A page as an image ``width_px`` wide (1240: A4 at 150 dpi), drawn by ``draw_sheet``."""
    return render_a4(lambda painter: draw_sheet(painter, sheet, page), width_px)


def render_a4(draw, width_px: int = 1240) -> QImage:
    """An A4 page drawn by ``draw(painter)`` (in the page's own units), as an image for a preview."""
    height_px = round(width_px * PAGE_H / PAGE_W)
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    try:
        painter.scale(width_px / PAGE_W, height_px / PAGE_H)
        draw(painter)
    finally:
        painter.end()
    return image


# -- the file ---------------------------------------------------------------------------------------

PDF_DPI = 300


def _write_pdf(made: list[Sheet], target: Path, title: str) -> int:
    writer = QPdfWriter(str(target))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("plclassroom")
    painter = QPainter()
    if not painter.begin(writer):
        raise SheetError(tr("The sheets could not be written to {folder}.").format(folder=target.parent))
    pages, finished = 0, False
    try:
        device = QSizeF(writer.width(), writer.height())
        for sheet in made:
            for page in range(page_count(sheet)):
                if pages:
                    writer.newPage()
                painter.resetTransform()
                painter.scale(device.width() / PAGE_W, device.height() / PAGE_H)
                draw_sheet(painter, sheet, page)
                pages += 1
    finally:
        finished = painter.end()  # writes the PDF's trailer and closes the file
    if not finished:
        raise SheetError(tr("The sheets could not be finished."))
    return pages


def write_sheets(board: list[BoardRow], playlist_id: str, class_title: str, path: Path,
                 due: date | None = None) -> int:
    """One PDF, one A4 page per student given the playlist (more for a very long playlist); returns
    the pages written. The file at ``path`` is replaced whole or not at all."""
    path = Path(path)
    made = sheets(board, playlist_id, class_title, due)
    if not made:
        raise SheetError(tr("No student in this class has that playlist: assign it first."))
    title = f"{made[0].playlist_title} \u2014 {class_title}" if class_title else made[0].playlist_title
    with tempfile.TemporaryDirectory(prefix="plclassroom-sheets-") as folder:
        drawn = Path(folder) / "sheets.pdf"
        pages = _write_pdf(made, drawn, title)
        with drawn.open("rb") as source, atomic_write(path) as handle:
            shutil.copyfileobj(source, handle)
    return pages
