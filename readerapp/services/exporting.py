"""Export: a selection of papers written as text in one of the export formats."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from readerapp.core.errors import UserError
from readerapp.core.records import Paper
from readerapp.db import queries
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


def select_papers(
    library: Library, selection: Selection, limit: int | None = None
) -> tuple[list[Paper], ExportContext]:
    """The papers to export in order (only the first `limit`, for a preview)."""
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
        with library.read() as session:
            ids = list(
                session.scalars(select(PaperRow.id).order_by(PaperRow.added_at, PaperRow.id))
            )
        title = "All papers"
    else:
        raise UserError("say what to export: a query, a queue, the starred papers or all")
    with library.read() as session:
        papers = queries.load_papers(session, ids[:limit] if limit is not None else ids)
    return papers, ExportContext(title=title, numbered=numbered)


def export_text(
    library: Library, selection: Selection, format_name: str, limit: int | None = None
) -> tuple[str, int]:
    """The exported text and how many papers it holds (only the first `limit` for a preview)."""
    fmt = export_format(format_name)
    papers, context = select_papers(library, selection, limit)
    return fmt.export(papers, context), len(papers)
