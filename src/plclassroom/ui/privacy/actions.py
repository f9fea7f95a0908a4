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
from plclassroom.ui.i18n import tr
from plclassroom.ui.privacy import pin as pins
from plclassroom.ui.privacy.family_requests import StudentRequests
from plclassroom.ui.privacy.lock import ScreenLock


def no_pin_message() -> str:
    return tr("Choose an app PIN (View > Screen lock settings) so the screen lock guards student data "
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
            QTimer.singleShot(1500, self, lambda: window.statusBar().showMessage(no_pin_message(), 10000))

    def _student(self) -> str:
        return self.window.profile.student_id

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        menus = {action.text(): action for action in bar.actions()}
        student = QMenu(tr("&Student"), bar)
        self.export_action = QAction(tr("&Export everything about this student…"), self.window,
                                     triggered=lambda: self.requests.export(self._student()))
        self.forget_action = QAction(tr("&Delete this student from this laptop…"), self.window,
                                     triggered=lambda: self.requests.forget(self._student()))
        student.addAction(self.export_action)
        student.addAction(self.forget_action)
        view = menus.get(tr("&View"))  # the main window's View menu, by its (translated) title
        if view is not None:
            bar.insertMenu(view, student)
            menu = view.menu()
        else:
            bar.addMenu(student)
            menu = bar.addMenu(tr("&View"))
        menu.addSeparator()
        self.lock_action = QAction(tr("&Lock the screen"), self.window, shortcut="Ctrl+L",
                                   triggered=lambda: self.lock.lock())
        menu.addAction(self.lock_action)
        menu.addAction(QAction(tr("Screen lock se&ttings…"), self.window, triggered=self.open_settings))

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
        self.setWindowTitle(tr("Screen lock settings"))
        form = QFormLayout(self)
        form.addRow(QLabel(tr("plclassroom hides student data after a while without use; the app PIN shows it again.")))
        self.minutes = QSpinBox(accessibleName=tr("Minutes before locking"), minimum=0, maximum=240,
                                suffix=tr(" minutes"), specialValueText=tr("Never by itself"))
        self.minutes.setValue(settings.lock_minutes())
        form.addRow(tr("Lock after:"), self.minutes)
        self.has_pin = bool(settings.pin_record())
        self.current = QLineEdit(accessibleName=tr("Current PIN"), echoMode=QLineEdit.EchoMode.Password)
        if self.has_pin:
            form.addRow(tr("Current PIN:"), self.current)
        self.new = QLineEdit(accessibleName=tr("New PIN"), echoMode=QLineEdit.EchoMode.Password,
                             placeholderText=tr("4 to 12 digits (empty: keep the PIN)") if self.has_pin
                             else tr("4 to 12 digits"))
        self.again = QLineEdit(accessibleName=tr("New PIN again"), echoMode=QLineEdit.EchoMode.Password)
        form.addRow(tr("New PIN:") if self.has_pin else tr("App PIN:"), self.new)
        form.addRow(tr("Again:"), self.again)
        self.message = QLabel("", accessibleName=tr("Message"))
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
                self.message.setText(tr("The current PIN is not right: the PIN was not changed."))
                return False
            try:
                pins.check_format(new)
            except pins.PinError as error:
                self.message.setText(str(error))
                return False
            if new != self.again.text():
                self.message.setText(tr("The two PINs differ: type the same PIN twice."))
                return False
            settings.set_pin_record(pins.hash_pin(new))
        settings.set_lock_minutes(self.minutes.value())
        self.accept()
        return True
