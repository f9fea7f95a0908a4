"""A student's evidence on one competency: every piece, the level after each, how the level is
computed, and the teacher's tools: correct a piece, override the level (with a reason)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plclassroom.services import attachments, mastery
from plclassroom.services.mastery import short_code
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import number_text, tr
from plclassroom.ui.mastery.evidence_grid import source_label
from plclassroom.ui.mastery.reports import method_label


class OverrideDialog(QDialog):
    def __init__(self, scale: mastery.Scale, current: float | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Override the level"))
        form = QFormLayout(self)
        self.score = QDoubleSpinBox(decimals=1, singleStep=0.5, accessibleName=tr("Level"))
        self.score.setRange(scale.bottom, scale.top)
        self.score.setValue(current if current is not None else scale.mastery_score)
        self.reason = QLineEdit(placeholderText=tr("Why (kept with the level, shown on hover)"),
                                accessibleName=tr("Reason"))
        form.addRow(tr("Level:"), self.score)
        form.addRow(tr("Reason:"), self.reason)
        form.addRow(QLabel(tr("The override stands until new evidence is recorded.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class HistoryDialog(QDialog):
    def __init__(self, context: AppContext, class_id: str, student_id: str, competency_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.class_id = context, class_id
        self.student_id, self.competency_id = student_id, competency_id
        self.resize(820, 620)
        layout = QVBoxLayout(self)
        self.title = QLabel(objectName="profileTitle")
        self.title.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        self.chart_area = QVBoxLayout()
        layout.addLayout(self.chart_area, 1)
        self.table = QTableWidget(0, 7, accessibleName=tr("Evidence"))
        self.table.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.table.setHorizontalHeaderLabels([tr("Observed"), tr("Level"), tr("Kind"), tr("Note"), tr("Weight"),
                                              tr("Level after"), tr("Files")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.correct_button = QPushButton(tr("Correct selected piece…"))
        self.override_button = QPushButton(tr("Override level…"))
        self.clear_button = QPushButton(tr("Remove override"))
        self.attach_button = QPushButton(tr("Attach a file…"))
        self.open_button = QPushButton(tr("Open attached file"))
        close = QPushButton(tr("Close"))
        for button in (self.correct_button, self.override_button, self.clear_button, self.attach_button,
                       self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.correct_button.clicked.connect(self.correct_selected)
        self.override_button.clicked.connect(self.override)
        self.clear_button.clicked.connect(self.clear_override)
        self.attach_button.clicked.connect(lambda: self.attach())
        self.open_button.clicked.connect(self.open_attachment)
        close.clicked.connect(self.accept)
        self.chart = None
        self.reload()

    def reload(self) -> None:
        view = self.context.call(mastery.class_mastery, self.class_id)
        self.view = view
        student = next(s for s in view.students if s.id == self.student_id)
        competency = next(c for c in view.competencies if c.id == self.competency_id)
        cell = view.cell(self.student_id, self.competency_id)
        self.cell = cell
        self.history = self.context.call(mastery.student_history, self.class_id, self.student_id,
                                         self.competency_id)
        self.setWindowTitle(f"{student.name} — {short_code(competency.code)}")
        self.title.setText(f"{student.name} · {short_code(competency.code)}")
        if cell is None or cell.score is None:
            self.explain.setText(f"{competency.statement}\n\n" + tr("No evidence yet."))
        else:
            how = f"{method_label(view.method)}: {cell.result.formula}" if cell.result.score is not None else ""
            text = f"{competency.statement}\n\n" + tr("Level: {level} ({score}). {how}").format(
                level=cell.level.label, score=number_text(cell.score, 2), how=how)
            if cell.overridden:
                reason = cell.override.reason
                text += "\n" + (tr("Overridden by the teacher: “{reason}”").format(reason=reason)
                                if cell.result.score is None else
                                tr("Overridden by the teacher: “{reason}” (calculated {score})").format(
                                    reason=reason, score=number_text(cell.result.score, 2)))
            self.explain.setText(text)
        weights = {piece.order: weight for piece, weight in (cell.result.weights if cell else [])}
        self.files = self.context.call(attachments.attachments_of, "evidence",
                                       [point.evidence_id for point in self.history])
        self.table.setRowCount(0)
        for point in self.history:
            row = self.table.rowCount()
            self.table.insertRow(row)
            level = number_text(point.score)
            if point.corrected:
                level = tr("{score} (was {scores})").format(
                    score=level, scores=", ".join(number_text(s) for s in point.corrected))
            weight = weights.get(point.order)
            files = self.files.get(point.evidence_id, [])
            values = (point.observed_on.isoformat(), level, source_label(point.source), point.note,
                      "" if weight is None else f"{weight:.0%}",
                      "" if point.level_after is None else number_text(point.level_after, 2),
                      ", ".join(f.filename for f in files))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.clear_button.setEnabled(bool(cell and cell.overridden))
        self.correct_button.setEnabled(bool(self.history))
        self.attach_button.setEnabled(bool(self.history))
        self._plot()

    def _plot(self) -> None:
        try:
            from plclassroom.ui.charts.mastery_charts import TrendChart
        except ImportError:  # charts arrive with matplotlib; the dialog works without them
            return
        if self.chart is None:
            self.chart = TrendChart(self)
            self.chart.setMinimumHeight(220)
            self.chart_area.addWidget(self.chart)
        competency = next(c for c in self.view.competencies if c.id == self.competency_id)
        self.chart.plot(self.history, self.view.scale, short_code(competency.code))

    def correct_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.context.message.emit(tr("Select the piece to correct first."))
            return
        point = self.history[row]
        score, ok = QInputDialog.getDouble(self, tr("Correct a piece of evidence"),
                                           tr("Corrected level (the first version is kept):"), point.score,
                                           self.view.scale.bottom, self.view.scale.top, 1)
        if ok and score != point.score:
            try:
                self.context.call(mastery.correct_evidence, point.evidence_id, score=score)
            except mastery.MasteryError as error:
                self.context.message.emit(str(error))
                return
            self.context.changed.emit("evidence", self.student_id)
            self.reload()

    def override(self) -> None:
        dialog = OverrideDialog(self.view.scale, self.cell.score if self.cell else None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.context.call(mastery.set_override, self.class_id, self.student_id, self.competency_id,
                              dialog.score.value(), dialog.reason.text())
        except mastery.MasteryError as error:
            self.context.message.emit(str(error))
            return
        self.context.changed.emit("evidence", self.student_id)
        self.reload()

    def clear_override(self) -> None:
        if self.cell and self.cell.overridden:
            self.context.call(mastery.clear_override, self.cell.override.id)
            self.context.changed.emit("evidence", self.student_id)
            self.reload()

    def _selected_point(self):
        row = self.table.currentRow()
        if row < 0:
            self.context.message.emit(tr("Select a piece of evidence first."))
            return None
        return self.history[row]

    def attach(self, path: Path | None = None) -> None:
        """Keep a file (a photo of the work, a scan) with the selected piece of evidence."""
        point = self._selected_point()
        if point is None:
            return
        if path is None:
            patterns = " (*.jpg *.jpeg *.png *.heic *.pdf);;"  # notr: the file patterns Qt needs verbatim
            filters = tr("Photos and documents") + patterns + tr("All files") + " (*)"
            chosen, _ = QFileDialog.getOpenFileName(self, tr("Attach a file to this evidence"), "", filters)
            if not chosen:
                return
            path = Path(chosen)
        try:
            self.context.call(attachments.attach_file, "evidence", point.evidence_id, path)
        except attachments.AttachmentError as error:
            self.context.message.emit(str(error))
            return
        self.context.message.emit(tr("{name} kept with the evidence of {date}.").format(
            name=path.name, date=point.observed_on.isoformat()))
        self.reload()

    def open_attachment(self) -> None:
        point = self._selected_point()
        files = self.files.get(point.evidence_id, []) if point else []
        if not files:
            self.context.message.emit(tr("That piece has no file attached."))
            return
        target = Path(tempfile.mkdtemp(prefix="plclassroom-")) / files[0].filename
        self.context.call(attachments.export_attachment, files[0].id, target)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
