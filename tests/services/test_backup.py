"""Backups and restores of the laptop's database (issue 10): a backup taken while the app writes is
consistent, the newest N are kept, a damaged, foreign or newer file is refused with a plain
message and the database in use is left as it was, and a restore comes back whole (a restored
laptop's sync: tests/sync/test_restore.py)."""

import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from plclassroom.domain import School
from plclassroom.services import attachments, backup, profiles
from plclassroom.store import backup as backup_files
from plclassroom.store import migrations
from plclassroom.store.database import Store
from plclassroom.store.engine import make_engine
from plclassroom.store.outbox import Device
from tests.conftest import count, run
from tests.sync.conftest import copy_of
from tests.sync.test_merge import first_student, profile_field


def journal_mode(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA journal_mode").fetchone()[0]


def test_a_backup_is_consistent_while_the_app_writes(store, tmp_path):
    assert journal_mode(store.path) == "wal"
    stop, written = threading.Event(), []

    def write_pairs() -> None:
        # Each transaction adds two schools: a consistent copy always holds an even number.
        n = 0
        while not stop.is_set():
            with store.unit_of_work() as uow:
                uow.add(School(name=f"pair {n} a"))
                uow.add(School(name=f"pair {n} b"))
                uow.commit()
            n += 1
            written.append(n)

    writer = threading.Thread(target=write_pairs)
    writer.start()
    try:
        while len(written) < 20:
            time.sleep(0.01)
        taken = []
        for _ in range(5):
            before = len(written)
            taken.append(backup.back_up(store, tmp_path / "backups", keep=10))
            assert len(written) >= before  # the app went on writing
    finally:
        stop.set()
        writer.join()
    assert len(written) > 20
    for result in taken:
        assert journal_mode(result.path) == "delete"  # one self-contained file
        assert not Path(f"{result.path}-wal").exists()
        with sqlite3.connect(f"file:{result.path}?mode=ro", uri=True) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            schools = db.execute("SELECT count(*) FROM school").fetchone()[0]
            outbox = db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
        assert schools % 2 == 0 and schools > 0
        assert outbox == schools  # every row with its outbox entry: one transaction, copied whole
        assert backup_files.inspect(result.path).schools == schools


def test_the_newest_n_are_kept_and_nothing_else_is_touched(store, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    others = [folder / "notes.txt", folder / "other-profile.backup.20240101T000000Z.sqlite",
              folder / f"{store.path.stem}.before-restore.20240101T000000Z.sqlite",
              folder / f"{store.path.stem}.before-0010.20240101T000000Z.sqlite"]
    for other in others:
        other.write_text("kept")
    made = [backup.back_up(store, folder, keep=3) for _ in range(5)]  # within a second or two: named apart
    assert len({result.path for result in made}) == 5
    kept = backup.backups(store, folder)
    assert [b.path for b in kept if b.reason == "backup"] == [result.path for result in reversed(made[2:])]
    assert made[-1].removed == [] or all(not path.exists() for path in made[-1].removed)
    assert not made[0].path.exists() and not made[1].path.exists()
    assert all(other.read_text() == "kept" for other in others)


def live_state(store: Store) -> tuple:
    with store.engine.connect() as conn:
        return (conn.exec_driver_sql("SELECT count(*), group_concat(name) FROM school").one(),
                conn.exec_driver_sql("SELECT count(*) FROM person").one())


def corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), page):  # every page after the first, its header scrambled
        data[start:start + 16] = b"\xde\xad\xbe\xef" * 4
    path.write_bytes(bytes(data))


def newer(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")


def foreign(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")


def not_a_database(path: Path) -> None:
    path.write_text("name,grade\nAmara,6\n")


@pytest.mark.parametrize(("spoil", "said"), [
    (corrupt, "damaged"),
    (newer, r"newer version of plclassroom \(schema 9999"),
    (foreign, "not a plclassroom one"),
    (not_a_database, "not a database file"),
])
def test_a_damaged_foreign_or_newer_backup_is_refused_and_nothing_changes(demo_store, tmp_path, spoil, said):
    folder = tmp_path / "backups"
    good = backup.back_up(demo_store, folder).path
    spoiled = tmp_path / "spoiled.sqlite"
    shutil.copy(good, spoiled)
    spoil(spoiled)
    before = live_state(demo_store)
    with pytest.raises(backup.BackupError, match=said) as refused:
        backup.check(demo_store, spoiled)
    assert "Nothing was changed" in str(refused.value)
    with pytest.raises(backup.BackupError, match=said):
        backup.restore(demo_store, spoiled, folder)
    assert live_state(demo_store) == before
    assert backup_files.list_backups(folder, reason=backup_files.BEFORE_RESTORE) == []  # not even a safety copy
    assert sorted(p.name for p in folder.glob("*.sqlite")) == [good.name]


def test_the_database_in_use_is_not_a_backup(store):
    with pytest.raises(backup.BackupError, match="database in use"):
        backup.check(store, store.path)


def test_restore_round_trip(demo_store, tmp_path):
    folder = tmp_path / "backups"
    student = first_student(demo_store)
    run(demo_store, profiles.update_profile_field, student, "strengths", "Before the backup")
    taken = backup.back_up(demo_store, folder).path
    run(demo_store, profiles.update_profile_field, student, "strengths", "After the backup")
    device, path = demo_store.device_id, demo_store.path

    checked = backup.check(demo_store, taken)
    assert checked.same_device and not checked.older_schema
    assert (checked.facts.schools, checked.facts.classes, checked.facts.students) == (2, 8, 180)
    assert "2 schools, 8 classes and 180 students" in " ".join(checked.summary())

    restored = backup.restore(demo_store, taken, folder)
    try:
        assert restored.store.path == path and restored.store.device_id == device and not restored.new_identity
        assert profile_field(restored.store, student, "strengths") == "Before the backup"
        # The database as it was just before is kept, and can itself be restored.
        with sqlite3.connect(restored.safety) as db:
            assert db.execute("SELECT count(*) FROM learner_profile WHERE strengths = 'After the backup'").fetchone() \
                == (1,)
        assert backup_files.parse_name(restored.safety).reason == "before-restore"
        again = backup.restore(restored.store, restored.safety, folder)
        assert profile_field(again.store, student, "strengths") == "After the backup"
        again.store.close()
    finally:
        restored.store.close()


def test_a_failed_restore_changes_nothing(demo_store, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    taken = backup.back_up(demo_store, folder).path
    with demo_store.unit_of_work() as uow:
        uow.add(School(name="Added after the backup"))
        uow.commit()
    before = live_state(demo_store)

    def fail(*_args, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(backup_files.migrations, "upgrade", fail)  # part way through preparing the copy
    with pytest.raises(backup.BackupError, match="Nothing was changed"):
        backup.restore(demo_store, taken, folder)
    monkeypatch.undo()
    reopened = Store.open(demo_store.path)
    try:
        assert live_state(reopened) == before
        assert not list(demo_store.path.parent.glob(".*restoring*"))
    finally:
        reopened.close()


def test_an_older_backup_is_brought_up_to_date(store, tmp_path):
    old = tmp_path / "old.sqlite"
    engine = make_engine(old)
    migrations.upgrade(engine, None, head="0009")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO school (id, hlc, device_id, deleted, name, archived, extra) "
                             "VALUES ('s1', 1, 'd', 0, 'Cedar', 0, '{}')")
    engine.dispose()
    checked = backup.check(store, old)
    assert checked.older_schema and checked.facts.revision == "0009" and checked.facts.schools == 1
    restored = backup.restore(store, old, tmp_path / "backups")
    try:
        assert migrations.current_revision(restored.store.engine) == migrations.HEAD
        assert count(restored.store, "SELECT count(*) FROM school WHERE name = ?", "Cedar") == 1
    finally:
        restored.store.close()


def test_attached_files_are_backed_up_and_come_back(demo_store, tmp_path):
    photo = tmp_path / "poster.txt"
    photo.write_text("A poster about ratios")
    student = first_student(demo_store)
    with demo_store.unit_of_work() as uow:
        attachments.attach_file(uow, "person", student, photo)
    folder = tmp_path / "backups"
    result = backup.back_up(demo_store, folder)
    assert result.files == 1
    assert backup.back_up(demo_store, folder).files == 0  # by content: copied once
    files = demo_store.path.parent / f"{demo_store.path.stem}-files"
    shutil.rmtree(files)
    restored = backup.restore(demo_store, result.path, folder)
    try:
        assert restored.files == 1
        assert [p.read_text() for p in files.rglob("*") if p.is_file()] == ["A poster about ratios"]
    finally:
        restored.store.close()


def test_a_backup_from_another_laptop_gets_a_new_identity(demo_template, tmp_path):
    a = copy_of(demo_template, tmp_path / "a.sqlite")
    b = copy_of(demo_template, tmp_path / "b.sqlite")
    taken = backup.back_up(a, tmp_path / "backups").path
    checked = backup.check(b, taken)
    assert not checked.same_device
    assert "new sync identity" in " ".join(checked.summary())
    restored = backup.restore(b, taken, tmp_path / "backups")
    try:
        assert restored.new_identity
        assert restored.store.device_id not in (a.device_id, b.device_id)
        with restored.store.unit_of_work() as uow:
            assert len(uow.session.execute(select(Device)).all()) == 1
    finally:
        restored.store.close()
        a.close()


def test_a_restore_keeps_a_family_s_deletion(demo_store, tmp_path):
    """A student deleted from this laptop after the backup was taken stays deleted after restoring
    it: their rows, their unsent changes, and the forgotten list that keeps sync from bringing them back."""
    from plclassroom.services import privacy

    folder = tmp_path / "backups"
    student = first_student(demo_store)
    run(demo_store, profiles.update_profile_field, student, "strengths", "An unsent edit in the backup")
    taken = backup.back_up(demo_store, folder).path
    privacy.forget_student(demo_store, student)
    assert count(demo_store, "SELECT count(*) FROM person WHERE id = ?", student) == 0

    restored = backup.restore(demo_store, taken, folder)
    try:
        assert restored.forgotten_again == 1
        assert count(restored.store, "SELECT count(*) FROM person WHERE id = ?", student) == 0
        assert count(restored.store, "SELECT count(*) FROM learner_profile WHERE student_id = ?", student) == 0
        assert count(restored.store, "SELECT count(*) FROM sync_outbox WHERE row_id = ?", student) == 0
        assert count(restored.store, "SELECT count(*) FROM local_forgotten WHERE row_id = ?", student) == 1
        assert count(restored.store, "SELECT count(*) FROM person WHERE role = 'student'") == 179
    finally:
        restored.store.close()
