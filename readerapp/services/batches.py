"""Undoing an import batch: remove what it created, clear what it filled, keep what you touched.

An import records, per batch, which papers it created (paper_sources.created) and which fields
it filled on papers it merged into (batch_fills, with the values before and after). Undo uses
those facts and the papers' present state; it never removes a paper the user has touched
since (starred, status, tags, notes, queues, hand edits) nor one another import also brought,
and it clears a filled field only while it still holds what the batch put there.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.orm import Session

from readerapp.core.errors import UserError
from readerapp.db import queries
from readerapp.db.models import (
    AuthorRow,
    BatchFillRow,
    ImportBatchRow,
    NoteRow,
    PaperRow,
    PaperSourceRow,
    PaperTagRow,
    QueueEntryRow,
    utcnow,
)
from readerapp.services import rule_hits

# How imports are named (services.batch_names), re-exported.
from readerapp.services.batch_names import ADDED_BY_IDENTIFIER as ADDED_BY_IDENTIFIER
from readerapp.services.batch_names import COMPLETED_FROM as COMPLETED_FROM
from readerapp.services.batch_names import DAILY_PAPERS as DAILY_PAPERS
from readerapp.services.batch_names import source_name as source_name
from readerapp.services.changes import Changes
from readerapp.services.index_marks import mark_for_index
from readerapp.services.library import Library


@dataclass(frozen=True, slots=True)
class UndoReport:
    """What undoing a batch did. `kept` holds (paper id, why it stayed or kept a field)."""

    removed: int
    reverted: int
    kept: list[tuple[int, str]]
    batch_id: int = 0
    source: str = ""

    @property
    def changes(self) -> Changes:
        return Changes.everything()

    def summary(self) -> str:
        name = source_name(self.source) or "import"
        first = f"Undid import {self.batch_id} ({name}): removed {_papers(self.removed)}"
        if self.reverted:
            first += f", cleared the fields it filled on {_papers(self.reverted)}"
        first += "."
        if not self.kept:
            return first
        counts: dict[str, int] = {}
        for _, reason in self.kept:
            for part in reason.split("; "):
                counts[part] = counts.get(part, 0) + 1
        why = ", ".join(f"{reason} ({n})" if n > 1 else reason for reason, n in counts.items())
        return f"{first}\nKept {_papers(len(self.kept))}: {why}."


def _papers(n: int) -> str:
    return f"{n:,} paper" + ("" if n == 1 else "s")


def _batch(session: Session, batch_id: int) -> ImportBatchRow:
    batch = session.get(ImportBatchRow, batch_id)
    if batch is None:
        raise UserError(f"no import batch {batch_id}; `readerapp imports` lists them")
    if batch.undone_at is not None:
        when = batch.undone_at.replace(tzinfo=dt.UTC).astimezone()  # stored as naive UTC
        raise UserError(f"import batch {batch_id} was already undone on {when:%Y-%m-%d %H:%M}")
    return batch


def _touched(
    session: Session, batch_id: int, ids: Sequence[int]
) -> tuple[dict[int, list[str]], dict[int, int]]:
    """Why each of these papers must stay: everything the user did to it since, and other
    imports (not undone) that brought it too; and, per paper, the oldest of those imports."""
    reasons: dict[int, list[str]] = {}
    heirs: dict[int, int] = {}

    def add(pid: int, reason: str) -> None:
        reasons.setdefault(pid, []).append(reason)

    for part in queries.chunks(list(ids)):
        rows = session.execute(
            select(PaperRow.id, PaperRow.starred, PaperRow.status, PaperRow.user_edited).where(
                PaperRow.id.in_(part)
            )
        )
        for pid, starred, status, edited in rows:
            if starred:
                add(pid, "starred")
            if status != "unread":
                add(pid, "status set")
            if edited:
                add(pid, "edited by you")
        for table, reason in (
            (PaperTagRow, "tagged"),
            (NoteRow, "has notes"),
            (QueueEntryRow, "queued"),
        ):
            for pid in session.scalars(
                select(table.paper_id).where(table.paper_id.in_(part)).distinct()
            ):
                add(pid, reason)
        others = session.execute(
            select(PaperSourceRow.paper_id, PaperSourceRow.batch_id)
            .join(ImportBatchRow, ImportBatchRow.id == PaperSourceRow.batch_id)
            .where(
                PaperSourceRow.paper_id.in_(part),
                PaperSourceRow.batch_id != batch_id,
                ImportBatchRow.undone_at.is_(None),
            )
            .order_by(PaperSourceRow.batch_id)
        )
        for pid, other in others:
            add(pid, f"also imported by batch {other}")
            heirs.setdefault(pid, other)
    return reasons, heirs


def _current_values(session: Session, ids: Sequence[int]) -> dict[int, dict[str, object]]:
    """The papers' present columns, and "authors" as a name list, keyed by paper id."""
    out: dict[int, dict[str, object]] = {}
    authors = queries.authors_of(session, list(ids))
    for part in queries.chunks(list(ids)):
        for row in session.execute(select(PaperRow.__table__).where(PaperRow.id.in_(part))):
            values = dict(row._mapping)
            values["authors"] = list(authors.get(row.id, ()))
            out[row.id] = values
    return out


def _revert_fills(session: Session, batch_id: int) -> tuple[list[int], dict[int, list[str]]]:
    """Put back what the batch's merges replaced, where nothing changed it since.

    Returns the papers that got at least one field back, and why fields stayed on others.
    """
    fills: dict[int, list[BatchFillRow]] = {}
    for fill in session.scalars(select(BatchFillRow).where(BatchFillRow.batch_id == batch_id)):
        fills.setdefault(fill.paper_id, []).append(fill)
    current = _current_values(session, list(fills))
    reverted: list[int] = []
    kept: dict[int, list[str]] = {}
    now = utcnow()
    for pid, paper_fills in fills.items():
        values = current.get(pid)
        if values is None:
            continue
        edited = set(filter(None, str(values["user_edited"]).split(",")))
        restore: dict[str, object] = {}
        by_you: list[str] = []
        since: list[str] = []
        for fill in paper_fills:
            if fill.field in edited:
                by_you.append(fill.field)
            elif json.dumps(values.get(fill.field)) != fill.value:
                since.append(fill.field)  # e.g. a later import added more keywords
            else:
                restore[fill.field] = json.loads(fill.previous)
        if by_you:
            kept.setdefault(pid, []).append(f"edited by you ({', '.join(sorted(by_you))})")
        if since:
            kept.setdefault(pid, []).append(f"changed since ({', '.join(sorted(since))})")
        if not restore:
            continue
        if "authors" in restore:
            del restore["authors"]
            session.execute(delete(AuthorRow).where(AuthorRow.paper_id == pid))
        if restore:
            session.execute(
                update(PaperRow).where(PaperRow.id == pid).values(**restore, updated_at=now)
            )
        reverted.append(pid)
    return reverted, kept


def undo_import(library: Library, batch_id: int) -> UndoReport:
    """Undo one import batch in one transaction; an unknown or undone batch is a UserError.

    Removes the papers the batch created that nobody touched since, clears the fields it filled
    on papers it merged into (while they still hold its values and you did not edit them), and
    reports every paper it kept with the reason.
    """
    with library.write() as session:
        batch = _batch(session, batch_id)
        # What rules did to the batch's papers goes first: it would keep them as "tagged".
        rule_hits.take_back(session, rule_hits.hits_of_batches(session, [batch_id]))
        sources = session.execute(
            select(PaperSourceRow.paper_id, PaperSourceRow.created).where(
                PaperSourceRow.batch_id == batch_id
            )
        ).all()
        if any(created is None for _, created in sources):
            name = batch.source.replace("\\", "/").rsplit("/", 1)[-1]
            raise UserError(
                f"import batch {batch_id} was made by an older readerapp, which did not record "
                "which papers an import created, so it cannot be undone; nothing was changed "
                f"(search 'source:\"{name}\"' to find its papers)"
            )
        created = [pid for pid, was_created in sources if was_created]
        touched, heirs = _touched(session, batch_id, created)
        removed = [pid for pid in created if pid not in touched]
        # A kept paper that another import also brought now counts as created by that one,
        # so that undoing it too removes the paper (unless the user touched it).
        if heirs:
            # Declarative makes a Table; SQLAlchemy types __table__ as any FromClause.
            sources_table = cast(Table, PaperSourceRow.__table__)
            session.connection().execute(
                sources_table.update()
                .where(
                    sources_table.c.paper_id == bindparam("pid"),
                    sources_table.c.batch_id == bindparam("heir"),
                )
                .values(created=True),
                [{"pid": pid, "heir": heir} for pid, heir in heirs.items()],
            )
        for part in queries.chunks(removed):
            # Authors, provenance and fills go with the paper (ON DELETE CASCADE).
            session.execute(delete(PaperRow).where(PaperRow.id.in_(part)))
        reverted, fields_kept = _revert_fills(session, batch_id)
        reasons = {pid: touched[pid] for pid in created if pid in touched}
        for pid, why in fields_kept.items():
            reasons.setdefault(pid, []).extend(why)
        # The batch's provenance stays only on papers it still accounts for, so that undoing
        # another batch no longer counts this one as "also imported by".
        gone = [pid for pid, _ in sources if pid not in reasons]
        for part in queries.chunks(gone):
            session.execute(
                delete(PaperSourceRow).where(
                    PaperSourceRow.batch_id == batch_id, PaperSourceRow.paper_id.in_(part)
                )
            )
        session.execute(delete(BatchFillRow).where(BatchFillRow.batch_id == batch_id))
        batch.undone_at = utcnow()
        source = batch.source
        mark_for_index(session, removed + reverted)
        library.papers_changed(session)
    library.sync_index()
    kept = [(pid, "; ".join(why)) for pid, why in sorted(reasons.items())]
    return UndoReport(len(removed), len(reverted), kept, batch_id, source)
