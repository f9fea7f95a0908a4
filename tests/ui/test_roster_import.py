"""File > Import roster in the window: preview, then import in the worker, then the class appears."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from plclassroom.ui import app as ui_app
from plclassroom.ui.interop.roster_import import RosterPreviewDialog
from tests.conftest import count

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "oneroster"
pytestmark = [pytest.mark.gui, pytest.mark.skipif(not SAMPLES.exists(), reason="no ../shared/samples")]


def test_preview_then_import_a_sample_into_the_demo_school(qtbot, demo_store):
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "import-test")
    qtbot.addWidget(window)
    window.show()
    classes_before = window.roster.class_picker.count()

    window.roster_import.preview(SAMPLES / "lepo-en")
    qtbot.waitUntil(lambda: window.roster_import.dialog is not None, timeout=20_000)
    dialog: RosterPreviewDialog = window.roster_import.dialog
    assert dialog.import_button.isEnabled()
    assert dialog.problems.rowCount() == len(dialog.report.problems)
    assert count(demo_store, "SELECT count(*) FROM person WHERE source_id LIKE 'us%'") == 0

    with qtbot.waitSignal(window.context.message, timeout=20_000) as message:
        dialog.accept()
    assert "Roster imported from lepo-en: 62 added" in message.args[0]
    assert window.roster.class_picker.count() == classes_before + 5
    assert count(demo_store, "SELECT count(*) FROM person WHERE source_id LIKE 'us%'") == 20
    QApplication.processEvents()


def test_a_package_with_row_problems_needs_the_valid_rows_box(qtbot, tmp_path, demo_store):
    from tests.interop.test_oneroster_import import ORGS, USERS_HEADER, user, write_package

    package = write_package(tmp_path / "pkg", {"orgs.csv": ORGS, "users.csv": USERS_HEADER + user("u1") +
                                               user("u2", given="")})
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "import-test")
    qtbot.addWidget(window)
    window.roster_import.preview(package)
    qtbot.waitUntil(lambda: window.roster_import.dialog is not None, timeout=20_000)
    dialog = window.roster_import.dialog
    assert not dialog.import_button.isEnabled()
    dialog.valid_only.setChecked(True)
    assert dialog.import_button.isEnabled()
