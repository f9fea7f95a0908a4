"""File menu flows other than the roster: framework import, exports, score import with mapping."""

import csv
from pathlib import Path

import pytest

from plclassroom.ui import app as ui_app
from plclassroom.ui.interop.score_import import ScoreImportDialog, parse_cutoffs
from tests.conftest import count

pytestmark = pytest.mark.gui
SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"


@pytest.fixture
def window(qtbot, demo_store):
    ui_app.make_application()
    main = ui_app.open_window(demo_store, "file-menu")
    qtbot.addWidget(main)
    return main


def file_actions(window):
    return [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]


def test_the_file_menu_offers_every_import_and_export(window):
    assert file_actions(window) == ["Import &roster…", "Import roster &folder…", "Import &framework…",
                                    "Import &scores…", "Export class r&oster…", "Export &mastery…",
                                    "Connect to &district server…", "S&ync now", "Sync re&port…",
                                    "Settle sync &conflicts…", "Export sync &bundle (USB)…", "Import return b&undle…",
                                    "Back up no&w…", "Restore from bac&kup…", "&Quit"]


@pytest.mark.skipif(not SAMPLES.exists(), reason="no ../shared/samples")
def test_import_a_framework_from_the_menu(qtbot, window, demo_store):
    with qtbot.waitSignal(window.context.message, timeout=20_000) as message:
        window.files.import_framework(SAMPLES / "case" / "opensalt-ccsso-ela-items.csv")
    assert "1189 competencies added" in message.args[0]
    assert count(demo_store, "SELECT count(*) FROM competencyframework") == 2


def test_export_roster_and_mastery_for_the_picked_class(qtbot, window, tmp_path):
    for what in ("roster", "mastery"):
        out = tmp_path / f"{what}.csv"
        with qtbot.waitSignal(window.context.message, timeout=20_000) as message:
            window.files.export(what, out)
        assert message.args[0].startswith("Exported ")
        with open(out, encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        assert rows and rows[0]["classTitle"] == window.roster.current_class().title


def test_score_import_dialog_maps_previews_and_remembers(qtbot, window, demo_store, tmp_path):
    import sqlite3

    with sqlite3.connect(demo_store.path) as conn:
        ids = [r[0] for r in conn.execute("SELECT identifier FROM person WHERE role='student' LIMIT 2")]
    path = tmp_path / "map.csv"
    path.write_text(f"Student ID,RIT,Test Date\n{ids[0]},221,2026-09-15\n{ids[1]},199,2026-09-15\n",
                    encoding="utf-8")
    dialog = ScoreImportDialog(window.context, path, window)
    qtbot.addWidget(dialog)
    # Common header names are guessed; the person confirms them.
    assert (dialog.student_column.currentText(), dialog.score_column.currentText(),
            dialog.date_column.currentText()) == ("Student ID", "RIT", "Test Date")
    dialog.source.setCurrentText("MAP Growth Math")
    dialog.target.setCurrentText("evidence")
    dialog.competency.setCurrentIndex(dialog.competency.findData("CCSS.Math.Content.6.RP.A.1"))
    dialog.cutoffs.setText("230=4, 215=3, 200=2, 0=1")
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert dialog.report.to_add == 2 and dialog.import_button.isEnabled()
    before = count(demo_store, "SELECT count(*) FROM evidence")
    with qtbot.waitSignal(window.context.message, timeout=20_000):
        dialog.run_import()
    assert count(demo_store, "SELECT count(*) FROM evidence") == before + 2

    again = ScoreImportDialog(window.context, path, window)
    qtbot.addWidget(again)
    again.source.setCurrentText("MAP Growth Math")  # the remembered mapping fills in
    assert again.target.currentText() == "evidence" and again.cutoffs.text() == "230=4, 215=3, 200=2, 0=1"


def test_cut_offs_are_read_or_refused_plainly():
    assert parse_cutoffs("230=4; 215=3,0=1") == [(230, 4), (215, 3), (0, 1)]
    with pytest.raises(ValueError, match="'215 3' is not 'score=level'"):
        parse_cutoffs("215 3")
