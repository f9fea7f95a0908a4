"""The class heatmap: students by competencies, coloured by level, with who needs what.

Each cell shows the level's score as text as well as its colour (never colour alone), an asterisk
when a teacher's override stands, and says on hover how the level was computed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from plclassroom.services import mastery
from plclassroom.services.mastery import ClassMastery, short_code
from plclassroom.ui.charts import text_color_on
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import number_text, tr
from plclassroom.ui.mastery.reports import method_label

SCORE_ROLE = Qt.ItemDataRole.UserRole + 1
STUDENT_ROLE = Qt.ItemDataRole.UserRole + 2
NO_EVIDENCE = "—"
# Roles as plain ints: a cell answers a dozen role questions per paint, and comparing an int with
# an enum member costs more than the dict lookup that answers it.
DISPLAY, TOOLTIP, FONT, ALIGNMENT, BACKGROUND, FOREGROUND = (
    int(role.value) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
                                 Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
                                 Qt.ItemDataRole.ForegroundRole))
SCORE, STUDENT = int(SCORE_ROLE), int(STUDENT_ROLE)


def text_colour(background: str) -> QColor:
    return QColor(text_color_on(background))


class HeatmapModel(QAbstractTableModel):
    """Cells are worked out once per view (text, colours, score), so painting 35 x 80 is cheap;
    tooltips, wanted one at a time on hover, are built when asked."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.view: ClassMastery | None = None
        self._rows = self._columns = 0
        self._cells: list[list[dict]] = []  # [row][column] -> {role: value}

    def set_view(self, view: ClassMastery | None) -> None:
        self.beginResetModel()
        self.view = view
        self._rows = len(view.students) if view else 0
        self._columns = len(view.competencies) if view else 0
        self._cells = self._work_out(view) if view else []
        self.endResetModel()

    @staticmethod
    def _work_out(view: ClassMastery) -> list[list[dict]]:
        brushes: dict[str, tuple[QBrush, QBrush]] = {}
        override_font = QFont()
        override_font.setItalic(True)
        override_font.setBold(True)
        centre = Qt.AlignmentFlag.AlignCenter
        empty = {DISPLAY: NO_EVIDENCE, ALIGNMENT: centre, SCORE: -1.0}  # no evidence sorts lowest
        table = []
        for student in view.students:
            row = []
            for competency in view.competencies:
                cell = view.cells.get((student.id, competency.id))
                if cell is None or cell.score is None:
                    row.append(empty)
                    continue
                colour = cell.level.color
                if colour not in brushes:
                    brushes[colour] = (QBrush(QColor(colour)), QBrush(text_colour(colour)))
                background, foreground = brushes[colour]
                shown = {DISPLAY: number_text(cell.score, 1) + ("*" if cell.overridden else ""),
                         BACKGROUND: background, FOREGROUND: foreground, ALIGNMENT: centre, SCORE: cell.score}
                if cell.overridden:
                    shown[FONT] = override_font
                row.append(shown)
            table.append(row)
        return table

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._columns

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if self.view is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.view.students[section].name
            return None
        competency = self.view.competencies[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return short_code(competency.code)
        if role == Qt.ItemDataRole.ToolTipRole:
            counts = self.view.counts(competency.id)
            spread = ", ".join(f"{counts[level.label]} {level.label}" for level in self.view.scale.levels
                               if counts[level.label])
            missing = counts[""]
            levels = spread or tr("no evidence yet")
            if missing:
                levels = tr("{levels}, {missing} with no evidence").format(levels=levels, missing=missing)
            return f"{short_code(competency.code)}: {competency.statement}\n{levels}"
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        role = int(role)
        if role == TOOLTIP:
            return self._tooltip(index.row(), index.column())
        if role == STUDENT:
            return self.view.students[index.row()].id
        return self._cells[index.row()][index.column()].get(role)

    def _tooltip(self, row: int, column: int) -> str:
        student, competency = self.view.students[row], self.view.competencies[column]
        cell = self.view.cell(student.id, competency.id)
        if cell is None or cell.score is None:
            return tr("{student} — {code}: no evidence yet").format(student=student.name,
                                                                    code=short_code(competency.code))
        if cell.result.score is None:
            how = tr("no evidence yet")
        else:
            pieces = cell.evidence_count
            how = (tr("{method} of {n} piece: {formula}") if pieces == 1 else
                   tr("{method} of {n} pieces: {formula}")).format(
                method=method_label(self.view.method), n=pieces, formula=cell.result.formula)
        grade = self.view.scale.grade_for(cell.score)
        text = (f"{student.name} — {short_code(competency.code)}\n"
                f"{cell.level.label} ({number_text(cell.score, 2)})"
                + (" · " + tr("grade {grade}").format(grade=grade) if grade else "") + f"\n{how}")
        if cell.overridden:
            text += "\n" + (tr("Overridden by the teacher: {reason} (calculated {score})").format(
                reason=cell.override.reason, score=number_text(cell.result.score, 2))
                if cell.result.score is not None else
                tr("Set by the teacher: {reason}").format(reason=cell.override.reason))
        return text


class HeatmapPanel(QWidget):
    """The "Class mastery" tab. Emits ``open_history`` (student id, competency id) on a click."""

    open_history = Signal(str, str)
    open_settings = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.class_id: str | None = None
        self.model = HeatmapModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SCORE_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(accessibleName=tr("Class mastery heatmap"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.proxy.sort(-1)  # students in name order until the teacher sorts by a competency
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        # Fixed widths: every cell holds "3.5*" at most, and measuring 2,800 cells per refresh is slow.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setDefaultSectionSize(
            self.table.fontMetrics().horizontalAdvance("6.RP.A.3a") + 24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setMouseTracking(True)

        self.as_of_on = QCheckBox(tr("As of"), accessibleName=tr("Show the heatmap as it stood on a past day"))
        self.as_of = QDateEdit(QDate.currentDate(), calendarPopup=True, accessibleName=tr("As of date"))
        self.as_of.setEnabled(False)
        self.filter = QLineEdit(placeholderText=tr("Filter students"), accessibleName=tr("Filter students"))
        self.filter.setMinimumWidth(self.filter.fontMetrics().horizontalAdvance("M" * 6))
        self.level_filter = QComboBox(accessibleName=tr("Show students"))
        self.level_filter.addItems([tr("All students"), tr("Below mastery on the selected competency")])
        self.summary = QLabel(wordWrap=True)  # may wrap to two lines rather than squeeze the filter away
        settings = QPushButton(tr("Mastery settings…"),
                               accessibleName=tr("Method, scale and grades for this class"))
        settings.clicked.connect(self.open_settings)
        bar = QHBoxLayout()
        for widget in (self.filter, self.level_filter, self.as_of_on, self.as_of):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        bar.addWidget(settings)

        self.needs_title = QLabel(tr("Who needs what: pick a competency"))
        self.needs_title.setWordWrap(True)
        self.needs = QListWidget(accessibleName=tr("Students below mastery on the selected competency"))
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.needs_title)
        side_layout.addWidget(self.needs, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([800, 220])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.as_of_on.toggled.connect(self.as_of.setEnabled)
        self.as_of_on.toggled.connect(lambda _on: self.reload())
        self.as_of.dateChanged.connect(lambda _d: self.as_of_on.isChecked() and self.reload())
        self.filter.textChanged.connect(self._apply_filter)
        self.level_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)

    def show_class(self, class_id: str | None) -> None:
        self.class_id = class_id
        self.reload()

    def as_of_date(self) -> date | None:
        return self.as_of.date().toPython() if self.as_of_on.isChecked() else None

    def reload(self) -> None:
        view = self.context.call(mastery.class_mastery, self.class_id, as_of=self.as_of_date()) \
            if self.class_id else None
        self.model.set_view(view)
        self._apply_filter()
        if view is None:
            self.summary.setText("")
        elif not view.competencies:
            self.summary.setText(tr("This class has no competency framework yet: import one (File > Import "
                                    "framework) and choose it for the class."))
        else:
            summary = tr("{method} · {scale}, mastery at {score}").format(
                method=method_label(view.method), scale=view.scale.name,
                score=number_text(view.scale.mastery_score))
            if view.as_of:  # ISO, as the date is written elsewhere in the app
                summary += " · " + tr("as of {date}").format(date=view.as_of.isoformat())
            self.summary.setText(summary)
        self._show_needs()

    def _selected_competency(self) -> int:
        index = self.table.currentIndex()
        return self.proxy.mapToSource(index).column() if index.isValid() else -1

    def _apply_filter(self) -> None:
        view = self.model.view
        text = self.filter.text().lower()
        column = self._selected_competency()
        only_below = self.level_filter.currentIndex() == 1 and column >= 0 and view is not None
        below = {s.id for s in view.needs(view.competencies[column].id)} if only_below else set()
        for row in range(self.model.rowCount()):
            student = view.students[row]
            hidden = (text and text not in student.name.lower()) or (only_below and student.id not in below)
            self.table.setRowHidden(self.proxy.mapFromSource(self.model.index(row, 0)).row(), bool(hidden))

    def _current_changed(self, _current, _previous) -> None:
        self._show_needs()
        if self.level_filter.currentIndex() == 1:
            self._apply_filter()

    def _show_needs(self) -> None:
        self.needs.clear()
        view, column = self.model.view, self._selected_competency()
        if view is None or column < 0:
            self.needs_title.setText(tr("Who needs what: pick a competency"))
            return
        competency = view.competencies[column]
        below = view.needs(competency.id)
        self.needs_title.setText(tr("Below mastery on {code}: {n} of {total}").format(
            code=short_code(competency.code), n=len(below), total=len(view.students)))
        for student in below:
            cell = view.cell(student.id, competency.id)
            if cell and cell.level:
                self.needs.addItem(f"{student.name}  ({number_text(cell.score, 1)} {cell.level.label})")
            else:
                self.needs.addItem(tr("{name}  (no evidence)").format(name=student.name))

    def _clicked(self, index) -> None:
        source = self.proxy.mapToSource(index)
        view = self.model.view
        if view is not None and source.isValid():
            self.open_history.emit(view.students[source.row()].id, view.competencies[source.column()].id)
