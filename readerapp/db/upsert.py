"""Inserts on either backend: one that skips rows already there, in the spelling of the
session's backend (insert_ignore), and many rows at once (insert_many, copy_rows).

SQLite's INSERT OR IGNORE is not PostgreSQL's; both speak INSERT ... ON CONFLICT DO NOTHING,
which each dialect's insert() builds (the same rows kept, the same rows skipped: here the
only conflicts are duplicate keys).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

# Rows between two cancel checks of a COPY: a few milliseconds of writing.
COPY_CHUNK = 5000


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
    PostgreSQL: COPY (copy_rows), the server's bulk path; with skip_existing, which COPY
    cannot do, one INSERT ... SELECT FROM unnest() ... ON CONFLICT DO NOTHING with a list
    per column. psycopg's executemany would send (and Python would build) a statement per
    row, which cost 11 s of a 20k-paper import; the unnest lists are dumped element by
    element in Python, about three times COPY's cost on the client.
    """
    if not rows:
        return
    names = ", ".join(name for name, _ in columns)
    conflict = " ON CONFLICT DO NOTHING" if skip_existing else ""
    if conn.dialect.name != "postgresql":
        marks = ", ".join("?" * len(columns))
        conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks}){conflict}", rows)
        return
    if not skip_existing:
        copy_rows(conn, table, columns, rows)
        return
    arrays = ", ".join(f"CAST(%s AS {kind}[])" for _, kind in columns)
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays}){conflict}",
        tuple(list(column) for column in zip(*rows, strict=True)),
    )


def copy_rows(
    conn: Connection,
    table: str,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[tuple[object, ...]],
    check: Callable[[], None] | None = None,
) -> None:
    """Rows into a PostgreSQL table through COPY, in the connection's transaction; `columns`
    are (name, PostgreSQL type) pairs; `check` (a cancel check) runs every COPY_CHUNK rows.

    The binary format: psycopg dumps each value in C from the types given, and the server
    takes integers, booleans and timestamps as they are instead of parsing their text (a
    tenth to a third of the server's CPU for the papers' COPY, docs/benchmarks.md). `rows`
    may be a generator: building them then overlaps with the server taking the ones before.
    """
    raw: Any = conn.connection.driver_connection
    names = ", ".join(name for name, _ in columns)
    statement = f"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)"
    with raw.cursor() as cursor, cursor.copy(statement) as copy:
        copy.set_types([kind for _, kind in columns])
        for n, row in enumerate(rows):
            if check is not None and n % COPY_CHUNK == 0:
                check()
            copy.write_row(row)
