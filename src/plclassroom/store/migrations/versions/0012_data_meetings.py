"""Data meetings (issue 11): a school's settings (the early-warning thresholds), a grade team's
meetings and the actions they agree. All synced: a school's rows go to its staff.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TEXT = sqlmodel.sql.sqltypes.AutoString


def synced() -> list[sa.Column]:
    """The columns every synced row has (domain.base.Synced)."""
    return [
        sa.Column("id", TEXT(length=36), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("device_id", TEXT(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def indexes(table: str, *columns: str) -> None:
    with op.batch_alter_table(table) as batch:
        for column in ("hlc", *columns):
            batch.create_index(batch.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "school_setting", *synced(),
        sa.Column("school_id", TEXT(), nullable=False),
        sa.Column("key", TEXT(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    indexes("school_setting", "school_id", "key")
    op.create_table(
        "data_meeting", *synced(),
        sa.Column("school_id", TEXT(), nullable=False),
        sa.Column("grade", TEXT(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("notes", TEXT(), nullable=False),
        sa.Column("flagged", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    indexes("data_meeting", "school_id", "held_on")
    op.create_table(
        "meeting_action", *synced(),
        sa.Column("meeting_id", TEXT(), nullable=False),
        sa.Column("student_id", TEXT(), nullable=True),
        sa.Column("text", TEXT(), nullable=False),
        sa.Column("owner_id", TEXT(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["data_meeting.id"]),
        sa.ForeignKeyConstraint(["student_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["owner_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    indexes("meeting_action", "meeting_id", "student_id")


def downgrade() -> None:
    op.drop_table("meeting_action")
    op.drop_table("data_meeting")
    op.drop_table("school_setting")
