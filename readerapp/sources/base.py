"""What every online source offers, and where each one lives.

A source turns identifiers and titles into PaperRecords, parsed by the same importers that
read files (arXiv Atom, Hugging Face JSON, Semantic Scholar JSON, CSL-JSON). It never
decides whether a title match is the right paper: services/matching.py does, and anything
short of certain is shown to the user as a candidate.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from readerapp.core.identifiers import Identifier
from readerapp.core.records import PaperRecord
from readerapp.sources.http import Http

# Each source's base URL can be replaced, so tests and mirrors can point it elsewhere.
BASE_URLS: dict[str, tuple[str, str]] = {
    "arxiv": ("READERAPP_ARXIV_URL", "https://export.arxiv.org"),
    "huggingface": ("READERAPP_HF_URL", "https://huggingface.co"),
    "crossref": ("READERAPP_CROSSREF_URL", "https://api.crossref.org"),
    "semanticscholar": ("READERAPP_S2_URL", "https://api.semanticscholar.org"),
}


def base_url(source: str) -> str:
    variable, default = BASE_URLS[source]
    return os.environ.get(variable, "").strip() or default


@dataclass(frozen=True, slots=True)
class Hit:
    """One record a source returned for a question, and which source said it."""

    record: PaperRecord
    source: str  # the source's label, e.g. "arXiv"


class Source(Protocol):
    name: str  # a key of BASE_URLS
    label: str  # shown to people: "arXiv", "Hugging Face", "Crossref", "Semantic Scholar"
    http: Http  # its polite client (counts the requests it sent)

    def handles(self, ident: Identifier) -> bool:
        """Whether by_ids can look this kind of identifier up."""
        ...

    def by_ids(self, idents: Sequence[Identifier]) -> dict[Identifier, PaperRecord]:
        """Exact look-ups: each identifier the source knows, with its record. Identifiers it
        does not know are absent (not an error). Batches where the API allows."""
        ...

    def by_title(self, title: str, limit: int = 5) -> list[PaperRecord]:
        """Papers whose title may be this one, best first. Not a decision: the caller
        compares them."""
        ...

    def close(self) -> None: ...


def cut_at_word(text: str, limit: int) -> str:
    """At most `limit` characters, ending at a word boundary when there is one (the APIs
    cap the length of a title query)."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0]
    return cut if cut and len(cut) <= limit else text[:limit]
