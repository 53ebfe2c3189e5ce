"""The Whoosh search path's own readings of the index (posting lists read block by block,
field lengths read as one column, phrases matched by positions, scores added up from the
lists) give exactly what Whoosh's matchers give, on a multi-segment index with deletions."""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import islice

import pytest
from whoosh import query as wq

from readerapp.search import whoosh_index
from readerapp.search.engine import IndexDoc
from readerapp.search.query import Or, Text, parse_query, positive_text
from readerapp.search.whoosh_index import (
    WhooshIndex,
    _analyzer,
    _matcher_scores,
    _summands,
    to_whoosh,
)
from readerapp.search.whoosh_phrases import phrase_docs
from readerapp.search.whoosh_postings import PostingCache, field_lengths, read_postings

pytestmark = pytest.mark.no_library  # no library: the PostgreSQL pass leaves it out

WORDS = [
    "graph",
    "neural",
    "network",
    "retrieval",
    "language",
    "model",
    "diffusion",
    "protein",
    "vision",
    "robot",
    "chain-of-thought",
    "the",
]


def _doc(pid: int, rng: random.Random) -> IndexDoc:
    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    # Some papers have a long full text (posting lists of several blocks, many positions),
    # some a rare word (a posting list short enough to sit in the term dictionary).
    fulltext = words(rng.choice([0, 0, 300, 1500]))
    rare = f" rare{pid % 7}" if pid % 11 == 0 else ""
    return IndexDoc(
        pid, words(6) + rare, "Ada Lovelace", words(40), rng.choice(["", "vision"]), "", fulltext
    )


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WhooshIndex]:
    rng = random.Random(5)
    ix = WhooshIndex(tmp_path_factory.mktemp("postings") / "index")
    for start in range(1, 361, 120):  # several segments, as imports in batches leave them
        ix.upsert([_doc(pid, rng) for pid in range(start, start + 120)])
    ix.upsert([_doc(pid, rng) for pid in (5, 130, 250)])  # edits: deleted documents too
    ix.delete([9, 200])
    yield ix
    ix.close()


def _segments(ix: WhooshIndex) -> list:  # type: ignore[type-arg]
    leaves = ix.searcher().reader().leaf_readers()
    assert len(leaves) > 2 and any(sub.has_deletions() for sub, _offset in leaves)
    return leaves


def test_posting_lists_are_whooshs(index: WhooshIndex) -> None:
    terms = 0
    for sub, _offset in _segments(index):
        for field in ("title", "abstract", "fulltext", "authors"):
            for term in list(sub.lexicon(field)):
                expected = sub.postings(field, term)
                ids, weights, values = [], [], []
                while expected.is_active():
                    ids.append(expected.id())
                    weights.append(expected.weight())
                    values.append(expected.value())
                    expected.next()
                ours = read_postings(sub, field, term, with_values=True)
                assert (ours.ids, ours.weights, ours.values) == (ids, weights, values)
                assert read_postings(sub, field, term, with_values=False).ids == ids
                terms += 1
    assert terms > 50


def test_field_lengths_are_whooshs(index: WhooshIndex) -> None:
    for sub, _offset in _segments(index):
        for field in ("title", "abstract", "fulltext", "notes"):
            length = field_lengths(sub, field)
            for doc in range(sub.doc_count_all()):
                if sub.doc_field_length(doc, field, 1):  # 0 words: Whoosh answers None
                    assert length(doc) == sub.doc_field_length(doc, field, 1)


@pytest.mark.parametrize(
    "words",
    [
        ["neural", "network"],
        ["network", "neural"],
        ["model", "model"],
        ["graph", "neural", "network"],
        ["chain", "thought"],
        ["chain-of-thought", "graph"],
        ["vision", "rare3"],
        ["missing", "graph"],
    ],
)
@pytest.mark.parametrize("field", ["title", "abstract", "fulltext"])
def test_phrases_match_whooshs_documents(index: WhooshIndex, field: str, words: list[str]) -> None:
    searcher = index.searcher()
    expected = set(searcher.docs_for_query(wq.Phrase(field, words)))
    cache = PostingCache()
    ours = {
        d + offset
        for sub, offset in _segments(index)
        for d in phrase_docs(sub, field, words, cache)
    }
    assert ours == expected


def _whooshs_walk(ix: WhooshIndex, text: str, within: set[int]) -> dict[int, float]:
    """The scores as the search path added them up before: each part's own Whoosh matcher
    (span matchers for phrases) walked to the allowed documents, summed in the parts' order."""
    searcher = ix.searcher()
    docnums = ix._docnum_of()
    allowed = sorted(docnums[p] for p in within if p in docnums)
    summands = _summands(to_whoosh(Or(tuple(positive_text(parse_query(text)))), searcher.reader()))
    assert summands is not None
    context = searcher.context()
    totals: dict[int, float] = {}
    for sub, offset in searcher.leaf_searchers():
        targets = [d - offset for d in allowed if offset <= d < offset + sub.doc_count_all()]
        for summand in summands:
            for docnum, score in _matcher_scores(summand.matcher(sub, context), targets):
                totals[docnum + offset] = totals.get(docnum + offset, 0.0) + score
    pids = ix._pid_list()
    return {pids[d]: score for d, score in totals.items()}


@pytest.mark.parametrize(
    "text",
    [
        "graph",
        "graph neural",
        '"neural network" robot',
        '"graph neural network" OR rare3',
        '"chain of thought" vision',
        "fulltext:diffusion",
        "mod* protein",
        "robt~1",
    ],
)
def test_scores_are_the_walk_of_whooshs_matchers_exactly(index: WhooshIndex, text: str) -> None:
    rng = random.Random(text)
    matching = index.search(parse_query(text))
    assert matching
    for within in (matching, set(rng.sample(sorted(matching), len(matching) // 2 or 1))):
        ours = index.scores(Or(tuple(positive_text(parse_query(text)))), within | {9, 9999})
        assert ours == _whooshs_walk(index, text, within)  # every score to the last bit


def _whooshs_prefix_terms(ix: WhooshIndex, field: str, value: str, cap: int) -> list[bytes]:
    """The expansion as it was found before: Whoosh's merged expand_prefix of all segments."""
    reader = ix.searcher().reader()
    stems = sorted({value, *[t.text for t in _analyzer(field)(value)]})
    terms: dict[bytes, None] = {}
    for stem in stems:
        terms.update(dict.fromkeys(islice(reader.expand_prefix(field, stem), cap)))
    return list(terms)[:cap]


@pytest.mark.parametrize("cap", [256, 3, 1])
@pytest.mark.parametrize("value", ["ra", "rare", "ne", "mo", "xy"])
@pytest.mark.parametrize("field", ["title", "abstract", "authors"])
def test_prefix_expansions_and_the_segments_holding_them_are_exact(
    index: WhooshIndex, monkeypatch: pytest.MonkeyPatch, field: str, value: str, cap: int
) -> None:
    monkeypatch.setattr(whoosh_index, "MAX_EXPANSIONS", cap)
    leaves = _segments(index)
    terms, seen = whoosh_index._prefix_terms(leaves, field, value)
    assert terms == _whooshs_prefix_terms(index, field, value, cap)
    for (sub, _offset), held in zip(leaves, seen, strict=True):
        assert held is not None
        assert {t for t in terms if t in held} == {t for t in terms if (field, t) in sub}


@pytest.mark.parametrize("cap", [256, 2])
@pytest.mark.parametrize("word", ["rare3", "grph", "moddel"])
def test_fuzzy_expansions_know_which_segments_hold_them(
    index: WhooshIndex, monkeypatch: pytest.MonkeyPatch, word: str, cap: int
) -> None:
    monkeypatch.setattr(whoosh_index, "MAX_EXPANSIONS", cap)
    leaves = _segments(index)
    leaf = parse_query(f"{word}~1")
    assert isinstance(leaf, Text)
    terms, seen = whoosh_index._fuzzy_terms(leaves, "title", leaf)
    assert terms
    for (sub, _offset), held in zip(leaves, seen, strict=True):
        if held is not None:
            assert {t for t in terms if t in held} == {t for t in terms if ("title", t) in sub}
