"""A plain-text copy of a Hugging Face Daily Papers page: header, then title/abstract pairs."""

from __future__ import annotations

import re

from readerapp.core.identity import title_key
from readerapp.core.records import PaperRecord
from readerapp.formats.base import ImportFormat, ParseResult, SkippedEntry
from readerapp.formats.links import links_from_text
from readerapp.formats.text_input import normalize_newlines

HEADER_LINES = frozenset(
    s.casefold()
    for s in (
        "new",
        "Get trending papers in your email inbox!",
        "Subscribe",
        "Daily Papers",
        "byAK and the research community",
        "Trending Papers",
        "Previous",
        "Next",
    )
)
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DATE_LINE = re.compile(
    rf"^(?:(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})$",
    re.IGNORECASE,
)
MAX_TITLE_CHARS = 300


def _is_header(line: str) -> bool:
    return line.casefold() in HEADER_LINES or bool(_DATE_LINE.match(line))


def _paragraphs(text: str) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines with the 1-based line number where each starts."""
    paragraphs: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append((start, current))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        paragraphs.append((start, current))
    return paragraphs


def _looks_like_title(lines: list[str]) -> bool:
    text = lines[0]
    return len(lines) == 1 and len(text) <= MAX_TITLE_CHARS and not text.endswith(".")


def parse(text: str, source: str) -> ParseResult:
    result = ParseResult()
    paragraphs = _paragraphs(normalize_newlines(text))
    # Drop the page header, wherever its lines fall into paragraphs.
    body: list[tuple[int, list[str]]] = []
    in_header = True
    for start, lines in paragraphs:
        if in_header:
            kept = []
            for offset, line in enumerate(lines):
                if _is_header(line):
                    if _DATE_LINE.match(line):
                        result.listing_date = line
                    continue
                kept.append((start + offset, line))
            if not kept:
                continue
            in_header = False
            start, lines = kept[0][0], [line for _, line in kept]
        body.append((start, lines))

    i = 0
    while i < len(body):
        start, lines = body[i]
        if not _looks_like_title(lines):
            result.skipped.append(
                SkippedEntry(
                    start, "a paragraph where a title line was expected (no title before it)"
                )
            )
            i += 1
            continue
        title = lines[0]
        abstract_parts: list[str] = []
        i += 1
        while i < len(body) and not _looks_like_title(body[i][1]):
            abstract_parts.append(" ".join(body[i][1]))
            i += 1
        if not title_key(title):
            result.skipped.append(SkippedEntry(start, f"title {title!r} has no letters"))
            continue
        abstract = "\n\n".join(abstract_parts)
        result.records.append(
            PaperRecord(
                title=title,
                abstract=abstract,
                links=links_from_text(abstract),
                line=start,
            )
        )
    return result


def sniff(head: str) -> float:
    lines = [line.strip() for line in normalize_newlines(head).split("\n") if line.strip()]
    if not lines:
        return 0.0
    headers = sum(1 for line in lines[:12] if _is_header(line))
    if headers >= 3:
        return 0.95
    # Header-less paste: alternating short title lines and long paragraphs, no markup.
    if any(line.startswith(("@", "{", "[", "<", "TY  -", "#", "%")) for line in lines[:3]):
        return 0.0
    paragraphs = _paragraphs(normalize_newlines(head))[:8]
    if len(paragraphs) >= 2:
        titles = sum(1 for _, p in paragraphs[0::2] if _looks_like_title(p))
        long_text = sum(1 for _, p in paragraphs[1::2] if len(" ".join(p)) > 300)
        if titles >= len(paragraphs[0::2]) - 1 and long_text >= 1:
            return 0.5
    return 0.05


FORMAT = ImportFormat(
    name="hf-daily-text",
    label="Hugging Face Daily Papers (copied text)",
    extensions=(".txt",),
    sniff=sniff,
    parse=parse,
)
