"""The online sources, each with its own polite client, opened together for one task."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from readerapp.core.clock import SYSTEM_CLOCK, Clock
from readerapp.core.progress import CancelToken
from readerapp.sources.arxiv import ArxivSource
from readerapp.sources.base import Source, base_url
from readerapp.sources.crossref import CrossrefSource
from readerapp.sources.http import Http, Politeness, ResponseCache
from readerapp.sources.huggingface import HuggingFaceSource
from readerapp.sources.semantic_scholar import SemanticScholarSource

# Each API's published rules (see README, "What is sent where"):
POLITENESS: dict[str, Politeness] = {
    # arXiv: at most one request every 3 s, one connection; 429/503 under load.
    "arxiv": Politeness(min_interval=3.0, backoff=5.0),
    # Hugging Face: 500 API calls per 5 minutes for an anonymous client.
    "huggingface": Politeness(min_interval=0.6),
    # Crossref: the pace its X-Rate-Limit headers advertise; list queries about 3/s.
    "crossref": Politeness(min_interval=0.34),
    # Semantic Scholar: a shared pool that answers 429 without saying how long to wait.
    "semanticscholar": Politeness(min_interval=1.1, backoff=3.0),
}


@dataclass(frozen=True, slots=True)
class Connection:
    """What every source's client shares: the user's contact, the cache, the clock, whether
    the network may be used, and the task's cancel flag."""

    contact: str = ""
    cache: ResponseCache | None = None
    clock: Clock = SYSTEM_CLOCK
    offline: bool = False
    cancel: CancelToken | None = None

    def http(self, name: str) -> Http:
        return Http(
            _LABELS[name],
            base_url(name),
            POLITENESS[name],
            contact=self.contact,
            cache=self.cache,
            clock=self.clock,
            offline=self.offline,
            cancel=self.cancel,
        )


_LABELS = {
    "arxiv": "arXiv",
    "huggingface": "Hugging Face",
    "crossref": "Crossref",
    "semanticscholar": "Semantic Scholar",
}


@dataclass(slots=True)
class Sources:
    arxiv: ArxivSource
    huggingface: HuggingFaceSource
    crossref: CrossrefSource
    semantic_scholar: SemanticScholarSource

    def all(self) -> list[Source]:
        return [self.arxiv, self.huggingface, self.crossref, self.semantic_scholar]

    def requests_sent(self) -> int:
        return sum(s.http.requests_sent for s in self.all())


def build_sources(connection: Connection) -> Sources:
    return Sources(
        ArxivSource(connection.http("arxiv")),
        HuggingFaceSource(connection.http("huggingface")),
        CrossrefSource(connection.http("crossref")),
        SemanticScholarSource(connection.http("semanticscholar")),
    )


@contextmanager
def open_sources(connection: Connection) -> Iterator[Sources]:
    sources = build_sources(connection)
    try:
        yield sources
    finally:
        for source in sources.all():
            source.close()
