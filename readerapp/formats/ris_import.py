"""RIS exports (Zotero, Scopus, Web of Science, OpenAlex, EndNote, Mendeley) through rispy.

rispy maps tags to fields and joins continuation lines, but it drops a record that has no ER
without a word and knows no line numbers. So this module cuts the text into records itself
(TY ... ER, with the line each starts on) and hands rispy one record at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import rispy

from readerapp.core.errors import ParseError
from readerapp.core.identity import normalize_doi
from readerapp.core.records import PaperRecord
from readerapp.formats import wos_tagged
from readerapp.formats.base import ImportFormat, ParseResult, SkippedEntry
from readerapp.formats.links import links_from_urls
from readerapp.formats.record_fields import (
    DateParts,
    arxiv_from_doi,
    best_date,
    build_record,
    doi_from_url,
    loose_date,
    natural_name,
    unique,
)
from readerapp.formats.text_input import normalize_newlines

# "TY  - JOUR"; some databases number their records ("1. TY  - JOUR", "12) TY  - BOOK").
_TY_LINE = re.compile(r"^(?:\d{1,6}[.)]?\s+)?TY( {1,2})-(?:\s(.*))?$")
_ER_LINE = re.compile(r"^ER {1,2}-\s*$")  # the end tag, whatever the file's tag spacing
_MEDLINE_LINE = re.compile(r"^PMID- ?\d", re.MULTILINE)
_ANY_TAG_LINE = re.compile(r"^[A-Z][A-Z0-9] {1,2}-(?:\s|$)")
SNIFF_LINES = 40


@dataclass(slots=True)
class _Chunk:
    line: int
    lines: list[str] = field(default_factory=list)


def _tag_pattern(spaces: str) -> re.Pattern[str]:
    # The standard is two spaces before the dash; a file that writes "TY - " uses one throughout.
    gap = " {1,2}" if len(spaces) == 1 else "  "
    return re.compile(rf"^([A-Z][A-Z0-9]){gap}-(?:\s(.*))?$")


def _split(lines: list[str], spaces: str) -> tuple[list[_Chunk], list[SkippedEntry]]:
    """Records from TY to ER, as tag lines normalised for rispy; broken ones are skipped."""
    tag_line = _tag_pattern(spaces)
    chunks: list[_Chunk] = []
    skipped: list[SkippedEntry] = []
    current: _Chunk | None = None
    stray: tuple[int, str] | None = None  # tag lines outside any record: a record lost its TY

    def close_stray() -> None:
        nonlocal stray
        if stray:
            skipped.append(
                SkippedEntry(
                    stray[0], f"record without a 'TY  - ' line (it starts with {stray[1][:60]!r})"
                )
            )
            stray = None

    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        ty = _TY_LINE.match(line)
        if ty:
            close_stray()
            if current is not None:
                skipped.append(
                    SkippedEntry(
                        current.line,
                        f"record has no 'ER  - ' line before the next record (line {number})",
                    )
                )
            current = _Chunk(number, [f"TY  - {(ty.group(2) or '').strip()}"])
            continue
        tag = tag_line.match(line)
        if (tag and tag.group(1) == "ER") or _ER_LINE.match(line):
            if current is not None:
                chunks.append(current)
                current = None
            close_stray()
            continue
        if current is not None:
            if tag and tag.group(1) == "UK":
                continue  # not an RIS tag; rispy keeps its unknown tags under that name
            # Continuation lines are indented so rispy never mistakes their text for a tag.
            current.lines.append(
                f"{tag.group(1)}  - {(tag.group(2) or '').strip()}"
                if tag
                else "      " + line.strip()
            )
        elif tag and stray is None:
            stray = (number, line)
        # Other lines between records (numbers, database headers, search queries) are not data.
    close_stray()
    if current is not None:
        skipped.append(
            SkippedEntry(
                current.line, "record has no 'ER  - ' line: the file ends inside it (cut short?)"
            )
        )
    return chunks, skipped


def _texts(value: object) -> list[str]:
    """rispy gives a string for single tags and a list for repeated ones; both as strings."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    return []


def _first(entry: dict[str, object], *names: str) -> str:
    for name in names:
        texts = _texts(entry.get(name))
        if texts:
            return " ".join(texts)
    return ""


def _unknown(entry: dict[str, object], tag: str) -> list[str]:
    unknown = entry.get("unknown_tag")
    return _texts(unknown.get(tag)) if isinstance(unknown, dict) else []


def _keywords(values: Iterable[str]) -> list[str]:
    # Some exporters put every keyword into one KW line, separated by semicolons.
    return [part.strip() for value in values for part in value.split(";") if part.strip()]


def _record(entry: dict[str, object], line: int) -> PaperRecord | SkippedEntry:
    urls = [
        *_texts(entry.get("urls")),
        *_texts(entry.get("file_attachments2")),
        *_unknown(entry, "LK"),
        *_texts(entry.get("file_attachments1")),
    ]
    links, url_arxiv = links_from_urls(urls)
    doi = normalize_doi(_first(entry, "doi"))
    if doi is None:
        doi = next((d for d in map(doi_from_url, urls) if d), None)
    year_text = _first(entry, "year", "publication_year")
    candidates: list[DateParts] = [loose_date(t) for t in (year_text, _first(entry, "date")) if t]
    year, date = best_date(loose_date(year_text)[0] if year_text else None, candidates)
    title = (
        _first(entry, "title", "primary_title")
        or " ".join(_unknown(entry, "BT"))
        or " ".join(_unknown(entry, "CT"))
        or _first(entry, "short_title")
    )
    return build_record(
        title=title,
        line=line,
        kind="RIS record",
        arxiv_id=url_arxiv or arxiv_from_doi(doi),
        doi=doi,
        abstract=_first(entry, "abstract", "notes_abstract"),
        authors=unique(
            (
                natural_name(a)
                for a in (*_texts(entry.get("authors")), *_texts(entry.get("first_authors")))
            ),
            fold=False,
        ),
        year=year,
        date=date,
        # Full journal names first, abbreviations (JA, J2) only when nothing else is there.
        venue=_first(
            entry,
            "alternate_title3",
            "journal_name",
            "secondary_title",
            "alternate_title2",
            "alternate_title1",
        )
        or None,
        links=links,
        suggested_tags=_keywords(_texts(entry.get("keywords"))),
    )


def _no_records(lines: list[str], source: str) -> ParseError:
    """Why a text without a single TY line is not RIS, naming the line that shows it."""
    for number, line in enumerate(lines, start=1):
        if _MEDLINE_LINE.match(line):
            return ParseError(
                source,
                number,
                f"found {line.strip()[:40]!r}: this is PubMed "
                "MEDLINE (nbib) text, not RIS; import it with --format medline",
            )
    for number, line in enumerate(lines, start=1):
        if _ANY_TAG_LINE.match(line):
            return ParseError(
                source,
                number,
                f"no RIS record: no line starts one with "
                f"'TY  - ', and this line has {line.strip()[:60]!r} "
                f"outside any record",
            )
    for number, line in enumerate(lines, start=1):
        if line.strip():
            return ParseError(
                source,
                number,
                f"not RIS: no line starts a record with 'TY  - '; "
                f"the text starts with {line.strip()[:60]!r}",
            )
    return ParseError(source, 1, "empty: no RIS records")


def parse(text: str, source: str) -> ParseResult:
    text = normalize_newlines(text)
    if wos_tagged.looks_like_wos_tagged(text[:16384]):
        raise wos_tagged.refuse(source)
    lines = text.split("\n")
    first_ty = next((m for m in map(_TY_LINE.match, lines) if m), None)
    if first_ty is None:
        raise _no_records(lines, source)
    chunks, skipped = _split(lines, first_ty.group(1))
    result = ParseResult(skipped=skipped)
    parser = rispy.RisParser()
    for chunk in chunks:
        try:
            entries = parser.parse_lines(iter([*chunk.lines, "ER  - "]))
        except (KeyError, AttributeError, TypeError, ValueError) as exc:
            # rispy's own bookkeeping tripping over an odd record; the rest still imports.
            result.skipped.append(
                SkippedEntry(
                    chunk.line, f"RIS record rispy cannot read ({type(exc).__name__}: {exc})"
                )
            )
            continue
        if not entries or not isinstance(entries[0], dict):
            result.skipped.append(SkippedEntry(chunk.line, "RIS record rispy cannot read"))
            continue
        result.add(_record(entries[0], chunk.line))
    result.skipped.sort(key=lambda s: s.line or 0)
    return result


def sniff(head: str) -> float:
    head = normalize_newlines(head)
    if wos_tagged.looks_like_wos_tagged(head) or _MEDLINE_LINE.search(head):
        return 0.0
    lines = [line.rstrip() for line in head.split("\n") if line.strip()][:SNIFF_LINES]
    ty = [i for i, line in enumerate(lines) if _TY_LINE.match(line)]
    if not ty:
        return 0.0
    tagged = sum(1 for line in lines if _ANY_TAG_LINE.match(line))
    if ty[0] < 5 and tagged >= min(3, len(lines)):
        return 0.95  # TY at the top (after a few header or number lines), tags after it
    return 0.6 if tagged >= 3 else 0.3


FORMAT = ImportFormat(
    name="ris",
    label="RIS (Zotero, Scopus, Web of Science, OpenAlex, EndNote)",
    extensions=(".ris", ".txt"),
    sniff=sniff,
    parse=parse,
)
