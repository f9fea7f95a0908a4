"""Backups in the window: File > Back up now, File > Restore from backup, and a backup on the
schedule chosen in Settings (every day by default) while the app is open. The work runs in the
writer thread (``ui/tasks.py``); the use cases are ``services/backup.py``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from shiboken6 import isValid

from plclassroom.services import backup
from plclassroom.ui import settings
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr
from plclassroom.ui.tasks import Task, run_task, run_with_progress

CHECK_MS = 10 * 60 * 1000  # how often the schedule is looked at
FIRST_CHECK_MS = 2 * 60 * 1000  # after start-up: the first minutes are the teacher's, not the disk's


def backup_folder() -> Path:
    chosen = settings.preferences().backup_folder
    return Path(chosen) if chosen else backup.default_folder()


class BackupActions(QObject):
    """``replaced(window)``: a restore finished, and this new window shows the restored data."""

    replaced = Signal(object)

    def __init__(self, context: AppContext, window: QWidget, sync=None,
                 save_typing: Callable[[], None] | None = None) -> None:
        super().__init__(window)
        self.context, self.window, self.sync, self.save_typing = context, window, sync, save_typing
        self.task: Task | None = None
        self.timer = QTimer(self, interval=CHECK_MS, timeout=self.back_up_if_due)
        self.timer.start()
        self.first = QTimer(self, singleShot=True, interval=FIRST_CHECK_MS, timeout=self.back_up_if_due)
        self.first.start()

    @property
    def database(self) -> str:
        return self.context.store.path.stem

    # -- backing up ----------------------------------------------------------------------------------

    def due(self, now: datetime | None = None) -> bool:
        every = settings.preferences().backup_every_hours
        if not every:
            return False
        last = settings.last_backup(self.database)
        return last is None or (now or datetime.now(UTC)) - last >= timedelta(hours=every)

    def back_up_if_due(self) -> Task | None:
        return self.back_up(quietly=True) if self.due() and self.task is None else None

    def back_up(self, quietly: bool = False) -> Task | None:
        """Back up now (File > Back up now…), or ``quietly`` on the schedule: no dialog, a status line."""
        if self.task is not None:
            return self.task
        chosen = settings.preferences()
        store, folder, database = self.context.store, backup_folder(), self.database

        def done(result: backup.BackedUp) -> None:
            settings.set_last_backup(database, datetime.now(UTC))
            if not isValid(self):
                return  # the window closed while the backup ran: nothing to show it on
            self.task = None
            said = (tr("Backed up to {path} (the newest {n} are kept).") if result.removed
                    else tr("Backed up to {path}."))
            self.context.message.emit(said.format(path=result.path, n=chosen.backup_keep))

        def failed(error: BaseException) -> None:
            if not isValid(self):
                return
            self.task = None
            text = str(error) if isinstance(error, backup.BackupError) else \
                tr("The backup stopped ({error}); nothing else was changed.").format(
                    error=f"{type(error).__name__}: {error}")
            self.context.message.emit(text)
            if not quietly:
                QMessageBox.warning(self.window, tr("Backup not made"), text)

        def work(_report):
            return backup.back_up(store, folder, chosen.backup_keep)

        self.task = run_task(work, done, failed) if quietly else \
            run_with_progress(self.window, tr("Backing up…"), work, done, failed)
        return self.task

    # -- restoring ----------------------------------------------------------------------------------

    def choose_and_restore(self) -> Task | None:
        path, _kind = QFileDialog.getOpenFileName(self.window, tr("Restore from backup"), str(backup_folder()),
                                                  tr("plclassroom backups (*.sqlite)") + ";;" + tr("All files (*)"))
        return self.restore(Path(path)) if path else None

    def restore(self, path: Path, confirm: Callable[[backup.Checked], bool] | None = None) -> Task | None:
        """Check ``path`` (in the writer thread), ask (``confirm``, else a question box), then restore."""
        if self.task is not None or (self.sync is not None and self.sync.task is not None):
            self.context.message.emit(tr("Wait for the backup or sync under way to finish, then restore."))
            return None
        store, path = self.context.store, Path(path)

        def checked(result: backup.Checked) -> None:
            self.task = None
            if (confirm or self.ask)(result):
                self._replace(path)
            else:
                self.context.message.emit(tr("Nothing was restored."))

        self.task = run_with_progress(self.window, tr("Checking {name}…").format(name=path.name),
                                      lambda _report: backup.check(store, path), checked, self._restore_failed)
        return self.task

    def ask(self, result: backup.Checked) -> bool:
        box = self.question(result)
        box.exec()
        return box.clickedButton() is box.restore

    def question(self, result: backup.Checked) -> QMessageBox:
        """What the backup holds and what restoring it does, with Restore and Cancel (the default)."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("Restore from backup"),
                          tr("Restore {name}?").format(name=result.facts.path.name), parent=self.window)
        box.setInformativeText("\n".join(result.summary()) + "\n\n" + tr(
            "What is on this laptop now is replaced. A copy of it is kept first in {folder}, so you can go back "
            "to it.").format(folder=backup_folder()))
        box.restore = box.addButton(tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box

    def _replace(self, path: Path) -> None:
        if self.save_typing is not None:
            self.save_typing()
        store, folder = self.context.store, backup_folder()
        self.timer.stop()
        self.task = run_with_progress(self.window, tr("Restoring {name}…").format(name=path.name),
                                      lambda _report: backup.restore(store, path, folder), self._restored,
                                      self._restore_failed)
        if self.sync is not None:
            # No sync may start on the database being replaced (nor, after, with this window's
            # store): the controller takes a running task as "busy", and is closed with the window.
            self.sync.timer.stop()
            self.sync.task = self.task

    def _restore_failed(self, error: BaseException) -> None:
        self.task = None
        self.timer.start()
        if self.sync is not None and self.sync.task is not None:
            self.sync.task = None
            self.sync.apply_schedule()
        text = str(error) if isinstance(error, backup.BackupError) else \
            tr("The restore stopped ({error}). Nothing was changed.").format(error=f"{type(error).__name__}: {error}")
        QMessageBox.warning(self.window, tr("Backup not restored"), text)

    def _restored(self, result: backup.Restored) -> None:
        """Show the restored data in a new window (every view built afresh on the new store) and
        close this one with its old store."""
        from plclassroom.ui.app import open_window

        self.task = None
        settings.set_last_backup(result.store.path.stem, datetime.now(UTC))  # what it holds is a backup file
        window = open_window(result.store, self.context.profile_name)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(result.store.close)
        window.show()
        said = tr("Restored {name}. The data from before is in {folder}.").format(
            name=result.checked.facts.path.name, folder=result.safety)
        if result.new_identity:
            said += " " + tr("This copy has a new sync identity: connect to the district server again (File > "
                             "Connect to district server).")
        if result.forgotten_again == 1:
            said += " " + tr("A student deleted from this laptop after the backup was deleted again.")
        elif result.forgotten_again:
            said += " " + tr("{n} students deleted from this laptop after the backup were deleted again.").format(
                n=result.forgotten_again)
        window.context.message.emit(said)
        old = self.window
        old.close()
        old.deleteLater()
        self.replaced.emit(window)
