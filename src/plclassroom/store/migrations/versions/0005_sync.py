"""Network sync: the laptop's pull cursor and last sync time, the changes the district refused;
and the district server's own tables
(users, devices, enrolment codes, the numbered change log, per-field clocks), empty on a laptop;
and the conflicts kept when one long text was changed on two devices.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    # Sequences that are never reused: the outbox is cleared once the district acknowledges it.
    with op.batch_alter_table("sync_outbox", recreate="always", table_kwargs={"sqlite_autoincrement": True}):
        pass
    with op.batch_alter_table("sync_device") as batch:
        batch.add_column(sa.Column("pull_cursor", sa.BigInteger(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("last_synced_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.create_table(
        "sync_rejected",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("table_name", TEXT(), nullable=False),
        sa.Column("row_id", TEXT(length=36), nullable=False),
        sa.Column("op", TEXT(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("fields", TEXT(), nullable=False),
        sa.Column("reason", TEXT(), nullable=False),
        sa.Column("rejected_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_table(
        "district_user",
        sa.Column("id", TEXT(length=36), nullable=False),
        sa.Column("name", TEXT(), nullable=False),
        sa.Column("role", TEXT(), nullable=False),
        sa.Column("person_id", TEXT(length=36), nullable=True),
        sa.Column("school_id", TEXT(length=36), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "district_device",
        sa.Column("id", TEXT(length=36), nullable=False),
        sa.Column("user_id", TEXT(), nullable=False),
        sa.Column("name", TEXT(), nullable=False),
        sa.Column("token_hash", TEXT(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("last_sync_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("revoked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("changes_pushed", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["district_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("district_device") as batch:
        batch.create_index(batch.f("ix_district_device_user_id"), ["user_id"], unique=False)
    op.create_table(
        "district_enrol_code",
        sa.Column("code_hash", TEXT(), nullable=False),
        sa.Column("user_id", TEXT(), nullable=False),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("used_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["district_user.id"]),
        sa.PrimaryKeyConstraint("code_hash"),
    )
    op.create_table(
        "district_change",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("device_id", TEXT(length=36), nullable=False),
        sa.Column("device_seq", sa.BigInteger(), nullable=False),
        sa.Column("table_name", TEXT(), nullable=False),
        sa.Column("row_id", TEXT(length=36), nullable=False),
        sa.Column("op", TEXT(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin_device", TEXT(length=36), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("class_id", TEXT(length=36), nullable=True),
        sa.Column("student_id", TEXT(length=36), nullable=True),
        sa.Column("private_to", TEXT(length=36), nullable=True),
        sa.Column("received_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("device_id", "device_seq", name="uq_district_change_device_op"),
    )
    with op.batch_alter_table("district_change") as batch:
        batch.create_index("ix_district_change_row", ["table_name", "row_id"], unique=False)
        batch.create_index(batch.f("ix_district_change_class_id"), ["class_id"], unique=False)
        batch.create_index(batch.f("ix_district_change_student_id"), ["student_id"], unique=False)
    op.create_table(
        "district_field_clock",
        sa.Column("table_name", TEXT(), nullable=False),
        sa.Column("row_id", TEXT(length=36), nullable=False),
        sa.Column("field", TEXT(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("device_id", TEXT(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", "field"),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", TEXT(length=36), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("device_id", TEXT(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("table_name", TEXT(), nullable=False),
        sa.Column("row_id", TEXT(length=36), nullable=False),
        sa.Column("field", TEXT(), nullable=False),
        sa.Column("student_id", TEXT(length=36), nullable=True),
        sa.Column("kept", TEXT(), nullable=False),
        sa.Column("other", TEXT(), nullable=False),
        sa.Column("other_device", TEXT(length=36), nullable=False),
        sa.Column("other_hlc", sa.BigInteger(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sync_conflict") as batch:
        for column in ("hlc", "row_id", "student_id"):
            batch.create_index(batch.f(f"ix_sync_conflict_{column}"), [column], unique=False)


def downgrade() -> None:
    for table in ("sync_conflict", "district_field_clock", "district_change", "district_enrol_code", "district_device",
                  "district_user", "sync_rejected"):
        op.drop_table(table)
    with op.batch_alter_table("sync_device") as batch:
        batch.drop_column("last_synced_at")
        batch.drop_column("pull_cursor")
