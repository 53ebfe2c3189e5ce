"""Field clean-up shared by every importer: text, titles, abstracts, names, dates, identifiers.

The formats carry the same things in different clothes: names as "Family, Given", dates as
"2020 Feb", "2021/02/04" or "Tue, 18 Jul 2023 10:00:00 GMT", DOIs inside resolver URLs. Each
importer pulls its raw values out; this module turns them into PaperRecord values the same way.
URLs are links.py's business.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Callable, Iterable

from readerapp.core.identity import normalize_doi, parse_arxiv_id, title_key
from readerapp.core.records import Links, PaperRecord
from readerapp.formats.base import SkippedEntry

# Years outside this range are BC dates, typos or placeholders ("0", "9999"), not publications.
MIN_YEAR = 1000
MAX_YEAR = 2100

# Control characters (C0 but tab and newline, DEL, C1) cannot be stored or shown: they become
# spaces. Bidirectional overrides garble or disguise text wherever it is shown: they go. Lone
# surrogates (JSON "\ud800" escapes) become U+FFFD, so that the loss is visible.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_MATH = re.compile(r"(\$[^$]*\$)")
# Rich-text markup Zotero and citeproc put into titles (<i>, <sc>, <span class="nocase">).
_RICH_TEXT_TAG = re.compile(r"</?(?:i|b|em|strong|sup|sub|sc|span)(?:\s[^<>]*)?>", re.IGNORECASE)
_PROTECT_BRACES = re.compile(r"\{([^{}\\]*)\}")
# Paragraphs end at a blank line; in arXiv's abstracts also at a newline followed by an
# indent (arXiv indents each new paragraph; its other newlines are only line wrapping).
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_BLANK_OR_INDENT = re.compile(r"\n[^\S\n]*\n\s*|\n[^\S\n]+")
# A generation suffix or degree after a comma: "Smith, Jr., John", "John Smith, III".
_NAME_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv|v|vi|phd|md)\.?$", re.IGNORECASE)

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
# ISO 8601 dates and timestamps, also with slashes: "2021-08", "2021/6/17", "2026-05-29T20:00".
_ISO_DATE = re.compile(r"^\s*(\d{4})(?:([-/])(\d{1,2})(?:\2(\d{1,2}))?)?(?!\d)", re.ASCII)
# "2024", "2024///", "2021/02/04", "2011/03/15/Spring", "2024-02-01T00:00:00Z".
_NUMERIC_DATE = re.compile(
    r"^(\d{4})(?:[-/.](\d{1,2})?)?(?:[-/.](\d{1,2})?)?(?:[-/.].*|T.*)?$", re.ASCII
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$", re.ASCII)
_YEAR_TOKEN = re.compile(r"^\d{4}$", re.ASCII)
_DAY_TOKEN = re.compile(r"^\d{1,2}$", re.ASCII)
# A DOI inside a landing-page URL: doi.org resolvers and publishers' /doi/abs/10.x/... paths.
_DOI_URL = re.compile(
    r"^https?://(?:dx\.|www\.)?doi\.org/|/doi/(?:abs/|full/|pdf/|epdf/)?10\.", re.IGNORECASE
)
_SHORT_DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/)?(10/[a-z0-9]+)$", re.IGNORECASE)
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.IGNORECASE)

DateParts = tuple[int | None, int | None, int | None]


# Text


def collapse(text: str) -> str:
    """Whitespace runs, hard line breaks included, become one space. Nothing else changes,
    so text that readerapp wrote itself (a CSV export) reads back as it was."""
    return " ".join(text.split())


def has_unsafe(text: str) -> bool:
    """True when the text holds a control character or a bidirectional override."""
    # Controls and bidi overrides are not printable: printable text (most) needs no search.
    return not text.isprintable() and bool(_CONTROL.search(text) or _BIDI.search(text))


def scrub_unsafe(text: str) -> str:
    """Controls become spaces and bidi overrides go; line breaks (paragraphs) stay."""
    return _BIDI.sub("", _CONTROL.sub(" ", text))


def clean_text(text: str) -> str:
    """One line of display text: whitespace collapsed, control characters and bidirectional
    overrides gone, lone surrogates made U+FFFD."""
    # The common case, called several times per field of every record: printable text has no
    # controls, bidi overrides, surrogates or whitespace but " " (all are unprintable), so
    # only runs of spaces can need work.
    if text.isprintable():
        if "  " in text or text[:1] == " " or text[-1:] == " ":
            return " ".join(text.split())
        return text
    text = _CONTROL.sub(" ", text)
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", _BIDI.sub("", text))
    return collapse(text)


def _outside_math(text: str, clean: Callable[[str], str]) -> str:
    # Odd indexes are the $...$ captures: there braces are syntax and `<` is a relation.
    if "$" not in text:
        return clean(text)
    parts = _MATH.split(text)
    return "".join(p if i % 2 else clean(p) for i, p in enumerate(parts))


def _drop_markup(text: str) -> str:
    """Rich-text tags and case-protection braces; braces next to LaTeX commands are arguments."""
    if "<" in text:
        text = _RICH_TEXT_TAG.sub("", text)
    if "{" in text and "\\" not in text:
        previous = None
        while previous != text:
            previous, text = text, _PROTECT_BRACES.sub(r"\1", text)
    return text


def clean_title(text: str) -> str:
    """A title for display: one line, no rich-text tags, no case-protection braces; $math$
    stays as written."""
    text = clean_text(text)
    if "<" not in text and "{" not in text:
        return text  # no tags or braces: nothing for _drop_markup, and clean_text is idempotent
    return clean_text(_outside_math(text, _drop_markup))


def clean_abstract(text: str, *, indented_paragraphs: bool = True) -> str:
    """Line wrapping undone, paragraphs kept apart by one blank line, rich-text tags dropped;
    LaTeX stays as written. A newline followed by an indent starts a paragraph (arXiv's
    convention) unless `indented_paragraphs` is false (BibTeX, where indents are layout)."""
    if "\n" not in text and "\r" not in text and "<" not in text:
        return clean_text(text)  # one paragraph without tags (most abstracts; all re-cleaned ones)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if "<" in text:
        text = _outside_math(text, lambda part: _RICH_TEXT_TAG.sub("", part))
    breaks = _BLANK_OR_INDENT if indented_paragraphs else _BLANK_LINE
    return "\n\n".join(p for p in map(clean_text, breaks.split(text)) if p)


def unique(values: Iterable[str], *, fold: bool = True) -> tuple[str, ...]:
    """Non-empty cleaned values in first-seen order without repeats (case-insensitive repeats
    too, unless `fold` is false)."""
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        text = clean_text(value)
        key = text.casefold() if fold else text
        if text and key not in seen:
            seen.add(key)
            kept.append(text)
    return tuple(kept)


# Names


def with_suffix(name: str, suffix: str) -> str:
    """ "Given Family" and a suffix as one name: "Martin Luther King, Jr."."""
    return f"{name}, {suffix}" if name and suffix else name or suffix


def natural_name(name: str) -> str:
    """A person's name in natural order, "Given Family[, Suffix]".

    "Family, Given" becomes "Given Family"; "Family, Given, Suffix" (RIS) and "Family, Suffix,
    Given" (BibTeX, spreadsheets) become "Given Family, Suffix". A name already in natural order
    ("John Smith, Jr.") and anything else with commas stay as they are.
    """
    if "," not in name:
        return clean_text(name)  # one part: natural order already
    parts = [part.strip() for part in clean_text(name).split(",")]
    parts = [part for part in parts if part]
    if len(parts) == 2:
        family, second = parts
        # A lone "V." after a comma is an initial far more often than "the fifth".
        if _NAME_SUFFIX.match(second) and second.rstrip(".").casefold() != "v":
            return with_suffix(family, second)
        return f"{second} {family}"
    if len(parts) == 3:
        family, second, third = parts
        if _NAME_SUFFIX.match(second):
            return with_suffix(f"{third} {family}", second)
        if _NAME_SUFFIX.match(third):
            return with_suffix(f"{second} {family}", third)
    return ", ".join(parts)


def author_names(names: Iterable[str]) -> tuple[str, ...]:
    """Names in order, in natural order; not de-duplicated, two co-authors can share a name."""
    return tuple(filter(None, map(natural_name, names)))


# Years and dates


def sane_year(value: int | None) -> int | None:
    """The year if it is a plausible publication year, else None."""
    if value is None or not MIN_YEAR <= value <= MAX_YEAR:
        return None
    return value


def find_year(text: str) -> int | None:
    """The first four-digit number in a text, if it is a plausible year ("2022.0", "c. 1998")."""
    match = _YEAR.search(text)
    return sane_year(int(match.group(1))) if match else None


def month_number(text: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Feb", "february", "Sept.")."""
    return _MONTHS.get(text.strip(" .,").casefold())


def iso_date(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """ISO date as precise as the parts allow; impossible months and days are dropped."""
    year = sane_year(year)
    if year is None:
        return None
    if month is None or not 1 <= month <= 12:
        return f"{year:04d}"
    if day is not None:
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            pass
    return f"{year:04d}-{month:02d}"


def timestamp_parts(text: str) -> DateParts:
    """(year, month, day) of an ISO 8601 date or timestamp ("2021-08", "2021/6/17",
    "2026-05-29T20:00:00-04:00") or an RFC 822 date ("Tue, 18 Jul 2023 10:00:00 GMT").

    The calendar date is taken as written: a "2026-05-29T20:00:00-04:00" paper is dated the
    29th, the day its source shows, not shifted to UTC. Anything else gives no parts.
    """
    match = _ISO_DATE.match(text)
    if match:
        year, _, month, day = match.groups()
        return int(year), int(month) if month else None, int(day) if day else None
    try:
        parsed = email.utils.parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None, None, None
    return parsed.year, parsed.month, parsed.day


def timestamp_date(text: str) -> tuple[int | None, str | None]:
    """Year and ISO date of a timestamp_parts() text, or (None, None)."""
    year, month, day = timestamp_parts(text)
    year = sane_year(year)
    return year, iso_date(year, month, day)


def loose_date(text: str) -> DateParts:
    """(year, month, day) from "2021/02/04", "2024///", "20190325", "2020 Feb", "SEP 22",
    "2018 Dec 1". Ranges and seasons ("2020 Jan-Feb", "2019 Spring") keep only the year."""
    text = text.strip()
    compact = _COMPACT_DATE.match(text)
    if compact:
        return int(compact.group(1)), int(compact.group(2)), int(compact.group(3))
    numeric = _NUMERIC_DATE.match(text)
    if numeric:
        year, month, day = (int(g) if g else None for g in numeric.groups())
        return year, month, day
    year = month = day = None
    tokens = re.split(r"\s+|,", text)
    for index, token in enumerate(tokens):
        if _YEAR_TOKEN.match(token) and year is None:
            year = int(token)
        elif month is None and (number := month_number(token)) is not None:
            month = number
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            if _DAY_TOKEN.match(following):
                day = int(following)
        elif "-" in token and month is None and month_number(token.split("-")[0]):
            month = 0  # a month range: keep the year only (0 is dropped by iso_date)
    return year, (month or None), day


def best_date(year: int | None, candidates: Iterable[DateParts]) -> tuple[int | None, str | None]:
    """The year, and the most precise date among candidates that agrees with it.

    A candidate without a year (Web of Science "DA  - SEP 22") borrows `year`. A candidate
    only refines what is known (2020-02 to 2020-02-15), never contradicts it: when a source
    gives a year and a date of another year (an online-first date), the year wins.
    """
    year = sane_year(year)
    best: str | None = iso_date(year)
    for cand_year, month, day in candidates:
        cand_year = sane_year(cand_year) if cand_year is not None else year
        if cand_year is None or (year is not None and cand_year != year):
            continue
        year = cand_year
        date = iso_date(cand_year, month, day)
        if date and (best is None or (len(date) > len(best) and date.startswith(best))):
            best = date
    return year, best


# Identifiers


def arxiv_from_doi(doi: str | None) -> str | None:
    """arXiv's own DataCite DOIs (10.48550/arXiv.2106.09685) name the arXiv id."""
    match = _ARXIV_DOI.match(doi or "")
    return parse_arxiv_id(match.group(1)) if match else None


def doi_from_url(url: str) -> str | None:
    """The DOI in a doi.org URL or a publisher's /doi/10.x/... page; not in any other URL.
    The query and fragment are not part of it (a DOI in a URL has "?" and "#" escaped)."""
    if not _DOI_URL.search(url):
        return None
    return normalize_doi(url.split("#", 1)[0].split("?", 1)[0])


def short_doi(text: str | None) -> str | None:
    """A shortDOI handle ("10/fqd6hj"), lower-cased; None for anything else."""
    match = _SHORT_DOI.match((text or "").strip())
    return match.group(1).lower() if match else None


# Records


def fallback_title(title: str, arxiv_id: str | None, doi: str | None) -> str | None:
    """The title to show: `title` when it has letters or digits, else "arXiv:<id>" or
    "doi:<doi>"; None when nothing names the paper."""
    if title_key(title):
        return title
    if arxiv_id:
        return f"arXiv:{arxiv_id}"
    if doi:
        return f"doi:{doi}"
    return None


def unnamed_reason(kind: str, title: str) -> str:
    """Why an entry that fallback_title() found nothing for is skipped."""
    if title:
        return f"{kind} has a title without letters ({title[:60]!r}) and no arXiv id or DOI"
    return f"{kind} has no title, arXiv id or DOI"


def build_record(
    *,
    title: str,
    line: int | None,
    kind: str = "entry",
    arxiv_id: str | None = None,
    doi: str | None = None,
    abstract: str = "",
    authors: Iterable[str] = (),
    year: int | None = None,
    date: str | None = None,
    venue: str | None = None,
    links: Links | None = None,
    suggested_tags: Iterable[str] = (),
    unnamed: str | None = None,
) -> PaperRecord | SkippedEntry:
    """A record with cleaned fields, or why the entry is skipped: it needs a title with letters
    or digits, or an arXiv id or DOI. `kind` names the entry in the reason ("RIS record");
    `unnamed` replaces the whole reason."""
    title = clean_title(title)
    shown = fallback_title(title, arxiv_id, doi)
    if shown is None:
        return SkippedEntry(line, unnamed or unnamed_reason(kind, title))
    return PaperRecord(
        title=shown,
        abstract=clean_abstract(abstract),
        authors=tuple(filter(None, map(clean_text, authors))),
        year=sane_year(year),
        date=date,
        arxiv_id=arxiv_id,
        doi=doi,
        venue=clean_text(venue or "") or None,
        links=links or Links(),
        suggested_tags=unique(suggested_tags),
        line=line,
    )
