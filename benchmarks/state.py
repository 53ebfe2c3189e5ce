"""Puts the generated user state (stars, statuses, tags, notes, queues) into a readerapp
library in one transaction, then indexes what changed. Setup, not measured."""

from __future__ import annotations

from sqlalchemy import insert, select, update

from benchmarks.generate import UserState
from readerapp.db.models import (
    NoteRow,
    PaperRow,
    PaperTagRow,
    QueueEntryRow,
    QueueRow,
    TagRow,
)
from readerapp.services.index_marks import mark_for_index
from readerapp.services.library import Library


def paper_ids(library: Library) -> dict[str, int]:
    with library.read() as session:
        return {a: i for i, a in session.execute(select(PaperRow.id, PaperRow.arxiv_id)) if a}


def apply_state(library: Library, state: UserState) -> None:
    ids = paper_ids(library)
    with library.write() as session:
        if state.starred:
            session.execute(
                update(PaperRow)
                .where(PaperRow.id.in_([ids[a] for a in state.starred]))
                .values(starred=True)
            )
        for status in set(state.status.values()):
            members = [ids[a] for a, s in state.status.items() if s == status]
            for start in range(0, len(members), 900):
                session.execute(
                    update(PaperRow)
                    .where(PaperRow.id.in_(members[start : start + 900]))
                    .values(status=status)
                )
        names = sorted({t for tags in state.tags.values() for t in tags})
        if names:
            session.execute(insert(TagRow), [{"name": n} for n in names])
        tag_ids = dict(session.execute(select(TagRow.name, TagRow.id)).all())
        rows = [
            {"paper_id": ids[a], "tag_id": tag_ids[t]}
            for a, tags in state.tags.items()
            for t in tags
        ]
        if rows:
            session.execute(insert(PaperTagRow), rows)
        if state.notes:
            session.execute(
                insert(NoteRow),
                [{"paper_id": ids[a], "body": body} for a, body in state.notes.items()],
            )
        for name, members in state.queues.items():
            queue_id = session.execute(
                insert(QueueRow).values(name=name).returning(QueueRow.id)
            ).scalar_one()
            session.execute(
                insert(QueueEntryRow),
                [
                    {"queue_id": queue_id, "paper_id": ids[a], "position": n}
                    for n, a in enumerate(members, start=1)
                ],
            )
        touched = {ids[a] for a in (*state.tags, *state.notes)}
        if touched:
            mark_for_index(session, sorted(touched))
    library.sync_index()
