"""Engines over the library file, with the SQLite settings every connection needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event

# How long a connection waits for another process's write (an import in the desktop app) to
# finish before it gives up and says the library is busy.
BUSY_TIMEOUT_MS = 15000


def connect_read_only(db_path: Path) -> sqlite3.Connection:
    """A plain read-only connection. The path goes in as a proper file: URI, so a folder
    named with "#", "?" or "%" is that folder (pasted into "file:..." unescaped, "#" cut
    the path short and SQLite created an empty database there)."""
    return sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)


def make_engine(db_path: Path, *, immediate: bool) -> Engine:
    """An engine whose transactions begin with BEGIN IMMEDIATE (writers) or BEGIN (readers).

    Writers take the write lock up front so that two processes never both read, then both try
    to upgrade and one fails with "database is locked"; instead the second waits (busy_timeout).
    """
    # A URL object, not a string: "sqlite:///" + path would read "%41" as "A" and cut the
    # path at "?", so a library in such a folder would not open.
    engine = create_engine(URL.create("sqlite", database=str(db_path)), future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below decide how a transaction starts.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def set_wal(db_path: Path) -> None:
    """WAL is a property of the file, set once; readers then never block the writer."""
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
