"""Phrases in a Whoosh segment, matched by comparing word positions as sets of integers.

Whoosh matches a phrase with a span matcher (`SpanNear2`): for every document holding all the
words it decodes each word's positions in a Python loop, makes a `Span` object of each, and
joins the spans pairwise. With the full text of a PDF (thousands of words a paper) a common
word has dozens of positions in each of most documents: the phrase `"gaas nanowires"` on
2,000 papers with PDFs took 250 ms, two thirds of it in those spans. Here the documents
holding every word come from intersecting the words' posting lists as sets, and only those
documents' positions are read, rarest word first, so that a document is dropped as soon as
no start is left. The documents found are exactly Whoosh's: a phrase of k words (slop 1,
ordered) matches where word i sits at position p + i for some p
(tests/search/test_whoosh_postings.py checks them against Whoosh's own phrase matcher).
"""

from __future__ import annotations

# Before Whoosh's first import, so that it loads without what it never uses here.
from readerapp.search import whoosh_light  # noqa: F401

# isort: split
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import accumulate
from pickle import loads
from typing import Any

from whoosh.reading import IndexReader
from whoosh.system import _INT_SIZE

from readerapp.search.whoosh_postings import PostingCache, Postings


def positions(value: bytes) -> list[int]:
    """A posting's word positions, decoded as whoosh.formats.Positions.decode_positions does
    (a count, then the pickled gaps without their final STOP byte), summed in C."""
    if not value.endswith(b"."):
        value += b"."
    gaps: list[int] = loads(value[_INT_SIZE:])
    return list(accumulate(gaps))


def phrase_docs(
    reader: IndexReader,
    field: str,
    words: Sequence[Any],
    cache: PostingCache,
    within: Iterable[int] | None = None,
) -> list[int]:
    """The live documents of one segment reader (its own numbers, ascending) where `words`
    stand one after the other in `field`, as Whoosh's Phrase(field, words) matches them;
    among `within` only, when given. A query's phrase is matched once per segment: its
    scoring takes the documents its matching found."""
    if len(words) < 2:
        return []
    key = (id(reader), field, tuple(words))
    known = cache.phrases.get(key)
    if known is not None:
        if within is None:
            return known
        wanted = set(within)
        return [d for d in known if d in wanted]
    docs = _match(reader, field, words, cache, within)
    if within is None:
        cache.phrases[key] = docs
    return docs


def _match(
    reader: IndexReader,
    field: str,
    words: Sequence[Any],
    cache: PostingCache,
    within: Iterable[int] | None,
) -> list[int]:
    lists: list[Postings] = []
    for word in words:
        postings = cache.postings(reader, field, word, with_values=True)
        if postings is None:  # Whoosh's phrase matcher too gives up on a missing word
            return []
        lists.append(postings)
    # Rarest word first: its posting list bounds the candidates, and a document leaves as
    # soon as no start position is left for it.
    order = sorted(range(len(words)), key=lambda i: len(lists[i].ids))
    candidates = set(within) if within is not None else set(lists[order[0]].ids)
    for i in order:
        candidates &= lists[i].id_set()
        if not candidates:
            return []
    docs = sorted(candidates)
    starts: dict[int, set[int]] = {}
    for n, i in enumerate(order):
        ids, values = lists[i].ids, lists[i].values
        assert values is not None
        kept: list[int] = []
        for doc in docs:
            found = positions(values[bisect_left(ids, doc)])
            if n == 0:
                left = {p - i for p in found}
            else:
                left = starts[doc]
                left.intersection_update([p - i for p in found])
            if left:
                starts[doc] = left
                kept.append(doc)
        docs = kept
        if not docs:
            return []
    return docs


def tree_sum(scores: Sequence[float]) -> float:
    """The scores of a phrase's words added up as Whoosh's phrase matcher adds them: its
    intersection of the words' matchers is a binary tree (whoosh.util.make_binary_tree),
    each node the sum of its two halves (a + (b + c) for three words)."""
    if len(scores) == 1:
        return scores[0]
    half = len(scores) // 2
    return tree_sum(scores[:half]) + tree_sum(scores[half:])
