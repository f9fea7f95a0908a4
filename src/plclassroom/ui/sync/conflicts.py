"""The conflicts view: the notes changed on two devices, both versions side by side with the
differences marked, settled by keeping one or saving a merge. Settling is an edit like any other:
it syncs, and Edit > Undo takes it back."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from plclassroom.domain import word_diff
from plclassroom.services import conflicts
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import date_format_text, time_text, tr

# Not by colour alone: what only one version has is also struck through or underlined.
MARKS = {"removed": "background:#fde2e1; text-decoration:line-through;",  # notr
         "added": "background:#dff5e3; text-decoration:underline;"}  # notr


def marked(runs: list[tuple[str, str]], show: str) -> str:
    """One version as HTML: the runs both share plain, the ones only it has (``show``) marked."""
    parts = []
    for kind, text in runs:
        if kind == "same":
            parts.append(html.escape(text))
        elif kind == show:
            parts.append(f'<span style="{MARKS[kind]}">{html.escape(text)}</span>')  # notr
    return '<div style="white-space:pre-wrap; font-size:12pt;">' + "".join(parts) + "</div>"  # notr


class Settle(QUndoCommand):
    """A conflict settled (already, by the dialog: a refusal never reaches the stack)."""

    def __init__(self, context: AppContext, conflict_id: str, text: str, before: str) -> None:
        super().__init__(tr("Settle two versions"))
        self.context, self.conflict_id, self.text, self.before = context, conflict_id, text, before
        self.done = True

    def redo(self) -> None:
        if not self.done:
            self.context.call(conflicts.settle, self.conflict_id, self.text)
        self.done = False
        self.context.changed.emit("conflict", "")

    def undo(self) -> None:
        self.context.call(conflicts.reopen, self.conflict_id, self.before)
        self.context.changed.emit("conflict", "")


class ConflictsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(tr("Settle sync conflicts"))
        self.views: list[conflicts.ConflictView] = []
        self.intro = QLabel(wordWrap=True)
        self.list = QListWidget(accessibleName=tr("Notes with two versions"))
        self.stands_label = QLabel(tr("Stands now"))
        self.other_label = QLabel(wordWrap=True)
        self.stands = QTextBrowser(accessibleName=tr("The version that stands"))
        self.other = QTextBrowser(accessibleName=tr("The other version"))
        self.merge = QPlainTextEdit(accessibleName=tr("Your merge"),
                                    placeholderText=tr("Write the note as it should be, from both versions."))
        font = self.merge.font()
        font.setPointSize(12)  # as the two versions above
        self.merge.setFont(font)
        self.list.setSpacing(3)
        self.keep_stands = QPushButton(tr("Keep &this version"))
        self.keep_other = QPushButton(tr("Keep the &other version"))
        self.save_merge = QPushButton(tr("Save the &merge"))

        versions = QWidget()
        grid = QGridLayout(versions)
        grid.addWidget(self.stands_label, 0, 0)
        grid.addWidget(self.other_label, 0, 1)
        grid.addWidget(self.stands, 1, 0)
        grid.addWidget(self.other, 1, 1)
        grid.addWidget(self.keep_stands, 2, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.keep_other, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(QLabel(tr("Or merge them:")), 3, 0, 1, 2)
        grid.addWidget(self.merge, 4, 0, 1, 2)
        grid.addWidget(self.save_merge, 5, 0, Qt.AlignmentFlag.AlignLeft)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(versions)
        split.setSizes([300, 800])
        versions_page = QWidget()
        page = QVBoxLayout(versions_page)
        page.addWidget(self.intro)
        page.addWidget(split, 1)

        # The changes the district refused: kept here, sent again or taken off the list.
        self.refused_intro = QLabel(wordWrap=True)
        self.refused = QTableWidget(0, 4, accessibleName=tr("Changes the district refused"))
        self.refused.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.refused.setHorizontalHeaderLabels([tr("When"), tr("What"), tr("Student"), tr("Why")])
        self.refused.horizontalHeader().setStretchLastSection(True)
        self.refused.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.refused.verticalHeader().hide()
        self.refused.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.send_again = QPushButton(tr("&Send again at the next sync"))
        self.dismiss = QPushButton(tr("&Dismiss (keep this laptop's version)"))
        refused_page = QWidget()
        page = QVBoxLayout(refused_page)
        page.addWidget(self.refused_intro)
        page.addWidget(self.refused, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_again)
        buttons.addWidget(self.dismiss)
        buttons.addStretch(1)
        page.addLayout(buttons)
        self.send_again.clicked.connect(lambda: self._refused_action(
            conflicts.send_again, tr("Queued again: {what} for {student}."), tr("Queued again: {what}.")))
        self.dismiss.clicked.connect(lambda: self._refused_action(
            conflicts.dismiss_refused, tr("Dismissed: {what} for {student}."), tr("Dismissed: {what}.")))

        self.tabs = QTabWidget()
        self.tabs.addTab(versions_page, tr("Two versions"))
        self.tabs.addTab(refused_page, tr("Refused by the district"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)

        self.list.currentRowChanged.connect(self._show)
        self.keep_stands.clicked.connect(lambda: self.settle(self.current().stands))
        self.keep_other.clicked.connect(lambda: self.settle(self.current().other))
        self.save_merge.clicked.connect(lambda: self.settle(self.merge.toPlainText()))
        context.changed.connect(self._data_changed)
        self.finished.connect(lambda _result: context.changed.disconnect(self._data_changed))
        self.resize(1150, 620)
        self.reload()

    def _data_changed(self, kind: str, _key: str) -> None:
        if kind in ("conflict", "pulled"):  # settled here, undone, or settled elsewhere and synced
            self.reload()

    def reload(self) -> None:
        keep = self.current().id if self.current() else None
        self.views = self.context.call(conflicts.list_conflicts)
        count = len(self.views)
        if count:
            changed = (tr("{n} note was changed on two devices that had not seen each other's change.")
                       if count == 1 else
                       tr("{n} notes were changed on two devices that had not seen each other's change."))
            self.intro.setText(changed.format(n=count) + " " + tr(
                "The newer version stands and the other is kept here: keep one, or write a merge. "
                "Your choice syncs like any edit."))
        else:
            self.intro.setText(tr("Nothing to settle: every note has one version."))
        self.list.blockSignals(True)
        self.list.clear()
        for view in self.views:
            item = QListWidgetItem(f"{view.student or tr('No student')}\n{view.what}")
            item.setToolTip(tr("The other version was written {when}.").format(when=self._written(view)))
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [view.id for view in self.views]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
        self._show(self.list.currentRow())
        self.reload_refused()

    def reload_refused(self) -> None:
        self.refused_views = self.context.call(conflicts.list_refused)
        count = len(self.refused_views)
        if count:
            refused = (tr("The district refused {n} change from this laptop (the reason is beside each).")
                       if count == 1 else
                       tr("The district refused {n} changes from this laptop (the reason is beside each)."))
            self.refused_intro.setText(refused.format(n=count) + " " + tr(
                "They are kept here, not sent again by themselves: "
                "send one again once the district has fixed the reason, or dismiss it."))
        else:
            self.refused_intro.setText(tr("The district has refused nothing from this laptop."))
        self.refused.setRowCount(len(self.refused_views))
        for row, view in enumerate(self.refused_views):
            for column, text in enumerate((self._moment(view.when), view.what, view.student, view.why)):
                self.refused.setItem(row, column, QTableWidgetItem(text))
        self.refused.resizeColumnsToContents()
        for button in (self.send_again, self.dismiss):
            button.setEnabled(bool(self.refused_views))
        self.tabs.setTabText(0, tr("Two versions ({n})").format(n=len(self.views)))
        self.tabs.setTabText(1, tr("Refused by the district ({n})").format(n=len(self.refused_views)))

    def _refused_action(self, action, done_for: str, done: str) -> None:
        """``done_for`` says what was done for a student ({what}, {student}), ``done`` for no one ({what})."""
        row = self.refused.currentRow()
        if not 0 <= row < len(self.refused_views):
            self.context.message.emit(tr("Pick a refused change first."))
            return
        view = self.refused_views[row]
        try:
            self.context.call(action, view.seq)
        except conflicts.ConflictError as error:
            self.context.message.emit(str(error))
        else:
            self.context.message.emit(done_for.format(what=view.what, student=view.student) if view.student
                                      else done.format(what=view.what))
        self.context.changed.emit("conflict", "")

    def current(self) -> conflicts.ConflictView | None:
        row = self.list.currentRow()
        return self.views[row] if 0 <= row < len(self.views) else None

    def settle(self, text: str) -> None:
        view = self.current()
        if view is None:
            return
        try:
            before = self.context.call(conflicts.settle, view.id, text)
        except conflicts.ConflictError as error:
            self.context.message.emit(str(error))
            self.reload()
            return
        self.context.undo_stack.push(Settle(self.context, view.id, text, before))
        self.context.message.emit(
            tr("Settled: {what} for {student}. Edit > Undo takes it back.").format(what=view.what,
                                                                                   student=view.student)
            if view.student else
            tr("Settled: {what} for no student. Edit > Undo takes it back.").format(what=view.what))

    def _show(self, row: int) -> None:
        view = self.current() if row >= 0 else None
        for widget in (self.keep_stands, self.keep_other, self.save_merge, self.merge):
            widget.setEnabled(view is not None)
        if view is None:
            self.stands.clear()
            self.other.clear()
            self.merge.clear()
            self.other_label.setText(tr("The other version"))
            return
        runs = word_diff(view.stands, view.other)
        self.stands.setHtml(marked(runs, "removed"))
        self.other.setHtml(marked(runs, "added"))
        self.other_label.setText(tr("The other version, written {when}").format(when=self._written(view)))
        self.merge.setPlainText(view.stands)

    @staticmethod
    def _written(view: conflicts.ConflictView) -> str:
        when = ConflictsDialog._moment(view.other_written)
        return (tr("on this laptop, {when}") if view.other_here else tr("on another device, {when}")).format(when=when)

    @staticmethod
    def _moment(moment) -> str:
        """A moment in local time, as "06 Dec 14:05" in this locale's words."""
        moment = moment.astimezone()
        return f"{date_format_text(moment, 'dd MMM')} {time_text(moment)}"  # notr: a Qt date pattern
