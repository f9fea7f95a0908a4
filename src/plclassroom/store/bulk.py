"""Writing many rows at once, the same way on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Connection, Table


def upsert(connection: Connection, table: Table, rows: list[dict], keys: list[str]) -> None:
    """Insert ``rows`` (whole rows, all with the same columns), or overwrite the row that has the
    same ``keys``: one executemany (psycopg pipelines it; SQLite loops in C)."""
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(table)
    columns = [name for name in rows[0] if name not in keys]
    connection.execute(statement.on_conflict_do_update(
        index_elements=keys, set_={name: statement.excluded[name] for name in columns}), rows)
