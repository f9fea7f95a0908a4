"""On a learner profile: the student's levels in the class picked, and a one-line form to record
a piece of evidence for them (a conversation, an observation) without leaving the profile."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plclassroom.services import mastery
from plclassroom.services.mastery import EvidenceEntry, MasteryError, short_code
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import number_text, tr
from plclassroom.ui.mastery.evidence_grid import add_sources
from plclassroom.ui.mastery.heatmap import text_colour


class QuickEvidence(QGroupBox):
    open_history = Signal(str, str)  # student id, competency id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("Mastery in this class"), parent)
        self.context = context
        self.class_id: str | None = None
        self.student_id = ""
        self.levels = QTableWidget(0, 3, accessibleName=tr("The student's levels"))
        self.levels.setHorizontalHeaderLabels([tr("Competency"), tr("Level"), tr("Evidence")])
        self.levels.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.levels.verticalHeader().hide()
        self.levels.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.levels.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.levels.setMinimumHeight(130)
        # Activated: a double-click, or Enter on the current row (the keyboard's way).
        self.levels.activated.connect(
            lambda index: self.open_history.emit(self.student_id, self.levels.item(index.row(), 0).data(256)))
        self.competency = QComboBox(accessibleName=tr("Competency"))
        self.score = QDoubleSpinBox(decimals=1, singleStep=0.5, accessibleName=tr("Level"), minimum=0,
                                    maximum=4)
        self.score.setValue(3)
        self.observed_on = QDateEdit(QDate.currentDate(), calendarPopup=True,
                                     accessibleName=tr("Date observed"))
        self.source = QComboBox(accessibleName=tr("Kind of evidence"))
        add_sources(self.source)
        self.note = QLineEdit(placeholderText=tr("Note"), accessibleName=tr("Note"))
        record = QPushButton(tr("Record"))
        record.clicked.connect(self.record)
        self.note.returnPressed.connect(self.record)  # Enter in the note records, as the button does
        row = QHBoxLayout()
        for widget in (self.competency, self.score, self.observed_on, self.source):
            row.addWidget(widget)
        row.addWidget(self.note, 1)
        row.addWidget(record)
        layout = QVBoxLayout(self)
        layout.addWidget(self.levels)
        layout.addLayout(row)

    def show_for(self, class_id: str | None, student_id: str) -> None:
        self.class_id, self.student_id = class_id, student_id
        view = self.context.call(mastery.class_mastery, class_id) if class_id else None
        relevant = bool(view and view.competencies and any(s.id == student_id for s in view.students))
        self.setVisible(relevant)  # (isVisible() would also say whether the page is shown yet)
        if not relevant:
            return
        self.score.setRange(view.scale.bottom, view.scale.top)
        current = self.competency.currentData()
        self.competency.clear()
        for competency in view.competencies:
            self.competency.addItem(short_code(competency.code), competency.id)
        self.competency.setCurrentIndex(max(0, self.competency.findData(current)))
        self.levels.setRowCount(0)
        for competency in view.competencies:
            cell = view.cell(student_id, competency.id)
            row = self.levels.rowCount()
            self.levels.insertRow(row)
            name = QTableWidgetItem(f"{short_code(competency.code)}  {competency.statement}")
            name.setData(256, competency.id)
            name.setToolTip(competency.statement)
            self.levels.setItem(row, 0, name)
            if cell is None or cell.level is None:
                self.levels.setItem(row, 1, QTableWidgetItem(tr("no evidence")))
                self.levels.setItem(row, 2, QTableWidgetItem("0"))
                continue
            level = QTableWidgetItem(f"{cell.level.label} ({number_text(cell.score, 1)})"
                                     + (" *" if cell.overridden else ""))
            level.setBackground(QBrush(QColor(cell.level.color)))
            level.setForeground(QBrush(text_colour(cell.level.color)))
            self.levels.setItem(row, 1, level)
            self.levels.setItem(row, 2, QTableWidgetItem(str(cell.evidence_count)))

    def record(self) -> None:
        entry = EvidenceEntry(self.student_id, self.competency.currentData(), self.score.value(),
                              self.observed_on.date().toPython(), self.source.currentData(), self.note.text().strip())
        try:
            self.context.call(mastery.record_evidence, self.class_id, [entry])
        except MasteryError as error:
            self.context.message.emit(str(error))
            return
        self.note.clear()
        self.context.message.emit(tr("Evidence recorded."))
        self.context.changed.emit("evidence", self.student_id)
        self.show_for(self.class_id, self.student_id)
