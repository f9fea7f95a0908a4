"""File > Import roster: pick a OneRoster package, see what it would do, then import it.

Both the preview and the import run in the writer thread with a progress dialog and Cancel;
the window stays usable. Nothing is written until the person presses Import, and a refused or
cancelled import writes nothing at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plclassroom.services import roster_import
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr
from plclassroom.ui.tasks import run_with_progress


class RosterPreviewDialog(QDialog):
    """What the package would add, change and archive, and every problem found in it."""

    def __init__(self, report: roster_import.ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(tr("Import roster — {source}").format(source=report.source))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("<b>OneRoster {version}</b> package <b>{source}</b>").format(version=report.version,
                                                                                         source=report.source)))

        counts = QTableWidget(0, 5, accessibleName=tr("What the import will do"))
        counts.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        counts.setHorizontalHeaderLabels(["", tr("Add"), tr("Change"), tr("Archive"), tr("Unchanged")])
        for name, c in report.counts.items():
            if c.added or c.changed or c.archived or c.unchanged:
                row = counts.rowCount()
                counts.insertRow(row)
                for column, value in enumerate((name, c.added, c.changed, c.archived, c.unchanged)):
                    counts.setItem(row, column, QTableWidgetItem(str(value)))
        counts.verticalHeader().hide()
        counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        counts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(counts)

        self.problems = QTableWidget(0, 3, accessibleName=tr("Problems found"))
        self.problems.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.problems.setHorizontalHeaderLabels(["", tr("Where"), tr("Problem")])
        for problem in report.fatal + report.row_problems + report.warnings:
            row = self.problems.rowCount()
            self.problems.insertRow(row)
            kind = tr("Stops the import") if problem.fatal else (tr("Row skipped") if not problem.warning
                                                                 else tr("Note"))
            where = problem.file if problem.row is None else tr("{file} row {row}").format(file=problem.file,
                                                                                           row=problem.row)
            for column, text in enumerate((kind, where, problem.message)):
                self.problems.setItem(row, column, QTableWidgetItem(text))
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(QLabel(tr("{fatal} problems stop the import, {rows} rows have problems, {notes} notes.")
                                .format(fatal=len(report.fatal), rows=len(report.row_problems),
                                        notes=len(report.warnings))))
        layout.addWidget(self.problems, 1)

        self.valid_only = QCheckBox(tr("Import the valid rows only ({n} rows will be skipped)").format(
            n=len(report.row_problems)))
        self.valid_only.setVisible(bool(report.row_problems) and not report.fatal)
        layout.addWidget(self.valid_only)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.valid_only.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        ready = not self.report.fatal and (not self.report.row_problems or self.valid_only.isChecked())
        self.import_button.setEnabled(ready)


class RosterImport:
    """The steps of one import, from choosing the file to refreshing the window."""

    def __init__(self, context: AppContext, parent: QWidget, on_imported) -> None:
        self.context, self.parent, self.on_imported = context, parent, on_imported
        self.task = None
        self.dialog: RosterPreviewDialog | None = None

    def choose(self, folder: bool = False) -> None:
        if folder:
            path = QFileDialog.getExistingDirectory(self.parent, tr("Import a OneRoster folder"))
        else:
            path, _ = QFileDialog.getOpenFileName(self.parent, tr("Import a OneRoster package"), "",
                                                  tr("OneRoster package (*.zip);;All files (*)"))
        if path:
            self.preview(Path(path))

    def _run(self, label: str, work, done) -> None:
        def failed(error: BaseException) -> None:
            if isinstance(error, roster_import.Cancelled):
                self.context.message.emit(tr("Import cancelled; nothing was changed."))
            elif isinstance(error, roster_import.ImportRefused):
                QMessageBox.warning(self.parent, tr("Roster not imported"), str(error))
            else:
                QMessageBox.critical(self.parent, tr("Roster not imported"),
                                     tr("The import stopped and nothing was changed: {error}").format(error=error))

        self.task = run_with_progress(self.parent, label, work, done, failed)

    def preview(self, path: Path) -> None:
        def work(report_progress):
            with self.context.store.unit_of_work() as uow:
                return roster_import.preview_roster(uow, path, progress=report_progress)

        self._run(tr("Reading {name}…").format(name=path.name), work, lambda report: self.show_preview(path, report))

    def show_preview(self, path: Path, report: roster_import.ImportReport) -> None:
        self.dialog = RosterPreviewDialog(report, self.parent)
        self.dialog.accepted.connect(lambda: self.run_import(path, self.dialog.valid_only.isChecked()))
        self.dialog.open()

    def run_import(self, path: Path, valid_only: bool) -> None:
        def work(report_progress):
            with self.context.store.unit_of_work() as uow:
                return roster_import.import_roster(uow, path, valid_only=valid_only, progress=report_progress)

        def done(report: roster_import.ImportReport) -> None:
            added = sum(c.added for c in report.counts.values())
            changed = sum(c.changed + c.archived for c in report.counts.values())
            self.context.message.emit(tr("Roster imported from {source}: {added} added, {changed} updated.").format(
                source=report.source, added=added, changed=changed))
            self.on_imported(report)

        self._run(tr("Importing {name}…").format(name=path.name), work, done)
