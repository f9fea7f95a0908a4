"""The "Playlists" tab: the class's playlists, the editor, assigning, the progress grid and the
class board ("who is stuck, who is ready for a checkpoint, who is done")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from plclassroom.domain import ItemKind, ProgressStatus
from plclassroom.services import groups, mastery, playlist_share, playlists, roster
from plclassroom.services.mastery import short_code
from plclassroom.services.playlists import BoardRow
from plclassroom.ui.charts import text_color_on
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr
from plclassroom.ui.playlists.editor import PlaylistEditor, kind_text, playlist_status_text
from plclassroom.ui.playlists.next_steps import NextStepsPanel
from plclassroom.ui.playlists.paper import lookup_code, write_sheets
from plclassroom.ui.tasks import run_with_progress
from plclassroom.ui.undo import Change

# One key a status, for marking progress from the keyboard.
STATUS_KEYS = {"n": ProgressStatus.NOT_STARTED, "w": ProgressStatus.WORKING, "s": ProgressStatus.SUBMITTED,
               "d": ProgressStatus.DONE, "h": ProgressStatus.NEEDS_HELP}
STATUS_COLOURS = {ProgressStatus.NOT_STARTED: "#ffffff", ProgressStatus.WORKING: "#fff3c4",
                  ProgressStatus.SUBMITTED: "#d6eaf8", ProgressStatus.DONE: "#d5f0e0",
                  ProgressStatus.NEEDS_HELP: "#f8d0c8"}


def status_marks() -> dict[ProgressStatus, str]:
    """What a cell of the progress grid says for each status, in the user's language."""
    return {ProgressStatus.NOT_STARTED: "·", ProgressStatus.WORKING: tr("working"),
            ProgressStatus.SUBMITTED: tr("submitted"), ProgressStatus.DONE: tr("✓ done"),
            ProgressStatus.NEEDS_HELP: tr("! help")}


def status_text(status: ProgressStatus) -> str:
    """A progress status in words, in the user's language."""
    return {ProgressStatus.NOT_STARTED: tr("not started"), ProgressStatus.WORKING: tr("working"),
            ProgressStatus.SUBMITTED: tr("submitted"), ProgressStatus.DONE: tr("done"),
            ProgressStatus.NEEDS_HELP: tr("needs help")}.get(status, status.value)


class AssignDialog(QDialog):
    def __init__(self, context: AppContext, class_id: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Assign “{title}”").format(title=title))
        self.whole = QRadioButton(tr("The whole class"), checked=True)
        self.group = QRadioButton(tr("A group"))
        self.some = QRadioButton(tr("Some students"))
        self.context, self.class_id = context, class_id
        self.groups = QComboBox(accessibleName=tr("Group"))
        for group_id, name, members in context.call(groups.list_groups, class_id):
            self.groups.addItem(f"{name} ({len(members)})", group_id)
        self.group.setEnabled(self.groups.count() > 0)
        make_group = QPushButton(tr("Make a group of the selected students…"))
        make_group.clicked.connect(lambda: self.make_group())
        self.students = QListWidget(accessibleName=tr("Students to assign"))
        self.students.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for student in context.call(mastery.class_students, class_id):
            entry = QListWidgetItem(student.name)
            entry.setData(Qt.ItemDataRole.UserRole, student.id)
            self.students.addItem(entry)
        self.start = QDateEdit(QDate.currentDate(), calendarPopup=True, accessibleName=tr("Start"))
        self.due = QDateEdit(QDate.currentDate().addDays(14), calendarPopup=True, accessibleName=tr("Due"))
        form = QFormLayout(self)
        form.addRow(self.whole)
        form.addRow(self.group, self.groups)
        form.addRow(self.some)
        form.addRow(self.students)
        form.addRow(make_group)
        form.addRow(tr("Start:"), self.start)
        form.addRow(tr("Due:"), self.due)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def make_group(self, name: str | None = None) -> str | None:
        chosen = [i.data(Qt.ItemDataRole.UserRole) for i in self.students.selectedItems()]
        if name is None:
            name, ok = QInputDialog.getText(self, tr("New group"), tr("Name of the group:"))
            if not ok:
                return None
        try:
            group_id = self.context.call(groups.create_group, self.class_id, name, chosen)
        except groups.GroupError as error:
            self.context.message.emit(str(error))
            return None
        self.groups.addItem(f"{name.strip()} ({len(chosen)})", group_id)
        self.groups.setCurrentIndex(self.groups.count() - 1)
        self.group.setEnabled(True)
        self.group.setChecked(True)
        return group_id

    def target(self) -> dict:
        if self.group.isChecked():
            return {"group_id": self.groups.currentData()}
        if self.some.isChecked():
            return {"student_ids": [i.data(Qt.ItemDataRole.UserRole) for i in self.students.selectedItems()]}
        return {}


class ProgressModel(QAbstractTableModel):
    """Students down, the playlist's items across, the status in each cell."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[BoardRow] = []
        self.playlist_id = ""
        self.items = []

    def set_board(self, board: list[BoardRow], playlist_id: str) -> None:
        self.beginResetModel()
        self.playlist_id = playlist_id
        self.rows = [row for row in board if any(p.playlist_id == playlist_id for p in row.playlists)]
        first = next((p for row in self.rows for p in row.playlists if p.playlist_id == playlist_id), None)
        self.items = [base for base, _v, _s in first.items] if first else []
        self.endResetModel()

    def entry(self, row: int):
        return next(p for p in self.rows[row].playlists if p.playlist_id == self.playlist_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Vertical:
                return self.rows[section].name
            item = self.items[section]
            if item.required:
                return f"{section + 1}. {item.title[:12]}"
            return tr("{number}. {title} (may)").format(number=section + 1, title=item.title[:12])
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            item = self.items[section]
            parts = [item.title, kind_text(item.kind)]
            if item.minutes:
                parts.append(tr("{minutes} min").format(minutes=item.minutes))
            return " · ".join(parts)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        _base, version, status = entry.items[index.column()]
        status = ProgressStatus(status)
        if role == Qt.ItemDataRole.DisplayRole:
            return status_marks()[status] if version is not None else tr("n/a")
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATUS_COLOURS[status]))
        if role == Qt.ItemDataRole.ForegroundRole:  # readable on its colour in every theme
            return QBrush(QColor(text_color_on(STATUS_COLOURS[status])))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            base = entry.items[index.column()][0]
            return f"{version.title if version else base.title}\n{entry.why.get(base.id, '')}\n{status_text(status)}"
        return None


class ProgressView(QTableView):
    """n, w, s, d, h set the status of the selected cells; a number scores a checkpoint."""

    def __init__(self, panel: PlaylistsPanel) -> None:
        super().__init__()
        self.panel = panel
        self.setAccessibleName(tr("Progress grid"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().lower()
        if text in STATUS_KEYS or text.isdigit():
            index = self.currentIndex()
            single = len(self.selectionModel().selectedIndexes()) <= 1
            if text in STATUS_KEYS:
                self.panel.mark(STATUS_KEYS[text].value)
            else:
                self.panel.score_checkpoint(float(text))
            # The grid reloads after a change: put the cursor back, one student down for a single cell.
            if index.isValid():
                row = index.row() + 1 if single and index.row() + 1 < self.model().rowCount() else index.row()
                self.setCurrentIndex(self.model().index(row, index.column()))
            return
        super().keyPressEvent(event)


class PlaylistsPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.class_id: str | None = None
        self.competencies = []
        self.board: list[BoardRow] = []
        self.task = None
        self.list = QListWidget(accessibleName=tr("Playlists of the class"))
        new = QPushButton(tr("New…"))
        copy = QPushButton(tr("Copy"))
        version = QPushButton(tr("New version"))
        archive = QPushButton(tr("Archive"))
        assign = QPushButton(tr("Assign…"))
        share = QPushButton(tr("Share…"), toolTip=tr("Save the playlist as one file for a colleague (USB or the server)"))
        sheets = QPushButton(tr("Print sheets…"), toolTip=tr("One page a student, a box to tick per item: for rooms "
                                                              "without a device per student"))
        sheets.clicked.connect(lambda: self.print_sheets())
        receive = QPushButton(tr("Import…"), toolTip=tr("Open a playlist a colleague shared"))
        share.clicked.connect(lambda: self.share())
        receive.clicked.connect(lambda: self.receive())
        new.clicked.connect(lambda: self.new_playlist())
        copy.clicked.connect(lambda: self.copy_playlist(as_version=False))
        version.clicked.connect(lambda: self.copy_playlist(as_version=True))
        archive.clicked.connect(self.archive)
        assign.clicked.connect(lambda: self.assign())
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(tr("Playlists")))
        side_layout.addWidget(self.list, 1)
        for row in ((new, copy), (version, archive), (share, receive), (assign, sheets)):
            line = QHBoxLayout()
            for button in row:
                line.addWidget(button)
            side_layout.addLayout(line)

        self.editor = PlaylistEditor(context)
        self.progress_model = ProgressModel(self)
        self.progress = ProgressView(self)
        self.progress.setModel(self.progress_model)
        self.progress.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.progress.horizontalHeader().setDefaultSectionSize(112)
        progress_page = QWidget()
        progress_layout = QVBoxLayout(progress_page)
        hint = QLabel(tr("Select cells and press n (not started), w (working), s (submitted), d (done) or "
                         "h (needs help); a number scores a checkpoint. From paper sheets: type each ticked "
                         "box's code and press Enter."))
        hint.setWordWrap(True)
        self.sheet_code = QLineEdit(placeholderText=tr("Code from a paper sheet, e.g. 3 a1b2"),
                                    accessibleName=tr("Sheet code"))
        self.sheet_code.returnPressed.connect(lambda: self.record_code(self.sheet_code.text()))
        progress_layout.addWidget(hint)
        progress_layout.addWidget(self.sheet_code)
        progress_layout.addWidget(self.progress, 1)
        self.board_table = QTableWidget(0, 5, accessibleName=tr("Class board"))
        self.board_table.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.board_table.setHorizontalHeaderLabels([tr("Student"), tr("Playlist"), tr("Done"), tr("Expected by today"),
                                                    tr("Now")])
        self.board_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.board_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.board_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.board_summary = QLabel()
        self.board_summary.setWordWrap(True)
        board_page = QWidget()
        board_layout = QVBoxLayout(board_page)
        board_layout.addWidget(self.board_summary)
        board_layout.addWidget(self.board_table, 1)
        self.tabs = QTabWidget(accessibleName=tr("Views of the playlist"))
        self.tabs.addTab(self.editor, tr("Edit"))
        self.tabs.addTab(progress_page, tr("Progress"))
        self.tabs.addTab(board_page, tr("Class board"))
        self.next_steps = NextStepsPanel(context)
        self.tabs.addTab(self.next_steps, tr("Next steps"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 900])
        QVBoxLayout(self).addWidget(splitter)
        self.list.currentRowChanged.connect(lambda _row: self._playlist_changed())
        context.changed.connect(self._changed)

    # -- loading -------------------------------------------------------------------------------

    def show_class(self, class_id: str | None) -> None:
        self.class_id = class_id
        self.competencies = self.context.call(mastery.class_mastery, class_id).competencies if class_id else []
        self._load_list()

    def _load_list(self, select: str | None = None) -> None:
        current = select or self.current_playlist_id()
        found = self.context.call(playlists.list_playlists, self.class_id) if self.class_id else []
        self.list.blockSignals(True)
        self.list.clear()
        for playlist in found:
            entry = QListWidgetItem(f"{playlist.title}" + (f" (v{playlist.version})" if playlist.version > 1 else "")
                                    + ("" if playlist.status == "active" else f" — {playlist_status_text(playlist.status)}"))
            entry.setData(Qt.ItemDataRole.UserRole, playlist.id)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        ids = [p.id for p in found]
        self.list.setCurrentRow(ids.index(current) if current in ids else (0 if ids else -1))
        self._playlist_changed()

    def current_playlist_id(self) -> str | None:
        entry = self.list.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def _playlist_changed(self) -> None:
        playlist_id = self.current_playlist_id()
        self.editor.show_playlist(playlist_id, self.competencies)
        self.refresh_board()

    def refresh_board(self, today: date | None = None) -> None:
        self.board = self.context.call(playlists.class_board, self.class_id, today) if self.class_id else []
        self.progress_model.set_board(self.board, self.current_playlist_id() or "")
        self._fill_board()

    def _fill_board(self) -> None:
        table = self.board_table
        table.setRowCount(0)
        stuck, ready, finished = [], [], []
        for row in self.board:
            for entry in row.playlists:
                line = table.rowCount()
                table.insertRow(line)
                flags = []
                if entry.stuck:
                    flags.append(tr("needs help"))
                    stuck.append(row.name)
                if entry.ready_for_checkpoint is not None:
                    flags.append(tr("ready for “{title}”").format(title=entry.ready_for_checkpoint.title))
                    ready.append(row.name)
                if entry.finished:
                    flags.append(tr("done"))
                    finished.append(row.name)
                elif entry.behind:
                    flags.append(tr("behind"))
                for column, text in enumerate((row.name, entry.title, f"{entry.done:.0%}", f"{entry.expected:.0%}",
                                               ", ".join(flags))):
                    cell = QTableWidgetItem(text)
                    if column == 4 and (entry.stuck or entry.behind):
                        cell.setBackground(QBrush(QColor("#f8d0c8")))
                        cell.setForeground(QBrush(QColor("#000000")))
                    table.setItem(line, column, cell)
        self.board_summary.setText("\n".join((
            tr("Stuck ({n}): {names}").format(n=len(stuck), names=", ".join(stuck) or "—"),
            tr("Ready for a checkpoint ({n}): {names}").format(n=len(ready), names=", ".join(ready) or "—"),
            tr("Done ({n}): {names}").format(n=len(finished), names=", ".join(finished) or "—"))))

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.next_steps:
            self.next_steps.show_class(self.class_id)

    def _changed(self, kind: str, _key: str) -> None:
        if kind in ("playlist", "progress") and self.class_id:
            if kind == "playlist":
                self._load_list()
            else:
                self.refresh_board()

    # -- actions -------------------------------------------------------------------------------

    def new_playlist(self, title: str | None = None) -> str | None:
        if not self.class_id:
            return None
        if title is None:
            title, ok = QInputDialog.getText(self, tr("New playlist"), tr("Title:"))
            if not ok:
                return None
        class_id = self.class_id

        def create(uow, previous: str | None) -> str:
            if previous:  # redo after undo: bring the same playlist back
                playlists.update_playlist(uow, previous, "status", "draft")
                return previous
            return playlists.create_playlist(uow, title, class_id=class_id)

        ok, playlist_id = Change.apply(
            self.context, tr("New playlist"), create,
            lambda uow, pid: playlists.update_playlist(uow, pid, "status", "archived"), "playlist", "")
        if ok:
            self._load_list(select=playlist_id)
        return playlist_id if ok else None

    def copy_playlist(self, as_version: bool) -> None:
        source = self.current_playlist_id()
        if source is None:
            return
        ok, new_id = Change.apply(
            self.context, tr("New version") if as_version else tr("Copy playlist"),
            lambda uow, _prev: playlists.copy_playlist(uow, source, as_version=as_version),
            lambda uow, pid: playlists.update_playlist(uow, pid, "status", "archived"), "playlist", "")
        if ok:
            self._load_list(select=new_id)

    def archive(self) -> None:
        pid = self.current_playlist_id()
        if pid is None:
            return
        Change.apply(self.context, tr("Archive playlist"),
                     lambda uow, _prev: playlists.update_playlist(uow, pid, "status", "archived"),
                     lambda uow, old: playlists.update_playlist(uow, pid, "status", old), "playlist", pid)

    def assign(self, dialog: AssignDialog | None = None) -> None:
        pid = self.current_playlist_id()
        if pid is None:
            return
        dialog = dialog or AssignDialog(self.context, self.class_id, self.list.currentItem().text(), self)
        if dialog.result() != QDialog.DialogCode.Accepted and dialog.exec() != QDialog.DialogCode.Accepted:
            return
        class_id, target = self.class_id, dialog.target()
        start, due = dialog.start.date().toPython(), dialog.due.date().toPython()
        ok, _ids = Change.apply(
            self.context, tr("Assign playlist"),
            lambda uow, _prev: playlists.assign(uow, pid, class_id, start_date=start, due_date=due, **target),
            lambda uow, ids: [playlists.unassign(uow, i) for i in ids] and None, "progress", pid)
        if ok:
            self.context.message.emit(tr("Assigned. See it on the Progress and Class board tabs."))
            self.tabs.setCurrentIndex(1)

    def _selected_cells(self) -> dict[tuple[str, str], list[str]]:
        """(assignment, item) -> students, for the selected progress cells."""
        cells: dict[tuple[str, str], list[str]] = {}
        for index in self.progress.selectionModel().selectedIndexes() or [self.progress.currentIndex()]:
            if not index.isValid():
                continue
            entry = self.progress_model.entry(index.row())
            base = self.progress_model.items[index.column()]
            cells.setdefault((entry.assignment_id, base.id), []).append(self.progress_model.rows[index.row()].student_id)
        return cells

    def mark(self, status: str, score: float | None = None) -> None:
        cells = self._selected_cells()
        if not cells:
            return

        def undo(uow, previous) -> None:
            by_status: dict[str, dict[tuple[str, str], list[str]]] = {}
            for (assignment_id, item_id, student), old in previous.items():
                by_status.setdefault(old, {}).setdefault((assignment_id, item_id), []).append(student)
            for old, old_cells in by_status.items():
                playlists.set_progress_many(uow, old_cells, old)

        Change.apply(self.context, tr("Mark progress"),
                     lambda uow, _prev: playlists.set_progress_many(uow, cells, status, score=score), undo,
                     "progress", self.current_playlist_id() or "")

    def score_checkpoint(self, score: float) -> None:
        items = {base.id: base for base in self.progress_model.items}
        if not all(items[item_id].kind == ItemKind.CHECKPOINT.value for _a, item_id in self._selected_cells()):
            self.context.message.emit(tr("Numbers score a checkpoint: select checkpoint cells."))
            return
        self.mark(ProgressStatus.DONE.value, score=score)

    def share(self, path: Path | None = None) -> None:
        pid = self.current_playlist_id()
        if pid is None:
            return
        if path is None:
            title = self.list.currentItem().text().split(" — ")[0]
            chosen, _ = QFileDialog.getSaveFileName(self, tr("Share the playlist"), f"{title}.plplaylist",
                                                    tr("Playlist (*.plplaylist)"))
            if not chosen:
                return
            path = Path(chosen)

        def work(_report):
            with self.context.store.unit_of_work() as uow:
                return playlist_share.export_playlist(uow, pid, path)

        self.task = run_with_progress(
            self, tr("Saving {name}…").format(name=path.name), work,
            lambda _p: self.context.message.emit(tr("Saved {name}: give it to a colleague.").format(name=path.name)),
            lambda error: QMessageBox.warning(self, tr("Not saved"), str(error)))

    def receive(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, tr("Import a shared playlist"), "",
                                                    tr("Playlist (*.plplaylist)"))
            if not chosen:
                return
            path = Path(chosen)

        def work(_report):
            with self.context.store.unit_of_work() as uow:
                return playlist_share.import_playlist(uow, path)

        def done(report) -> None:
            missing = ", ".join(short_code(c.code) or c.identifier for c in report.missing_competencies)
            count = report.items - report.variants
            what = tr("{n} item").format(n=count) if count == 1 else tr("{n} items").format(n=count)
            if report.variants:
                versions = (tr("{n} version for some students") if report.variants == 1
                            else tr("{n} versions for some students")).format(n=report.variants)
                what = tr("{items} and {versions}").format(items=what, versions=versions)
            if missing:
                said = tr("Imported “{title}” as a draft: {what}; not on this laptop: {missing}.").format(
                    title=report.title, what=what, missing=missing)
            else:
                said = tr("Imported “{title}” as a draft: {what}.").format(title=report.title, what=what)
            self.context.message.emit(said)
            self.context.changed.emit("playlist", report.playlist_id or "")
            self._load_list(select=report.playlist_id)

        def failed(error: BaseException) -> None:
            QMessageBox.warning(self, tr("Playlist not imported"),
                                tr("{error}\n\nNothing was changed.").format(error=error))

        self.task = run_with_progress(self, tr("Reading {name}…").format(name=path.name), work, done, failed)

    def print_sheets(self, path: Path | None = None) -> None:
        """A PDF for the printer: one page a student who has the playlist."""
        pid = self.current_playlist_id()
        if pid is None:
            return
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, tr("Print playlist sheets"), tr("playlist sheets") + ".pdf",
                                                    tr("PDF (*.pdf)"))
            if not chosen:
                return
            path = Path(chosen)
        entries = [p for row in self.board for p in row.playlists if p.playlist_id == pid]
        if not entries:
            self.context.message.emit(tr("Assign the playlist first: sheets are for the students who have it."))
            return
        class_title = self.context.call(roster.list_classes)
        class_title = next((c.title for c in class_title if c.id == self.class_id), "")
        pages = write_sheets(self.board, pid, class_title, path, due=entries[0].due_date)
        said = tr("{name}: {n} page, ready to print.") if pages == 1 else tr("{name}: {n} pages, ready to print.")
        self.context.message.emit(said.format(name=path.name, n=pages))

    def record_code(self, code: str) -> bool:
        """A ticked box from a paper sheet: its code marks that student's item done."""
        pid = self.current_playlist_id()
        found = lookup_code(self.board, pid, code) if pid and code.strip() else None
        if found is None:
            self.context.message.emit(tr("{code} is not a code on this playlist's sheets.").format(code=repr(code.strip())))
            return False
        student_id, item = found
        entry = next(p for row in self.board if row.student_id == student_id for p in row.playlists
                     if p.playlist_id == pid)
        cells = {(entry.assignment_id, item.id): [student_id]}
        ok, _ = Change.apply(self.context, tr("Tick from a sheet"),
                             lambda uow, _prev: playlists.set_progress_many(uow, cells, ProgressStatus.DONE.value),
                             lambda uow, previous: [playlists.set_progress_many(
                                 uow, {(a, i): [s]}, old) for (a, i, s), old in previous.items()] and None,
                             "progress", pid)
        if ok:
            self.sheet_code.clear()
            name = next(row.name for row in self.board if row.student_id == student_id)
            self.context.message.emit(tr("{name}: “{title}” done.").format(name=name, title=item.title))
        return ok
