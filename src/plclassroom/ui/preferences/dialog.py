"""Edit > Settings: one dialog for this laptop's choices (the district server's address, how often
to sync, language, theme, the school's mastery defaults for new classes, where backups go), kept
with QSettings by ``ui/settings.py``. Secrets never: the sync token stays in the OS keyring."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from plclassroom.services import backup, mastery, school_defaults
from plclassroom.ui import settings
from plclassroom.ui.settings import Preferences

WIDTH = 900


def mastery_defaults(chosen: Preferences) -> school_defaults.MasteryDefaults:
    return school_defaults.MasteryDefaults(chosen.mastery_method, chosen.mastery_n, chosen.mastery_weight,
                                           chosen.mastery_score)


def apply_theme(theme: str) -> None:
    """The minimum for now: ask Qt (6.8+) for a light or dark colour scheme, which it honours where
    the platform can (Windows, macOS); "system" follows the OS. High contrast, and dark on every
    platform, come with the app's style sheets for them (resources/styles/app.qss has none yet)."""
    app = QApplication.instance()
    hints = app.styleHints() if app is not None else None
    if hints is None or not hasattr(hints, "setColorScheme"):
        return
    hints.setColorScheme({"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(
        theme, Qt.ColorScheme.Unknown))


def _note(text: str) -> QLabel:
    return QLabel(text, wordWrap=True)


def _group(title: str, note: str) -> tuple[QGroupBox, QFormLayout]:
    """A titled group: a form, and a note under it (outside the form, so it wraps to its full height)."""
    group = QGroupBox(title)
    layout = QVBoxLayout(group)
    form = QFormLayout()
    layout.addLayout(form)
    layout.addWidget(_note(note))
    return group, form


def _choices(name: str, options: dict, current) -> QComboBox:
    box = QComboBox(accessibleName=name)
    for value, label in options.items():
        box.addItem(label, value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, last_backup: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        chosen = settings.preferences()

        self.server_url = QLineEdit(accessibleName="District server address", placeholderText="https://…")
        self.sync_every = _choices("Sync by itself", settings.SYNC_EVERY, chosen.sync_every_minutes)
        server, form = _group("District server", "A new address needs a one-time code from your district (File > "
                              "Connect to district server). The sign-in token is kept in this computer's keyring, "
                              "never in settings.")
        form.addRow("Server address:", self.server_url)
        form.addRow("Sync by itself:", self.sync_every)

        self.language = _choices("Language", settings.LANGUAGES, chosen.language)
        self.theme = _choices("Theme", settings.THEMES, chosen.theme)
        look, form = _group("Language and look", "Your choice is kept. The Spanish text and the high-contrast "
                            "style arrive with a later update; light and dark follow Windows and macOS now.")
        form.addRow("Language:", self.language)
        form.addRow("Theme:", self.theme)

        self.method = QComboBox(accessibleName="Calculation method for new classes")
        for value, label in mastery.method_choices():
            self.method.addItem(label, value)
        self.n = QSpinBox(accessibleName="N (pieces or times)", minimum=1, maximum=20)
        self.weight = QSpinBox(accessibleName="Weight of the newest piece", minimum=5, maximum=95, suffix=" %")
        self.mastery_score = QComboBox(accessibleName="Mastery from level")
        for score, label in school_defaults.MASTERY_LEVELS:
            if score > 0:
                self.mastery_score.addItem(f"{score:g} {label}", score)
        classes, form = _group("New classes: your school's mastery defaults",
                               "A class a roster import brings to this laptop starts with these (on the 4-point "
                               "scale). Each class can change its own in Class > Mastery settings.")
        form.addRow("Method:", self.method)
        form.addRow("N (last N, N times):", self.n)
        form.addRow("Decaying average, newest weighs:", self.weight)
        form.addRow("Mastery from level:", self.mastery_score)

        self.backup_folder = QLineEdit(accessibleName="Backup folder", placeholderText=str(backup.default_folder()),
                                       toolTip=f"Empty: {backup.default_folder()}")
        choose = QPushButton("Choose…", accessibleName="Choose the backup folder")
        choose.clicked.connect(self._choose_folder)
        folder = QHBoxLayout()
        folder.addWidget(self.backup_folder, 1)
        folder.addWidget(choose)
        self.backup_keep = QSpinBox(accessibleName="Backups to keep", minimum=1, maximum=365)
        self.backup_every = _choices("Back up by itself", settings.BACKUP_EVERY, chosen.backup_every_hours)
        backups, form = _group("Backups", "While the app is open, a copy of the database goes to this folder. "
                               + (f"Last backup: {last_backup}. " if last_backup else "")
                               + "File > Restore from backup puts one back.")
        form.addRow("Folder:", folder)
        form.addRow("Keep the newest:", self.backup_keep)
        form.addRow("Back up by itself:", self.backup_every)

        self.message = QLabel(wordWrap=True, accessibleName="Problem with the settings")
        self.message.setStyleSheet("color: #8a1c00;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.show_values(Preferences()))
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(server)
        left.addWidget(look)
        left.addStretch(1)
        right.addWidget(classes)
        right.addWidget(backups)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.show_values(chosen)
        # Tall enough for the wrapped notes at this width (a window's own size ignores height-for-width).
        self.resize(WIDTH, max(self.sizeHint().height(), layout.totalHeightForWidth(WIDTH)))

    def show_values(self, chosen: Preferences) -> None:
        self.server_url.setText(chosen.server_url)
        for box, value in ((self.sync_every, chosen.sync_every_minutes), (self.language, chosen.language),
                           (self.theme, chosen.theme), (self.method, chosen.mastery_method),
                           (self.mastery_score, chosen.mastery_score), (self.backup_every, chosen.backup_every_hours)):
            box.setCurrentIndex(max(0, box.findData(value)))
        self.n.setValue(chosen.mastery_n)
        self.weight.setValue(round(chosen.mastery_weight * 100))
        self.backup_folder.setText(chosen.backup_folder)
        self.backup_keep.setValue(chosen.backup_keep)

    def values(self) -> Preferences:
        folder = self.backup_folder.text().strip()
        return Preferences(
            server_url=self.server_url.text().strip(), sync_every_minutes=self.sync_every.currentData(),
            language=self.language.currentData(), theme=self.theme.currentData(),
            mastery_method=self.method.currentData(), mastery_n=self.n.value(),
            mastery_weight=self.weight.value() / 100, mastery_score=self.mastery_score.currentData(),
            backup_folder=str(Path(folder).expanduser()) if folder else "",
            backup_keep=self.backup_keep.value(),
            backup_every_hours=self.backup_every.currentData())

    def _choose_folder(self) -> None:
        start = self.backup_folder.text() or str(backup.default_folder())
        chosen = QFileDialog.getExistingDirectory(self, "Folder for backups", start)
        if chosen:
            self.backup_folder.setText(chosen)

    def problem(self, chosen: Preferences) -> str | None:
        """What stops these settings being saved, in words, or None."""
        if chosen.server_url and not chosen.server_url.lower().startswith(("https://", "http://")):
            return "The server address starts with https:// (your district gives it to you)."
        if chosen.backup_folder:
            folder = Path(chosen.backup_folder).expanduser()
            if not folder.is_absolute():
                return "Choose the backup folder with Choose… (a full path, such as a USB drive's folder)."
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                return f"Backups cannot go to {folder}: {error.strerror or error}."
            if not os.access(folder, os.W_OK):
                return f"Backups cannot go to {folder}: this account may not write there."
        return None

    def save(self) -> None:
        chosen = self.values()
        problem = self.problem(chosen)
        if problem:
            self.message.setText(problem)
            return
        settings.save_preferences(chosen)
        apply_theme(chosen.theme)
        self.accept()
