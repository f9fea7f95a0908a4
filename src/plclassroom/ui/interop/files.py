"""File > Import framework, Export class roster, Export mastery: each in the writer thread
behind a progress dialog, the window staying usable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from plclassroom.interop.case import CaseError
from plclassroom.services import exports, frameworks
from plclassroom.ui.context import AppContext
from plclassroom.ui.tasks import run_with_progress


class FileActions:
    def __init__(self, context: AppContext, parent: QWidget, current_class) -> None:
        self.context, self.parent, self.current_class = context, parent, current_class
        self.task = None

    def _failed(self, title: str):
        def failed(error: BaseException) -> None:
            QMessageBox.warning(self.parent, title, f"{error}\n\nNothing was changed.")
        return failed

    def import_framework(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.parent, "Import a competency framework", "",
                "Frameworks (*.json *.csv);;CASE package (*.json);;OpenSALT spreadsheet (*.csv)")
            if not chosen:
                return
            path = Path(chosen)

        def work(_report):
            with self.context.store.unit_of_work() as uow:
                return frameworks.import_framework_file(uow, path)

        def done(result) -> None:
            title, report = result
            self.context.message.emit(
                f"Framework “{title}”: {report.added} competencies added, {report.updated} updated, "
                f"{report.unchanged} unchanged" + (f", {report.retired} no longer in the file (kept)"
                                                   if report.retired else "") + ".")

        def failed(error: BaseException) -> None:
            message = str(error) if isinstance(error, CaseError) else f"The import stopped: {error}"
            QMessageBox.warning(self.parent, "Framework not imported", f"{message}\n\nNothing was changed.")

        self.task = run_with_progress(self.parent, f"Importing {path.name}…", work, done, failed)

    def export(self, what: str, path: Path | None = None) -> None:
        """``what``: "roster" or "mastery", for the class picked in the roster."""
        summary = self.current_class()
        if summary is None:
            self.context.message.emit("Pick a class to export first.")
            return
        if path is None:
            suggested = f"{summary.title} {what}.csv".replace("·", "-").replace("/", "-")
            chosen, _ = QFileDialog.getSaveFileName(self.parent, f"Export {what}", suggested, "CSV (*.csv)")
            if not chosen:
                return
            path = Path(chosen)
        export = exports.export_roster if what == "roster" else exports.export_mastery

        def work(_report):
            with self.context.store.unit_of_work() as uow:
                return export(uow, summary.id, path)

        def done(rows: int) -> None:
            self.context.message.emit(f"Exported {rows} rows to {path.name}.")

        self.task = run_with_progress(self.parent, f"Exporting {path.name}…", work, done,
                                      self._failed("Export failed"))
