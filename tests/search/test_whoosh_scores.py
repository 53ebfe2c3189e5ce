"""Relevance scores among a set of papers (readerapp's own walk over Whoosh's matchers) are
the ones Whoosh's collector gives for the same query filtered to the same papers."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from readerapp.search.engine import IndexDoc
from readerapp.search.query import Or, parse_query, positive_text
from readerapp.search.whoosh_index import WhooshIndex, to_whoosh

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
]


def _doc(pid: int, rng: random.Random) -> IndexDoc:
    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    return IndexDoc(pid, words(6), "Ada Lovelace", words(40), rng.choice(["", "vision"]), "")


@pytest.fixture
def index(tmp_path: Path) -> Iterator[WhooshIndex]:
    rng = random.Random(3)
    ix = WhooshIndex(tmp_path / "index")
    for start in range(1, 241, 60):  # several segments, as imports in batches leave them
        ix.upsert([_doc(pid, rng) for pid in range(start, start + 60)])
    ix.upsert([_doc(pid, rng) for pid in (5, 70, 130)])  # edits: deleted documents too
    ix.delete([9, 100])
    yield ix
    ix.close()


def _whooshs_own(ix: WhooshIndex, text: str, within: set[int], limit: int) -> dict[int, float]:
    searcher = ix.searcher()
    docnums = ix._docnum_of()
    allowed = {docnums[p] for p in within if p in docnums}
    query = to_whoosh(Or(tuple(positive_text(parse_query(text)))), searcher.reader())
    pids = ix._pid_list()
    return {
        pids[hit.docnum]: hit.score for hit in searcher.search(query, limit=limit, filter=allowed)
    }


@pytest.mark.parametrize(
    "text",
    ["graph", "graph neural", "graph OR protein OR vision", '"neural network" robot', "mod*"],
)
def test_scores_within_papers_are_whooshs(index: WhooshIndex, text: str) -> None:
    assert len(index.searcher().reader().leaf_readers()) > 2
    rng = random.Random(text)
    matching = index.search(parse_query(text))
    within = set(rng.sample(sorted(matching), len(matching) // 2)) | {9, 100, 9999}
    ours = index.scores(Or(tuple(positive_text(parse_query(text)))), within)
    theirs = _whooshs_own(index, text, within, 1000)
    assert ours.keys() == theirs.keys() and ours
    assert all(ours[p] == pytest.approx(theirs[p], rel=1e-12) for p in ours)
    # The best ten: the same scores. Which of equal scores makes the cut may differ in the
    # last bit: Whoosh adds a paper's parts up in the order of its tree of matchers.
    best = index.scores(Or(tuple(positive_text(parse_query(text)))), within, 10)
    assert len(best) == 10 and best.keys() <= ours.keys()
    assert sorted(best.values()) == pytest.approx(sorted(theirs.values())[-10:], rel=1e-12)
