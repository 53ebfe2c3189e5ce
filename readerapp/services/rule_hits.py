"""Taking back what rules did, inside the caller's transaction.

Undoing an import (services.batches) calls this first, in its own transaction: a paper a rule
tagged, queued or starred would otherwise count as "touched by you" and be kept. Only what a
rule really changed was recorded (services.rules), and only what is still there goes.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from readerapp.db.models import (
    PaperRow,
    PaperTagRow,
    QueueEntryRow,
    QueueRow,
    RuleHitRow,
    TagRow,
)
from readerapp.db.reads import chunks
from readerapp.services.index_marks import mark_for_index


def hits_of_batches(session: Session, batch_ids: Sequence[int]) -> list[int]:
    return list(
        session.scalars(select(RuleHitRow.id).where(RuleHitRow.batch_id.in_(list(batch_ids))))
    )


def take_back(session: Session, hit_ids: Sequence[int]) -> list[int]:
    """Untags, unqueues and unstars what these hits did, deletes the hits, and returns the
    papers that changed.

    A few statements per tag, queue and chunk of papers, not per hit: an import's --queue and
    --tag options make two hits per paper, and on a server library each statement is a round
    trip (undoing an import of 901 papers with both options took over 30 s one hit at a time,
    against a PostgreSQL server on the same machine)."""
    hits = list(session.scalars(select(RuleHitRow).where(RuleHitRow.id.in_(list(hit_ids)))))
    by_tag: dict[str, set[int]] = {}
    by_queue: dict[str, set[int]] = {}
    starred: set[int] = set()
    for hit in hits:
        if hit.tag is not None:
            by_tag.setdefault(hit.tag, set()).add(hit.paper_id)
        if hit.queue is not None:
            by_queue.setdefault(hit.queue, set()).add(hit.paper_id)
        if hit.starred:
            starred.add(hit.paper_id)
    changed: set[int] = set()
    for name, papers in by_tag.items():
        tag_id = _unlink(session, TagRow, PaperTagRow, PaperTagRow.tag_id, name, papers)
        if tag_id is None:
            continue
        left = select(PaperTagRow.paper_id).where(PaperTagRow.tag_id == tag_id).limit(1)
        if session.scalar(left) is None:
            session.execute(delete(TagRow).where(TagRow.id == tag_id))
        changed |= papers
    queues_touched: set[int] = set()
    for name, papers in by_queue.items():
        queue_id = _unlink(session, QueueRow, QueueEntryRow, QueueEntryRow.queue_id, name, papers)
        if queue_id is None:
            continue
        queues_touched.add(queue_id)
        changed |= papers
    for part in chunks(sorted(starred)):
        session.execute(update(PaperRow).where(PaperRow.id.in_(part)).values(starred=False))
    changed |= starred
    for queue_id in queues_touched:  # positions stay dense (services.queues)
        entries = session.scalars(
            select(QueueEntryRow)
            .where(QueueEntryRow.queue_id == queue_id)
            .order_by(QueueEntryRow.position)
        )
        for position, entry in enumerate(entries, start=1):
            entry.position = position
    session.execute(delete(RuleHitRow).where(RuleHitRow.id.in_(list(hit_ids))))
    mark_for_index(session, sorted(changed))
    return sorted(changed)


def _unlink(
    session: Session,
    owner: type[TagRow] | type[QueueRow],
    link: type[PaperTagRow] | type[QueueEntryRow],
    owner_column: InstrumentedAttribute[int],
    name: str,
    papers: set[int],
) -> int | None:
    """Removes these papers from the tag or queue called `name` (a chunk of papers per
    statement) and returns its id, or None when it is gone already."""
    owner_id = session.scalar(select(owner.id).where(owner.name == name))
    if owner_id is None:
        return None
    for part in chunks(sorted(papers)):
        session.execute(delete(link).where(owner_column == owner_id, link.paper_id.in_(part)))
    return owner_id
