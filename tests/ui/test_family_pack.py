"""The family pack on the demo school: only conferences marked 'family' go home (never 'teachers' or
'private'), no accommodation ever, labels in English or Spanish, one A4 page, and a failed write
that leaves the old file.

The page is saved as a PNG to $PLCLASSROOM_TEST_ARTIFACTS when it is set (else the test's
temporary folder), so a person can look at it.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from plclassroom.domain import Accommodation
from plclassroom.services import conferences, profiles, roster
from plclassroom.services.conferences import ConferenceInput, StepInput
from plclassroom.services.family_pack import family_pack
from plclassroom.ui.conferences import family_pack as paper
from tests.conftest import page_count, run

pytestmark = pytest.mark.gui

MARKERS = ("PRIVATE-MARKER", "PRIVATE-STEP", "TEACHERS-MARKER", "TEACHERS-STEP")
ACCOMMODATION = "ACCOMMODATION-MARKER: extra time on every test"




@pytest.fixture
def school(qapp, demo_store):
    """A math student with an IEP, and three conferences newer than the demo's: private, teachers, family."""
    section = next(c for c in run(demo_store, roster.list_classes) if c.title.startswith("Math"))
    student = next(s for s in run(demo_store, roster.list_students, section.id) if s.supports)
    advisor = run(demo_store, conferences.advisors)[0][0]
    accommodation = run(demo_store, profiles.add_accommodation, student.id, "IEP")
    run(demo_store, profiles.update_row, Accommodation, accommodation, "description", ACCOMMODATION)
    for privacy, held_on, notes, step in (
            ("private", date(2027, 1, 20), "PRIVATE-MARKER worried about home", "PRIVATE-STEP call the counsellor"),
            ("teachers", date(2027, 1, 21), "TEACHERS-MARKER needs a seat near the board", "TEACHERS-STEP"),
            ("family", date(2027, 1, 19), "FAMILY-MARKER shared the ratio project with pride.", "FAMILY-STEP")):
        run(demo_store, conferences.save_conference, ConferenceInput(
            student.id, advisor, held_on, kind=conferences.KINDS[-1] if privacy == "family" else "check-in", notes=notes,
            privacy=privacy, steps=[StepInput(step, "family" if privacy == "family" else "student",
                                              date(2027, 2, 5))]))
    pack = run(demo_store, family_pack, student.id, section.id, today=date(2027, 1, 22))
    descriptions = [row["description"] for row in run(demo_store, profiles.get_profile, student.id).accommodations]
    return section, student, pack, descriptions


def test_only_what_may_go_home(school):
    section, student, pack, descriptions = school
    assert len(descriptions) >= 2 and ACCOMMODATION in descriptions  # the demo's own, and ours
    for language in ("en", "es"):
        text = "\n".join(paper.pack_text(pack, language))
        assert "FAMILY-MARKER" in text and "FAMILY-STEP" in text
        for marker in MARKERS:
            assert marker not in text
        for description in descriptions:
            assert description not in text
        assert "IEP" not in text and "504" not in text
    lines = paper.pack_text(pack)
    assert lines[0] == f"Family pack: {pack.name}"
    assert f"{section.title}" in "\n".join(lines)
    assert any(line.startswith("FAMILY-STEP \u2014 Who: family \u00b7 By 5 February 2027") for line in lines)
    assert pack.levels and all(level.code for level in pack.levels)
    assert any(", " in line and " of 4" in line for line in lines)  # "6.RP.A.1: Proficient, 2.9 of 4"


def test_goals_in_the_students_words_and_strengths(school, demo_store):
    _section, student, pack, _descriptions = school
    goals = [g for g in run(demo_store, conferences.student_goals, student.id) if g.status == "active"]
    text = "\n".join(paper.pack_text(pack))
    for goal in goals:
        assert goal.statement in text and goal.measure_of_success in text
    assert pack.strengths and all(strength in text for strength in pack.strengths)


def test_spanish_labels(school):
    _section, _student, pack, _descriptions = school
    text = "\n".join(paper.pack_text(pack, "es"))
    for label in ("Nuestras metas", "Fortalezas", "Próximos pasos", "Cómo va el aprendizaje", "Quién: familia",
                  "5 de febrero de 2027"):
        assert label in text
    for label in ("Our goals", "Strengths", "Next steps", "How learning is going"):
        assert label not in text
    with pytest.raises(ValueError):
        paper.pack_text(pack, "fr")


@pytest.mark.parametrize("language", ["en", "es"])
def test_one_a4_page_and_a_picture(school, tmp_path, language):
    _section, _student, pack, _descriptions = school
    folder = tmp_path / "out"
    folder.mkdir()
    path = paper.write_family_pack(pack, folder / "family.pdf", language)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and page_count(data) == 1
    assert b"/MediaBox [0 0 595" in data
    assert [p.name for p in folder.iterdir()] == ["family.pdf"]
    image = paper.render_page(pack, language)
    artifacts = Path(os.environ.get("PLCLASSROOM_TEST_ARTIFACTS") or tmp_path)
    artifacts.mkdir(parents=True, exist_ok=True)
    assert image.save(str(artifacts / f"family_pack_{language}.png"))
    assert (image.width(), image.height()) == (1240, 1754)


@pytest.mark.parametrize("stage", ["drawing", "copying"])
def test_a_failure_while_writing_leaves_the_old_file(school, tmp_path, monkeypatch, stage):
    _section, _student, pack, _descriptions = school
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "family.pdf"
    path.write_bytes(b"%PDF-1.4 last term's pack")
    if stage == "drawing":
        def fail(*args):
            raise OSError("the disk is full")

        monkeypatch.setattr(paper, "draw_pack", fail)
    else:
        def copy_half(source, target, *args):
            target.write(source.read(1000))
            raise OSError("the disk is full")

        monkeypatch.setattr(shutil, "copyfileobj", copy_half)
    with pytest.raises(OSError, match="disk is full"):
        paper.write_family_pack(pack, path)
    assert path.read_bytes() == b"%PDF-1.4 last term's pack"
    assert [p.name for p in folder.iterdir()] == ["family.pdf"]


def test_a_long_pack_still_fits_one_page_inside_the_margins(school, tmp_path):
    _section, _student, pack, _descriptions = school
    long = dataclasses.replace(pack, goals=pack.goals * 4, steps=pack.steps * 6, strengths=pack.strengths * 3)
    path = paper.write_family_pack(long, tmp_path / "long.pdf")
    assert page_count(path.read_bytes()) == 1
    image = paper.render_page(long).convertToFormat(QImage.Format.Format_RGB32)
    bits, per_line = bytes(image.constBits()), image.bytesPerLine()
    edge = 80  # 13.5 mm: the page's margins are 15 mm
    assert all(set(bits[y * per_line:(y + 1) * per_line]) <= {0xFF} for y in range(image.height() - edge,
                                                                                   image.height()))
