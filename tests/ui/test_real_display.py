"""The window on a real X server (Xvfb and Qt's xcb platform), as a person would see it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshot.py"


@pytest.mark.gui
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="Xvfb is not installed (scripts/setup.sh installs it)")
def test_the_window_draws_on_a_real_x_server(tmp_path):
    out = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable, str(SCRIPT), str(out)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1360, 860)
    # Not a blank frame: a drawn window has many colours (text, table, selection, borders).
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20
