"""The search index finds a row's entry by a keyed lookup, not a scan: ``search_key`` maps
(row, kind) to the entry's rowid in ``search_text``. Before, every update of a conference, goal or
next step deleted its old entry with a filter on an UNINDEXED column of the FTS5 table, which reads
the whole table: syncing or publishing many notes took time that grew with the square of their
number (122 s for a 57,000-row school on the district server; now seconds).

SQLite only, like the index itself (migration 0003).

Revision ID: 0010
Revises: 0009
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# kind, student, author, privacy, text: as migration 0003 indexes each table.
INDEXED = {
    "conference": ("'conference'", "NEW.student_id", "NEW.author_id", "NEW.privacy",
                   "coalesce(NEW.kind, '') || ' ' || coalesce(NEW.attendees, '') || ' ' || coalesce(NEW.notes, '')"),
    "goal": ("'goal'", "NEW.student_id", "NEW.author_id", "'teachers'",
             "coalesce(NEW.statement, '') || ' ' || coalesce(NEW.measure_of_success, '') || ' ' || "
             "coalesce(NEW.progress, '')"),
    "next_step": ("'next step'", "NEW.student_id",
                  "(SELECT author_id FROM conference WHERE id = NEW.conference_id)",
                  "coalesce((SELECT privacy FROM conference WHERE id = NEW.conference_id), 'teachers')",
                  "coalesce(NEW.text, '')"),
}


def _create_triggers(with_keys: bool) -> None:
    for table, (kind, student, author, privacy, body) in INDEXED.items():
        if with_keys:
            # The key first: its rowid (last_insert_rowid() inside the trigger) is the entry's.
            insert = (f"INSERT INTO search_key (kind, row_id) SELECT {kind}, NEW.id WHERE NOT NEW.deleted; "
                      f"INSERT INTO search_text (rowid, kind, row_id, student_id, author_id, privacy, body) "
                      f"SELECT last_insert_rowid(), {kind}, NEW.id, {student}, {author}, {privacy}, {body} "
                      f"WHERE NOT NEW.deleted;")
            remove = (f"DELETE FROM search_text WHERE rowid IN "
                      f"(SELECT rowid FROM search_key WHERE row_id = OLD.id AND kind = {kind}); "
                      f"DELETE FROM search_key WHERE row_id = OLD.id AND kind = {kind};")
        else:
            insert = (f"INSERT INTO search_text (kind, row_id, student_id, author_id, privacy, body) "
                      f"SELECT {kind}, NEW.id, {student}, {author}, {privacy}, {body} WHERE NOT NEW.deleted;")
            remove = f"DELETE FROM search_text WHERE row_id = OLD.id AND kind = {kind};"
        op.execute(f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN {insert} END")
        op.execute(f"CREATE TRIGGER search_{table}_update AFTER UPDATE ON {table} BEGIN {remove} {insert} END")
        op.execute(f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN {remove} END")
    steps = ("SELECT k.rowid FROM search_key k JOIN next_step n ON n.id = k.row_id "
             "WHERE k.kind = 'next step' AND n.conference_id = NEW.id") if with_keys else \
        "SELECT rowid FROM search_text WHERE kind = 'next step' AND row_id IN " \
        "(SELECT id FROM next_step WHERE conference_id = NEW.id)"
    op.execute("CREATE TRIGGER search_conference_steps AFTER UPDATE OF privacy, author_id ON conference BEGIN "
               f"UPDATE search_text SET privacy = NEW.privacy, author_id = NEW.author_id WHERE rowid IN ({steps}); END")


def _drop_triggers() -> None:
    for table in INDEXED:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{event}")
    op.execute("DROP TRIGGER IF EXISTS search_conference_steps")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop_triggers()
    # One entry per row and kind, as the triggers always kept it; a stray duplicate would break the key.
    op.execute("DELETE FROM search_text WHERE rowid NOT IN (SELECT max(rowid) FROM search_text GROUP BY row_id, kind)")
    op.execute("CREATE TABLE search_key (kind TEXT NOT NULL, row_id TEXT NOT NULL, UNIQUE (row_id, kind))")
    op.execute("INSERT INTO search_key (rowid, kind, row_id) SELECT rowid, kind, row_id FROM search_text")
    _create_triggers(with_keys=True)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop_triggers()
    op.execute("DROP TABLE search_key")
    _create_triggers(with_keys=False)
