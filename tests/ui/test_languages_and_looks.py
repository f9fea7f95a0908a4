"""Two languages, themes, text size, help and the About box, as a teacher would meet them: switch the
app to Spanish in Settings with typing not yet saved, find it all in Spanish and nothing lost, and back."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from plclassroom.services import profiles
from plclassroom.ui import i18n, settings, theme
from plclassroom.ui.help.about import bundled_libraries
from plclassroom.ui.help.dialog import HelpDialog
from plclassroom.ui.help.topics import topics
from plclassroom.ui.i18n import tr

pytestmark = pytest.mark.gui


def choose_language(qtbot, window, language):
    """Edit > Settings, pick the language, Save; returns the window the app shows afterwards."""
    dialog = window.open_preferences()
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    replaced = []
    window.replaced.connect(replaced.append)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: bool(replaced))
    new = replaced[0]
    qtbot.addWidget(new)
    qtbot.waitExposed(new)
    return new


def tab_texts(window):
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def menu_titles(window):
    return [action.text() for action in window.menuBar().actions()]


def test_spanish_and_back_in_settings_loses_nothing(qtbot, window, demo_store):
    assert tab_texts(window)[0] == "&Learner profile"
    window.roster.table.selectRow(2)
    qtbot.waitUntil(lambda: window.profile.student_id != "")
    student = window.profile.student_id
    window.tabs.setCurrentWidget(window.profile)
    box = window.profile.editors["interests"]
    box.setFocus()
    qtbot.keyClicks(box, " and chess club")  # typed, not yet saved by the autosave timer
    typed = box.toPlainText()

    spanish = choose_language(qtbot, window, "es")
    assert settings.preferences().language == "es"
    assert tab_texts(spanish) == ["&Perfil del estudiante", "&Dominio de la clase", "Re&gistrar evidencias",
                                  "&Listas de actividades", "C&onferencias", "&Rotaciones"]
    assert menu_titles(spanish)[:3] == ["&Archivo", "&Editar", "&Clase"]
    assert "Es&tudiante" in menu_titles(spanish)
    assert menu_titles(spanish).count("&Ver") == 1  # the privacy menu finds View by its translated name
    assert spanish.last_sync.text() == "Última sincronización: nunca · 1 por enviar"  # the typing, saved
    # Nothing lost: the typing was saved, the same student and tab are shown.
    with demo_store.unit_of_work() as uow:
        assert profiles.get_profile(uow, student).fields["interests"] == typed
    assert spanish.profile.student_id == student
    assert spanish.profile.editors["interests"].toPlainText() == typed
    assert spanish.tabs.currentWidget() is spanish.profile
    assert not window.isVisible()
    # Qt's own buttons speak Spanish too (its qtbase translation).
    dialog = spanish.open_preferences()
    assert dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancelar"
    dialog.reject()

    english = choose_language(qtbot, spanish, "en")
    assert tab_texts(english)[0] == "&Learner profile"
    assert menu_titles(english)[:3] == ["&File", "&Edit", "&Class"]
    assert english.profile.student_id == student


def test_dates_and_numbers_follow_the_language():
    i18n.install("es")
    assert tr("Cancel") == "Cancelar"
    assert i18n.date_format_text(date(2026, 12, 6), "dddd d 'de' MMMM") == "domingo 6 de diciembre"
    assert i18n.number_text(2.5) == "2,5"
    assert i18n.number_text(3.0) == "3"
    i18n.install("en")
    assert tr("Cancel") == "Cancel"
    assert i18n.date_format_text(date(2026, 12, 6), "dddd d MMMM") == "Sunday 6 December"
    assert i18n.number_text(2.5) == "2.5"


def test_a_missing_translation_file_falls_back_to_english(monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "qm_path", lambda language: tmp_path / "gone.qm")
    assert i18n.install("es") is False
    assert tr("Cancel") == "Cancel"


def window_colour():
    return QApplication.instance().palette().color(QPalette.ColorRole.Window)


def test_themes_dark_high_contrast_and_light(qtbot, window):
    assert theme.apply("dark") == "dark"
    assert window_colour().lightness() < 80
    assert window.palette().color(QPalette.ColorRole.WindowText).lightness() > 200
    assert theme.apply("high-contrast") == "high-contrast"
    assert window_colour().name() == "#000000"
    assert "#ffff00" in QApplication.instance().styleSheet()  # the thick yellow focus frame
    assert theme.apply("light") == "light"
    assert window_colour().lightness() > 200
    assert "#ffff00" not in QApplication.instance().styleSheet()


def test_the_system_theme_follows_the_os_while_running(qtbot, window, monkeypatch):
    assert theme.apply("system") == "light"
    monkeypatch.setattr(theme, "os_prefers_dark", lambda: True)
    QApplication.instance().styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the OS switched
    assert theme.current() == "dark"
    assert window_colour().lightness() < 80
    theme.apply("light")  # chosen by hand: the OS no longer decides
    QApplication.instance().styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.current() == "light"


def test_settings_applies_the_theme(qtbot, window):
    dialog = window.open_preferences()
    dialog.theme.setCurrentIndex(dialog.theme.findData("high-contrast"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert theme.current() == "high-contrast"
    assert window_colour().name() == "#000000"


def test_larger_and_smaller_text_from_the_view_menu(qtbot, window):
    base = QApplication.instance().font().pointSizeF()
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert settings.text_scale() == 115
    assert QApplication.instance().font().pointSizeF() == pytest.approx(base * 1.15)
    assert window.tabs.font().pointSizeF() == pytest.approx(base * 1.15)  # widgets follow the app's font
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert settings.text_scale() == 90
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.instance().font().pointSizeF() == pytest.approx(base)


def test_f1_opens_the_help_of_the_screen_shown(qtbot, window):
    window.tabs.setCurrentWidget(window.rotations)
    window.activateWindow()
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    [opened] = window.findChildren(HelpDialog)
    assert opened.isVisible()
    assert opened.current_key() == "rotations"
    assert "Ctrl+B" in opened.text.toPlainText()
    assert all(t.title and "<p>" in t.html for t in topics())
    assert {t.key for t in topics()} >= {"profile", "heatmap", "evidence", "playlists", "conferences", "rotations"}


def test_every_help_topic_has_spanish():
    english = [(t.title, t.html) for t in topics()]
    i18n.install("es")
    spanish = [(t.title, t.html) for t in topics()]
    assert all(e[0] != s[0] and e[1] != s[1] for e, s in zip(english, spanish, strict=True))


def test_the_about_box_lists_the_libraries_and_how_to_relink_qt(qtbot, window):
    libraries = {lib.name.lower(): lib for lib in bundled_libraries()}
    assert "LGPL" in libraries["pyside6_essentials"].licence
    assert {"sqlmodel", "matplotlib", "keyring"} <= set(libraries)
    dialog = window.open_about()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(libraries)
    shown = {dialog.table.item(r, 0).text().lower() for r in range(dialog.table.rowCount())}
    assert "matplotlib" in shown
