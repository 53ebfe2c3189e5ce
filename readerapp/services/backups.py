"""`readerapp backup` and `readerapp restore`: consistent copies of the library file.

A server library's backup is a SQLite library file too, written by copy-library's service
from one REPEATABLE READ snapshot of the server database (see _backup_server).

A backup goes through SQLite's online backup API, never a file copy: the library may be in
use (the desktop app saving a note, a WAL not yet checkpointed), and the backup API copies one
committed state. Restoring checks the file first, keeps the current library as a backup, and
marks the index for a rebuild (it describes the old papers).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from readerapp.core import paths
from readerapp.core.errors import InputError, LibraryError, UserError
from readerapp.core.location import LibraryLocation, ServerLocation, local_dir
from readerapp.core.lockfile import LibraryLock
from readerapp.db.engine import connect_read_only
from readerapp.db.migrations import SCHEMA_VERSION
from readerapp.services.library import REBUILD_FLAG

BACKUP_FOLDER = "backups"
# Tables a readerapp library of any version has; a file without them is something else.
_REQUIRED_TABLES = {"papers", "notes", "queues", "queue_entries", "tags", "paper_tags", "meta"}


def default_backup_path(library_dir: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return library_dir / BACKUP_FOLDER / f"library-{stamp}.sqlite"


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup from `source` to a new file at `target` (atomic rename)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = connect_read_only(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # A backup is one self-contained file: no -wal beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(partial, target)


def backup(library: LibraryLocation, target: Path | None = None) -> Path:
    """Writes a consistent copy of the library to `target` (default: backups/ with a time
    stamp, in this machine's folder of a server library) and returns its path."""
    if isinstance(library, ServerLocation):
        return _backup_server(library, target)
    library_dir = library
    db_path = paths.database_path(library_dir)
    if not db_path.exists():
        raise UserError(f"{library_dir}: there is no library here to back up")
    target = target or default_backup_path(library_dir)
    if target.exists() and target.is_dir():
        target = target / default_backup_path(library_dir).name
    if target.resolve() == db_path.resolve():
        raise UserError(f"{target}: that is the library itself")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy(db_path, target)
    except sqlite3.Error as exc:
        raise LibraryError(f"{db_path}: the backup failed ({exc})") from exc
    except OSError as exc:
        raise UserError(f"{target}: cannot write the backup ({exc.strerror})") from exc
    return target


def _backup_server(location: ServerLocation, target: Path | None) -> Path:
    """A server library as one SQLite library file, read in one REPEATABLE READ snapshot
    (services.copying): what the library held at one moment, however many machines write
    to it meanwhile. `readerapp restore` or `copy-library` bring it back."""
    from readerapp.db.server import holds_library
    from readerapp.services import copying

    if not holds_library(location):  # as for a folder: a mistyped URL makes no backup
        raise UserError(f"{location.shown}: there is no library here to back up")
    folder = local_dir(location)
    target = target or default_backup_path(folder)
    if target.exists() and target.is_dir():
        target = target / default_backup_path(folder).name
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        copying.copy_to_file(location, partial)
        # A backup is one self-contained file: no -wal beside it.
        conn = sqlite3.connect(partial)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        os.replace(partial, target)
    except OSError as exc:
        raise UserError(f"{target}: cannot write the backup ({exc.strerror})") from exc
    return target


def files_note(library_dir: Path) -> str | None:
    """What a backup leaves out: the library's PDFs stay in its files/ folder (a backup is
    one SQLite file, safe to take while the app runs). None when there are none."""
    folder = library_dir / "files"
    if not folder.is_dir():
        return None
    files = [p for p in folder.rglob("*.pdf") if p.is_file()]
    if not files:
        return None
    size = sum(p.stat().st_size for p in files)
    return (
        f"the backup holds the database only, not the {len(files):,} PDFs "
        f"({size / (1024 * 1024):,.1f} MB) in {folder}; copy that folder to keep them"
    )


def server_files_note(location: ServerLocation) -> str | None:
    """What a server library's backup leaves out: its PDFs, kept in the server (a backup is
    one SQLite file of the rows). None when the server keeps none."""
    from readerapp.db import reads
    from readerapp.db.dbapi import PgConnection
    from readerapp.db.server import connect

    raw = connect(location)
    try:
        conn = PgConnection(raw)
        if not reads.scalar(conn, "SELECT to_regclass('file_blobs') IS NOT NULL"):
            return None
        count, size = conn.execute("SELECT count(*), sum(size) FROM file_blobs").fetchone()
    finally:
        raw.close()
    if not count:
        return None
    return (
        f"the backup holds the database only, not the {count:,} PDFs "
        f"({int(size) / (1024 * 1024):,.1f} MB) kept in {location.shown}; `readerapp "
        "copy-library` of the library to a folder copies them too"
    )


def validate(path: Path) -> int:
    """The schema version of a readerapp library file, or an InputError saying why not."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        conn = connect_read_only(path)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{path}: not a readerapp library ({exc})") from exc
    if missing := _REQUIRED_TABLES - tables:
        raise InputError(
            f"{path}: not a readerapp library (no {', '.join(sorted(missing))} tables)"
        )
    if integrity != ["ok"]:
        raise InputError(f"{path}: the file is damaged ({integrity[0]})")
    if not 1 <= version <= SCHEMA_VERSION:
        raise InputError(
            f"{path}: schema version {version}; this readerapp reads 1 to {SCHEMA_VERSION}"
        )
    return version


def _refuse_if_in_use(db_path: Path) -> None:
    """Refuses when any other process has the library file open: a `readerapp import` or a
    script. Replacing the file under it would lose its writes, and its WAL, named after the
    file, could later be applied to the restored database. An exclusive lock is granted only
    when no other connection is open, even an idle one."""
    if not db_path.exists():
        return
    conn = sqlite3.connect(db_path, timeout=2.0, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        raise LibraryError(
            f"{db_path}: the library is in use by another readerapp command; "
            "restore when it has finished"
        ) from exc
    finally:
        conn.close()


def restore(library_dir: Path, source: Path) -> Path | None:
    """Replaces the library with the backup at `source`; returns where the replaced library
    was kept (None when there was none). Refused while the desktop app or any other command
    has the library open.

    Call it with no Library open on `library_dir` in this process; the next Library.open()
    migrates the file if it is older and rebuilds the index.
    """
    validate(source)
    db_path = paths.database_path(library_dir)
    with LibraryLock(library_dir):  # raises if a readerapp window has the library open
        _refuse_if_in_use(db_path)  # before anything is written
        kept = None
        if db_path.exists():
            kept = backup(
                library_dir,
                library_dir
                / BACKUP_FOLDER
                / f"before-restore-{default_backup_path(library_dir).name}",
            )
        library_dir.mkdir(parents=True, exist_ok=True)
        incoming = db_path.with_name(db_path.name + ".restoring")
        try:
            _copy(source, incoming)
            # Mark the index stale inside the incoming file, so even a crash right after the
            # swap rebuilds it on the next start.
            conn = sqlite3.connect(incoming)
            try:
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (REBUILD_FLAG,)
                )
                conn.commit()
            finally:
                conn.close()
            _refuse_if_in_use(db_path)  # again: a command may have started meanwhile
        except BaseException:
            incoming.unlink(missing_ok=True)
            if kept is not None:
                kept.unlink(missing_ok=True)  # nothing was replaced: nothing to keep
            raise
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(incoming, db_path)
        # The index described the replaced papers (maybe with another engine): it goes.
        shutil.rmtree(paths.index_dir(library_dir), ignore_errors=True)
    return kept
