"""The screen lock: after some minutes without keyboard or mouse (``settings.lock_minutes``, 10 by
default, 0 never), or on demand (View > Lock the screen, Ctrl+L), every window of the app hides
its content and a modal box asks for the app PIN.

Hiding is real, not a curtain: each window's own widgets are hidden (so nothing of a student is
drawn, read out by a screen reader or found by walking the widgets), its title becomes
"plclassroom (locked)" (titles show in the taskbar), and an opaque cover says it is locked. The
PIN box is application-modal, so no window takes a key or a click until it is unlocked. A window
that opens while locked (a message from a background sync) is covered as it shows.

The PIN is chosen the first time the app locks without one (or in Screen lock settings), and kept
as a salted hash (``pin.py``; ``settings.py`` says why in the settings rather than the keyring).
After three wrong PINs each try waits longer (5 s, 10 s, ... up to 5 minutes), and the count and
"locked" survive a restart: an app killed while locked starts locked. While a rotation board is
on screen (shown to the class), idle time does not lock: the teacher is teaching, not typing.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from plclassroom.ui import settings
from plclassroom.ui.i18n import tr
from plclassroom.ui.privacy import pin as pins

log = logging.getLogger(__name__)

CHECK_MS = 15_000  # how often idle time is looked at
FREE_TRIES = 3  # wrong PINs before each try must wait
LONGEST_WAIT = 300.0
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
          QEvent.Type.TouchBegin, QEvent.Type.TabletPress}


def locked_title() -> str:
    return tr("plclassroom (locked)")


def wait_after(failed: int) -> float:
    """Seconds before the next try after ``failed`` wrong PINs in a row."""
    return 0.0 if failed < FREE_TRIES else min(LONGEST_WAIT, 5.0 * 2 ** (failed - FREE_TRIES))


class ScreenLock(QObject):
    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time) -> None:
        super().__init__(window)
        self.window = window
        self.clock, self.wall = clock, wall
        self.last_input = clock()
        self.locked = False
        self.dialog: UnlockDialog | None = None
        self._hidden: list[QWidget] = []
        self._titles: dict[QWidget, str] = {}
        self._covers: dict[QWidget, LockCover] = {}
        QApplication.instance().installEventFilter(self)
        self.timer = QTimer(self, interval=CHECK_MS, timeout=self.check_idle)
        self.timer.start()
        if settings.lock_state()[0]:
            self.lock("it was locked when the app stopped")  # notr: for the log

    # -- watching for input -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT:
            self.last_input = self.clock()
            if kind == QEvent.Type.KeyPress and not self.locked and event.key() == Qt.Key.Key_L \
                    and event.modifiers() == Qt.KeyboardModifier.ControlModifier and self.window.isVisible():
                self.lock()  # Ctrl+L from any window, a modal dialog's too (the menu's shortcut is not, there)
                return True
        elif self.locked:
            if kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
                if watched is self.window:
                    QTimer.singleShot(0, self, self.open_dialog)  # it was locked before the window first showed
                elif self.window.isVisible() and watched not in self._covers \
                        and not isinstance(watched, (UnlockDialog, LockCover)) \
                        and watched.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                    QTimer.singleShot(0, self, lambda w=watched: self._cover_late(w))
            elif kind == QEvent.Type.Resize and watched in self._covers:
                self._covers[watched].setGeometry(watched.rect())
        return False

    def idle_seconds(self) -> float:
        return self.clock() - self.last_input

    def check_idle(self) -> bool:
        """Lock when the app has been idle long enough; True if it locked now."""
        minutes = settings.lock_minutes()
        if self.locked or not minutes or not self.window.isVisible() or self.idle_seconds() < minutes * 60:
            return False
        if self._board_showing():
            self.last_input = self.clock()
            return False
        self.lock(f"after {minutes} idle minutes")  # notr: for the log
        return True

    def _board_showing(self) -> bool:
        from plclassroom.ui.rotations.board import RotationBoard

        return any(isinstance(w, RotationBoard) and w.isVisible() for w in QApplication.topLevelWidgets())

    # -- locking ------------------------------------------------------------------------------------

    def lock(self, why: str = "on demand") -> None:  # notr: why is for the log
        if self.locked:
            return
        log.info("screen locked (%s)", why)
        self.locked = True
        _was_locked, failed, retry_after = settings.lock_state()
        settings.set_lock_state(True, failed, retry_after)
        QToolTip.hideText()
        for _ in range(10):  # open menus and pop-ups first: they are windows of their own
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and not isinstance(widget, (UnlockDialog, LockCover)):
                self._cover(widget)
        if self.window not in self._covers:
            self._cover(self.window)  # locked before the window shows (it was locked at the last stop)
        if self.window.isVisible():
            self.open_dialog()
        self.locked_changed.emit(True)

    def open_dialog(self) -> None:
        if not self.locked:
            return
        if self.dialog is None or not isValid(self.dialog):
            self.dialog = UnlockDialog(self)
        if not self.dialog.isVisible():
            self.dialog.open()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.pin.setFocus()

    def _cover_late(self, widget: QWidget) -> None:
        if self.locked and self.window.isVisible() and isValid(widget) and widget.isVisible() \
                and widget not in self._covers:
            self._cover(widget)
            if self.dialog is not None and isValid(self.dialog):
                self.dialog.raise_()
                self.dialog.activateWindow()

    def _cover(self, widget: QWidget) -> None:
        self._titles[widget] = widget.windowTitle()
        widget.setWindowTitle(locked_title())
        for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if not child.isWindow() and child.isVisibleTo(widget) and not isinstance(child, LockCover):
                child.hide()
                self._hidden.append(child)
        cover = LockCover(widget, self if widget is self.window else None)
        cover.setGeometry(widget.rect())
        cover.show()
        cover.raise_()
        self._covers[widget] = cover

    def unlock(self) -> None:
        for child in self._hidden:
            if isValid(child):
                child.show()
        for widget, cover in self._covers.items():
            if isValid(cover):
                cover.hide()
                cover.deleteLater()
            if isValid(widget):
                widget.setWindowTitle(self._titles.get(widget, widget.windowTitle()))
        self._hidden, self._titles, self._covers = [], {}, {}
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.deleteLater()
        self.dialog = None
        self.locked = False
        settings.set_lock_state(False, 0, 0.0)
        self.last_input = self.clock()
        self.locked_changed.emit(False)

    # -- the PIN ------------------------------------------------------------------------------------

    def try_pin(self, pin: str) -> str | None:
        """Unlock with ``pin``; None when it did, else what to tell the person."""
        _locked, failed, retry_after = settings.lock_state()
        now = self.wall()
        if now < retry_after:
            return tr("Wait {seconds} s before the next try.").format(seconds=math.ceil(retry_after - now))
        if pins.matches(pin, settings.pin_record()):
            if self.dialog is not None and isValid(self.dialog):
                self.dialog.finish()
            self.unlock()
            return None
        failed += 1
        wait = wait_after(failed)
        settings.set_lock_state(True, failed, now + wait if wait else 0.0)
        log.info("wrong PIN at the lock screen (%d in a row)", failed)
        return tr("That is not the PIN.") + (
            " " + tr("Wait {seconds} s before the next try.").format(seconds=math.ceil(wait)) if wait else "")

    def choose_pin(self, pin: str, again: str) -> str | None:
        """The first PIN, chosen at the lock screen; None when it is kept (and the app unlocked)."""
        if settings.pin_record():
            return self.try_pin(pin)
        try:
            pins.check_format(pin)
        except pins.PinError as error:
            return str(error)
        if pin != again:
            return tr("The two PINs differ: type the same PIN twice.")
        settings.set_pin_record(pins.hash_pin(pin))
        log.info("app PIN chosen")
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.finish()
        self.unlock()
        return None

    def retry_wait(self) -> float:
        """Seconds before the next PIN may be tried (0: now)."""
        return max(0.0, settings.lock_state()[2] - self.wall())


class LockCover(QWidget):
    """An opaque cover over a locked window's (hidden) content; a click on the main window's brings
    the PIN box back to the front."""

    def __init__(self, parent: QWidget, lock: ScreenLock | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(tr("plclassroom is locked"), alignment=Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        note = QLabel(tr("Student data is hidden until the app PIN is entered.") if lock else
                      tr("Unlock plclassroom in its main window."), alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(note)
        layout.addStretch(3)  # the words above the middle, where the PIN box opens
        self.lock = lock

    def mousePressEvent(self, event) -> None:
        if self.lock is not None:
            self.lock.open_dialog()  # the PIN box again, should it have gone behind another window


class UnlockDialog(QDialog):
    """The PIN box over a locked app: it cannot be closed or escaped, only unlocked (or the app quit)."""

    def __init__(self, lock: ScreenLock) -> None:
        super().__init__(lock.window, Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint
                         | Qt.WindowType.WindowTitleHint)
        self.lock = lock
        self._done = False
        self.choosing = not settings.pin_record()
        self.setWindowTitle(locked_title())
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            tr("Choose an app PIN (4 to 12 digits) for plclassroom on this laptop. You will type it to unlock\n"
               "the app when it locks after a while without use, or when you lock it (Ctrl+L).")
            if self.choosing else tr("Type the app PIN to show student data again.")))
        digits = QRegularExpressionValidator(r"[0-9]{0,12}")
        self.pin = QLineEdit(accessibleName=tr("App PIN"), echoMode=QLineEdit.EchoMode.Password)
        self.pin.setValidator(digits)
        layout.addWidget(self.pin)
        self.again = QLineEdit(accessibleName=tr("The PIN again"), echoMode=QLineEdit.EchoMode.Password,
                               placeholderText=tr("The PIN again"))
        self.again.setValidator(digits)
        self.again.setVisible(self.choosing)
        layout.addWidget(self.again)
        self.message = QLabel("", accessibleName=tr("Lock message"))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.quit = QPushButton(tr("Quit plclassroom"))
        self.quit.clicked.connect(self._quit)
        self.unlock_button = QPushButton(tr("Choose PIN and unlock") if self.choosing else tr("Unlock"), default=True)
        self.unlock_button.clicked.connect(self.submit)
        buttons.addWidget(self.quit)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        self.pin.returnPressed.connect(self.submit)
        self.again.returnPressed.connect(self.submit)
        self._wait = QTimer(self, singleShot=True, timeout=self._ready)
        if lock.retry_wait() > 0:
            self._waiting(lock.retry_wait())

    def submit(self) -> bool:
        """Try what was typed; True when the app is unlocked."""
        if not self.unlock_button.isEnabled():
            return False
        said = (self.lock.choose_pin(self.pin.text(), self.again.text()) if self.choosing
                else self.lock.try_pin(self.pin.text()))
        if said is None:
            return True
        self.pin.clear()
        self.again.clear()
        self.message.setText(said)
        if self.lock.retry_wait() > 0:
            self._waiting(self.lock.retry_wait())
        return False

    def _waiting(self, seconds: float) -> None:
        self.unlock_button.setEnabled(False)
        self._wait.start(int(math.ceil(seconds * 1000)))

    def _ready(self) -> None:
        self.unlock_button.setEnabled(True)
        self.message.setText(tr("Try again."))
        self.pin.setFocus()

    def finish(self) -> None:
        self._done = True
        self.accept()

    def _quit(self) -> None:
        self._done = True  # the app stays locked: it starts locked next time
        self.close()
        self.lock.window.close()

    def reject(self) -> None:  # Esc: nothing; the box only goes when the app is unlocked
        if self._done:
            super().reject()

    def closeEvent(self, event) -> None:
        if self._done:
            super().closeEvent(event)
        else:
            event.ignore()
