"""The rotation board's switch cue: a short two-tone chime, played without blocking and without failing.

PySide6-Essentials has no QtMultimedia, so the sound goes through the first of: QSoundEffect (when
PySide6-Addons is installed), winsound on Windows, afplay on macOS, paplay / pw-play / aplay on Linux,
and at last the system beep. The WAV is written with the stdlib on first use (no binary in the repo).
A classroom laptop without a sound device is normal: nothing here raises.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
import struct
import sys
import tempfile
import wave
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

RATE = 22050
SECONDS = 0.8
FILE_NAME = "rotation-chime-v1.wav"  # bump the version when the sound changes

# Tests (or a "mute" setting) can take over: called with the WAV's path instead of a real player.
player: Callable[[Path], None] | None = None

_effect = None  # the QSoundEffect, kept alive while it plays
_path: Path | None = None


def chime_samples(rate: int = RATE, seconds: float = SECONDS) -> list[int]:
    """A soft "ding-dong": E5 then C5, bell-like (a fundamental and a quieter octave), each decaying."""
    notes = ((659.25, 0.0), (523.25, 0.28))  # (Hz, start in seconds)
    count = int(rate * seconds)
    out = []
    for i in range(count):
        t = i / rate
        value = 0.0
        for freq, start in notes:
            local = t - start
            if local < 0:
                continue
            attack = min(1.0, local / 0.008)  # 8 ms fade-in: no click
            envelope = attack * math.exp(-local * 4.5)
            value += envelope * (math.sin(2 * math.pi * freq * local)
                                 + 0.35 * math.sin(2 * math.pi * 2 * freq * local))
        fade_out = min(1.0, (count - i) / (0.05 * rate))  # the last 50 ms reach silence
        out.append(int(max(-1.0, min(1.0, 0.42 * value * fade_out)) * 32767))
    return out


def write_chime(path: Path) -> Path:
    """Write the chime as a 16-bit mono WAV (atomically: a half-written file would never be played)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    samples = chime_samples()
    fd, temporary = tempfile.mkstemp(prefix=".chime-", suffix=".wav", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as raw, wave.open(raw, "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(RATE)
            wav.writeframes(struct.pack(f"<{len(samples)}h", *samples))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def chime_path() -> Path:
    """The WAV, written on first use into the app's data folder (a private temp folder if that fails)."""
    global _path
    if _path is not None and _path.is_file():
        return _path
    from plclassroom.store.paths import data_dir

    try:
        target = data_dir() / "cache" / FILE_NAME
        _path = target if target.is_file() else write_chime(target)
    except OSError:
        _path = write_chime(Path(tempfile.mkdtemp(prefix="plclassroom-")) / FILE_NAME)
    return _path


def backend() -> str:
    """Which player play_chime would use here: for the report in the About box, and for tests."""
    try:
        import PySide6.QtMultimedia  # noqa: F401  (PySide6-Addons)

        return "qtmultimedia"
    except ImportError:
        pass
    if sys.platform == "win32":
        return "winsound"
    if sys.platform == "darwin":
        return "afplay" if shutil.which("afplay") else "beep"
    for program in ("paplay", "pw-play", "aplay"):
        if shutil.which(program):
            return program
    return "beep"


def play_chime() -> None:
    """Sound the switch cue once. Returns at once; never raises."""
    try:
        path = chime_path()
        if player is not None:
            player(path)
            return
        _play(backend(), path)
    except Exception:  # a cue that can't sound must not stop the board
        log.warning("The rotation chime could not be played", exc_info=True)
        _beep()


def _play(how: str, path: Path) -> None:
    if how == "qtmultimedia":
        _play_sound_effect(path)
    elif how == "winsound":
        import winsound

        winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT)
    elif how == "beep":
        _beep()
    else:
        arguments = ["-q", str(path)] if how == "aplay" else [str(path)]
        if not _start_detached(shutil.which(how) or how, arguments):
            _beep()


def _play_sound_effect(path: Path) -> None:
    global _effect
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QSoundEffect

    if _effect is None:
        _effect = QSoundEffect()
        _effect.setSource(QUrl.fromLocalFile(str(path)))
        _effect.setVolume(0.8)
    _effect.play()  # plays once loaded if the first load is still under way


def _start_detached(program: str, arguments: list[str]) -> bool:
    """Start a player and forget it: detached (no zombie to reap), its output discarded."""
    from PySide6.QtCore import QProcess

    process = QProcess()
    process.setProgram(program)
    process.setArguments(arguments)
    process.setStandardOutputFile(QProcess.nullDevice())
    process.setStandardErrorFile(QProcess.nullDevice())
    result = process.startDetached()  # bool, or (bool, pid) in some PySide6 versions
    return bool(result[0] if isinstance(result, tuple) else result)


def _beep() -> None:
    try:
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            QApplication.beep()
    except Exception:
        log.debug("No beep either", exc_info=True)
