"""The ORM side of an open library: its two engines and their sessions.

A library creates this on its first ORM read or write (services.library), not when it opens:
importing SQLAlchemy's ORM costs over half a second, and a command that only searches reads
through the sqlite3 driver (db.reads) and never needs it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from readerapp.db.engine import busy_error, make_engine
from readerapp.db.migrations import ensure_schema


class OrmSessions:
    def __init__(self, db_path: Path) -> None:
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
            return ensure_schema(self._writer, self.db_path)
        except DBAPIError as exc:
            if isinstance(exc.orig, sqlite3.DatabaseError):
                raise exc.orig from exc
            raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read_sessions() as session, session.begin():
            yield session
            session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        try:
            with self._write_sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise busy_error(self.db_path) from exc
            raise

    def dispose(self) -> None:
        self._reader.dispose()
        self._writer.dispose()
