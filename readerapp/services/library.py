"""An open library: its database (a SQLite file in a folder, or a PostgreSQL server
database), its engines and the text index derived from it, kept in a folder on this machine.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from readerapp.core import paths
from readerapp.core.clock import SYSTEM_CLOCK, Clock
from readerapp.core.errors import Cancelled, IndexBusy, LibraryError, UserError, WrongThread
from readerapp.core.location import (
    LibraryLocation,
    ServerLocation,
    local_dir,
    parse_location,
    shown,
)
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.core.testhooks import pause_point
from readerapp.db import journal, reads
from readerapp.db.dbapi import DbConnection, driver_sql
from readerapp.db.engine import ReadConnections, busy_error, set_wal
from readerapp.db.migrations import is_current, refuse_newer, server_is_current
from readerapp.search.engine import TextIndex
from readerapp.search.factory import DEFAULT_ENGINE, ENGINES, open_text_index
from readerapp.services import catch_up

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from readerapp.db.server import ServerReadConnections
    from readerapp.db.sessions import OrmSessions

REBUILD_FLAG = "index_rebuild_needed"
# The library's text engine, so that every start (CLI or GUI) opens the index it built.
ENGINE_KEY = "search_engine"
# A server library's index is each machine's own, and so is its engine (a laptop may keep
# Whoosh where a desktop has tantivy): the engine that machine's index was built with is kept
# beside it, as its journal cursor is (`index.engine` beside `index` and `index.seq`). The
# library's ENGINE_KEY is then only the first choice of a machine that has none yet.
MACHINE_ENGINE_SUFFIX = ".engine"
# How long a catch-up waits for another process's index writer before leaving its papers
# marked for later (sync_index): enough for another edit's commit, not for another import's
# indexing, which holds the writer for minutes.
BUSY_WAIT_S = 2.0
# The papers whose indexed content changed after a journal number (?): a catch-up that began
# at that number has not read those changes, so their marks must outlive its clearing.
_CHANGED_SINCE = "SELECT paper_id FROM journal_papers WHERE seq > ? AND indexed = TRUE"


class Library:
    """Open with Library.open(); use read() and write() for ORM sessions, snapshot() for
    plain reads; close() when done."""

    def __init__(self, location: LibraryLocation | str) -> None:
        """`location` is a folder (a SQLite library, created if needed) or a server URL
        (`postgresql://user@host/db`; a string is read as core.location.parse_location)."""
        if isinstance(location, str):
            location = parse_location(location)
        self.location: LibraryLocation = location
        self.server = location if isinstance(location, ServerLocation) else None
        # The folder on this machine: the library itself (SQLite), or, for a server library,
        # this machine's cache folder for it (index, look-up cache, PDFs, backups).
        self.directory = local_dir(location)
        # How messages name the library: its folder or database file, or the server URL
        # without its password.
        self.shown = shown(location)
        # What the library's one-line errors name: the SQLite file, or the server URL.
        self.where = self.shown
        # What "now" and "today" are for the reading routine (Inbox, snooze, re-reading,
        # Today, statistics) and date filters: tests fix it.
        self.clock: Clock = SYSTEM_CLOCK
        # The SQLite file; for a server library no such file is ever made.
        self.db_path = paths.database_path(self.directory)
        self._writer_thread: int | None = None
        # Who this library's changes are recorded as made by (the member property), and the
        # journal numbers of the changes made through this object: the others are remote.
        self._member: str | None = None
        self.own_changes: set[int] = set()
        # A server library's index whose cursor the pruned journal no longer reaches: the
        # next catch-up is a rebuild, and says why.
        self.stale_index = False
        # A catch-up found the index's writer held by another process and left its papers
        # for later (sync_index): what was saved is not yet all searchable.
        self.index_behind = False
        # ... because another process was rebuilding the whole index.
        self.rebuild_behind = False
        self.backup_path: Path | None = None
        self._orm_sessions: OrmSessions | None = None
        self._orm_lock = threading.Lock()
        self._reads: ReadConnections | ServerReadConnections
        if self.server is not None:
            self._open_server(self.server)
        else:
            self._open_file(self.directory)
        self.engine = self._chosen_engine()
        self.index: TextIndex = open_text_index(paths.index_dir(self.directory), self.engine)

    @property
    def member(self) -> str:
        """Who this library's changes are recorded as made by (core.settings), read at the
        first write: a command that only reads (`readerapp search`) neither reads the
        settings file nor imports platformdirs for its folder."""
        if self._member is None:
            from readerapp.core.settings import load_settings

            self._member = load_settings().effective_member
        return self._member

    @member.setter
    def member(self, name: str) -> None:
        self._member = name

    def _open_file(self, directory: Path) -> None:
        self.where = str(self.db_path)
        self._reads = ReadConnections(self.db_path)
        try:
            directory.mkdir(parents=True, exist_ok=True)
            refuse_newer(self.db_path)
            set_wal(self.db_path)
            if not is_current(self.db_path):
                self.backup_path = self._orm().ensure_schema()
        except sqlite3.DatabaseError as exc:
            why = str(exc)
            if "locked" in why or "busy" in why:  # creating or migrating waits for a writer
                raise busy_error(self.db_path) from exc
            raise LibraryError(f"{self.db_path}: not a readable readerapp library ({why})") from exc
        except OSError as exc:
            raise LibraryError(f"{directory}: cannot create the library here ({exc})") from exc

    def _open_server(self, server: ServerLocation) -> None:
        """Connect (ServerUnreachable if the server does not answer), refuse a newer schema,
        create or migrate the database, and make this machine's folder for it."""
        from readerapp.db.server import ServerReadConnections

        self._reads = reads_ = ServerReadConnections(server)
        try:
            with reads_.snapshot() as conn:
                current = server_is_current(conn, self.shown)
            if not current:
                self._orm().ensure_schema()
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reads_.close()
            raise LibraryError(
                f"{self.directory}: cannot make this machine's folder for {self.shown} ({exc})"
            ) from exc
        except BaseException:
            reads_.close()
            if self._orm_sessions is not None:
                self._orm_sessions.dispose()
            raise

    def _orm(self) -> OrmSessions:
        """The ORM's engines and sessions, made on first use: a library that is only searched
        (`readerapp search`, reads through snapshot()) never imports SQLAlchemy, half a
        second of a command that otherwise takes a tenth of that."""
        with self._orm_lock:
            if self._orm_sessions is None:
                from readerapp.db.sessions import OrmSessions

                self._orm_sessions = OrmSessions(self.location, self.db_path)
            return self._orm_sessions

    @classmethod
    def open(
        cls,
        directory: LibraryLocation | str | None = None,
        *,
        progress: ProgressSink = no_progress,
        repair: bool = True,
    ) -> Library:
        """Open (creating if needed) and repair a stale or missing index before returning.

        repair=False returns at once; the caller then runs repair_index() itself, e.g. the
        GUI in the background while the table already shows the papers.
        """
        library = cls(directory or paths.default_location())
        if not repair:
            return library
        try:
            library.repair_index(progress)
        except BaseException:
            library.close()
            raise
        return library

    def _chosen_engine(self) -> str:
        """The engine the library remembers; a new library takes $READERAPP_ENGINE or the
        default and remembers that. A server library's engine is this machine's choice
        (beside its index); a machine without one (new, or its cache deleted) starts with
        the library's."""
        if self.server is not None and (mine := self._machine_engine()) is not None:
            return mine
        with self.snapshot() as conn:
            chosen = reads.meta_value(conn, ENGINE_KEY)
        if chosen not in ENGINES:
            chosen = os.environ.get(paths.ENGINE_ENV, "").strip().lower() or DEFAULT_ENGINE
            if chosen not in ENGINES:
                raise LibraryError(
                    f"${paths.ENGINE_ENV}={chosen!r} is not a search engine; use "
                    + " or ".join(ENGINES)
                )
            self._set_meta(ENGINE_KEY, chosen)
        if self.server is not None:
            self._remember_engine(chosen)
        return chosen

    def _machine_engine_path(self) -> Path:
        index = self._index_dir()
        return index.with_name(index.name + MACHINE_ENGINE_SUFFIX)

    def _machine_engine(self) -> str | None:
        """The engine this machine's index of a server library is built with, if it says."""
        try:
            chosen = self._machine_engine_path().read_text(encoding="ascii").strip()
        except (OSError, ValueError):
            return None
        return chosen if chosen in ENGINES else None

    def _remember_engine(self, engine: str) -> None:
        """Where the engine is remembered: in the library (a folder library's one index),
        or beside this machine's index of a server library, where no other machine looks."""
        if self.server is None:
            self._set_meta(ENGINE_KEY, engine)
            return
        path = self._machine_engine_path()
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(engine + "\n", encoding="ascii")
        temporary.replace(path)  # whole or not at all: a crash leaves the old choice

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only ORM session; it sees one consistent state of the library."""
        with self._orm().read() as session:
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[DbConnection]:
        """A read-only plain connection that sees one consistent state of the library, for
        the reads in db.reads: no ORM, so nothing to import or map (searches use this).
        sqlite3's own connection for a folder library, db.dbapi.PgConnection for a server."""
        with self._reads.snapshot() as conn:
            yield conn

    def bind_writes_to_this_thread(self) -> None:
        """From now on only the calling thread may write. The window calls this on its one
        worker: a write from the GUI thread would freeze the window for as long as another
        process's transaction holds the file (up to the busy timeout), so it is a bug, and
        it fails at once instead of only when the file is busy."""
        self._writer_thread = threading.get_ident()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed whole at the end, or rolled back whole."""
        if self._writer_thread is not None and threading.get_ident() != self._writer_thread:
            raise WrongThread(
                f"a write to {self.where} ran on thread {threading.current_thread().name!r}, "
                "not on the library's worker"
            )
        with self._orm().write() as session:
            session.info[journal.MEMBER] = self.member
            yield session
            # The journal entry of what this transaction changed: its last statements, so
            # that it commits or rolls back with the change.
            at = self.clock.now().astimezone(dt.UTC).replace(tzinfo=None)
            seq = journal.record(session, self.member, at)
            if seq is not None:
                self.own_changes.add(seq)

    # The index is derived from the database. In a folder library every change marks its
    # papers pending in the same transaction; sync_index() applies them and clears the marks.
    # A crash in between leaves the marks for the next start. A server library has one index
    # per machine: each catches up from the change journal instead (services.catch_up).

    def sync_index(
        self,
        cancel: CancelToken | None = None,
        progress: ProgressSink = no_progress,
        *,
        batch: int | None = None,
        busy_wait: float = BUSY_WAIT_S,
    ) -> int:
        """Index every pending paper, `batch` at a time (the engine's batch size by default);
        returns how many were indexed.

        When another readerapp process holds the index's writer longer than `busy_wait`
        seconds, nothing is indexed and nothing fails: the change that asked is saved
        already, its papers stay marked (a server library: its cursor stays), index_behind
        says so, and the next catch-up, here or in that process, indexes them. A long
        import's catch-up holds the writer for minutes, and an edit or a command in another
        process must not fail for it.
        """
        count = 0
        with self._unless_busy(busy_wait):
            count = self._sync_index(cancel, progress, batch)
        return count

    @contextmanager
    def _unless_busy(self, busy_wait: float, *, rebuild: bool = False) -> Iterator[None]:
        """Within it, an index writer that another process holds for longer than `busy_wait`
        seconds ends the block quietly and sets index_behind (and rebuild_behind for a
        rebuild); a block that ends normally clears them: what was left behind was pending
        here too."""
        timeout = self.index.writer_timeout
        self.index.writer_timeout = busy_wait
        try:
            yield
            self.index_behind = self.rebuild_behind = False
        except IndexBusy:
            self.index_behind = True
            self.rebuild_behind = self.rebuild_behind or rebuild
        finally:
            self.index.writer_timeout = timeout

    def _sync_index(
        self, cancel: CancelToken | None, progress: ProgressSink, batch: int | None
    ) -> int:
        """sync_index() until the index is busy elsewhere.

        More than one batch is written as one index commit (TextIndex.bulk: Whoosh then
        writes one segment, with nothing to merge after; tantivy's threads index a batch
        while the next is read and analysed, with one commit), and the marks are cleared only
        once that commit holds their papers: a crash re-indexes them all next time, a cancel
        commits and clears the batches finished. Large runs report "Indexing 41,000 /
        100,000", then let the engine merge what is left in parts (TextIndex.settle: never
        after a small edit's single batch).
        """
        if self.server is not None:
            return self._catch_up(cancel, progress, batch)
        with self.snapshot() as conn:
            pending = reads.pending_ids(conn)
            seen = journal.latest(conn)  # every change up to it is in what will be read
        total = len(pending)
        if not total:
            return 0
        batch = batch or self.index.batch_size
        if total <= batch:
            self._index_part(pending, cancel)
            pause_point("index-batch-written")  # in the index, marks not yet cleared
            self._clear_marks(pending, batch, seen)
            return total
        indexed: list[int] = []
        try:
            with self.index.bulk():
                for part in reads.chunks(pending, batch):
                    self._index_part(part, cancel)
                    indexed.extend(part)
                    progress(len(indexed), total, f"Indexing {len(indexed):,} / {total:,}")
        except Cancelled:
            self._clear_marks(indexed, batch, seen)  # the bulk committed the finished batches
            raise
        pause_point("index-batch-written")  # in the index, marks not yet cleared
        self._clear_marks(pending, batch, seen)
        self.index.settle(progress, cancel)
        return total

    def _clear_marks(self, ids: Sequence[int], batch: int, seen: int) -> None:
        """The papers' pending marks, once the index commit that holds them is made; `seen`
        is the journal's last number when the catch-up began.

        A mark is one row per paper, so a process that changes a paper after the catch-up
        read it finds the mark already there, and its own catch-up may find the index busy
        (sync_index): clearing that mark would lose the change from the index until a
        rebuild. The journal says which papers changed after `seen`; their marks stay."""
        with self.write() as session:
            for part in reads.chunks(ids, batch):  # within SQLite's bound parameters
                marks = ",".join("?" * len(part))
                driver_sql(
                    session.connection(),
                    f"DELETE FROM index_pending WHERE paper_id IN ({marks}) "
                    f"AND paper_id NOT IN ({_CHANGED_SINCE})",
                    (*part, seen),
                )

    def _index_part(self, part: Sequence[int], cancel: CancelToken | None) -> None:
        """Brings these papers' index entries up to date (deleting those of papers gone)."""
        if cancel is not None:
            cancel.check()
        # Imported when there is indexing to do: reading documents needs the ORM's session.
        from readerapp.db import queries

        with self.read() as session:
            docs = queries.index_docs(session, part)
        found = {doc.id for doc in docs}
        self.index.upsert(docs, cancel=cancel)
        if gone := [pid for pid in part if pid not in found]:
            self.index.delete(gone)

    def _catch_up(
        self, cancel: CancelToken | None, progress: ProgressSink, batch: int | None
    ) -> int:
        """sync_index() of a server library: the papers changed since the journal number
        this machine's index applied, then that number moved on."""
        folder = self._index_dir()
        start = catch_up.read_cursor(folder) or catch_up.Cursor(0)
        with self.snapshot() as conn:
            if catch_up.is_stale(conn, start):
                self.stale_index = True
            else:
                backlog = catch_up.backlog(conn, start)
        if self.stale_index:  # what it missed is no longer in the journal
            return self.rebuild_index(progress, cancel)
        total = len(backlog.ids)
        batch = batch or self.index.batch_size
        if 0 < total <= batch:
            self._index_part(backlog.ids, cancel)
            pause_point("index-batch-written")  # in the index, the cursor not yet moved
            catch_up.write_cursor(folder, backlog.cursor_after(total))
        elif total:
            # As sync_index: one index commit for all the batches, the cursor moved once
            # that commit holds them (after a cancel, past the batches finished).
            indexed = 0
            try:
                with self.index.bulk():
                    for part in reads.chunks(backlog.ids, batch):
                        self._index_part(part, cancel)
                        indexed += len(part)
                        progress(indexed, total, f"Indexing {indexed:,} / {total:,}")
            except Cancelled:
                catch_up.write_cursor(folder, backlog.cursor_after(indexed))
                raise
            pause_point("index-batch-written")  # in the index, the cursor not yet moved
            catch_up.write_cursor(folder, backlog.cursor_after(total))
            self.index.settle(progress, cancel)
        if not total and backlog.top > start.whole:
            catch_up.set_applied(folder, backlog.top)  # changes the index does not hold
        return total

    def _index_dir(self) -> Path:
        return paths.index_dir(self.directory)

    def pending_count(self) -> int:
        """Papers saved but not yet searchable by text: search results may be incomplete."""
        with self.snapshot() as conn:
            if self.server is None:
                return reads.pending_count(conn)
            cursor = catch_up.read_cursor(self._index_dir())
            if cursor is None or catch_up.is_stale(conn, cursor):
                return reads.paper_count(conn)
            return len(catch_up.backlog(conn, cursor).ids)

    @staticmethod
    def papers_changed(session: Session) -> None:
        """Inside the write transaction that adds or deletes papers or changes a sort column:
        tells the sort caches of every process (services.sorting) that their orders are old.
        In the same transaction, so a reader sees the new papers and the new version together,
        and a rolled-back or crashed write bumps nothing."""
        driver_sql(
            session.connection(),
            "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE "
            "SET value = CAST(meta.value AS INTEGER) + 1",
            (reads.PAPERS_VERSION_KEY,),
        )

    def rebuild_index(
        self, progress: ProgressSink = no_progress, cancel: CancelToken | None = None
    ) -> int:
        from readerapp.db import queries  # the ORM's reads; a rebuild needs them anyway

        top = self._journal_top()
        self._mark_incomplete()
        with self.read() as session:
            ids = queries.all_paper_ids(session)
            if not ids:  # a new library, or a new machine's first look: nothing to announce
                progress = no_progress
            progress(0, len(ids), self._rebuild_message(len(ids)))
            self.index.rebuild(queries.iter_index_docs(session, ids), len(ids), progress, cancel)
        self._index_complete(top)
        self.stale_index = False
        return len(ids)

    def _mark_incomplete(self) -> None:
        """The index is not complete until _index_complete: the rebuild flag in a folder
        library, no cursor for a server library's index."""
        if self.server is None:
            self._set_meta(REBUILD_FLAG, "1")
        else:
            catch_up.forget(self._index_dir())

    def _journal_top(self) -> int:
        """The journal number a rebuild will hold at least, read before it reads the papers:
        changes committed after it are caught up afterwards (indexing some twice is
        harmless): from the journal on a server, by the marks they keep in a folder
        library."""
        with self.snapshot() as conn:
            return journal.latest(conn)

    def _rebuild_message(self, count: int) -> str:
        if self.index.upgraded_from is not None:
            return (
                f"Updating the search index for this version of readerapp ({count:,} papers, once)"
            )
        if self.stale_index:
            return (
                "This machine's search index is older than the library's change journal "
                f"reaches back ({journal.KEEP_DAYS} days): rebuilding it ({count:,} papers)"
            )
        return f"Rebuilding the search index ({count:,} papers)"

    def _index_complete(self, top: int = 0) -> None:
        """The index holds every paper: no marks, no rebuild flag (a server library's index:
        it holds every change up to journal number `top`)."""
        if self.server is not None:
            catch_up.set_applied(self._index_dir(), top)
            return
        with self.write() as session:
            conn = session.connection()
            # As _clear_marks: a paper changed after the rebuild began keeps its mark.
            driver_sql(
                conn, f"DELETE FROM index_pending WHERE paper_id NOT IN ({_CHANGED_SINCE})", (top,)
            )
            driver_sql(conn, "DELETE FROM meta WHERE key = ?", (REBUILD_FLAG,))

    def index_needs_rebuild(self) -> bool:
        """True when the index cannot be brought up to date from the pending marks alone (a
        server library's index: from the journal since its cursor)."""
        with self.snapshot() as conn:
            count = reads.paper_count(conn)
            if self.server is None:
                flagged = reads.meta_value(conn, REBUILD_FLAG) is not None
                pending = reads.pending_count(conn)
            else:
                cursor = catch_up.read_cursor(self._index_dir())
                if cursor is not None and catch_up.is_stale(conn, cursor):
                    self.stale_index = True
                flagged = cursor is None or self.stale_index
                pending = 0
                if cursor is not None and not flagged:
                    pending = len(catch_up.backlog(conn, cursor).ids)
        if flagged or (self.index.was_missing and count > 0):
            return True
        # Papers committed without indexing (import with index=False, then the app closed)
        # are pending, not lost: syncing them is cheaper than a rebuild.
        docs = self.index.doc_count()
        return not count - pending <= docs <= count + pending

    def repair_index(
        self, progress: ProgressSink = no_progress, cancel: CancelToken | None = None
    ) -> None:
        if not self.index_needs_rebuild():
            self.sync_index(cancel, progress)
            return
        # Another readerapp rebuilding it (both started after an upgrade) holds the writer
        # for the whole rebuild: this one then opens without, its searches may miss papers
        # meanwhile (rebuild_behind says so), and the index stays flagged until one ends.
        with self._unless_busy(BUSY_WAIT_S, rebuild=True):
            self.rebuild_index(progress, cancel)
            self.index.was_missing = False
            self.index.upgraded_from = None

    def switch_engine(
        self, engine: str, progress: ProgressSink = no_progress, cancel: CancelToken | None = None
    ) -> int:
        """Rebuild the index with another engine and remember it (a server library: on this
        machine only, see MACHINE_ENGINE_SUFFIX); returns papers indexed.

        The new index is built beside the old one, which keeps answering until the swap: a
        cancel (or a crash) during the build leaves the library on its old engine, as it
        was. The swap itself runs under the rebuild flag, so a crash there makes the next
        start rebuild with whichever engine the library then remembers.
        """
        if engine not in ENGINES:
            raise UserError(f"unknown search engine {engine!r}; use " + " or ".join(ENGINES))
        final = paths.index_dir(self.directory)
        aside = final.with_name(final.name + ".new")
        shutil.rmtree(aside, ignore_errors=True)
        from readerapp.db import queries  # the ORM's reads; a rebuild needs them anyway

        top = self._journal_top()
        fresh = open_text_index(aside, engine)
        try:
            with self.read() as session:
                ids = queries.all_paper_ids(session)
                fresh.rebuild(queries.iter_index_docs(session, ids), len(ids), progress, cancel)
        except BaseException:
            fresh.close()
            shutil.rmtree(aside, ignore_errors=True)
            raise
        fresh.close()
        self._mark_incomplete()
        self.index.close()
        shutil.rmtree(final, ignore_errors=True)
        aside.rename(final)
        self._remember_engine(engine)
        self.engine = engine
        self.index = open_text_index(final, engine)
        # The one worker (GUI) or the library lock (CLI) kept writers out during the build,
        # so the new index holds every paper the marks point at. (On a server, other machines
        # wrote meanwhile: the journal since `top` brings those in.)
        self._index_complete(top)
        return len(ids)

    def _set_meta(self, key: str, value: str) -> None:
        with self.write() as session:
            driver_sql(
                session.connection(),
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def close(self) -> None:
        index = getattr(self, "index", None)
        if index is not None:
            index.close()
        self._reads.close()
        if self._orm_sessions is not None:
            self._orm_sessions.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# Past this many papers Whoosh misses the search budget (p95 ≤ 100 ms; prefix and fuzzy
# ≤ 300 ms): the size the benchmark finds (docs/benchmarks.md: at 10k its p95 is already
# 125-165 ms for AND and phrase queries and 326 ms for fuzzy ones, at 20k twice that).
# tantivy meets the budget at 100k.
WHOOSH_COMFORT_LIMIT = 10_000
# Past this many PDFs with their text, Whoosh misses the same budget: a paper's full text is
# about a hundred abstracts (docs/benchmarks.md, "PDFs": with 2,000 PDFs its phrase queries
# take seconds, tantivy's stay near 50 ms).
WHOOSH_FULLTEXT_LIMIT = 200


def engine_advice(library: Library) -> str | None:
    """A suggestion to switch engines when the library outgrew Whoosh, else None (the GUI
    shows it; the CLI could print it)."""
    if library.engine != "whoosh":
        return None
    with library.snapshot() as conn:
        count = reads.paper_count(conn)
        files = int(reads.scalar(conn, "SELECT count(*) FROM paper_files") or 0)
    if files > WHOOSH_FULLTEXT_LIMIT and count <= WHOOSH_COMFORT_LIMIT:
        return (
            f"This library keeps {files:,} PDFs, whose text is searched too. Above "
            f"{WHOOSH_FULLTEXT_LIMIT:,}, searches with the Whoosh engine can take longer "
            "than a keystroke should; the tantivy engine stays fast. Switch with `readerapp "
            "reindex --engine tantivy` (the index is rebuilt once; nothing else changes)."
        )
    if count <= WHOOSH_COMFORT_LIMIT:
        return None
    return (
        f"This library has {count:,} papers. Above {WHOOSH_COMFORT_LIMIT:,}, searches with "
        "the Whoosh engine can take longer than a keystroke should; the tantivy engine "
        "stays fast at 100,000 papers and more. Switch with `readerapp reindex --engine "
        "tantivy` (the index is rebuilt once; nothing else changes)."
    )
