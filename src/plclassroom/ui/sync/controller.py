"""Sync in the window: the status bar's "Online/Offline · Last sync", File > Connect to district
server, File > Sync now (in the writer thread, with progress and Cancel), and a probe every few
minutes that syncs by itself when the server is reachable and there is something to send."""

from __future__ import annotations

import platform
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from plclassroom.services import sync
from plclassroom.ui import settings
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import date_format_text, number_text, time_text, tr
from plclassroom.ui.tasks import run_task, run_with_progress

PROBE_MS = 3 * 60 * 1000
URL_KEY = settings.SERVER_URL_KEY


class _Probe(QRunnable):
    """Ask the server whether it answers, off the GUI thread and off the writer thread."""

    class Channel(QObject):
        answered = Signal(bool)

    def __init__(self, url: str, token: str | None, pending: int) -> None:
        super().__init__()
        self.url, self.token, self.pending, self.channel = url, token, pending, _Probe.Channel()

    def run(self) -> None:
        self.channel.answered.emit(sync.reachable(self.url, self.token, pending=self.pending))


class SyncController(QObject):
    def __init__(self, context: AppContext, window: QWidget, connection: QLabel, last_sync: QLabel) -> None:
        super().__init__(window)
        self.context, self.window = context, window
        self.connection, self.last_sync = connection, last_sync
        self.server_url: str = settings.settings().value(URL_KEY, "") or ""
        # A token from the keyring, or (no keyring here) the one enrolled this session, in memory only.
        self.token = sync.token_for(context.store, self.server_url) if self.server_url else None
        self.online = False
        self.task = None
        self.last_report = None
        self._probes: set[_Probe] = set()
        self.timer = QTimer(self, interval=PROBE_MS, timeout=self.probe)
        self.automatic = True  # sync by itself when the probe finds the server (Settings: sync schedule)
        self.apply_schedule()
        context.changed.connect(self._data_changed)  # a method: Qt drops the connection with the controller
        self.show_status()
        QTimer.singleShot(2000, self.probe)

    def _data_changed(self, kind: str, _key: str) -> None:
        if kind == "conflict":
            self.show_status()

    def show_status(self) -> None:
        state = self.context.call(sync.status)
        when = state.last_synced_at
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        if when is not None:
            when = when.astimezone()
            shown = f"{date_format_text(when, 'ddd dd MMM')} {time_text(when)}"  # notr: a Qt date pattern
        else:
            shown = tr("never")
        parts = [tr("Last sync: {when}").format(when=shown)]
        if state.waiting:
            parts.append(tr("{n} to send").format(n=state.waiting))
        if state.rejected:
            parts.append(tr("{n} refused").format(n=state.rejected))
        if state.conflicts:
            parts.append(tr("{n} to settle (two versions kept)").format(n=state.conflicts))
        self.last_sync.setText(" · ".join(parts))
        self.connection.setText(tr("Online") if self.online else (tr("Offline") if self.server_url else
                                                                  tr("Offline · not connected to a district server")))

    # -- USB bundles ---------------------------------------------------------------------------------

    def export_bundle(self, path: str | None = None):
        """File > Export sync bundle: this laptop's changes in one file for the district."""
        if not self.token:
            self.context.message.emit(sync.NO_TOKEN)
            return None
        if path is None:
            default = f"{self.context.profile_name}-{datetime.now():%Y-%m-%d}.plcbundle"
            path, _kind = QFileDialog.getSaveFileName(self.window, tr("Export sync bundle"), default,
                                                      tr("Sync bundles (*.plcbundle)"))
        if not path:
            return None
        store, token, target = self.context.store, self.token, Path(path)

        def done(changes) -> None:
            self.task = None
            self.context.message.emit(
                tr("Wrote {name}: {n} changes.").format(name=target.name, n=changes) + " "
                + tr("Take it to the district; they import it and give you a return bundle "
                     "(File > Import return bundle)."))

        self.task = run_with_progress(self.window, tr("Writing the sync bundle…"),
                                      lambda _report: sync.export_bundle(store, token, target), done, self._failed)
        return self.task

    def import_return_bundle(self, path: str | None = None):
        """File > Import return bundle: the district's answer, and what it sends this laptop."""
        if not self.token:
            self.context.message.emit(sync.NO_TOKEN)
            return None
        if path is None:
            path, _kind = QFileDialog.getOpenFileName(self.window, tr("Import return bundle"), "",
                                                      tr("Sync bundles (*.plcbundle)"))
        if not path:
            return None
        store, token, source = self.context.store, self.token, Path(path)

        def done(result) -> None:
            self.task = None
            self.last_report = result
            self.show_status()
            self.context.changed.emit("sync", "")
            if result.pulled or result.superseded:
                self.context.changed.emit("pulled", "")
            imported = (tr("Imported {name}: {pushed} of this laptop's changes are at the district, "
                           "{pulled} received, {rejected} refused.") if result.rejected else
                        tr("Imported {name}: {pushed} of this laptop's changes are at the district, "
                           "{pulled} received."))
            imported = imported.format(name=source.name, pushed=result.pushed, pulled=result.pulled,
                                       rejected=result.rejected)
            if result.resynced:
                imported += " " + tr("It was a fresh copy of this laptop's data: it had been away a long time.")
            self.context.message.emit(imported)

        self.task = run_with_progress(self.window, tr("Importing the return bundle…"),
                                      lambda _report: sync.import_return_bundle(store, token, source.read_bytes()),
                                      done, self._failed)
        return self.task

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.context.message.emit(str(error) if isinstance(error, (sync.SyncError, ValueError, OSError)) else
                                  tr("Stopped: {error}. Nothing was lost.").format(error=type(error).__name__))

    def open_conflicts(self):
        from plclassroom.ui.sync.conflicts import ConflictsDialog

        dialog = ConflictsDialog(self.context, self.window)
        dialog.finished.connect(lambda _result: self.show_status())
        dialog.open()
        return dialog

    def open_report(self) -> SyncReportDialog:
        dialog = SyncReportDialog(self.context, self.last_report, self.window)
        dialog.open()
        return dialog

    def probe(self) -> None:
        if not self.server_url or not self.token:
            return
        # The outbox's size goes with it: the district's dashboard shows what waits on this laptop.
        probe = _Probe(self.server_url, self.token, self.context.call(sync.status).waiting)
        self._probes.add(probe)
        probe.channel.answered.connect(lambda ok, p=probe: self._answered(ok, p))
        QThreadPool.globalInstance().start(probe)

    def _answered(self, ok: bool, probe: _Probe) -> None:
        self._probes.discard(probe)
        if not isValid(self.last_sync):
            return  # the window closed while the probe was out: nothing to show it on
        self.online = ok
        self.show_status()
        if ok and self.automatic and self.task is None and self.context.call(sync.status).waiting:
            self.sync_now(quietly=True)  # opportunistic: the link is up and there is work to send

    def apply_schedule(self) -> None:
        """Settings > Sync by itself: how often the probe may sync. "Only when I choose" still
        probes every few minutes, for the status bar's Online/Offline, and never syncs by itself."""
        minutes = settings.preferences().sync_every_minutes
        self.automatic = minutes > 0
        self.timer.start(minutes * 60 * 1000 if minutes > 0 else PROBE_MS)

    def use_server(self, url: str) -> None:
        """Settings changed the server's address: its token (if this laptop enrolled there) from the keyring."""
        url = url.strip()
        if url == self.server_url:
            return
        self.server_url, self.online = url, False
        self.token = sync.token_for(self.context.store, url) if url else None
        self.show_status()
        if url and not self.token:
            self.context.message.emit(tr("This laptop is not connected to that server yet: File > Connect to "
                                         "district server, with a one-time code from your district."))

    def connect_to_server(self, url: str | None = None, code: str | None = None):
        """Enrol with a one-time code, in a worker (a slow link must not freeze the window)."""
        if url is None or code is None:
            dialog = ConnectDialog(self.server_url, self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            url, code = dialog.url.text().strip(), dialog.code.text().strip()
        # The name the district's admin sees in its device list: this computer's own, and the day.
        store, name = self.context.store, f"{platform.node() or 'laptop'} {datetime.now():%Y-%m-%d}"  # notr

        def done(token) -> None:
            self.token, self.server_url, self.online = token, url, True
            settings.settings().setValue(URL_KEY, url)
            self.context.message.emit(tr("Connected to the district server. Sync now sends and fetches changes."))
            self.show_status()

        def failed(error: BaseException) -> None:
            self.context.message.emit(str(error) if isinstance(error, sync.SyncError) else
                                      tr("Could not connect: {error}.").format(error=type(error).__name__))

        return run_task(lambda _report: sync.enrol(store, url, code, name=name), done, failed)

    def sync_now(self, quietly: bool = False):
        if self.task is not None:
            return self.task
        if not self.server_url or not self.token:
            self.context.message.emit(tr("Connect to the district server first (File > Connect to district server)."))
            return None
        store, url, token = self.context.store, self.server_url, self.token
        # Asked for, a sync also checks that laptop and district agree; in the background only when
        # it moved something (a sync with nothing to do stays one small round trip).
        verify = "when-changed" if quietly else "always"

        def work(report):
            return sync.sync_now(store, url, token, lambda _stage, done, total: not report(done, total),
                                 verify=verify)

        def done(result) -> None:
            self.task = None
            self.last_report = result
            self.online = True
            self.show_status()
            self.context.changed.emit("sync", "")
            if result.pulled or result.superseded:
                self.context.changed.emit("pulled", "")
            synced = (tr("Synced: {sent} sent, {received} received, {refused} refused by the district")
                      if result.rejected else tr("Synced: {sent} sent, {received} received"))
            text = synced.format(sent=result.pushed, received=result.pulled, refused=result.rejected)
            text += " " + tr("({kb} KB, {seconds} s)").format(
                kb=number_text((result.bytes_sent + result.bytes_received) / 1024, 1),
                seconds=number_text(result.seconds, 1))
            if result.verified:
                text += "; " + (tr("verified: this laptop and the district agree ({n} rows put right)")
                                .format(n=result.repaired) if result.repaired else
                                tr("verified: this laptop and the district agree"))
            text += "."
            if result.resynced:
                text = tr("This laptop was away a long time, so it took a fresh copy of its data (its own work "
                          "was sent first).") + " " + text
            self.context.message.emit(text)

        def failed(error: BaseException) -> None:
            self.task = None
            self.online = False
            self.show_status()
            self.context.message.emit(str(error) if isinstance(error, sync.SyncError) else
                                      tr("Sync stopped: {error}. Nothing sent is lost.").format(
                                          error=type(error).__name__))

        if quietly:
            self.task = run_task(work, done, failed)
        else:
            self.task = run_with_progress(self.window, tr("Syncing with the district…"), work, done, failed)
        return self.task


class SyncReportDialog(QDialog):
    """The last sync's figures, the changes the district refused (with why), and the long texts
    kept in two versions, waiting for a person."""

    def __init__(self, context: AppContext, report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Sync report"))
        layout = QVBoxLayout(self)
        if report is not None:
            figures = (tr("Last sync this session: {sent} changes sent, {received} received, {refused} refused, "
                          "{replaced} replaced by a newer edit from another device; {kb} KB in {requests} request, "
                          "{seconds} s.") if report.requests == 1 else
                       tr("Last sync this session: {sent} changes sent, {received} received, {refused} refused, "
                          "{replaced} replaced by a newer edit from another device; {kb} KB in {requests} requests, "
                          "{seconds} s."))
            text = figures.format(sent=report.pushed, received=report.pulled, refused=report.rejected,
                                  replaced=report.superseded,
                                  kb=number_text((report.bytes_sent + report.bytes_received) / 1024, 1),
                                  requests=report.requests, seconds=number_text(report.seconds, 1))
            if report.verified:
                text += " " + (tr("Verified: this laptop and the district agree, row for row "
                                  "({n} rows were put right).").format(n=report.repaired) if report.repaired else
                               tr("Verified: this laptop and the district agree, row for row."))
            layout.addWidget(QLabel(text))
        refused = context.call(sync.rejected_changes)
        layout.addWidget(QLabel(tr("Refused by the district ({n}): kept here, not sent again.").format(
            n=len(refused))))
        self.refused = QTableWidget(len(refused), 3, accessibleName=tr("Refused changes"))
        self.refused.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.refused.setHorizontalHeaderLabels([tr("When"), tr("What"), tr("Why")])
        for row, change in enumerate(refused):
            when = f"{date_format_text(change.rejected_at, 'dd MMM')} {time_text(change.rejected_at)}"  # notr
            for column, text in enumerate((when, change.table_name.replace("_", " "), change.reason)):
                self.refused.setItem(row, column, QTableWidgetItem(text))
        self.refused.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.refused)
        conflicts = context.call(sync.open_conflicts)
        layout.addWidget(QLabel(tr("Two versions kept ({n}): the newer stands; the other is here.").format(
            n=len(conflicts))))
        self.conflicts = QTableWidget(len(conflicts), 3, accessibleName=tr("Two versions kept"))
        self.conflicts.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.conflicts.setHorizontalHeaderLabels([tr("Where"), tr("Stands"), tr("Also written")])
        for row, conflict in enumerate(conflicts):
            for column, text in enumerate((f"{conflict.table_name.replace('_', ' ')}: {conflict.field}",
                                           conflict.kept, conflict.other)):
                self.conflicts.setItem(row, column, QTableWidgetItem(text))
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.conflicts)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(820, 520)


class ConnectDialog(QDialog):
    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Connect to the district server"))
        self.url = QLineEdit(url or "https://", accessibleName=tr("Server address"))
        self.code = QLineEdit(accessibleName=tr("Enrolment code"), placeholderText="ABCD-EFGH-JKLM-NPQR")
        form = QFormLayout(self)
        form.addRow(QLabel(tr("Your district's IT admin gives you the address and a one-time code.")))
        form.addRow(tr("Server address:"), self.url)
        form.addRow(tr("One-time code:"), self.code)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
