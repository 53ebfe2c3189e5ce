"""A local stand-in for the four APIs, on a real HTTP server (pytest-httpserver).

It answers with recorded bodies (tests/data/api) wherever a recorded answer fits: the empty
arXiv feed, Semantic Scholar's "Title match not found", Crossref's zero results. For papers
it "knows" it answers Hugging Face title searches with items in the recorded shape (a real
item of the recorded daily list with its title, abstract, authors and id replaced), since
nobody recorded search answers for the seed's papers. The ids it hands out are made up for
the test and marked as such; nothing here claims to be the real papers' metadata.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from pytest_httpserver import HTTPServer, URIPattern
from werkzeug import Request, Response

from readerapp.core.identity import title_key
from tests.fakes import FakeClock, recorded

_TEMPLATE = json.loads(recorded("huggingface/ikevinxie_daily_papers_limit25.json"))[0]


_EMPTY_FEED = "arxiv/arxiv-py_id_list_0000.0000_empty_feed.atom.xml"
# id_list asked -> the recorded feed that answered it.
ARXIV_FEEDS = {
    "1707.08567": "arxiv/arxiv-py_id_list_1707.08567_single_id.atom.xml",
    "astro-ph/0601001": "arxiv/arxiv-py_id_list_astro-ph_0601001_old_style_id.atom.xml",
}
# Daily Papers date -> the recorded list of that date.
DAILY = {"2026-07-31": "huggingface/buivannn_daily_papers_date_2026-07-31_5_of_n_pretty.json"}


def _arxiv_feed(names: list[str]) -> bytes:
    """One feed with the entries of the recorded feeds of the known ids asked (arXiv answers
    a batched id_list with one entry per id it has and silently leaves out the rest)."""
    if not names:
        return recorded(_EMPTY_FEED)
    first = recorded(names[0])
    if len(names) == 1:
        return first
    entries = b"".join(
        re.findall(rb"<entry>.*?</entry>\s*", recorded(n), re.DOTALL)[0] for n in names[1:]
    )
    return first.replace(b"</feed>", entries + b"</feed>")


@dataclass(frozen=True)
class KnownPaper:
    title: str
    arxiv_id: str
    authors: tuple[str, ...]
    published: str  # ISO date


def hf_item(paper: KnownPaper, summary: str = "") -> dict[str, object]:
    """A Daily Papers item in the recorded shape, describing `paper`."""
    item = copy.deepcopy(_TEMPLATE)
    inner = item["paper"]
    inner["id"] = paper.arxiv_id
    inner["title"] = item["title"] = paper.title
    inner["summary"] = item["summary"] = summary or f"Abstract of {paper.title}."
    inner["authors"] = [
        {"_id": f"a{i}", "name": name, "hidden": False} for i, name in enumerate(paper.authors)
    ]
    inner["publishedAt"] = f"{paper.published}T00:00:00.000Z"
    inner.pop("githubRepo", None)
    return item


@dataclass
class ScholarlyWeb:
    server: HTTPServer
    # Title key of what is asked -> the paper the HF search answers with (its title may
    # differ a little from the asked one: a loose match).
    hf_titles: dict[str, KnownPaper] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    def knows(self, asked_title: str, paper: KnownPaper) -> None:
        self.hf_titles[title_key(asked_title)] = paper

    def handle(self, request: Request) -> Response:
        self.log.append(request.full_path)
        path = request.path
        if path == "/api/papers/search":
            hit = self.hf_titles.get(title_key(request.args.get("q", "")))
            body = json.dumps([hf_item(hit)] if hit else [])
            return Response(body, 200, content_type="application/json; charset=utf-8")
        if path == "/api/query":
            asked = request.args.get("id_list", "").split(",")
            body = _arxiv_feed([ARXIV_FEEDS[i] for i in asked if i in ARXIV_FEEDS])
            return Response(body, 200, content_type="application/atom+xml; charset=utf-8")
        if path == "/api/daily_papers":
            name = DAILY.get(request.args.get("date", ""))
            body = recorded(name) if name else b"[]"
            return Response(body, 200, content_type="application/json; charset=utf-8")
        if path == "/graph/v1/paper/search/match":
            body = recorded("semanticscholar/paperqa_search_match_404_title_match_not_found.json")
            return Response(body, 404, content_type="application/json")
        if path == "/graph/v1/paper/batch":
            ids = json.loads(request.get_data() or b"{}").get("ids", [])
            return Response(json.dumps([None] * len(ids)), 200, content_type="application/json")
        if path == "/works":
            body = recorded("crossref/rcrossref_works_query_adfaaf_zero_results.json")
            return Response(body, 200, content_type="application/json")
        if path.startswith("/works/"):
            body = recorded("crossref/habanero_works_10.1371_notarealdoi_404.txt")
            return Response(body, 404, content_type="text/plain")
        return Response("not here", 404, content_type="text/plain")


@pytest.fixture
def scholarly_web(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ScholarlyWeb]:
    """Every source pointed at one local server; waits measured on a fake clock."""
    from readerapp.services import online

    web = ScholarlyWeb(httpserver)
    # Any path: pytest-httpserver matches the URI exactly unless given a pattern.
    httpserver.expect_request(_AnyPath()).respond_with_handler(web.handle)
    base = httpserver.url_for("").rstrip("/")
    for variable in (
        "READERAPP_ARXIV_URL",
        "READERAPP_HF_URL",
        "READERAPP_CROSSREF_URL",
        "READERAPP_S2_URL",
    ):
        monkeypatch.setenv(variable, base)
    monkeypatch.setattr(online, "CLOCK", FakeClock())
    yield web


class _AnyPath(URIPattern):
    """Matches every path."""

    def match(self, uri: str) -> bool:
        return True
