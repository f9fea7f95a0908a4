"""File > Import framework, Export class roster, Export mastery: each in the writer thread
behind a progress dialog, the window staying usable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from plclassroom.interop.case import CaseError
from plclassroom.services import exports, frameworks
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr
from plclassroom.ui.tasks import run_with_progress


class FileActions:
    def __init__(self, context: AppContext, parent: QWidget, current_class) -> None:
        self.context, self.parent, self.current_class = context, parent, current_class
        self.task = None

    def _failed(self, title: str):
        def failed(error: BaseException) -> None:
            QMessageBox.warning(self.parent, title, f"{error}\n\n{tr('Nothing was changed.')}")
        return failed

    def import_framework(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.parent, tr("Import a competency framework"), "",
                tr("Frameworks (*.json *.csv);;CASE package (*.json);;OpenSALT spreadsheet (*.csv)"))
            if not chosen:
                return
            path = Path(chosen)

        def work(_report):
            with self.context.store.unit_of_work() as uow:
                return frameworks.import_framework_file(uow, path)

        def done(result) -> None:
            title, report = result
            text = (tr("Framework “{title}”: {added} competencies added, {updated} updated, {unchanged} unchanged, "
                       "{retired} no longer in the file (kept).") if report.retired else
                    tr("Framework “{title}”: {added} competencies added, {updated} updated, {unchanged} unchanged."))
            self.context.message.emit(text.format(title=title, added=report.added, updated=report.updated,
                                                  unchanged=report.unchanged, retired=report.retired))

        def failed(error: BaseException) -> None:
            message = str(error) if isinstance(error, CaseError) else tr("The import stopped: {error}").format(
                error=error)
            QMessageBox.warning(self.parent, tr("Framework not imported"),
                                f"{message}\n\n{tr('Nothing was changed.')}")

        self.task = run_with_progress(self.parent, tr("Importing {name}…").format(name=path.name), work, done,
                                      failed)

    def export(self, what: str, path: Path | None = None) -> None:
        """``what``: "roster" or "mastery", for the class picked in the roster."""
        summary = self.current_class()
        if summary is None:
            self.context.message.emit(tr("Pick a class to export first."))
            return
        if path is None:
            suggested = f"{summary.title} {what}.csv".replace("·", "-").replace("/", "-")
            title = tr("Export roster") if what == "roster" else tr("Export mastery")
            chosen, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, tr("CSV (*.csv)"))
            if not chosen:
                return
            path = Path(chosen)
        export = exports.export_roster if what == "roster" else exports.export_mastery

        def work(_report):
            with self.context.store.unit_of_work() as uow:
                return export(uow, summary.id, path)

        def done(rows: int) -> None:
            self.context.message.emit(tr("Exported {rows} rows to {name}.").format(rows=rows, name=path.name))

        self.task = run_with_progress(self.parent, tr("Exporting {name}…").format(name=path.name), work, done,
                                      self._failed(tr("Export failed")))
