"""The playlist editor: title, target competencies, and the ordered items (drag to reorder, or
Ctrl+Up / Ctrl+Down). Every edit goes through the undo stack."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from plclassroom.domain import ItemKind
from plclassroom.services import attachments, playlists
from plclassroom.services.mastery import CompetencyColumn, short_code
from plclassroom.services.playlists import KINDS, ItemView, PlaylistView
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr
from plclassroom.ui.playlists.variant_dialog import VariantDialog
from plclassroom.ui.undo import Change

COLUMNS = ["title", "kind", "minutes", "required", "competency_id", "instructions", "resource_url"]
MIME = "application/x-plclassroom-item"


def column_labels() -> list[str]:
    """The headers of ``COLUMNS``, in the user's language."""
    return [tr("Item"), tr("Kind"), tr("Minutes"), tr("Must do"), tr("Checkpoint scores"), tr("Instructions"),
            tr("Link")]


def kind_text(kind: str) -> str:
    """An item's kind (an ``ItemKind`` value) as a person reads it."""
    return {
        ItemKind.LESSON: tr("teacher-led lesson"),
        ItemKind.VIDEO: tr("video"),
        ItemKind.READING: tr("reading"),
        ItemKind.PRACTICE: tr("practice"),
        ItemKind.PROJECT: tr("project"),
        ItemKind.DISCUSSION: tr("discussion"),
        ItemKind.CHECKPOINT: tr("checkpoint"),
    }.get(kind, kind)


def playlist_status_text(status: str) -> str:
    """A playlist's status ("draft", "active", "archived") as a person reads it."""
    return {"draft": tr("draft"), "active": tr("active"), "archived": tr("archived")}.get(status, status)


class ItemsModel(QAbstractTableModel):
    """Base items in order, with their variants indented under them."""

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.playlist: PlaylistView | None = None
        self.rows: list[tuple[ItemView, ItemView | None]] = []  # (row's item, its base if a variant)
        self.competencies: dict[str, CompetencyColumn] = {}

    def set_playlist(self, playlist: PlaylistView | None, competencies: list[CompetencyColumn]) -> None:
        self.beginResetModel()
        self.playlist = playlist
        self.competencies = {c.id: c for c in competencies}
        self.rows = []
        for item in playlist.items if playlist else []:
            self.rows.append((item, None))
            self.rows.extend((variant, item) for variant in item.variants)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return column_labels()[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        item, base = self.rows[index.row()]
        name = COLUMNS[index.column()]
        if base is None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        if name == "required":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item, base = self.rows[index.row()]
        name = COLUMNS[index.column()]
        value = getattr(item, name)
        if role == Qt.ItemDataRole.CheckStateRole and name == "required":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if name == "required":
                return tr("must do") if value else tr("may do")
            if name == "title" and base is not None:
                label = item.variant_label or tr("variant")
                return f"    ↳ {label}: {value}"
            if name == "kind":
                return "" if value is None else kind_text(str(value))
            if name == "competency_id":
                competency = self.competencies.get(value)
                return short_code(competency.code) if competency else ""
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and base is not None:
            return tr("A version of “{title}” for some students: {rule}").format(
                title=base.title, rule=item.suitability or tr("no rule yet"))
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        item, base = self.rows[index.row()]
        name = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if name == "title" and base is not None:
            value = str(value).split(": ", 1)[-1]
        if getattr(item, name) == value:
            return False
        item_id = item.id
        ok, _old = Change.apply(
            self.context, tr("Edit {what}").format(what=column_labels()[index.column()].lower()),
            lambda uow, _prev: playlists.update_item(uow, item_id, name, value),
            lambda uow, old: playlists.update_item(uow, item_id, name, old), "playlist", self.playlist.id)
        return ok

    # drag and drop of base items
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes})
        data.setData(MIME, self.rows[rows[0]][0].id.encode())
        return data

    def dropMimeData(self, data: QMimeData, action, row: int, _column: int, parent) -> bool:
        if not data.hasFormat(MIME) or self.playlist is None:
            return False
        item_id = bytes(data.data(MIME)).decode()
        target_row = parent.row() if row < 0 and parent.isValid() else row
        bases_before = sum(1 for item, base in self.rows[:max(0, target_row)] if base is None)
        moving = next((item for item, base in self.rows if item.id == item_id and base is None), None)
        if moving is None:
            return False
        position = bases_before - (1 if moving.position < bases_before else 0)
        move_item(self.context, self.playlist.id, item_id, position)
        return False  # the store moved it; the reload redraws (Qt must not remove the dragged row)


def move_item(context: AppContext, playlist_id: str, item_id: str, position: int) -> None:
    Change.apply(context, tr("Move item"), lambda uow, _prev: playlists.move_item(uow, item_id, position),
                 lambda uow, old: playlists.move_item(uow, item_id, old), "playlist", playlist_id)


class ChoiceDelegate(QStyledItemDelegate):
    def __init__(self, choices: list[tuple[str, str]], parent=None) -> None:
        super().__init__(parent)
        self.choices = choices  # (value, label)

    def createEditor(self, parent, _option, _index):
        editor = QComboBox(parent)
        for value, label in self.choices:
            editor.addItem(label, value)
        return editor

    def setEditorData(self, editor: QComboBox, index) -> None:
        editor.setCurrentIndex(max(0, editor.findText(index.data(Qt.ItemDataRole.EditRole) or "")))

    def setModelData(self, editor: QComboBox, model, index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ItemsView(QTableView):
    """Ctrl+Up / Ctrl+Down move the current item: reordering without a mouse."""

    move_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.matches(QKeySequence.StandardKey.Delete):
            self.move_requested.emit(0)
            return
        super().keyPressEvent(event)


class PlaylistEditor(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.playlist: PlaylistView | None = None
        self.competencies: list[CompetencyColumn] = []
        self.title = QLineEdit(accessibleName=tr("Playlist title"))
        self.description = QLineEdit(accessibleName=tr("Playlist description"), placeholderText=tr("What it is for"))
        self.status = QLabel()
        self.targets = QListWidget(accessibleName=tr("Competencies this playlist targets"))
        self.targets.setMaximumHeight(110)
        self.model = ItemsModel(context, self)
        self.items = ItemsView(accessibleName=tr("Items of the playlist"))
        self.items.setModel(self.model)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items.setDragEnabled(True)
        self.items.setAcceptDrops(True)
        self.items.setDropIndicatorShown(True)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.items.setWordWrap(False)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Interactive)
        self.items.setItemDelegateForColumn(1, ChoiceDelegate([(k, kind_text(k)) for k in KINDS], self))
        self.checkpoint_delegate = ChoiceDelegate([], self)
        self.items.setItemDelegateForColumn(4, self.checkpoint_delegate)
        self.items.move_requested.connect(self._move_current)

        add = QPushButton(tr("Add item"))
        variant = QPushButton(tr("Add a version…"), toolTip=tr("A version of the selected item for some students "
                                                                 "(read-aloud, another language, an extension)"))
        remove = QPushButton(tr("Remove item"))
        attach = QPushButton(tr("Attach a file…"), toolTip=tr("Keep a worksheet or a video with the item: it "
                                                                "opens with no network"))
        open_it = QPushButton(tr("Open"))
        add.clicked.connect(lambda: self.add_item())
        variant.clicked.connect(lambda: self.add_variant())
        remove.clicked.connect(self.remove_item)
        attach.clicked.connect(lambda: self.attach_resource())
        open_it.clicked.connect(self.open_resource)
        buttons = QHBoxLayout()
        for button in (add, variant, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        files = QHBoxLayout()
        for button in (attach, open_it):
            files.addWidget(button)
        files.addStretch(1)
        self.items.setToolTip(tr("Drag items, or press Ctrl+Up / Ctrl+Down, to reorder"))

        form = QFormLayout()
        form.addRow(tr("Title:"), self.title)
        form.addRow(tr("About:"), self.description)
        form.addRow(tr("Status:"), self.status)
        form.addRow(tr("Targets:"), self.targets)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.items, 1)
        layout.addLayout(buttons)
        layout.addLayout(files)
        self.title.editingFinished.connect(lambda: self._set_field("title", self.title.text()))
        self.description.editingFinished.connect(lambda: self._set_field("description", self.description.text()))
        self.targets.itemChanged.connect(lambda _item: self._targets_changed())

    def show_playlist(self, playlist_id: str | None, competencies: list[CompetencyColumn]) -> None:
        self.competencies = competencies
        self.playlist = self.context.call(playlists.get_playlist, playlist_id) if playlist_id else None
        self.setEnabled(self.playlist is not None)
        playlist = self.playlist
        self.title.setText(playlist.title if playlist else "")
        self.description.setText(playlist.description if playlist else "")
        self.status.setText(tr("{status} · version {version}").format(
            status=playlist_status_text(playlist.status), version=playlist.version) if playlist else "")
        self.targets.blockSignals(True)
        self.targets.clear()
        for competency in competencies:
            entry = QListWidgetItem(f"{short_code(competency.code)}  {competency.statement[:70]}")
            entry.setData(Qt.ItemDataRole.UserRole, competency.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            targeted = bool(playlist and competency.id in playlist.competency_ids)
            entry.setCheckState(Qt.CheckState.Checked if targeted else Qt.CheckState.Unchecked)
            self.targets.addItem(entry)
        self.targets.blockSignals(False)
        self.checkpoint_delegate.choices = [("", tr("(none)"))] + [(c.id, short_code(c.code)) for c in competencies]
        current = self.items.currentIndex().row()
        self.model.set_playlist(playlist, competencies)
        if 0 <= current < self.model.rowCount():
            self.items.selectRow(current)

    def _set_field(self, name: str, value: str) -> None:
        if self.playlist is None or getattr(self.playlist, name) == value:
            return
        pid = self.playlist.id
        what = tr("Edit playlist title") if name == "title" else tr("Edit playlist description")
        Change.apply(self.context, what,
                     lambda uow, _prev: playlists.update_playlist(uow, pid, name, value),
                     lambda uow, old: playlists.update_playlist(uow, pid, name, old), "playlist", pid)

    def _targets_changed(self) -> None:
        chosen = [self.targets.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.targets.count())
                  if self.targets.item(i).checkState() == Qt.CheckState.Checked]
        pid = self.playlist.id
        Change.apply(self.context, tr("Change target competencies"),
                     lambda uow, _prev: playlists.set_competencies(uow, pid, chosen),
                     lambda uow, old: playlists.set_competencies(uow, pid, old), "playlist", pid)

    def current_item(self) -> tuple[ItemView, ItemView | None] | None:
        row = self.items.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def add_item(self, title: str | None = None, kind: str = "practice") -> None:
        if self.playlist is None:
            return
        pid, title = self.playlist.id, tr("New item") if title is None else title
        ok, _ = Change.apply(self.context, tr("Add item"),
                             lambda uow, prev: playlists.add_item(uow, pid, title, kind, row_id=prev),
                             lambda uow, item_id: playlists.remove_item(uow, item_id) and None, "playlist", pid)
        if ok:
            self.items.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))

    def add_variant(self, label: str | None = None, suitability: dict | None = None, title: str | None = None) -> None:
        """A version of the selected item for some students (asks who, unless told)."""
        current = self.current_item()
        if current is None:
            self.context.message.emit(tr("Pick the item to make a version of."))
            return
        item, base = current
        base = base or item
        if suitability is None:
            dialog = VariantDialog(base.title, self)
            if dialog.exec() != VariantDialog.DialogCode.Accepted:
                return
            label, suitability, title = dialog.label.text().strip(), dialog.suitability(), dialog.title.text().strip()
        label = label or tr("version")
        title = title or f"{base.title} ({label})"
        pid, base_id = self.playlist.id, base.id
        Change.apply(self.context, tr("Add a version"),
                     lambda uow, prev: playlists.add_item(
                         uow, pid, title, base.kind, variant_of_id=base_id, row_id=prev,
                         variant_label=label, suitability=suitability, required=base.required),
                     lambda uow, item_id: playlists.remove_item(uow, item_id) and None, "playlist", pid)

    def attach_resource(self, path: Path | None = None) -> None:
        """Keep a file with the selected item (a worksheet, a video) so it opens with no network."""
        current = self.current_item()
        if current is None:
            self.context.message.emit(tr("Pick the item to attach a file to."))
            return
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, tr("Attach a file to the item"))
            if not chosen:
                return
            path = Path(chosen)
        item_id, pid = current[0].id, self.playlist.id

        def attach(uow, _prev):
            attachment_id = attachments.attach_file(uow, "playlist_item", item_id, path)
            return playlists.update_item(uow, item_id, "attachment_id", attachment_id)

        Change.apply(self.context, tr("Attach a file"), attach,
                     lambda uow, old: playlists.update_item(uow, item_id, "attachment_id", old), "playlist", pid)

    def open_resource(self) -> None:
        current = self.current_item()
        item = current[0] if current else None
        if item is None or not (item.attachment_id or item.resource_url):
            self.context.message.emit(tr("That item has no file or link."))
            return
        if item.attachment_id:
            target = Path(tempfile.mkdtemp(prefix="plclassroom-")) / "resource"
            with self.context.store.unit_of_work() as uow:
                name = attachments.attachments_of(uow, "playlist_item", [item.id]).get(item.id, [])
                target = target.with_name(name[0].filename) if name else target
                attachments.export_attachment(uow, item.attachment_id, target)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        else:
            QDesktopServices.openUrl(QUrl(item.resource_url))

    def remove_item(self) -> None:
        current = self.current_item()
        if current is None:
            return
        item_id, pid = current[0].id, self.playlist.id
        Change.apply(self.context, tr("Remove item"), lambda uow, _prev: playlists.remove_item(uow, item_id),
                     lambda uow, removed: playlists.restore_items(uow, removed), "playlist", pid)

    def _move_current(self, step: int) -> None:
        current = self.current_item()
        if current is None or current[1] is not None:
            return
        if step == 0:
            self.remove_item()
            return
        item = current[0]
        position = item.position + step
        if 0 <= position < len(self.playlist.items):
            move_item(self.context, self.playlist.id, item.id, position)
            row = next(i for i, (row_item, _b) in enumerate(self.model.rows) if row_item.id == item.id)
            self.items.setCurrentIndex(self.model.index(row, self.items.currentIndex().column()))
