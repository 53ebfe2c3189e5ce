"""arXiv references as people write them in lists: links, `arXiv:` citations and bare ids.

`identity.parse_arxiv_id` says which paper a *known* reference is; this module finds the
references in a line, keeps where each sits (titles are looked up around them) and says why a
written id cannot be a real one, so that a list can report `2305.00000` instead of dropping it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from readerapp.core.identity import parse_arxiv_id

# Archives of the old scheme (1991 to March 2007); a bare `foo/9901001` is only an id with one.
OLD_ARCHIVES = frozenset(
    (
        "acc-phys",
        "adap-org",
        "alg-geom",
        "ao-sci",
        "astro-ph",
        "atom-ph",
        "bayes-an",
        "chao-dyn",
        "chem-ph",
        "cmp-lg",
        "comp-gas",
        "cond-mat",
        "cs",
        "dg-ga",
        "funct-an",
        "gr-qc",
        "hep-ex",
        "hep-lat",
        "hep-ph",
        "hep-th",
        "math",
        "math-ph",
        "mtrl-th",
        "nlin",
        "nucl-ex",
        "nucl-th",
        "patt-sol",
        "physics",
        "plasm-ph",
        "q-alg",
        "q-bio",
        "quant-ph",
        "solv-int",
        "supr-con",
    )
)

_NEW_SHAPE = re.compile(r"(\d{2})(\d{2})\.(\d{4,5})(?:v\d+)?", re.ASCII)
_OLD_SHAPE = re.compile(
    r"([a-z]+(?:-[a-z]+)?)(\.[A-Z]{2})?/(\d{2})(\d{2})(\d{3})(?:v\d+)?", re.ASCII
)

# What can follow `arxiv.org/abs/` (or pdf, html, format) up to the end of the URL.
_URL_TAIL = r"[^\s?#)\]>\"'|,;<]+"
_ARXIV_URL = re.compile(
    rf"(?<![\w.-])(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html|format)/"
    rf"({_URL_TAIL})",
    re.IGNORECASE,
)
# `arXiv:2106.09685`, `arXiv 2106.09685`, `arXiv: hep-th/9901001`.
_CITED = re.compile(
    r"(?<![\w/.])arxiv\s*[:.]?\s*([a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?/\d+(?:v\d+)?|\d{4}\.\d+(?:v\d+)?)"
    r"(?![\w.]*\d)",
    re.IGNORECASE | re.ASCII,
)
# A bare id: not glued to other digits, dots, word characters or path separators.
_BARE_NEW = re.compile(r"(?<![\w./:#-])\d{4}\.\d{4,5}(?:v\d+)?(?![\w])(?!\.\d)", re.ASCII)
_BARE_OLD = re.compile(
    r"(?<![\w./:#-])[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?(?![\w])", re.ASCII
)

# `[text](url "title")`, with one level of brackets inside the text (`[[paper]](url)`). As in
# CommonMark, an escaped bracket (`\[`, `\]`) is text: it neither opens nor closes a link.
MD_LINK = re.compile(
    r"(?<!\\)(!?)\[((?:\\[^\n]|[^\[\]\n\\]|\[[^\[\]\n]*\])*)\]"
    r"\(\s*<?([^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)>?"
    r"(?:\s+\"[^\"\n]*\")?\s*\)"
)
# Bounded so that a line full of unclosed `<a href=` cannot take quadratic time.
HTML_LINK = re.compile(
    r"<a\s[^<>]{0,300}?\bhref\s*=\s*[\"']([^\"'<>]{0,2000})[\"'][^<>]{0,300}>(.{0,1000}?)</a\s*>",
    re.IGNORECASE,
)
_ARXIV_WORD = re.compile("arxiv", re.IGNORECASE)
_MAYBE_ID = re.compile(r"\d{4}\.\d{4}|/\d{7}")
_ANY_URL = re.compile(r"https?://[^\s<>\"'`)\]|]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ArxivRef:
    """One reference in a line: where it sits, what it says, and the id or why there is none."""

    start: int
    end: int
    raw: str  # the id as written (version and `.pdf` kept)
    arxiv_id: str | None  # normalised, without version; None when `problem` says why
    problem: str | None
    link_text: str | None  # the text of a Markdown or HTML link around it
    explicit: bool  # written as an arXiv link or `arXiv:` citation, not a bare number


def check_id(raw: str, today: dt.date | None = None) -> tuple[str | None, str | None]:
    """(normalised id, None) for a real arXiv id, else (None, why it cannot be one)."""
    text = raw.strip().removesuffix(".pdf")
    new = _NEW_SHAPE.fullmatch(text)
    if new:
        yy, mm, number = int(new.group(1)), int(new.group(2)), new.group(3)
        if not 1 <= mm <= 12:
            return None, f"{raw} is not an arXiv id: month {mm:02d} does not exist"
        if yy * 100 + mm < 704:
            return None, f"{raw} is not an arXiv id: ids of this form start in April 2007 (0704)"
        if int(number) == 0:
            return None, f"{raw} is not an arXiv id: number {number} is never issued"
        if len(number) == 4 and yy >= 15:
            return None, f"{raw} is not an arXiv id: ids from 2015 on have five digits"
        if len(number) == 5 and yy < 15:
            return None, f"{raw} is not an arXiv id: ids before 2015 have four digits"
        now = today or dt.date.today()
        # One month of slack: a list written in another time zone may be a day ahead.
        if yy * 100 + mm > (now.year % 100) * 100 + now.month + 1:
            return None, f"{raw} is not an arXiv id: 20{yy:02d}-{mm:02d} is in the future"
        return parse_arxiv_id(text), None
    old = _OLD_SHAPE.fullmatch(text)
    if old:
        archive, yy, mm, number = old.group(1), int(old.group(3)), int(old.group(4)), old.group(5)
        if archive not in OLD_ARCHIVES:
            return None, f"{raw} is not an arXiv id: there is no arXiv archive {archive!r}"
        if not 1 <= mm <= 12:
            return None, f"{raw} is not an arXiv id: month {mm:02d} does not exist"
        if not (yy >= 91 or yy * 100 + mm <= 703):
            return None, f"{raw} is not an arXiv id: ids of this form ran from 1991 to March 2007"
        if number == "000":
            return None, f"{raw} is not an arXiv id: number 000 is never issued"
        return parse_arxiv_id(text), None
    return None, f"{raw!r} is not an arXiv id"


def _ref(start: int, end: int, raw: str, link_text: str | None, explicit: bool) -> ArxivRef:
    raw = raw.rstrip("./")
    arxiv_id, problem = check_id(raw)
    return ArxivRef(start, end, raw, arxiv_id, problem, link_text, explicit)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with spans replaced by spaces, so later searches keep their offsets."""
    if not spans:
        return text
    parts: list[str] = []
    position = 0
    for start, end in spans:
        parts.append(text[position:start])
        parts.append(" " * (end - start))
        position = end
    parts.append(text[position:])
    return "".join(parts)


def is_arxiv_url(url: str) -> bool:
    return bool(_ARXIV_URL.match(url.strip()))


def find_refs(line: str, *, bare: bool = True) -> list[ArxivRef]:
    """Every arXiv reference in one line, in order of position.

    Links come first (their text is a title candidate), then plain arXiv URLs, `arXiv:`
    citations, and (when `bare`) bare ids outside of any URL.
    """
    # Most lines of a list hold no reference; two cheap tests skip the regex passes.
    if not _ARXIV_WORD.search(line) and not (bare and _MAYBE_ID.search(line)):
        return []
    refs: list[ArxivRef] = []
    rest = line
    for pattern, url_group, text_group in ((MD_LINK, 3, 2), (HTML_LINK, 1, 2)):
        spans = []
        for match in pattern.finditer(rest):
            url_match = _ARXIV_URL.match(match.group(url_group).strip())
            if not url_match:
                continue
            is_image = pattern is MD_LINK and match.group(1) == "!"
            text = None if is_image else match.group(text_group)
            refs.append(_ref(match.start(), match.end(), url_match.group(1), text, True))
            spans.append(match.span())
        rest = _blank(rest, spans)
    for pattern in (_ARXIV_URL, _CITED):
        spans = []
        for match in pattern.finditer(rest):
            refs.append(_ref(match.start(), match.end(), match.group(1), None, True))
            spans.append(match.span())
        rest = _blank(rest, spans)
    if bare:
        # Numbers inside other URLs (tweets, GitHub paths) are not ids.
        rest = _blank(rest, [match.span() for match in _ANY_URL.finditer(rest)])
        for match in _BARE_NEW.finditer(rest):
            refs.append(_ref(match.start(), match.end(), match.group(0), None, False))
        for match in _BARE_OLD.finditer(rest):
            archive = match.group(0).split("/")[0].split(".")[0]
            if archive in OLD_ARCHIVES:
                refs.append(_ref(match.start(), match.end(), match.group(0), None, False))
    refs.sort(key=lambda ref: ref.start)
    return refs
