"""Markdown reading lists (awesome-lists, roadmaps, paper tables) and plain lists of arXiv ids.

Every arXiv link, `arXiv:` citation or bare id is a paper. Its title comes from the link text,
from the table row's title cell, or from the text around it on its line; links to GitHub on the
same line or row become its code link. In plain id lists, `#` and `//` start comments.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import PurePath

from readerapp.core.records import Links, PaperRecord
from readerapp.formats.arxiv_refs import ArxivRef, find_refs
from readerapp.formats.base import ImportFormat, ParseResult, SkippedEntry
from readerapp.formats.links import CODE_HOSTS, classify, clean_url, is_web_url
from readerapp.formats.markdown_text import (
    clean_inline,
    has_letters,
    is_generic_link_text,
    paper_link_hosts,
    strip_lead,
    title_from_text,
)
from readerapp.formats.text_input import normalize_newlines

MARKDOWN_SUFFIXES = (".md", ".markdown")
MAX_LIST_LINE_CHARS = 300  # longer lines are prose, not items of a plain list
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
# Markdown that a plain id list never has: links, table rows, HTML anchors.
_MARKDOWN_SIGNS = re.compile(r"\]\(|^\s*\|.*\|\s*$|<a\s[^>]*href", re.MULTILINE | re.IGNORECASE)
# In a plain list a comment runs from `#` or `//` after a space to the end of the line.
_TRAILING_COMMENT = re.compile(r"(?:^|\s)(?:#|//).*$")
_TITLE_HEADERS = frozenset(
    ("title", "paper", "papers", "paper title", "name", "paper name", "model", "method", "work")
)
# What starts other formats: BibTeX, JSON, RIS, MEDLINE, XML feeds.
_OTHER_FORMAT = re.compile(
    r"^(?:@\w+\s*[{(]|[\[{]\s*(?:[\"{\[\]]|$)|TY {2}- |PMID-|<\?xml|<feed|<rss|<!doctype)",
    re.IGNORECASE,
)

# How good a title is; a later mention of the same paper replaces a worse one.
FROM_LINK_OR_CELL, FROM_NEARBY_TEXT, FALLBACK = 3, 2, 0


@dataclass(slots=True)
class _Paper:
    arxiv_id: str
    title: str
    quality: int
    line: int
    code: str | None


@dataclass(slots=True)
class _Table:
    title_column: int | None = None


def _cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row, without the outer pipes."""
    bounds = [-1, *(m.start() for m in _CELL_SPLIT.finditer(line)), len(line)]
    spans = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    if spans and not line[spans[0][0] : spans[0][1]].strip():
        spans = spans[1:]  # before the leading pipe
    if spans and not line[spans[-1][0] : spans[-1][1]].strip():
        spans = spans[:-1]  # after the trailing pipe
    return spans


def _title_column(header: str) -> int | None:
    for index, (start, end) in enumerate(_cells(header)):
        if clean_inline(header[start:end]).casefold() in _TITLE_HEADERS:
            return index
    return None


def _title_cell(line: str, cells: list[tuple[int, int]], table: _Table) -> str | None:
    """The row's title: its title column, else the first cell that says something."""
    if table.title_column is not None and table.title_column < len(cells):
        start, end = cells[table.title_column]
        return title_from_text(line[start:end])
    for start, end in cells:
        title = title_from_text(line[start:end])
        if title and not is_generic_link_text(title):
            return title
    return None


def _leads(text: str) -> bool:
    """Whether only list markup and separators stand before a reference."""
    rest = strip_lead(text)
    return not has_letters(rest) and not any(ch.isdigit() for ch in rest)


def _code_link(line: str, start: int, end: int) -> str | None:
    text = line[start:end]
    if not any(host in text for host in CODE_HOSTS):
        return None
    for match in re.finditer(r"https?://[^\s<>\"'`|]+", text):
        url = clean_url(match.group(0))
        if any(host in url for host in CODE_HOSTS) and is_web_url(url) and classify(url) == "code":
            return url
    return None


def _title(
    line: str,
    ref: ArxivRef,
    previous_end: int,
    next_start: int,
    cell: tuple[int, int] | None,
    row_title: str | None,
    in_fence: bool,
) -> tuple[str, int]:
    """The best title for one reference and how good it is (the id when there is none)."""
    if row_title is not None and not in_fence:
        return row_title, FROM_LINK_OR_CELL
    if ref.link_text is not None:
        link_title = clean_inline(ref.link_text)
        if has_letters(link_title) and not is_generic_link_text(link_title):
            return link_title, FROM_LINK_OR_CELL
    fallback = f"arXiv:{ref.arxiv_id}", FALLBACK
    if in_fence:  # code around a citation (BibTeX, shell) is no title
        return fallback
    lo = max(previous_end, cell[0] if cell else 0)
    hi = min(next_start, cell[1] if cell else len(line))
    before = line[lo : ref.start]
    title = title_from_text(before)
    if title is None and _leads(before):
        title = title_from_text(line[ref.end : hi])
    return (title, FROM_NEARBY_TEXT) if title else fallback


def _is_markdown(text: str, source: str) -> bool:
    return PurePath(source).suffix.lower() in MARKDOWN_SUFFIXES or bool(
        _MARKDOWN_SIGNS.search(text)
    )


class _Reader:
    """One pass over the lines; keeps table and fence state and the papers found so far."""

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.papers: dict[str, _Paper] = {}
        self.skipped: list[SkippedEntry] = []
        self.in_fence = False
        self.table: _Table | None = None

    def read(self, lines: list[str]) -> None:
        for index, raw in enumerate(lines):
            number = index + 1
            if not raw.strip():
                self.table = None
                continue
            if self.markdown:
                if _FENCE.match(raw):
                    self.in_fence = not self.in_fence
                    continue
                following = lines[index + 1] if index + 1 < len(lines) else ""
                if (
                    not self.in_fence
                    and "|" in raw
                    and _TABLE_SEPARATOR.match(following)
                    and "-" in following
                ):
                    self.table = _Table(_title_column(raw))
                    continue
                if self.table is not None and _TABLE_SEPARATOR.match(raw) and "-" in raw:
                    continue
                if self.table is not None and "|" not in raw:
                    self.table = None
                self._line(raw, number)
            else:
                if raw.lstrip().startswith(("#", "//")):
                    continue
                self._line(_TRAILING_COMMENT.sub("", raw), number)

    def _line(self, line: str, number: int) -> None:
        is_row = (
            not self.in_fence
            and self.markdown
            and (line.lstrip().startswith("|") or self.table is not None)
        )
        refs = find_refs(line)
        if not refs:
            self._skip_non_arxiv_paper(line, number)
            return
        cells = _cells(line) if is_row else []
        cell_starts = [start for start, _ in cells]
        valid = [ref for ref in refs if ref.arxiv_id]
        distinct = list(dict.fromkeys(ref.arxiv_id for ref in valid))
        row_title = None
        if is_row and len(distinct) == 1:
            row_title = _title_cell(line, cells, self.table or _Table())
        # A row's code link belongs to its one paper; on a line with several papers, to the
        # paper it follows.
        line_code = _code_link(line, 0, len(line)) if len(distinct) == 1 else None
        previous_end = 0
        for position, ref in enumerate(refs):
            next_start = refs[position + 1].start if position + 1 < len(refs) else len(line)
            if ref.arxiv_id is None:
                if ref.problem and (ref.explicit or _leads(line[previous_end : ref.start])):
                    self.skipped.append(SkippedEntry(number, ref.problem))
                previous_end = ref.end
                continue
            at = bisect.bisect_right(cell_starts, ref.start) - 1
            cell = cells[at] if at >= 0 and ref.start < cells[at][1] else None
            title, quality = _title(
                line, ref, previous_end, next_start, cell, row_title, self.in_fence
            )
            code = line_code if len(distinct) == 1 else _code_link(line, ref.start, next_start)
            self._add(_Paper(ref.arxiv_id, title, quality, number, code))
            previous_end = ref.end

    def _skip_non_arxiv_paper(self, line: str, number: int) -> None:
        if not self.markdown or self.in_fence:
            return
        hosts = paper_link_hosts(line)
        if hosts:
            self.skipped.append(
                SkippedEntry(
                    number,
                    f"the paper link goes to {', '.join(hosts)}, not arXiv; only arXiv "
                    "papers are read from Markdown lists",
                )
            )

    def _add(self, paper: _Paper) -> None:
        seen = self.papers.get(paper.arxiv_id)
        if seen is None:
            self.papers[paper.arxiv_id] = paper
            return
        # The first mention keeps its line; a later one may bring a better title or code link.
        if paper.quality > seen.quality:
            seen.title, seen.quality = paper.title, paper.quality
        if seen.code is None:
            seen.code = paper.code


def _record(paper: _Paper) -> PaperRecord:
    year, date = None, None
    # The id holds the month arXiv received the paper: a fact, not a guess.
    yymm = re.search(r"(?:^|/)(\d{2})(\d{2})", paper.arxiv_id)
    if yymm:
        yy = int(yymm.group(1))
        year = (1900 if yy >= 91 else 2000) + yy
        date = f"{year}-{yymm.group(2)}"
    return PaperRecord(
        title=paper.title,
        arxiv_id=paper.arxiv_id,
        year=year,
        date=date,
        links=Links(code=paper.code),
        line=paper.line,
    )


def parse(text: str, source: str) -> ParseResult:
    text = normalize_newlines(text)
    reader = _Reader(_is_markdown(text, source))
    reader.read(text.split("\n"))
    result = ParseResult(skipped=reader.skipped)
    result.records = [_record(paper) for paper in reader.papers.values()]
    return result


def _holds_id(line: str) -> bool:
    """A plain-list line: an id or arXiv link first, or a short line with an arXiv link (not
    in a CSV cell; not a paragraph of prose that happens to cite one)."""
    refs = find_refs(line)
    if not refs:
        return False
    first = refs[0]
    rest = line[first.end :]
    if _leads(line[: first.start]) and (not rest or rest[0].isspace()):
        return True
    return len(line) <= MAX_LIST_LINE_CHARS and any(
        ref.explicit and (ref.start == 0 or line[ref.start - 1] not in ",;\t") for ref in refs
    )


def sniff(head: str) -> float:
    text = normalize_newlines(head)
    lines = [line for line in text.split("\n") if line.strip()]
    meaningful = [line for line in lines if not line.lstrip().startswith("%")]
    if not meaningful or _OTHER_FORMAT.match(meaningful[0].lstrip()):
        return 0.0
    if _MARKDOWN_SIGNS.search(text):
        explicit = sum(1 for line in lines for ref in find_refs(line, bare=False) if ref.explicit)
        if explicit:
            return min(0.85, 0.6 + 0.03 * explicit)
    # Otherwise a plain list (headings are comments there): most lines hold an id.
    body = [
        _TRAILING_COMMENT.sub("", line)
        for line in lines
        if not line.lstrip().startswith(("#", "//"))
    ]
    body = [line for line in body if line.strip()]
    if not body:
        return 0.0
    # A truncated head may cut its last line in half; judge the complete ones.
    complete = body[:-1] if len(body) > 2 else body
    holding = sum(1 for line in complete if _holds_id(line))
    share = holding / len(complete)
    if holding and share >= 0.5:
        return 0.45 + 0.4 * share
    return 0.0


FORMAT = ImportFormat(
    name="markdown-list",
    label="Markdown reading list or list of arXiv ids",
    extensions=(".md", ".markdown", ".txt"),
    sniff=sniff,
    parse=parse,
)
