"""Import without indexing, then index in batches with progress and cancel; engine advice."""

from __future__ import annotations

import pytest

from readerapp.core.errors import Cancelled
from readerapp.core.progress import CancelToken
from readerapp.search.whoosh_index import WhooshIndex
from readerapp.services import checking, importing, search
from readerapp.services.library import Library, engine_advice
from tests.conftest import SEED

pytestmark = pytest.mark.usefixtures("engine")


def test_commit_now_index_later_in_batches_with_progress(library: Library) -> None:
    report = importing.import_path(library, SEED, index=False)
    assert report.added == 73
    # Visible and filterable at once; text search waits for the indexer.
    assert len(search.search_ids(library, "")) == 73
    assert library.pending_count() == 73
    assert search.search_ids(library, "title:kronecker") == []
    seen: list[tuple[int, int | None, str]] = []
    assert library.sync_index(progress=lambda *args: seen.append(args), batch=20) == 73
    assert [done for done, _, _ in seen[:4]] == [20, 40, 60, 73]
    assert seen[1] == (40, 73, "Indexing 40 / 73")
    # The batches went into one commit: Whoosh wrote one segment, with nothing to merge
    # after (tantivy merges as it commits).
    assert seen[4:] == []
    if isinstance(library.index, WhooshIndex):
        assert len(library.index.searcher().reader().leaf_readers()) == 1
    assert library.pending_count() == 0
    assert len(search.search_ids(library, "title:kronecker")) == 1
    assert checking.check(library).ok


def test_cancelled_indexing_keeps_finished_batches_and_resumes_on_open(library: Library) -> None:
    importing.import_path(library, SEED, index=False)
    token = CancelToken()

    def cancel_after_first_batch(done: int, total: int | None, message: str) -> None:
        token.cancel()

    with pytest.raises(Cancelled):
        library.sync_index(token, cancel_after_first_batch, batch=30)
    assert library.pending_count() == 43  # the first batch of 30 is indexed and kept
    location = library.location
    library.close()
    # The next start finishes the rest from the pending marks (on a server, from the
    # journal after the index's cursor), without a full rebuild.
    with Library.open(location) as reopened:
        assert not reopened.index_needs_rebuild()
        assert reopened.pending_count() == 0
        assert checking.check(reopened).ok


def test_open_without_repair_leaves_indexing_to_the_caller(library: Library) -> None:
    importing.import_path(library, SEED, index=False)
    location = library.location
    library.close()
    with Library.open(location, repair=False) as lib:
        assert lib.pending_count() == 73
        lib.repair_index()
        assert lib.pending_count() == 0


def test_engine_advice_only_for_large_whoosh_libraries(
    library: Library, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    importing.import_path(library, SEED)
    assert engine_advice(library) is None
    monkeypatch.setattr("readerapp.services.library.WHOOSH_COMFORT_LIMIT", 50)
    advice = engine_advice(library)
    if engine == "whoosh":
        assert advice is not None and "readerapp reindex --engine tantivy" in advice
        assert "73 papers" in advice
    else:
        assert advice is None
    library.switch_engine("tantivy")
    assert engine_advice(library) is None
    assert library.engine == "tantivy" and checking.check(library).ok
