"""Where the app's resource files (icons, styles, translations) are, in a checkout, an installed
wheel or a PyInstaller bundle. The one place that knows."""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    here = Path(__file__).resolve()
    installed = here.parent.parent / "resources"  # a wheel carries them inside the package
    if installed.is_dir():
        return installed
    return here.parents[3] / "resources"  # a checkout: the repository's resources/


def path(relative: str) -> Path:
    return root() / relative
