"""Recording evidence for a class from the keyboard: students down, competencies across.

Type a level and press Enter to save it and move down, Tab to save and move right; "a" marks a
student absent; Ctrl+V pastes a block from a spreadsheet; "Fill empty" gives everyone present
and not yet scored the same level. Each saved cell is evidence at once (nothing waits to be
lost); typing over a saved cell records a correction and keeps the first version.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from plclassroom.domain import EvidenceSource
from plclassroom.services import mastery
from plclassroom.services.mastery import CompetencyColumn, EvidenceEntry, MasteryError, StudentRow, short_code
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import number_text, tr


def source_labels() -> dict[str, str]:
    """Each kind of evidence (the value stored) as a person reads it."""
    return {EvidenceSource.OBSERVATION: tr("observation"), EvidenceSource.QUIZ: tr("quiz"),
            EvidenceSource.PROJECT: tr("project"), EvidenceSource.CONFERENCE: tr("conference"),
            EvidenceSource.SELF_ASSESSMENT: tr("self-assessment"),
            EvidenceSource.PLAYLIST_CHECKPOINT: tr("playlist checkpoint"),
            EvidenceSource.PRIOR_SCORE: tr("prior score")}


def source_label(value: str) -> str:
    return source_labels().get(value, value)


def add_sources(combo: QComboBox) -> None:
    """The kinds a teacher records by hand (not prior scores): shown in the language chosen, stored as is."""
    for source in EvidenceSource:
        if source != EvidenceSource.PRIOR_SCORE:
            combo.addItem(source_label(source), source.value)


class EvidenceGridModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.students: list[StudentRow] = []
        self.competencies: list[CompetencyColumn] = []
        self.saved: dict[tuple[int, int], tuple[str, float]] = {}  # cell -> (evidence id, score)
        self.absent: set[int] = set()
        self.typing: tuple[tuple[int, int], str] | None = None  # what is being typed, and where

    def reset(self, students: list[StudentRow], competencies: list[CompetencyColumn]) -> None:
        self.beginResetModel()
        self.students, self.competencies = students, competencies
        self.saved.clear()
        self.absent.clear()
        self.typing = None
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.students)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.competencies)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Vertical:
                name = self.students[section].name
                return tr("{name} (absent)").format(name=name) if section in self.absent else name
            return short_code(self.competencies[section].code)
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.competencies[section].statement
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = (index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if self.typing and self.typing[0] == key:
                return self.typing[1] + "▏"
            if index.row() in self.absent:
                return tr("absent")
            return number_text(self.saved[key][1]) if key in self.saved else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.typing and self.typing[0] == key:
                return QBrush(QColor("#fff3c4"))
            if key in self.saved:
                return QBrush(QColor("#e3f2e8"))
        if role == Qt.ItemDataRole.ForegroundRole and ((self.typing and self.typing[0] == key) or key in self.saved):
            return QBrush(QColor("#000000"))  # on the light colours above, in a dark theme too
        if role == Qt.ItemDataRole.ToolTipRole and key in self.saved:
            return tr("Saved as evidence. Type over it to correct it (the first version is kept).")
        return None

    def refresh(self, row: int, column: int) -> None:
        index = self.index(row, column)
        self.dataChanged.emit(index, index)


class EvidenceGridView(QTableView):
    """Keyboard first: digits type a level in place, Enter saves and moves down, Tab moves right."""

    def __init__(self, panel: EvidenceGridPanel) -> None:
        super().__init__()
        self.panel = panel
        self.setAccessibleName(tr("Evidence entry grid"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model: EvidenceGridModel = self.model()
        index = self.currentIndex()
        if not index.isValid():
            return super().keyPressEvent(event)
        key, text = event.key(), event.text()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            event.ignore()  # Ctrl+Tab: the next tab of the window, as everywhere else (the grid keeps Tab)
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.panel.paste(index.row(), index.column(), QGuiApplication.clipboard().text())
            return
        if text and (text.isdigit() or text in ".,"):
            typed = model.typing[1] if model.typing and model.typing[0] == (index.row(), index.column()) else ""
            model.typing = ((index.row(), index.column()), typed + text.replace(",", "."))
            model.refresh(index.row(), index.column())
            return
        if key == Qt.Key.Key_Backspace and model.typing:
            (row, column), typed = model.typing
            model.typing = ((row, column), typed[:-1])
            model.refresh(row, column)
            return
        if key == Qt.Key.Key_Escape and model.typing:
            (row, column), _ = model.typing
            model.typing = None
            model.refresh(row, column)
            return
        if text.lower() == "a":
            self.panel.toggle_absent(index.row())
            self.move_to(index.row() + 1, index.column())
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            if model.typing:
                self.panel.save_typed()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.move_to(index.row() + 1, index.column())
            elif key == Qt.Key.Key_Tab:
                self.move_to(index.row(), index.column() + 1)
            else:
                self.move_to(index.row(), index.column() - 1)
            return
        if model.typing and key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.panel.save_typed()
        super().keyPressEvent(event)

    def focusNextPrevChild(self, _next: bool) -> bool:
        return False  # Tab belongs to the grid: it moves right

    def move_to(self, row: int, column: int) -> None:
        model = self.model()
        row = min(max(row, 0), model.rowCount() - 1)
        column = min(max(column, 0), model.columnCount() - 1)
        self.setCurrentIndex(model.index(row, column))


class EvidenceGridPanel(QWidget):
    """The "Record evidence" tab: pick competencies, a date and a kind, then type."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.class_id: str | None = None
        self.all_competencies: list[CompetencyColumn] = []
        self.model = EvidenceGridModel(self)
        self.grid = EvidenceGridView(self)
        self.grid.setModel(self.model)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.horizontalHeader().setMinimumSectionSize(70)
        self.grid.verticalHeader().setDefaultSectionSize(24)

        self.choose = QListWidget(accessibleName=tr("Competencies to record"))
        self.choose.itemChanged.connect(lambda _item: self._columns_changed())
        self.observed_on = QDateEdit(QDate.currentDate(), calendarPopup=True,
                                     accessibleName=tr("Date observed"))
        self.source = QComboBox(accessibleName=tr("Kind of evidence"))
        add_sources(self.source)
        self.source.setCurrentIndex(self.source.findData(EvidenceSource.QUIZ.value))
        self.note = QLineEdit(placeholderText=tr("Note for every piece (optional)"), accessibleName=tr("Note"))
        self.fill_level = QDoubleSpinBox(accessibleName=tr("Level to fill"), decimals=1, singleStep=0.5)
        self.fill_level.setRange(0, 4)
        self.fill_level.setValue(3)
        fill = QPushButton(tr("F&ill empty in this column"),
                           accessibleName=tr("Give every present student without a level in the current column "
                                             "this level"))
        fill.clicked.connect(self.fill_empty)
        self.status = QLabel(tr("Type a level and press Enter; 'a' marks a student absent."))
        self.status.setWordWrap(True)

        bar = QHBoxLayout()
        # Mnemonics (Alt+O, Alt+K, Alt+I, Alt+T) reach these from the grid, which keeps Tab for itself.
        for text, widget in ((tr("&Observed"), self.observed_on), (tr("&Kind"), self.source)):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addWidget(self.note, 1)
        bar.addWidget(self.fill_level)
        bar.addWidget(fill)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        competencies = QLabel(tr("Compe&tencies"))
        competencies.setBuddy(self.choose)
        side_layout.addWidget(competencies)
        side_layout.addWidget(self.choose, 1)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.grid)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 800])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def show_class(self, class_id: str | None) -> None:
        self.class_id = class_id
        view = self.context.call(mastery.class_mastery, class_id) if class_id else None
        self.all_competencies = view.competencies if view else []
        self.choose.blockSignals(True)
        self.choose.clear()
        for position, competency in enumerate(self.all_competencies):
            item = QListWidgetItem(f"{short_code(competency.code)}  {competency.statement[:60]}")
            item.setToolTip(competency.statement)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if position == 0 else Qt.CheckState.Unchecked)
            self.choose.addItem(item)
        self.choose.blockSignals(False)
        self._students = view.students if view else []
        self._columns_changed()

    def chosen(self) -> list[CompetencyColumn]:
        return [c for i, c in enumerate(self.all_competencies)
                if self.choose.item(i).checkState() == Qt.CheckState.Checked]

    def _columns_changed(self) -> None:
        self.model.reset(self._students, self.chosen())
        if self.model.rowCount() and self.model.columnCount():
            self.grid.setCurrentIndex(self.model.index(0, 0))

    def _entry(self, row: int, column: int, score: float) -> EvidenceEntry:
        return EvidenceEntry(self.model.students[row].id, self.model.competencies[column].id, score,
                             self.observed_on.date().toPython(), self.source.currentData(), self.note.text().strip())

    def save(self, cells: list[tuple[int, int, float]]) -> bool:
        """Record these cells: new ones in one transaction, typed-over ones as corrections."""
        new = [(r, c, s) for r, c, s in cells if (r, c) not in self.model.saved]
        try:
            ids = self.context.call(mastery.record_evidence, self.class_id,
                                    [self._entry(r, c, s) for r, c, s in new]) if new else []
            for (row, column, score), evidence_id in zip(new, ids, strict=True):
                self.model.saved[(row, column)] = (evidence_id, score)
            for row, column, score in cells:
                saved = self.model.saved.get((row, column))
                if saved and saved[1] != score and (row, column, score) not in new:
                    corrected = self.context.call(mastery.correct_evidence, saved[0], score=score)
                    self.model.saved[(row, column)] = (corrected, score)
        except MasteryError as error:
            self.status.setText(str(error))
            return False
        for row, column, _ in cells:
            self.model.refresh(row, column)
        count = len(cells)
        self.status.setText(tr("Saved {n} piece of evidence.").format(n=count) if count == 1 else
                            tr("Saved {n} pieces of evidence.").format(n=count))
        self.context.changed.emit("evidence", "")
        return True

    def save_typed(self) -> None:
        (row, column), typed = self.model.typing
        self.model.typing = None
        self.model.refresh(row, column)
        if not typed:
            return
        try:
            score = float(typed)
        except ValueError:
            self.status.setText(tr("{value} is not a level.").format(value=repr(typed)))
            return
        self.model.absent.discard(row)
        self.save([(row, column, score)])

    def toggle_absent(self, row: int) -> None:
        self.model.absent.symmetric_difference_update({row})
        self.model.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
        for column in range(self.model.columnCount()):
            self.model.refresh(row, column)

    def fill_empty(self) -> None:
        index = self.grid.currentIndex()
        if not index.isValid():
            self.status.setText(tr("Pick a column first."))
            return
        column, level = index.column(), self.fill_level.value()
        cells = [(row, column, level) for row in range(self.model.rowCount())
                 if row not in self.model.absent and (row, column) not in self.model.saved]
        if cells:
            self.save(cells)

    def paste(self, top: int, left: int, text: str) -> None:
        """A block copied from a spreadsheet (tab-separated), placed from the current cell."""
        cells, bad = [], []
        for r, line in enumerate(text.replace("\r\n", "\n").strip("\n").split("\n")):
            for c, value in enumerate(line.split("\t")):
                row, column = top + r, left + c
                value = value.strip().replace(",", ".")
                if not value or row >= self.model.rowCount() or column >= self.model.columnCount():
                    continue
                try:
                    cells.append((row, column, float(value)))
                except ValueError:
                    bad.append(value)
        if bad:
            values = ", ".join(map(repr, bad[:3]))
            self.status.setText((tr("Nothing pasted: {values} is not a level.") if len(bad) == 1 else
                                 tr("Nothing pasted: {values} are not a level.")).format(values=values))
            return
        if cells:
            self.save(cells)
