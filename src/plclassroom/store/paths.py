"""Where the app keeps its files: one SQLite database per user profile, in the OS's user data folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

APP_NAME = "plclassroom"


def data_dir() -> Path:
    """The user data folder; ``PLCLASSROOM_DATA_DIR`` overrides it (tests, portable installs)."""
    override = os.environ.get("PLCLASSROOM_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def profile_db_path(profile: str = "default") -> Path:
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", profile):
        raise ValueError(f"A profile name uses letters, digits, '-' and '_' only: {profile!r}")
    return data_dir() / "profiles" / f"{profile}.sqlite"
