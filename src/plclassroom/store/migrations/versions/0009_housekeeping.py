"""Housekeeping: where each device's pulls are up to (compaction waits for the slowest device the
admin still counts), and the record of each compaction run.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("district_device") as batch:
        batch.add_column(sa.Column("pulled_seq", sa.BigInteger(), nullable=False, server_default="0"))
    op.create_table(
        "district_compaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("up_to_seq", sa.BigInteger(), nullable=False),
        sa.Column("log_removed", sa.Integer(), nullable=False),
        sa.Column("rows_purged", sa.Integer(), nullable=False),
        sa.Column("left_behind", sa.Integer(), nullable=False),
        sa.Column("compacted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("district_compaction")
    with op.batch_alter_table("district_device") as batch:
        batch.drop_column("pulled_seq")
