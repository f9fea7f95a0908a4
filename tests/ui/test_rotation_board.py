"""The rotation board on a hand-built day (3 groups, 3 stations, 3 blocks of 10 minutes, 2-minute
transitions), driven by a fake wall clock and the keyboard: countdown, transition, chime, skip, back,
pause, reopening where it was, sleep, empty days, sizes and the chime's sound file."""

from __future__ import annotations

import sys
import uuid
import wave
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel

from plclassroom.domain.board_clock import DONE
from plclassroom.services.rotations import BlockView, DayPlan, GroupView, StationView
from plclassroom.ui import settings
from plclassroom.ui.rotations import chime as chime_module
from plclassroom.ui.rotations.board import RotationBoard

pytestmark = pytest.mark.gui

T0 = 1_700_000_000.0
MIN = 60.0


class FakeNow:
    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


def make_day(blocks: int = 3, groups: int = 3) -> DayPlan:
    stations = [
        StationView("s1", "Teacher table", "teacher-led", "teacher", "Ratios mini-lesson", 6, 0),
        StationView("s2", "Online practice", "independent online", "none", "Khan Academy: ratios", 6, 6),
        StationView("s3", "Collaborative problems", "collaborative", "none", "", 6, 0),
    ]
    people = [("Ava Martinez", "Noah Kim"), ("Liam O'Brien", "Sofia Rossi"), ("Mateo Silva", "Zoe Chen")]
    group_views = [GroupView(f"g{i}", f"Group {'ABC'[i]}", color, people[i])
                   for i, color in enumerate(("#E69F00", "#56B4E9", "#009E73"))][:groups]
    # Group i is at station (i + block - 1) mod 3: everyone visits every station once.
    where = {(b, g.id): stations[(i + b - 1) % 3].id
             for b in range(1, blocks + 1) for i, g in enumerate(group_views)}
    return DayPlan("plan-1", "Grade 7 Math", "Ratios week 3", date(2025, 3, 4),
                   [BlockView(n, None, 10) for n in range(1, blocks + 1)], 2, group_views, stations, where)


@pytest.fixture
def key():
    return f"board/test-{uuid.uuid4().hex}/2025-03-04"


@pytest.fixture
def now():
    return FakeNow()


@pytest.fixture
def chimes():
    return []


@pytest.fixture
def open_board(qtbot, now, chimes, key):
    def opener(day: DayPlan | None = None, settings_key: str | None = None) -> RotationBoard:
        board = RotationBoard(day or make_day(), settings_key or key, now=now,
                              chime=lambda: chimes.append(now.t))
        qtbot.addWidget(board)
        board.resize(1280, 720)
        board.show()
        return board
    return opener


def press(qtbot, board: RotationBoard, key: Qt.Key) -> None:
    qtbot.keyClick(board, key)


def card_texts(board: RotationBoard) -> list[tuple[str, str, str]]:
    return [(card.caption.text(), card.station.text(), card.next.text()) for card in board.cards]


def test_before_the_start_the_board_says_how_to_start(open_board, chimes):
    board = open_board()
    assert board.status.text() == "Not started: press Space to start"
    assert board.countdown.text() == "10:00"
    assert [c.name.text() for c in board.cards] == ["Group A", "Group B", "Group C"]
    assert "Ava\u00a0Martinez" in board.cards[0].members.text()  # names never break across lines
    assert card_texts(board)[0] == ("First", "Teacher table", "Next: Online practice")
    assert "Space start" in board.hint.text()
    assert chimes == []


def test_space_starts_and_the_countdown_runs_from_the_wall_clock(qtbot, open_board, now, chimes):
    board = open_board()
    press(qtbot, board, Qt.Key.Key_Space)
    assert board.status.text() == "Rotation 1 of 3"
    assert board.countdown.text() == "10:00"
    assert card_texts(board) == [
        ("Now", "Teacher table", "Next: Online practice"),
        ("Now", "Online practice", "Next: Collaborative problems"),
        ("Now", "Collaborative problems", "Next: Teacher table"),
    ]
    assert board.cards[0].activity.text() == "Ratios mini-lesson"
    now.advance(5 * MIN)
    board.tick()
    assert board.countdown.text() == "05:00"
    now.advance(4 * MIN + 59.5)
    board.tick()
    assert board.countdown.text() == "00:01" and chimes == []


def test_the_switch_chimes_once_and_shows_where_to_go(qtbot, open_board, now, chimes):
    board = open_board()
    press(qtbot, board, Qt.Key.Key_Space)
    now.advance(10 * MIN + 1)
    board.tick()
    assert len(chimes) == 1
    assert board.status.text() == "Transition: move to your next station"
    assert board.countdown.text() == "01:59"
    assert card_texts(board) == [
        ("Move to", "Online practice", "from Teacher table"),
        ("Move to", "Collaborative problems", "from Online practice"),
        ("Move to", "Teacher table", "from Collaborative problems"),
    ]
    now.advance(1)
    board.tick()
    board.tick()
    assert len(chimes) == 1  # one cue per switch, not per tick


def test_right_skips_and_left_goes_back(qtbot, open_board, now, chimes):
    board = open_board()
    press(qtbot, board, Qt.Key.Key_Space)
    now.advance(3 * MIN)
    press(qtbot, board, Qt.Key.Key_Right)
    assert board.status.text() == "Transition: move to your next station"
    assert board.countdown.text() == "02:00"
    assert len(chimes) == 1  # a skip is a switch: the class hears it
    press(qtbot, board, Qt.Key.Key_N)
    assert board.status.text() == "Rotation 2 of 3" and board.countdown.text() == "10:00"
    assert card_texts(board)[0] == ("Now", "Online practice", "Next: Collaborative problems")
    now.advance(30)
    press(qtbot, board, Qt.Key.Key_Left)  # restart this block
    assert board.countdown.text() == "10:00" and board.status.text() == "Rotation 2 of 3"
    press(qtbot, board, Qt.Key.Key_Left)  # just restarted: the transition before
    assert board.status.text().startswith("Transition")
    assert len(chimes) == 2  # going back is silent


def test_pause_freezes_and_space_goes_on(qtbot, open_board, now, chimes):
    board = open_board()
    press(qtbot, board, Qt.Key.Key_Space)
    now.advance(2 * MIN)
    press(qtbot, board, Qt.Key.Key_Space)
    assert board.status.text() == "Paused  ·  Rotation 1 of 3"
    assert "Space go on" in board.hint.text()
    now.advance(30 * MIN)
    board.tick()
    assert board.countdown.text() == "08:00" and chimes == []
    press(qtbot, board, Qt.Key.Key_Space)
    now.advance(MIN)
    board.tick()
    assert board.countdown.text() == "07:00" and board.status.text() == "Rotation 1 of 3"


def test_closing_and_reopening_continues_where_it_was(qtbot, open_board, now, chimes, key):
    board = open_board()
    press(qtbot, board, Qt.Key.Key_Space)
    now.advance(4 * MIN)
    press(qtbot, board, Qt.Key.Key_Right)  # into the transition
    now.advance(30)
    board.tick()
    before = (board.status.text(), board.countdown.text(), card_texts(board), board.state)
    board.close()
    assert not board.timer.isActive()

    reopened = open_board(settings_key=key)
    assert (reopened.status.text(), reopened.countdown.text(), card_texts(reopened), reopened.state) == before
    assert len(chimes) == 1  # reopening is not a switch
    now.advance(2 * MIN)
    reopened.tick()
    assert reopened.status.text() == "Rotation 2 of 3" and len(chimes) == 2

    elsewhere = open_board(settings_key=f"{key}-another-day")  # another day's board is its own
    assert elsewhere.status.text() == "Not started: press Space to start"


def test_reopening_a_paused_board_stays_paused(qtbot, open_board, now, key):
    board = open_board()
    press(qtbot, board, Qt.Key.Key_Space)
    now.advance(MIN)
    press(qtbot, board, Qt.Key.Key_Space)
    board.close()
    now.advance(2 * 3600)
    reopened = open_board(settings_key=key)
    assert reopened.state.paused and reopened.countdown.text() == "09:00"


def test_after_sleep_the_board_lands_on_done_with_one_chime(qtbot, open_board, now, chimes):
    board = open_board()
    press(qtbot, board, Qt.Key.Key_Space)
    now.advance(3 * 3600)  # the laptop slept; the timer did not tick meanwhile
    state = board.tick()
    assert state.phase == DONE and len(chimes) == 1
    assert board.status.text() == "Done: all rotations finished"
    assert board.countdown.text() == "00:00"
    assert card_texts(board)[0][1] == "All done"
    board.tick()
    assert len(chimes) == 1


def test_r_starts_over_only_when_paused_or_done(qtbot, open_board, now, key):
    board = open_board()
    press(qtbot, board, Qt.Key.Key_Space)
    now.advance(MIN)
    press(qtbot, board, Qt.Key.Key_R)  # running: a stray R does nothing
    assert board.status.text() == "Rotation 1 of 3"
    press(qtbot, board, Qt.Key.Key_Space)
    press(qtbot, board, Qt.Key.Key_R)
    assert board.status.text() == "Not started: press Space to start"
    assert settings.settings().value(f"{key}/clock") is None  # nothing left to restore


def test_a_held_key_does_not_skip_the_whole_lesson(qtbot, open_board):
    board = open_board()
    press(qtbot, board, Qt.Key.Key_Space)
    for repeat in (False, True, True, True):
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier, "", repeat)
        QApplication.sendEvent(board, event)
    assert board.status.text().startswith("Transition")


def test_a_damaged_saved_state_opens_a_fresh_board(qtbot, open_board, key):
    settings.settings().setValue(f"{key}/clock", "{not json")
    board = open_board(settings_key=key)
    assert board.status.text() == "Not started: press Space to start"


def test_without_a_settings_key_nothing_is_saved(qtbot, now):
    keys = set(settings.settings().allKeys())
    board = RotationBoard(make_day(), None, now=now, chime=lambda: None)
    qtbot.addWidget(board)
    board.start_pause()
    board.close()
    assert board.state.running and set(settings.settings().allKeys()) == keys


@pytest.mark.parametrize(("day", "words"), [
    (make_day(blocks=0), "no rotation blocks"),
    (make_day(groups=0), "no groups"),
])
def test_an_empty_day_shows_a_message_not_a_crash(qtbot, open_board, chimes, day, words):
    board = open_board(day)
    assert words in board.message.text()
    assert board.message.isVisible() and not board.cards_area.isVisible()
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_R):
        press(qtbot, board, key)
    board.tick()
    assert chimes == [] and not board.timer.isActive()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no window stacking
def test_full_screen_and_escape(qtbot, open_board):
    board = open_board()
    board.show_board()
    assert board.isFullScreen()
    press(qtbot, board, Qt.Key.Key_Escape)  # first Escape: leave full screen
    assert not board.isFullScreen() and board.isVisible()
    press(qtbot, board, Qt.Key.Key_F)
    assert board.isFullScreen()
    press(qtbot, board, Qt.Key.Key_F11)
    assert not board.isFullScreen()
    press(qtbot, board, Qt.Key.Key_Escape)  # then Escape closes
    assert not board.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_open_board_goes_full_screen_on_the_chosen_screen(qtbot):
    board = RotationBoard.open_board(make_day(), None, screen=QApplication.primaryScreen())
    assert board.isFullScreen() and board.screen() == QApplication.primaryScreen()
    assert board.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    with qtbot.waitSignal(board.destroyed, timeout=2000):
        board.close()


def test_type_is_large_enough_for_the_back_of_the_room(qtbot, open_board):
    board = open_board()
    press(qtbot, board, Qt.Key.Key_Space)
    board.resize(1280, 720)
    assert board.countdown.font().pixelSize() >= 0.15 * 720
    minimum = 14 * board.logicalDpiY() / 72
    for label in board.findChildren(QLabel):
        if label.text():
            assert label.font().pixelSize() >= minimum - 0.5, label.objectName()
    station = board.cards[0].station.font().pixelSize()
    assert station > board.cards[0].members.font().pixelSize()
    board.resize(1920, 1080)
    assert board.cards[0].station.font().pixelSize() > station  # sizes follow the window


def test_widgets_have_accessible_names(qtbot, open_board):
    board = open_board()
    press(qtbot, board, Qt.Key.Key_Space)
    assert board.accessibleName() == "Rotation board"
    assert board.countdown.accessibleName() == "Time left: 10:00"
    assert board.status.accessibleName() == "Rotation: Rotation 1 of 3"
    card = board.cards[0]
    assert card.accessibleName() == "Group A"
    assert card.station.accessibleName() == "Group A station: Teacher table"
    assert card.members.accessibleName() == "Group A members: Ava Martinez, Noah Kim"


def test_a_failing_chime_does_not_stop_the_board(qtbot, now):
    def broken() -> None:
        raise OSError("no sound device")

    board = RotationBoard(make_day(), None, now=now, chime=broken)
    qtbot.addWidget(board)
    board.start_pause()
    now.advance(11 * MIN)
    assert board.tick().phase == "transition"


# -- the chime ----------------------------------------------------------------------------------------


def test_the_chime_is_a_short_mono_16_bit_wav(tmp_path: Path):
    path = chime_module.write_chime(tmp_path / "chime.wav")
    with wave.open(str(path)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)
        assert 0.7 <= wav.getnframes() / wav.getframerate() <= 0.9
    samples = chime_module.chime_samples()
    assert max(abs(s) for s in samples) < 32767  # no clipping
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200  # starts and ends silent: no click


def test_play_chime_uses_the_hook_and_never_raises(monkeypatch):
    played: list[Path] = []
    monkeypatch.setattr(chime_module, "player", played.append)
    chime_module.play_chime()
    assert len(played) == 1 and played[0].is_file() and played[0].suffix == ".wav"

    def broken(path: Path) -> None:
        raise RuntimeError("no sound device")

    monkeypatch.setattr(chime_module, "player", broken)
    chime_module.play_chime()  # logged, beeps at most, never raises
    players = {"qtmultimedia", "winsound", "afplay", "paplay", "pw-play", "aplay", "beep"}
    assert chime_module.backend() in players


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux players")
def test_play_chime_starts_a_player_detached_and_returns_at_once(qtbot, tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    played = tmp_path / "played.txt"
    fake = bin_dir / "paplay"
    fake.write_text(f'#!/bin/sh\necho "$@" > {played}\necho noise\n', encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    if chime_module.backend() != "paplay":
        pytest.skip("QtMultimedia is installed: it plays the chime itself")
    chime_module.play_chime()
    qtbot.waitUntil(lambda: played.exists() and played.read_text().strip().endswith(".wav"), timeout=5000)
