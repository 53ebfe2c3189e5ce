"""Whoosh analyzers: search.analysis as a Whoosh chain (the tests check that they agree).
Hyphenated words are indexed whole and as their parts, so that a search for
`chain-of-thought` finds that exact compound while the phrase "chain of thought" finds both
spellings (the parts sit at consecutive positions, the compound at its first part's).

Indexing runs the same analysis fused into one generator (FusedAnalyzer): the chain of four
Whoosh generators, with Whoosh's pure-Python LFU cache around the stemmer, cost about half
of writing a paper; the fused one looks each distinct word up once in a dict."""

from __future__ import annotations

# Before Whoosh's first import, so that it loads without what it never uses here.
from readerapp.search import whoosh_light  # noqa: F401

# isort: split
from collections.abc import Callable, Iterator
from typing import Any

from whoosh.analysis import (
    Analyzer,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    Token,
)

from readerapp.search.analysis import WORDS, words_of
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


def text_chain() -> Analyzer:
    """Titles, abstracts, notes as a Whoosh chain: lower case, compounds, stop words out,
    stemmed."""
    return (
        RegexTokenizer(WORDS)
        | LowercaseFilter()
        | CompoundFilter(STOP_WORDS)
        | StemFilter(stemfn=stem)
    )


def name_chain() -> Analyzer:
    """Author names and tags as a Whoosh chain: lower case and compounds, no stemming, no
    stop words."""
    return RegexTokenizer(WORDS) | LowercaseFilter() | CompoundFilter()


# Distinct words kept analysed per analyzer; cleared when full (as search.analysis).
_CACHE_SIZE = 400_000


def _same(word: str) -> str:
    return word


class FusedAnalyzer(Analyzer):  # type: ignore[misc]  # whoosh is untyped: Analyzer is Any
    """The chain's tokens (text_chain or name_chain), from one generator.

    Each distinct word's tokens are worked out once: (text, how far the position moves)
    pairs, so a stop word is (), a plain word its stem, a compound its whole stem at the
    current position then its parts at consecutive ones. Positions start at 0 as the chain
    renumbers them. Calls the fast path does not cover (character offsets, the original
    text, no tokenizing) go to the chain itself.

    It pickles as a call to its factory (text_analyzer or name_analyzer), so an index's
    schema holds no cache and stays readable by any version that has the factory.
    """

    def __init__(
        self,
        factory: Callable[[], Analyzer],
        chain: Analyzer,
        stop: frozenset[str],
        stemfn: Callable[[str], str],
    ) -> None:
        self.factory = factory
        self.chain = chain
        self.stop = stop
        self.stemfn = stemfn
        self.entries: dict[str, tuple[tuple[str, int], ...]] = {}

    def __reduce__(self) -> tuple[Callable[[], Analyzer], tuple[()]]:
        return (self.factory, ())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FusedAnalyzer) and other.factory is self.factory

    def __hash__(self) -> int:
        return hash(self.factory)

    def _entry(self, word: str) -> tuple[tuple[str, int], ...]:
        if len(self.entries) >= _CACHE_SIZE:
            self.entries.clear()
        stop, stemfn = self.stop, self.stemfn
        if "-" not in word:
            entry: tuple[tuple[str, int], ...] = () if word in stop else ((stemfn(word), 1),)
        else:
            parts = [p for p in word.split("-") if p and p not in stop]
            entry = ((stemfn(word), 0), *((stemfn(p), 1) for p in parts))
        self.entries[word] = entry
        return entry

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        if chars or keeporiginal or not tokenize:
            yield from self.chain(
                value,
                positions=positions,
                chars=chars,
                keeporiginal=keeporiginal,
                removestops=removestops,
                start_pos=start_pos,
                start_char=start_char,
                tokenize=tokenize,
                mode=mode,
                **kwargs,
            )
            return
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for text, position in self.terms(value):
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = position
            yield token

    def terms(self, value: str) -> Iterator[tuple[str, int]]:
        """The tokens' (text, position) pairs, positions from 0 (the fast path of __call__,
        and whoosh_writer's, which needs no Token)."""
        entries = self.entries
        entry = self._entry
        position = 0
        for word in words_of(value):
            found = entries.get(word)
            for text, advance in entry(word) if found is None else found:
                yield text, position
                position += advance


def text_analyzer() -> Analyzer:
    """Titles, abstracts, notes: lower case, compounds, stop words out, stemmed."""
    return FusedAnalyzer(text_analyzer, text_chain(), STOP_WORDS, stem)


def name_analyzer() -> Analyzer:
    """Author names and tags: lower case and compounds, no stemming, no stop words."""
    return FusedAnalyzer(name_analyzer, name_chain(), frozenset(), _same)
