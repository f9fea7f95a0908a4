"""A family's requests in the window (Student menu): export everything about the open student
to a zip, and delete the student from this laptop after saying exactly what goes.
services/privacy.py says what an export holds and withholds, and how a deletion stays deleted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from plclassroom.services import privacy
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr
from plclassroom.ui.tasks import Task, run_task, run_with_progress


def forget_question(records: privacy.StudentRecords) -> str:
    """What the confirmation says: everything that goes, and what deleting here does not do."""
    name = records.name
    what = ", ".join([tr("their person record")] + records.described())
    unsent = ""
    if records.unsent:
        unsent = "\n\n" + (
            tr("{n} change about {name} not yet sent to the district will not be sent.") if records.unsent == 1
            else tr("{n} changes about {name} not yet sent to the district will not be sent.")
        ).format(n=records.unsent, name=name)
    return (tr("Delete {name} from this laptop?").format(name=name) + "\n\n"
            + tr("This removes for good, from this laptop only: {what}; their guardians' details unless another "
                 "student here has them too; and files attached to any of these.").format(what=what)
            + unsent + "\n\n"
            + tr("The district keeps its own record of {name}: ask the district to act on the family's request "
                 "too. This laptop will not take {name} back from the district in a later sync. Copies made "
                 "before (backups, exports) are not changed. This cannot be undone.").format(name=name))


def counts_text(rows: int, files: int) -> str:
    """ "12 records, 2 files" (no files: not said)."""
    said = tr("{n} record").format(n=rows) if rows == 1 else tr("{n} records").format(n=rows)
    if files:
        said += ", " + (tr("{n} file").format(n=files) if files == 1 else tr("{n} files").format(n=files))
    return said


class StudentRequests:
    def __init__(self, context: AppContext, window: QWidget,
                 before_forget: Callable[[], None] | None = None,
                 after_forget: Callable[[], None] | None = None) -> None:
        self.context, self.window = context, window
        self.before_forget, self.after_forget = before_forget, after_forget
        self.task: Task | None = None
        self.last_summary = None

    def _records(self, student_id: str) -> privacy.StudentRecords | None:
        if not student_id:
            self.context.message.emit(tr("Pick a student first."))
            return None
        try:
            return self.context.call(privacy.records_about, student_id)
        except privacy.PrivacyError as error:
            self.context.message.emit(str(error))
            return None

    def export(self, student_id: str, path: str | Path | None = None) -> Task | None:
        """Student > Export everything about this student: a zip, written in the worker."""
        records = self._records(student_id)
        if records is None:
            return None
        if path is None:
            default = tr("{name} - plclassroom records {date}.zip").format(name=records.name,
                                                                           date=date.today().isoformat())
            path, _kind = QFileDialog.getSaveFileName(self.window, tr("Export everything about this student"),
                                                      default, tr("Zip files (*.zip)"))
        if not path:
            return None
        store, target, name = self.context.store, Path(path), records.name

        def work(report):
            with store.unit_of_work() as uow:
                return privacy.export_student(uow, student_id, target, report)

        def done(summary: privacy.ExportSummary) -> None:
            self.task, self.last_summary = None, summary
            withheld = sum(summary.withheld.values())
            counts = counts_text(summary.rows, summary.files)
            if withheld:
                said = tr("Wrote {file}: everything about {name} ({counts}); {withheld} the school decides on were "
                          "left out (its summary says which).")
            else:
                said = tr("Wrote {file}: everything about {name} ({counts}).")
            self.context.message.emit(said.format(file=target.name, name=name, counts=counts, withheld=withheld))

        self.task = run_with_progress(self.window, tr("Exporting everything about {name}…").format(name=name), work,
                                      done, self._failed)
        return self.task

    def forget(self, student_id: str, confirm: Callable[[str], bool] | None = None) -> Task | None:
        """Student > Delete this student from this laptop, after a confirmation that lists what goes."""
        records = self._records(student_id)
        if records is None:
            return None
        if not (confirm or self._confirm)(forget_question(records)):
            return None
        if self.before_forget is not None:
            self.before_forget()  # views let go of the student (typing saved, undo history cleared)
        store, name = self.context.store, records.name
        busy = QProgressDialog(tr("Deleting {name} from this laptop…").format(name=name), "", 0, 0, self.window)
        busy.setCancelButton(None)  # one transaction: it is done whole or not at all
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(300)

        def done(summary: privacy.ForgetSummary) -> None:
            busy.reset()
            self.task, self.last_summary = None, summary
            if self.after_forget is not None:
                self.after_forget()
            said = (tr("{name} was deleted from this laptop ({counts}).").format(
                name=name, counts=counts_text(summary.rows, summary.files))
                + " " + tr("Ask the district to act on the family's request too."))
            if not summary.compacted:
                said += " " + tr("The database file could not be compacted just now: its free space may hold traces "
                                 "until the next deletion.")
            self.context.message.emit(said)

        def failed(error: BaseException) -> None:
            busy.reset()
            self._failed(error)

        self.task = run_task(lambda _report: privacy.forget_student(store, student_id), done, failed)
        return self.task

    def _confirm(self, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Delete this student from this laptop"), question,
                          QMessageBox.StandardButton.Cancel, self.window)
        delete = box.addButton(tr("Delete from this laptop"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is delete

    def _failed(self, error: BaseException) -> None:
        self.task = None
        if isinstance(error, (privacy.PrivacyError, privacy.Cancelled, OSError)):
            self.context.message.emit(str(error))
        else:
            self.context.message.emit(tr("Stopped: {error}. Nothing was changed.").format(error=type(error).__name__))
