"""Help > Help for this screen (F1): the topics on the left, the chosen one on the right."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from plclassroom.ui.help.topics import topics
from plclassroom.ui.i18n import tr


class HelpDialog(QDialog):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("plclassroom help"))
        self.topics = topics()
        self.list = QListWidget(accessibleName=tr("Help topics"))
        self.list.addItems([t.title for t in self.topics])
        self.list.setMaximumWidth(240)
        self.text = QTextBrowser(accessibleName=tr("Help text"), openExternalLinks=False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.list.setCurrentRow(next((i for i, t in enumerate(self.topics) if t.key == key), 0))
        self.text.setFocus()
        self.resize(820, 520)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.topics):
            topic = self.topics[row]
            self.text.setHtml(f"<h2>{topic.title}</h2>{topic.html}")

    def current_key(self) -> str:
        return self.topics[self.list.currentRow()].key
