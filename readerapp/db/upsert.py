"""Inserts on either backend: one that skips rows already there, in the spelling of the
session's backend (insert_ignore), and many rows at once (insert_many).

SQLite's INSERT OR IGNORE is not PostgreSQL's; both speak INSERT ... ON CONFLICT DO NOTHING,
which each dialect's insert() builds (the same rows kept, the same rows skipped: here the
only conflicts are duplicate keys).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session


def insert_ignore(session: Session, entity: Any) -> Any:
    """insert(entity) ... ON CONFLICT DO NOTHING for the session's database."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(entity).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(entity).on_conflict_do_nothing()


def insert_many(
    conn: Connection,
    table: str,
    columns: Sequence[tuple[str, str]],
    rows: Sequence[tuple[Any, ...]],
    *,
    skip_existing: bool = False,
) -> None:
    """Many rows into `table` in one statement's worth of work, inside the caller's
    transaction. `columns` are (name, PostgreSQL type) pairs.

    SQLite: one driver-level executemany (no ORM objects, no per-row statement in Python).
    PostgreSQL: one INSERT ... SELECT FROM unnest() with a list per column, one round trip;
    psycopg's executemany would send (and Python would build) a statement per row, which
    cost 11 s of a 20k-paper import.
    """
    if not rows:
        return
    names = ", ".join(name for name, _ in columns)
    conflict = " ON CONFLICT DO NOTHING" if skip_existing else ""
    if conn.dialect.name != "postgresql":
        marks = ", ".join("?" * len(columns))
        conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks}){conflict}", rows)
        return
    arrays = ", ".join(f"CAST(%s AS {kind}[])" for _, kind in columns)
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays}){conflict}",
        tuple(list(column) for column in zip(*rows, strict=True)),
    )
