"""``plclassroom --self-test``: does this installation work? For the built program (CI runs it on
the PyInstaller build) as much as for a checkout.

It runs offscreen (unless ``QT_QPA_PLATFORM`` says otherwise) in a temporary folder, never the
person's own data or settings: builds the demo school there, opens the main window on it and
shows every tab, records a piece of evidence and reads it back from a fresh connection, attaches
a photo (Pillow), draws the charts and writes a heatmap PDF and PNG (matplotlib), forms groups
(OR-Tools) and checks what sync needs (msgspec, zstandard, httpx with its CA certificates, the
platform's keyring backend), then imports every module of the app. One line per check; exit 0 when all pass, 1 otherwise. Where there is no
console (the windowed program on Windows), the report goes to plclassroom-self-test.txt in the
system's temporary folder (%TEMP%).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

DEMO_PROFILE = "demo"
# Not part of the desktop app: the district server (its own program) and Alembic's env.py, which
# runs migrations when imported and is read as a file instead.
NOT_IN_THE_APP = ("plclassroom.server", "plclassroom.store.migrations.env")


class _Run:
    """The checks' shared state, and the report."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.failures = 0
        self.qt_errors: list[str] = []  # exceptions raised in Qt slots (PySide prints them and goes on)
        self.store = None
        self.window = None
        self.evidence_id = ""

    def check(self, name: str, step: Callable[[], str]) -> bool:
        started = time.perf_counter()
        self.qt_errors.clear()
        try:
            said = step()
            if self.qt_errors:
                raise RuntimeError("an error in a Qt slot: " + self.qt_errors[0])
        except Exception as error:  # noqa: BLE001  (every failure is reported, then the next check runs)
            self.failures += 1
            lines = [line for line in str(error).splitlines() if line.strip()]  # numpy's run to a page
            print(f"  FAIL  {name}: {type(error).__name__}: {lines[-1] if lines else ''}", flush=True)
            traceback.print_exc(file=sys.stderr)
            return False
        print(f"  ok    {name}: {said} ({time.perf_counter() - started:.1f} s)", flush=True)
        return True


REPORT_WITHOUT_CONSOLE = "plclassroom-self-test.txt"  # in the temporary folder of the system


def run_self_test() -> int:
    if sys.stdout is None:  # the windowed Windows program has no console: the report goes to a file
        report = Path(tempfile.gettempdir()) / REPORT_WITHOUT_CONSOLE
        streams = sys.stdout, sys.stderr
        with open(report, "w", encoding="utf-8") as out:
            sys.stdout = sys.stderr = out
            try:
                return run_self_test()
            finally:
                sys.stdout, sys.stderr = streams
    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # (A file Windows still holds open must not turn a passed test into a crash at clean-up.)
    with tempfile.TemporaryDirectory(prefix="plclassroom-self-test-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        os.environ["PLCLASSROOM_DATA_DIR"] = str(folder / "data")
        os.environ["XDG_CONFIG_HOME"] = str(folder / "config")  # QSettings on Linux (elsewhere: see _qt)
        os.environ["MPLCONFIGDIR"] = str(folder / "matplotlib")  # its font cache, built afresh
        run = _Run(folder)
        hook = sys.excepthook
        sys.excepthook = lambda kind, error, tb: run.qt_errors.append(f"{kind.__name__}: {error}")
        try:
            code = _run_checks(run, started)
        finally:
            sys.excepthook = hook
            if run.window is not None:
                run.window.deleteLater()  # not close(): that saves the window's geometry to the settings
            if run.store is not None:
                run.store.close()
    return code


def _run_checks(run: _Run, started: float) -> int:
    import plclassroom

    frozen = "built (PyInstaller)" if getattr(sys, "frozen", False) else "from source"
    print(f"plclassroom {plclassroom.__version__} self-test, {frozen}, Python {sys.version.split()[0]}, "
          f"{sys.platform}, data in {run.folder}", flush=True)
    if not run.check("Qt", lambda: _qt(run)):
        return _verdict(run, started)  # nothing further can run without a QApplication
    if run.check("demo school", lambda: _demo_school(run)) and run.check("main window", lambda: _window(run)):
        if run.check("evidence", lambda: _evidence(run)):
            run.check("photo", lambda: _photo(run))
        run.check("charts and exports", lambda: _charts(run))
        run.check("groups", lambda: _groups(run))
        run.check("languages and licences", lambda: _languages(run))
    run.check("sync libraries", _sync_libraries)
    run.check("modules", _modules)
    return _verdict(run, started)


def _verdict(run: _Run, started: float) -> int:
    seconds = time.perf_counter() - started
    if run.failures:
        print(f"self-test FAILED: {run.failures} check(s) failed ({seconds:.1f} s)", flush=True)
        return 1
    print(f"self-test passed ({seconds:.1f} s)", flush=True)
    return 0


def _qt(run: _Run) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QSettings, qVersion
    from PySide6.QtGui import QGuiApplication

    from plclassroom.ui import app as ui_app
    from plclassroom.ui import settings

    # The window's settings go to an INI file in the temporary folder on every system (the native
    # store is the registry on Windows and a plist on macOS, which XDG_CONFIG_HOME does not move).
    ini, user = QSettings.Format.IniFormat, QSettings.Scope.UserScope
    QSettings.setPath(ini, user, str(run.folder / "config"))
    settings.settings = lambda: QSettings(ini, user, settings.ORGANIZATION, settings.APPLICATION)
    application = ui_app.make_application([sys.argv[0]])
    if QGuiApplication.windowIcon().pixmap(32, 32).isNull():
        raise RuntimeError("the app icon does not draw (resources or Qt's SVG plugins missing?)")
    return f"Qt {qVersion()}, PySide6 {pyside_version}, platform {application.platformName()}"


def _demo_school(run: _Run) -> str:
    from plclassroom.services.demo import build_demo_school
    from plclassroom.store.database import Store
    from plclassroom.store.paths import profile_db_path

    run.store = Store.open(profile_db_path(DEMO_PROFILE))  # also runs the migrations (Alembic)
    with run.store.unit_of_work(record_changes=False) as uow:
        summary = build_demo_school(uow)
        uow.commit()
    return (f"{summary.students} students, {summary.classes} classes in {summary.schools} schools, "
            f"{run.store.path.stat().st_size // 1024} KB")


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


def _window(run: _Run) -> str:
    from plclassroom.ui import app as ui_app

    window = run.window = ui_app.open_window(run.store, DEMO_PROFILE)
    window.show()
    _settle()
    students = window.roster.model.rowCount()
    if not window.roster.current_class_id() or students == 0:
        raise RuntimeError("the window shows no class or no students")
    window.roster.table.selectRow(0)
    _settle()
    if not window.profile.student_id:
        raise RuntimeError("picking a student did not open their profile")
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _settle()
    window.tabs.setCurrentIndex(0)
    return f"{window.roster.current_class().title!r} with {students} students, {window.tabs.count()} tabs shown"


def _languages(run: _Run) -> str:
    """Spanish loads (ours and Qt's own buttons), and About lists the bundled libraries' licences."""
    from plclassroom.ui import i18n
    from plclassroom.ui.help.about import bundled_libraries

    try:
        if not i18n.install("es") or i18n.tr("Cancel") != "Cancelar":
            raise RuntimeError("the Spanish translation does not load (resources/i18n missing?)")
        spanish = run.window.switch_language("es")
        _settle()
        if spanish.tabs.tabText(0) != "&Perfil del estudiante":
            raise RuntimeError(f"the window did not turn Spanish: {spanish.tabs.tabText(0)!r}")
        run.window = spanish
    finally:
        i18n.install("en")
    libraries = {lib.name.lower(): lib.licence for lib in bundled_libraries()}
    if "LGPL" not in libraries.get("pyside6_essentials", libraries.get("pyside6-essentials", "")):
        raise RuntimeError("About lists no PySide6 with its LGPL licence (the build lost its metadata?)")
    return f"Spanish window shown, {len(libraries)} libraries with licences in About"


def _math_view(run: _Run):
    from plclassroom.services import mastery

    with run.store.unit_of_work() as uow:
        view = mastery.class_mastery(uow, run.window.roster.current_class_id())
    if not view.students or not view.competencies:
        raise RuntimeError(f"{view.title} has no students or no competencies")
    return view


def _evidence(run: _Run) -> str:
    from datetime import date

    from plclassroom.domain import Evidence
    from plclassroom.services import mastery
    from plclassroom.store.database import Store

    view = _math_view(run)
    student, competency = view.students[0], view.competencies[0]
    entry = mastery.EvidenceEntry(student.id, competency.id, 4, date.today(), note="self-test")
    with run.store.unit_of_work() as uow:
        (evidence_id,) = mastery.record_evidence(uow, view.class_id, [entry])
    run.evidence_id = evidence_id
    again = Store.open(run.store.path)  # a second connection: the row is on disk, not only in a session
    try:
        with again.unit_of_work() as uow:
            row = uow.get(Evidence, evidence_id)
            if row is None or row.score != 4 or row.note != "self-test":
                raise RuntimeError("the recorded evidence did not read back")
    finally:
        again.close()
    size = sum(p.stat().st_size for p in run.store.path.parent.glob(run.store.path.name + "*"))
    return f"1 piece recorded and read back, database {size // 1024} KB"


def _photo(run: _Run) -> str:
    from PySide6.QtGui import QColor, QImage

    from plclassroom.domain import Attachment
    from plclassroom.services import attachments

    photo = QImage(2400, 1800, QImage.Format.Format_RGB32)  # a phone's picture of a poster, say
    photo.fill(QColor("#1f5f8b"))
    source = run.folder / "poster.png"
    if not photo.save(str(source)):
        raise RuntimeError("Qt could not write a PNG")
    with run.store.unit_of_work() as uow:
        attachment_id = attachments.attach_file(uow, "evidence", run.evidence_id, source)  # Pillow downsizes it
        row = uow.get(Attachment, attachment_id)
        kept = uow.files_dir / row.sha256[:2] / row.sha256
        if row.media_type != "image/jpeg" or not kept.is_file():
            raise RuntimeError(f"the photo was kept as {row.media_type}, not downsized to a JPEG")
    return f"a 2400x1800 photo attached, downsized to a {row.size // 1024} KB JPEG (Pillow)"


def _charts(run: _Run) -> str:
    from plclassroom.ui.mastery import reports

    view = _math_view(run)
    dialog = run.window.open_history(view.students[0].id, view.competencies[0].id)  # a trend chart in Qt
    _settle()
    dialog.close()
    written = []
    for name in ("heatmap.pdf", "heatmap.png"):
        path = reports.export_heatmap(view, run.folder / name)
        head = path.read_bytes()[:8]
        if not (head.startswith(b"%PDF") or head.startswith(b"\x89PNG")):
            raise RuntimeError(f"{name} is not a PDF or PNG")
        written.append(f"{name} {path.stat().st_size // 1024} KB")
    return "trend chart shown, " + ", ".join(written)


def _groups(run: _Run) -> str:
    from plclassroom.domain import grouping

    view = _math_view(run)
    competency = view.competencies[0]
    cells = {s.id: view.cell(s.id, competency.id) for s in view.students}
    learners = [grouping.Learner(s.id, s.name, level=cells[s.id].score if cells[s.id] else None)
                for s in view.students]
    result = grouping.form_groups(learners, grouping.Rules(group_count=4, time_limit=5.0))
    placed = sum(len(group) for group in result.groups)
    if placed != len(learners):
        raise RuntimeError(f"{placed} of {len(learners)} learners placed in groups")
    return f"{len(learners)} learners in {len(result.groups)} groups ({result.status}, OR-Tools)"


def _sync_libraries() -> str:
    from importlib.metadata import entry_points

    import httpx

    from plclassroom.sync import protocol

    change = protocol.Change(1, "evidence", "row-1", "insert", 1, "device-1", {"score": 3.0})
    message = protocol.PushRequest(device="device-1", changes=[change])
    for encoding in ("zstd", "gzip"):
        if protocol.unpack(protocol.pack(message, encoding), protocol.PushRequest, encoding) != message:
            raise RuntimeError(f"a sync message did not survive msgspec + {encoding}")
    with httpx.Client(timeout=1.0):  # loads the CA certificates (certifi) for HTTPS
        pass
    wanted = {"win32": "Windows", "darwin": "macOS"}.get(sys.platform, "SecretService")
    backends = {point.name: point for point in entry_points(group="keyring.backends")}
    if wanted not in backends:
        raise RuntimeError(f"keyring has no {wanted} backend (its metadata is missing?): {sorted(backends)}")
    backends[wanted].load()
    return f"msgspec + zstd/gzip round trip, httpx {httpx.__version__}, keyring {wanted} backend loads"


def _modules() -> str:
    import importlib
    import pkgutil

    import plclassroom

    count = 0
    pending = [(plclassroom.__path__, "plclassroom.")]
    while pending:
        path, prefix = pending.pop()
        for info in pkgutil.iter_modules(path, prefix):
            if info.name.startswith(NOT_IN_THE_APP):
                continue
            module = importlib.import_module(info.name)
            count += 1
            if info.ispkg:
                pending.append((module.__path__, info.name + "."))
    if count < 50:
        raise RuntimeError(f"only {count} modules found: the app is incomplete")
    return f"{count} modules import"
