"""Paper playlist sheets on the demo school's first math class: one A4 page a student, the version
each student gets, codes the teacher can read back, and a failed write that leaves the old file.

The first page is saved as a PNG to $PLCLASSROOM_TEST_ARTIFACTS when it is set (else the test's
temporary folder), so a person can look at it.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from plclassroom.services import playlists, roster
from plclassroom.services.playlists import BoardRow, StudentPlaylist
from plclassroom.ui.playlists import paper
from tests.conftest import page_count, run

pytestmark = pytest.mark.gui

DUE = date(2026, 11, 30)
VARIANT = "Practice set A, read aloud with a worked example"




@pytest.fixture
def school(qapp, demo_store):
    """The playlist (4 items, one may-do, an IEP variant of the third) given to the whole class."""
    section = next(c for c in run(demo_store, roster.list_classes) if c.title.startswith("Math"))
    pid = run(demo_store, playlists.create_playlist, "Unit rates", class_id=section.id)
    items = [run(demo_store, playlists.add_item, pid, "Mini-lesson with the teacher", "teacher-led lesson", minutes=15),
             run(demo_store, playlists.add_item, pid, "Khan video: unit rates", "video", minutes=8, required=False),
             run(demo_store, playlists.add_item, pid, "Practice set A", "practice", minutes=20),
             run(demo_store, playlists.add_item, pid, "Checkpoint", "checkpoint")]
    run(demo_store, playlists.add_item, pid, VARIANT, "practice", variant_of_id=items[2], minutes=25,
        variant_label="IEP", suitability={"for_accommodations": ["IEP"]})
    run(demo_store, playlists.assign, pid, section.id, start_date=date(2026, 11, 2), due_date=DUE)
    board = run(demo_store, playlists.class_board, section.id, date(2026, 11, 10))
    iep = {s.id for s in run(demo_store, roster.list_students, section.id) if "IEP" in s.supports}
    return section, pid, board, iep


def test_one_page_a_student_in_one_pdf(school, tmp_path):
    section, pid, board, _iep = school
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "sheets.pdf"
    assert paper.write_sheets(board, pid, section.title, path, due=DUE) == len(board) == 30
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert page_count(data) == 30
    assert b"/MediaBox [0 0 595" in data  # A4 portrait (595 x 842 points)
    assert [p.name for p in folder.iterdir()] == ["sheets.pdf"]  # no temporary file left behind


def test_each_student_sees_the_version_they_get_and_never_why(school):
    section, pid, board, iep = school
    assert iep, "the demo class has students with an IEP"
    for row in board:
        lines = paper.sheet_text(board, pid, row.student_id, section.title, DUE)
        text = "\n".join(lines)
        assert lines[:4] == ["Unit rates", f"Name: {row.name}", f"Class: {section.title}", "Due: 30 November 2026"]
        items = [line for line in lines if line.startswith("[ ] ")]
        assert len(items) == 4
        assert "Mini-lesson with the teacher" in items[0] and "MUST DO" in items[0]
        assert "may do" in items[1] and "8 min" in items[1]
        if row.student_id in iep:
            assert VARIANT in items[2] and "25 min" in items[2]
        else:
            assert "Practice set A" in items[2] and VARIANT not in text
        assert "IEP" not in text  # the variant's label and the reason would name the accommodation
        assert lines[-2].startswith(paper.REFLECTION_PROMPT)
        assert "first 4 characters" in lines[-1]


def test_codes_are_unique_and_read_back_to_the_student_and_item(school):
    section, pid, board, _iep = school
    made = paper.sheets(board, pid, section.title, DUE)
    every = [item.code for sheet in made for item in sheet.items]
    assert len(set(every)) == len(every) == 30 * 4
    for sheet in made:
        codes = [item.code for item in sheet.items]
        assert len(set(codes)) == len(codes)
        assert codes[2] == f"3\u00b7{sheet.student_id[:4]}"
        for item, (base, _version, _status) in zip(sheet.items, next(r for r in board if r.student_id ==
                                                                     sheet.student_id).playlists[0].items,
                                                   strict=True):
            for typed in (item.code, item.code.replace("\u00b7", "."), item.code.replace("\u00b7", " ").upper()):
                assert paper.lookup_code(board, pid, typed) == (sheet.student_id, base)
    assert paper.lookup_code(board, pid, "9.zzzz") is None
    assert paper.lookup_code(board, pid, f"9.{made[0].tag}") is None  # no item 9


def test_tags_grow_when_two_students_share_the_first_characters():
    rows = [BoardRow(student_id, "X, Y", []) for student_id in ("abcd1234", "abcd5678", "ffff0000")]
    assert paper.student_tags(rows) == {"abcd1234": "abcd1", "abcd5678": "abcd5", "ffff0000": "ffff0"}
    assert paper.student_tags(rows[1:]) == {"abcd5678": "abcd", "ffff0000": "ffff"}


def test_no_version_suits_a_dash_and_a_note(school, demo_store):
    section, pid, board, iep = school
    quiz = run(demo_store, playlists.add_item, pid, "Timed quiz", "checkpoint", suitability={"not_for": ["IEP"]})
    assert quiz
    board = run(demo_store, playlists.class_board, section.id, date(2026, 11, 10))
    student = next(iter(iep))
    last = [line for line in paper.sheet_text(board, pid, student) if line.startswith("[ ] ")][-1]
    assert last.startswith(f"[ ] 5. {paper.NO_VERSION} ({paper.NO_VERSION_NOTE})")
    other = next(r.student_id for r in board if r.student_id not in iep)
    assert "Timed quiz" in paper.sheet_text(board, pid, other)[-3]


def test_only_students_given_the_playlist_and_a_long_one_runs_on(school, demo_store, tmp_path):
    section, _pid, board, _iep = school
    long = run(demo_store, playlists.create_playlist, "Everything about ratios", class_id=section.id)
    for n in range(13):
        run(demo_store, playlists.add_item, long, f"Step {n + 1}", "practice", minutes=10)
    chosen = [board[0].student_id, board[5].student_id]
    run(demo_store, playlists.assign, long, section.id, student_ids=chosen)
    board = run(demo_store, playlists.class_board, section.id, date(2026, 11, 10))
    made = paper.sheets(board, long, section.title)
    assert [s.student_id for s in made] == chosen
    assert paper.page_count(made[0]) == 2
    assert [len(paper.page_items(made[0], page)) for page in (0, 1)] == [7, 6]
    assert paper.write_sheets(board, long, section.title, tmp_path / "long.pdf") == 4
    assert page_count((tmp_path / "long.pdf").read_bytes()) == 4
    assert paper.sheet_text(board, long, board[1].student_id) == []
    with pytest.raises(paper.SheetError, match="assign it first"):
        paper.write_sheets([BoardRow("x", "X, Y", [StudentPlaylist("a", "other", "t", [], 0, 0)])], long,
                           section.title, tmp_path / "none.pdf")


@pytest.mark.parametrize("stage", ["drawing", "copying"])
def test_a_failure_while_writing_leaves_the_old_file(school, tmp_path, monkeypatch, stage):
    section, pid, board, _iep = school
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "sheets.pdf"
    path.write_bytes(b"%PDF-1.4 the sheets printed last week")
    if stage == "drawing":
        drawn = []

        def draw_then_fail(painter, sheet, page=0):
            if len(drawn) == 3:
                raise OSError("the disk is full")
            drawn.append(sheet)
            original(painter, sheet, page)

        original = paper.draw_sheet
        monkeypatch.setattr(paper, "draw_sheet", draw_then_fail)
    else:
        def copy_half(source, target, *args):
            target.write(source.read(1000))
            raise OSError("the disk is full")

        monkeypatch.setattr(shutil, "copyfileobj", copy_half)
    with pytest.raises(OSError, match="disk is full"):
        paper.write_sheets(board, pid, section.title, path, due=DUE)
    assert path.read_bytes() == b"%PDF-1.4 the sheets printed last week"
    assert [p.name for p in folder.iterdir()] == ["sheets.pdf"]


def _white(image: QImage, x0: int, y0: int, x1: int, y1: int) -> bool:
    bits = bytes(image.constBits())
    per_line = image.bytesPerLine()
    return all(set(bits[y * per_line + 4 * x0:y * per_line + 4 * x1]) <= {0xFF} for y in range(y0, y1))


def test_the_first_page_as_an_image_keeps_inside_the_margins(school, tmp_path):
    section, pid, board, iep = school
    sheet = next(s for s in paper.sheets(board, pid, section.title, DUE) if s.student_id in iep)
    image = paper.render_page(sheet, 0, width_px=1240)  # A4 at 150 dpi
    folder = Path(os.environ.get("PLCLASSROOM_TEST_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    assert image.save(str(folder / "paper_sheet_page1.png"))
    assert (image.width(), image.height()) == (1240, 1754)
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    edge = 80  # 13.5 mm: printers keep 5 mm; the sheet's margins are 15 mm
    w, h = image.width(), image.height()
    assert _white(image, 0, 0, w, edge) and _white(image, 0, h - edge, w, h)
    assert _white(image, 0, 0, edge, h) and _white(image, w - edge, 0, w, h)
    assert not _white(image, edge, edge, w - edge, h - edge)  # something is drawn
