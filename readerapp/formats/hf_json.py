"""Hugging Face papers JSON: /api/daily_papers, papers search, one paper, or a JSON Feed.

Shapes read:
- a list of daily entries, each with a `paper` object (the daily_papers API);
- a list of bare paper objects, or of entries mixing both (papers search);
- one bare paper object (/api/papers/<id>);
- a JSON Feed (jsonfeed.org) of the papers page, items linking huggingface.co/papers/<id>.
Upvotes are not kept: a PaperRecord has no field for them.
"""

from __future__ import annotations

import html
import re

from readerapp.core.errors import ParseError
from readerapp.core.identity import parse_arxiv_id
from readerapp.core.records import Links
from readerapp.formats.base import ImportFormat, ParseResult, SkippedEntry
from readerapp.formats.json_input import (
    dict_value,
    has_key,
    kind_of,
    list_value,
    load_json_list,
    text_value,
    value_line,
    with_lines,
)
from readerapp.formats.links import (
    classify,
    is_hf_paper_url,
    links_from_text,
    url_path,
    web_url,
)
from readerapp.formats.record_fields import (
    author_names,
    build_record,
    clean_abstract,
    timestamp_date,
)

HF_PAPERS = "https://huggingface.co/papers/"
_PAPER_KEYS = ("paper", "id", "title", "summary", "authors", "publishedAt")
_JSON_FEED = re.compile(r'"version"\s*:\s*"https?://jsonfeed\.org/version/')
_PAPER_MEMBER = re.compile(r'"paper"\s*:\s*\{')
_HF_KEYS = (
    "upvotes",
    "publishedAt",
    "ai_keywords",
    "ai_summary",
    "submittedOnDailyAt",
    "discussionId",
    "githubRepo",
)
# CSL-JSON and Semantic Scholar markers: their files must not look like ours.
_OTHER_KEYS = ("citation-key", "issued", "container-title", "paperId", "externalIds")
_TAG = re.compile(r"<[^>]*>")


def sniff(head: str) -> float:
    start = head.lstrip("\ufeff \t\r\n")
    if not start.startswith(("[", "{")):
        return 0.0
    if _JSON_FEED.search(head):
        if "huggingface.co/papers/" in head:
            return 0.9
        # A feed of arXiv links is still papers; a blog's feed is not ours to claim.
        return 0.5 if "arxiv.org/" in head else 0.2
    hf = sum(has_key(head, key) for key in _HF_KEYS)
    other = any(has_key(head, key) for key in _OTHER_KEYS)
    if _PAPER_MEMBER.search(head) and hf:
        return 0.95
    if other:
        return 0.0
    if hf >= 2:
        return 0.85
    if hf == 1 and has_key(head, "summary"):
        return 0.5
    return 0.0


def _is_json_feed(data: dict[str, object]) -> bool:
    version = text_value(data.get("version"))
    return version.startswith(("https://jsonfeed.org/version/", "http://jsonfeed.org/version/"))


def parse(text: str, source: str) -> ParseResult:
    text, data, lines = load_json_list(text, source)
    result = ParseResult()
    if isinstance(data, dict) and _is_json_feed(data):
        _parse_feed(text, data, result)
        return result
    if isinstance(data, dict):
        if not any(key in data for key in _PAPER_KEYS):
            raise ParseError(
                source,
                value_line(text),
                "a JSON object without any Hugging Face paper fields (paper, id, title, summary)",
            )
        _add_entry(data, value_line(text), result)
        return result
    if not isinstance(data, list):
        raise ParseError(
            source,
            value_line(text),
            f"the JSON is {kind_of(data)}, not a list of Hugging Face papers or a paper object",
        )
    for item, line in with_lines(text, data, lines=lines):
        _add_entry(item, line, result)
    if not data:
        result.skipped.append(SkippedEntry(None, "the list is empty: no papers in it"))
    return result


def _add_entry(item: object, line: int, result: ParseResult) -> None:
    if not isinstance(item, dict):
        result.skipped.append(
            SkippedEntry(line, f"{kind_of(item)} where a paper object was expected")
        )
        return
    paper = item.get("paper")
    # Daily entries repeat title/summary/publishedAt outside `paper`: a fallback only.
    outer = item if isinstance(paper, dict) else {}
    paper = paper if isinstance(paper, dict) else item
    raw_id = text_value(paper.get("id")).strip()
    arxiv_id = parse_arxiv_id(raw_id) if raw_id else None
    abstract = clean_abstract(text_value(paper.get("summary")) or text_value(outer.get("summary")))
    year, date = timestamp_date(text_value(paper.get("publishedAt")))
    if year is None:
        year, date = timestamp_date(text_value(outer.get("publishedAt")))
    authors = [  # hidden authors are authors too: `hidden` only hides them on the page
        text_value(a.get("name")) if isinstance(a, dict) else text_value(a)
        for a in list_value(paper.get("authors"))
    ]
    found = links_from_text(abstract)
    result.add(
        build_record(
            title=text_value(paper.get("title")) or text_value(outer.get("title")),
            line=line,
            unnamed=(
                f"id {raw_id[:40]!r} is not an arXiv id and the paper has no title"
                if raw_id
                else "a paper with no arXiv id and no title"
            ),
            abstract=abstract,
            authors=author_names(authors),
            year=year,
            date=date,
            arxiv_id=arxiv_id,
            links=Links(
                code=web_url(text_value(paper.get("githubRepo"))) or found.code,
                project=web_url(text_value(paper.get("projectPage"))) or found.project,
                hf=HF_PAPERS + arxiv_id if arxiv_id else None,
            ),
            suggested_tags=(text_value(k) for k in list_value(paper.get("ai_keywords"))),
        )
    )


def _feed_arxiv_id(url: str | None) -> str | None:
    """The arXiv id an item links to: huggingface.co/papers/<id> or an arxiv.org page."""
    if not url:
        return None
    if is_hf_paper_url(url):
        return parse_arxiv_id(url_path(url).rstrip("/").rsplit("/", 1)[-1])
    return parse_arxiv_id(url) if "arxiv.org/" in url else None


def _parse_feed(text: str, feed: dict[str, object], result: ParseResult) -> None:
    items = list_value(feed.get("items"))
    for item, line in with_lines(text, items, ("items",)):
        if isinstance(item, dict):
            _add_feed_item(item, line, result)
        else:
            result.skipped.append(
                SkippedEntry(line, f"{kind_of(item)} where a feed item was expected")
            )
    if not items:
        result.skipped.append(SkippedEntry(None, "the feed has no items"))


def _add_feed_item(item: dict[str, object], line: int, result: ParseResult) -> None:
    urls = [
        u for u in (web_url(text_value(item.get(k))) for k in ("url", "external_url", "id")) if u
    ]
    arxiv_id = next((a for a in map(_feed_arxiv_id, urls) if a), None)
    abstract = clean_abstract(
        text_value(item.get("content_text"))
        or text_value(item.get("summary"))
        or html.unescape(_TAG.sub(" ", text_value(item.get("content_html"))))
    )
    year, date = timestamp_date(
        text_value(item.get("date_published")) or text_value(item.get("date_modified"))
    )
    # JSON Feed 1.1 has `authors`; 1.0 had a single `author`.
    people = list_value(item.get("authors")) or [item.get("author")]
    authors = [text_value(dict_value(p).get("name")) for p in people]
    found: dict[str, str] = {}
    for url in urls:
        kind = "hf" if is_hf_paper_url(url) else classify(url)
        found.setdefault(kind, url)
    mentioned = links_from_text(abstract)
    result.add(
        build_record(
            title=text_value(item.get("title")),
            line=line,
            unnamed="a feed item with no paper link and no title",
            abstract=abstract,
            authors=author_names(authors),
            year=year,
            date=date,
            arxiv_id=arxiv_id,
            links=Links(
                abs=found.get("abs"),
                pdf=found.get("pdf"),
                code=found.get("code") or mentioned.code,
                project=found.get("project") or mentioned.project,
                hf=found.get("hf") or (HF_PAPERS + arxiv_id if arxiv_id else None),
            ),
            suggested_tags=(text_value(t) for t in list_value(item.get("tags"))),
        )
    )


FORMAT = ImportFormat(
    name="hf-json",
    label="Hugging Face papers JSON (API response or JSON Feed)",
    extensions=(".json",),
    sniff=sniff,
    parse=parse,
)
