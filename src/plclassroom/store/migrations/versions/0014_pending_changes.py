"""Sync health (issue 11): how many changes each device said it still held unsent, and when, for
the dashboard's "waiting on the laptop" figure. Server-only: empty on a laptop.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("district_device") as batch:
        batch.add_column(sa.Column("pending_changes", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("pending_reported_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("district_device") as batch:
        batch.drop_column("pending_reported_at")
        batch.drop_column("pending_changes")
