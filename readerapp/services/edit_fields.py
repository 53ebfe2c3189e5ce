"""A hand edit's fields: which a hand edit may set, and their values cleaned and checked.

No database here: the window's paper editor checks what is typed as it is typed, and it is
built before the window's first paint, which no ORM import should delay (services.editing
writes the edits).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping

from readerapp.core.errors import UserError
from readerapp.core.identity import normalize_doi, parse_arxiv_id, title_key
from readerapp.core.records import LINK_KINDS
from readerapp.formats.links import web_url
from readerapp.formats.record_fields import MAX_YEAR, MIN_YEAR, clean_abstract, clean_text

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


def check_fields(values: Mapping[str, object]) -> None:
    unknown = [k for k in values if k not in EDITABLE]
    if unknown:
        raise UserError(f"{unknown[0]} cannot be edited; these can: {', '.join(EDITABLE)}")
    if not values:
        raise UserError("nothing to edit: name at least one field")


def clean_values(values: Mapping[str, object]) -> dict[str, object]:
    """The values a hand edit would write, in EDITABLE order: texts trimmed, identifiers
    normalised; a value that is not valid is a FieldError naming it. None or "" clears a field
    (a title cannot be cleared)."""
    check_fields(values)
    cleaned: dict[str, object] = {}
    for field in EDITABLE:
        if field in values:
            try:
                cleaned[field] = _CLEANERS[field](values[field])
            except UserError as error:
                raise FieldError(field, str(error)) from None
    return cleaned
