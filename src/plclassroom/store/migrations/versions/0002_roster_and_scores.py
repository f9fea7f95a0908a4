"""Keep what a district's export says beyond our columns: an ``extra`` JSON object on the
roster tables (district, school, term, course, class, enrollment), as people already had; and an
``archived`` mark on districts, schools, terms and courses (OneRoster "tobedeleted"), as classes,
people and enrollments already had.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ("district", "school", "term", "course", "class_section", "enrollment")
NOT_YET_ARCHIVABLE = ("district", "school", "term", "course")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("extra", sa.JSON(), nullable=False, server_default="{}"))
            if table in NOT_YET_ARCHIVABLE:
                batch.add_column(sa.Column("archived", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("extra")
            if table in NOT_YET_ARCHIVABLE:
                batch.drop_column("archived")
