"""Connections to a library on a PostgreSQL server (core.location.ServerLocation): plain
psycopg ones for reads (ServerReadConnections, the server's ReadConnections) and a
SQLAlchemy engine for the ORM (make_server_engine), through psycopg 3.

What SQLite needs per connection (PRAGMAs, BEGIN IMMEDIATE, WAL) has no place here: the
server keeps its own journal, and a writer's row locks are taken as it writes. Reads run in
REPEATABLE READ transactions, so that a read sees one state of the library, as a SQLite read
transaction does. A connection that the server dropped (a restart) is replaced before use:
the engine pings (pool_pre_ping), the read connections check theirs when a snapshot begins.

psycopg is imported only here and only when a server library opens: it is an optional extra
(`pip install 'readerapp[postgres]'`), and a folder library never needs it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from readerapp.core.errors import LibraryError, ServerUnreachable
from readerapp.core.location import ServerLocation
from readerapp.core.redact import scrub
from readerapp.db.dbapi import PgConnection

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy import Engine

# Seconds to wait for a server that does not answer (a host that is down drops packets rather
# than refusing): long enough for a slow network, short enough that a start does not hang.
CONNECT_TIMEOUT_S = 10
# What the library's connections say they are, in pg_stat_activity.
APPLICATION_NAME = "readerapp"


def _driver() -> Any:
    try:
        import psycopg
    except ModuleNotFoundError as exc:
        raise LibraryError(
            "a library on a PostgreSQL server needs the psycopg driver: "
            "pip install 'readerapp[postgres]'"
        ) from exc
    return psycopg


def _connect_args(location: ServerLocation) -> dict[str, Any]:
    """Defaults the URL may override (its own connect_timeout, application_name)."""
    args: dict[str, Any] = {}
    if "connect_timeout=" not in location.url:
        args["connect_timeout"] = CONNECT_TIMEOUT_S
    if "application_name=" not in location.url:
        args["application_name"] = APPLICATION_NAME
    return args


def unreachable(location: ServerLocation, exc: BaseException) -> ServerUnreachable:
    """One line naming the server and why, never the password."""
    why = scrub(" ".join(str(exc).split())) or type(exc).__name__
    password = _password(location)
    if password:
        why = why.replace(password, "***")
    return ServerUnreachable(location.shown, why)


def _password(location: ServerLocation) -> str:
    from urllib.parse import unquote, urlsplit

    return unquote(urlsplit(location.url).password or "")


def connect(location: ServerLocation) -> psycopg.Connection[Any]:
    """A new autocommit connection (transactions begin where the code says BEGIN)."""
    driver = _driver()
    try:
        conn: psycopg.Connection[Any] = driver.connect(
            location.driver_url, autocommit=True, **_connect_args(location)
        )
    except driver.OperationalError as exc:
        raise unreachable(location, exc) from None
    return conn


def make_server_engine(location: ServerLocation) -> Engine:
    """The ORM's engine: SQLAlchemy over psycopg 3, with a ping before a pooled connection
    is reused, so that one the server dropped is replaced instead of failing a write."""
    _driver()
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    url = make_url(location.driver_url).set(drivername="postgresql+psycopg")
    return create_engine(
        url,
        pool_pre_ping=True,
        # Parameters stay out of error messages: a note's text has no place in a log line.
        hide_parameters=True,
        connect_args=_connect_args(location),
    )


class ServerReadConnections:
    """Plain psycopg connections for reads, one per thread, each read in one transaction
    (REPEATABLE READ, READ ONLY): the server's counterpart of db.engine.ReadConnections."""

    def __init__(self, location: ServerLocation) -> None:
        self.location = location
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[psycopg.Connection[Any]] = []

    def _fresh(self) -> PgConnection:
        raw = connect(self.location)
        self._local.conn = PgConnection(raw)
        self._local.depth = 0
        with self._lock:
            self._opened.append(raw)
        return self._local.conn  # type: ignore[no-any-return]

    def _begin(self) -> PgConnection:
        """This thread's connection in a new read transaction; one the server dropped (a
        restart) is replaced once."""
        conn: PgConnection | None = getattr(self._local, "conn", None)
        if conn is None or conn.raw.closed or conn.raw.broken:
            conn = self._fresh()
        driver = _driver()
        try:
            conn.raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        except driver.OperationalError:
            conn.raw.close()
            conn = self._fresh()
            try:
                conn.raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            except driver.OperationalError as exc:
                raise unreachable(self.location, exc) from None
        return conn

    @contextmanager
    def snapshot(self) -> Iterator[PgConnection]:
        if getattr(self._local, "depth", 0):  # nested in a snapshot of the same thread
            yield self._local.conn
            return
        conn = self._begin()
        self._local.depth = 1
        try:
            yield conn
        finally:
            self._local.depth = 0
            if not conn.raw.closed and not conn.raw.broken:
                conn.raw.execute("ROLLBACK")

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for raw in opened:
            raw.close()


def holds_library(location: ServerLocation) -> bool:
    """Whether the server database holds a readerapp library (a plain read: nothing made)."""
    from readerapp.db.migrations import server_version

    raw = connect(location)
    try:
        return server_version(PgConnection(raw)) is not None
    finally:
        raw.close()
