"""Class > Export heatmap / Export student report / Distribution chart: the class picked in the
roster, written in the writer thread behind a progress dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QVBoxLayout, QWidget

from plclassroom.services import mastery
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr
from plclassroom.ui.tasks import run_with_progress


class MasteryExports:
    def __init__(self, context: AppContext, parent: QWidget, current_class, current_student) -> None:
        self.context, self.parent = context, parent
        self.current_class, self.current_student = current_class, current_student
        self.task = None

    def _path(self, title: str, suggested: str) -> Path | None:
        filters = "PDF (*.pdf);;" + tr("PNG image") + " (*.png)"  # notr: the patterns Qt needs verbatim
        chosen, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, filters)
        return Path(chosen) if chosen else None

    def _run(self, label: str, work, path: Path) -> None:
        def done(_result) -> None:
            self.context.message.emit(tr("Saved {name}.").format(name=path.name))

        def failed(error: BaseException) -> None:
            QMessageBox.warning(self.parent, tr("Not saved"), f"{error}")

        self.task = run_with_progress(self.parent, label, work, done, failed)

    def heatmap(self, path: Path | None = None, as_of=None) -> None:
        summary = self.current_class()
        if summary is None:
            self.context.message.emit(tr("Pick a class first."))
            return
        path = path or self._path(tr("Export the class heatmap"),
                                  tr("{title} mastery.pdf").format(title=summary.title).replace("·", "-"))
        if path is None:
            return

        def work(_report):
            from plclassroom.ui.mastery.reports import export_heatmap

            with self.context.store.unit_of_work() as uow:
                view = mastery.class_mastery(uow, summary.id, as_of=as_of)
            return export_heatmap(view, path)

        self._run(tr("Saving {name}…").format(name=path.name), work, path)

    def student_report(self, path: Path | None = None) -> None:
        summary, student_id = self.current_class(), self.current_student()
        if summary is None or not student_id:
            self.context.message.emit(tr("Pick a class and a student first."))
            return
        if path is None:
            path = self._path(tr("Export the student's mastery report"), tr("mastery report.pdf"))
            if path is None:
                return

        def work(_report):
            from plclassroom.ui.mastery.reports import export_student_report

            with self.context.store.unit_of_work() as uow:
                view = mastery.class_mastery(uow, summary.id)
                histories = {c.id: mastery.student_history(uow, summary.id, student_id, c.id)
                             for c in view.competencies}
            return export_student_report(view, student_id, histories, path)

        self._run(tr("Saving {name}…").format(name=path.name), work, path)

    def distribution(self) -> QDialog | None:
        summary = self.current_class()
        if summary is None:
            self.context.message.emit(tr("Pick a class first."))
            return None
        from plclassroom.ui.charts.mastery_charts import DistributionChart

        dialog = QDialog(self.parent)
        dialog.setWindowTitle(tr("Distribution — {title}").format(title=summary.title))
        dialog.resize(900, 560)
        chart = DistributionChart(dialog)
        chart.plot(self.context.call(mastery.class_mastery, summary.id))
        QVBoxLayout(dialog).addWidget(chart)
        dialog.chart = chart
        dialog.open()
        return dialog
