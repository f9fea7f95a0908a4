"""The district's field clocks kept one row per synced row (a JSON map of field to [HLC, device,
seq]) instead of one row per field: a push of evidence writes one clock row per evidence row,
not eight. On PostgreSQL the change log's numbers become 64-bit (SQLite's already are).

Revision ID: 0007
Revises: 0006
"""

import json

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    row_clock = op.create_table(
        "district_row_clock",
        sa.Column("table_name", TEXT(), nullable=False),
        sa.Column("row_id", TEXT(length=36), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id"),
    )
    with op.batch_alter_table("district_row_clock") as batch:
        batch.create_index("ix_district_row_clock_row_id", ["row_id"], unique=False)
    found: dict[tuple[str, str], dict] = {}
    for table, row_id, field, hlc, device_id, seq in op.get_bind().execute(sa.text(
            "SELECT table_name, row_id, field, hlc, device_id, seq FROM district_field_clock")):
        found.setdefault((table, row_id), {})[field] = [hlc, device_id, seq]
    if found:
        op.bulk_insert(row_clock, [{"table_name": table, "row_id": row_id, "fields": fields}
                                   for (table, row_id), fields in found.items()])
    op.drop_table("district_field_clock")
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("district_change", "seq", type_=sa.BigInteger())


def downgrade() -> None:
    field_clock = op.create_table(
        "district_field_clock",
        sa.Column("table_name", TEXT(), nullable=False),
        sa.Column("row_id", TEXT(length=36), nullable=False),
        sa.Column("field", TEXT(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("device_id", TEXT(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", "field"),
    )
    rows = [{"table_name": table, "row_id": row_id, "field": field, "hlc": hlc, "device_id": device_id, "seq": seq}
            for table, row_id, fields in op.get_bind().execute(sa.text(
                "SELECT table_name, row_id, fields FROM district_row_clock"))
            for field, (hlc, device_id, seq) in (fields if isinstance(fields, dict) else json.loads(fields)).items()]
    if rows:
        op.bulk_insert(field_clock, rows)
    op.drop_table("district_row_clock")
