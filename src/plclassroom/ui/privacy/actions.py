"""Privacy's place in the main window: a Student menu (a family's requests about the open
student), and in the View menu the screen lock (Ctrl+L) and its settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSpinBox,
    QWidget,
)

from plclassroom.ui import settings
from plclassroom.ui.privacy import pin as pins
from plclassroom.ui.privacy.family_requests import StudentRequests
from plclassroom.ui.privacy.lock import ScreenLock

NO_PIN_MESSAGE = ("Choose an app PIN (View > Screen lock settings) so the screen lock guards student data "
                  "when you step away.")


class PrivacyActions(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.lock = ScreenLock(window)
        self.requests = StudentRequests(self.context, window, self._before_forget, self._after_forget)
        self._build_menus()
        if not settings.pin_record() and settings.lock_minutes():
            QTimer.singleShot(1500, self, lambda: window.statusBar().showMessage(NO_PIN_MESSAGE, 10000))

    def _student(self) -> str:
        return self.window.profile.student_id

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        menus = {action.text(): action for action in bar.actions()}
        student = QMenu("&Student", bar)
        self.export_action = QAction("&Export everything about this student…", self.window,
                                     triggered=lambda: self.requests.export(self._student()))
        self.forget_action = QAction("&Delete this student from this laptop…", self.window,
                                     triggered=lambda: self.requests.forget(self._student()))
        student.addAction(self.export_action)
        student.addAction(self.forget_action)
        view = menus.get("&View")
        if view is not None:
            bar.insertMenu(view, student)
            menu = view.menu()
        else:
            bar.addMenu(student)
            menu = bar.addMenu("&View")
        menu.addSeparator()
        self.lock_action = QAction("&Lock the screen", self.window, shortcut="Ctrl+L",
                                   triggered=lambda: self.lock.lock())
        menu.addAction(self.lock_action)
        menu.addAction(QAction("Screen lock se&ttings…", self.window, triggered=self.open_settings))

    def open_settings(self) -> LockSettingsDialog:
        dialog = LockSettingsDialog(self.window)
        dialog.open()
        return dialog

    def _before_forget(self) -> None:
        self.window.profile.show_student("")  # typing saved first; the profile lets go of the student
        self.context.undo_stack.clear()  # no undo may bring back a row of theirs

    def _after_forget(self) -> None:
        self.window.roster.load_classes()
        self.context.changed.emit("pulled", "")  # rows went from under every view: each reloads when shown


class LockSettingsDialog(QDialog):
    """How long idle before the screen locks, and the app PIN (the current one is asked to change it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Screen lock settings")
        form = QFormLayout(self)
        form.addRow(QLabel("plclassroom hides student data after a while without use; the app PIN shows it again."))
        self.minutes = QSpinBox(accessibleName="Minutes before locking", minimum=0, maximum=240,
                                suffix=" minutes", specialValueText="Never by itself")
        self.minutes.setValue(settings.lock_minutes())
        form.addRow("Lock after:", self.minutes)
        self.has_pin = bool(settings.pin_record())
        self.current = QLineEdit(accessibleName="Current PIN", echoMode=QLineEdit.EchoMode.Password)
        if self.has_pin:
            form.addRow("Current PIN:", self.current)
        self.new = QLineEdit(accessibleName="New PIN", echoMode=QLineEdit.EchoMode.Password,
                             placeholderText="4 to 12 digits" + (" (empty: keep the PIN)" if self.has_pin else ""))
        self.again = QLineEdit(accessibleName="New PIN again", echoMode=QLineEdit.EchoMode.Password)
        form.addRow("New PIN:" if self.has_pin else "App PIN:", self.new)
        form.addRow("Again:", self.again)
        self.message = QLabel("", accessibleName="Message")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> bool:
        new = self.new.text()
        if new:
            if self.has_pin and not pins.matches(self.current.text(), settings.pin_record()):
                self.message.setText("The current PIN is not right: the PIN was not changed.")
                return False
            try:
                pins.check_format(new)
            except pins.PinError as error:
                self.message.setText(str(error))
                return False
            if new != self.again.text():
                self.message.setText("The two PINs differ: type the same PIN twice.")
                return False
            settings.set_pin_record(pins.hash_pin(new))
        settings.set_lock_minutes(self.minutes.value())
        self.accept()
        return True
