"""The district change log says which school a row of staff or family belongs to, so a teacher's
laptop gets the names its students' evidence, notes and guardians point at, and no other school's.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("district_change") as batch:
        batch.add_column(sa.Column("school_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("district_change") as batch:
        batch.drop_column("school_id")
