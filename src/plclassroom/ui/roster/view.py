"""The left pane: pick a class, find a student."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from plclassroom.services import roster
from plclassroom.ui import settings
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr
from plclassroom.ui.roster.model import ID_ROLE, RosterModel


class RosterPanel(QWidget):
    student_selected = Signal(str)  # a student id, or "" when none is selected
    class_selected = Signal(str)  # a class id, or "" when there is none

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.classes: dict[str, roster.ClassSummary] = {}
        self.class_picker = QComboBox(accessibleName=tr("Class"))
        self.search = QLineEdit(placeholderText=tr("Search students (Ctrl+F)"), accessibleName=tr("Search students"))
        self.search.setClearButtonEnabled(True)
        self.model = RosterModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(accessibleName=tr("Students in the class"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        class_label = QLabel(tr("Cl&ass"))  # Alt+C is the Class menu
        class_label.setBuddy(self.class_picker)
        layout.addWidget(class_label)
        layout.addWidget(self.class_picker)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self.class_picker.currentIndexChanged.connect(self._class_changed)
        self.search.textChanged.connect(self._filter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        context.changed.connect(self._data_changed)

    def load_classes(self) -> None:
        self._fill_picker(self.context.call(roster.list_classes), settings.last_class(self.context.profile_name))
        self._class_changed(self.class_picker.currentIndex())

    def _fill_picker(self, classes: list[roster.ClassSummary], wanted: str | None) -> bool:
        """The classes in the picker, ``wanted`` chosen if it is there (else the first); True if it was."""
        self.classes = {summary.id: summary for summary in classes}
        self.class_picker.blockSignals(True)
        self.class_picker.clear()
        for summary in classes:
            self.class_picker.addItem(summary.label, summary.id)
        index = self.class_picker.findData(wanted) if wanted else -1
        self.class_picker.setCurrentIndex(index if index >= 0 else (0 if classes else -1))
        self.class_picker.blockSignals(False)
        return index >= 0

    def current_class_id(self) -> str | None:
        return self.class_picker.currentData()

    def current_class(self) -> roster.ClassSummary | None:
        return self.classes.get(self.current_class_id())

    def select_student(self, student_id: str) -> None:
        row = self.model.row_of(student_id)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _class_changed(self, _index: int) -> None:
        class_id = self.current_class_id()
        students = self.context.call(roster.list_students, class_id) if class_id else []
        self.model.set_students(students)
        self._update_count()
        if class_id:
            settings.set_last_class(self.context.profile_name, class_id)
        self.class_selected.emit(class_id or "")
        self.student_selected.emit("")

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = tr("{n} student").format(n=total) if total == 1 else tr("{n} students").format(n=total)
        else:
            text = (tr("{shown} of {total} student") if total == 1 else tr("{shown} of {total} students")).format(
                shown=shown, total=total)
        self.count.setText(text)

    def _row_changed(self, current, _previous) -> None:
        self.student_selected.emit(current.data(ID_ROLE) if current.isValid() else "")

    def _data_changed(self, kind: str, student_id: str) -> None:
        # Goals and accommodations show in the roster's columns: refresh them, keep the selection.
        if kind in ("goal", "accommodation") and self.model.row_of(student_id) >= 0:
            self._reload_students()
        elif kind == "pulled":  # a sync brought rows: new classes and students show, the selection stays
            classes = self.context.call(roster.list_classes)
            if [(c.id, c.label) for c in classes] != [(c.id, c.label) for c in self.classes.values()]:
                self._reload_classes(classes)
            self._reload_students()

    def _reload_students(self) -> None:
        current = self.table.currentIndex()
        student_id = current.data(ID_ROLE) if current.isValid() else None
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # the same student stays open: no "selection changed" for a refresh
        class_id = self.current_class_id()
        self.model.set_students(self.context.call(roster.list_students, class_id) if class_id else [])
        if student_id:
            self.select_student(student_id)
        selection.blockSignals(False)
        self._update_count()

    def _reload_classes(self, classes: list[roster.ClassSummary]) -> None:
        """The class list again, the current class kept (a first sync fills an empty one)."""
        if not self._fill_picker(classes, self.current_class_id()):
            self._class_changed(self.class_picker.currentIndex())
