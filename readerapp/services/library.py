"""An open library: the SQLite file, its engines and the text index derived from it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from readerapp.core import paths
from readerapp.core.errors import LibraryError
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.db import queries
from readerapp.db.engine import make_engine, set_wal
from readerapp.db.migrations import ensure_schema
from readerapp.db.models import IndexPendingRow, Meta
from readerapp.search.engine import TextIndex
from readerapp.search.factory import open_text_index

REBUILD_FLAG = "index_rebuild_needed"


class Library:
    """Open with Library.open(); use read() and write() for sessions; close() when done."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.db_path = paths.database_path(directory)
        self.backup_path: Path | None = None
        try:
            directory.mkdir(parents=True, exist_ok=True)
            set_wal(self.db_path)
            self._reader = make_engine(self.db_path, immediate=False)
            self._writer = make_engine(self.db_path, immediate=True)
            self.backup_path = ensure_schema(self._writer, self.db_path)
        except (sqlite3.DatabaseError, DatabaseError) as exc:
            raise LibraryError(f"{self.db_path}: not a readable readerapp library ({exc})") from exc
        except OSError as exc:
            raise LibraryError(f"{directory}: cannot create the library here ({exc})") from exc
        self._read_sessions = sessionmaker(self._reader, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._writer, expire_on_commit=False)
        self.index: TextIndex = open_text_index(paths.index_dir(directory))

    @classmethod
    def open(
        cls,
        directory: Path | None = None,
        *,
        progress: ProgressSink = no_progress,
    ) -> Library:
        """Open (creating if needed) and repair a stale or missing index before returning."""
        library = cls(directory or paths.default_library_dir())
        try:
            library.repair_index(progress)
        except BaseException:
            library.close()
            raise
        return library

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot; it sees one consistent state of the library."""
        with self._read_sessions() as session, session.begin():
            yield session
            session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed whole at the end, or rolled back whole."""
        try:
            with self._write_sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise LibraryError(f"{self.db_path}: the library is busy in another readerapp; "
                                   "try again in a moment") from exc
            raise

    # The index is derived from SQLite. Every change marks its papers pending in the same
    # transaction; sync_index() applies them and clears the marks. A crash in between leaves
    # the marks for the next start.

    def sync_index(self, cancel: CancelToken | None = None) -> int:
        with self.read() as session:
            pending = list(session.scalars(select(IndexPendingRow.paper_id)))
            if not pending:
                return 0
            existing = set(queries.all_paper_ids(session)) if len(pending) > 2000 else None
            docs = queries.index_docs(session, pending)
        found = {doc.id for doc in docs}
        gone = [pid for pid in pending if pid not in found]
        if existing is not None:
            gone = [pid for pid in gone if pid not in existing]
        self.index.upsert(docs, cancel=cancel)
        if gone:
            self.index.delete(gone)
        with self.write() as session:
            for part in queries.chunks(pending):
                session.execute(delete(IndexPendingRow).where(IndexPendingRow.paper_id.in_(part)))
        return len(pending)

    def rebuild_index(self, progress: ProgressSink = no_progress,
                      cancel: CancelToken | None = None) -> int:
        self._set_meta(REBUILD_FLAG, "1")
        with self.read() as session:
            ids = queries.all_paper_ids(session)
            self.index.rebuild(queries.iter_index_docs(session, ids), len(ids), progress, cancel)
        with self.write() as session:
            session.execute(delete(IndexPendingRow))
            session.execute(delete(Meta).where(Meta.key == REBUILD_FLAG))
        return len(ids)

    def index_needs_rebuild(self) -> bool:
        with self.read() as session:
            flagged = session.get(Meta, REBUILD_FLAG) is not None
            count = queries.paper_count(session)
        return flagged or (self.index.was_missing and count > 0) or self.index.doc_count() != count

    def repair_index(self, progress: ProgressSink = no_progress) -> None:
        if self.index_needs_rebuild():
            self.rebuild_index(progress)
            self.index.was_missing = False
        else:
            self.sync_index()

    def _set_meta(self, key: str, value: str) -> None:
        with self.write() as session:
            session.merge(Meta(key=key, value=value))

    def close(self) -> None:
        index = getattr(self, "index", None)
        if index is not None:
            index.close()
        for engine in (getattr(self, "_reader", None), getattr(self, "_writer", None)):
            if engine is not None:
                engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
