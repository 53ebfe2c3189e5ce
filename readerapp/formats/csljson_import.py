"""CSL-JSON references (Zotero, Better BibTeX, pandoc, citeproc): a list of item objects.

Values arrive in every shape the schema allows and some it does not: date-parts as strings or
numbers, EDTF strings, BC years, names as family/given or one literal, short DOIs. Nothing is
trusted to have the type the schema promises.

Short DOIs ("10/fqd6hj") are not kept as the DOI: they are aliases, and a paper's identity is
its full DOI, which another source of the same paper gives. Storing the alias would keep the
two apart (merging refuses two different DOIs). The full DOI is taken from the item's doi.org
URL when there is one; otherwise the short DOI stays reachable as the abstract link
https://doi.org/10/fqd6hj.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace

from readerapp.core.errors import ParseError
from readerapp.core.identity import find_arxiv_ids, normalize_doi, parse_arxiv_id
from readerapp.core.records import PaperRecord
from readerapp.formats.base import ImportFormat, ParseResult, SkippedEntry
from readerapp.formats.json_input import WHITESPACE, int_value, kind_of, skip_ws
from readerapp.formats.links import links_from_urls
from readerapp.formats.record_fields import (
    DateParts,
    arxiv_from_doi,
    best_date,
    build_record,
    clean_text,
    doi_from_url,
    loose_date,
    short_doi,
    with_suffix,
)

CSL_TYPES = frozenset(
    (
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    )
)
# Keys of other JSON formats read by other importers (HF papers, Semantic Scholar).
_FOREIGN_KEYS = re.compile(r'"(?:paper|paperId|externalIds|upvotes|publishedAt)"\s*:')
_TYPE_VALUE = re.compile(r'"type"\s*:\s*"([A-Za-z_-]+)"')
_TITLE_KEY = re.compile(r'"title"\s*:')
_CSL_MARKER = re.compile(r'"(?:author|issued|id|citation-key)"\s*:')
_ITEM_KEYS = frozenset(("title", "type", "author", "issued", "DOI", "citation-key"))
# EDTF: "2017-24~", "2011-05-25~/2012-06-26", "-0333", "2014-12-31/..".
_EDTF = re.compile(r"^(-?)(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?[~?%]*(?:$|[/T])", re.ASCII)


class _Lines:
    """1-based line of a character offset; offsets are asked for in increasing order."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1

    def at(self, pos: int) -> int:
        if pos < self.pos:
            return self.text.count("\n", 0, pos) + 1
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


def _decode(text: str, pos: int, lines: _Lines, source: str) -> tuple[object, int]:
    try:
        return json.JSONDecoder().raw_decode(text, pos)
    except json.JSONDecodeError as exc:
        raise ParseError(
            source, exc.lineno, f"not valid JSON: {exc.msg} (column {exc.colno})"
        ) from exc
    except RecursionError as exc:
        raise ParseError(source, lines.at(pos), "JSON nested too deeply to read") from exc
    except ValueError as exc:  # e.g. an integer longer than Python converts
        raise ParseError(source, lines.at(pos), f"not valid JSON: {exc}") from exc


def _items(text: str, source: str) -> list[tuple[int, object]]:
    """Top-level items with the line each starts on: a list, one item, or items keyed by id."""
    lines = _Lines(text)
    pos = skip_ws(text, 0)
    if pos == len(text):
        raise ParseError(source, 1, "empty: no CSL-JSON items")
    if text[pos] == "{":
        line = lines.at(pos)
        obj, end = _decode(text, pos, lines, source)
        _expect_end(text, end, lines, source)
        if (
            isinstance(obj, dict)
            and not _ITEM_KEYS & obj.keys()
            and obj
            and all(isinstance(v, dict) for v in obj.values())
        ):
            return [(line, v) for v in obj.values()]  # citeproc-js style {"ITEM-1": {...}}
        return [(line, obj)]
    if text[pos] != "[":
        raise ParseError(
            source,
            lines.at(pos),
            f"not CSL-JSON: it is a [list] of items, but "
            f"the text starts with {text[pos : pos + 20]!r}",
        )
    items: list[tuple[int, object]] = []
    pos = skip_ws(text, pos + 1)
    if text[pos : pos + 1] == "]":
        _expect_end(text, pos + 1, lines, source)
        return items
    while True:
        line = lines.at(pos)
        obj, pos = _decode(text, pos, lines, source)
        items.append((line, obj))
        pos = skip_ws(text, pos)
        follow = text[pos : pos + 1]
        if follow == ",":
            pos = skip_ws(text, pos + 1)
        elif follow == "]":
            _expect_end(text, pos + 1, lines, source)
            return items
        elif not follow:
            raise ParseError(source, lines.at(pos), "the JSON list is cut short: no closing ]")
        else:
            raise ParseError(
                source,
                lines.at(pos),
                f"not valid JSON: expected ',' or ']' after an item, found {follow!r}",
            )


def _expect_end(text: str, pos: int, lines: _Lines, source: str) -> None:
    pos = skip_ws(text, pos)
    if pos < len(text):
        raise ParseError(
            source, lines.at(pos), f"not valid JSON: text after the end ({text[pos : pos + 20]!r})"
        )


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
        return str(value)
    return ""


def _str(value: object) -> str:
    """A string field as text; numbers count, a list gives its first string; else empty."""
    if isinstance(value, list):  # one level only: nested lists are not text
        return next((s for s in map(_scalar, value) if s), "")
    return _scalar(value)


def _name(value: object) -> str:
    """ "Given [particle] Family[, Suffix]" from a CSL name, or its literal."""
    if isinstance(value, str):
        return clean_text(value)
    if not isinstance(value, dict):
        return ""
    literal = _str(value.get("literal"))
    if literal:
        return clean_text(literal)
    parts = [
        _str(value.get(k))
        for k in ("given", "dropping-particle", "non-dropping-particle", "family")
    ]
    return clean_text(with_suffix(" ".join(p for p in parts if p), _str(value.get("suffix"))))


def _names(value: object) -> list[str]:
    if not isinstance(value, list):
        value = [value]
    return [n for n in map(_name, value) if n]


def _edtf(text: str) -> DateParts:
    """An EDTF or free-text date; a range gives its start, a BC year gives nothing."""
    start = text.strip().split("/")[0].strip() or text.strip().split("/")[-1].strip()
    match = _EDTF.match(start)
    if match:
        if match.group(1):  # BC
            return None, None, None
        month, day = match.group(3), match.group(4)
        return int(match.group(2)), int(month) if month else None, int(day) if day else None
    return loose_date(start)


def _date(value: object) -> DateParts:
    if isinstance(value, str):
        return _edtf(value)
    if not isinstance(value, dict):
        return None, None, None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        first = [int_value(p) for p in parts[0][:3]]
        if first[0] is not None:
            first += [None] * (3 - len(first))
            return first[0], first[1], first[2]
    for key in ("raw", "literal"):
        text = _str(value.get(key))
        if text:
            year, month, day = _edtf(text)
            if year is not None:
                return year, month, day
    return None, None, None


def _keywords(value: object) -> list[str]:
    if isinstance(value, list):
        return [s for s in map(_str, value) if s]
    text = _str(value)
    # Zotero joins an item's tags with ", "; some tools use semicolons.
    return [t.strip() for t in re.split(";" if ";" in text else ",", text) if t.strip()]


def _arxiv_id(item: dict[str, object], url_arxiv: str | None, doi: str | None) -> str | None:
    if url_arxiv or arxiv_from_doi(doi):
        return url_arxiv or arxiv_from_doi(doi)
    # A preprint's number/archive_location is its arXiv id only when the item says arXiv.
    about_arxiv = any(
        "arxiv" in _str(item.get(k)).lower()
        for k in ("archive", "publisher", "container-title", "source", "genre")
    )
    for key in ("number", "archive_location"):
        text = _str(item.get(key))
        if text and (about_arxiv or "arxiv" in text.lower()):
            found = parse_arxiv_id(text)
            if found:
                return found
    note_ids = find_arxiv_ids(_str(item.get("note")))  # Better BibTeX: "arXiv: 2106.09685"
    if note_ids:
        return note_ids[0]
    item_id = _str(item.get("id"))
    return parse_arxiv_id(item_id) if "arxiv.org" in item_id.lower() else None


def _record(item: object, line: int) -> PaperRecord | SkippedEntry:
    if not isinstance(item, dict):
        return SkippedEntry(line, f"not a CSL-JSON item: {kind_of(item)}, not an object")
    key = _str(item.get("citation-key")) or _str(item.get("id"))
    url = _str(item.get("URL"))
    links, url_arxiv = links_from_urls([url] if url else [])
    raw_doi = _str(item.get("DOI"))
    doi = normalize_doi(raw_doi) or (doi_from_url(url) if url else None)
    alias = short_doi(raw_doi) if doi is None else None
    if alias and links.abs is None:
        links = replace(links, abs=f"https://doi.org/{alias}")
    issued = _date(item.get("issued"))
    year, date = best_date(issued[0], [issued])
    authors = _names(item.get("author")) or _names(item.get("editor"))  # edited volumes
    venue = (
        _str(item.get("container-title"))
        or _str(item.get("event-title"))
        or _str(item.get("event"))
    )
    return build_record(
        title=_str(item.get("title")) or _str(item.get("title-short")),
        line=line,
        kind=f"CSL-JSON item {key[:60]!r}" if key else "CSL-JSON item",
        arxiv_id=_arxiv_id(item, url_arxiv, doi),
        doi=doi,
        abstract=_str(item.get("abstract")),
        authors=authors,
        year=year,
        date=date,
        venue=venue or None,
        links=links,
        suggested_tags=_keywords(item.get("keyword")),
    )


def parse(text: str, source: str) -> ParseResult:
    text = text.lstrip("\ufeff")
    items = _items(text, source)
    if not items:
        raise ParseError(source, 1, "an empty list: no CSL-JSON items")
    if not any(isinstance(item, dict) and _ITEM_KEYS & item.keys() for _, item in items):
        line, first = items[0]
        if isinstance(first, dict):
            keys = ", ".join(sorted(first)[:8])
            shown = f"an object with keys {keys}" if keys else "an empty object"
        else:
            shown = kind_of(first)
        raise ParseError(
            source,
            line,
            f"not CSL-JSON: no item has a title, type, author or issued date; the first is {shown}",
        )
    result = ParseResult()
    for line, item in items:
        result.add(_record(item, line))
    return result


def sniff(head: str) -> float:
    head = head.lstrip("\ufeff" + WHITESPACE)
    if not head.startswith(("[", "{")) or _FOREIGN_KEYS.search(head):
        return 0.0
    types = _TYPE_VALUE.findall(head)
    if not types or not _TITLE_KEY.search(head) or not _CSL_MARKER.search(head):
        return 0.0
    return 0.95 if any(t in CSL_TYPES for t in types) else 0.5


FORMAT = ImportFormat(
    name="csljson",
    label="CSL-JSON (Zotero, Better BibTeX, pandoc)",
    extensions=(".json", ".csl.json"),
    sniff=sniff,
    parse=parse,
)
