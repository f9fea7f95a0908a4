"""File > Import scores: map a vendor's columns once (remembered per source), preview, import."""

from __future__ import annotations

from datetime import date
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
from plclassroom.ui.i18n import date_text, number_text, tr
from plclassroom.ui.tasks import run_with_progress


def none_text() -> str:
    """The choice of no column (or no competency)."""
    return tr("(none)")


def student_key_names() -> dict[str, str]:
    """How students are matched: the key stored in the mapping, and what the person reads."""
    return {"identifier": tr("identifier"), "source_id": tr("source_id"), "username": tr("username"),
            "email": tr("email")}


def date_format_names() -> dict[str, str]:
    return {"YYYY-MM-DD": tr("YYYY-MM-DD"), "MM/DD/YYYY": tr("MM/DD/YYYY"), "DD/MM/YYYY": tr("DD/MM/YYYY")}


def target_names() -> dict[str, str]:
    return {"baseline": tr("baseline"), "evidence": tr("evidence")}


def _select(box: QComboBox, key: str) -> None:
    """Pick the item whose data is ``key``; an unknown key leaves the choice as it is."""
    index = box.findData(key)
    if index >= 0:
        box.setCurrentIndex(index)


def parse_cutoffs(text: str) -> list[tuple[float, float]]:
    """ "230=4, 215=3, 200=2, 0=1" -> [(230, 4), ...]; raises ValueError with a plain message."""
    pairs = []
    for part in filter(None, (p.strip() for p in text.replace(";", ",").split(","))):
        raw, _, level = part.partition("=")
        try:
            pairs.append((float(raw), float(level)))
        except ValueError:
            raise ValueError(tr("{part} is not 'score=level' (for example 215=3)").format(part=repr(part))) from None
    return pairs


class ScoreImportDialog(QDialog):
    def __init__(self, context: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.path = context, path
        self.report: score_import.ScoreReport | None = None
        self.task = None
        self.setWindowTitle(tr("Import scores — {name}").format(name=path.name))
        self.resize(860, 640)
        self.file = read_score_file(path)
        columns = self.file.headers

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.source = QComboBox(editable=True, accessibleName=tr("Source of the scores"))
        self.source.addItems(context.call(score_import.mapping_sources))
        self.source.setCurrentText("")
        self.source.lineEdit().setPlaceholderText(tr("e.g. MAP Growth Math, State test 2026"))
        form.addRow(tr("Source:"), self.source)

        def column_choice(name: str, optional: bool) -> QComboBox:
            box = QComboBox(accessibleName=name)
            box.addItems(([none_text()] if optional else []) + columns)
            return box

        self.student_column = column_choice(tr("Student column"), False)
        self.student_key = QComboBox(accessibleName=tr("Students matched by"))
        key_names = student_key_names()
        for key in STUDENT_KEYS:
            self.student_key.addItem(key_names.get(key, key), key)
        self.score_column = column_choice(tr("Score column"), False)
        self.date_column = column_choice(tr("Date column"), True)
        self.date_format = QComboBox(accessibleName=tr("Date format"))
        format_names = date_format_names()
        for key in DATE_FORMATS:
            self.date_format.addItem(format_names.get(key, key), key)
        self.measure_column = column_choice(tr("Measure column"), True)
        self.measure = QLineEdit(placeholderText=tr("what was measured, if no column says"),
                                 accessibleName=tr("Measure"))
        self.target = QComboBox(accessibleName=tr("Scores go to"))
        for key, label in target_names().items():
            self.target.addItem(label, key)
        self.competency = QComboBox(accessibleName=tr("Competency"))
        self.competency.addItem(none_text(), "")
        for key, label in context.call(score_import.competency_choices):
            self.competency.addItem(label, key)
        self.competency_column = column_choice(tr("Competency column"), True)
        self.cutoffs = QLineEdit(placeholderText=tr("raw score = level, e.g. 230=4, 215=3, 200=2, 0=1"),
                                 accessibleName=tr("Cut-offs"))
        for label, widget in ((tr("Student column:"), self.student_column), (tr("Matched by:"), self.student_key),
                              (tr("Score column:"), self.score_column), (tr("Date column:"), self.date_column),
                              (tr("Date format:"), self.date_format), (tr("Measure column:"), self.measure_column),
                              (tr("Measure:"), self.measure), (tr("Scores go to:"), self.target),
                              (tr("Competency:"), self.competency), (tr("…or a column of competencies:"),
                                                                      self.competency_column),
                              (tr("Cut-offs to levels:"), self.cutoffs)):
            form.addRow(label, widget)
        layout.addLayout(form)
        self._guess(columns)
        self.source.currentTextChanged.connect(self._load_saved)

        preview = QPushButton(tr("Preview"))
        preview.clicked.connect(self.preview)
        layout.addWidget(preview)
        self.summary = QLabel(tr("Choose the columns, then Preview."))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = QTableWidget(0, 2, accessibleName=tr("Problems and sample"))
        self.problems.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.problems.setHorizontalHeaderLabels([tr("Where"), tr("What")])
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.problems, 1)
        self.valid_only = QCheckBox(tr("Import the valid rows only"))
        self.valid_only.setVisible(False)
        self.valid_only.toggled.connect(self._update)
        layout.addWidget(self.valid_only)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _guess(self, columns: list[str]) -> None:
        """A first guess from common header names; the person confirms or changes it."""
        lowered = {c.lower(): c for c in columns}
        # Header names in the vendors' files, matched as they are: not shown.
        for box, hints in ((self.student_column, ("student id", "studentid", "student_id", "id", "sourcedid")),  # notr
                           (self.score_column, ("score", "rit", "scale score", "testritscore")),  # notr
                           (self.date_column, ("date", "test date", "testdate", "teststartdate"))):  # notr
            for hint in hints:
                if hint in lowered:
                    box.setCurrentText(lowered[hint])
                    break

    def _load_saved(self, source: str) -> None:
        saved = self.context.call(score_import.saved_mapping, source) if source else None
        if saved is None:
            return
        self.student_column.setCurrentText(saved.student_column)
        _select(self.student_key, saved.student_key)
        self.score_column.setCurrentText(saved.score_column)
        self.date_column.setCurrentText(saved.date_column or none_text())
        _select(self.date_format, saved.date_format)
        self.measure_column.setCurrentText(saved.measure_column or none_text())
        self.measure.setText(saved.measure)
        _select(self.target, saved.target)
        self.competency.setCurrentIndex(max(0, self.competency.findData(saved.competency)))
        self.competency_column.setCurrentText(saved.competency_column or none_text())
        self.cutoffs.setText(", ".join(f"{raw:g}={level:g}" for raw, level in saved.cutoffs))
        self.summary.setText(tr("The remembered mapping for “{source}” is filled in. Preview to check it.").format(
            source=source))

    def settings(self) -> ScoreMappingSettings:
        none = none_text()

        def column(box: QComboBox) -> str:
            return "" if box.currentText() == none else box.currentText()

        return ScoreMappingSettings(
            student_column=column(self.student_column), student_key=self.student_key.currentData() or "",
            score_column=column(self.score_column), date_column=column(self.date_column),
            date_format=self.date_format.currentData() or "", measure_column=column(self.measure_column),
            measure=self.measure.text().strip(), competency=self.competency.currentData() or "",
            competency_column=column(self.competency_column), target=self.target.currentData() or "",
            cutoffs=parse_cutoffs(self.cutoffs.text()))

    def preview(self) -> None:
        try:
            settings = self.settings()
        except ValueError as error:
            self.summary.setText(tr("Cut-offs: {error}").format(error=error))
            return
        source = self.source.currentText().strip()

        def work(_report):
            with self.context.store.unit_of_work() as uow:
                return score_import.preview_scores(uow, self.path, source, settings)

        self.task = run_with_progress(self, tr("Reading {name}…").format(name=self.path.name), work,
                                      self.show_report, lambda error: self.summary.setText(
                                          tr("The preview stopped: {error}").format(error=error)))

    def show_report(self, report: score_import.ScoreReport) -> None:
        self.report = report
        self.summary.setText(tr("{rows} rows: {to_add} to add, {there} already here; {fatal} problems stop the "
                                "import, {problems} rows have problems.").format(
            rows=report.rows, to_add=report.to_add, there=report.already_there, fatal=len(report.fatal),
            problems=len(report.row_problems)))
        self.problems.setRowCount(0)
        lines = [(tr("row {row}").format(row=p.row) if p.row else p.file, p.message)
                 for p in report.fatal + report.row_problems]
        leveled = self.target.currentData() == "evidence" or bool(self.cutoffs.text().strip())
        lines += [(name, self._sample_text(raw, level, taken, leveled)) for name, raw, level, taken in report.sample]
        for where, what in lines:
            row = self.problems.rowCount()
            self.problems.insertRow(row)
            self.problems.setItem(row, 0, QTableWidgetItem(where))
            self.problems.setItem(row, 1, QTableWidgetItem(what))
        self.valid_only.setVisible(bool(report.row_problems) and not report.fatal)
        self._update()

    @staticmethod
    def _sample_text(raw: str, level: float, taken: str, leveled: bool) -> str:
        """One sample row: the raw score, its level when levels are used, and the day it was taken."""
        day = date_text(date.fromisoformat(taken)) if taken else ""
        if leveled:
            return (tr("{raw} → level {level} on {day}") if day else tr("{raw} → level {level}")).format(
                raw=raw, level=number_text(level), day=day)
        return tr("{raw} on {day}").format(raw=raw, day=day) if day else raw

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
            self.context.message.emit(tr("{n} scores from {source} imported; the mapping is remembered.").format(
                n=report.to_add, source=source))
            self.accept()

        def failed(error: BaseException) -> None:
            QMessageBox.warning(self, tr("Scores not imported"), f"{error}\n\n{tr('Nothing was changed.')}")

        self.task = run_with_progress(self, tr("Importing {name}…").format(name=self.path.name), work, done, failed)


def choose_and_import_scores(context: AppContext, parent: QWidget) -> ScoreImportDialog | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, tr("Import test scores"), "",
                                            tr("CSV (*.csv *.txt);;All files (*)"))
    if not chosen:
        return None
    try:
        dialog = ScoreImportDialog(context, Path(chosen), parent)
    except ScoreFileError as error:
        QMessageBox.warning(parent, tr("Scores not imported"), str(error))
        return None
    dialog.open()
    return dialog
