"""The main window: classes and students on the left, the learner profile on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTabWidget, QWidget

from plclassroom.ui import i18n, settings, theme
from plclassroom.ui.backup.actions import BackupActions
from plclassroom.ui.conferences.panel import ConferencesPanel
from plclassroom.ui.context import AppContext
from plclassroom.ui.data_meeting.window import DataMeetingWindow
from plclassroom.ui.help.about import AboutDialog
from plclassroom.ui.help.dialog import HelpDialog
from plclassroom.ui.i18n import tr
from plclassroom.ui.interop.files import FileActions
from plclassroom.ui.interop.roster_import import RosterImport
from plclassroom.ui.interop.score_import import choose_and_import_scores
from plclassroom.ui.mastery.evidence_grid import EvidenceGridPanel
from plclassroom.ui.mastery.exports import MasteryExports
from plclassroom.ui.mastery.heatmap import HeatmapPanel
from plclassroom.ui.mastery.history import HistoryDialog
from plclassroom.ui.mastery.settings import MasterySettingsDialog
from plclassroom.ui.playlists.panel import PlaylistsPanel
from plclassroom.ui.preferences.dialog import PreferencesDialog
from plclassroom.ui.preferences.new_classes import after_roster_import
from plclassroom.ui.privacy.actions import PrivacyActions
from plclassroom.ui.profile.view import ProfilePanel
from plclassroom.ui.roster.view import RosterPanel
from plclassroom.ui.rotations.planner import RotationsPanel
from plclassroom.ui.rotations.seminars import SeminarsDialog
from plclassroom.ui.sync.controller import SyncController

WINDOW_KEY = "main_window"
ROSTER_NARROW = 300
STATUS_MESSAGE_MS = 6000


class MainWindow(QMainWindow):
    """``replaced(window)``: this window gave way to a new one (another language); keep that one open."""

    replaced = Signal(object)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.language = settings.preferences().language
        self.setWindowTitle(tr("plclassroom — {database}").format(database=context.store.path.stem))
        self.roster = RosterPanel(context)
        self.profile = ProfilePanel(context)
        self.heatmap = HeatmapPanel(context)
        self.evidence = EvidenceGridPanel(context)
        self.playlists = PlaylistsPanel(context)
        self.conferences = ConferencesPanel(context)
        self.rotations = RotationsPanel(context)
        self.tabs = QTabWidget(accessibleName=tr("Views of the class"))
        self.tabs.addTab(self.profile, tr("&Learner profile"))
        self.tabs.addTab(self.heatmap, tr("Class &mastery"))
        self.tabs.addTab(self.evidence, tr("Record evi&dence"))
        self.tabs.addTab(self.playlists, tr("&Playlists"))
        self.tabs.addTab(self.conferences, tr("Co&nferences"))
        self.tabs.addTab(self.rotations, tr("&Rotations"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.roster)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([500, 780])
        self.setCentralWidget(self.splitter)
        self.roster.student_selected.connect(self._student_selected)
        # The mastery tabs load their class when shown, so start-up and class switches stay quick.
        self._stale: set[QWidget] = {self.heatmap, self.evidence, self.playlists, self.conferences, self.rotations}
        self.roster.class_selected.connect(lambda _class_id: self._class_changed())
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current_tab())
        self.heatmap.open_history.connect(self.open_history)
        self.heatmap.open_settings.connect(self.open_mastery_settings)
        self.profile.mastery.open_history.connect(self.open_history)
        context.changed.connect(self._data_changed)

        self.connection = QLabel(tr("Offline"), accessibleName=tr("Connection"))
        self.last_sync = QLabel(tr("Last sync: never"), accessibleName=tr("Last sync"))
        self.statusBar().addPermanentWidget(self.connection)
        self.statusBar().addPermanentWidget(self.last_sync)
        self.sync = SyncController(context, self, self.connection, self.last_sync)
        self.backups = BackupActions(context, self, self.sync, self.profile.save_all)
        context.message.connect(lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS))
        self._build_menus()
        self.privacy = PrivacyActions(self)  # Student menu (a family's requests), the screen lock (Ctrl+L)
        self.resize(1280, 800)
        geometry, state, splitter = settings.window_state(WINDOW_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def _student_selected(self, student_id: str) -> None:
        self.profile.show_student(student_id)
        if student_id and self.tabs.currentWidget() is self.heatmap:
            self.tabs.setCurrentWidget(self.profile)

    def _class_changed(self) -> None:
        self.profile.class_id = self.roster.current_class_id()
        self._stale = {self.heatmap, self.evidence, self.playlists, self.conferences, self.rotations}
        self._refresh_current_tab()

    def _refresh_current_tab(self) -> None:
        current = self.tabs.currentWidget()
        # The class views need the width; the roster stays as a narrow class picker beside them.
        sizes = self.splitter.sizes()
        if current is not self.profile and sizes[0] > ROSTER_NARROW:
            self.splitter.setSizes([ROSTER_NARROW, sum(sizes) - ROSTER_NARROW])
        if current in self._stale:
            self._stale.discard(current)
            current.show_class(self.roster.current_class_id())

    def _data_changed(self, kind: str, _student_id: str) -> None:
        if kind == "pulled":  # a sync brought rows: every class view shows them when next looked at
            self._stale = {self.heatmap, self.evidence, self.playlists, self.conferences, self.rotations}
            if self.tabs.currentWidget() is not self.profile:
                self._refresh_current_tab()
        elif kind == "evidence":
            self._stale.add(self.heatmap)
            if self.tabs.currentWidget() is self.heatmap:
                self._refresh_current_tab()

    def open_history(self, student_id: str, competency_id: str) -> HistoryDialog:
        dialog = HistoryDialog(self.context, self.roster.current_class_id(), student_id, competency_id, self)
        dialog.open()
        return dialog

    def open_mastery_settings(self) -> MasterySettingsDialog | None:
        class_id = self.roster.current_class_id()
        if not class_id:
            self.context.message.emit(tr("Pick a class first."))
            return None
        dialog = MasterySettingsDialog(self.context, class_id, self)
        dialog.open()
        return dialog

    def open_preferences(self) -> PreferencesDialog:
        last = settings.last_backup(self.context.store.path.stem)
        dialog = PreferencesDialog(self, i18n.datetime_text(last) if last else tr("never"))
        dialog.accepted.connect(self._preferences_saved)
        dialog.open()
        return dialog

    def _preferences_saved(self) -> None:
        chosen = settings.preferences()
        self.sync.use_server(chosen.server_url)
        self.sync.apply_schedule()
        theme.apply(chosen.theme)
        if chosen.language != self.language:
            self.switch_language(chosen.language)

    def save_typing(self) -> None:
        """Save what is typed but not yet saved: profile fields now, an open conference as its draft."""
        self.profile.save_all()
        self.conferences.editor.save_draft()

    def switch_language(self, language: str) -> MainWindow:
        """Show the app in ``language`` at once. Qt widgets keep the text they were built with, so a
        new window is built in the new language, on the same data, with the same class, student,
        tab and size; what was typed is saved first, so nothing is lost. Returns the new window."""
        from plclassroom.ui.app import open_window

        self.save_typing()
        i18n.install(language)
        window = open_window(self.context.store, self.context.profile_name)
        window.restoreGeometry(self.saveGeometry())
        window.splitter.restoreState(self.splitter.saveState())
        if self.profile.student_id:
            window.roster.select_student(self.profile.student_id)
        window.tabs.setCurrentIndex(self.tabs.currentIndex())
        window.show()
        window.context.message.emit(tr("The app now speaks English."))
        self.close()
        self.deleteLater()
        self.replaced.emit(window)
        return window

    def open_seminars(self) -> SeminarsDialog | None:
        class_id = self.roster.current_class_id()
        if not class_id:
            self.context.message.emit(tr("Pick a class first."))
            return None
        dialog = SeminarsDialog(self.context, class_id, parent=self)
        dialog.open()
        return dialog

    def open_data_meeting(self) -> DataMeetingWindow:
        """The team of the class shown (its school's grade), on what this laptop holds."""
        window = DataMeetingWindow(self.context, self.roster.current_class_id(), self)
        window.show()
        return window

    def _show_rotations(self) -> bool:
        self.tabs.setCurrentWidget(self.rotations)
        return self.rotations.day_view is not None

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        self.roster_import = RosterImport(self.context, self, lambda _report: self.roster.load_classes())
        self.roster_import.on_imported = after_roster_import(self.context, lambda: self.roster.classes,
                                                             self.roster_import.on_imported)
        file_menu.addAction(QAction(tr("Import &roster…"), self, shortcut="Ctrl+I",
                                    triggered=lambda: self.roster_import.choose()))
        file_menu.addAction(QAction(tr("Import roster &folder…"), self,
                                    triggered=lambda: self.roster_import.choose(folder=True)))
        self.files = FileActions(self.context, self, self.roster.current_class)
        file_menu.addAction(QAction(tr("Import &framework…"), self, triggered=lambda: self.files.import_framework()))
        file_menu.addAction(QAction(tr("Import &scores…"), self,
                                    triggered=lambda: choose_and_import_scores(self.context, self)))
        file_menu.addSeparator()
        file_menu.addAction(QAction(tr("Export class r&oster…"), self, triggered=lambda: self.files.export("roster")))
        file_menu.addAction(QAction(tr("Export &mastery…"), self, triggered=lambda: self.files.export("mastery")))
        file_menu.addSeparator()
        file_menu.addAction(QAction(tr("Connect to &district server…"), self,
                                    triggered=lambda: self.sync.connect_to_server()))
        file_menu.addAction(QAction(tr("S&ync now"), self, shortcut="Ctrl+Shift+S", triggered=lambda: self.sync.sync_now()))
        file_menu.addAction(QAction(tr("Sync re&port…"), self, triggered=lambda: self.sync.open_report()))
        file_menu.addAction(QAction(tr("Settle sync &conflicts…"), self, shortcut="Ctrl+Shift+T",
                                    triggered=lambda: self.sync.open_conflicts()))
        file_menu.addAction(QAction(tr("Export sync &bundle (USB)…"), self, triggered=lambda: self.sync.export_bundle()))
        file_menu.addAction(QAction(tr("Import return b&undle…"), self,
                                    triggered=lambda: self.sync.import_return_bundle()))
        file_menu.addSeparator()
        file_menu.addAction(QAction(tr("Back up no&w…"), self, triggered=lambda: self.backups.back_up()))
        file_menu.addAction(QAction(tr("Restore from bac&kup…"), self,
                                    triggered=lambda: self.backups.choose_and_restore()))
        file_menu.addSeparator()
        quit_action = QAction(tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        file_menu.addAction(quit_action)

        edit = bar.addMenu(tr("&Edit"))
        undo = self.context.undo_stack.createUndoAction(self, tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.context.undo_stack.createRedoAction(self, tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        # Typing not yet saved is saved first, so undo always undoes the newest change.
        undo.triggered.connect(self.profile.save_all, Qt.ConnectionType.DirectConnection)
        self.undo_action, self.redo_action = undo, redo
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        find = QAction(tr("&Find student"), self, shortcut=QKeySequence.StandardKey.Find, triggered=self._find)
        edit.addAction(find)
        edit.addSeparator()
        edit.addAction(QAction(tr("Se&ttings…"), self, shortcut="Ctrl+,",
                               menuRole=QAction.MenuRole.PreferencesRole, triggered=self.open_preferences))

        class_menu = bar.addMenu(tr("&Class"))
        class_menu.addAction(QAction(tr("&Mastery settings…"), self, triggered=self.open_mastery_settings))
        self.mastery_exports = MasteryExports(self.context, self, self.roster.current_class,
                                              lambda: self.profile.student_id)
        class_menu.addAction(QAction(tr("&Distribution chart…"), self,
                                     triggered=lambda: self.mastery_exports.distribution()))
        class_menu.addSeparator()
        class_menu.addAction(QAction(tr("Export &heatmap (PDF or PNG)…"), self,
                                     triggered=lambda: self.mastery_exports.heatmap(
                                         as_of=self.heatmap.as_of_date())))
        class_menu.addAction(QAction(tr("Export &student report (PDF or PNG)…"), self,
                                     triggered=lambda: self.mastery_exports.student_report()))
        class_menu.addSeparator()
        class_menu.addAction(QAction(tr("&Flex seminars…"), self, triggered=self.open_seminars))
        class_menu.addAction(QAction(tr("Data m&eeting…"), self, shortcut="Ctrl+Shift+M",
                                     triggered=self.open_data_meeting))
        class_menu.addAction(QAction(tr("Rotation &board"), self, shortcut="Ctrl+B",
                                     triggered=lambda: self._show_rotations() and self.rotations.open_board()))

        view = bar.addMenu(tr("&View"))
        view.addAction(QAction(tr("&Refresh"), self, shortcut=QKeySequence.StandardKey.Refresh,
                               triggered=self.roster.load_classes))
        view.addAction(QAction(tr("Full &screen"), self, shortcut=QKeySequence.StandardKey.FullScreen,
                               triggered=self._toggle_full_screen))
        view.addSeparator()
        view.addAction(QAction(tr("&Larger text"), self, shortcut=QKeySequence.StandardKey.ZoomIn,
                               triggered=lambda: self._text_size(+1)))
        view.addAction(QAction(tr("S&maller text"), self, shortcut=QKeySequence.StandardKey.ZoomOut,
                               triggered=lambda: self._text_size(-1)))
        view.addAction(QAction(tr("&Normal text size"), self, shortcut="Ctrl+0",
                               triggered=lambda: self._text_size(0)))

        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(QAction(tr("&Help for this screen"), self, shortcut=QKeySequence.StandardKey.HelpContents,
                                    triggered=self.open_help))
        help_menu.addAction(QAction(tr("&About plclassroom"), self, triggered=self.open_about))

    def _find(self) -> None:
        self.roster.search.setFocus()
        self.roster.search.selectAll()

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _text_size(self, steps: int) -> None:
        percent = theme.step_text_scale(steps)
        self.context.message.emit(tr("Text size: {percent} %").format(percent=percent))

    def help_key(self) -> str:
        """The help topic of what is on screen: the current tab's."""
        keys = {self.profile: "profile", self.heatmap: "heatmap", self.evidence: "evidence",
                self.playlists: "playlists", self.conferences: "conferences", self.rotations: "rotations"}
        return keys.get(self.tabs.currentWidget(), "profile")

    def open_help(self) -> HelpDialog:
        dialog = HelpDialog(self.help_key(), self)
        dialog.open()
        return dialog

    def open_about(self) -> AboutDialog:
        dialog = AboutDialog(str(self.context.store.path), self)
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        self.profile.save_all()
        settings.save_window(WINDOW_KEY, self.saveGeometry(), self.saveState(), self.splitter.saveState())
        super().closeEvent(event)
