"""The family pack on paper: one A4 page to take home, in English or Spanish.

What goes on it is gathered by ``services.family_pack`` (only what may go home: never a private or
teachers-only conference, never an accommodation). Here it is laid out in plain words and large
type (body 14 pt, nothing under 12 pt), black on white: a level is said in words and a number
("Proficient, 2.9 of 4") with a row of boxes beside it, never by colour. A long pack is set in
slightly smaller type rather than spill onto a second page.

Drawn with Qt's QPdfWriter + QPainter in 0.1 mm page units, like the paper playlist sheets, so the
same ``draw_pack`` paints the PDF and a preview image; the PDF is drawn in a temporary folder and
copied into place with ``atomic_write``: a failure leaves the file that was there untouched.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from plclassroom.interop.atomic import atomic_write
from plclassroom.services.family_pack import FamilyPack
from plclassroom.ui.i18n import tr
from plclassroom.ui.playlists.paper import (
    INK,
    MARGIN,
    PAGE_H,
    PAGE_W,
    PDF_DPI,
    print_font,
    render_a4,
    wrap_lines,
)

# The pack is written in the language the advisor picks for the family, whatever the app's own language:
# its words are these two fixed tables, not tr().
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Family pack", "made_on": "Made on", "class": "Class",  # notr
        "goals": "Our goals", "no_goals": "No goals set yet: ask about them at the next conference.",  # notr
        "measure": "How we will know", "by": "By", "status": "Status",  # notr
        "strengths": "Strengths", "no_strengths": "Not written down yet.",  # notr
        "steps": "Next steps", "no_steps": "No next steps yet.", "who": "Who",  # notr
        "notes": "What we talked about",  # notr
        "learning": "How learning is going", "no_evidence": "No evidence yet", "of": "of",  # notr
        "footer": "Questions or ideas? Talk to your child's advisor: we are glad to hear from you.",  # notr
        "student": "student", "advisor": "advisor", "family": "family", "teacher": "teacher",  # notr
        "active": "working on it", "met": "met", "revised": "revised", "dropped": "set aside",  # notr
    },
    "es": {
        "title": "Resumen para la familia", "made_on": "Preparado el", "class": "Clase",  # notr
        "goals": "Nuestras metas", "no_goals": "Aún no hay metas: pregunte por ellas en la próxima reunión.",  # notr
        "measure": "Cómo lo sabremos", "by": "Para el", "status": "Estado",  # notr
        "strengths": "Fortalezas", "no_strengths": "Aún no están anotadas.",  # notr
        "steps": "Próximos pasos", "no_steps": "Aún no hay próximos pasos.", "who": "Quién",  # notr
        "notes": "De qué hablamos",  # notr
        "learning": "Cómo va el aprendizaje", "no_evidence": "Aún sin evidencia", "of": "de",  # notr
        "footer": "¿Preguntas o ideas? Hable con el asesor de su hijo o hija: nos alegra saber de ustedes.",  # notr
        "student": "estudiante", "advisor": "asesor", "family": "familia", "teacher": "maestro",  # notr
        "active": "en progreso", "met": "cumplida", "revised": "revisada", "dropped": "dejada de lado",  # notr
    },
}
LEVEL_WORDS = {"es": {"Advanced": "Avanzado", "Proficient": "Competente", "Developing": "En desarrollo",  # notr
                      "Beginning": "Inicial", "Insufficient evidence": "Evidencia insuficiente"}}  # notr
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",  # notr
           "November", "December"],  # notr
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",  # notr
           "noviembre", "diciembre"],  # notr
}


def _words(language: str) -> dict[str, str]:
    if language not in LABELS:
        raise ValueError(f"The family pack is written in {' or '.join(LABELS)}, not {language!r}.")  # notr
    return LABELS[language]


def day_text(day: date | None, language: str = "en") -> str:
    if day is None:
        return ""
    month = MONTHS[language][day.month - 1]
    return f"{day.day} de {month} de {day.year}" if language == "es" else f"{day.day} {month} {day.year}"  # notr


# -- what the page says ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    points: float
    bold: bool = False
    italic: bool = False
    before: float = 0.0  # space above, in 0.1 mm
    indent: float = 0.0
    most: int = 3  # lines at most; the last elided


STYLES = {
    "title": Style(24, bold=True, most=2),
    "sub": Style(14, before=10, most=1),
    "heading": Style(18, bold=True, before=60, most=1),
    "item": Style(15, bold=True, before=22, indent=20, most=3),
    "detail": Style(13, indent=75, most=2),
    "bullet": Style(14, before=12, indent=20, most=2),
    "step": Style(14, before=18, indent=110, most=2),  # a tick box to its left
    "note": Style(13, before=14, indent=20, most=4),
    "level": Style(14, bold=True, before=18, indent=20, most=1),  # boxes for the level at the right
    "statement": Style(12, italic=True, indent=20, most=1),
    "empty": Style(13, italic=True, before=12, indent=20, most=2),
}
FOOTER_H = 160.0
BOX = 60.0  # the next step's tick box: 6 mm
CELL, CELL_GAP = 55.0, 12.0  # the level's boxes: 5.5 mm each


@dataclass(frozen=True)
class Block:
    style: str
    text: str
    filled: int = -1  # for a level: boxes filled (of ``boxes``); -1: no boxes
    boxes: int = 0


def _level_text(word: str, label: str, score: float | None, top: float, language: str) -> str:
    if score is None or not label:
        return word["no_evidence"]
    return f"{LEVEL_WORDS.get(language, {}).get(label, label)}, {score:.1f} {word['of']} {top:g}"


def blocks(pack: FamilyPack, language: str = "en") -> list[Block]:
    word = _words(language)
    made = [Block("title", f"{word['title']}: {pack.name}"),
            Block("sub", f"{word['made_on']} {day_text(pack.made_on, language)}")]
    made.append(Block("heading", word["goals"]))
    for number, goal in enumerate(pack.goals, 1):
        made.append(Block("item", f"{number}. \u201c{goal.statement}\u201d"))
        if goal.measure_of_success:
            made.append(Block("detail", f"{word['measure']}: {goal.measure_of_success}"))
        when = f"{word['by']} {day_text(goal.target_date, language)} \u00b7 " if goal.target_date else ""
        made.append(Block("detail", f"{when}{word['status']}: {word.get(goal.status, goal.status)}"))
    if not pack.goals:
        made.append(Block("empty", word["no_goals"]))
    made.append(Block("heading", word["strengths"]))
    made += [Block("bullet", f"\u2022 {strength}") for strength in pack.strengths]
    if not pack.strengths:
        made.append(Block("empty", word["no_strengths"]))
    made.append(Block("heading", word["steps"]))
    for step in pack.steps:
        by = f" \u00b7 {word['by']} {day_text(step.due_on, language)}" if step.due_on else ""
        made.append(Block("step", f"{step.text} \u2014 {word['who']}: {word.get(step.owner, step.owner)}{by}"))
    if not pack.steps:
        made.append(Block("empty", word["no_steps"]))
    if pack.notes:
        made.append(Block("heading", word["notes"]))
        made += [Block("note", f"{day_text(note.held_on, language)}: {note.text}") for note in pack.notes]
    if pack.class_title:
        made.append(Block("heading", f"{word['learning']} \u2014 {pack.class_title}"))
        boxes = round(pack.scale_top) if 0 < pack.scale_top <= 10 else 0
        for level in pack.levels:
            filled = 0 if level.score is None else max(0, min(boxes, round(level.score)))
            said = _level_text(word, level.label, level.score, pack.scale_top, language)
            made.append(Block("level", f"{level.code}: {said}", filled if boxes else -1, boxes))
            made.append(Block("statement", level.statement))
    return made


def pack_text(pack: FamilyPack, language: str = "en") -> list[str]:
    """The lines on the page, top to bottom (whole: the page may elide a long one)."""
    return [block.text for block in blocks(pack, language)] + [_words(language)["footer"]]


# -- the page ---------------------------------------------------------------------------------------

SCALES = (1.0, 0.94, 0.88, 0.82, 0.76)  # type shrinks this far before anything is cut


def _flow(painter: QPainter | None, made: list[Block], scale: float) -> float:
    """Lay out (and, with a painter, draw) the blocks from the top margin; returns the bottom."""
    left, right = MARGIN, PAGE_W - MARGIN
    y = MARGIN
    for block in made:
        style = STYLES[block.style]
        font = print_font(max(12.0, style.points * scale) if block.style != "title" else style.points * scale,
                     bold=style.bold, italic=style.italic)
        metrics = QFontMetricsF(font)
        y += style.before * scale
        x = left + style.indent
        bar_w = block.boxes * (CELL + CELL_GAP) if block.filled >= 0 else 0.0
        width = right - x - (bar_w + 30 if bar_w else 0)
        lines = wrap_lines(block.text, font, width, style.most)
        if painter is not None:
            painter.setPen(QPen(INK, 1))
            painter.setFont(font)
            for index, line in enumerate(lines):
                painter.drawText(QPointF(x, y + index * metrics.height() + metrics.ascent()), line)
            if block.style == "step":
                painter.setPen(QPen(INK, 5))
                painter.drawRect(QRectF(left + 25, y + (metrics.height() - BOX) / 2, BOX, BOX))
            if bar_w:
                top = y + (metrics.height() - CELL) / 2
                for n in range(block.boxes):
                    cell = QRectF(right - bar_w + CELL_GAP + n * (CELL + CELL_GAP), top, CELL, CELL)
                    painter.setPen(QPen(INK, 4))
                    painter.fillRect(cell, INK if n < block.filled else QColor(255, 255, 255))
                    painter.drawRect(cell)
        y += metrics.height() * len(lines)
        if block.style == "heading":
            y += 8
            if painter is not None:
                painter.setPen(QPen(INK, 5))
                painter.drawLine(QPointF(left, y), QPointF(right, y))
            y += 5
    return y


def draw_pack(painter: QPainter, pack: FamilyPack, language: str = "en") -> None:
    """The page in 0.1 mm units: scale the painter so (0, 0)-(2100, 2970) is the A4 page."""
    made = blocks(pack, language)
    bottom = PAGE_H - MARGIN - FOOTER_H
    scale = next((s for s in SCALES if _flow(None, made, s) <= bottom), SCALES[-1])
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, PAGE_W, PAGE_H), QColor(255, 255, 255))
    painter.setClipRect(QRectF(0, 0, PAGE_W, bottom))  # a pack too long even in small type is cut, not overprinted
    _flow(painter, made, scale)
    painter.setClipping(False)
    font = print_font(12, italic=True)
    painter.setPen(QPen(INK, 3))
    painter.drawLine(QPointF(MARGIN, bottom + 30), QPointF(PAGE_W - MARGIN, bottom + 30))
    painter.setPen(QPen(INK, 1))
    for index, line in enumerate(wrap_lines(_words(language)["footer"], font, PAGE_W - 2 * MARGIN, 2)):
        painter.setFont(font)
        painter.drawText(QPointF(MARGIN, bottom + 45 + index * QFontMetricsF(font).height()
                                 + QFontMetricsF(font).ascent()), line)
    painter.restore()


def render_page(pack: FamilyPack, language: str = "en", width_px: int = 1240) -> QImage:
    """The page as an image ``width_px`` wide (1240: A4 at 150 dpi), drawn by ``draw_pack``."""
    return render_a4(lambda painter: draw_pack(painter, pack, language), width_px)


class FamilyPackWriteError(OSError):
    """The PDF could not be written; the message is for the advisor."""


def _write_pdf(pack: FamilyPack, target: Path, language: str) -> None:
    writer = QPdfWriter(str(target))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    writer.setTitle(f"{_words(language)['title']}: {pack.name}")
    writer.setCreator("plclassroom")
    painter = QPainter()
    if not painter.begin(writer):
        raise FamilyPackWriteError(tr("The family pack could not be written to {folder}.").format(folder=target.parent))
    try:
        device = QSizeF(writer.width(), writer.height())
        painter.scale(device.width() / PAGE_W, device.height() / PAGE_H)
        draw_pack(painter, pack, language)
    finally:
        finished = painter.end()
    if not finished:
        raise FamilyPackWriteError(tr("The family pack could not be finished."))


def write_family_pack(pack: FamilyPack, path: Path, language: str = "en") -> Path:
    """One A4 page as a PDF at ``path``, replaced whole or not at all; returns the path."""
    path = Path(path)
    _words(language)
    with tempfile.TemporaryDirectory(prefix="plclassroom-family-") as folder:
        drawn = Path(folder) / "family.pdf"
        _write_pdf(pack, drawn, language)
        with drawn.open("rb") as source, atomic_write(path) as handle:
            shutil.copyfileobj(source, handle)
    return path
