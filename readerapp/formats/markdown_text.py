"""Turning a bit of Markdown (a table cell, a link's text, the words before a link) into a title."""

from __future__ import annotations

import html
import itertools
import re

from readerapp.formats.arxiv_refs import HTML_LINK, MD_LINK, is_arxiv_url
from readerapp.formats.links import is_web_url, url_host
from readerapp.formats.record_fields import clean_text

MAX_TITLE_CHARS = 300

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# List markup before an item: bullets, numbering, headings, quotes, task boxes.
_LEAD = re.compile(r"^(?:\s+|[-*+•●▪◦·‣>]\s|#{1,6}\s|\(?\d{1,3}[.)](?:\s|$)|\[[ xX]\]\s)+")
_EMPHASIS = re.compile(
    r"\*\*|__|~~|`+|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)"
    r"|(?<=\S)_(?!\w)"
)
# CommonMark: a backslash escapes any ASCII punctuation (`Q\&A` is "Q&A").
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_EDGE_START = " \t-\u2013\u2014:;,|●•▪◦·>#"
_EDGE_END = " \t-\u2013\u2014:;,.(|[●•▪◦·"
# `**Title** - what it does`: the bold part is the title only when a description follows.
_BOLD_TITLE = re.compile(
    r"^(\*\*|__)(.+?)\1(?=\s*$|\s*[-\u2013\u2014|]\s|\s{2}|\s*<br|\s*;)", re.IGNORECASE
)
# Where a title stops and its description starts in "Title  description" or "Title - a ...".
_DOUBLE_SPACE = re.compile(r"\s{2,}")
_DASH_DESCRIPTION = re.compile(r"\s+[-\u2013\u2014]+\s+(?=[a-z(])")
_OPENER = re.compile(
    r"\s(?=(?:Introduces|Proposes|Presents|Describes|Explores|Investigates|Surveys|"
    r"Demonstrates|Examines|Provides|Reviews|Researchers|This (?:paper|work|study|survey|new|"
    r"review|research|report|article))\b)"
)
_OPENER_AFTER_CHARS = 100
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")

# Link texts that name the kind of link, not the paper.
GENERIC_LINK_TEXTS = frozenset(
    (
        "paper",
        "papers",
        "pdf",
        "arxiv",
        "abs",
        "abstract",
        "link",
        "links",
        "here",
        "this",
        "preprint",
        "article",
        "html",
        "full text",
        "fulltext",
        "full paper",
        "url",
        "view",
        "read",
        "read more",
        "download",
        "paper link",
        "arxiv paper",
        "arxiv link",
        "arxiv preprint",
        "paper pdf",
        "pdf link",
        "project",
        "project page",
        "code",
        "github",
        "repo",
        "tweet",
        "thread",
        "blog",
        "blog post",
        "video",
        "slides",
        "demo",
        "website",
        "web",
        "page",
        "homepage",
        "dataset",
        "data",
        "model",
        "models",
        "poster",
        "talk",
        "source",
        "source code",
        "official",
        "hf",
        "hugging face",
        "huggingface",
        "openreview",
        "review",
        "summary",
        "notes",
        "citation",
        "bibtex",
        "doi",
        "links",
        "papers with code",
        "paperswithcode",
        "x",
        "twitter",
    )
)
# Link texts that say "this is the paper", used to report rows whose paper is not on arXiv.
PAPER_LINK_TEXTS = frozenset(
    (
        "paper",
        "pdf",
        "preprint",
        "article",
        "publication",
        "full paper",
        "full text",
        "technical report",
        "report",
        "paper link",
        "arxiv",
        "system card",
    )
)
_ID_TEXT = re.compile(
    r"(?:https?://)?(?:www\.)?(?:arxiv\.org/(?:abs|pdf|html)/)?|arxiv\s*:?|\d{4}\.\d{4,5}"
    r"|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{7}|v\d+\b|\.pdf\b",
    re.IGNORECASE,
)


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def strip_lead(text: str) -> str:
    """Text without the list markup in front of it (bullets, numbering, heading marks)."""
    return _LEAD.sub("", text, count=1)


def clean_inline(text: str) -> str:
    """Plain text of inline Markdown/HTML: link texts kept, markup and extra spaces gone."""
    text = _BR.sub(" ", text)
    text = MD_LINK.sub(lambda m: "" if m.group(1) else m.group(2), text)
    text = HTML_LINK.sub(lambda m: m.group(2), text)
    text = _TAG.sub(" ", text)
    # An escaped mark is literal (`snake\_case`, `\*not emphasis\*`): emphasis is taken out
    # of the text between escapes only (split() puts each escaped mark at an odd index).
    parts = _ESCAPE.split(text)
    text = "".join(
        part if odd else _EMPHASIS.sub("", part)
        for part, odd in zip(parts, itertools.cycle((False, True)))
    )
    text = html.unescape(text)
    text = clean_text(text).lstrip(_EDGE_START).rstrip(_EDGE_END)
    while len(text) >= 2 and text[0] == "[" and text[-1] == "]" and text.count("[") == 1:
        text = text[1:-1].strip()
    return text


def _key(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def is_generic_link_text(text: str) -> bool:
    """True for "Paper", "[arXiv]", "PDF", or the id or URL itself: not a paper's title."""
    if _key(text) in GENERIC_LINK_TEXTS:
        return True
    return not has_letters(_ID_TEXT.sub(" ", text))


def paper_link_hosts(line: str) -> list[str]:
    """Hosts of links labelled as the paper ("Paper", "PDF") that do not go to arXiv."""
    hosts: list[str] = []
    links = [(m.group(2), m.group(3)) for m in MD_LINK.finditer(line) if not m.group(1)]
    links += [(m.group(2), m.group(1)) for m in HTML_LINK.finditer(line)]
    for text, url in links:
        # "Paper 2" when a row links two papers.
        key = re.sub(r" \d+$", "", _key(clean_inline(text)))
        if key in PAPER_LINK_TEXTS and is_web_url(url) and not is_arxiv_url(url):
            host = url_host(url)
            if host and host not in hosts:
                hosts.append(host)
    return hosts


def title_from_text(raw: str) -> str | None:
    """The title in a table cell or list item: before its description, without markup."""
    parts = [part for part in _BR.split(raw) if has_letters(clean_inline(part))]
    if not parts:
        return None
    # What follows a <br> in these lists is bullet points about the paper.
    text = strip_lead(parts[0].strip()).strip()
    bold = _BOLD_TITLE.match(text)
    if bold and has_letters(clean_inline(bold.group(2))):
        text = bold.group(2)
    else:
        # The earliest separator ends the title: "Title  text - more" and "Title - text  more".
        cuts = [
            m.start()
            for sep in (_DOUBLE_SPACE, _DASH_DESCRIPTION)
            if (m := sep.search(text)) and has_letters(clean_inline(text[: m.start()]))
        ]
        if cuts:
            text = text[: min(cuts)]
        # Without a separator (or before a late one), a description opens with a verb.
        if len(text) > _OPENER_AFTER_CHARS:
            head = _OPENER.split(text, maxsplit=1)[0]
            if len(head.split()) >= 2:
                text = head
    title = clean_inline(text)
    if len(title) > MAX_TITLE_CHARS:
        title = _SENTENCE_END.split(title, maxsplit=1)[0]
    if len(title) > MAX_TITLE_CHARS or not has_letters(title):
        return None
    return title
