"""Triage: stars, reading status, tags, hand edits, deletion, and reading papers back."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from readerapp.core.errors import UserError
from readerapp.core.identity import title_key
from readerapp.core.records import STATUSES, Paper
from readerapp.db import queries
from readerapp.db.models import IndexPendingRow, PaperRow, PaperTagRow, TagRow, utcnow
from readerapp.services.library import Library
from readerapp.services.refs import resolve_refs

EDITABLE = (
    "title",
    "abstract",
    "year",
    "date",
    "venue",
    "abs_url",
    "pdf_url",
    "code_url",
    "project_url",
    "hf_url",
)


def mark_for_index(session: Session, ids: Sequence[int]) -> None:
    """Record, inside the caller's transaction, that these papers' index entries are stale."""
    if ids:
        session.execute(
            insert(IndexPendingRow).prefix_with("OR IGNORE"), [{"paper_id": pid} for pid in ids]
        )


def _require(session: Session, ids: Sequence[int]) -> None:
    found = set()
    for part in queries.chunks(list(ids)):
        found |= set(session.scalars(select(PaperRow.id).where(PaperRow.id.in_(part))))
    missing = [i for i in ids if i not in found]
    if missing:
        raise UserError(f"no paper with id {missing[0]}")


def resolve(library: Library, refs: Sequence[str]) -> list[int]:
    with library.read() as session:
        return resolve_refs(session, refs)


def get_papers(library: Library, ids: Sequence[int]) -> list[Paper]:
    with library.read() as session:
        return queries.load_papers(session, ids)


def get_paper(library: Library, paper_id: int) -> Paper:
    papers = get_papers(library, [paper_id])
    if not papers:
        raise UserError(f"no paper with id {paper_id}")
    return papers[0]


def set_starred(library: Library, ids: Sequence[int], starred: bool) -> None:
    with library.write() as session:
        _require(session, ids)
        for part in queries.chunks(list(ids)):
            session.execute(update(PaperRow).where(PaperRow.id.in_(part)).values(starred=starred))


def set_status(library: Library, ids: Sequence[int], status: str) -> None:
    if status not in STATUSES:
        raise UserError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    with library.write() as session:
        _require(session, ids)
        for part in queries.chunks(list(ids)):
            session.execute(update(PaperRow).where(PaperRow.id.in_(part)).values(status=status))


def clean_tag(tag: str) -> str:
    name = " ".join(tag.split())
    if not name:
        raise UserError("a tag needs at least one visible character")
    if len(name) > 100:
        raise UserError("a tag can be at most 100 characters long")
    return name


def add_tag(library: Library, tag: str, ids: Sequence[int]) -> None:
    name = clean_tag(tag)
    with library.write() as session:
        _require(session, ids)
        tag_id = session.scalar(select(TagRow.id).where(TagRow.name == name))
        if tag_id is None:
            row = TagRow(name=name)
            session.add(row)
            session.flush()
            tag_id = row.id
        session.execute(
            insert(PaperTagRow).prefix_with("OR IGNORE"),
            [{"paper_id": pid, "tag_id": tag_id} for pid in ids],
        )
        mark_for_index(session, ids)
    library.sync_index()


def remove_tag(library: Library, tag: str, ids: Sequence[int]) -> None:
    name = clean_tag(tag)
    with library.write() as session:
        _require(session, ids)
        tag_id = session.scalar(select(TagRow.id).where(TagRow.name == name))
        if tag_id is None:
            raise UserError(f"no tag named {name!r}")
        for part in queries.chunks(list(ids)):
            session.execute(
                delete(PaperTagRow).where(
                    PaperTagRow.tag_id == tag_id, PaperTagRow.paper_id.in_(part)
                )
            )
        # A tag nobody uses any more disappears from the tag list.
        still_used = session.scalar(
            select(PaperTagRow.paper_id).where(PaperTagRow.tag_id == tag_id).limit(1)
        )
        if still_used is None:
            session.execute(delete(TagRow).where(TagRow.id == tag_id))
        mark_for_index(session, ids)
    library.sync_index()


def list_tags(library: Library) -> list[tuple[str, int]]:
    from sqlalchemy import func

    with library.read() as session:
        rows = session.execute(
            select(TagRow.name, func.count(PaperTagRow.paper_id))
            .join(PaperTagRow, PaperTagRow.tag_id == TagRow.id)
            .group_by(TagRow.id)
            .order_by(func.lower(TagRow.name))
        )
        return [(name, count) for name, count in rows]


def edit_paper(library: Library, paper_id: int, **values: object) -> None:
    """A hand edit; the fields are remembered as the user's so imports never overwrite them."""
    unknown = [k for k in values if k not in EDITABLE]
    if unknown:
        raise UserError(f"{unknown[0]} cannot be edited")
    with library.write() as session:
        row = session.get(PaperRow, paper_id)
        if row is None:
            raise UserError(f"no paper with id {paper_id}")
        if "title" in values:
            title = " ".join(str(values["title"]).split())
            if not title_key(title):
                raise UserError("a title needs at least one letter or digit")
            values["title"] = title
            row.title_key = title_key(title)
        for key, value in values.items():
            setattr(row, key, value)
        edited = set(filter(None, row.user_edited.split(","))) | set(values)
        row.user_edited = ",".join(sorted(edited))
        row.updated_at = utcnow()
        mark_for_index(session, [paper_id])
        library.papers_changed(session)  # title, year or date may sort differently now
    library.sync_index()


def delete_papers(library: Library, ids: Sequence[int]) -> None:
    with library.write() as session:
        _require(session, ids)
        for part in queries.chunks(list(ids)):
            session.execute(delete(PaperRow).where(PaperRow.id.in_(part)))
        mark_for_index(session, ids)
        library.papers_changed(session)
    library.sync_index()
