"""arXiv's export API (GET /api/query): exact look-ups by id and title searches, read as Atom.

The feed is parsed by the file importer (formats/arxiv_atom), so a paper fetched online and
the same paper imported from a saved feed are one record. Pacing (one request per 3 s, one
connection) is the Http client's job; this module only decides what to ask.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from readerapp.core.errors import NetworkError, ParseError
from readerapp.core.identifiers import Identifier
from readerapp.core.identity import parse_arxiv_id
from readerapp.core.records import PaperRecord
from readerapp.formats import arxiv_atom
from readerapp.sources.http import Http, Reply

QUERY = "/api/query"
# arXiv takes longer id lists, but 100 entries keep one answer far below the size limit and
# one slow answer short.
BATCH = 100
DAY = 24 * 3600.0
# A title search ranks today's papers too; a week-old ranking is still a fine candidate list.
TITLE_MAX_AGE = 7 * DAY
# An answer that lacks an asked id is trusted for a day only: the id may be tomorrow's paper,
# and arXiv sometimes sends a valid but empty feed under load (API-NOTES, section 1).
ABSENT_MAX_AGE = DAY
NOT_A_FEED = "sent something that is not an arXiv feed"
_WORD = re.compile(r"\w+")


class ArxivSource:
    name = "arxiv"
    label = "arXiv"

    def __init__(self, http: Http) -> None:
        self.http = http

    def handles(self, ident: Identifier) -> bool:
        return ident.kind == "arxiv"

    def by_ids(self, idents: Sequence[Identifier]) -> dict[Identifier, PaperRecord]:
        # Each asked id's version-less form: what the records carry (arXiv answers a versioned
        # id with that version's entry, still a record of the same paper).
        keys = {i: parse_arxiv_id(i.value) or i.value for i in idents if self.handles(i)}
        asked = list(keys)
        found: dict[Identifier, PaperRecord] = {}
        for start in range(0, len(asked), BATCH):
            found.update(self._batch(asked[start : start + BATCH], keys))
        return found

    def by_title(self, title: str, limit: int = 5) -> list[PaperRecord]:
        # Only the words: quotes would end the phrase early, and a colon or bracket inside it
        # reads as query syntax. A phrase keeps the words' order, which ranks the paper first.
        words = _WORD.findall(title)
        if not words or limit <= 0:
            return []
        params = {
            "search_query": f'ti:"{" ".join(words)}"',
            "max_results": str(limit),
            "sortBy": "relevance",
        }
        reply = self.http.get(QUERY, params, max_age=TITLE_MAX_AGE)
        return self._records(reply)[:limit]

    def close(self) -> None:
        self.http.close()

    def _batch(
        self, batch: list[Identifier], keys: Mapping[Identifier, str]
    ) -> dict[Identifier, PaperRecord]:
        params = {"id_list": ",".join(i.value for i in batch), "max_results": str(len(batch))}
        # A version-less id's metadata rarely changes: any cached answer will do...
        reply = self.http.get(QUERY, params, max_age=None)
        found = _match(batch, keys, self._records(reply))
        if reply.from_cache and len(found) < len(batch):
            # ...unless it said some paper does not exist; that is asked again after a day.
            reply = self.http.get(QUERY, params, max_age=ABSENT_MAX_AGE)
            found = _match(batch, keys, self._records(reply))
        return found

    def _records(self, reply: Reply) -> list[PaperRecord]:
        """The papers in an answer; a refusal, an error or a page that is no feed raises."""
        if reply.status == 400:
            raise NetworkError(self.label, f"refused the request: {_refusal(reply)}")
        if reply.status != 200:
            raise NetworkError(self.label, f"HTTP {reply.status} for {reply.url}")
        # A captive portal or a proxy's error page answers 200 with HTML.
        if "html" in reply.content_type.lower():
            raise NetworkError(self.label, NOT_A_FEED)
        try:
            result = arxiv_atom.parse(reply.text(), reply.url or self.label)
        except ParseError:
            raise NetworkError(self.label, NOT_A_FEED) from None
        # Every arXiv paper has an id. The parser already drops the error entry arXiv sends
        # for a bad query; an entry without an id would be one of that kind, never a paper.
        return [r for r in result.records if r.arxiv_id]


def _match(
    batch: list[Identifier], keys: Mapping[Identifier, str], records: list[PaperRecord]
) -> dict[Identifier, PaperRecord]:
    # By id, not by position: arXiv silently leaves out ids it does not know.
    by_id = {r.arxiv_id: r for r in records}
    return {i: by_id[keys[i]] for i in batch if keys[i] in by_id}


def _refusal(reply: Reply) -> str:
    """What arXiv's error feed says (its one entry's summary), or the bare status."""
    try:
        skipped = arxiv_atom.parse(reply.text(), reply.url or "arXiv").skipped
    except ParseError:
        return f"HTTP {reply.status}"
    # Entries have a line; the feed-wide "no entries" note has none.
    reasons = [s.reason.partition("error: ")[2] or s.reason for s in skipped if s.line is not None]
    return "; ".join(reasons) or f"HTTP {reply.status}"
