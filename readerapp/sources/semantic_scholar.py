"""Semantic Scholar's Graph API: papers by arXiv id or DOI in batches, and a title match.

Answers are parsed by the file importer (formats/semantic_scholar), one paper object at a
time: the batch endpoint answers in request order with null for unknown ids, so a paper's
position, not its content, says which id it answers. Unauthenticated callers share one pool
and get 429 without a Retry-After; the Http client backs off and asks again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

from readerapp.core.errors import NetworkError, ParseError
from readerapp.core.identifiers import Identifier
from readerapp.core.records import PaperRecord
from readerapp.formats import semantic_scholar
from readerapp.formats.json_input import dict_value, list_value, text_value
from readerapp.sources.base import cut_at_word
from readerapp.sources.http import Http, Reply

BATCH_PATH = "/graph/v1/paper/batch"
MATCH_PATH = "/graph/v1/paper/search/match"
FIELDS = "title,authors,year,publicationDate,venue,journal,externalIds,abstract,openAccessPdf,url"
BATCH = 500  # the most ids one batch call takes
QUERY_CHARS = 300  # a title longer than this is a pasted paragraph; its start is enough
DAY = 24 * 3600.0
# A paper's record changes little; an id S2 does not know yet may be indexed within days.
RECORD_MAX_AGE = 30 * DAY
ABSENT_MAX_AGE = DAY
TITLE_MAX_AGE = 7 * DAY


class SemanticScholarSource:
    name = "semanticscholar"
    label = "Semantic Scholar"

    def __init__(self, http: Http) -> None:
        self.http = http

    def handles(self, ident: Identifier) -> bool:
        return ident.kind in ("arxiv", "doi")

    def by_ids(self, idents: Sequence[Identifier]) -> dict[Identifier, PaperRecord]:
        asked = list(dict.fromkeys(i for i in idents if self.handles(i)))
        found: dict[Identifier, PaperRecord] = {}
        for start in range(0, len(asked), BATCH):
            found.update(self._batch(asked[start : start + BATCH]))
        return found

    def by_title(self, title: str, limit: int = 5) -> list[PaperRecord]:
        query = cut_at_word(" ".join(title.split()), QUERY_CHARS)
        if not query or limit <= 0:
            return []
        params = {"query": query, "fields": FIELDS}
        reply = self.http.get(MATCH_PATH, params, max_age=TITLE_MAX_AGE)
        if reply.status == 404:
            return []  # {"error": "Title match not found"}
        data = self._answer(reply)
        if not isinstance(data, dict):
            raise NetworkError(
                self.label, f"sent something that is not a title match ({reply.url})"
            )
        # At most one paper; an empty or missing `data` is no match too.
        records = [self._record(paper) for paper in list_value(data.get("data"))]
        return [r for r in records if r is not None][:limit]

    def close(self) -> None:
        self.http.close()

    def _batch(self, batch: list[Identifier]) -> dict[Identifier, PaperRecord]:
        body = {"ids": [s2_id(i) for i in batch]}
        params = {"fields": FIELDS}
        reply = self.http.post_json(BATCH_PATH, body, params, max_age=RECORD_MAX_AGE)
        papers = self._papers(reply, len(batch))
        if reply.from_cache and None in papers:
            # "Unknown" is trusted for a day only: the paper may be indexed since.
            reply = self.http.post_json(BATCH_PATH, body, params, max_age=ABSENT_MAX_AGE)
            papers = self._papers(reply, len(batch))
        found: dict[Identifier, PaperRecord] = {}
        for ident, paper in zip(batch, papers, strict=True):
            record = self._record(paper)
            if record is not None:
                found[ident] = _with_asked_id(record, ident)
        return found

    def _papers(self, reply: Reply, count: int) -> list[object]:
        data = self._answer(reply)
        if not isinstance(data, list) or len(data) != count:
            shown = f"{len(data)} papers" if isinstance(data, list) else "no list of papers"
            raise NetworkError(self.label, f"answered {shown} for {count} ids ({reply.url})")
        return data

    def _answer(self, reply: Reply) -> object:
        """The JSON of a 200 answer; a refusal or any other status raises."""
        if reply.status == 400:
            message = text_value(dict_value(_json_or_none(reply)).get("error"))
            raise NetworkError(self.label, f"refused the request: {message or 'HTTP 400'}")
        if reply.status != 200:
            raise NetworkError(self.label, f"HTTP {reply.status} for {reply.url}")
        return reply.json(self.label)

    def _record(self, paper: object) -> PaperRecord | None:
        """One paper object as a record; None for null (an unknown id) or a nameless paper."""
        if not isinstance(paper, dict):
            return None
        try:
            result = semantic_scholar.parse(json.dumps(paper), self.label)
        except ParseError:
            return None  # an object without any paper field: nothing to keep
        # `line` places an entry in a file; an answer from the network has none.
        return replace(result.records[0], line=None) if result.records else None


def s2_id(ident: Identifier) -> str:
    """The Graph API's name for an identifier: ARXIV:2106.09685, DOI:10.1038/…"""
    return f"ARXIV:{ident.value}" if ident.kind == "arxiv" else f"DOI:{ident.value}"


def _with_asked_id(record: PaperRecord, ident: Identifier) -> PaperRecord:
    """The record with the id it was found by, when Semantic Scholar's externalIds lack it:
    the paper has that id, or the look-up would not have found it."""
    if ident.kind == "arxiv" and record.arxiv_id is None:
        # As the importer does for papers with an arXiv id: arXiv's page replaces S2's.
        return replace(record, arxiv_id=ident.value, links=replace(record.links, abs=None))
    if ident.kind == "doi" and record.doi is None:
        return replace(record, doi=ident.value)
    return record


def _json_or_none(reply: Reply) -> object:
    try:
        return reply.json("")
    except NetworkError:
        return None
