"""The ORM side of an open library: its engines and their sessions.

A library creates this on its first ORM read or write (services.library), not when it opens:
importing SQLAlchemy's ORM costs over half a second, and a command that only searches reads
through the plain driver (db.reads) and never needs it.

On SQLite there are two engines over the file, one whose transactions begin with BEGIN
IMMEDIATE (writers) and one with BEGIN (readers). On a PostgreSQL server there is one pool:
reads run in REPEATABLE READ (one state of the library, as on SQLite), writes in the
server's default READ COMMITTED, each change one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from readerapp.core.location import LibraryLocation, ServerLocation
from readerapp.db.engine import busy_error, make_engine
from readerapp.db.migrations import ensure_schema, ensure_server_schema


class OrmSessions:
    def __init__(self, location: LibraryLocation, db_path: Path | None = None) -> None:
        self.location = location
        self.server = location if isinstance(location, ServerLocation) else None
        self._reader: Engine
        self._writer: Engine
        if self.server is not None:
            from readerapp.db.server import make_server_engine

            self._writer = make_server_engine(self.server)
            self._reader = self._writer.execution_options(isolation_level="REPEATABLE READ")
            self.db_path: Path | None = None
        else:
            assert db_path is not None
            self.db_path = db_path
            self._reader = make_engine(db_path, immediate=False)
            self._writer = make_engine(db_path, immediate=True)
        self._read_sessions = sessionmaker(self._reader, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._writer, expire_on_commit=False)

    def ensure_schema(self) -> Path | None:
        """Create or migrate the schema (db.migrations); returns the backup made first.

        SQLAlchemy's errors come out as the driver's, which the library turns into one line.
        """
        try:
            if self.server is not None:
                ensure_server_schema(self._writer, self.server.shown)
                return None
            assert self.db_path is not None
            return ensure_schema(self._writer, self.db_path)
        except DBAPIError as exc:
            if isinstance(exc.orig, sqlite3.DatabaseError):
                raise exc.orig from exc
            self._lost(exc)
            raise

    def _lost(self, exc: DBAPIError) -> None:
        """A server connection that broke (or never opened) becomes ServerUnreachable."""
        if self.server is None:
            return
        # A dropped or refused connection has no SQLSTATE; a serialization failure or a
        # cancelled statement (OperationalError too) does, and stays what it is.
        connection_failed = isinstance(exc, OperationalError) and (
            getattr(exc.orig, "sqlstate", None) is None
        )
        if exc.connection_invalidated or connection_failed:
            from readerapp.db.server import unreachable

            raise unreachable(self.server, exc.orig if exc.orig is not None else exc) from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._read_sessions() as session, session.begin():
                yield session
                session.rollback()
        except DBAPIError as exc:
            self._lost(exc)
            raise

    @contextmanager
    def write(self) -> Iterator[Session]:
        try:
            with self._write_sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            if self.db_path is not None and ("locked" in str(exc) or "busy" in str(exc)):
                raise busy_error(self.db_path) from exc
            self._lost(exc)
            raise
        except DBAPIError as exc:
            self._lost(exc)
            raise

    def dispose(self) -> None:
        self._reader.dispose()
        self._writer.dispose()
