"""File > Import scores: map a vendor's columns once (remembered per source), preview, import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plclassroom.interop.score_csv import DATE_FORMATS, ScoreFileError, read_score_file
from plclassroom.services import score_import
from plclassroom.services.score_import import STUDENT_KEYS, ScoreMappingSettings
from plclassroom.ui.context import AppContext
from plclassroom.ui.tasks import run_with_progress

NONE = "(none)"


def parse_cutoffs(text: str) -> list[tuple[float, float]]:
    """ "230=4, 215=3, 200=2, 0=1" -> [(230, 4), ...]; raises ValueError with a plain message."""
    pairs = []
    for part in filter(None, (p.strip() for p in text.replace(";", ",").split(","))):
        raw, _, level = part.partition("=")
        try:
            pairs.append((float(raw), float(level)))
        except ValueError:
            raise ValueError(f"{part!r} is not 'score=level' (for example 215=3)") from None
    return pairs


class ScoreImportDialog(QDialog):
    def __init__(self, context: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.path = context, path
        self.report: score_import.ScoreReport | None = None
        self.task = None
        self.setWindowTitle(f"Import scores — {path.name}")
        self.resize(860, 640)
        self.file = read_score_file(path)
        columns = self.file.headers

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.source = QComboBox(editable=True, accessibleName="Source of the scores")
        self.source.addItems(context.call(score_import.mapping_sources))
        self.source.setCurrentText("")
        self.source.lineEdit().setPlaceholderText("e.g. MAP Growth Math, State test 2026")
        form.addRow("Source:", self.source)

        def column_choice(name: str, optional: bool) -> QComboBox:
            box = QComboBox(accessibleName=name)
            box.addItems(([NONE] if optional else []) + columns)
            return box

        self.student_column = column_choice("Student column", False)
        self.student_key = QComboBox(accessibleName="Students matched by")
        self.student_key.addItems(list(STUDENT_KEYS))
        self.score_column = column_choice("Score column", False)
        self.date_column = column_choice("Date column", True)
        self.date_format = QComboBox(accessibleName="Date format")
        self.date_format.addItems(list(DATE_FORMATS))
        self.measure_column = column_choice("Measure column", True)
        self.measure = QLineEdit(placeholderText="what was measured, if no column says", accessibleName="Measure")
        self.target = QComboBox(accessibleName="Scores go to")
        self.target.addItems(["baseline", "evidence"])
        self.competency = QComboBox(accessibleName="Competency")
        self.competency.addItem(NONE, "")
        for key, label in context.call(score_import.competency_choices):
            self.competency.addItem(label, key)
        self.competency_column = column_choice("Competency column", True)
        self.cutoffs = QLineEdit(placeholderText="raw score = level, e.g. 230=4, 215=3, 200=2, 0=1",
                                 accessibleName="Cut-offs")
        for label, widget in (("Student column:", self.student_column), ("Matched by:", self.student_key),
                              ("Score column:", self.score_column), ("Date column:", self.date_column),
                              ("Date format:", self.date_format), ("Measure column:", self.measure_column),
                              ("Measure:", self.measure), ("Scores go to:", self.target),
                              ("Competency:", self.competency), ("…or a column of competencies:",
                                                                  self.competency_column),
                              ("Cut-offs to levels:", self.cutoffs)):
            form.addRow(label, widget)
        layout.addLayout(form)
        self._guess(columns)
        self.source.currentTextChanged.connect(self._load_saved)

        preview = QPushButton("Preview")
        preview.clicked.connect(self.preview)
        layout.addWidget(preview)
        self.summary = QLabel("Choose the columns, then Preview.")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = QTableWidget(0, 2, accessibleName="Problems and sample")
        self.problems.setHorizontalHeaderLabels(["Where", "What"])
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.problems, 1)
        self.valid_only = QCheckBox("Import the valid rows only")
        self.valid_only.setVisible(False)
        self.valid_only.toggled.connect(self._update)
        layout.addWidget(self.valid_only)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _guess(self, columns: list[str]) -> None:
        """A first guess from common header names; the person confirms or changes it."""
        lowered = {c.lower(): c for c in columns}
        for box, hints in ((self.student_column, ("student id", "studentid", "student_id", "id", "sourcedid")),
                           (self.score_column, ("score", "rit", "scale score", "testritscore")),
                           (self.date_column, ("date", "test date", "testdate", "teststartdate"))):
            for hint in hints:
                if hint in lowered:
                    box.setCurrentText(lowered[hint])
                    break

    def _load_saved(self, source: str) -> None:
        saved = self.context.call(score_import.saved_mapping, source) if source else None
        if saved is None:
            return
        self.student_column.setCurrentText(saved.student_column)
        self.student_key.setCurrentText(saved.student_key)
        self.score_column.setCurrentText(saved.score_column)
        self.date_column.setCurrentText(saved.date_column or NONE)
        self.date_format.setCurrentText(saved.date_format)
        self.measure_column.setCurrentText(saved.measure_column or NONE)
        self.measure.setText(saved.measure)
        self.target.setCurrentText(saved.target)
        self.competency.setCurrentIndex(max(0, self.competency.findData(saved.competency)))
        self.competency_column.setCurrentText(saved.competency_column or NONE)
        self.cutoffs.setText(", ".join(f"{raw:g}={level:g}" for raw, level in saved.cutoffs))
        self.summary.setText(f"The remembered mapping for “{source}” is filled in. Preview to check it.")

    def settings(self) -> ScoreMappingSettings:
        def column(box: QComboBox) -> str:
            return "" if box.currentText() == NONE else box.currentText()

        return ScoreMappingSettings(
            student_column=column(self.student_column), student_key=self.student_key.currentText(),
            score_column=column(self.score_column), date_column=column(self.date_column),
            date_format=self.date_format.currentText(), measure_column=column(self.measure_column),
            measure=self.measure.text().strip(), competency=self.competency.currentData() or "",
            competency_column=column(self.competency_column), target=self.target.currentText(),
            cutoffs=parse_cutoffs(self.cutoffs.text()))

    def preview(self) -> None:
        try:
            settings = self.settings()
        except ValueError as error:
            self.summary.setText(f"Cut-offs: {error}")
            return
        source = self.source.currentText().strip()

        def work(_report):
            with self.context.store.unit_of_work() as uow:
                return score_import.preview_scores(uow, self.path, source, settings)

        self.task = run_with_progress(self, f"Reading {self.path.name}…", work, self.show_report,
                                      lambda error: self.summary.setText(f"The preview stopped: {error}"))

    def show_report(self, report: score_import.ScoreReport) -> None:
        self.report = report
        self.summary.setText(f"{report.rows} rows: {report.to_add} to add, {report.already_there} already "
                             f"here; {len(report.fatal)} problems stop the import, {len(report.row_problems)} "
                             "rows have problems.")
        self.problems.setRowCount(0)
        lines = [(f"row {p.row}" if p.row else p.file, p.message) for p in report.fatal + report.row_problems]
        leveled = self.target.currentText() == "evidence" or bool(self.cutoffs.text().strip())
        lines += [(name, (f"{raw} → level {level:g}" if leveled else raw) + (f" on {taken}" if taken else ""))
                  for name, raw, level, taken in report.sample]
        for where, what in lines:
            row = self.problems.rowCount()
            self.problems.insertRow(row)
            self.problems.setItem(row, 0, QTableWidgetItem(where))
            self.problems.setItem(row, 1, QTableWidgetItem(what))
        self.valid_only.setVisible(bool(report.row_problems) and not report.fatal)
        self._update()

    def _update(self) -> None:
        report = self.report
        ready = bool(report) and not report.fatal and report.to_add > 0 and (
            not report.row_problems or self.valid_only.isChecked())
        self.import_button.setEnabled(ready)

    def run_import(self) -> None:
        settings, source, valid_only = self.settings(), self.source.currentText().strip(), self.valid_only.isChecked()

        def work(_report):
            with self.context.store.unit_of_work() as uow:
                return score_import.import_scores(uow, self.path, source, settings, valid_only=valid_only)

        def done(report: score_import.ScoreReport) -> None:
            self.context.message.emit(f"{report.to_add} scores from {source} imported; the mapping is remembered.")
            self.accept()

        def failed(error: BaseException) -> None:
            QMessageBox.warning(self, "Scores not imported", f"{error}\n\nNothing was changed.")

        self.task = run_with_progress(self, f"Importing {self.path.name}…", work, done, failed)


def choose_and_import_scores(context: AppContext, parent: QWidget) -> ScoreImportDialog | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, "Import test scores", "", "CSV (*.csv *.txt);;All files (*)")
    if not chosen:
        return None
    try:
        dialog = ScoreImportDialog(context, Path(chosen), parent)
    except ScoreFileError as error:
        QMessageBox.warning(parent, "Scores not imported", str(error))
        return None
    dialog.open()
    return dialog
