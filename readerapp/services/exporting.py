"""Export: a selection of papers written as text in one of the export formats."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from readerapp.core.errors import UserError
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.core.records import Paper
from readerapp.db import queries, reads
from readerapp.db.models import PaperRow
from readerapp.formats.base import ExportContext
from readerapp.formats.registry import export_format
from readerapp.services.library import Library
from readerapp.services.queues import queue_ids
from readerapp.services.search import search_ids


@dataclass(frozen=True, slots=True)
class Selection:
    """Which papers to export; exactly one of the fields is set (or `everything`)."""

    query: str | None = None
    queue: str | None = None
    starred: bool = False
    everything: bool = False
    ids: tuple[int, ...] | None = None
    # For `ids`: how the list is called and whether its order is a reading order.
    title: str = "Selected papers"
    numbered: bool = False


# Papers read, turned into text and written at a time by export_to_file. Only a chunk's
# objects are alive at once, so a full garbage collection on the worker has little to walk,
# and no single C call (a join, a copy, an encode) works on more than a chunk's text: each
# of those holds the GIL, and the window's event loop waits for it.
CHUNK = 500


def select_papers(
    library: Library, selection: Selection, limit: int | None = None
) -> tuple[list[Paper], ExportContext]:
    """The papers to export in order (only the first `limit`, for a preview)."""
    ids, context = select_ids(library, selection, limit)
    with library.read() as session:
        papers = queries.load_papers(session, ids)
    return papers, context


def select_ids(
    library: Library, selection: Selection, limit: int | None = None
) -> tuple[list[int], ExportContext]:
    """The ids of the papers to export, in order (the first `limit`), and what the export
    says about them."""
    numbered = False
    if selection.queue is not None:
        ids = queue_ids(library, selection.queue)
        title, numbered = f"Reading queue: {selection.queue}", True
    elif selection.query is not None:
        ids = search_ids(library, selection.query)
        title = f"Papers matching: {selection.query}"
    elif selection.starred:
        ids = search_ids(library, "is:starred", sort="added")
        title = "Starred papers"
    elif selection.ids is not None:
        ids = list(selection.ids)
        title, numbered = selection.title, selection.numbered
    elif selection.everything:
        # A preview (on the GUI thread) reads only its first ids, not 20,000 of them.
        with library.read() as session:
            ids = list(
                session.scalars(
                    select(PaperRow.id).order_by(PaperRow.added_at, PaperRow.id).limit(limit)
                )
            )
        title = "All papers"
    else:
        raise UserError("say what to export: a query, a queue, the starred papers or all")
    return ids[:limit] if limit is not None else ids, ExportContext(title, numbered)


def export_text(
    library: Library, selection: Selection, format_name: str, limit: int | None = None
) -> tuple[str, int]:
    """The exported text and how many papers it holds (only the first `limit` for a preview)."""
    fmt = export_format(format_name)
    papers, context = select_papers(library, selection, limit)
    return fmt.export(papers, context), len(papers)


def export_to_file(
    library: Library,
    selection: Selection,
    format_name: str,
    path: Path,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
    *,
    newline: str | None = "",
) -> int:
    """Writes the export to `path` as it reads the papers, CHUNK at a time, and returns how
    many papers it holds; the same text as export_text, never held whole. `newline` is
    open()'s: "" writes the text's own line ends, None the platform's.

    One read transaction: the file is one state of the library. It is written beside `path`
    and renamed over it at the end, so a cancel or a failure (a full disk) leaves what was
    at `path` before, untouched, and no half-written file.
    """
    fmt = export_format(format_name)
    ids, context = select_ids(library, selection)
    # Through a link to the file it names; a device or a pipe (/dev/stdout) is written as it
    # is, since nothing can be renamed over it.
    target = path.resolve() if path.is_symlink() else path
    special = target.exists() and not target.is_file()
    partial = target if special else target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with (
            library.snapshot() as conn,
            partial.open("w", encoding="utf-8", newline=newline) as out,
        ):
            known = reads.all_ids(conn)
            ids = [paper_id for paper_id in ids if paper_id in known]
            total = len(ids)

            def papers() -> Iterator[Paper]:
                for start in range(0, total, CHUNK):
                    if cancel is not None:
                        cancel.check()
                    progress(start, total, f"Exporting {start:,} / {total:,} papers")
                    yield from reads.load_papers(conn, ids[start : start + CHUNK])

            for piece in fmt.pieces(papers(), total, context):
                out.write(piece)
        if not special:
            if target.exists():
                shutil.copymode(target, partial)  # the file keeps who may read it
            os.replace(partial, target)
    except OSError as exc:
        if not special:
            partial.unlink(missing_ok=True)
        raise UserError(f"{path}: cannot write ({exc.strerror})") from exc
    except BaseException:
        if not special:
            partial.unlink(missing_ok=True)
        raise
    progress(total, total, f"Exported {total:,} papers")
    return total
