"""Connections to the library file, with the SQLite settings every connection needs: plain
sqlite3 ones for reads (ReadConnections) and SQLAlchemy engines for the ORM (make_engine)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readerapp.core.errors import LibraryError

if TYPE_CHECKING:
    from sqlalchemy import Engine

# How long a connection waits for another process's write (an import in the desktop app) to
# finish before it gives up and says the library is busy.
BUSY_TIMEOUT_MS = 15000


def _configure(conn: sqlite3.Connection) -> None:
    """The settings of every connection, ORM or not."""
    # Transactions begin where the code says BEGIN (the engines' "begin" event, snapshot()).
    conn.isolation_level = None
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA synchronous = NORMAL")


def busy_error(db_path: Path) -> LibraryError:
    """What a wait for another process's write that ran out of time says."""
    return LibraryError(
        f"{db_path}: the library is busy in another readerapp; try again in a moment"
    )


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
    # Imported here, not at the top: SQLAlchemy costs half a second to import, and commands
    # that only read (`readerapp search`) use ReadConnections instead.
    from sqlalchemy import URL, create_engine, event

    # A URL object, not a string: "sqlite:///" + path would read "%41" as "A" and cut the
    # path at "?", so a library in such a folder would not open.
    engine = create_engine(URL.create("sqlite", database=str(db_path)), future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below decide how a transaction starts.
        _configure(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def set_wal(db_path: Path) -> None:
    """WAL is a property of the file, set once; readers then never block the writer."""
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA journal_mode = WAL")


class ReadConnections:
    """Plain sqlite3 connections for reads, one per thread, each read in a transaction.

    A read transaction sees one consistent state of the file, as the ORM's read sessions do;
    in WAL mode it never waits for a writer. A connection belongs to the thread that opened
    it (the window searches on its worker and reads rows on the GUI thread); close() closes
    them all, from whichever thread closes the library.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[sqlite3.Connection] = []

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            # check_same_thread=False only so that close() may close it from another thread;
            # only its own thread ever runs statements on it.
            conn = sqlite3.connect(self.db_path, check_same_thread=False)
            _configure(conn)
            self._local.conn = conn
            with self._lock:
                self._opened.append(conn)
        return conn

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        if conn.in_transaction:  # nested in a snapshot of the same thread: the same state
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("ROLLBACK")

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for conn in opened:
            conn.close()
