"""Switching the search engine: the new index is built aside, so a cancel changes nothing."""

from __future__ import annotations

import pytest

from readerapp.core import paths
from readerapp.core.errors import Cancelled
from readerapp.core.progress import CancelToken
from readerapp.db.models import Meta
from readerapp.services import checking, search
from readerapp.services.library import REBUILD_FLAG, Library


def test_switch_remembers_the_engine_and_finds_the_same_papers(seeded: Library) -> None:
    assert seeded.engine == "whoosh"
    before = search.search_ids(seeded, "title:kronecker OR diffusion", sort="title")
    assert before
    assert seeded.switch_engine("tantivy") == 73
    assert search.search_ids(seeded, "title:kronecker OR diffusion", sort="title") == before
    directory = seeded.location
    seeded.close()
    with Library.open(directory) as reopened:
        assert reopened.engine == "tantivy"
        assert not reopened.index_needs_rebuild()
        assert checking.check(reopened).ok


def test_cancelled_switch_leaves_the_old_engine_answering(seeded: Library) -> None:
    before = search.search_ids(seeded, "diffusion", sort="title")
    token = CancelToken()
    # Progress comes every 500 (Whoosh) or 2000 (tantivy) papers, more than this library
    # has: a token set before the first paper is the point where a user's Cancel lands.
    token.cancel()
    with pytest.raises(Cancelled):
        seeded.switch_engine("tantivy", cancel=token)
    assert seeded.engine == "whoosh"
    assert search.search_ids(seeded, "diffusion", sort="title") == before
    index = paths.index_dir(seeded.directory)
    assert not index.with_name(index.name + ".new").exists()
    with seeded.read() as session:
        assert session.get(Meta, REBUILD_FLAG) is None
    directory = seeded.location
    seeded.close()
    with Library.open(directory) as reopened:
        assert reopened.engine == "whoosh"
        assert search.search_ids(reopened, "diffusion", sort="title") == before
