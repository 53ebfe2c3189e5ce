"""Hand edits of a paper's fields: cleaned, checked, kept as the user's, undone in one step.

Every field a hand edit sets is named in the paper's `user_edited` marks, a cleared one too:
imports and look-ups fill only empty fields the user did not edit (services.merge.fill_updates;
the author list in import_store.merge_existing), so what was typed or removed by hand stays.
One edit is one transaction and one undo Step ("fields"), which puts back the values, the
author list and the marks exactly as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from readerapp.core.errors import UserError
from readerapp.core.identity import title_key
from readerapp.db.models import AuthorRow, PaperRow, utcnow
from readerapp.services.changes import Applied, Changes, Step

# The fields and their cleaning, without the database (services.edit_fields), re-exported.
from readerapp.services.edit_fields import AUTHORS as AUTHORS
from readerapp.services.edit_fields import EDITABLE as EDITABLE
from readerapp.services.edit_fields import LINK_FIELDS as LINK_FIELDS
from readerapp.services.edit_fields import FieldError as FieldError
from readerapp.services.edit_fields import check_fields as _check_fields
from readerapp.services.edit_fields import clean_values as clean_values
from readerapp.services.edit_fields import parse_authors as parse_authors
from readerapp.services.index_marks import mark_for_index
from readerapp.services.library import Library


def edit_paper(library: Library, paper_id: int, **values: object) -> Applied:
    """A hand edit of one paper's fields (EDITABLE; "authors" takes a list of names) in one
    transaction. Each field named is marked as the user's, so imports never fill it again,
    even when the edit cleared it. An arXiv id or DOI another paper holds is a FieldError.
    The value is the fields edited, in EDITABLE order."""
    cleaned = clean_values(values)
    return _replace_fields(
        library, paper_id, cleaned, lambda had: _marks(had, cleaned), _links_follow_arxiv_id
    )


# The pages an arXiv id gives a paper; when the user corrects the id, the ones that were
# made from the old id follow it (a link the user set by hand stays as it is).
_ARXIV_PAGES = {
    "abs_url": "https://arxiv.org/abs/{}",
    "pdf_url": "https://arxiv.org/pdf/{}",
    "hf_url": "https://huggingface.co/papers/{}",
}


def _links_follow_arxiv_id(row: PaperRow, values: Mapping[str, object]) -> dict[str, object]:
    if "arxiv_id" not in values or values["arxiv_id"] == row.arxiv_id:
        return {}
    old, new = row.arxiv_id, values["arxiv_id"]
    edited = set(row.user_edited.split(","))
    follow: dict[str, object] = {}
    for field, page in _ARXIV_PAGES.items():
        if field in values or field in edited:
            continue
        current = getattr(row, field)
        made_from_old = (
            old is not None
            and current is not None
            and (re.fullmatch(re.escape(page.format(old)) + r"(?:v\d+)?(?:\.pdf)?", current))
        )
        if current is None or made_from_old:
            follow[field] = page.format(new) if new else None
    return {k: v for k, v in follow.items() if v != getattr(row, k)}


def restore_fields(
    library: Library, paper_id: int, values: Mapping[str, object], user_edited: str
) -> Applied:
    """Puts fields, the author list and the hand-edited marks back as they were: the undo
    (and redo) of edit_paper. The values are written as given: they were the paper's."""
    _check_fields(values)
    return _replace_fields(library, paper_id, dict(values), lambda _had: user_edited)


def _marks(had: str, fields: Iterable[str]) -> str:
    return ",".join(sorted({*had.split(","), *fields} - {""}))


def _replace_fields(
    library: Library,
    paper_id: int,
    values: dict[str, object],
    edited: Callable[[str], str],
    follow: Callable[[PaperRow, Mapping[str, object]], dict[str, object]] | None = None,
) -> Applied:
    """Writes the fields (and those `follow` derives from them) and the hand-edited marks
    `edited` makes of the old ones; the undo puts all of them back."""
    with library.write() as session:
        # Locked (FOR UPDATE on a server): two machines editing different fields of one
        # paper take turns, and the second builds its hand-edited marks on the first's.
        row = session.get(PaperRow, paper_id, with_for_update=True)
        if row is None:
            raise UserError(f"no paper with id {paper_id}")
        _check_unique(session, paper_id, values)
        named = list(values)  # what the user edited; the followers ride along
        if follow is not None:
            values = {**values, **follow(row, values)}
        before = {key: _current(session, row, key) for key in values}
        had = row.user_edited
        _write_fields(session, row, values, edited(had))
        mark_for_index(session, [paper_id])
        library.papers_changed(session)  # title, authors, year or date may sort differently
    library.sync_index()
    return Applied(
        f"Edit {', '.join(named)}",
        Changes.of([paper_id], order=True),
        Step("fields", {"paper_id": paper_id, "values": before, "user_edited": had}),
        named,
    )


def _check_unique(session: Session, paper_id: int, values: Mapping[str, object]) -> None:
    """An arXiv id or a DOI is one paper's: another paper holding it is a UserError."""
    for column, name in ((PaperRow.arxiv_id, "arXiv id"), (PaperRow.doi, "DOI")):
        value = values.get(column.key)
        if value is None:
            continue
        other = session.scalar(select(PaperRow.id).where(column == value, PaperRow.id != paper_id))
        if other is not None:
            raise FieldError(column.key, f"paper {other} already has the {name} {value}")


def _current(session: Session, row: PaperRow, field: str) -> object:
    if field == AUTHORS:
        return list(
            session.scalars(
                select(AuthorRow.name)
                .where(AuthorRow.paper_id == row.id)
                .order_by(AuthorRow.position)
            )
        )
    return getattr(row, field)


def _write_fields(
    session: Session, row: PaperRow, values: Mapping[str, object], edited: str
) -> None:
    for field, value in values.items():
        if field == AUTHORS:
            session.execute(delete(AuthorRow).where(AuthorRow.paper_id == row.id))
            names = [str(name) for name in value] if isinstance(value, list | tuple) else []
            if names:
                session.execute(
                    insert(AuthorRow),
                    [
                        {"paper_id": row.id, "position": i, "name": name}
                        for i, name in enumerate(names)
                    ],
                )
            continue
        if field == "title":
            row.title_key = title_key(str(value))
        setattr(row, field, value)
    row.user_edited = edited
    row.updated_at = utcnow()
