"""tantivy's bulk: a catch-up's batches go to one writer and one commit; a cancel keeps the
whole parts written, any other error drops everything, and the writer's lock is released."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from readerapp.core.errors import Cancelled, LibraryError
from readerapp.core.progress import CancelToken
from readerapp.core.records import IndexDoc
from readerapp.search import tantivy_index
from readerapp.search.query import parse_query
from readerapp.search.tantivy_index import TantivyIndex

pytestmark = pytest.mark.no_library  # no library: the PostgreSQL pass leaves it out


def _doc(pid: int, word: str) -> IndexDoc:
    return IndexDoc(pid, f"Paper {pid} about {word}", "Ada Lovelace", f"On {word}.", "", "")


@pytest.fixture
def index(tmp_path: Path) -> Iterator[TantivyIndex]:
    ix = TantivyIndex(tmp_path)
    ix.upsert([_doc(pid, f"start{pid}") for pid in range(1, 41)])
    yield ix
    ix.close()


def _finds(ix: TantivyIndex, text: str) -> set[int]:
    return ix.search(parse_query(text))


def test_a_bulk_commits_its_batches_edits_and_deletes_once_at_the_end(
    index: TantivyIndex,
) -> None:
    with index.bulk():
        index.upsert([_doc(pid, "bulkone") for pid in range(100, 130)])
        index.upsert([_doc(pid, "bulktwo") for pid in range(130, 160)])
        index.upsert([_doc(5, "rewritten")])  # a paper the index held already
        index.delete([6, 7])
        assert _finds(index, "bulkone") == set()  # not committed yet
    assert _finds(index, "bulkone") == set(range(100, 130))
    assert _finds(index, "bulktwo") == set(range(130, 160))
    assert _finds(index, "rewritten") == {5}
    assert _finds(index, "start5") == set()
    assert index.ids() == (set(range(1, 41)) - {6, 7}) | set(range(100, 160))
    assert index.doc_count() == 38 + 60  # the old entry of paper 5 is gone
    index.upsert([_doc(100, "edited")])  # an edit after it, as after an import
    assert _finds(index, "edited") == {100}
    assert 100 not in _finds(index, "bulkone")


def test_a_cancelled_bulk_keeps_whole_parts_and_a_failed_one_nothing(
    index: TantivyIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tantivy_index, "UPSERT_PART", 4)
    token = CancelToken()
    built: list[int] = []
    document = TantivyIndex._document

    def cancel_in_second_part(doc: IndexDoc) -> object:
        built.append(doc.id)
        if len(built) == 6:
            token.cancel()  # checked before the next paper of this part
        return document(doc)

    monkeypatch.setattr(TantivyIndex, "_document", staticmethod(cancel_in_second_part))
    pids = [100, 101, 102, 103, 1, 2, 3, 104, 105]  # parts: 100-103, 1-3 and 104, 105
    with pytest.raises(Cancelled), index.bulk():
        index.upsert([_doc(pid, "kept") for pid in pids], cancel=token)
    # The first part is committed; the second, cancelled while it was analysed, wrote
    # nothing, not even its deletes: the papers 1-3 it re-indexed keep their old entries.
    assert _finds(index, "kept") == set(range(100, 104))
    assert _finds(index, "start1 OR start2 OR start3") == {1, 2, 3}
    monkeypatch.setattr(TantivyIndex, "_document", staticmethod(document))
    token = CancelToken()
    with pytest.raises(Cancelled), index.bulk():
        index.upsert([_doc(pid, "whole") for pid in range(1, 4)], cancel=token)
        token.cancel()
        index.upsert([_doc(pid, "late") for pid in range(1, 4)], cancel=token)
    assert _finds(index, "whole") == {1, 2, 3}
    assert _finds(index, "late") == set()
    with pytest.raises(RuntimeError), index.bulk():
        index.upsert([_doc(pid, "dropped") for pid in range(200, 210)])
        index.delete([10])
        raise RuntimeError("disk full")
    assert _finds(index, "dropped") == set()
    assert 10 in index.ids()
    index.upsert([_doc(3, "after")])  # the writer's lock was released each time
    assert _finds(index, "after") == {3}


def test_a_bulk_holds_the_lock_so_another_writer_waits(
    index: TantivyIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tantivy_index, "WRITER_TIMEOUT_S", 0.0)
    other = TantivyIndex(tmp_path)  # another process's view of the same index
    with index.bulk():
        index.upsert([_doc(50, "mine")])
        with pytest.raises(LibraryError, match="busy"):
            other.upsert([_doc(51, "theirs")])
    other.upsert([_doc(51, "theirs")])
    assert _finds(other, "mine") == {50}
    other.close()
