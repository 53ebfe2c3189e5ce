"""Whoosh analyzers: search.analysis as a Whoosh chain (the tests check that they agree).
Hyphenated words are indexed whole and as their parts, so that a search for
`chain-of-thought` finds that exact compound while the phrase "chain of thought" finds both
spellings (the parts sit at consecutive positions, the compound at its first part's)."""

from __future__ import annotations

# Before Whoosh's first import, so that it loads without what it never uses here.
from readerapp.search import whoosh_light  # noqa: F401

# isort: split
from collections.abc import Iterator

from whoosh.analysis import (
    Analyzer,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    Token,
)

from readerapp.search.analysis import WORDS
from readerapp.search.porter import stem
from readerapp.search.stopwords import STOP_WORDS


class CompoundFilter(Filter):  # type: ignore[misc]  # whoosh is untyped: Filter is Any
    """Emits a hyphenated token whole and as parts, drops stop words, renumbers positions."""

    def __init__(self, stoplist: frozenset[str] = frozenset()) -> None:
        self.stoplist = stoplist

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        position = 0
        for token in tokens:
            text = token.text
            if "-" not in text:
                if text in self.stoplist:
                    continue
                if token.positions:
                    token.pos = position
                position += 1
                yield token
                continue
            parts = [p for p in text.split("-") if p and p not in self.stoplist]
            if token.positions:
                token.pos = position
            yield token  # the compound itself, at its first part's position
            for part in parts:
                token.text = part
                if token.positions:
                    token.pos = position
                position += 1
                yield token


def text_analyzer() -> Analyzer:
    """Titles, abstracts, notes: lower case, compounds, stop words out, stemmed."""
    return (
        RegexTokenizer(WORDS)
        | LowercaseFilter()
        | CompoundFilter(STOP_WORDS)
        | StemFilter(stemfn=stem)
    )


def name_analyzer() -> Analyzer:
    """Author names and tags: lower case and compounds, no stemming, no stop words."""
    return RegexTokenizer(WORDS) | LowercaseFilter() | CompoundFilter()
