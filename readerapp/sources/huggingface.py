"""Hugging Face's Paper Pages API: one paper by arXiv id, a title search, a day's Daily Papers.

Answers are parsed by the file importer (formats/hf_json), which reads the bare paper object
of /api/papers/<id> as well as the `paper`-wrapped items of the lists. There is no batch
endpoint, so each id costs one request; the Http client keeps the pace (500 calls / 5 min).
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Sequence

from readerapp.core.errors import NetworkError, ParseError
from readerapp.core.identifiers import Identifier
from readerapp.core.identity import parse_arxiv_id
from readerapp.core.records import PaperRecord
from readerapp.formats import hf_json
from readerapp.sources.base import cut_at_word
from readerapp.sources.http import Http, Reply

PAPER = "/api/papers/"
SEARCH = "/api/papers/search"
DAILY = "/api/daily_papers"
PAGE_SIZE = 100  # the most the daily endpoint gives per page
MAX_PAGES = 5  # a day has far fewer papers; more pages would mean the server ignores `p`
QUERY_CHARS = 250  # the search endpoint refuses longer queries
HOUR = 3600.0
# A paper's page gains its code link and project page after it is posted: a day-old copy is
# fresh enough, and a 404 (not indexed yet) is asked again the next day.
PAPER_MAX_AGE = 24 * HOUR
SEARCH_MAX_AGE = 24 * HOUR


class HuggingFaceSource:
    name = "huggingface"
    label = "Hugging Face"

    def __init__(self, http: Http) -> None:
        self.http = http

    def handles(self, ident: Identifier) -> bool:
        return ident.kind == "arxiv"

    def by_ids(self, idents: Sequence[Identifier]) -> dict[Identifier, PaperRecord]:
        found: dict[Identifier, PaperRecord] = {}
        for ident in dict.fromkeys(i for i in idents if self.handles(i)):
            record = self._paper(ident)
            if record is not None:
                found[ident] = record
        return found

    def by_title(self, title: str, limit: int = 5) -> list[PaperRecord]:
        query = cut_at_word(" ".join(title.split()), QUERY_CHARS)
        if not query or limit <= 0:
            return []
        params = {"q": query, "limit": str(limit)}
        reply = self.http.get(SEARCH, params, max_age=SEARCH_MAX_AGE)
        return self._records(reply, list)[:limit]

    def daily(self, date: dt.date, *, today: dt.date | None = None) -> list[PaperRecord]:
        """The Daily Papers of `date`, in the site's order. `today` defaults to the clock's
        date (UTC): a past day's list is final and cached for good, today's and later ones
        still grow and are asked again after an hour."""
        today = today or self.http.clock.now().date()
        max_age = None if date < today else HOUR
        records: dict[str, PaperRecord] = {}
        for page in range(MAX_PAGES):
            params = {"date": date.isoformat(), "limit": str(PAGE_SIZE)}
            if page:
                params["p"] = str(page)
            reply = self.http.get(DAILY, params, max_age=max_age)
            page_records = self._records(reply, list)
            for record in page_records:
                # A paper submitted while paging shifts the pages: keep its first place.
                records.setdefault(record.arxiv_id or record.title, record)
            if len(page_records) < PAGE_SIZE:
                break
        return list(records.values())

    def close(self) -> None:
        self.http.close()

    def _paper(self, ident: Identifier) -> PaperRecord | None:
        path = PAPER + urllib.parse.quote(ident.value, safe="")
        reply = self.http.get(path, max_age=PAPER_MAX_AGE)
        if reply.status == 404:
            return None  # not indexed on Hugging Face
        wanted = parse_arxiv_id(ident.value) or ident.value
        # The answer must be the paper asked for; anything else is not this id's record.
        return next((r for r in self._records(reply, dict) if r.arxiv_id == wanted), None)

    def _records(
        self, reply: Reply, shape: type[list[object]] | type[dict[str, object]]
    ) -> list[PaperRecord]:
        """The papers in a 200 answer of the expected JSON shape; anything else raises."""
        if reply.status != 200:
            raise NetworkError(self.label, f"HTTP {reply.status}{_error(reply)} for {reply.url}")
        data = reply.json(self.label)
        if not isinstance(data, shape):
            what = "a list of papers" if shape is list else "a paper"
            raise NetworkError(self.label, f"sent something that is not {what} ({reply.url})")
        try:
            result = hf_json.parse(reply.text(), reply.url or self.label)
        except ParseError as error:
            raise NetworkError(self.label, f"sent papers it cannot read: {error.why}") from None
        return result.records


def _error(reply: Reply) -> str:
    """The `error` message Hugging Face puts in a JSON error body, as ": message"."""
    try:
        data = reply.json("")
    except NetworkError:
        return ""
    message = data.get("error") if isinstance(data, dict) else None
    return f": {message}" if isinstance(message, str) and message else ""
