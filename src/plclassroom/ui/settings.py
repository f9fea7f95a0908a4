"""The one place that reads and writes the app's settings (QSettings: the OS's own store).

Secrets never go here: tokens belong in the OS keyring.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from PySide6.QtCore import QByteArray, QSettings

from plclassroom.ui.i18n import tr

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


# -- Preferences (Edit > Settings) ------------------------------------------------------------------
# Only choices live here. The district server's token is in the OS keyring (sync/credentials.py),
# never in these keys: a test reads the settings file after connecting and finds no token.

SERVER_URL_KEY = "sync/server_url"
# The choices' values are what is stored; their labels are shown in the language chosen.
LANGUAGE_CODES = ("en", "es")
THEME_CODES = ("system", "light", "dark", "high-contrast")
SYNC_EVERY_MINUTES = (3, 15, 60, 0)
BACKUP_EVERY_HOURS = (24, 24 * 7, 0)


def language_names() -> dict[str, str]:
    """Each language in its own words, so that anyone can find theirs."""
    return {"en": "English", "es": "Español"}  # notr


def theme_names() -> dict[str, str]:
    return {"system": tr("Follow the system"), "light": tr("Light"), "dark": tr("Dark"),
            "high-contrast": tr("High contrast")}


def sync_every_names() -> dict[int, str]:
    return {3: tr("Every 3 minutes, when online"), 15: tr("Every 15 minutes"), 60: tr("Every hour"),
            0: tr("Only when I choose Sync now")}


def backup_every_names() -> dict[int, str]:
    return {24: tr("Every day"), 24 * 7: tr("Every week"), 0: tr("Only when I choose Back up now")}


LOCK_MINUTES_DEFAULT = 10


@dataclass
class Preferences:
    """The Settings dialog's choices, with their defaults. The school's mastery defaults are here,
    per laptop, rather than in the (synced) database: services/school_defaults.py says why."""

    server_url: str = ""
    sync_every_minutes: int = 3  # 0: only when asked
    language: str = "en"
    theme: str = "system"
    mastery_method: str = "decaying_average"
    mastery_n: int = 3
    mastery_weight: float = 0.65
    mastery_score: float = 3.0
    backup_folder: str = ""  # "": the default folder (services.backup.default_folder)
    backup_keep: int = 10
    backup_every_hours: int = 24  # 0: only when asked
    lock_minutes: int = LOCK_MINUTES_DEFAULT  # the screen lock after this many idle minutes; 0: only by hand (Ctrl+L)


_KEYS = {"server_url": SERVER_URL_KEY, "sync_every_minutes": "sync/every_minutes", "language": "appearance/language",
         "theme": "appearance/theme", "mastery_method": "new_classes/mastery_method", "mastery_n": "new_classes/n",
         "mastery_weight": "new_classes/weight", "mastery_score": "new_classes/mastery_score",
         "backup_folder": "backup/folder", "backup_keep": "backup/keep", "backup_every_hours": "backup/every_hours",
         "lock_minutes": "privacy/lock_minutes"}
_CHOICES = {"language": LANGUAGE_CODES, "theme": THEME_CODES, "sync_every_minutes": SYNC_EVERY_MINUTES,
            "backup_every_hours": BACKUP_EVERY_HOURS}


def preferences() -> Preferences:
    """The saved choices; a missing or unreadable value (a hand-edited file) reads as its default."""
    s, chosen = settings(), Preferences()
    for field in fields(Preferences):
        default = getattr(chosen, field.name)
        raw = s.value(_KEYS[field.name])
        try:
            value = default if raw is None else type(default)(raw)
        except (TypeError, ValueError):
            value = default
        if field.name in _CHOICES and value not in _CHOICES[field.name]:
            value = default
        setattr(chosen, field.name, value)
    chosen.backup_keep = max(1, chosen.backup_keep)
    chosen.lock_minutes = max(0, chosen.lock_minutes)
    return chosen


def save_preferences(chosen: Preferences) -> None:
    s = settings()
    for field in fields(Preferences):
        s.setValue(_KEYS[field.name], getattr(chosen, field.name))
    s.sync()


def last_backup(database: str) -> datetime | None:
    """When the database named ``database`` (its file's stem) was last backed up on this laptop."""
    value = settings().value(f"backup/last/{database}")
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def set_last_backup(database: str, when: datetime) -> None:
    settings().setValue(f"backup/last/{database}", when.isoformat())


# -- The screen lock (ui/privacy/lock.py) -----------------------------------------------------------
# The app PIN is kept here as a salted scrypt hash, not in the keyring: it is not a secret that
# opens anything beyond the lock screen (the database is not encrypted with it, and whoever can
# read this file can read the database beside it), a laptop without a keyring must still be able
# to lock, and the hash does not give the PIN back to a glance at the file. "locked" is kept so
# that an app killed while locked starts locked; the failed tries, so restarting does not reset
# the wait after wrong PINs.

def lock_minutes() -> int:
    """Minutes without keyboard or mouse before the screen locks; 0: never by itself."""
    try:
        return max(0, int(settings().value(_KEYS["lock_minutes"], LOCK_MINUTES_DEFAULT)))
    except (TypeError, ValueError):
        return LOCK_MINUTES_DEFAULT


def set_lock_minutes(minutes: int) -> None:
    settings().setValue(_KEYS["lock_minutes"], max(0, int(minutes)))


def pin_record() -> str:
    """The app PIN's salted hash ("scrypt$n$r$p$salt$hash"), or "" when none is chosen yet."""
    return settings().value("privacy/pin", "") or ""


def set_pin_record(record: str) -> None:
    s = settings()
    s.setValue("privacy/pin", record)
    s.sync()


def lock_state() -> tuple[bool, int, float]:
    """(locked, wrong PINs in a row, no try before this time.time())."""
    s = settings()
    try:
        return (s.value("privacy/locked", False, type=bool), int(s.value("privacy/failed", 0)),
                float(s.value("privacy/retry_after", 0.0)))
    except (TypeError, ValueError):
        return True, 0, 0.0


def set_lock_state(locked: bool, failed: int, retry_after: float) -> None:
    s = settings()
    s.setValue("privacy/locked", locked)
    s.setValue("privacy/failed", failed)
    s.setValue("privacy/retry_after", retry_after)
    s.sync()


# -- Text size (View > Larger text / Smaller text; ui/theme.py) ---------------------------------------


def text_scale() -> int:
    """The app's text size in per cent of the OS's font size."""
    try:
        return int(settings().value("appearance/text_scale", 100))
    except (TypeError, ValueError):
        return 100


def set_text_scale(percent: int) -> None:
    settings().setValue("appearance/text_scale", int(percent))


# -- The first start (ui/first_run) -------------------------------------------------------------------


def first_run_done() -> bool:
    return settings().value("first_run/done", False, type=bool)


def set_first_run_done(start_profile: str) -> None:
    """The first start is over; ``start_profile`` is what plain ``plclassroom`` opens from now on
    ("demo" when the teacher chose to try the demo school, else "default")."""
    s = settings()
    s.setValue("first_run/done", True)
    s.setValue("first_run/profile", start_profile)
    s.sync()


def start_profile() -> str:
    return settings().value("first_run/profile", "default") or "default"
