"""What the index is given for a paper: the same, read in one statement or in chunks."""

from __future__ import annotations

import pytest

from readerapp.db import queries
from readerapp.services import notes, search, triage
from readerapp.services.library import Library


def test_index_docs_in_one_statement_match_the_chunked_reads(seeded: Library) -> None:
    ids = sorted(search.search_ids(seeded, ""))
    first, second = ids[:2]
    triage.add_tag(seeded, "Zebra", [first])
    triage.add_tag(seeded, "alpha", [first, second])
    notes.add_note(seeded, first, "Read section 3 first.")
    notes.add_note(seeded, first, "Then the appendix.")
    with seeded.read() as session:
        fast = queries.index_docs(session, ids)
        chunked = queries._index_docs_chunked(session, ids)
    assert sorted(fast, key=lambda d: d.id) == sorted(chunked, key=lambda d: d.id)
    doc = next(d for d in fast if d.id == first)
    assert doc.tags == "alpha\nZebra"  # case-blind order, as the table shows them
    assert doc.notes == "Read section 3 first.\n\nThen the appendix."
    paper = triage.get_paper(seeded, first)
    assert (doc.title, doc.authors, doc.abstract) == (
        paper.title,
        "\n".join(paper.authors),
        paper.abstract,
    )


def test_index_docs_of_a_deleted_paper_are_absent(
    seeded: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = sorted(search.search_ids(seeded, ""))
    with seeded.read() as session:
        assert {d.id for d in queries.index_docs(session, [*ids[:3], 10**9])} == set(ids[:3])
    monkeypatch.setattr(queries, "_JSON_ARRAYS", False)  # an SQLite without json_each
    with seeded.read() as session:
        assert {d.id for d in queries.index_docs(session, [*ids[:3], 10**9])} == set(ids[:3])
