"""The first start on a laptop asks three things, before any window: which language, whether to try
the demo school or start an empty one, and, if the district has a server, how to enrol this laptop
(its address and a one-time code). Choosing a language turns this dialog to it at once."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from plclassroom.ui import i18n, settings
from plclassroom.ui.i18n import tr

DEMO, EMPTY, CONNECT = "demo", "empty", "connect"


@dataclass(frozen=True)
class FirstRunChoice:
    language: str
    start: str  # DEMO, EMPTY or CONNECT
    server_url: str = ""
    code: str = ""


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = QComboBox()
        for code, name in settings.language_names().items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.preferences().language)))
        self.welcome = QLabel(wordWrap=True)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.demo = QRadioButton(checked=True)
        self.empty = QRadioButton()
        self.connect = QRadioButton()
        self.starts = QButtonGroup(self)
        for button in (self.demo, self.empty, self.connect):
            self.starts.addButton(button)
        self.server_url = QLineEdit(placeholderText="https://…")
        self.code = QLineEdit()
        self.url_label, self.code_label = QLabel(), QLabel()
        self.url_label.setBuddy(self.server_url)
        self.code_label.setBuddy(self.code)
        server = QFormLayout()
        server.addRow(self.url_label, self.server_url)
        server.addRow(self.code_label, self.code)
        self.note = QLabel(wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel(wordWrap=True)
        language_row = QFormLayout()
        language_row.addRow(self.language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(self.welcome)
        layout.addLayout(language_row)
        for button in (self.demo, self.empty, self.connect):
            layout.addWidget(button)
        layout.addLayout(server)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.starts.buttonToggled.connect(lambda *_args: self._enable())
        self._texts()
        self._enable()
        self.language.setFocus()
        self.resize(620, 480)

    def _language_chosen(self) -> None:
        i18n.install(self.language.currentData())
        self._texts()

    def _texts(self) -> None:
        """Every text of the dialog, in the language now installed (it changes while it is open)."""
        self.setWindowTitle(tr("Welcome to plclassroom"))
        self.welcome.setText(tr("<h2>Welcome to plclassroom</h2><p>Learner profiles, playlists, mastery, "
                                "station rotations and conferences, on this computer, with or without "
                                "a network. Three questions to begin.</p>"))
        self.language_label.setText(tr("&Language:"))
        self.language.setAccessibleName(tr("Language"))
        self.demo.setText(tr("Try the &demo school (made-up students, to look around)"))
        self.empty.setText(tr("Start with an &empty school (then File > Import roster)"))
        self.connect.setText(tr("Connect to my district's &server (from your district: its address and a "
                                "one-time code)"))
        self.url_label.setText(tr("Server &address:"))
        self.code_label.setText(tr("One-time &code:"))
        self.server_url.setAccessibleName(tr("District server address"))
        self.code.setAccessibleName(tr("One-time code"))
        self.note.setText(tr("You can change the language in Edit > Settings, and connect later in "
                             "File > Connect to district server."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("S&tart"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))

    def _enable(self) -> None:
        connecting = self.connect.isChecked()
        for widget in (self.server_url, self.code, self.url_label, self.code_label):
            widget.setEnabled(connecting)

    def _accept(self) -> None:
        if self.connect.isChecked() and not (self.server_url.text().strip() and self.code.text().strip()):
            self.problem.setText(tr("To connect, type the server's address and the one-time code your "
                                    "district gave you, or choose another way to start."))
            (self.server_url if not self.server_url.text().strip() else self.code).setFocus()
            return
        self.accept()

    def choice(self) -> FirstRunChoice:
        start = DEMO if self.demo.isChecked() else EMPTY if self.empty.isChecked() else CONNECT
        return FirstRunChoice(self.language.currentData(), start,
                              self.server_url.text().strip() if start == CONNECT else "",
                              self.code.text().strip() if start == CONNECT else "")
