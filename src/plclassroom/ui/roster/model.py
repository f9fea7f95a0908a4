"""The roster table's Qt model: one row a student."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from plclassroom.services.roster import StudentRow
from plclassroom.ui.i18n import tr

COLUMN_COUNT = 5
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def columns() -> tuple[str, ...]:
    """The roster's column headers, in the user's language."""
    return (tr("Name"), tr("ID"), tr("Grade"), tr("Supports"), tr("Active goals"))


class RosterModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[StudentRow] = []

    def set_students(self, rows: list[StudentRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return columns()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            grade = row.grade.lstrip("0") or row.grade  # OneRoster writes grade 6 as "06"
            return (row.name, row.identifier, grade, row.supports, row.active_goals)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3 and row.supports:
            return tr("Has accommodations on file: see the learner profile")
        return None

    def row_of(self, student_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == student_id), -1)
