"""The first start on a new laptop: language, demo or empty school, the district server."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from plclassroom.ui import app as ui_app
from plclassroom.ui import settings
from plclassroom.ui.first_run.dialog import CONNECT, DEMO, EMPTY, FirstRunDialog
from plclassroom.ui.i18n import tr

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot):
    ui_app.make_application()
    shown = FirstRunDialog()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def press(dialog, button):
    dialog.buttons.button(button).click()


def test_choosing_spanish_turns_the_questions_spanish_at_once(qtbot, dialog):
    assert dialog.windowTitle() == "Welcome to plclassroom"
    assert dialog.language.hasFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)  # the keyboard alone: English -> Español
    assert dialog.language.currentData() == "es"
    assert dialog.windowTitle() == "Te damos la bienvenida a plclassroom"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "&Comenzar"
    assert tr("Cancel") == "Cancelar"
    assert dialog.choice().language == "es"


def test_the_demo_school_is_the_default_start(dialog):
    assert dialog.choice().start == DEMO
    assert not dialog.server_url.isEnabled()


def test_connecting_needs_an_address_and_a_code(qtbot, dialog):
    dialog.connect.setChecked(True)
    assert dialog.server_url.isEnabled() and dialog.code.isEnabled()
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible()  # not accepted: it says what is missing
    assert "one-time code" in dialog.problem.text()
    qtbot.keyClicks(dialog.server_url, "https://district.example")
    qtbot.keyClicks(dialog.code, "ABCD-1234")
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    choice = dialog.choice()
    assert (choice.start, choice.server_url, choice.code) == (CONNECT, "https://district.example", "ABCD-1234")


def test_first_run_keeps_the_choices(qtbot, monkeypatch):
    app = ui_app.make_application()

    def answer(self):
        self.language.setCurrentIndex(self.language.findData("es"))
        self.empty.setChecked(True)
        return FirstRunDialog.DialogCode.Accepted

    monkeypatch.setattr(FirstRunDialog, "exec", answer)
    assert not settings.first_run_done()
    choice = ui_app.first_run(app)
    assert choice.start == EMPTY
    assert settings.first_run_done()
    assert settings.preferences().language == "es"
    assert settings.start_profile() == "default"


def test_trying_the_demo_makes_it_the_profile_that_opens(qtbot, monkeypatch):
    app = ui_app.make_application()
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: FirstRunDialog.DialogCode.Accepted)
    assert ui_app.first_run(app).start == DEMO
    assert settings.start_profile() == "demo"


def test_closing_the_questions_asks_again_next_time(qtbot, monkeypatch):
    app = ui_app.make_application()
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: FirstRunDialog.DialogCode.Rejected)
    assert ui_app.first_run(app) is None
    assert not settings.first_run_done()
