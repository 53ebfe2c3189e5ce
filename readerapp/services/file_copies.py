"""The files (PDFs) of a library copied by copy-library, beside its rows (services.copying).

A folder library keeps its files in LIBRARY/files/, a server library in the server
(db.file_store). A copy takes them along whichever way it goes: folder → server into the
server's tables, in the destination's one transaction with the rows (a failure or a cancel
leaves the server as it was); server → folder into DEST/files/, each through a temporary
name and a rename; folder → folder and server → server the same way. Every file is read and
written a part at a time (never a whole PDF in memory) and checked against the SHA-256 its
row records: a file that is not there, or whose bytes changed, is left out and named in the
report, and `readerapp check` on the copy lists it as missing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readerapp.core.location import LibraryLocation, ServerLocation
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.db import file_store
from readerapp.db.dbapi import PgConnection

if TYPE_CHECKING:
    from sqlalchemy import Connection

_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class FileToCopy:
    path: str  # relative to the library folder, with forward slashes
    sha256: str
    size: int


@dataclass(slots=True)
class FilesCopied:
    """What a copy did with the files: how many (distinct ones) and their bytes, and the
    ones it left out, each with why."""

    count: int = 0
    size: int = 0
    left_out: list[str] = field(default_factory=list)


def files_named(source: Connection) -> list[FileToCopy]:
    """The files the source's rows name, one per path, in id order."""
    from sqlalchemy import select

    from readerapp.db.models import PaperFileRow

    rows = source.execute(
        select(PaperFileRow.path, PaperFileRow.sha256, PaperFileRow.size).order_by(PaperFileRow.id)
    )
    return [FileToCopy(str(p), str(d), int(s)) for p, d, s in rows]


class _Checked:
    """A stream read a part at a time, hashing what passed through it."""

    def __init__(self, parts: Iterator[bytes]) -> None:
        self._parts = parts
        self._buffer = b""
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            part = next(self._parts, None)
            if part is None:
                break
            self._buffer += part
        if size < 0:
            size = len(self._buffer)
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        self.digest.update(out)
        self.size += len(out)
        return out


def _file_parts(path: Path) -> Iterator[bytes]:
    with path.open("rb") as stream:
        while part := stream.read(file_store.PART_BYTES):
            yield part


@contextlib.contextmanager
def _opened(
    source: Connection, location: LibraryLocation, item: FileToCopy
) -> Iterator[_Checked | None]:
    """The file's bytes from the source library; None when it does not have them."""
    if isinstance(location, ServerLocation):
        driver = source.connection.driver_connection
        assert driver is not None
        conn = PgConnection(driver)  # in the source's snapshot
        shape = file_store.parts_of(conn, item.sha256)
        parts = None if shape is None else file_store.read_parts(conn, item.sha256, shape[1])
        yield None if parts is None else _Checked(parts)
        return
    folder = location if location.is_dir() else None  # a backup file has no files/
    path = None if folder is None else folder.joinpath(*item.path.split("/"))
    if path is None or not path.is_file():
        yield None
        return
    yield _Checked(_file_parts(path))


def copy_files(
    source: Connection,
    source_location: LibraryLocation,
    destination: Connection | Path,
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> FilesCopied:
    """Copies the files the source names into `destination`: a server's connection, in its
    transaction, or a library folder (where a failure or a cancel removes the files it
    wrote)."""
    written: list[Path] = []
    try:
        return _copy_files(source, source_location, destination, progress, cancel, written)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise


def _copy_files(
    source: Connection,
    source_location: LibraryLocation,
    destination: Connection | Path,
    progress: ProgressSink,
    cancel: CancelToken | None,
    written: list[Path],
) -> FilesCopied:
    items = files_named(source)
    copied = FilesCopied()
    seen: set[str] = set()
    total = sum(item.size for item in items)
    done = 0
    for number, item in enumerate(items, start=1):
        key = item.sha256 if not isinstance(destination, Path) else item.path
        if key in seen:
            continue
        seen.add(key)
        progress(
            done,
            total,
            f"Copying files: {number:,} / {len(items):,} "
            f"({done / _MB:,.1f} / {total / _MB:,.1f} MB)",
        )
        if cancel is not None:
            cancel.check()
        with _opened(source, source_location, item) as stream:
            if stream is None:
                copied.left_out.append(f"{item.path}: not in the library copied")
                continue
            if isinstance(destination, Path):
                kept = _to_folder(destination, item, stream)
                if kept:
                    written.append(destination.joinpath(*item.path.split("/")))
            else:
                kept = _to_server(destination, item, stream)
        if not kept:
            copied.left_out.append(f"{item.path}: its bytes are not the ones recorded")
            continue
        copied.count += 1
        copied.size += item.size
        done += item.size
    if items:
        progress(total, total, f"Copied {copied.count:,} files ({done / _MB:,.1f} MB)")
    return copied


def _to_server(dest: Connection, item: FileToCopy, stream: _Checked) -> bool:
    made = file_store.upload(dest, item.sha256, stream, item.size)
    if not made:  # the destination had these bytes already (two rows, one file)
        return True
    stream.read()  # past what upload() read, in case the file grew
    if stream.digest.hexdigest() == item.sha256 and stream.size == item.size:
        return True
    from sqlalchemy import text

    dest.execute(text("DELETE FROM file_blobs WHERE sha256 = :d"), {"d": item.sha256})
    return False


def _to_folder(folder: Path, item: FileToCopy, stream: _Checked) -> bool:
    target = folder.joinpath(*item.path.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".incoming-", suffix=".partial", dir=target.parent)
    partial = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            while data := stream.read(file_store.PART_BYTES):
                out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if stream.digest.hexdigest() != item.sha256:
            return False
        os.replace(partial, target)
        return True
    finally:
        partial.unlink(missing_ok=True)
