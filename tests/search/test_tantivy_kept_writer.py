"""tantivy's small changes share one writer, kept for a moment after each commit: each change
is searchable at once, the merges its commits start run on the writer's thread meanwhile, and
the writer's lock goes when it has been idle, when the index closes, or when a change fails."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from readerapp.core.errors import Cancelled, IndexBusy
from readerapp.core.progress import CancelToken
from readerapp.core.records import IndexDoc
from readerapp.search import tantivy_index
from readerapp.search.query import parse_query
from readerapp.search.tantivy_index import TantivyIndex

pytestmark = pytest.mark.no_library  # no library: the PostgreSQL pass leaves it out


def _doc(pid: int, word: str) -> IndexDoc:
    return IndexDoc(pid, f"Paper {pid} about {word}", "Ada Lovelace", f"On {word}.", "", "")


@pytest.fixture
def index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TantivyIndex]:
    monkeypatch.setattr(tantivy_index, "KEEP_WRITER_S", 3600.0)  # released only when asked
    ix = TantivyIndex(tmp_path)
    ix.upsert([_doc(pid, f"start{pid}") for pid in range(1, 1201)])  # large: not kept
    yield ix
    ix.close()


def _other(ix: TantivyIndex) -> TantivyIndex:
    """The same index opened again, as another readerapp process would, that gives up on a
    held writer at once."""
    other = TantivyIndex(ix.directory)
    other.writer_timeout = 0.0
    return other


def _can_write(ix: TantivyIndex) -> bool:
    other = _other(ix)
    try:
        other.delete([999_999])  # no such paper: a commit that changes nothing
    except IndexBusy:
        return False
    finally:
        other.close()
    return True


def _finds(ix: TantivyIndex, text: str) -> set[int]:
    return ix.search(parse_query(text))


def test_small_changes_are_searchable_at_once_and_share_one_writer(
    index: TantivyIndex,
) -> None:
    assert _can_write(index)  # a large upsert releases its writer
    for pid in range(1, 41):  # an edit each: a one-document segment each
        index.upsert([_doc(pid, f"edited{pid}")])
        assert _finds(index, f"edited{pid}") == {pid}
        assert _finds(index, f"start{pid}") == set()
    index.delete([41])
    assert _finds(index, "start41") == set()
    assert not _can_write(index)  # the writer is kept
    index.release_writer()
    assert _can_write(index)
    # The merges the 41 commits started ran in the kept writer: not a segment per commit.
    assert index.index.searcher().num_segments < 20
    assert index.doc_count() == 1199
    assert _finds(index, "edited7 OR start42") == {7, 42}


def test_an_idle_kept_writer_is_released(
    index: TantivyIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tantivy_index, "KEEP_WRITER_S", 0.05)
    index.upsert([_doc(3, "edited")])
    deadline = time.monotonic() + 30  # a loaded machine: generous, this is not a timing test
    while not _can_write(index) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _can_write(index)
    index.upsert([_doc(4, "again")])  # a new writer after the release
    assert _finds(index, "edited OR again") == {3, 4}


def test_closing_releases_the_kept_writer(index: TantivyIndex) -> None:
    index.upsert([_doc(3, "edited")])
    assert not _can_write(index)
    index.close()
    assert _can_write(index)
    reopened = TantivyIndex(index.directory)
    try:
        assert _finds(reopened, "edited") == {3}
    finally:
        reopened.close()


def test_a_failed_small_change_drops_it_and_releases_the_writer(index: TantivyIndex) -> None:
    index.upsert([_doc(3, "edited")])  # committed, then kept
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        index.upsert([_doc(5, "cancelled")], cancel=token)
    assert _can_write(index)
    assert _finds(index, "edited") == {3}
    assert _finds(index, "cancelled") == set()
    assert _finds(index, "start5") == {5}


def test_a_large_change_takes_the_kept_writers_lock(index: TantivyIndex) -> None:
    index.upsert([_doc(3, "edited")])
    index.upsert([_doc(pid, "bulk") for pid in range(2000, 3100)])  # no wait for our own lock
    with index.bulk():
        index.upsert([_doc(4, "inbulk")])
    assert _finds(index, "edited") == {3}
    assert _finds(index, "inbulk") == {4}
    assert len(_finds(index, "bulk")) == 1100
    assert _can_write(index)
