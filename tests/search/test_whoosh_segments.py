"""Whoosh edits: small commits never merge, tiny segments are consolidated by writing their
papers again, and nothing an edit (here or in another process) wrote is lost or brought back
stale by that."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from readerapp.core.errors import Cancelled
from readerapp.core.progress import CancelToken
from readerapp.search import whoosh_index
from readerapp.search.engine import IndexDoc
from readerapp.search.query import parse_query
from readerapp.search.whoosh_index import WhooshIndex

pytestmark = pytest.mark.no_library  # no library: the PostgreSQL pass leaves it out


def _doc(pid: int, word: str) -> IndexDoc:
    return IndexDoc(
        pid,
        f"Paper {pid} about {word}",
        "Ada Lovelace",
        f"An abstract on {word} and transformers.",
        "",
        "",
    )


@pytest.fixture
def index(tmp_path: Path) -> Iterator[WhooshIndex]:
    ix = WhooshIndex(tmp_path / "index")
    # One batch larger than a tiny segment: the library as an import leaves it.
    ix.upsert([_doc(pid, f"start{pid}") for pid in range(1, 41)])
    yield ix
    ix.close()


def _segments(ix: WhooshIndex) -> int:
    return len(ix.searcher().reader().leaf_readers())


def _finds(ix: WhooshIndex, text: str) -> set[int]:
    return ix.search(parse_query(text))


def test_many_edits_stay_searchable_in_few_segments(index: WhooshIndex) -> None:
    for step in range(30):
        pid = 1 + step % 7  # the same papers edited again and again
        index.upsert([_doc(pid, f"edit{step}")])
        assert _finds(index, f"edit{step}") == {pid}
        assert _segments(index) <= whoosh_index.CONSOLIDATE_AT + 1
    # Each paper answers to its last text only, once.
    for pid in range(1, 8):
        last = max(step for step in range(30) if 1 + step % 7 == pid)
        assert _finds(index, f"edit{last}") == {pid}
        assert _finds(index, f"start{pid}") == set()
    assert _finds(index, "edit0") == set()
    assert index.doc_count() == 40
    assert index.ids() == set(range(1, 41))


def test_consolidation_keeps_another_process_s_newer_edit(
    tmp_path: Path, index: WhooshIndex
) -> None:
    # Kept here for consolidation; paper 6 keeps the segment alive after 5 is replaced.
    index.upsert([_doc(5, "ourtext"), _doc(6, "neighbour")])
    other = WhooshIndex(tmp_path / "index")
    try:
        other.upsert([_doc(5, "theirtext")])
    finally:
        other.close()
    for step in range(whoosh_index.CONSOLIDATE_AT * 3):
        index.upsert([_doc(10 + step, f"more{step}")])
    assert _finds(index, "theirtext") == {5}
    assert _finds(index, "ourtext") == set()
    assert _finds(index, "neighbour") == {6}
    assert index.doc_count() == 40


def test_deleted_paper_is_not_written_again(index: WhooshIndex) -> None:
    index.upsert([_doc(3, "doomed")])
    index.delete([3])
    for step in range(whoosh_index.CONSOLIDATE_AT * 3):
        index.upsert([_doc(20 + step, f"later{step}")])
    assert _finds(index, "doomed") == set()
    assert 3 not in index.ids()
    assert index.doc_count() == 39


def test_close_merges_segments_other_processes_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "index"
    edits = whoosh_index.MAX_SEGMENTS + 2
    with monkeypatch.context() as patch:
        # One process per edit, as the CLI runs, none of them merging when it closes: the
        # segments pile up and no process has their papers in memory to consolidate.
        patch.setattr(whoosh_index, "MAX_SEGMENTS", 1000)
        patch.setattr(whoosh_index, "CONSOLIDATE_AT", 1000)
        ix = WhooshIndex(path)
        ix.upsert([_doc(pid, "base") for pid in range(1, 41)])
        ix.close()
        for step in range(edits):
            ix = WhooshIndex(path)
            ix.upsert([_doc(1 + step, f"cli{step}")])
            ix.close()
    ix = WhooshIndex(path)
    assert _segments(ix) > whoosh_index.MAX_SEGMENTS
    ix.close()  # merges
    ix = WhooshIndex(path)
    try:
        assert _segments(ix) < whoosh_index.MAX_SEGMENTS
        assert all(_finds(ix, f"cli{step}") == {1 + step} for step in range(edits))
        assert _finds(ix, "base") == set(range(edits + 1, 41))
        assert ix.doc_count() == 40
    finally:
        ix.close()


def _catch_up(ix: WhooshIndex, first: int, batches: int, size: int = 20) -> None:
    """What Library.sync_index leaves: one segment per batch, none merged."""
    for batch in range(batches):
        start = first + batch * size
        ix.upsert([_doc(pid, f"batch{batch} w{pid % 3}") for pid in range(start, start + size)])


def test_settle_merges_a_catch_ups_batches_and_an_edit_right_after_works(
    tmp_path: Path,
) -> None:
    ix = WhooshIndex(tmp_path / "index")
    try:
        _catch_up(ix, 1, whoosh_index.SETTLE_AT + 2)
        assert _segments(ix) == whoosh_index.SETTLE_AT + 2
        queries = ["w1", "batch2", "transformers w2", '"about batch3"', "bat*", "batc~1"]
        before = [(_finds(ix, q), ix.scores(parse_query(q))) for q in queries]
        assert ix.settle()
        assert _segments(ix) == 1
        # The same papers, and the same scores: no paper was deleted, so every word's
        # statistics are what they were.
        after = [(_finds(ix, q), ix.scores(parse_query(q))) for q in queries]
        for (ids, scores), (ids_after, scores_after) in zip(before, after, strict=True):
            assert ids_after == ids
            assert scores_after == pytest.approx(scores, rel=1e-12)
        assert not ix.settle()  # nothing left to merge
        ix.upsert([_doc(7, "edited")])
        assert _finds(ix, "edited") == {7}
        assert 7 not in _finds(ix, "batch0")
        assert ix.doc_count() == 20 * (whoosh_index.SETTLE_AT + 2)
    finally:
        ix.close()


def test_settle_leaves_the_library_and_merges_an_imports_batches(tmp_path: Path) -> None:
    ix = WhooshIndex(tmp_path / "index")
    try:
        _catch_up(ix, 1, 1, size=200)  # the settled library
        _catch_up(ix, 1000, whoosh_index.SETTLE_AT - 2)  # an import into it
        assert not ix.settle()  # under SETTLE_AT segments: left alone
        _catch_up(ix, 2000, 2)  # another
        assert ix.settle()
        sizes = sorted(sub.doc_count_all() for sub, _ in ix.searcher().reader().leaf_readers())
        assert sizes == [20 * whoosh_index.SETTLE_AT, 200]
        assert _finds(ix, "batch0") == set(range(1, 201)) | {*range(1000, 1020), *range(2000, 2020)}
    finally:
        ix.close()


def test_a_cancelled_settle_leaves_the_index_as_it_was(tmp_path: Path) -> None:
    ix = WhooshIndex(tmp_path / "index")
    try:
        _catch_up(ix, 1, whoosh_index.SETTLE_AT)
        token = CancelToken()
        seen: list[str] = []

        def cancel_at_once(done: int, total: int | None, message: str) -> None:
            seen.append(message)
            token.cancel()

        with pytest.raises(Cancelled):
            ix.settle(cancel_at_once, token)
        assert seen == ["Merging the search index"]
        assert _segments(ix) == whoosh_index.SETTLE_AT
        assert _finds(ix, "w1") == {pid for pid in range(1, 81) if pid % 3 == 1}
        ix.upsert([_doc(3, "later")])  # the writer's lock was released
        assert _finds(ix, "later") == {3}
        assert ix.settle()
        assert _segments(ix) == 1
    finally:
        ix.close()


def test_a_bulk_writes_its_batches_as_one_segment_with_edits_and_deletes(
    index: WhooshIndex,
) -> None:
    with index.bulk():
        index.upsert([_doc(pid, "bulkone") for pid in range(100, 130)])
        index.upsert([_doc(pid, "bulktwo") for pid in range(130, 160)])
        index.upsert([_doc(5, "rewritten")])  # a paper the index held already
        index.delete([6, 7])
        assert _finds(index, "bulkone") == set()  # not committed yet
    assert _segments(index) == 2  # the fixture's batch and the bulk's one segment
    assert _finds(index, "bulkone") == set(range(100, 130))
    assert _finds(index, "bulktwo") == set(range(130, 160))
    assert _finds(index, "rewritten") == {5}
    assert _finds(index, "start5") == set()
    assert index.ids() == (set(range(1, 41)) - {6, 7}) | set(range(100, 160))
    index.upsert([_doc(100, "edited")])  # an edit after it, as after an import
    assert _finds(index, "edited") == {100}
    assert 100 not in _finds(index, "bulkone")


def test_a_cancelled_bulk_keeps_what_it_wrote_and_a_failed_one_nothing(
    index: WhooshIndex,
) -> None:
    token = CancelToken()
    with pytest.raises(Cancelled), index.bulk():
        index.upsert([_doc(pid, "kept") for pid in range(100, 110)], cancel=token)
        token.cancel()
        index.upsert([_doc(pid, "late") for pid in range(110, 120)], cancel=token)
    assert _finds(index, "kept") == set(range(100, 110))
    assert _finds(index, "late") == set()
    with pytest.raises(RuntimeError), index.bulk():
        index.upsert([_doc(pid, "dropped") for pid in range(200, 210)])
        index.delete([1])
        raise RuntimeError("disk full")
    assert _finds(index, "dropped") == set()
    assert 1 in index.ids()
    index.upsert([_doc(3, "after")])  # the writer's lock was released both times
    assert _finds(index, "after") == {3}


def test_another_process_s_tiny_segments_do_not_trigger_consolidation(
    tmp_path: Path, index: WhooshIndex
) -> None:
    # Tiny segments another process left: their papers are not here to be written again.
    other = WhooshIndex(tmp_path / "index")
    try:
        for step in range(whoosh_index.CONSOLIDATE_AT):
            other.upsert([_doc(30 + step, f"theirs{step}")])
    finally:
        other._close(merge=False)
    before = _segments(index)
    # This process's own tiny segments pile up to CONSOLIDATE_AT - 1 without a rewrite ...
    for step in range(whoosh_index.CONSOLIDATE_AT - 1):
        index.upsert([_doc(1 + step, f"ours{step}")])
        assert _segments(index) == before + step + 1
    # ... and the next edit writes them again with its own paper, into one segment.
    index.upsert([_doc(10, "last")])
    assert _segments(index) == before + 1
    for step in range(whoosh_index.CONSOLIDATE_AT - 1):
        assert _finds(index, f"ours{step}") == {1 + step}
    assert _finds(index, "theirs0") == {30}
    assert index.doc_count() == 40
