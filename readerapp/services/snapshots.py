"""Everything about some papers, captured so that deleting them can be undone exactly."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from readerapp.db import queries
from readerapp.db.models import (
    AuthorRow,
    Base,
    FileTextRow,
    ImportBatchRow,
    NoteRow,
    PaperFileRow,
    PaperRow,
    PaperSourceRow,
    PaperTagRow,
    QueueEntryRow,
    QueueRow,
    StatusEventRow,
    TagRow,
)
from readerapp.services.index_marks import mark_for_index
from readerapp.services.library import Library

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class PaperSnapshot:
    papers: list[Row]
    authors: list[Row]
    tags: list[tuple[int, str]]  # (paper id, tag name): tag ids may not survive
    notes: list[Row]
    queue_entries: list[tuple[str, int, int]]  # (queue name, paper id, position)
    sources: list[Row]
    files: list[Row] = field(default_factory=list)  # paper_files rows
    texts: list[Row] = field(default_factory=list)  # their file_texts rows
    status_events: list[Row] = field(default_factory=list)  # the papers' reading history


def _table(model: type[Base]) -> Table:
    """A model's table, typed for insert(): declarative makes a Table, but SQLAlchemy types
    __table__ as any FromClause."""
    return cast(Table, model.__table__)


def _rows(
    session: Session, model: type[Base], column: InstrumentedAttribute[int], ids: Sequence[int]
) -> list[Row]:
    table = model.__table__
    out: list[Row] = []
    for part in queries.chunks(list(ids)):
        out.extend(dict(r._mapping) for r in session.execute(select(table).where(column.in_(part))))
    return out


def capture(library: Library, ids: Sequence[int]) -> PaperSnapshot:
    with library.read() as session:
        tags = [
            (pid, name)
            for part in queries.chunks(list(ids))
            for pid, name in session.execute(
                select(PaperTagRow.paper_id, TagRow.name)
                .join(TagRow, TagRow.id == PaperTagRow.tag_id)
                .where(PaperTagRow.paper_id.in_(part))
            )
        ]
        entries = [
            (name, pid, pos)
            for part in queries.chunks(list(ids))
            for name, pid, pos in session.execute(
                select(QueueRow.name, QueueEntryRow.paper_id, QueueEntryRow.position)
                .join(QueueRow, QueueRow.id == QueueEntryRow.queue_id)
                .where(QueueEntryRow.paper_id.in_(part))
            )
        ]
        return PaperSnapshot(
            papers=_rows(session, PaperRow, PaperRow.id, ids),
            authors=_rows(session, AuthorRow, AuthorRow.paper_id, ids),
            tags=tags,
            notes=_rows(session, NoteRow, NoteRow.paper_id, ids),
            queue_entries=sorted(entries, key=lambda e: e[2]),
            sources=_rows(session, PaperSourceRow, PaperSourceRow.paper_id, ids),
            files=(files := _rows(session, PaperFileRow, PaperFileRow.paper_id, ids)),
            texts=_rows(session, FileTextRow, FileTextRow.file_id, [f["id"] for f in files]),
            status_events=_rows(session, StatusEventRow, StatusEventRow.paper_id, ids),
        )


def restore(library: Library, snapshot: PaperSnapshot) -> list[int]:
    """Puts captured papers back with their ids, tags, notes and queue places; returns the
    ids."""
    from readerapp.services.paper_files import still_there  # reads a file only when asked

    kept_files = still_there(library, snapshot.files) if snapshot.files else []
    with library.write() as session:
        if snapshot.papers:
            session.execute(insert(_table(PaperRow)), snapshot.papers)
            library.papers_changed(session)  # back in every order
        if snapshot.authors:
            session.execute(insert(_table(AuthorRow)), snapshot.authors)
        for pid, name in snapshot.tags:
            tag = session.scalar(select(TagRow).where(TagRow.name == name))
            if tag is None:
                tag = TagRow(name=name)
                session.add(tag)
                session.flush()
            session.add(PaperTagRow(paper_id=pid, tag_id=tag.id))
        if snapshot.notes:
            session.execute(insert(_table(NoteRow)), snapshot.notes)
        if snapshot.status_events:
            session.execute(insert(_table(StatusEventRow)), snapshot.status_events)
        batches = set(session.scalars(select(ImportBatchRow.id)))
        sources = [s for s in snapshot.sources if s["batch_id"] in batches]
        if sources:
            session.execute(insert(_table(PaperSourceRow)), sources)
        for name, pid, position in snapshot.queue_entries:
            queue = session.scalar(select(QueueRow).where(QueueRow.name == name))
            if queue is None:
                queue = QueueRow(name=name)
                session.add(queue)
                session.flush()
            entries = list(
                session.scalars(
                    select(QueueEntryRow)
                    .where(QueueEntryRow.queue_id == queue.id)
                    .order_by(QueueEntryRow.position)
                )
            )
            entry = QueueEntryRow(queue_id=queue.id, paper_id=pid)
            session.add(entry)
            entries.insert(min(position - 1, len(entries)), entry)
            for number, item in enumerate(entries, start=1):
                item.position = number
        # Files deleted with their papers stay deleted: only those still kept come back.
        files = kept_files
        if files:
            session.execute(insert(_table(PaperFileRow)), files)
            kept = {f["id"] for f in files}
            texts = [t for t in snapshot.texts if t["file_id"] in kept]
            if texts:
                session.execute(insert(_table(FileTextRow)), texts)
        ids = [int(p["id"]) for p in snapshot.papers]
        mark_for_index(session, ids)
    library.sync_index()
    return ids
