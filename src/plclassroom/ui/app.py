"""Starting the desktop app: open the profile's database (building the demo school in a worker
the first time), then show the main window."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from plclassroom.store.database import Store, StoreError
from plclassroom.store.paths import profile_db_path
from plclassroom.ui import i18n, resources, settings, theme
from plclassroom.ui.context import AppContext
from plclassroom.ui.first_run.dialog import CONNECT, DEMO, FirstRunChoice, FirstRunDialog
from plclassroom.ui.i18n import tr
from plclassroom.ui.main_window import MainWindow
from plclassroom.ui.tasks import run_task


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setWindowIcon(QIcon(str(resources.path("icons/plclassroom.svg"))))
    app.setDesktopFileName("plclassroom")  # Wayland finds the window's icon and name by the .desktop file
    chosen = settings.preferences()
    i18n.install(chosen.language)
    theme.apply(chosen.theme)
    theme.apply_text_scale()
    return app


_open_windows: set[MainWindow] = set()


def open_window(store: Store, profile: str) -> MainWindow:
    """A main window on ``store``, kept alive until it is deleted, and its successor after it (a
    window gives way to a new one on a language switch or a restore)."""
    window = MainWindow(AppContext(store, profile))
    window.roster.load_classes()
    _open_windows.add(window)
    window.destroyed.connect(lambda *_args: _open_windows.discard(window))
    return window


def build_demo_then(store: Store, parent, on_ready) -> None:
    """Build the demo school in the writer thread, with a progress dialog and Cancel."""
    from plclassroom.services import demo

    dialog = QProgressDialog(tr("Building the demo school…"), tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle("plclassroom")
    dialog.setMinimumDuration(0)

    def work(report):
        with store.unit_of_work(record_changes=False) as uow:
            summary = demo.build_demo_school(  # on today's calendar: recent evidence, a meeting due
                uow, progress=lambda done, total: report(done, total), cancelled=lambda: task.cancelled,
                today=date.today())
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
            QMessageBox.critical(parent, "plclassroom", tr("The demo school could not be built: {error}").format(
                error=error))
        on_ready()

    task = run_task(work, finished, failed, progress)
    dialog.canceled.connect(task.cancel)
    dialog.show()


def has_classes(store: Store) -> bool:
    from plclassroom.services import roster

    with store.unit_of_work() as uow:
        return bool(roster.list_classes(uow))


def first_run(app) -> FirstRunChoice | None:
    """Ask the first-start questions; None if the person closed the dialog (the app then stops,
    and asks again next time). The chosen language is kept and installed."""
    dialog = FirstRunDialog()
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
        return None
    choice = dialog.choice()
    chosen = settings.preferences()
    chosen.language = choice.language
    settings.save_preferences(chosen)
    i18n.install(choice.language)
    settings.set_first_run_done(DEMO if choice.start == DEMO else "default")
    return choice


def run(db_path: Path | None, profile: str | None, demo: bool = False, quit_when_ready: bool = False,
        started: float | None = None) -> int:
    """Open ``db_path`` (None: ``profile``'s database); no profile named: the first start's questions
    the first time, then the profile chosen there."""
    app = make_application()
    choice = None
    if profile is None and db_path is None:
        if not settings.first_run_done() and not quit_when_ready:
            choice = first_run(app)
            if choice is None:
                return 0
        profile = settings.start_profile()
        demo = demo or profile == DEMO
    profile = profile or "default"
    db_path = db_path or profile_db_path(profile)
    try:
        store = Store.open(db_path)
    except StoreError as error:
        print(f"plclassroom: {error}", file=sys.stderr)
        if not quit_when_ready:
            QMessageBox.critical(None, tr("plclassroom cannot open its data"), str(error))
        return 2

    def show() -> None:
        window = open_window(store, profile)
        window.show()
        if choice is not None and choice.start == CONNECT:
            window.sync.connect_to_server(choice.server_url, choice.code)
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
