"""A query's posting lists, decoded once and shared by its matching and its scoring.

A relevance search reads every word's posting list twice: once to find the matching papers
(search) and once to score them (scores). In Whoosh, reading a list costs most of a query:
each block of 128 postings is inflated with zlib and unpickled whole (ids, weights and the
positions of every posting), and a matcher then steps through it one Python call per posting.
Here a list is read block by block into plain lists, once per query, and kept until its
scoring: matching takes the ids as they are, scoring adds up BM25F from the weights and
document lengths with Whoosh's own scorer objects (so the same scores), and a phrase reads
positions from the same blocks.

The block walk uses Whoosh's W3 posting reader's block attributes (whoosh-reloaded 2.7.5,
pinned); any other matcher (short lists inlined in the term dictionary) is read through the
public matcher API. tests/search/test_whoosh_postings.py compares both with Whoosh's matchers.
"""

from __future__ import annotations

# Before Whoosh's first import, so that it loads without what it never uses here.
from readerapp.search import whoosh_light  # noqa: F401

# isort: split
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.columns import NumericColumn
from whoosh.matching import Matcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader
from whoosh.scoring import BM25FScorer, WeightLengthScorer
from whoosh.searching import SearchContext, Searcher
from whoosh.util.numeric import byte_to_length

# A query keeps at most this many postings (ids, weights and, for phrases, positions) for
# its scoring; a broad prefix at 100k papers can reach millions. Past it, lists are read
# again when scored, as before.
MAX_KEPT_POSTINGS = 500_000


@dataclass(slots=True)
class Postings:
    """One term's postings in one segment: live documents only, ascending."""

    ids: list[int]
    weights: list[float]
    values: list[bytes] | None = None  # the encoded positions, when a phrase needed them
    _set: set[int] | None = field(default=None, repr=False)

    def id_set(self) -> set[int]:
        if self._set is None:
            self._set = set(self.ids)
        return self._set


def _read_blocks(
    matcher: W3LeafMatcher, with_values: bool
) -> tuple[list[int], list[float], list[bytes]]:
    """Every block of a W3 posting list: its ids, weights and (if asked) encoded values, as
    W3LeafMatcher's _read_ids/_read_weights/_read_values decode them, without stepping
    posting by posting."""
    ids: list[int] = []
    weights: list[float] = []
    values: list[bytes] = []
    while matcher.is_active():
        if matcher._data is None:  # a deletions filter may have read the first block
            matcher._read_data()
        raw_ids = matcher._data[0]
        ids.extend(raw_ids if matcher._byteids else accumulate(raw_ids))
        matcher._read_weights()
        weights.extend(matcher._weights)
        if with_values:
            matcher._read_values()
            values.extend(matcher._values)
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
    return ids, weights, values


def _read_matcher(
    matcher: Matcher, with_values: bool
) -> tuple[list[int], list[float], list[bytes]]:
    """Any matcher, posting by posting (lists short enough to be inlined in the terms)."""
    ids: list[int] = []
    weights: list[float] = []
    values: list[bytes] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        if with_values:
            values.append(matcher.value())
        matcher.next()
    return ids, weights, values


def read_postings(reader: IndexReader, field_name: str, term: Any, with_values: bool) -> Postings:
    """A term's live postings in one segment reader (which must hold the term)."""
    matcher = reader.postings(field_name, term)
    deleted: set[int] | None = None
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        deleted = matcher._ids
        matcher = matcher.child
    if type(matcher) is W3LeafMatcher:
        ids, weights, values = _read_blocks(matcher, with_values)
    else:
        ids, weights, values = _read_matcher(matcher, with_values)
    if deleted:
        keep = [i for i, doc in enumerate(ids) if doc not in deleted]
        if len(keep) != len(ids):
            ids = [ids[i] for i in keep]
            weights = [weights[i] for i in keep]
            values = [values[i] for i in keep] if with_values else values
    return Postings(ids, weights, values if with_values else None)


class PostingCache:
    """The posting lists one query has read, per segment, field and term."""

    def __init__(self, limit: int = MAX_KEPT_POSTINGS) -> None:
        self._lists: dict[tuple[int, str, Any], Postings] = {}
        # Terms known to occur, or not to occur, in a segment (see mark_held).
        self._held: set[tuple[int, str, bytes]] = set()
        self._absent: set[tuple[int, str, bytes]] = set()
        self._kept = 0
        self._limit = limit
        # Prefix and fuzzy expansions, so that scoring does not walk the terms again.
        self.expansions: dict[tuple[str, str, str, int], list[Any]] = {}
        # Phrases' documents per segment (whoosh_phrases.phrase_docs).
        self.phrases: dict[tuple[int, str, tuple[Any, ...]], list[int]] = {}
        self._scorers: dict[tuple[str, bytes], Any] = {}
        self._lengths: dict[tuple[int, str], Callable[[int], Any]] = {}

    def postings(
        self, reader: IndexReader, field_name: str, term: Any, *, with_values: bool = False
    ) -> Postings | None:
        """The term's postings in this segment reader, or None where it does not occur."""
        if not isinstance(term, bytes):
            term = reader.schema[field_name].to_bytes(term)
        key = (id(reader), field_name, term)
        found = self._lists.get(key)
        if found is not None and (found.values is not None or not with_values):
            return found
        if key in self._absent:
            return None
        if found is None and key not in self._held and (field_name, term) not in reader:
            self._absent.add(key)
            return None
        found = read_postings(reader, field_name, term, with_values)
        size = len(found.ids)
        if self._kept + size <= self._limit:
            self._kept += size - (len(self._lists[key].ids) if key in self._lists else 0)
            self._lists[key] = found
        return found

    def mark_held(
        self, reader: IndexReader, field_name: str, terms: Iterable[Any], held: set[Any]
    ) -> None:
        """Which of `terms` a segment holds, as a walk of its term dictionary (a prefix or
        fuzzy expansion) found: looking each up again (a hash of the term and a probe of the
        dictionary file, per segment) was a quarter of a broad prefix query's time."""
        to_bytes = reader.schema[field_name].to_bytes
        for term in terms:
            key = (id(reader), field_name, term if isinstance(term, bytes) else to_bytes(term))
            (self._held if term in held else self._absent).add(key)

    def ids(self, reader: IndexReader, field_name: str, term: Any) -> Sequence[int]:
        found = self.postings(reader, field_name, term)
        return found.ids if found is not None else ()

    def scorer(
        self, sub: Searcher, context: SearchContext, field_name: str, term: Any
    ) -> WeightLengthScorer | None:
        """The scorer Whoosh's Term(field, term) matcher scores with in the segment searcher
        `sub`, or None if it is not one of weight and field length. BM25F's depends on the
        segment only through the field lengths (its idf and average length come from the
        whole index), so one serves every segment: building it per segment asks every
        segment for the term's frequency, once per segment."""
        term = sub.schema[field_name].to_bytes(term)
        key = (field_name, term)
        found = self._scorers.get(key)
        if found is None:
            found = context.weighting.scorer(sub, field_name, term)
            if type(found) is BM25FScorer:
                self._scorers[key] = found
        return found if isinstance(found, WeightLengthScorer) else None

    def lengths(self, reader: IndexReader, field_name: str) -> Callable[[int], Any]:
        """doc -> its length in a field, as reader.doc_field_length(doc, field, 1) gives it."""
        key = (id(reader), field_name)
        found = self._lengths.get(key)
        if found is None:
            found = self._lengths[key] = field_lengths(reader, field_name)
        return found


@cache
def _length_table() -> list[Any]:
    """Whoosh's one-byte field lengths, decoded (byte 0 has no length)."""
    return [None, *(byte_to_length(b) for b in range(1, 256))]


def field_lengths(reader: IndexReader, field_name: str) -> Callable[[int], Any]:
    """doc -> its length in a field, as reader.doc_field_length(doc, field, 1) gives it: the
    segment's lengths column (one byte a document) read in one piece where it is Whoosh's
    W3 numeric column, else through doc_field_length, one call a document."""

    def exact(doc: int) -> Any:
        return reader.doc_field_length(doc, field_name, 1)

    perdoc = getattr(reader, "_perdoc", None)
    if perdoc is None:
        return exact
    column = perdoc._cached_reader(_lenfield(field_name), LENGTHS_COLUMN)
    if type(column) is not NumericColumn.Reader or column._typecode != "B" or column._fixedlen != 1:
        return exact
    raw = column._dbfile.get(column._basepos, column._count)
    table = _length_table()

    def length(doc: int) -> Any:
        byte = raw[doc] if doc < len(raw) else 0
        return table[byte] if byte else exact(doc)

    return length


def matching(postings: Postings, wanted: set[int]) -> list[tuple[int, float]]:
    """(document, weight) of the postings whose document is in `wanted`."""
    return [
        (doc, weight)
        for doc, weight in zip(postings.ids, postings.weights, strict=True)
        if doc in wanted
    ]
