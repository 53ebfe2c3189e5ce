"""A plain connection to a test's library on either backend, for tests that look at (or
change behind the app's back) the rows themselves: sqlite3 on the library file, or psycopg
(through readerapp's PgConnection: `?` placeholders, rows as tuples) on a server database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from readerapp.core import paths
from readerapp.core.location import LibraryLocation, ServerLocation
from readerapp.db.dbapi import DbConnection, PgConnection
from readerapp.services.library import Library


def _location(where: Library | LibraryLocation) -> LibraryLocation:
    return where.location if isinstance(where, Library) else where


@contextmanager
def plain_db(where: Library | LibraryLocation | str) -> Iterator[DbConnection]:
    """A connection to the library at `where` (a Library, a folder, a library file, a
    server location or URL), committed when the block ends without an error."""
    location = ServerLocation(where) if isinstance(where, str) else _location(where)
    if isinstance(location, ServerLocation):
        import psycopg

        raw = psycopg.connect(location.driver_url)
        try:
            yield PgConnection(raw)
            raw.commit()
        finally:
            raw.close()
        return
    path = location if location.suffix == ".sqlite" else paths.database_path(Path(location))
    conn = sqlite3.connect(path)
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


def columns(conn: DbConnection, table: str) -> list[str]:
    """The table's column names in their order."""
    if isinstance(conn, sqlite3.Connection):
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    found = conn.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
        (table,),
    )
    return [row[0] for row in found]


def tables(conn: DbConnection) -> list[str]:
    """The library's tables, by name."""
    if isinstance(conn, sqlite3.Connection):
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    else:
        sql = (
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() ORDER BY table_name"
        )
    return [row[0] for row in conn.execute(sql)]


def content(
    where: Library | LibraryLocation | str, *, leave_out: tuple[str, ...] = ()
) -> dict[str, list[str]]:
    """Every row of every table (but those left out), each as its repr, sorted: to compare a
    library before and after something that must change nothing."""
    with plain_db(where) as conn:
        return {
            table: sorted(repr(tuple(row)) for row in conn.execute(f"SELECT * FROM {table}"))
            for table in tables(conn)
            if table not in leave_out
        }


def holds_library(location: LibraryLocation) -> bool:
    """Whether a library is at `location`: its file in the folder, or its tables in the
    database (what `readerapp` decides before a command that needs one)."""
    if isinstance(location, ServerLocation):
        from readerapp.db.server import holds_library as server_holds_library

        return server_holds_library(location)
    return paths.database_path(location).exists()
