"""The plclassroom command, run as a newcomer would run it."""

import os
import sqlite3
import subprocess
import sys
from datetime import date, timedelta

from plclassroom.cli import main


def run_app(*args, env_extra=None):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "plclassroom", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_demo_data_builds_a_district_file(tmp_path, capsys):
    out = tmp_path / "district.sqlite"
    assert main(["demo-data", "--students", "300", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "300 students" in printed and "4 schools" in printed and str(out) in printed
    assert out.stat().st_size > 0
    assert main(["demo-data", "--students", "10", "--out", str(out)]) == 2  # never overwrites
    # Its calendar: today's by default (the newest evidence the day before), or the day asked for.
    newest = "SELECT max(observed_on) FROM evidence"
    assert sqlite3.connect(out).execute(newest).fetchone()[0] == (date.today() - timedelta(days=1)).isoformat()
    fixed = tmp_path / "fixed.sqlite"
    assert main(["demo-data", "--students", "10", "--out", str(fixed), "--as-of", "2026-11-23"]) == 0
    assert sqlite3.connect(fixed).execute(newest).fetchone()[0] <= "2026-11-22"


def test_the_app_opens_the_demo_school_and_quits_when_ready(tmp_path):
    result = run_app("--demo", "--quit-when-ready", env_extra={"PLCLASSROOM_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "30 students shown" in result.stdout
    assert (tmp_path / "profiles" / "demo.sqlite").exists()


def test_a_damaged_database_gets_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database")
    result = run_app("--database", str(bad), "--quit-when-ready")
    assert result.returncode == 2
    assert "damaged or is not a plclassroom database" in result.stderr
    assert "Traceback" not in result.stderr
    assert bad.read_text() == "not a database"


def test_import_roster_previews_then_imports(tmp_path, capsys):
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "shared" / "samples" / "oneroster" / "lepo-en"
    db = tmp_path / "school.sqlite"
    assert main(["--database", str(db), "import-roster", str(sample), "--preview"]) == 0
    out = capsys.readouterr().out
    assert "students: 20 to add" in out and "fiel.demographics" in out
    assert main(["--database", str(db), "import-roster", str(sample)]) == 0
    assert "Imported." in capsys.readouterr().out
    assert main(["--database", str(db), "import-roster", str(sample)]) == 0
    assert "students: 0 to add, 0 to change, 0 to archive, 20 unchanged" in capsys.readouterr().out


def test_import_roster_refuses_a_broken_package(tmp_path, capsys):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    assert main(["--database", str(tmp_path / "s.sqlite"), "import-roster", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "is not a readable zip file" in out and "Not imported: nothing was changed" in out


def test_import_a_framework_and_export_a_class(tmp_path, capsys):
    from pathlib import Path

    samples = Path(__file__).resolve().parents[2] / "shared" / "samples"
    db = tmp_path / "school.sqlite"
    assert main(["--database", str(db), "import-framework", str(samples / "case" / "opensalt-ccss-math-6rp.json")]) == 0
    assert "16 competencies added" in capsys.readouterr().out
    assert main(["--database", str(db), "import-roster", str(samples / "oneroster" / "lepo-en")]) == 0
    capsys.readouterr()
    out = tmp_path / "roster.csv"
    assert main(["--database", str(db), "export", "roster", "--class", "cl0001", "--out", str(out)]) == 0
    assert "Exported" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8-sig").count("\n") >= 2
    assert main(["--database", str(db), "export", "roster", "--class", "nope", "--out", str(out)]) == 2


def test_restore_puts_a_backup_in_place_of_a_database_too_damaged_to_open(tmp_path, capsys):
    from plclassroom.services import backup
    from plclassroom.store.database import Store

    live = tmp_path / "school.sqlite"
    assert main(["demo-data", "--students", "20", "--out", str(live)]) == 0
    store = Store.open(live)
    device = store.device_id
    taken = backup.back_up(store, tmp_path / "backups").path
    store.close()
    live.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)  # the disk spoiled it
    capsys.readouterr()

    assert main(["--database", str(live), "restore", str(tmp_path / "nothing.sqlite")]) == 2
    assert "nothing.sqlite" in capsys.readouterr().err
    assert live.read_bytes().startswith(b"SQLite format 3\x00\xff")  # a refused restore changes nothing

    assert main(["--database", str(live), "restore", str(taken)]) == 0
    printed = capsys.readouterr().out
    assert f"Restored {taken.name}" in printed and "20 students" in printed
    [aside] = (tmp_path / "backups").glob("school.damaged.*.sqlite")
    assert aside.read_bytes().startswith(b"SQLite format 3\x00\xff")  # kept whole, for a rescue
    reopened = Store.open(live)
    try:
        assert reopened.device_id != device  # the damaged file no longer says which changes it sent
        with reopened.unit_of_work() as uow:
            from plclassroom.services import roster

            assert sum(c.students for c in roster.list_classes(uow)) > 0
    finally:
        reopened.close()
