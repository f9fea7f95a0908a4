"""Conferences: templates per kind, teachers' notes for advisors, personal learning plans with
every revision, local drafts (never synced),
and a full-text index (SQLite FTS5) over conference notes, goals and next steps, kept current by
triggers so every write path (the app, imports, sync) feeds it.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

def synced() -> list[sa.Column]:
    """The columns every synced row has (domain.base.Synced)."""
    return [
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]

# What each indexed table puts in the search index: kind, row, student, author, privacy, text.
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


def upgrade() -> None:
    op.create_table(
        "conference_template", *synced(),
        sa.Column("school_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("prompts", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("conference_template") as batch:
        batch.create_index(batch.f("ix_conference_template_hlc"), ["hlc"], unique=False)
        batch.create_index(batch.f("ix_conference_template_kind"), ["kind"], unique=False)
        batch.create_index(batch.f("ix_conference_template_school_id"), ["school_id"], unique=False)
    op.create_table(
        "advisor_note", *synced(),
        sa.Column("student_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("author_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("concern", sa.Boolean(), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("addressed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["student_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("advisor_note") as batch:
        batch.create_index(batch.f("ix_advisor_note_hlc"), ["hlc"], unique=False)
        batch.create_index(batch.f("ix_advisor_note_student_id"), ["student_id"], unique=False)
    op.create_table(
        "learning_plan", *synced(),
        sa.Column("student_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        *[sa.Column(name, sqlmodel.sql.sqltypes.AutoString(), nullable=False) for name in (
            "core_values", "action_steps", "student_reflection", "family_reflection", "advisor_reflection",
            "transition_plan")],
        sa.Column("review_every_weeks", sa.Integer(), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["student_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("student_id"),
    )
    with op.batch_alter_table("learning_plan") as batch:
        batch.create_index(batch.f("ix_learning_plan_hlc"), ["hlc"], unique=False)
    op.create_table(
        "plan_revision", *synced(),
        sa.Column("plan_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("part", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("old", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("new", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("changed_by", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("changed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["changed_by"], ["person.id"]),
        sa.ForeignKeyConstraint(["plan_id"], ["learning_plan.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("plan_revision") as batch:
        batch.create_index(batch.f("ix_plan_revision_hlc"), ["hlc"], unique=False)
        batch.create_index(batch.f("ix_plan_revision_plan_id"), ["plan_id"], unique=False)
    op.create_table(
        "local_draft",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("payload", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("local_draft") as batch:
        batch.create_index(batch.f("ix_local_draft_kind"), ["kind"], unique=False)

    if op.get_bind().dialect.name != "sqlite":
        return  # the search index is the laptop's (FTS5); a PostgreSQL district server has none
    op.execute("CREATE VIRTUAL TABLE search_text USING fts5(kind UNINDEXED, row_id UNINDEXED, "
               "student_id UNINDEXED, author_id UNINDEXED, privacy UNINDEXED, body, "
               "tokenize = 'unicode61 remove_diacritics 2')")
    for table, (kind, student, author, privacy, body) in INDEXED.items():
        insert = (f"INSERT INTO search_text (kind, row_id, student_id, author_id, privacy, body) "
                  f"SELECT {kind}, NEW.id, {student}, {author}, {privacy}, {body} WHERE NOT NEW.deleted;")
        remove = f"DELETE FROM search_text WHERE row_id = OLD.id AND kind = {kind};"
        op.execute(f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN {insert} END")
        op.execute(f"CREATE TRIGGER search_{table}_update AFTER UPDATE ON {table} BEGIN {remove} {insert} END")
        # Rows are tombstoned, not deleted; this keeps the index right if a row ever is (compaction).
        op.execute(f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN {remove} END")
        backfill = insert.replace("NEW.", "").replace(" WHERE NOT deleted;", f" FROM {table} WHERE NOT deleted;")
        op.execute(backfill)
    # A conference's privacy or author changing re-files its next steps.
    op.execute("CREATE TRIGGER search_conference_steps AFTER UPDATE OF privacy, author_id ON conference BEGIN "
               "UPDATE search_text SET privacy = NEW.privacy, author_id = NEW.author_id "
               "WHERE kind = 'next step' AND row_id IN (SELECT id FROM next_step WHERE conference_id = NEW.id); END")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_table("local_draft")
        return
    for table in INDEXED:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{event}")
    op.execute("DROP TRIGGER IF EXISTS search_conference_steps")
    op.execute("DROP TABLE IF EXISTS search_text")
    op.drop_table("local_draft")
    op.drop_table("plan_revision")
    op.drop_table("learning_plan")
    op.drop_table("advisor_note")
    op.drop_table("conference_template")
