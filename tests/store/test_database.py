import hashlib
import json
import shutil
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from plclassroom.domain.base import Synced
from plclassroom.store import migrations
from plclassroom.store.database import Store, StoreDamaged, StoreTooNew
from plclassroom.store.engine import make_engine


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_database_is_at_the_newest_schema_with_wal_and_foreign_keys(store):
    assert migrations.current_revision(store.engine) == migrations.HEAD
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_head_constant_matches_the_shipped_migrations():
    config = Config()
    config.set_main_option("script_location", str(migrations.MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_heads() == [migrations.HEAD]


def test_migrations_build_exactly_the_tables_the_code_declares(store):
    # The full-text index is SQLite's own (FTS5 virtual table, its shadow tables, and the keys
    # its triggers find entries by), made by SQL.
    def declared(obj, name, type_, *_args) -> bool:
        return not (type_ == "table" and name.startswith(("search_text", "search_key")))

    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": declared})
        differences = compare_metadata(context, Synced.metadata)
    assert differences == []


def test_the_device_id_persists_across_restarts(tmp_path):
    first = Store.open(tmp_path / "a.sqlite")
    device = first.device_id
    first.close()
    again = Store.open(tmp_path / "a.sqlite")
    assert again.device_id == device
    other = Store.open(tmp_path / "b.sqlite")
    assert other.device_id != device


def test_a_file_from_a_newer_app_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "newer.sqlite"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = digest(path)
    with pytest.raises(StoreTooNew, match="newer version of plclassroom"):
        Store.open(path)
    assert digest(path) == before


@pytest.mark.parametrize("content", [b"this is a spreadsheet, not a database" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_damaged_file_gets_a_clear_message_and_is_left_alone(tmp_path, content):
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(content)
    with pytest.raises(StoreDamaged, match="damaged or is not a plclassroom database"):
        Store.open(path)
    assert path.read_bytes() == content


def test_a_truncated_database_is_reported_as_damaged(demo_template, tmp_path):
    path = tmp_path / "cut.sqlite"
    shutil.copy(demo_template, path)
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size // 3)
    with pytest.raises(StoreDamaged):
        Store.open(path)


NEXT_MIGRATION = '''
from alembic import op
import sqlalchemy as sa

revision = "0099"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("learner_profile") as batch:
        batch.add_column(sa.Column("reading_level", sa.String(), nullable=True))


def downgrade():
    pass
'''


def test_an_existing_database_is_backed_up_before_a_migration(tmp_path, demo_template):
    # A future migration, written the way the app's own are, applied to a database with data in it.
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_reading_level.py").write_text(NEXT_MIGRATION.replace("{head}", migrations.HEAD))
    path = tmp_path / "school.sqlite"
    shutil.copy(demo_template, path)
    engine = make_engine(path)
    backup = migrations.upgrade(engine, path, scripts=scripts, head="0099")
    assert migrations.current_revision(engine) == "0099"
    engine.dispose()
    assert backup is not None and backup.parent == tmp_path / "backups"
    with sqlite3.connect(backup) as old, sqlite3.connect(path) as new:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == (migrations.HEAD,)
        assert old.execute("SELECT count(*) FROM learner_profile").fetchone() == \
            new.execute("SELECT count(*) FROM learner_profile").fetchone() == (180,)
        assert "reading_level" in [row[1] for row in new.execute("PRAGMA table_info(learner_profile)")]


def test_creating_a_new_database_makes_no_backup(tmp_path):
    Store.open(tmp_path / "fresh.sqlite").close()
    assert not (tmp_path / "backups").exists()


def test_a_database_from_the_first_release_is_migrated_on_open_with_a_backup(tmp_path):
    path = tmp_path / "first-release.sqlite"
    engine = make_engine(path)
    migrations.upgrade(engine, path, head="0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO school (id, hlc, device_id, deleted, name) VALUES ('s1', 1, 'd', 0, 'Cedar')")
    engine.dispose()
    store = Store.open(path)
    try:
        assert migrations.current_revision(store.engine) == migrations.HEAD
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT name, extra FROM school").one() == ("Cedar", "{}")
    finally:
        store.close()
    [backup] = (tmp_path / "backups").glob("first-release.*.sqlite")
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT name FROM school").fetchone() == ("Cedar",)


def test_a_district_servers_field_clocks_become_row_clocks(tmp_path):
    path = tmp_path / "district.sqlite"
    engine = make_engine(path)
    migrations.upgrade(engine, path, head="0006")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO district_field_clock (table_name, row_id, field, hlc, device_id, seq) VALUES "
            "('learner_profile', 'p1', 'strengths', 117669794502082560, 'dev-a', 7), "
            "('learner_profile', 'p1', 'needs', 117669794502082561, 'dev-b', 9), "
            "('evidence', 'e1', 'score', 5, 'dev-a', 3)")
    engine.dispose()
    store = Store.open(path)
    try:
        with store.engine.connect() as conn:
            clocks = {(table, row): json.loads(fields) for table, row, fields in conn.exec_driver_sql(
                "SELECT table_name, row_id, fields FROM district_row_clock")}
    finally:
        store.close()
    assert clocks == {("learner_profile", "p1"): {"strengths": [117669794502082560, "dev-a", 7],
                                                  "needs": [117669794502082561, "dev-b", 9]},
                      ("evidence", "e1"): {"score": [5, "dev-a", 3]}}
