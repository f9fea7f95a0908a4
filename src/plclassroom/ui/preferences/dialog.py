"""Edit > Settings: one dialog for this laptop's choices (the district server's address, how often
to sync, language, theme, the school's mastery defaults for new classes, where backups go), kept
with QSettings by ``ui/settings.py``. Secrets never: the sync token stays in the OS keyring."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import (
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
from plclassroom.ui.i18n import number_text, tr
from plclassroom.ui.settings import Preferences

WIDTH = 900


def mastery_defaults(chosen: Preferences) -> school_defaults.MasteryDefaults:
    return school_defaults.MasteryDefaults(chosen.mastery_method, chosen.mastery_n, chosen.mastery_weight,
                                           chosen.mastery_score)


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
        self.setWindowTitle(tr("Settings"))
        chosen = settings.preferences()

        self.server_url = QLineEdit(accessibleName=tr("District server address"), placeholderText="https://…")
        self.sync_every = _choices(tr("Sync by itself"), settings.sync_every_names(), chosen.sync_every_minutes)
        server, form = _group(tr("District server"), tr(
            "A new address needs a one-time code from your district (File > Connect to district server). "
            "The sign-in token is kept in this computer's keyring, never in settings."))
        form.addRow(tr("Server address:"), self.server_url)
        form.addRow(tr("Sync by itself:"), self.sync_every)

        self.language = _choices(tr("Language"), settings.language_names(), chosen.language)
        self.theme = _choices(tr("Theme"), settings.theme_names(), chosen.theme)
        look, form = _group(tr("Language and look"), tr(
            "A new language applies at once: the window is rebuilt, and nothing you have typed is lost. "
            "\"Follow the system\" turns dark or high contrast when the computer does; View > Larger text "
            "changes the size of all text."))
        form.addRow(tr("Language:"), self.language)
        form.addRow(tr("Theme:"), self.theme)

        self.method = QComboBox(accessibleName=tr("Calculation method for new classes"))
        for value, label in mastery.method_choices():
            self.method.addItem(label, value)
        self.n = QSpinBox(accessibleName=tr("N (pieces or times)"), minimum=1, maximum=20)
        self.weight = QSpinBox(accessibleName=tr("Weight of the newest piece"), minimum=5, maximum=95, suffix=" %")
        self.mastery_score = QComboBox(accessibleName=tr("Mastery from level"))
        for score, label in school_defaults.MASTERY_LEVELS:
            if score > 0:
                self.mastery_score.addItem(f"{number_text(score)} {label}", score)
        classes, form = _group(tr("New classes: your school's mastery defaults"), tr(
            "A class a roster import brings to this laptop starts with these (on the 4-point scale). "
            "Each class can change its own in Class > Mastery settings."))
        form.addRow(tr("Method:"), self.method)
        form.addRow(tr("N (last N, N times):"), self.n)
        form.addRow(tr("Decaying average, newest weighs:"), self.weight)
        form.addRow(tr("Mastery from level:"), self.mastery_score)

        self.backup_folder = QLineEdit(accessibleName=tr("Backup folder"),
                                       placeholderText=str(backup.default_folder()),
                                       toolTip=tr("Empty: {folder}").format(folder=backup.default_folder()))
        choose = QPushButton(tr("Choose…"), accessibleName=tr("Choose the backup folder"))
        choose.clicked.connect(self._choose_folder)
        folder = QHBoxLayout()
        folder.addWidget(self.backup_folder, 1)
        folder.addWidget(choose)
        self.backup_keep = QSpinBox(accessibleName=tr("Backups to keep"), minimum=1, maximum=365)
        self.backup_every = _choices(tr("Back up by itself"), settings.backup_every_names(),
                                     chosen.backup_every_hours)
        note = [tr("While the app is open, a copy of the database goes to this folder.")]
        if last_backup:
            note.append(tr("Last backup: {when}.").format(when=last_backup))
        note.append(tr("File > Restore from backup puts one back."))
        backups, form = _group(tr("Backups"), " ".join(note))
        form.addRow(tr("Folder:"), folder)
        form.addRow(tr("Keep the newest:"), self.backup_keep)
        form.addRow(tr("Back up by itself:"), self.backup_every)

        self.lock_minutes = QSpinBox(accessibleName=tr("Lock the screen after this many idle minutes"), minimum=0,
                                     maximum=240, suffix=tr(" min"), specialValueText=tr("Never by itself"))
        privacy, form = _group(tr("Screen lock"), tr(
            "The screen hides student data and asks for the app PIN after this long without keyboard or "
            "mouse; Ctrl+L locks it at once. The PIN is chosen in View > Screen lock settings."))
        form.addRow(tr("Lock after:"), self.lock_minutes)

        self.message = QLabel(wordWrap=True, accessibleName=tr("Problem with the settings"))
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
        left.addWidget(privacy)
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
        self.lock_minutes.setValue(chosen.lock_minutes)

    def values(self) -> Preferences:
        folder = self.backup_folder.text().strip()
        return Preferences(
            server_url=self.server_url.text().strip(), sync_every_minutes=self.sync_every.currentData(),
            language=self.language.currentData(), theme=self.theme.currentData(),
            mastery_method=self.method.currentData(), mastery_n=self.n.value(),
            mastery_weight=self.weight.value() / 100, mastery_score=self.mastery_score.currentData(),
            backup_folder=str(Path(folder).expanduser()) if folder else "",
            backup_keep=self.backup_keep.value(),
            backup_every_hours=self.backup_every.currentData(), lock_minutes=self.lock_minutes.value())

    def _choose_folder(self) -> None:
        start = self.backup_folder.text() or str(backup.default_folder())
        chosen = QFileDialog.getExistingDirectory(self, tr("Folder for backups"), start)
        if chosen:
            self.backup_folder.setText(chosen)

    def problem(self, chosen: Preferences) -> str | None:
        """What stops these settings being saved, in words, or None."""
        if chosen.server_url and not chosen.server_url.lower().startswith(("https://", "http://")):
            return tr("The server address starts with https:// (your district gives it to you).")
        if chosen.backup_folder:
            folder = Path(chosen.backup_folder).expanduser()
            if not folder.is_absolute():
                return tr("Choose the backup folder with Choose… (a full path, such as a USB drive's folder).")
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                return tr("Backups cannot go to {folder}: {error}.").format(folder=folder,
                                                                             error=error.strerror or error)
            if not os.access(folder, os.W_OK):
                return tr("Backups cannot go to {folder}: this account may not write there.").format(folder=folder)
        return None

    def save(self) -> None:
        chosen = self.values()
        problem = self.problem(chosen)
        if problem:
            self.message.setText(problem)
            return
        settings.save_preferences(chosen)
        self.accept()  # the main window applies what changed (theme, language, sync)
