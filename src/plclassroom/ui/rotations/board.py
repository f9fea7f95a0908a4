"""The rotation board: the full-screen classroom display of a station-rotation day.

It shows each group with its members, where the group is now and where it goes next, and a countdown
big enough to read from the back of the room; the teacher drives it from the keyboard. The time comes
from domain.board_clock, recomputed from the wall clock on every tick and saved in QSettings on every
key, so a board closed and reopened, or a laptop that slept, shows the right block.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QResizeEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from plclassroom.domain.board_clock import BLOCK, DONE, NOT_STARTED, TRANSITION, BoardClock, BoardState, mmss
from plclassroom.ui import settings
from plclassroom.ui.i18n import tr
from plclassroom.ui.rotations.chime import play_chime

if TYPE_CHECKING:  # only the shapes: the board reads a DayPlan, it never calls the service
    from plclassroom.services.rotations import DayPlan, GroupView, StationView

log = logging.getLogger(__name__)

TICK_MS = 250
GRID_SPACING = 18
BORDER = 5  # a card's border in the group's colour
COMPACT_TOP = 0.75  # status and countdown on a crowded board
MIN_POINTS = 14.0  # nothing on the board is smaller than this

# High contrast on black: white text (21:1), yellow for what to read first (~17:1), light cyan for moving.
BACKGROUND = "#000000"
CARD = "#121212"
TEXT = "#FFFFFF"
ACCENT = "#FFE14D"
MOVE = "#7FE3FF"
PAUSED = "#D0D0D0"

STYLE = f"""
#rotationBoard {{ background: {BACKGROUND}; }}
#rotationBoard QLabel {{ color: {TEXT}; background: transparent; }}
#rotationBoard QLabel#countdown, #rotationBoard QLabel#station {{ color: {ACCENT}; }}
"""  # notr

# Font sizes as a share of the board's height (the height of a 4:3 window of the same width if
# narrower): about what a projected slide uses, so the back row reads them.
SIZES = {
    "title": 0.042, "status": 0.062, "countdown": 0.17, "message": 0.06, "hint": 0.027,
    "name": 0.05, "members": 0.036, "caption": 0.03, "station": 0.075, "activity": 0.034, "next": 0.04,
}



def key_hints() -> dict[str, str]:
    """The keys the teacher can press in each phase, along the foot of the board."""
    running = tr("Space pause  ·  → next  ·  ← back")
    return {
        NOT_STARTED: tr("Space start"),
        BLOCK: running,
        TRANSITION: running,
        DONE: tr("← back  ·  R start over"),
    }


def paused_hint() -> str:
    return tr("Space go on  ·  → next  ·  ← back  ·  R start over")


def window_hint() -> str:
    return tr("F full screen  ·  Esc leave")


def _keep_names_whole(name: str) -> str:
    # No-break spaces: a wrapped member list breaks between names, never inside one.
    return name.replace(" ", "\u00a0")


class GroupCard(QFrame):
    """One group: colour swatch and name (colour is never the only cue), members, station now and next."""

    def __init__(self, group: GroupView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = group
        self.setObjectName("groupCard")
        color = group.color if QColor(group.color).isValid() else TEXT
        self.setStyleSheet(
            f"QFrame#groupCard {{ background: {CARD}; border: {BORDER}px solid {color};"
            " border-radius: 16px; }"
            f"QLabel#swatch {{ background: {color}; border: 2px solid {TEXT}; border-radius: 4px; }}")
        self.setAccessibleName(group.name)
        self.setAccessibleDescription(tr("Rotation group: its members, its station now and its next station"))
        # Equal columns whatever the names: the grid's stretch decides the width, not the text.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.swatch = QLabel(self)
        self.swatch.setObjectName("swatch")
        self.swatch.setAccessibleName(tr("{group} colour").format(group=group.name))
        self.name = self._label("name", tr("Group name: {group}").format(group=group.name))
        self.name.setText(group.name)
        self.members = self._label("members", tr("{group} members: {members}").format(
            group=group.name, members=", ".join(group.members)))
        self.caption = self._label("caption", "")
        self.station = self._label("station", "")
        self.activity = self._label("activity", "")
        self.next = self._label("next", "")
        self._texts = ("", "", "", "")
        self._compact = False
        self._member_limit: int | None = None
        self._show_members()

        self.header = QHBoxLayout()
        self.header.setSpacing(12)
        self.header.addWidget(self.swatch, 0, Qt.AlignmentFlag.AlignVCenter)
        self.header.addWidget(self.name, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.setSpacing(6)
        layout.addLayout(self.header)
        layout.addWidget(self.members)
        for label in (self.caption, self.station, self.activity, self.next):
            layout.addWidget(label)
        layout.addStretch(1)

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        # Top-aligned: on a window too small for everything, text is cut at the bottom, never overlaps.
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setAccessibleName(accessible)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return label

    def show_stations(self, caption: str, station: str, activity: str, following: str) -> None:
        self._texts = (caption, station, activity, following)
        self._show_texts()

    def set_fit(self, compact: bool, member_limit: int | None) -> None:
        """Compact: no caption or activity line. member_limit: list only that many members, then "+n more"
        (0: no member list at all)."""
        if (compact, member_limit) != (self._compact, self._member_limit):
            self._compact, self._member_limit = compact, member_limit
            self._show_texts()
            self._show_members()

    def _show_texts(self) -> None:
        caption, station, activity, following = self._texts
        if self._compact:
            caption, activity = "", ""
        for label, text in ((self.caption, caption), (self.station, station), (self.activity, activity),
                            (self.next, following)):
            label.setText(text)
            label.setVisible(bool(text))
        name = self.group.name
        self.caption.setAccessibleName(f"{name}: {self._texts[0]}")
        self.station.setAccessibleName(tr("{group} station: {station}").format(group=name, station=station))
        self.activity.setAccessibleName(tr("{group} activity: {activity}").format(group=name,
                                                                                  activity=self._texts[2]))
        self.next.setAccessibleName(f"{name}: {following}")

    def _show_members(self) -> None:
        names = [_keep_names_whole(m) for m in self.group.members]
        limit = self._member_limit
        if limit is not None and len(names) > limit:
            more = _keep_names_whole(tr("+{n} more").format(n=len(names) - limit))
            names = names[:limit] + [more] if limit else []
        elif not names:
            names = [tr("(no members yet)")]
        self.members.setText(", ".join(names))
        self.members.setVisible(bool(names))

    def shown_labels(self) -> list[QLabel]:
        # By text, not isVisible(): before the first show every child counts as hidden.
        return [label for label in (self.members, self.caption, self.station, self.activity, self.next)
                if label.text()]

    def needed_height(self, card_width: int) -> int:
        """The card's height at its current fonts (members at least their row-aligned minimum height)."""
        inner = self.inner_width(card_width)
        layout = self.layout()
        margins = layout.contentsMargins()
        header = max(self.name.heightForWidth(max(1, inner - self.swatch.width() - self.header.spacing())),
                     self.swatch.height())
        shown = self.shown_labels()
        return (margins.top() + margins.bottom() + 2 * BORDER + header
                + sum(label.heightForWidth(inner) for label in shown) + layout.spacing() * len(shown))

    def inner_width(self, card_width: int) -> int:
        margins = self.layout().contentsMargins()
        return max(40, card_width - margins.left() - margins.right() - 2 * BORDER)


class RotationBoard(QWidget):
    """The classroom board for one DayPlan. Keys: Space start/pause/go on, Right/N next, Left/B back,
    R start over (when paused or done), F/F11 full screen, Escape leave full screen, then close."""

    def __init__(self, day: DayPlan, settings_key: str | None = None, now: Callable[[], float] = time.time,
                 chime: Callable[[], None] = play_chime, parent: QWidget | None = None) -> None:
        # A window of its own even with a parent: it goes full screen on the projector.
        super().__init__(parent, Qt.WindowType.Window)
        self.day = day
        self.settings_key = settings_key
        self._now = now
        self._chime = chime
        self.setObjectName("rotationBoard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWindowTitle(tr("Rotation board: {class_title} · {plan}").format(class_title=day.class_title,
                                                                               plan=day.title))
        self.setAccessibleName(tr("Rotation board"))
        self.setMinimumSize(800, 500)

        self.empty_message = self._why_empty()
        self.clock = self._restore()
        self._build()
        self._shown: tuple | None = None  # what the cards show now: redrawn only when it changes
        self._last = self.clock.state(self._now())
        self._render(self._last)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        if not self.empty_message:
            self.timer.start()

    # -- building -------------------------------------------------------------------------------------

    def _why_empty(self) -> str:
        if not self.day.blocks:
            return (tr("This day has no rotation blocks yet.") + "\n"
                    + tr("Set the blocks in the rotation plan, then open the board again."))
        if not self.day.groups:
            return (tr("This day has no groups yet.") + "\n"
                    + tr("Make the groups in the rotation plan, then open the board again."))
        return ""

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        return label

    def _build(self) -> None:
        day = self.day
        self.title = self._label("title", tr("Class and plan"))
        self.title.setWordWrap(True)
        self.title.setText(f"{day.class_title}  ·  {day.title}  ·  {self._day_text()}")
        self.title.setAccessibleName(tr("Class and plan: {text}").format(text=self.title.text()))
        self.status = self._label("status", tr("Rotation"))
        self.status.setWordWrap(True)
        self.countdown = self._label("countdown", tr("Time left"))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.hint = self._label("hint", tr("Keys"))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = self._label("message", tr("Message"))
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.cards_area = QWidget(self)
        self.cards_area.setAccessibleName(tr("Groups"))
        grid = QGridLayout(self.cards_area)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(GRID_SPACING)
        self.cards = [GroupCard(group, self.cards_area) for group in day.groups]
        self.columns = self._columns(len(self.cards))
        for i, card in enumerate(self.cards):
            grid.addWidget(card, i // self.columns, i % self.columns)
        for column in range(self.columns):
            grid.setColumnStretch(column, 1)

        self.top_row = top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.status, 1)
        top.addWidget(self.countdown, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 14)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.cards_area, 1)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.hint)

        if self.empty_message:
            self.message.setText(self.empty_message)
            self.message.setAccessibleName(tr("Message: {text}").format(text=self.empty_message))
            self.cards_area.hide()
            self.status.hide()
            self.countdown.hide()
        else:
            self.message.hide()

    @staticmethod
    def _columns(count: int) -> int:
        # Up to four groups side by side; more go on two rows.
        return max(1, count if count <= 4 else math.ceil(count / 2))

    def _day_text(self) -> str:
        d = self.day.day
        return QLocale().toString(QDate(d.year, d.month, d.day), QLocale.FormatType.LongFormat)

    # -- the clock and its saved state ----------------------------------------------------------------

    def _lengths(self) -> tuple[list[float], float]:
        return [b.minutes * 60.0 for b in self.day.blocks], self.day.transition_minutes * 60.0

    def _settings_name(self) -> str:
        return f"{self.settings_key}/clock"

    def _restore(self) -> BoardClock:
        blocks, transition = self._lengths()
        if self.settings_key:
            try:
                saved = settings.settings().value(self._settings_name())
                if saved:
                    return BoardClock.from_dict(json.loads(saved), blocks, transition)
            except (TypeError, ValueError):  # a damaged entry: start clean rather than fail to open
                log.warning("Ignoring the saved rotation board state %s", self.settings_key, exc_info=True)
        return BoardClock(tuple(blocks), transition)

    def save(self) -> None:
        if not self.settings_key:
            return
        s = settings.settings()
        if self.clock.started_at is None:
            s.remove(self._settings_name())
        else:
            s.setValue(self._settings_name(), json.dumps(self.clock.to_dict()))
        s.sync()  # now: the laptop may be shut or run out of battery before the app quits

    # -- the teacher's keys ---------------------------------------------------------------------------

    def _act(self, action: Callable[[float], None] | Callable[[], None], needs_time: bool = True) -> None:
        if self.empty_message:
            return
        if needs_time:
            action(self._now())
        else:
            action()
        self.save()
        self.tick()

    def start_pause(self) -> None:
        self._act(self.clock.toggle)

    def skip(self) -> None:
        self._act(self.clock.skip)

    def back(self) -> None:
        self._act(self.clock.back)

    def start_over(self) -> None:
        """Back to "not started" (R, only when paused or done so a stray key can't wipe a running lesson)."""
        self._act(self.clock.reset, needs_time=False)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        Key = Qt.Key
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                | Qt.KeyboardModifier.MetaModifier):
            super().keyPressEvent(event)
            return
        key = event.key()
        handled = True
        repeat = event.isAutoRepeat()  # a key held down must not skip the whole lesson
        if key == Key.Key_Space:
            if not repeat:
                self.start_pause()
        elif key in (Key.Key_Right, Key.Key_N, Key.Key_PageDown):  # PageDown/Up: presentation clickers
            if not repeat:
                self.skip()
        elif key in (Key.Key_Left, Key.Key_B, Key.Key_PageUp):
            if not repeat:
                self.back()
        elif key == Key.Key_R:
            if not repeat and (self._last.paused or self._last.phase == DONE):
                self.start_over()
        elif key in (Key.Key_F, Key.Key_F11):
            if not repeat:
                self.toggle_full_screen()
        elif key == Key.Key_Escape:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.close()
        else:
            handled = False
        if handled:
            event.accept()
        else:
            super().keyPressEvent(event)

    # -- ticking and drawing --------------------------------------------------------------------------

    def tick(self) -> BoardState:
        """Recompute from the wall clock; sound the cue once if the board moved on since the last tick."""
        state = self.clock.state(self._now())
        if BoardClock.cue_due(self._last, state):
            try:
                self._chime()
            except Exception:  # the cue is a help; the board goes on without it
                log.warning("The rotation chime failed", exc_info=True)
        self._last = state
        self._render(state)
        return state

    @property
    def state(self) -> BoardState:
        return self._last

    def _station(self, block: int | None, group: GroupView) -> StationView | None:
        return self.day.station_of(block, group.id) if block else None

    @staticmethod
    def _station_name(station: StationView | None) -> str:
        return station.name if station else tr("No station set")

    def _render(self, state: BoardState) -> None:
        if self.empty_message:
            self.hint.setText(window_hint())
            return
        shown_time = mmss(state.remaining)
        if self.countdown.text() != shown_time:
            self.countdown.setText(shown_time)
            self.countdown.setAccessibleName(tr("Time left: {time}").format(time=shown_time))
        key = (state.phase, state.block, state.paused)
        if key == self._shown:
            return
        self._shown = key
        status = self._status_text(state)
        self.status.setText(status)
        self.status.setAccessibleName(tr("Rotation: {status}").format(status=status))
        keys = paused_hint() if state.paused else key_hints()[state.phase]
        self.hint.setText(f"{keys}  ·  {window_hint()}")
        self.hint.setAccessibleName(tr("Keys: {keys}").format(keys=self.hint.text()))
        color = PAUSED if state.paused else MOVE if state.phase == TRANSITION else ACCENT
        self.countdown.setStyleSheet(f"color: {color};")
        self.status.setStyleSheet(f"color: {MOVE};" if state.phase == TRANSITION else "")
        for card in self.cards:
            card.show_stations(*self._card_text(state, card.group))
        self._apply_fonts()

    def _status_text(self, state: BoardState) -> str:
        if state.phase == NOT_STARTED:
            return tr("Not started: press Space to start")
        if state.phase == DONE:
            return tr("Done: all rotations finished")
        if state.phase == TRANSITION:
            text = tr("Transition: move to your next station")
        else:
            text = tr("Rotation {block} of {count}").format(block=state.block, count=state.block_count)
        return tr("Paused  ·  {status}").format(status=text) if state.paused else text

    def _card_text(self, state: BoardState, group: GroupView) -> tuple[str, str, str, str]:
        """(caption, station, activity, next line) for one group's card."""
        if state.phase == DONE:
            return "", tr("All done"), "", ""
        now = self._station(state.block, group)
        activity = now.activity if now else ""
        if state.phase == TRANSITION:
            leaving = self._station(state.previous_block, group)
            return (tr("Move to"), self._station_name(now), activity,
                    tr("from {station}").format(station=leaving.name) if leaving else "")
        caption = tr("First") if state.phase == NOT_STARTED else tr("Now")
        if state.next_block is None:
            return caption, self._station_name(now), activity, tr("Last rotation")
        following = self._station_name(self._station(state.next_block, group))
        return caption, self._station_name(now), activity, tr("Next: {station}").format(station=following)

    # -- sizes from the window --------------------------------------------------------------------------

    def _min_px(self) -> int:
        return math.ceil(MIN_POINTS * self.logicalDpiY() / 72)

    def _px(self, name: str, scale: float = 1.0) -> int:
        base = min(self.height(), self.width() * 3 / 4)
        return max(self._min_px(), round(base * SIZES[name] * scale))

    @staticmethod
    def _font(px: int, bold: bool = False) -> QFont:
        font = QFont()
        font.setPixelSize(max(1, px))
        font.setBold(bold)
        return font

    def _fitting(self, text: str, px: int, width: int, bold: bool) -> QFont:
        """The largest font up to px whose longest word fits the width (wrapping does the rest)."""
        words = text.split() or [""]
        font = self._font(px, bold)
        while px > self._min_px():
            if max(QFontMetrics(font).horizontalAdvance(w) for w in words) <= width:
                break
            px = max(self._min_px(), int(px * 0.9))
            font = self._font(px, bold)
        return font

    def _apply_top_fonts(self, scale: float) -> None:
        self.title.setFont(self._font(self._px("title")))
        self.status.setFont(self._font(self._px("status", scale), bold=True))
        countdown = self._font(self._px("countdown", scale), bold=True)
        self.countdown.setFont(countdown)
        # As wide as the widest time: the status beside it doesn't jump as the digits change.
        self.countdown.setMinimumWidth(QFontMetrics(countdown).horizontalAdvance("00:00") + 8)
        self.message.setFont(self._font(self._px("message"), bold=True))
        self.hint.setFont(self._font(self._px("hint")))

    def _apply_fonts(self) -> None:
        """Size the type from the window, as large as fits: first smaller card type, then a compact
        board (smaller countdown, no caption or activity lines), then fewer member names per card.
        A clipped or overlapping name is worse than a smaller one; nothing goes below the minimum."""
        self._apply_top_fonts(1.0)
        if not self.cards:
            return
        rows = math.ceil(len(self.cards) / self.columns)
        first_scale = 1.0 if rows == 1 else 0.8  # two rows of cards share the same height
        scale = first_scale
        for compact in (False, True):
            self._apply_top_fonts(COMPACT_TOP if compact else 1.0)
            for card in self.cards:
                card.set_fit(compact, None)
            scale = first_scale
            while True:
                self._apply_card_fonts(scale)
                if self._fits() or self._px("station", scale) <= self._min_px():
                    break
                scale *= 0.9
            if self._fits():
                return
        longest = max(len(card.group.members) for card in self.cards)
        for limit in range(longest - 1, -1, -1):
            for card in self.cards:
                card.set_fit(True, limit)
            self._apply_card_fonts(scale)
            if self._fits():
                return

    def _fits(self) -> bool:
        return self._needed_height() <= self.height()

    def _card_width(self) -> int:
        margins = self.layout().contentsMargins()
        grid_width = self.width() - margins.left() - margins.right()
        return (grid_width - GRID_SPACING * (self.columns - 1)) // self.columns

    def _needed_height(self) -> int:
        """The height the board needs at the current fonts, added up from the labels' own heightForWidth
        (the layouts' cached hints only catch up with font changes in the next event loop)."""
        outer = self.layout()
        margins = outer.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        status_width = max(1, width - self.countdown.minimumWidth() - self.top_row.spacing())
        top = max(self.status.heightForWidth(status_width), self.countdown.sizeHint().height())
        rows = math.ceil(len(self.cards) / self.columns)
        card_width = self._card_width()
        cards = sum(max(card.needed_height(card_width) for card in self.cards[row:row + self.columns])
                    for row in range(0, len(self.cards), self.columns))
        spacing = outer.spacing()
        return (margins.top() + margins.bottom() + self.title.heightForWidth(width) + spacing + top + spacing
                + cards + (rows - 1) * GRID_SPACING + spacing + self.hint.sizeHint().height())

    def _apply_card_fonts(self, scale: float) -> None:
        card_width = self._card_width()
        inner = self.cards[0].inner_width(card_width)  # the columns are equal

        def fitted(part: str, px: int, width: int, bold: bool) -> QFont:
            # One size for the same line on every card (the smallest that fits them all): a tidy grid.
            texts = [getattr(card, part).text() for card in self.cards]
            return self._font(min(self._fitting(text, px, width, bold).pixelSize() for text in texts), bold)

        name_font = fitted("name", self._px("name", scale), inner - 40, True)
        station_font = fitted("station", self._px("station", scale), inner, True)
        next_font = fitted("next", self._px("next", scale), inner, False)
        side = max(12, round(QFontMetrics(name_font).height() * 0.7))
        for card in self.cards:
            card.members.setMinimumHeight(0)  # QLabel.heightForWidth never reports less than this
            card.name.setFont(name_font)
            card.swatch.setFixedSize(side, side)
            card.members.setFont(self._font(self._px("members", scale)))
            card.caption.setFont(self._font(self._px("caption", scale)))
            card.station.setFont(station_font)
            card.activity.setFont(self._font(self._px("activity", scale)))
            card.next.setFont(next_font)
        # The member lists of a row take the same height, so the stations line up across the cards.
        for row in range(0, len(self.cards), self.columns):
            cards = self.cards[row:row + self.columns]
            tallest = max(c.members.heightForWidth(c.inner_width(card_width)) if c.members.text() else 0
                          for c in cards)
            for c in cards:
                c.members.setMinimumHeight(tallest)

    # -- window events --------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_fonts()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Shown again after a close: whatever passed meanwhile is not a switch to chime for.
        self._last = self.clock.state(self._now())
        self._render(self._last)
        if not self.empty_message and not self.timer.isActive():
            self.timer.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        self.save()
        super().closeEvent(event)

    def show_board(self, screen: QScreen | None = None) -> None:
        """Open full screen: on the given screen (the projector, when the laptop extends its desktop to
        it), else on the screen the board is on."""
        if screen is not None:
            self.setScreen(screen)
            self.move(screen.geometry().topLeft())  # the window manager uses this to pick the screen
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus()

    @classmethod
    def open_board(cls, day: DayPlan, settings_key: str | None = None, parent: QWidget | None = None,
                   screen: QScreen | None = None) -> RotationBoard:
        """Build a board that deletes itself when closed, and show it full screen."""
        board = cls(day, settings_key, parent=parent)
        board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        board.show_board(screen)
        return board
