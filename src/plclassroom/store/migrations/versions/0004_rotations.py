"""Station rotations: the first block's start time, groups that apply from a day (regrouping keeps
the earlier days' groups), saved station sets, absences, and flex-period seminars with their seats.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
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
    with op.batch_alter_table("rotation_plan") as batch:
        batch.add_column(sa.Column("start_time", sa.Time(), nullable=True))
    with op.batch_alter_table("student_group") as batch:
        batch.add_column(sa.Column("from_day", sa.Date(), nullable=True))
    op.create_table(
        "station_set", *synced(),
        sa.Column("name", TEXT(), nullable=False),
        sa.Column("class_id", TEXT(), nullable=True),
        sa.Column("owner_id", TEXT(), nullable=True),
        sa.Column("stations", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["class_id"], ["class_section.id"]),
        sa.ForeignKeyConstraint(["owner_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    indexes("station_set", "class_id")
    op.create_table(
        "absence", *synced(),
        sa.Column("class_id", TEXT(), nullable=False),
        sa.Column("student_id", TEXT(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["class_id"], ["class_section.id"]),
        sa.ForeignKeyConstraint(["student_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    indexes("absence", "class_id", "day")
    op.create_table(
        "seminar", *synced(),
        sa.Column("school_id", TEXT(), nullable=False),
        sa.Column("teacher_id", TEXT(), nullable=True),
        sa.Column("title", TEXT(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("room", TEXT(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("competency_id", TEXT(), nullable=True),
        sa.Column("below_score", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["competency_id"], ["competency.id"]),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"]),
        sa.ForeignKeyConstraint(["teacher_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    indexes("seminar", "school_id", "day")
    op.create_table(
        "seminar_seat", *synced(),
        sa.Column("seminar_id", TEXT(), nullable=False),
        sa.Column("student_id", TEXT(), nullable=False),
        sa.Column("source", TEXT(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(["seminar_id"], ["seminar.id"]),
        sa.ForeignKeyConstraint(["student_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    indexes("seminar_seat", "seminar_id", "student_id")


def downgrade() -> None:
    for table in ("seminar_seat", "seminar", "absence", "station_set"):
        op.drop_table(table)
    with op.batch_alter_table("student_group") as batch:
        batch.drop_column("from_day")
    with op.batch_alter_table("rotation_plan") as batch:
        batch.drop_column("start_time")
