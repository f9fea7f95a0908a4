"""Printed station-rotation materials: group cards, station signs and the day's plan, as PDFs, on a
printer through the print preview, and as preview images.

The pages are saved as PNGs to $PLCLASSROOM_TEST_ARTIFACTS when it is set (else the test's temporary
folder), so a person can look at them.
"""

from __future__ import annotations

import math
import os
import re
import zlib
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

from plclassroom.services.rotations import BlockView, DayPlan, GroupView, StationView
from plclassroom.ui.rotations import printing
from tests.conftest import page_count

pytestmark = pytest.mark.gui

GROUPS = [
    ("Red Foxes", "#d62728", ["Amara Okafor", "Ben Carter", "Chloe Nguyen", "Diego Hernández", "Elif Yılmaz",
                               "Finn O'Brien"]),
    ("Blue Whales", "#1f77b4", ["Grace Kim", "Hassan Ali", "Isla Murphy", "Jonah Levi", "Kaito Sato", "Lena Fischer",
                                "Mateo Rossi"]),
    ("Yellow Suns", "#ffdd00", ["Nadia Haddad", "Oscar Lindqvist", "Priya Raman", "Quinn Doyle", "Rosa Martínez",
                                "Samuel Mensah", "Tara Singh", "Umar Farouk"]),
    ("Green Turtles", "#2ca02c", ["Valentina Castillo-Ramírez", "Wei Zhang", "Xavier Dubois", "Yara Nasser",
                                  "Zoe Papadopoulos", "Aiden Walsh", "Bianca Ferreira", "Caleb Johnson",
                                  "Daria Kowalczyk"]),
]
STATIONS = [
    StationView("s1", "Teacher table", "teacher-led", "teacher", "Mini-lesson: unit rates", None, 0),
    StationView("s2", "Laptops", "independent online", "none", "Khan Academy playlist: ratios", 8, 8),
    StationView("s3", "Practice corner", "independent practice", "aide", "Practice set A", 8, 0),
    StationView("s4", "Build it together", "collaborative", "none", "", None, 0),
]
SKIP = "Blue Whales do not visit the Laptops in block 4: the laptop cart leaves at 10:00."


def make_day(groups=GROUPS, stations=STATIONS, blocks=4, start=time(9, 10)) -> DayPlan:
    views = [GroupView(f"g{n}", name, colour, tuple(members)) for n, (name, colour, members) in enumerate(groups)]
    block_views = []
    clock = start.hour * 60 + start.minute if start else 0
    for number in range(1, blocks + 1):
        block_views.append(BlockView(number, time(clock // 60, clock % 60) if start else None, 15))
        clock += 15 + 2
    where = {}
    for block in range(1, blocks + 1):  # each group moves one station on each block
        for n, group in enumerate(views):
            if stations:
                where[(block, group.id)] = stations[(n + block - 1) % len(stations)].id
    return DayPlan("plan-1", "Math 7B", "Ratios rotation", date(2026, 11, 10), block_views, 2, views,
                   list(stations), where, [SKIP])


def big_class() -> DayPlan:
    """35 students in 6 groups, 6 stations with long names, 6 blocks: the most a page must hold."""
    given = ["Ana", "Oluwaseun", "Ben", "Maximiliano", "Mei", "Jonah", "Guadalupe", "Eli", "Priya", "Sam", "Zoe",
             "Kai"]
    family = ["Kim", "Adebayo-Williams", "Silva", "Nguyen", "Castillo-Ramírez", "Levi", "Okafor", "Doyle",
              "Van der Westhuizen", "Ali", "Fischer", "Haddad", "Murphy"]
    names = [f"{given[n % 12]} {family[n % 13]}" for n in range(35)]
    groups = [(f"Group {n + 1}: The Very Long-Named Explorers" if n == 0 else f"Group {n + 1}",
               colour, names[n::6])
              for n, colour in enumerate(["#d62728", "#1f77b4", "#ffdd00", "#2ca02c", "#9467bd", "#ffffff"])]
    stations = STATIONS + [
        StationView("s5", "Reading nook with headphones and audiobooks", "independent practice", "none",
                    "Listen to chapter 3 of the class novel and answer the four questions in your reading "
                    "journal, then swap journals with a partner and write one comment each.", 6, 6),
        StationView("s6", "Quiz", "assessment", "teacher", "Exit ticket", None, 0),
    ]
    day = make_day(groups, stations, blocks=6)
    day.skips = [SKIP, "Group 6 does not visit the Quiz: they took it yesterday.",
                 "Group 2 stays at the Teacher table in block 5 for the whole block, and they go to the "
                 "Reading nook for the last block instead of the Laptops because the cart is away."]
    return day


def _utf16(hexes: bytes) -> str:
    return bytes.fromhex(hexes.decode()).decode("utf-16-be")


def _glyph_map(cmap: bytes) -> dict[int, str]:
    """A font's ToUnicode map: glyph -> text (its bfchar and bfrange sections)."""
    table: dict[int, str] = {}
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for glyph, text in re.findall(rb"<(\w+)>\s*<(\w+)>", section):
            table[int(glyph, 16)] = _utf16(text)
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for first, last, text in re.findall(rb"<(\w+)>\s*<(\w+)>\s*(<\w+>|\[[^\]]*\])", section):
            glyphs = range(int(first, 16), int(last, 16) + 1)
            if text.startswith(b"["):
                table.update(zip(glyphs, (_utf16(t) for t in re.findall(rb"<(\w+)>", text)), strict=False))
            else:
                base = _utf16(text[1:-1])
                table.update((glyph, base[:-1] + chr(ord(base[-1]) + n)) for n, glyph in enumerate(glyphs))
    return table


def pdf_text(data: bytes) -> str:
    """The text drawn in a PDF written by Qt, one line per text object: each font's glyphs mapped back
    through the font's ToUnicode map (no PDF library is installed; Qt writes a small, regular PDF)."""
    objects = {int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj\s*(.*?)endobj", data, re.S)}

    def stream(body: bytes) -> bytes:
        raw = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S).group(1)
        return zlib.decompress(raw) if b"/FlateDecode" in body else raw

    fonts: dict[bytes, dict[int, str]] = {}  # a font's resource name -> its glyph map
    for body in objects.values():
        for name, ref in re.findall(rb"/(F\w*)\s+(\d+) 0 R", body):
            unicode = re.search(rb"/ToUnicode\s+(\d+) 0 R", objects.get(int(ref), b""))
            if unicode and name not in fonts:
                fonts[name] = _glyph_map(stream(objects[int(unicode.group(1))]))
    lines = []
    for number in sorted(objects):
        body = objects[number]
        if not re.match(rb"<<\s*/Length \d+ 0 R\s*/Filter /FlateDecode", body):  # pages' content streams
            continue
        glyphs: dict[int, str] = {}
        for text in re.findall(rb"BT(.*?)ET", stream(body), re.S):
            line = []
            for font, hexes in re.findall(rb"/(F\w*)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj", text):
                if font:
                    glyphs = fonts.get(font, {})
                else:
                    line += [glyphs.get(int(hexes[i:i + 4], 16), "?") for i in range(0, len(hexes), 4)]
            lines.append("".join(line))
    return "\n".join(lines).replace("\t", " ")  # Qt maps the space glyph to a tab


@pytest.fixture
def day(qapp) -> DayPlan:
    return make_day()


def test_a_pdf_of_each_kind_with_the_right_pages(day, tmp_path):
    for what, pages in (("cards", 1), ("signs", 4), ("plan", 1)):
        path = tmp_path / f"{what}.pdf"
        assert printing.write_pdf(day, what, path) == pages == printing.page_count(day, what)
        data = path.read_bytes()
        assert data.startswith(b"%PDF")
        assert page_count(data) == pages
        assert (b"/MediaBox [0 0 595" in data) == (what == "cards")  # A4 portrait (595 x 842 points)...
        assert (b"/MediaBox [0 0 842" in data) == (what != "cards")  # ...or landscape
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cards.pdf", "plan.pdf", "signs.pdf"]


def test_cards_come_four_to_a_page(qapp, tmp_path):
    groups = GROUPS + [(f"Group {n}", "#888888", ["A B", "C D"]) for n in range(5, 10)]  # nine groups
    day = make_day(groups)
    assert printing.page_count(day, "cards") == math.ceil(9 / printing.CARDS_PER_PAGE) == 3
    assert printing.write_pdf(day, "cards", tmp_path / "cards.pdf") == 3
    assert page_count((tmp_path / "cards.pdf").read_bytes()) == 3
    assert printing.page_count(big_class(), "cards") == 2
    assert printing.page_count(big_class(), "signs") == 6


def test_the_pdfs_say_the_names(day, tmp_path):
    for what in printing.KINDS:
        printing.write_pdf(day, what, tmp_path / f"{what}.pdf")
    cards, signs, plan = (pdf_text((tmp_path / f"{what}.pdf").read_bytes()) for what in printing.KINDS)
    for name, _colour, members in GROUPS:
        assert name in cards and name in signs and name in plan
        for member in members:
            assert member in cards and member in plan  # a sign names the groups, not the students
    for station in STATIONS:
        assert station.name in signs and station.name in plan and station.name in cards
    assert "With the teacher" in signs and "Mini-lesson: unit rates" in signs and "Up to 8 students" in signs
    assert "9:10" in cards and "9:27" in signs and "10:01" in plan
    assert "Tuesday 10 November 2026" in plan and "Math 7B" in plan and "2 min to switch" in plan
    assert "Blue Whales do not visit the Laptops" in plan


def test_a_class_of_35_in_6_groups_fits(qapp, tmp_path):
    day = big_class()
    names = [name for group in day.groups for name in group.members]
    assert len(names) == 35 and len(day.groups) == 6
    for what in printing.KINDS:
        printing.write_pdf(day, what, tmp_path / f"{what}.pdf")
    cards, plan = (pdf_text((tmp_path / f"{what}.pdf").read_bytes()) for what in ("cards", "plan"))
    for name in names:
        assert name in cards  # every name whole on its group's card
        assert name[:9] in plan  # on the plan, a very long name may be cut short, never left out
    assert not re.search(r"\+ \d+ more", cards + plan)
    assert all(note[:40] in plan.replace("\n", " ") for note in day.skips)


def test_the_route_in_words(day):
    assert printing.route_text(day, day.groups[0]) == (
        "1. 9:10 Teacher table \u2192 2. 9:27 Laptops \u2192 3. 9:44 Practice corner \u2192 4. 10:01 Build it together")
    untimed = make_day(start=None)
    assert printing.route_text(untimed, untimed.groups[1]).startswith("1. Laptops \u2192 2. Practice corner")


def test_a_plan_without_groups_or_stations_is_refused_in_plain_words(day, tmp_path):
    empty = make_day(groups=[])
    for what in printing.KINDS:
        with pytest.raises(printing.RotationPrintError, match="no groups yet"):
            printing.write_pdf(empty, what, tmp_path / "x.pdf")
        with pytest.raises(ValueError, match="make the groups"):
            printing.page_count(empty, what)
        with pytest.raises(ValueError, match="no groups yet"):
            printing.print_preview(None, empty, what)
    with pytest.raises(printing.RotationPrintError, match="no stations yet"):
        printing.render_page(make_day(stations=[]), "plan")
    with pytest.raises(printing.RotationPrintError, match="choose cards, signs, plan"):
        printing.write_pdf(day, "posters", tmp_path / "x.pdf")
    with pytest.raises(printing.RotationPrintError, match="4 pages, not a page 5"):
        printing.render_page(day, "signs", 4)
    assert not list(tmp_path.iterdir())


def test_a_missing_folder_says_so_and_writes_nothing(day, tmp_path):
    with pytest.raises(printing.RotationWriteError, match="does not exist") as raised:
        printing.write_pdf(day, "plan", tmp_path / "gone" / "plan.pdf")
    assert isinstance(raised.value, OSError)
    assert not (tmp_path / "gone").exists()


def _old_file(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "signs.pdf"
    path.write_bytes(b"%PDF-1.4 last week's signs")
    return path


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes in a read-only folder")
def test_a_read_only_folder_says_so_and_leaves_the_old_file(day, tmp_path):
    path = _old_file(tmp_path)
    path.parent.chmod(0o555)
    try:
        with pytest.raises(printing.RotationWriteError, match="does not let the app save"):
            printing.write_pdf(day, "signs", path)
    finally:
        path.parent.chmod(0o755)
    assert path.read_bytes() == b"%PDF-1.4 last week's signs"
    assert [p.name for p in path.parent.iterdir()] == ["signs.pdf"]


def test_a_refused_save_leaves_the_old_file(day, tmp_path, monkeypatch):
    """A folder the app may not write in (as the test above, for a test run as root)."""
    path = _old_file(tmp_path)

    def refuse(target):
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(printing, "atomic_write", refuse)
    with pytest.raises(printing.RotationWriteError, match="does not let the app save"):
        printing.write_pdf(day, "signs", path)
    assert path.read_bytes() == b"%PDF-1.4 last week's signs"
    assert [p.name for p in path.parent.iterdir()] == ["signs.pdf"]


def test_a_failure_while_drawing_leaves_the_old_file(day, tmp_path, monkeypatch):
    path = _old_file(tmp_path)
    drawn = []
    original = printing._draw_sign

    def draw_then_fail(painter, plan, page):
        if len(drawn) == 2:
            raise OSError(28, "No space left on device")
        drawn.append(page)
        original(painter, plan, page)

    monkeypatch.setattr(printing, "_draw_sign", draw_then_fail)
    with pytest.raises(printing.RotationWriteError, match="No space left"):
        printing.write_pdf(day, "signs", path)
    assert path.read_bytes() == b"%PDF-1.4 last week's signs"
    assert [p.name for p in path.parent.iterdir()] == ["signs.pdf"]


@pytest.mark.parametrize("what", printing.KINDS)
def test_the_print_preview_paints_every_page_on_a_printer(day, qtbot, tmp_path, what):
    dialog = printing.print_preview(None, day, what)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, QPrintPreviewDialog) and not dialog.isVisible()
    layout = dialog.printer().pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    assert layout.orientation() == (QPageLayout.Orientation.Portrait if what == "cards"
                                    else QPageLayout.Orientation.Landscape)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printing.setup_printer(printer, what)
    dialog.paintRequested.emit(printer)
    data = (tmp_path / "printed.pdf").read_bytes()
    assert page_count(data) == printing.page_count(day, what)
    assert "Red Foxes" in pdf_text(data)
    dialog.show()  # the preview itself paints through the same code
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == printing.page_count(day, what))
    dialog.close()


def test_a_printer_left_on_letter_gets_every_page_whole(day, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "letter.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    assert printing.print_pages(printer, day, "signs") == 4
    assert page_count((tmp_path / "letter.pdf").read_bytes()) == 4


def _ink(image: QImage, x0: int, y0: int, x1: int, y1: int) -> int:
    """Pixels in the rectangle that are not white."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    bits, per_line = bytes(image.constBits()), image.bytesPerLine()
    row = bytes([0xFF]) * (4 * (x1 - x0))
    return sum(bits[y * per_line + 4 * x0:y * per_line + 4 * x1] != row for y in range(y0, y1))


@pytest.mark.parametrize("plan", ["small", "big"])
def test_the_pages_as_images_keep_inside_the_margins(qapp, tmp_path, plan):
    day = make_day() if plan == "small" else big_class()
    folder = Path(os.environ.get("PLCLASSROOM_TEST_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    for what in printing.KINDS:
        for page in range(printing.page_count(day, what)):
            image = printing.render_page(day, what, page)
            assert image.save(str(folder / f"rotation_{what}_{plan}_{page + 1}.png"))
            portrait = what == "cards"
            assert (image.width(), image.height()) == ((1240, 1754) if portrait else (1754, 1240))
            w, h = image.width(), image.height()
            edge = 80  # 13.5 mm: printers keep 5 mm; the pages' margins are 15 mm
            assert _ink(image, 0, 0, w, edge) == 0 and _ink(image, 0, h - edge, w, h) == 0
            assert _ink(image, 0, 0, edge, h) == 0 and _ink(image, w - edge, 0, w, h) == 0
            assert _ink(image, edge, edge, w - edge, h - edge) > 200  # a page with something on it
    assert printing.render_page(day, "plan", width_px=600).width() == 600


def test_nothing_is_printed_under_10_pt(qapp, monkeypatch):
    sizes = []
    original = printing.print_font

    def recording(points, *args, **kwargs):
        sizes.append(points)
        return original(points, *args, **kwargs)

    monkeypatch.setattr(printing, "print_font", recording)
    for day in (make_day(), big_class()):
        for what in printing.KINDS:
            for page in range(printing.page_count(day, what)):
                printing.render_page(day, what, page, width_px=400)
    assert sizes and min(sizes) >= 10
