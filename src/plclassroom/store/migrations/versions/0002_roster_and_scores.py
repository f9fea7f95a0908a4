"""Keep what a district's export says beyond our columns: an ``extra`` JSON object on the
roster tables (district, school, term, course, class, enrollment), as people already had; and an
``archived`` mark on districts, schools, terms and courses (OneRoster "tobedeleted"), as classes,
people and enrollments already had. And the tables for imported test scores: prior_score
(a baseline on the profile) and score_mapping (how each source's files map, remembered); and a
scale's conversion of levels to report-card grades.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ("district", "school", "term", "course", "class_section", "enrollment")
NOT_YET_ARCHIVABLE = ("district", "school", "term", "course")


def upgrade() -> None:
    op.create_table(
        "prior_score",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("student_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("measure", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("raw", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=True),
        sa.Column("competency_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.ForeignKeyConstraint(["competency_id"], ["competency.id"]),
        sa.ForeignKeyConstraint(["student_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("prior_score") as batch:
        batch.create_index(batch.f("ix_prior_score_hlc"), ["hlc"], unique=False)
        batch.create_index(batch.f("ix_prior_score_student_id"), ["student_id"], unique=False)
    op.create_table(
        "score_mapping",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("score_mapping") as batch:
        batch.create_index(batch.f("ix_score_mapping_hlc"), ["hlc"], unique=False)
        batch.create_index(batch.f("ix_score_mapping_source"), ["source"], unique=False)
    with op.batch_alter_table("proficiencyscale") as batch:
        batch.add_column(sa.Column("grade_conversion", sa.JSON(), nullable=False, server_default="[]"))
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("extra", sa.JSON(), nullable=False, server_default="{}"))
            if table in NOT_YET_ARCHIVABLE:
                batch.add_column(sa.Column("archived", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("proficiencyscale") as batch:
        batch.drop_column("grade_conversion")
    op.drop_table("score_mapping")
    op.drop_table("prior_score")
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("extra")
            if table in NOT_YET_ARCHIVABLE:
                batch.drop_column("archived")
