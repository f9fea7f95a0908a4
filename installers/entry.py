"""The frozen program's entry point (PyInstaller)."""

import os
import sys


def keep_matplotlib_cache() -> None:
    """PyInstaller's run-time hook points matplotlib at a new temporary folder at every start, so
    its font list (seconds to build on a laptop with many fonts) would be built again the first
    time each session draws a chart. Keep it in the app's cache folder instead."""
    from platformdirs import user_cache_path

    os.environ["MPLCONFIGDIR"] = str(user_cache_path("plclassroom", appauthor=False) / "matplotlib")


if __name__ == "__main__":
    keep_matplotlib_cache()
    from plclassroom.__main__ import main

    sys.exit(main())
