"""Starting the desktop app: open the profile's database (building the demo school in a worker
the first time), then show the main window."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from plclassroom.store.database import Store, StoreError
from plclassroom.ui import resources, settings
from plclassroom.ui.context import AppContext
from plclassroom.ui.main_window import MainWindow
from plclassroom.ui.tasks import run_task


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setWindowIcon(QIcon(str(resources.path("icons/plclassroom.svg"))))
    app.setStyleSheet(resources.path("styles/app.qss").read_text(encoding="utf-8"))
    return app


def open_window(store: Store, profile: str) -> MainWindow:
    window = MainWindow(AppContext(store, profile))
    window.roster.load_classes()
    return window


def build_demo_then(store: Store, parent, on_ready) -> None:
    """Build the demo school in the writer thread, with a progress dialog and Cancel."""
    from plclassroom.services import demo

    dialog = QProgressDialog("Building the demo school…", "Cancel", 0, 0, parent)
    dialog.setWindowTitle("plclassroom")
    dialog.setMinimumDuration(0)

    def work(report):
        with store.unit_of_work(record_changes=False) as uow:
            summary = demo.build_demo_school(
                uow, progress=lambda done, total: report(done, total), cancelled=lambda: task.cancelled)
            uow.commit()
        return summary

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def finished(_result) -> None:
        dialog.reset()
        on_ready()

    def failed(error: BaseException) -> None:
        dialog.reset()
        if not isinstance(error, demo.Cancelled):
            QMessageBox.critical(parent, "plclassroom", f"The demo school could not be built: {error}")
        on_ready()

    task = run_task(work, finished, failed, progress)
    dialog.canceled.connect(task.cancel)
    dialog.show()


def has_classes(store: Store) -> bool:
    from plclassroom.services import roster

    with store.unit_of_work() as uow:
        return bool(roster.list_classes(uow))


def run(db_path: Path, profile: str, demo: bool = False, quit_when_ready: bool = False,
        started: float | None = None) -> int:
    app = make_application()
    try:
        store = Store.open(db_path)
    except StoreError as error:
        print(f"plclassroom: {error}", file=sys.stderr)
        if not quit_when_ready:
            QMessageBox.critical(None, "plclassroom cannot open its data", str(error))
        return 2

    windows: list[MainWindow] = []

    def show() -> None:
        window = open_window(store, profile)
        windows.append(window)
        window.show()
        if quit_when_ready:
            # For benchmarks and smoke tests: report when the window is up and filled, then leave.
            def ready() -> None:
                elapsed = time.perf_counter() - started if started else 0.0
                print(f"READY {elapsed * 1000:.0f} ms, {window.roster.model.rowCount()} students shown",
                      flush=True)
                window.close()
                app.quit()

            QTimer.singleShot(0, ready)

    if demo and not has_classes(store):
        build_demo_then(store, None, show)
    else:
        show()
    code = app.exec()
    store.close()
    return code
