"""The district web dashboard (issue 11): a password and sign-in sessions for people, the mastery
and early-warning roll-ups its pages read, the audit of who saw a student's data, and the sync
health figures of each device. Server-only: empty on a laptop, like the other district tables.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TEXT = sqlmodel.sql.sqltypes.AutoString
WHEN = sqlmodel.sql.sqltypes.UTCDateTime


def indexes(table: str, *columns: str) -> None:
    with op.batch_alter_table(table) as batch:
        for column in columns:
            batch.create_index(batch.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade() -> None:
    with op.batch_alter_table("district_user") as batch:
        batch.add_column(sa.Column("password_hash", TEXT(), nullable=True))
    with op.batch_alter_table("district_device") as batch:
        batch.add_column(sa.Column("changes_refused", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("push_failures", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("last_push_failure_at", WHEN(), nullable=True))
    op.create_table(
        "dashboard_session",
        sa.Column("token_hash", TEXT(length=64), nullable=False),
        sa.Column("user_id", TEXT(length=36), nullable=False),
        sa.Column("created_at", WHEN(), nullable=False),
        sa.Column("expires_at", WHEN(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["district_user.id"]),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    indexes("dashboard_session", "user_id", "expires_at")
    op.create_table(
        "student_mastery",
        sa.Column("student_id", TEXT(length=36), nullable=False),
        sa.Column("competency_id", TEXT(length=36), nullable=False),
        sa.Column("school_id", TEXT(length=36), nullable=False),
        sa.Column("grade", TEXT(), nullable=False),
        sa.Column("class_id", TEXT(length=36), nullable=False),
        sa.Column("course_id", TEXT(length=36), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("mastered", sa.Boolean(), nullable=False),
        sa.Column("evidence_count", sa.Integer(), nullable=False),
        sa.Column("last_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("student_id", "competency_id"),
    )
    indexes("student_mastery", "class_id")
    with op.batch_alter_table("student_mastery") as batch:
        batch.create_index("ix_student_mastery_school_grade_competency", ["school_id", "grade", "competency_id"])
    op.create_table(
        "mastery_rollup",
        sa.Column("school_id", TEXT(length=36), nullable=False),
        sa.Column("grade", TEXT(), nullable=False),
        sa.Column("competency_id", TEXT(length=36), nullable=False),
        sa.Column("students", sa.Integer(), nullable=False),
        sa.Column("levels", sa.Integer(), nullable=False),
        sa.Column("mastered", sa.Integer(), nullable=False),
        sa.Column("score_milli", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("school_id", "grade", "competency_id"),
    )
    indexes("mastery_rollup", "competency_id")
    op.create_table(
        "course_rollup",
        sa.Column("school_id", TEXT(length=36), nullable=False),
        sa.Column("course_id", TEXT(length=36), nullable=False),
        sa.Column("competency_id", TEXT(length=36), nullable=False),
        sa.Column("students", sa.Integer(), nullable=False),
        sa.Column("levels", sa.Integer(), nullable=False),
        sa.Column("mastered", sa.Integer(), nullable=False),
        sa.Column("score_milli", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("school_id", "course_id", "competency_id"),
    )
    indexes("course_rollup", "competency_id")
    op.create_table(
        "student_flag",
        sa.Column("student_id", TEXT(length=36), nullable=False),
        sa.Column("rule", TEXT(), nullable=False),
        sa.Column("school_id", TEXT(length=36), nullable=False),
        sa.Column("grade", TEXT(), nullable=False),
        sa.Column("flags", sa.Integer(), nullable=False),
        sa.Column("counted_at", WHEN(), nullable=False),
        sa.PrimaryKeyConstraint("student_id", "rule"),
    )
    with op.batch_alter_table("student_flag") as batch:
        batch.create_index("ix_student_flag_school_grade", ["school_id", "grade"])
    op.create_table(
        "flag_rollup",
        sa.Column("school_id", TEXT(length=36), nullable=False),
        sa.Column("grade", TEXT(), nullable=False),
        sa.Column("rule", TEXT(), nullable=False),
        sa.Column("students", sa.Integer(), nullable=False),
        sa.Column("of_students", sa.Integer(), nullable=False),
        sa.Column("counted_at", WHEN(), nullable=False),
        sa.PrimaryKeyConstraint("school_id", "grade", "rule"),
    )
    op.create_table(
        "view_audit",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("user_id", TEXT(length=36), nullable=False),
        sa.Column("user_name", TEXT(), nullable=False),
        sa.Column("role", TEXT(), nullable=False),
        sa.Column("viewed_at", WHEN(), nullable=False),
        sa.Column("route", TEXT(), nullable=False),
        sa.Column("student_id", TEXT(length=36), nullable=True),
        sa.Column("class_id", TEXT(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    indexes("view_audit", "user_id", "viewed_at", "student_id")


def downgrade() -> None:
    for table in ("view_audit", "flag_rollup", "student_flag", "course_rollup", "mastery_rollup", "student_mastery",
                  "dashboard_session"):
        op.drop_table(table)
    with op.batch_alter_table("district_device") as batch:
        batch.drop_column("last_push_failure_at")
        batch.drop_column("push_failures")
        batch.drop_column("changes_refused")
    with op.batch_alter_table("district_user") as batch:
        batch.drop_column("password_hash")
