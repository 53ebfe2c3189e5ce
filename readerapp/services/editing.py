"""Hand edits of a paper's fields: cleaned, checked, kept as the user's, undone in one step.

Every field a hand edit sets is named in the paper's `user_edited` marks, a cleared one too:
imports and look-ups fill only empty fields the user did not edit (services.merge.fill_updates;
the author list in import_store.merge_existing), so what was typed or removed by hand stays.
One edit is one transaction and one undo Step ("fields"), which puts back the values, the
author list and the marks exactly as they were.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from readerapp.core.errors import UserError
from readerapp.core.identity import normalize_doi, parse_arxiv_id, title_key
from readerapp.core.records import LINK_KINDS
from readerapp.db.models import AuthorRow, PaperRow, utcnow
from readerapp.formats.links import web_url
from readerapp.formats.record_fields import MAX_YEAR, MIN_YEAR, clean_abstract, clean_text
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.index_marks import mark_for_index
from readerapp.services.library import Library

# A link kind ("pdf") and the column that holds it ("pdf_url").
LINK_FIELDS: dict[str, str] = {kind: f"{kind}_url" for kind in LINK_KINDS}
# What a hand edit may set, in the order edits are reported: papers columns and "authors".
EDITABLE: tuple[str, ...] = (
    "title",
    "authors",
    "year",
    "date",
    "venue",
    "arxiv_id",
    "doi",
    "abstract",
    *LINK_FIELDS.values(),
)
AUTHORS = "authors"
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
# Where people separate names in one line of text: "Ada Lovelace; Alan Turing".
_AUTHOR_SEPARATOR = re.compile(r"[;\n]")


class FieldError(UserError):
    """A value of one field that cannot be written; `field` names it (an EDITABLE name), so
    the window can show the message next to that field's editor."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def parse_authors(text: str) -> list[str]:
    """Names from one text, separated by semicolons or lines; "" is no authors."""
    return [name.strip() for name in _AUTHOR_SEPARATOR.split(text) if name.strip()]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _clean_title(value: object) -> str:
    title = clean_text(_text(value))
    if not title_key(title):
        raise UserError("a title needs at least one letter or digit")
    return title


def _clean_authors(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        names: Iterable[object] = parse_authors(value)
    elif isinstance(value, Iterable):
        names = value
    else:
        raise UserError(f"authors are a list of names, not {value!r}")
    return [name for name in (clean_text(_text(n)) for n in names) if name]


def _clean_year(value: object) -> int | None:
    text = _text(value).strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit():
        raise UserError(f"{text!r} is not a year")
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise UserError(f"{year} is not a year between {MIN_YEAR} and {MAX_YEAR}")
    return year


def _clean_date(value: object) -> str | None:
    text = _text(value).strip()
    if not text:
        return None
    match = _ISO_DATE.fullmatch(text)
    why = "use YYYY, YYYY-MM or YYYY-MM-DD"
    if match is None:
        raise UserError(f"{text!r} is not a date: {why}")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        raise UserError(f"{text!r} is not a date: there is no such day") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise UserError(f"{text!r} is not a date between {MIN_YEAR} and {MAX_YEAR}")
    return text


def _clean_arxiv_id(value: object) -> str | None:
    text = _text(value).strip()
    if not text:
        return None
    arxiv_id = parse_arxiv_id(text)
    if arxiv_id is None:
        raise UserError(f"{text!r} is not an arXiv id (such as 2106.09685 or hep-th/9901001)")
    return arxiv_id


def _clean_doi(value: object) -> str | None:
    text = _text(value).strip()
    if not text:
        return None
    doi = normalize_doi(text)
    if doi is None:
        raise UserError(f"{text!r} is not a DOI (such as 10.1145/3442188.3445922)")
    return doi


def _clean_link(value: object) -> str | None:
    text = _text(value).strip()
    if not text:
        return None
    url = web_url(text)
    if url is None:
        raise UserError(f"{text!r} is not an http(s) link")
    return url


def _clean_venue(value: object) -> str | None:
    return clean_text(_text(value)) or None


def _clean_abstract(value: object) -> str:
    return clean_abstract(_text(value), indented_paragraphs=False)


_CLEANERS: dict[str, Callable[[object], object]] = {
    "title": _clean_title,
    AUTHORS: _clean_authors,
    "year": _clean_year,
    "date": _clean_date,
    "venue": _clean_venue,
    "arxiv_id": _clean_arxiv_id,
    "doi": _clean_doi,
    "abstract": _clean_abstract,
    **dict.fromkeys(LINK_FIELDS.values(), _clean_link),
}
assert set(_CLEANERS) == set(EDITABLE)


def _check_fields(values: Mapping[str, object]) -> None:
    unknown = [k for k in values if k not in EDITABLE]
    if unknown:
        raise UserError(f"{unknown[0]} cannot be edited; these can: {', '.join(EDITABLE)}")
    if not values:
        raise UserError("nothing to edit: name at least one field")


def clean_values(values: Mapping[str, object]) -> dict[str, object]:
    """The values a hand edit would write, in EDITABLE order: texts trimmed, identifiers
    normalised; a value that is not valid is a FieldError naming it. None or "" clears a field
    (a title cannot be cleared)."""
    _check_fields(values)
    cleaned: dict[str, object] = {}
    for field in EDITABLE:
        if field in values:
            try:
                cleaned[field] = _CLEANERS[field](values[field])
            except UserError as error:
                raise FieldError(field, str(error)) from None
    return cleaned


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
