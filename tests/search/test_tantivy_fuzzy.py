"""tantivy's fuzzy words: Levenshtein distance over the index's own stems, any word length."""

from __future__ import annotations

from pathlib import Path

import pytest

from readerapp.core.records import IndexDoc
from readerapp.search.query import parse_query
from readerapp.search.tantivy_index import TantivyIndex

pytestmark = pytest.mark.no_library  # no library: the PostgreSQL pass leaves it out


def test_fuzzy_words_find_long_words_at_distance_two(tmp_path: Path) -> None:
    index = TantivyIndex(tmp_path)
    index.upsert(
        [
            IndexDoc(1, "Learning representations of molecules", "Ada Lovelace", "", "", ""),
            IndexDoc(2, "Diffusion transformers", "Alan Turing", "", "", ""),
            IndexDoc(3, "Self-supervised learning", "Grace Hopper", "", "", ""),
        ]
    )
    # A long word two edits away (a regular expression of its edits was too large here).
    assert index.search(parse_query("represantations~2")) == {1}
    assert index.search(parse_query("transfromer~2")) == {2}
    assert index.search(parse_query("lovelase~1")) == {1}  # names: as written, not stemmed
    assert index.search(parse_query("xyzzy~2")) == set()
    index.close()
