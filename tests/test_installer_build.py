"""The Linux one-folder build: PyInstaller builds installers/plclassroom.spec into a temporary folder
(once for this module: a minute or two), then the built program runs its own ``--self-test``.

On CI (``CI=true``) nothing here is skipped: a missing PyInstaller is a failure, not a pass.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_self_test import written

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installers" / "plclassroom.spec"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the Linux build (Windows and macOS: installers/README.md)")


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The built folder (dist/plclassroom)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        if on_ci():
            pytest.fail("CI builds and smoke-tests the app, and PyInstaller is not installed ([test] extra).")
        pytest.skip("PyInstaller is not installed: pip install -e '.[test]'")
    if not shutil.which("objdump"):  # PyInstaller reads the libraries with binutils' objdump on Linux
        if on_ci():
            pytest.fail("PyInstaller needs objdump on Linux: install binutils (Debian: apt-get install binutils).")
        pytest.skip("PyInstaller needs objdump: install binutils")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        capture_output=True, text=True, timeout=1800, cwd=work)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    return work / "dist" / "plclassroom"


def isolated_env(home: Path) -> dict:
    env = {key: value for key, value in os.environ.items()
           if key not in ("QT_QPA_PLATFORM", "MPLCONFIGDIR", "PYTHONPATH", "PYTHONHOME")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_DATA_HOME=str(home / ".local" / "share"), PLCLASSROOM_DATA_DIR=str(home / "data"))
    return env


def test_the_built_program_passes_its_self_test(built, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run([str(built / "plclassroom"), "--self-test"], env=isolated_env(home),
                            capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "built (PyInstaller)" in result.stdout and "platform offscreen" in result.stdout
    assert result.stdout.count("  ok    ") == 10 and "FAIL" not in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("self-test passed")
    assert written(home) == []  # its data, settings and caches went to a temporary folder


def test_the_built_program_opens_the_demo_school_window(built, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**isolated_env(home), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([str(built / "plclassroom"), "--demo", "--quit-when-ready"], env=env,
                            capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "READY" in result.stdout and "30 students shown" in result.stdout
    assert (home / "data" / "profiles" / "demo.sqlite").stat().st_size > 0


def test_the_build_is_the_desktop_app_and_only_that(built):
    internal = built / "_internal"
    entry = (built / "plclassroom.desktop").read_text(encoding="utf-8")
    assert "Icon=plclassroom" in entry and "Education;" in entry and "Exec=plclassroom" in entry
    assert os.access(built / "install-desktop-entry.sh", os.X_OK)
    for size in ICON_SIZES:
        assert (internal / "resources" / "icons" / f"plclassroom-{size}.png").is_file()
    assert (internal / "plclassroom" / "store" / "migrations" / "versions").is_dir()
    # Left out: the district server, test tools, PostgreSQL drivers, unused Qt parts.
    for absent in ("fastapi", "uvicorn", "starlette", "psycopg", "psycopg_binary", "hypothesis", "_pytest",
                   "PySide6/Qt/lib/libQt6Network.so.6", "PySide6/Qt/plugins/platforms/libqvnc.so",
                   "PySide6/Qt/plugins/platformthemes/libqgtk3.so"):
        assert not (internal / absent).exists(), absent
    assert not list(internal.glob("PySide6/Qt/translations/qt_help_*"))
    # Qt stays a set of separate shared libraries a person can replace (LGPL): installers/README.md.
    assert (internal / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6").is_file()


def test_the_desktop_entry_installs_for_the_user_and_uninstalls(built, tmp_path):
    data = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    script = built / "install-desktop-entry.sh"
    subprocess.run(["sh", str(script)], env=env, check=True, capture_output=True, text=True)
    installed = (data / "applications" / "plclassroom.desktop").read_text(encoding="utf-8")
    assert f'Exec="{built}/plclassroom"' in installed
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "plclassroom.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "plclassroom.svg").is_file()
    subprocess.run(["sh", str(script), "--uninstall"], env=env, check=True, capture_output=True, text=True)
    assert not (data / "applications" / "plclassroom.desktop").exists()
    assert not list((data / "icons").rglob("*.png"))
