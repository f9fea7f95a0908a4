"""``plclassroom --self-test`` from a checkout: every check passes, in a temporary folder of its own.
(tests/test_installer_build.py runs the same on the PyInstaller build.)"""

import os
import subprocess
import sys

from plclassroom.cli import build_parser


def test_the_self_test_passes_and_leaves_the_persons_files_alone(tmp_path):
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    data.mkdir()
    env = {**os.environ, "HOME": str(home), "PLCLASSROOM_DATA_DIR": str(data),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
           "XDG_DATA_HOME": str(home / ".local" / "share")}
    env.pop("QT_QPA_PLATFORM", None)  # it chooses offscreen by itself
    env.pop("MPLCONFIGDIR", None)
    result = subprocess.run([sys.executable, "-m", "plclassroom", "--self-test"], env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "from source" in lines[0]
    checks = [line.split(":")[0].strip() for line in lines[1:-1]]
    assert checks == ["ok    Qt", "ok    demo school", "ok    main window", "ok    evidence", "ok    photo",
                      "ok    charts and exports", "ok    groups", "ok    languages and licences",
                      "ok    sync libraries", "ok    modules"]
    assert lines[-1].startswith("self-test passed")
    assert "platform offscreen" in result.stdout and "30 students" in result.stdout
    assert list(data.iterdir()) == [] and written(home) == []  # everything went to its own folder


def written(home):
    """Files and folders under ``home``, but for fontconfig's cache (the system's, refreshed by any Qt app)."""
    return [p for p in home.rglob("*") if "fontconfig" not in p.parts and p != home / ".cache"]


def test_a_failed_check_is_reported_and_fails_the_run(capsys, tmp_path):
    from plclassroom.ui import self_test

    run = self_test._Run(tmp_path)

    def broken() -> str:
        raise ImportError("\nIMPORTANT: a long message\n\nOriginal error was: libfoo.so: cannot open")

    assert run.check("fine", lambda: "all good")
    assert not run.check("broken", broken)
    assert self_test._verdict(run, 0.0) == 1
    out = capsys.readouterr().out
    assert "  ok    fine: all good" in out
    assert "  FAIL  broken: ImportError: Original error was: libfoo.so: cannot open" in out
    assert "self-test FAILED: 1 check(s) failed" in out


def test_the_flag_is_in_the_help():
    assert "--self-test" in build_parser().format_help()
