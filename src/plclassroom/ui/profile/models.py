"""Qt models for the lists on a learner profile (goals, accommodations): edits go through undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from plclassroom.domain.base import Synced
from plclassroom.services.profiles import CHOICES
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr
from plclassroom.ui.undo import EditRowField

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def choice_labels() -> dict[str, str]:
    """The fixed values of a goal's kind and status and an accommodation's kind, as a person reads them
    (IEP, 504 and ELL are names, the same in every language)."""
    return {"academic": tr("academic"), "personal": tr("personal"), "active": tr("active"), "met": tr("met"),
            "revised": tr("revised"), "dropped": tr("dropped"),
            "Other": tr("Other")}  # notr: the keys are the values stored


def choice_label(value: str) -> str:
    return choice_labels().get(value, value)


class ProfileRowsModel(QAbstractTableModel):
    def __init__(self, context: AppContext, kind: str, table: type[Synced], columns: list[tuple[str, str]],
                 parent=None) -> None:
        super().__init__(parent)
        self.context, self.kind, self.table = context, kind, table
        self.columns = columns  # (field, header)
        self.student_id = ""
        self._rows: list[dict] = []

    def set_rows(self, student_id: str, rows: list[dict]) -> None:
        self.beginResetModel()
        self.student_id, self._rows = student_id, rows
        self.endResetModel()

    def field(self, column: int) -> str:
        return self.columns[column][0]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][1]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if isinstance(self._rows[index.row()][self.field(index.column())], bool):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        value = row[self.field(index.column())]
        if role == ID_ROLE:
            return row["id"]
        if isinstance(value, bool):
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return tr("sensitive") if value else tr("shareable")
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if isinstance(value, date):
                return value.isoformat()
            choice = (self.table, self.field(index.column())) in CHOICES
            if choice and value is not None and role != Qt.ItemDataRole.EditRole:
                return choice_label(str(value))  # shown in the language chosen; edited and stored as the value
            return "" if value is None else str(value)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self._rows[index.row()]
        name = self.field(index.column())
        if role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if self.data(index, Qt.ItemDataRole.EditRole) == value or row[name] == value:
            return False
        # The undo command's "changed" signal reloads this model from the store.
        return EditRowField.apply(self.context, self.kind, self.table, self.student_id, row["id"], name, value)


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for fields with a fixed set of values (a goal's status, an accommodation's kind)."""

    def __init__(self, table: type[Synced], field: str, parent=None) -> None:
        super().__init__(parent)
        self.choices = CHOICES[(table, field)]

    def createEditor(self, parent, _option, _index):
        editor = QComboBox(parent)
        for value in self.choices:
            editor.addItem(choice_label(value), value)
        return editor

    def setEditorData(self, editor: QComboBox, index) -> None:
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        if position >= 0:
            editor.setCurrentIndex(position)

    def setModelData(self, editor: QComboBox, model, index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
