"""`readerapp copy-library SRC DEST`: a whole library copied from one backend to another.

A folder library (SQLite) goes up to a server to be shared, a server library comes down to
a folder as an offline copy, or a folder is copied to another folder. Every table of the
schema is read row for row through SQLAlchemy Core, 5,000 rows at a time, and written with
INSERT (SQLite) or COPY (PostgreSQL), so the ids, stars, notes, tags, queues, rules and
history on the other side are exactly those of the source:

- the source is read in one read-only transaction (on a server, REPEATABLE READ), so the
  copy is one consistent state even while other machines write to it;
- the destination is written in one transaction: a failure or a cancel leaves it as it was;
- the destination must be empty, and both schemas at this readerapp's version;
- on PostgreSQL the id sequences are moved past the copied ids, so that the next paper
  added there does not collide with a copied one;
- the search index is not copied: it is derived, and the destination builds its own when
  it is first opened (index_pending is derived too, and stays behind);
- the files (PDFs) go along (services.file_copies): from a folder's files/ or a server's
  tables, into the server's tables in the same transaction, or into the folder's files/.

`readerapp backup` of a server library uses the same copy into a new SQLite file
(services.backups), without the files. At 100,000 generated papers (500,004 rows) on a
loaded 2-core machine with the server on it, a folder went up in 30 s and came back down in
31 s.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readerapp.core import paths
from readerapp.core.errors import LibraryError, UserError
from readerapp.core.location import LibraryLocation, ServerLocation
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.core.redact import safe_location, scrub
from readerapp.db.migrations import SCHEMA_VERSION
from readerapp.services.file_copies import FilesCopied, copy_files

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine, Row, Table

# Rows per read and per INSERT: large enough that a 100k-paper library is a few hundred
# statements, small enough that a batch of paper rows stays a few megabytes.
BATCH = 5000
# Derived tables, rebuilt by the destination itself: what its own search index still lacks.
DERIVED_TABLES = frozenset({"index_pending"})
# Meta rows that describe the source's index, not the library.
DERIVED_META = frozenset({"index_rebuild_needed"})
# Meta rows that describe the destination database itself: a server library's version.
DESTINATION_META = frozenset({"schema_version"})


@dataclass(frozen=True, slots=True)
class CopyReport:
    """What a copy wrote: rows per table (in the order copied), and where from and to (as
    shown: a server without its password)."""

    source: str
    destination: str
    rows: dict[str, int] = field(default_factory=dict)
    files: FilesCopied = field(default_factory=FilesCopied)

    @property
    def papers(self) -> int:
        return self.rows.get("papers", 0)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copied_tables() -> list[Table]:
    """Every table of the schema, parents before children (foreign keys hold at each
    INSERT), but the derived ones."""
    from readerapp.db.models import Base

    return [t for t in Base.metadata.sorted_tables if t.name not in DERIVED_TABLES]


def schema_version(conn: Connection) -> int:
    """The schema version of the library `conn` reads."""
    if conn.dialect.name == "sqlite":
        return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())
    from sqlalchemy import select

    from readerapp.db.migrations import SERVER_VERSION_KEY
    from readerapp.db.models import Meta

    value = conn.execute(select(Meta.value).where(Meta.key == SERVER_VERSION_KEY)).scalar()
    return 0 if value is None else int(value)


def occupied(conn: Connection) -> int:
    """How many rows the library holds in the tables a copy writes (meta aside: a new
    library already has its own). 0 for an empty library, or a database with no tables."""
    from sqlalchemy import func, inspect, select

    present = set(inspect(conn).get_table_names())
    rows = 0
    for table in copied_tables():
        if table.name in present and table.name != "meta":
            rows += int(conn.execute(select(func.count()).select_from(table)).scalar_one())
    return rows


def _paper_count(conn: Connection) -> int:
    from sqlalchemy import func, select

    from readerapp.db.models import PaperRow

    return int(conn.execute(select(func.count()).select_from(PaperRow)).scalar_one())


def _check_version(conn: Connection, shown: str) -> None:
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"{shown}: made by a newer readerapp (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); update readerapp to copy it"
        )
    if version != SCHEMA_VERSION:
        raise LibraryError(
            f"{shown}: schema {version}, this readerapp copies schema {SCHEMA_VERSION}; "
            f"open it once with this readerapp (it upgrades it), then copy it"
        )


def _reset_sequences(conn: Connection, tables: list[Table]) -> None:
    """PostgreSQL: each serial id's sequence continues after the largest copied id (the
    copy inserted explicit ids, which a sequence does not see).

    setval needs UPDATE on the sequence, which a lab's member does not hold (README grants
    members USAGE and SELECT on sequences: enough to add papers). A member copying into the
    library the owner made therefore draws the numbers instead, up to the largest copied id,
    with nextval, which USAGE allows: one statement per table, inside the server."""
    from sqlalchemy import Integer, func, select, text

    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        column = keys[0]
        if column.autoincrement is False:
            continue
        name = conn.execute(
            select(func.pg_get_serial_sequence(table.name, column.name))
        ).scalar_one_or_none()
        if name is None:
            continue
        may_set = conn.execute(select(func.has_sequence_privilege(name, "UPDATE"))).scalar_one()
        highest = conn.execute(select(func.coalesce(func.max(column), 0))).scalar_one()
        if may_set:
            conn.execute(select(func.setval(name, highest + 1, False)))
            continue
        # `name` is the server's own, quoted by pg_get_serial_sequence.
        last, called = conn.execute(text(f"SELECT last_value, is_called FROM {name}")).one()
        drawn = int(last) if called else int(last) - 1
        if highest > drawn:
            conn.execute(
                text("SELECT count(nextval(:seq)) FROM generate_series(1, :n)"),
                {"seq": name, "n": highest - drawn},
            )


def copy_tables(
    source: Connection,
    dest: Connection,
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
    source_location: LibraryLocation | None = None,
) -> dict[str, int]:
    """Copies every row of every table from `source` to `dest`, in batches, as they are (ids
    included). Both in their own transactions, which the caller commits or rolls back. A
    failed read says it was `source_location` that failed (the caller names the other)."""
    from sqlalchemy import delete, func, insert, select

    tables = copied_tables()
    with _translated(source_location):
        counts = {
            t.name: int(source.execute(select(func.count()).select_from(t)).scalar_one())
            for t in tables
        }
    total = sum(counts.values())
    done = 0
    progress(done, total, f"Copying {total:,} rows")
    copied: dict[str, int] = {}
    server = dest.dialect.name == "postgresql"
    for table in tables:
        query = select(table).order_by(*table.primary_key.columns)
        if table.name == "meta":
            # The source's facts replace the new library's own, but for what describes
            # the destination database itself (its schema version on a server) or the
            # source's own search index.
            dest.execute(delete(table).where(table.c.key.not_in(sorted(DESTINATION_META))))
            query = query.where(table.c.key.not_in(sorted(DERIVED_META | DESTINATION_META)))
        written = 0
        for part in _batches(source, query, source_location):
            if cancel is not None:
                cancel.check()
            if server:
                _copy_rows(dest, table, part)
            else:
                dest.execute(insert(table), [dict(row._mapping) for row in part])
            written += len(part)
            done += len(part)
            progress(done, total, f"Copying {table.name}: {done:,} / {total:,} rows")
        copied[table.name] = written
    if dest.dialect.name == "postgresql":
        _reset_sequences(dest, tables)
    return copied


def _copy_rows(dest: Connection, table: Table, rows: Sequence[Row[Any]]) -> None:
    """PostgreSQL's fast path: COPY ... FROM STDIN on the destination's own connection, in its
    transaction (several times the rows per second of a multi-row INSERT)."""
    quote = dest.dialect.identifier_preparer.quote
    columns = ", ".join(quote(c.name) for c in table.columns)
    driver = dest.connection.driver_connection
    assert driver is not None
    statement = f"COPY {quote(table.name)} ({columns}) FROM STDIN"  # names from models.py
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(tuple(row))


def _batches(
    source: Connection, query: Any, location: LibraryLocation | None
) -> Iterator[Sequence[Row[Any]]]:
    """The query's rows, BATCH at a time, streamed (a server-side cursor on PostgreSQL)."""
    with _translated(location):
        result = source.execution_options(yield_per=BATCH).execute(query)
        parts = result.partitions(BATCH)
    while True:
        with _translated(location):
            part = next(parts, None)
        if part is None:
            return
        yield part


# Where the rows come from and go to: a folder library's SQLite file (or a backup file), or
# a server database.


def _library_file(location: Path) -> Path:
    """A folder library's database, or the file itself when given one (a backup)."""
    return location if location.is_file() else paths.database_path(location)


@contextmanager
def _translated(location: LibraryLocation | None) -> Iterator[None]:
    """Driver errors as one line naming the library: a server that cannot be reached (or
    dropped the connection) as ServerUnreachable, anything else as a LibraryError. Used
    around each side's own statements, so that a failure names the side that failed."""
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except DBAPIError as exc:
        if location is None:
            raise
        if isinstance(location, ServerLocation):
            from readerapp.db.server import unreachable

            orig = exc.orig if exc.orig is not None else exc
            if exc.connection_invalidated or getattr(orig, "sqlstate", None) is None:
                raise unreachable(location, orig) from None
            why = scrub(" ".join(str(orig).split()))
            raise LibraryError(f"{location.shown}: {why}") from None
        raise LibraryError(f"{safe_location(location)}: {exc.orig}") from exc


@contextmanager
def _read_source(location: LibraryLocation) -> Iterator[Connection]:
    """One read-only transaction on the source: every table read from the same state (on a
    server REPEATABLE READ, so that writers elsewhere change nothing the copy sees)."""
    if isinstance(location, ServerLocation):
        from readerapp.db.server import holds_library, make_server_engine

        if not holds_library(location):
            raise UserError(f"{location.shown}: there is no readerapp library here to copy")
        engine = make_server_engine(location)
        options: dict[str, object] = {
            "isolation_level": "REPEATABLE READ",
            "postgresql_readonly": True,
        }
    else:
        from readerapp.db.engine import make_engine

        db_path = _library_file(location)
        if not db_path.is_file():
            raise UserError(f"{location}: there is no readerapp library here to copy")
        engine = make_engine(db_path, immediate=False)
        options = {}
    try:
        with _translated(location), engine.connect() as conn:
            conn = conn.execution_options(**options)
            with conn.begin():
                yield conn  # what the caller does here names its own failures
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{location}: not a readable readerapp library ({exc})") from exc
    finally:
        engine.dispose()


def _sqlite_destination(db_path: Path) -> Engine:
    """An engine on a SQLite library file at the current schema, made if it is missing.
    An existing one is checked before anything writes to it: a library with papers, or of
    another version, is left untouched."""
    from readerapp.db.engine import make_engine, set_wal
    from readerapp.db.migrations import ensure_schema, refuse_newer

    refuse_newer(db_path)
    engine = make_engine(db_path, immediate=True)
    try:
        if db_path.exists():
            with engine.connect() as conn, conn.begin():
                _refuse_occupied(conn, str(db_path.parent))
        db_path.parent.mkdir(parents=True, exist_ok=True)
        set_wal(db_path)
        ensure_schema(engine, db_path)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _server_destination(location: ServerLocation) -> Engine:
    """An engine on a server database with the current schema, created there if the
    database is empty; one that holds papers is refused before anything is written."""
    from sqlalchemy import inspect

    from readerapp.db.migrations import ensure_server_schema
    from readerapp.db.server import make_server_engine

    engine = make_server_engine(location)
    try:
        with _translated(location):
            with engine.connect() as conn:
                if "meta" in inspect(conn).get_table_names():
                    _check_version(conn, location.shown)
                    _refuse_occupied(conn, location.shown)
            ensure_server_schema(engine, location.shown)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _refuse_occupied(conn: Connection, shown: str) -> None:
    if occupied(conn) == 0:
        return
    papers = _paper_count(conn)
    what = f"{papers:,} papers" if papers else "queues, tags or rules but no papers"
    raise UserError(
        f"{shown}: already holds a library ({what}); copy-library writes only into an empty one"
    )


def _same(source: LibraryLocation, destination: LibraryLocation) -> bool:
    if isinstance(source, ServerLocation) or isinstance(destination, ServerLocation):
        return (
            isinstance(source, ServerLocation)
            and isinstance(destination, ServerLocation)
            and source.key == destination.key
        )
    return _library_file(source).resolve() == paths.database_path(destination).resolve()


def copy_library(
    source: LibraryLocation,
    destination: LibraryLocation,
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> CopyReport:
    """Copies the library at `source` (a folder, a backup file or a server database) into
    the empty library at `destination` (a folder or a server database, created when
    missing); see the module's docstring."""
    shown_source, shown_dest = safe_location(_shown(source)), safe_location(_shown(destination))
    if _same(source, destination):
        raise UserError(f"{shown_dest}: that is the library being copied")
    if isinstance(destination, ServerLocation):
        with _read_source(source) as src:
            _check_version(src, shown_source)
            engine = _server_destination(destination)
            try:
                with _translated(destination), engine.begin() as dest:
                    _check_version(dest, shown_dest)
                    _refuse_occupied(dest, shown_dest)
                    rows = copy_tables(
                        src, dest, progress=progress, cancel=cancel, source_location=source
                    )
                    files = copy_files(src, source, dest, progress=progress, cancel=cancel)
            finally:
                engine.dispose()
        return CopyReport(shown_source, shown_dest, rows, files)
    if destination.is_file():
        raise UserError(f"{shown_dest}: is a file; name a folder (or a server URL) to copy to")
    rows, files = _copy_to_file(
        source, paths.database_path(destination), progress, cancel, files_to=destination
    )
    return CopyReport(shown_source, shown_dest, rows, files)


def copy_to_file(
    source: LibraryLocation,
    db_path: Path,
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> dict[str, int]:
    """Copies the library at `source` into the SQLite library file `db_path` (made if
    missing, else empty); returns the rows copied per table. A file this made is removed
    again if the copy fails. The files (PDFs) stay where they are (a backup)."""
    return _copy_to_file(source, db_path, progress, cancel, files_to=None)[0]


def _copy_to_file(
    source: LibraryLocation,
    db_path: Path,
    progress: ProgressSink,
    cancel: CancelToken | None,
    *,
    files_to: Path | None,
) -> tuple[dict[str, int], FilesCopied]:
    """copy_to_file(), and the files into the folder `files_to` when given, before the
    rows commit: a failure or a cancel among the files leaves no library behind either."""
    made = not db_path.exists()
    shown_source = safe_location(_shown(source))
    try:
        with _read_source(source) as src:
            _check_version(src, shown_source)
            engine = _sqlite_destination(db_path)
            try:
                with _translated(db_path.parent), engine.begin() as dest:
                    _check_version(dest, str(db_path.parent))
                    _refuse_occupied(dest, str(db_path.parent))
                    rows = copy_tables(
                        src, dest, progress=progress, cancel=cancel, source_location=source
                    )
                    files = FilesCopied()
                    if files_to is not None:
                        files = copy_files(src, source, files_to, progress=progress, cancel=cancel)
                    return rows, files
            finally:
                engine.dispose()
    except BaseException:
        if made:  # leave no half-made library behind, only what was there
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        raise


def _shown(location: LibraryLocation) -> str:
    return location.shown if isinstance(location, ServerLocation) else str(location)


def describe(report: CopyReport) -> str:
    """The one line the command prints."""
    others = report.total - report.papers
    return (
        f"copied {report.papers:,} papers and {others:,} other rows from {report.source} "
        f"to {report.destination}; its search index is built when it is first opened"
    )


def describe_files(report: CopyReport) -> tuple[str | None, list[str]]:
    """The line about the files copied (None for none), and one line for each file left
    out (the command prints those on stderr)."""
    files = report.files
    line = None
    if files.count:
        line = f"copied {files.count:,} PDFs ({files.size / (1024 * 1024):,.1f} MB) with it"
    left_out = [f"{report.source}: {why}; not copied" for why in files.left_out]
    return line, left_out
