"""The plain (non-ORM) connection the reads in db.reads and the services take, on both
backends: `execute(sql, params)` returning rows as tuples.

On SQLite it is the sqlite3.Connection itself, nothing wrapped, so a search stays as fast as
it was and never imports SQLAlchemy or psycopg. On PostgreSQL, PgConnection wraps a psycopg
connection and translates the SQL once per statement text: `?` placeholders become `%s`,
and a literal `%` (in `LIKE '%'`) becomes `%%`. The statements are written once, in the SQL
both backends speak (`starred = TRUE`, `ON CONFLICT DO NOTHING`); where a function differs
(SQLite's json_group_array, julianday), `is_sqlite()` picks the spelling.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy import Connection


class Rows(Protocol):
    """A cursor after execute(): rows as tuples."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class DbConnection(Protocol):
    """sqlite3.Connection, or PgConnection over psycopg."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Rows: ...


@functools.lru_cache(maxsize=512)
def to_format_style(sql: str) -> str:
    """`?` placeholders as psycopg's `%s`, a literal `%` as `%%`; a `?` inside a quoted
    string ('...' or "...") stays as it is."""
    out: list[str] = []
    quote = ""
    for ch in sql:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in ("'", '"'):
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append("%%" if ch == "%" else ch)
    return "".join(out)


class PgConnection:
    """A psycopg connection with sqlite3's execute(): `?` placeholders, rows as tuples."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Rows:
        cursor = self.raw.cursor()
        cursor.execute(to_format_style(sql), tuple(parameters))
        return cursor

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(to_format_style(sql), rows)


def is_sqlite(conn: DbConnection) -> bool:
    return isinstance(conn, sqlite3.Connection)


def driver_sql(
    conn: Connection, sql: str, parameters: Sequence[Any] | list[tuple[Any, ...]] = ()
) -> Any:
    """conn.exec_driver_sql with `?` placeholders on either backend (a list of tuples runs
    as one executemany): SQL written once for SQLite's qmark style and psycopg's format.
    Returns the CursorResult (typed Any: its rows' shape is the SQL's)."""
    if conn.dialect.paramstyle != "qmark":
        sql = to_format_style(sql)
    return conn.exec_driver_sql(sql, parameters)
