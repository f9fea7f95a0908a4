"""The one place that reads and writes the app's settings (QSettings: the OS's own store).

Secrets never go here: tokens belong in the OS keyring.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "plclassroom"
APPLICATION = "plclassroom"


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def save_window(name: str, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
    s = settings()
    s.setValue(f"{name}/geometry", geometry)
    s.setValue(f"{name}/state", state)
    s.setValue(f"{name}/splitter", splitter)


def window_state(name: str) -> tuple[QByteArray | None, QByteArray | None, QByteArray | None]:
    s = settings()
    return s.value(f"{name}/geometry"), s.value(f"{name}/state"), s.value(f"{name}/splitter")


def last_class(profile: str) -> str | None:
    return settings().value(f"profiles/{profile}/last_class")


def set_last_class(profile: str, class_id: str) -> None:
    settings().setValue(f"profiles/{profile}/last_class", class_id)
