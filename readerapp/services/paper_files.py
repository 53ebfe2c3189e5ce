"""A paper's files (PDFs): kept under the library folder, read for their text, indexed.

Files live in LIBRARY/files/ and the database stores their path relative to the library
folder, so a library moved or copied whole keeps every file. A file arrives through a
temporary name in that folder and a rename, so a cancelled copy or download, or a killed
process, never leaves a half-written PDF under a real name (a stray `.partial` is removed by
`check --repair`). Text is read in a child process (readerapp.pdf.text) before anything is
written to the database, so a hostile file costs a line in the report, not the library.

A server library keeps its files in the server (db.file_store), stored once by their
SHA-256 in the transaction that records them, so that every machine has them. Its files/
folder, in this machine's cache folder, is a cache: a file not there yet is fetched from the
server part by part, through a temporary name, checked against its hash and renamed
(ensure_local). Deleting a file removes the server's copy once no paper names those bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from readerapp.core.errors import InputError, LibraryError, UserError
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.db import file_store
from readerapp.db.models import FileTextRow, PaperFileRow, PaperRow
from readerapp.pdf.magic import file_head, looks_like_pdf, what_it_is
from readerapp.pdf.text import OK, TextResult, extract_text
from readerapp.services import cache_checks
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.index_marks import mark_for_index
from readerapp.services.library import Library

FILES_FOLDER = "files"
PARTIAL_SUFFIX = ".partial"
# No paper is near this; a bigger "PDF" is a scan of a book or something hostile.
MAX_PDF_BYTES = 200 * 1024 * 1024
_CHUNK = 1024 * 1024

Extractor = Callable[[Path], TextResult]


@dataclass(frozen=True, slots=True)
class PaperFile:
    id: int
    paper_id: int
    path: str  # relative to the library folder, with forward slashes
    original_name: str
    size: int
    pages: int | None
    text_status: str
    text_problem: str
    sha256: str = ""

    def location(self, library_dir: Path) -> Path:
        return library_dir.joinpath(*self.path.split("/"))


@dataclass(frozen=True, slots=True)
class Attached:
    """What attaching one file did: the file as stored, and one line about its text."""

    file: PaperFile
    text: TextResult
    already: bool = False  # the paper already had this very file: nothing was added

    def line(self) -> str:
        if self.already:
            return f"{self.file.path}: already attached to paper {self.file.paper_id}"
        return f"{self.file.path}: attached to paper {self.file.paper_id}; {self.text.describe()}"


def files_dir(library_dir: Path) -> Path:
    return library_dir / FILES_FOLDER


def _row(row: PaperFileRow) -> PaperFile:
    return PaperFile(
        row.id,
        row.paper_id,
        row.path,
        row.original_name,
        row.size,
        row.pages,
        row.text_status,
        row.text_problem,
        row.sha256,
    )


# -- names ------------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^\w.\-]+")


def safe_stem(name: str, limit: int = 60) -> str:
    """A file name stem that every file system takes: letters (any script), digits, dots and
    hyphens; the rest (slashes, quotes, emoji, control characters) becomes a hyphen."""
    stem = unicodedata.normalize("NFC", Path(name).stem if name.lower().endswith(".pdf") else name)
    stem = _UNSAFE.sub("-", stem).strip(".-_")
    return stem[:limit].rstrip(".-_") or "paper"


def _target(
    library_dir: Path, paper_id: int, name: str, taken: frozenset[str] = frozenset()
) -> Path:
    """A free name in files/: "<paper id>-<name>.pdf", with -2, -3... when it is taken (on
    disk, or in `taken`: the paths a server library names, which another machine chose)."""
    folder = files_dir(library_dir)
    stem = f"{paper_id}-{safe_stem(name)}"
    candidate = folder / f"{stem}.pdf"
    number = 2
    while candidate.exists() or relative(library_dir, candidate) in taken:
        candidate = folder / f"{stem}-{number}.pdf"
        number += 1
    return candidate


def relative(library_dir: Path, path: Path) -> str:
    return path.relative_to(library_dir).as_posix()


# -- arriving files -----------------------------------------------------------------------


@contextlib.contextmanager
def incoming(library_dir: Path) -> Iterator[tuple[BinaryIO, Path]]:
    """A temporary file in files/ to write an arriving PDF into; removed unless the caller
    renamed it away. Same folder as the final name, so the rename is atomic."""
    folder = files_dir(library_dir)
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".incoming-", suffix=PARTIAL_SUFFIX, dir=folder)
    path = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream, path
    finally:
        path.unlink(missing_ok=True)


def check_pdf(path: Path, label: str) -> int:
    """The size of a file that is a PDF by its bytes and under the size limit, else an
    InputError naming it."""
    try:
        size = path.stat().st_size
        head = file_head(path)
    except FileNotFoundError:
        raise InputError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{label}: is a folder, not a PDF") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot read it ({exc.strerror})") from None
    if not looks_like_pdf(head):
        raise InputError(f"{label}: {what_it_is(head)}")
    if size > MAX_PDF_BYTES:
        raise InputError(f"{label}: larger than {MAX_PDF_BYTES // (1024 * 1024)} MB; not kept")
    return size


def _copy(source: Path, stream: BinaryIO, cancel: CancelToken | None) -> str:
    digest = hashlib.sha256()
    with source.open("rb") as src:
        while chunk := src.read(_CHUNK):
            if cancel is not None:
                cancel.check()
            digest.update(chunk)
            stream.write(chunk)
    stream.flush()
    os.fsync(stream.fileno())
    return digest.hexdigest()


def _paper_exists(library: Library, paper_id: int) -> None:
    with library.read() as session:
        if session.get(PaperRow, paper_id) is None:
            raise UserError(f"no paper with id {paper_id}")


def attach(
    library: Library,
    paper_id: int,
    source: Path,
    *,
    name: str | None = None,
    cancel: CancelToken | None = None,
    extract: Extractor = extract_text,
) -> Attached:
    """Copies a PDF into the library for a paper, reads its text and indexes it.

    The source is left as it was. Not a PDF (by its bytes), too large, or a paper that does
    not exist: an error naming it, and nothing changes. A PDF whose text cannot be read is
    kept all the same (a viewer may still open it); the result says why it has no text.
    """
    _paper_exists(library, paper_id)
    check_pdf(source, str(source))
    with incoming(library.directory) as (stream, partial):
        digest = _copy(source, stream, cancel)
        return store(library, paper_id, partial, name or source.name, digest, extract=extract)


def store(
    library: Library,
    paper_id: int,
    partial: Path,
    name: str,
    digest: str,
    *,
    extract: Extractor = extract_text,
) -> Attached:
    """Files a complete, checked temporary file (from incoming()) for a paper: reads its
    text, renames it to its final name and records it, in that order."""
    same = _same_file(library, paper_id, digest)
    if same is not None:
        if library.server is not None:  # the server may lack it (attached before schema 7)
            with library.write() as session, partial.open("rb") as source:
                file_store.upload(session.connection(), digest, source, partial.stat().st_size)
        return Attached(same, TextResult(same.text_status, problem=same.text_problem), True)
    text = extract(partial)
    taken = _paths_of(library, paper_id) if library.server is not None else frozenset()
    target = _target(library.directory, paper_id, name, taken)
    os.replace(partial, target)
    try:
        with library.write() as session:
            if library.server is not None:  # the bytes go up with the row that names them
                with target.open("rb") as source:
                    file_store.upload(session.connection(), digest, source, target.stat().st_size)
            row = PaperFileRow(
                paper_id=paper_id,
                path=relative(library.directory, target),
                original_name=name,
                size=target.stat().st_size,
                sha256=digest,
                pages=text.pages,
                text_status=text.status,
                text_problem=text.problem,
            )
            session.add(row)
            session.flush()
            session.add(FileTextRow(file_id=row.id, body=text.text if text.status == OK else ""))
            mark_for_index(session, [paper_id])
            stored = _row(row)
    except BaseException:
        target.unlink(missing_ok=True)  # not recorded: not kept
        raise
    if library.server is not None:  # hashed on the way in: its first open need not
        cache_checks.record(library.directory, stored.path, digest)
    library.sync_index()
    return Attached(stored, text)


def _paths_of(library: Library, paper_id: int) -> frozenset[str]:
    with library.read() as session:
        rows = session.scalars(select(PaperFileRow.path).where(PaperFileRow.paper_id == paper_id))
        return frozenset(rows)


def _same_file(library: Library, paper_id: int, digest: str) -> PaperFile | None:
    with library.read() as session:
        row = session.scalars(
            select(PaperFileRow).where(
                PaperFileRow.paper_id == paper_id, PaperFileRow.sha256 == digest
            )
        ).first()
        return _row(row) if row is not None else None


# -- reading ------------------------------------------------------------------------------


def files_of(library: Library, paper_id: int) -> list[PaperFile]:
    with library.read() as session:
        rows = session.scalars(
            select(PaperFileRow).where(PaperFileRow.paper_id == paper_id).order_by(PaperFileRow.id)
        )
        return [_row(r) for r in rows]


def all_files(library: Library) -> list[PaperFile]:
    with library.read() as session:
        return [_row(r) for r in session.scalars(select(PaperFileRow).order_by(PaperFileRow.id))]


def local_pdf(
    library: Library,
    paper_id: int,
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> Path | None:
    """The paper's first file that is on disk, if any; a server library's, fetched from the
    server into this machine's cache when it is not there yet (ensure_local)."""
    for paper_file in files_of(library, paper_id):
        location = ensure_local(library, paper_file, progress=progress, cancel=cancel)
        if location is not None:
            return location
    return None


def has_pdf(library: Library, paper_id: int) -> bool:
    """Whether the paper has a file to open: on disk (a folder library), or in the server
    (a server library; nothing is fetched to find out)."""
    files = files_of(library, paper_id)
    if library.server is None:
        return any(f.location(library.directory).is_file() for f in files)
    with library.snapshot() as conn:
        return bool(file_store.stored(conn, [f.sha256 for f in files]))


def _cached(library: Library, paper_file: PaperFile) -> Path | None:
    """The file on this machine, if it is there (a server library's copy in its cache
    folder, if its bytes are the ones the paper's row names: a name reused for other bytes,
    of the same size or not, is fetched again). Checking costs a stat once the file has been
    hashed on this machine (services.cache_checks)."""
    location = paper_file.location(library.directory)
    try:
        size = location.stat().st_size
    except OSError:
        return None
    if not location.is_file():
        return None
    if library.server is not None:
        if size != paper_file.size:
            return None
        if paper_file.sha256 and not cache_checks.holds(
            library.directory, paper_file.path, paper_file.sha256
        ):
            return None
    return location


# Past this size a fetch from the server reports its progress.
_FETCH_PROGRESS_BYTES = 4 * file_store.PART_BYTES


def ensure_local(
    library: Library,
    paper_file: PaperFile,
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> Path | None:
    """The file on this machine, fetched first from the server of a server library when
    this machine has no copy; None when neither has it. A fetch arrives through a
    temporary name and is renamed only once its SHA-256 is the one the paper's row records,
    so a cancelled or broken fetch leaves nothing under the real name."""
    found = _cached(library, paper_file)
    if found is not None or library.server is None:
        return found
    with library.snapshot() as conn:
        shape = file_store.parts_of(conn, paper_file.sha256)
        if shape is None:
            return None
        size, parts = shape
        target = paper_file.location(library.directory)
        megabytes = size / (1024 * 1024)
        with incoming(library.directory) as (stream, partial):
            digest = hashlib.sha256()
            done = 0
            for data in file_store.read_parts(conn, paper_file.sha256, parts):
                if cancel is not None:
                    cancel.check()
                digest.update(data)
                stream.write(data)
                done += len(data)
                if size > _FETCH_PROGRESS_BYTES:
                    progress(
                        done,
                        size,
                        f"Fetching {paper_file.original_name or target.name} from the server: "
                        f"{done / (1024 * 1024):,.1f} / {megabytes:,.1f} MB",
                    )
            stream.flush()
            os.fsync(stream.fileno())
            if digest.hexdigest() != paper_file.sha256 or done != size:
                raise LibraryError(
                    f"{library.shown}: {paper_file.path} came from the server damaged (its "
                    "SHA-256 is not the one recorded); nothing was kept"
                )
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(partial, target)
            cache_checks.record(library.directory, paper_file.path, paper_file.sha256)
    return target


def file_text(library: Library, paper_id: int) -> str:
    with library.read() as session:
        bodies = session.scalars(
            select(FileTextRow.body)
            .join(PaperFileRow, PaperFileRow.id == FileTextRow.file_id)
            .where(PaperFileRow.paper_id == paper_id)
            .order_by(PaperFileRow.id)
        )
        return "\n\n".join(bodies)


def forget_stored(library: Library, session: Session, files: Sequence[PaperFile]) -> None:
    """Inside the write that deleted these files' rows: a server library drops the stored
    bytes no paper names any more (a folder library has nothing to do here)."""
    if library.server is not None and files:
        file_store.drop_unused(session.connection(), [f.sha256 for f in files])


def still_there(library: Library, rows: Sequence[dict[str, object]]) -> list[dict[str, object]]:
    """Of paper_files rows kept by an undo (snapshots), the ones whose file is still kept:
    on disk in a folder library, in the server for a server library."""
    if library.server is None:
        return [r for r in rows if library.directory.joinpath(str(r["path"])).is_file()]
    with library.snapshot() as conn:
        stored = file_store.stored(conn, [str(r["sha256"]) for r in rows])
    return [r for r in rows if r["sha256"] in stored]


def remove_files_from_disk(library_dir: Path, files: Sequence[PaperFile]) -> list[str]:
    """Deletes stored files (after their papers were deleted); returns the ones that could
    not be deleted, as report lines."""
    problems = []
    for paper_file in files:
        try:
            paper_file.location(library_dir).unlink(missing_ok=True)
        except OSError as exc:
            problems.append(f"{paper_file.path}: not deleted ({exc.strerror})")
    return problems


# -- integrity ----------------------------------------------------------------------------


@dataclass(slots=True)
class FileCheck:
    """Files the database names that are not on disk, and files on disk it does not name.

    A server library: files the database names that the server does not hold (`missing`;
    this machine's cache is only a cache), and files the server holds that no paper names
    (`unused`, as (sha256, size)); its cache folder has no orphans."""

    missing: list[PaperFile] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)  # relative paths
    partials: list[str] = field(default_factory=list)  # leftovers of interrupted arrivals
    total: int = 0  # files the database names
    unused: list[tuple[str, int]] = field(default_factory=list)


def check_files(library: Library) -> FileCheck:
    report = FileCheck()
    known = all_files(library)
    names = {f.path for f in known}
    report.total = len(known)
    if library.server is not None:
        with library.snapshot() as conn:
            stored = file_store.stored(conn, [f.sha256 for f in known])
            report.unused = file_store.unused(conn)
        report.missing = [f for f in known if f.sha256 not in stored]
    else:
        for paper_file in known:
            if not paper_file.location(library.directory).is_file():
                report.missing.append(paper_file)
    folder = files_dir(library.directory)
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if not path.is_file():
                continue
            rel = relative(library.directory, path)
            if path.name.endswith(PARTIAL_SUFFIX):
                report.partials.append(rel)
            elif rel not in names and library.server is None:
                report.orphans.append(rel)
    return report


@dataclass(slots=True)
class FileRepair:
    relinked: list[str] = field(default_factory=list)  # "old -> new" lines
    still_missing: list[PaperFile] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)
    removed_partials: list[str] = field(default_factory=list)
    uploaded: list[PaperFile] = field(default_factory=list)  # put on the server from here
    dropped: list[tuple[str, int]] = field(default_factory=list)  # unused, off the server


def repair_files(library: Library) -> FileRepair:
    """Re-links a missing file to an orphan with the same content (a file renamed or moved
    within files/), removes leftovers of interrupted arrivals, and lists the rest: a missing
    file nobody can find, an orphan no paper claims. It deletes no PDF.

    A server library: a file the server lacks (attached before schema 7, when files stayed
    on the machine that attached them) is put on the server from this machine's copy when
    its bytes are the ones recorded; files the server holds that no paper names (papers
    deleted with their files kept) are removed from the server."""
    found = check_files(library)
    repair = FileRepair()
    for partial in found.partials:
        library.directory.joinpath(partial).unlink(missing_ok=True)
        repair.removed_partials.append(partial)
    if library.server is not None:
        _repair_server_files(library, found, repair)
        return repair
    by_digest: dict[str, str] = {}
    for orphan in found.orphans:
        by_digest.setdefault(cache_checks.sha256_of(library.directory / orphan), orphan)
    claimed: set[str] = set()
    with library.write() as session:
        for paper_file in found.missing:
            rel = by_digest.get(_digest_of(session, paper_file.id))
            if rel is None or rel in claimed:
                repair.still_missing.append(paper_file)
                continue
            claimed.add(rel)
            row = session.get(PaperFileRow, paper_file.id)
            assert row is not None
            row.path = rel
            repair.relinked.append(f"{paper_file.path} -> {rel}")
    repair.orphans = [orphan for orphan in found.orphans if orphan not in claimed]
    return repair


def _repair_server_files(library: Library, found: FileCheck, repair: FileRepair) -> None:
    for paper_file in found.missing:
        location = paper_file.location(library.directory)
        if not location.is_file() or cache_checks.sha256_of(location) != paper_file.sha256:
            repair.still_missing.append(paper_file)
            continue
        with library.write() as session, location.open("rb") as source:
            size = location.stat().st_size
            file_store.upload(session.connection(), paper_file.sha256, source, size)
        repair.uploaded.append(paper_file)
    if found.unused:
        with library.write() as session:
            gone = set(file_store.drop_unused(session.connection(), [d for d, _ in found.unused]))
        repair.dropped = [(digest, size) for digest, size in found.unused if digest in gone]


def _digest_of(session: Session, file_id: int) -> str:
    return session.scalar(select(PaperFileRow.sha256).where(PaperFileRow.id == file_id)) or "-"


# -- undo: attaching as an edit -----------------------------------------------------------


def attach_applied(
    library: Library, paper_id: int, source: str, *, cancel: CancelToken | None = None
) -> Applied:
    """attach() as an undoable edit (the window's undo stack, `readerapp undo`): undo
    removes the library's copy, redo copies the source file again (if it is still there).
    The value is the Attached."""
    attached = attach(library, paper_id, Path(source), cancel=cancel)
    step = (
        None
        if attached.already
        else Step("detach_file", {"file_id": attached.file.id, "source": source})
    )
    return Applied("Attach PDF", Changes.of([paper_id]), step, attached)


def undo_attach(library: Library, file_id: int, source: str) -> Applied:
    """Takes an attached file back: its row, its text and the library's copy (the file it
    was copied from is untouched); the inverse attaches `source` again."""
    gone = detach(library, file_id, delete_file=True)
    step = Step("attach_file", {"paper_id": gone.paper_id, "source": source})
    return Applied("Remove attached PDF", Changes.of([gone.paper_id]), step, gone)


def detach(library: Library, file_id: int, *, delete_file: bool) -> PaperFile:
    """Removes a file from its paper (and from disk when asked)."""
    with library.write() as session:
        row = session.get(PaperFileRow, file_id)
        if row is None:
            raise UserError(f"no file with id {file_id}")
        gone = _row(row)
        session.execute(delete(PaperFileRow).where(PaperFileRow.id == file_id))
        mark_for_index(session, [gone.paper_id])
        if delete_file:
            forget_stored(library, session, [gone])
    if delete_file:
        remove_files_from_disk(library.directory, [gone])
    library.sync_index()
    return gone
