"""Help > About plclassroom: the version, where the data is, and every bundled library with its
licence, read from the installed packages' own metadata (the built app carries it, see
installers/plclassroom.spec). Qt is LGPL: the box says how a person can put their own Qt in."""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import plclassroom
from plclassroom.ui.i18n import tr


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.split(" :: ")[-1] for c in (meta.get_all("Classifier") or []) if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    text = (meta.get("License") or "").strip()
    return text.splitlines()[0][:80] if text else "?"


def bundled_libraries() -> list[Library]:
    """plclassroom's dependencies and theirs, as installed (or as the built app carries them)."""
    seen: dict[str, Library] = {}
    todo = ["plclassroom"]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = Library(dist.metadata["Name"], dist.version, _licence(dist))
        for requirement in dist.requires or []:
            if "extra ==" in requirement:
                continue  # optional parts (tests, other drivers) are not in the app
            todo.append(re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0])
    seen.pop("plclassroom", None)
    return sorted(seen.values(), key=lambda lib: lib.name.lower())


def lgpl_note() -> str:
    return tr(
        "<p>plclassroom uses Qt {qt} and Qt for Python (PySide6) {pyside} under the GNU Lesser General "
        "Public License v3. You may replace the Qt libraries with your own build of the same version: "
        "they are separate files beside the program (on Linux in <i>_internal/PySide6/Qt/lib</i>, on "
        "Windows in <i>_internal\\PySide6</i>, on macOS in <i>plclassroom.app/Contents/Frameworks</i>). "
        "The source of Qt and PySide6 is at download.qt.io. The licence texts are in each library's "
        "folder of the installation.</p>").format(qt=qVersion(), pyside=pyside_version)


class AboutDialog(QDialog):
    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About plclassroom"))
        about = QLabel(tr(
            "<h2>plclassroom {version}</h2><p>Offline-first personalised learning for K-12 classrooms: "
            "learner profiles, playlists, mastery, station rotations and conferences.</p>"
            "<p>Data: {database}<br>Python {python}, Qt {qt}</p>").format(
                version=plclassroom.__version__, database=database, python=platform.python_version(),
                qt=qVersion()), wordWrap=True, accessibleName=tr("About plclassroom"))
        about.setAlignment(Qt.AlignmentFlag.AlignTop)
        libraries = bundled_libraries()
        self.table = QTableWidget(len(libraries), 3, accessibleName=tr("Bundled libraries and their licences"))
        self.table.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.table.setHorizontalHeaderLabels([tr("Library"), tr("Version"), tr("Licence")])
        for row, library in enumerate(libraries):
            for column, text in enumerate((library.name, library.version, library.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        qt = QTextBrowser(accessibleName=tr("Qt and the LGPL"))
        qt.setHtml(lgpl_note())
        tabs = QTabWidget(accessibleName=tr("About"))
        tabs.addTab(about, tr("&About"))
        tabs.addTab(self.table, tr("&Licences"))
        tabs.addTab(qt, tr("&Qt and the LGPL"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(720, 480)
