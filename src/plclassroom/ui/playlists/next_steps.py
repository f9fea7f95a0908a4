"""Next steps: for each student, the competency to learn next from the framework's learning path
and their mastery, with the reason, and the playlist to give them; the teacher accepts or not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plclassroom.domain.paths import Suggestion
from plclassroom.services import mastery, paths, playlists
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr
from plclassroom.ui.undo import Change

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1


class NextStepsPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.class_id: str | None = None
        self.table = QTableWidget(0, 4, accessibleName=tr("Suggested next steps"))
        self.table.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.table.setHorizontalHeaderLabels([tr("Student"), tr("Next"), tr("Why"), tr("Playlist")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        accept = QPushButton(tr("Give the selected students their suggested playlist"))
        accept.clicked.connect(self.accept_selected)
        note = QLabel(tr("Suggestions come from the framework's “precedes” links and each student's mastery: "
                         "ready = every prerequisite mastered. Pick rows and accept, or assign something else."))
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(accept)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def show_class(self, class_id: str | None) -> None:
        self.class_id = class_id
        self.table.setRowCount(0)
        if not class_id:
            return
        names = {s.id: s.name for s in self.context.call(mastery.class_students, class_id)}
        suggestions = self.context.call(paths.suggest_next, class_id, limit=1)
        for student_id, found in suggestions.items():
            row = self.table.rowCount()
            self.table.insertRow(row)
            first: Suggestion | None = found[0] if found else None
            cells = (names.get(student_id, "?"), first.code if first else "—",
                     first.why if first else tr("nothing to suggest (no framework, or everything mastered)"),
                     first.playlist_text if first else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(SUGGESTION_ROLE, (student_id, first))
                self.table.setItem(row, column, item)
            if first is not None:
                self.table.item(row, 1).setBackground(QBrush(QColor("#d5f0e0" if first.ready else "#fff3c4")))
                self.table.item(row, 1).setForeground(QBrush(QColor("#000000")))  # readable in a dark theme too
        self.table.resizeRowsToContents()

    def accept_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        chosen = [self.table.item(row, 0).data(SUGGESTION_ROLE) for row in rows]
        by_playlist: dict[str, list[str]] = {}
        for student_id, suggestion in chosen:
            if suggestion is not None and suggestion.playlist_ids:
                by_playlist.setdefault(suggestion.playlist_ids[0], []).append(student_id)
        if not by_playlist:
            self.context.message.emit(tr("No playlist targets those suggestions yet: build one on the Edit tab."))
            return
        class_id = self.class_id
        for playlist_id, students in by_playlist.items():
            Change.apply(self.context, tr("Assign the suggested playlist"),
                         lambda uow, _prev, p=playlist_id, s=students: playlists.assign(uow, p, class_id,
                                                                                        student_ids=s),
                         lambda uow, ids: [playlists.unassign(uow, i) for i in ids] and None, "progress", playlist_id)
        given = sum(len(s) for s in by_playlist.values())
        said = (tr("Assigned the suggested playlist to {n} student.") if given == 1
                else tr("Assigned the suggested playlist to {n} students."))
        self.context.message.emit(said.format(n=given))
