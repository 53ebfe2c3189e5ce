"""Markdown reading lists (awesome-lists, roadmaps, paper tables) and plain lists of arXiv ids.

Every arXiv link, `arXiv:` citation or bare id is a paper. Its title comes from the link text,
from the table row's title cell, or from the text around it on its line; links to GitHub on the
same line or row become its code link. In plain id lists, `#` and `//` start comments, and
the text after an id that starts a line (`[2203.02155] Title`, `2203.02155: Title`) is its
title; a bare id (or one followed by a comment only) is titled `arXiv:2203.02155`.

In Markdown, a list item or table row without an arXiv reference is a paper too when it has a
title and an http(s) link that is the paper's: a link labelled as the paper ("Paper", "PDF",
"Technical Report"), else the link whose text is the title (`- [Title](url)`), else one
labelled as the project or code; a bare URL ending an item of plain text also counts. Tweets,
blogs, videos, images, badges, anchors (`#...`), relative links, licence and contributing
pages, navigation ("back to top") and the items of sections such as "Contents", "License" or
"Contributing" are never papers; nor are headings and paragraphs. See `_non_arxiv_entry`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import PurePath

from readerapp.core.identity import title_key
from readerapp.core.records import Links, PaperRecord
from readerapp.formats.arxiv_refs import HTML_LINK, MD_LINK, ArxivRef, check_id, find_refs
from readerapp.formats.base import ImportFormat, ParseResult, SkippedEntry
from readerapp.formats.links import (
    CODE_HOSTS,
    classify,
    clean_url,
    find_urls,
    is_hf_paper_url,
    is_web_url,
    page_kind,
    url_host,
    url_path,
    web_url,
)
from readerapp.formats.markdown_text import (
    PAPER_LINK_TEXTS,
    clean_inline,
    has_letters,
    is_generic_link_text,
    paper_link_hosts,
    strip_lead,
    title_from_text,
)
from readerapp.formats.record_fields import doi_from_url
from readerapp.formats.text_input import normalize_newlines

MARKDOWN_SUFFIXES = (".md", ".markdown")
MAX_LIST_LINE_CHARS = 300  # longer lines are prose, not items of a plain list
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_MD_OR_HTML_LINK = re.compile(r"\]\(|<a\s", re.IGNORECASE)
_BOLD_LEAD = re.compile(r"^(\*\*|__)(.+?)\1")
_BARE_LABEL = re.compile(r"\[\[?([^\[\]]{1,40})\]\]?[\s(:]*$")
_COMMENT_START, _COMMENT_END = "<!--", "-->"
# The bracket that closes each one an id may stand in: `[2203.02155] Title`.
_CLOSERS = {"[": "]", "(": ")"}
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

# What makes a line without an arXiv reference an entry of the list (see _non_arxiv_entry).
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
# Link texts that name the project or its code: such a link is the paper's when there is no
# better one ("| VALL-E ... | [Project](https://valle-demo.github.io/) |").
_PROJECT_LINK_TEXTS = frozenset(
    (
        "project",
        "project page",
        "project website",
        "code",
        "github",
        "repo",
        "repository",
        "official code",
        "website",
        "homepage",
        "home page",
    )
)
# Hosts whose pages are never a paper: social media, chat, video, badges, licences.
_NOT_PAPER_HOSTS = frozenset(
    (
        "twitter.com",
        "x.com",
        "t.co",
        "bsky.app",
        "threads.net",
        "mastodon.social",
        "linkedin.com",
        "facebook.com",
        "instagram.com",
        "reddit.com",
        "news.ycombinator.com",
        "discord.gg",
        "discord.com",
        "t.me",
        "youtube.com",
        "youtu.be",
        "shields.io",
        "img.shields.io",
        "badge.fury.io",
        "awesome.re",
        "creativecommons.org",
        "opensource.org",
        "choosealicense.com",
        "star-history.com",
    )
)
# Hosts whose pages are a paper's landing page (its "abs" link) when a list links a title there.
_PAPER_HOSTS = (
    "doi.org",
    "openreview.net",
    "aclanthology.org",
    "aclweb.org",
    "papers.nips.cc",
    "proceedings.neurips.cc",
    "proceedings.mlr.press",
    "jmlr.org",
    "openaccess.thecvf.com",
    "ecva.net",
    "ojs.aaai.org",
    "ijcai.org",
    "dl.acm.org",
    "ieeexplore.ieee.org",
    "link.springer.com",
    "sciencedirect.com",
    "nature.com",
    "science.org",
    "cell.com",
    "pnas.org",
    "biorxiv.org",
    "medrxiv.org",
    "ssrn.com",
    "semanticscholar.org",
    "pubmed.ncbi.nlm.nih.gov",
    "researchgate.net",
    "jamanetwork.com",
    "plos.org",
    "transformer-circuits.pub",
    "distill.pub",
    "usenix.org",
)
# A link text that is navigation or the list's own housekeeping, not a title.
_NAV_TEXT = re.compile(
    r"^(?:(?:back to |go to |to )?(?:top|contents|table of contents|toc|index|home)"
    r"|next|prev|previous|licen[cs]e|mit licen[cs]e|contributing|contributors?"
    r"|contribution guidelines?|how to contribute|code of conduct|changelog"
    r"|(?:subscribe|follow|join|sponsor|donate|star)\b.*"
    # By convention an "Awesome ..." repository is a list of links, not a paper.
    r"|awesome\b.*)$",
    re.IGNORECASE,
)
# Files of a repository that are housekeeping, not a paper's code.
_NAV_FILE = re.compile(
    r"/(?:licen[cs]e|copying|contributing|code_of_conduct|changelog)(?:\.\w+)?$", re.IGNORECASE
)
# Sections whose items are navigation or housekeeping ("## Contents", "## License").
_NAV_SECTION = re.compile(
    r"^(?:table of contents?|contents?|toc|index|licen[cs]e|contributing|contributors?"
    r"|how to contribute|code of conduct|acknowledge?ments?|sponsors?|support(?: us)?"
    r"|contact(?: us)?|citation|how to cite|cite(?: this| us)?|star history|stargazers"
    r"|community|footnotes?|maintainers?|credits|changelog"
    r"|(?:related|other) (?:awesome )?(?:lists|repos|repositories|resources|projects))\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Paper:
    arxiv_id: str | None
    title: str
    quality: int
    line: int
    code: str | None
    # The paper's own page when it is not on arXiv: a Links field name and its URL.
    page: tuple[str, str] | None = None
    doi: str | None = None


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
        after = line[ref.end : hi]
        title = title_from_text(_after_leading_id(before, after) or after)
    return (title, FROM_NEARBY_TEXT) if title else fallback


def _after_leading_id(before: str, rest: str) -> str | None:
    """The text after an id that starts its line, past the bracket that closes one opened
    just before it (`[2203.02155] Title`, as arXiv's listings print ids) and a colon
    (`2203.02155: Title`); None when the id runs on into other text (`2203.02155,Title`, a
    CSV row)."""
    opener = before.rstrip()[-1:]
    closed = opener in _CLOSERS and rest.startswith(_CLOSERS[opener])
    if closed:
        rest = rest[1:]
    rest = rest.removeprefix(":")
    if not rest or rest[0].isspace() or (closed and rest[0].isalpha()):
        return rest
    return None


def _is_markdown(text: str, source: str) -> bool:
    return PurePath(source).suffix.lower() in MARKDOWN_SUFFIXES or bool(
        _MARKDOWN_SIGNS.search(text)
    )


@dataclass(frozen=True, slots=True)
class _Link:
    start: int
    end: int
    text: str  # plain text, markup gone; "" for an image or a badge
    url: str


def _links(line: str) -> list[_Link]:
    """The http(s) links of a line in order; images are none, relative links and anchors
    neither."""
    found: list[_Link] = []
    for match in MD_LINK.finditer(line):
        url = web_url(match.group(3))
        if match.group(1) != "!" and url is not None:
            found.append(_Link(match.start(), match.end(), clean_inline(match.group(2)), url))
    for match in HTML_LINK.finditer(line):
        url = web_url(match.group(1))
        if url is not None:
            found.append(_Link(match.start(), match.end(), clean_inline(match.group(2)), url))
    return sorted(found, key=lambda link: link.start)


def _on(host: str, hosts: tuple[str, ...]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def _can_be_paper(url: str) -> bool:
    """Not social media, a badge, a licence, a repository's housekeeping file, or an anchor
    in a repository's README (a table of contents written with absolute links)."""
    host = url_host(url)
    # The hosts themselves (and their mobile sites): research.facebook.com has papers.
    if not host or host.removeprefix("m.") in _NOT_PAPER_HOSTS or _NAV_FILE.search(url_path(url)):
        return False
    return not ("#" in url and classify(url) == "code")


def _label(text: str) -> str:
    """What a link's text says it is, folded: "[[Paper 2]]" is "paper"."""
    key = " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())
    return re.sub(r" \d+$", "", key)


def _is_title(text: str | None) -> bool:
    return bool(
        text and has_letters(text) and not is_generic_link_text(text) and not _NAV_TEXT.match(text)
    )


def _non_arxiv_entry(line: str, is_row: bool, table: _Table) -> tuple[str, str, bool] | None:
    """(title, link, whether the link is labelled as the paper) of a table row or list item
    that has no arXiv reference, or None when it is not a paper.

    The link is the first one labelled as the paper ("Paper", "PDF", "Technical Report"),
    else the one whose text is the title, else the first labelled as the project or code.
    A row's title is its title cell; an item's is the text of the link it starts with, or
    the text before its paper or project link. An item of plain text may end with a bare URL.
    """
    if is_row:
        body = 0
        cells = _cells(line)
        title = _title_cell(line, cells, table) or _bold_lead(line, cells, table)
    else:
        item = _LIST_ITEM.match(line)
        if item is None:
            return None
        body, title = item.end(), None
    links = [link for link in _links(line) if link.start >= body and _can_be_paper(link.url)]
    paper = next((link for link in links if _label(link.text) in PAPER_LINK_TEXTS), None)
    project = next((link for link in links if _label(link.text) in _PROJECT_LINK_TEXTS), None)
    titled: _Link | None = None
    if is_row:
        key = title_key(title or "")
        titled = next((link for link in links if key and title_key(link.text) == key), None)
    elif links and not has_letters(clean_inline(line[body : links[0].start])):
        # `- [Title](url)`, `1. **[Title](url)**: ...`: the item starts with its title link.
        titled = links[0] if _is_title(links[0].text) else None
        title = titled.text if titled else None
    elif not links and not _MD_OR_HTML_LINK.search(line):
        return _bare_url_entry(line[body:])
    if title is None and (anchor := paper or project) is not None:
        title = title_from_text(line[body : anchor.start])
    chosen = paper or titled or project
    if chosen is None or not _is_title(title) or title is None:
        return None
    return title, chosen.url, chosen is paper


def _bold_lead(line: str, cells: list[tuple[int, int]], table: _Table) -> str | None:
    """`| 1) **AlphaFold 3** -releases a new ...`: a title cell too long to cut at a
    separator still names its paper in the bold text it starts with."""
    column = table.title_column or 0
    if column >= len(cells):
        return None
    start, end = cells[column]
    bold = _BOLD_LEAD.match(strip_lead(line[start:end].strip()))
    return clean_inline(bold.group(2)) if bold else None


def _bare_url_entry(text: str) -> tuple[str, str, bool] | None:
    """`- Title https://example.org/paper.pdf`, `- Title [[pdf]] (https://...)`: plain text,
    then one URL that ends the item."""
    urls = find_urls(text)
    if len(urls) != 1:
        return None
    at = text.find(urls[0])
    if text[at + len(urls[0]) :].strip(" \t.,;:()[]<>"):
        return None
    before, labelled = text[:at], False
    label = _BARE_LABEL.search(before)
    if label:  # a link label whose Markdown went wrong: "[[pdf]] (url)"
        before = before[: label.start()]
        labelled = _label(label.group(1)) in PAPER_LINK_TEXTS
    url = web_url(urls[0])
    title = title_from_text(before)
    if url is None or not _can_be_paper(url) or not _is_title(title) or title is None:
        return None
    return title, url, labelled


def _page_kind(url: str, labelled: bool) -> str:
    """Which Links field a paper's page goes to. A link labelled as the paper is where it
    lives (links.page_kind: its abstract page, its PDF, or code); an unlabelled one is the
    abstract page only on a publisher's or preprint server's host or with a DOI in it, else
    a project page, unless it is a PDF, code or a Hugging Face paper page."""
    kind = page_kind(url)
    if labelled or kind != "abs":
        return kind
    return "abs" if _on(url_host(url), _PAPER_HOSTS) or doi_from_url(url) else "project"


def _page_paper(line: str, number: int, title: str, url: str, labelled: bool) -> _Paper:
    kind = _page_kind(url, labelled)
    arxiv_id = None
    if is_hf_paper_url(url):  # huggingface.co/papers/<arXiv id>
        arxiv_id, _ = check_id(url_path(url).removeprefix("/papers/").strip("/"))
    code = None if kind == "code" else _code_link(line, 0, len(line))
    return _Paper(arxiv_id, title, FROM_LINK_OR_CELL, number, code, (kind, url), doi_from_url(url))


class _Reader:
    """One pass over the lines; keeps table and fence state and the papers found so far."""

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.papers: dict[str, _Paper] = {}
        self.skipped: list[SkippedEntry] = []
        self.in_fence = False
        self.table: _Table | None = None
        self.nav_section = False  # under a heading such as "Contents" or "License"
        self.in_comment = False  # inside an HTML comment that spans lines

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
                if not self.in_fence and _HEADING.match(raw):
                    heading = raw.strip().strip("#").strip()
                    self.nav_section = bool(_NAV_SECTION.match(clean_inline(heading)))
                # A line that starts inside an HTML comment, or opens one, lists nothing.
                commented = self.in_comment or raw.lstrip().startswith(_COMMENT_START)
                if not self.in_fence:
                    opened, closed = raw.rfind(_COMMENT_START), raw.rfind(_COMMENT_END)
                    if opened > closed:
                        self.in_comment = True
                    elif closed >= 0:
                        self.in_comment = False
                self._line(raw, number, commented=commented)
            else:
                if raw.lstrip().startswith(("#", "//")):
                    continue
                self._line(_TRAILING_COMMENT.sub("", raw), number)

    def _line(self, line: str, number: int, commented: bool = False) -> None:
        is_row = (
            not self.in_fence
            and self.markdown
            and (line.lstrip().startswith("|") or self.table is not None)
        )
        refs = find_refs(line)
        if not refs:
            if self.markdown and not self.in_fence and not commented:
                self._non_arxiv(line, number, is_row)
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

    def _non_arxiv(self, line: str, number: int, is_row: bool) -> None:
        """A list item or table row whose paper is not on arXiv, or why a paper link is not
        read."""
        entry = None
        if not self.nav_section and (is_row or _LIST_ITEM.match(line)):
            entry = _non_arxiv_entry(line, is_row, self.table or _Table())
        if entry is not None:
            title, url, labelled = entry
            self._add(_page_paper(line, number, title, url, labelled))
            return
        hosts = paper_link_hosts(line)
        if not hosts:
            return
        where = ", ".join(hosts)
        if self.nav_section:
            why = f"the paper link to {where} is in a section of navigation or housekeeping"
        elif is_row or _LIST_ITEM.match(line):
            why = f"the paper link to {where} has no title in its row or item"
        else:
            why = f"the paper link to {where} is not in a list item or table row"
        self.skipped.append(SkippedEntry(number, f"{why}; not read as a paper"))

    def _add(self, paper: _Paper) -> None:
        key = paper.arxiv_id
        if key is None and paper.page is not None:
            # A paper outside arXiv is known by its page: the same link is the same paper.
            key = "page:" + paper.page[1].rstrip("/")
        if key is None:
            return
        seen = self.papers.get(key)
        if seen is None:
            self.papers[key] = paper
            return
        # The first mention keeps its line; a later one may bring a better title or code link.
        if paper.quality > seen.quality:
            seen.title, seen.quality = paper.title, paper.quality
        if seen.code is None:
            seen.code = paper.code
        if seen.page is None:
            seen.page = paper.page
        if seen.doi is None:
            seen.doi = paper.doi


def _record(paper: _Paper) -> PaperRecord:
    year, date = None, None
    # The id holds the month arXiv received the paper: a fact, not a guess.
    yymm = re.search(r"(?:^|/)(\d{2})(\d{2})", paper.arxiv_id or "")
    if yymm:
        yy = int(yymm.group(1))
        year = (1900 if yy >= 91 else 2000) + yy
        date = f"{year}-{yymm.group(2)}"
    links = Links(code=paper.code)
    if paper.page is not None:
        kind, url = paper.page
        links = Links(**{"code": paper.code, kind: url})
    return PaperRecord(
        title=paper.title,
        arxiv_id=paper.arxiv_id,
        doi=paper.doi,
        year=year,
        date=date,
        links=links,
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
    """A plain-list line: an id or arXiv link first (`[2203.02155] Title` too), or a short
    line with an arXiv link (not in a CSV cell; not a paragraph of prose that happens to cite
    one)."""
    refs = find_refs(line)
    if not refs:
        return False
    first = refs[0]
    before = line[: first.start]
    if _leads(before) and _after_leading_id(before, line[first.end :]) is not None:
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
