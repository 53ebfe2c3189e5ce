"""Adding by identifier in two steps, as the window does it: fetch (network only), preview
(a dry run), then import the same records; against the local server of recorded answers."""

from __future__ import annotations

from readerapp.core.identifiers import split_identifiers
from readerapp.services import adding, import_session, online
from readerapp.services.batches import source_name
from readerapp.services.library import Library
from tests.scholarly_server import ScholarlyWeb


def test_fetch_preview_import_fetches_once_and_says_what_is_new(
    library: Library, scholarly_web: ScholarlyWeb
) -> None:
    idents, bad = split_identifiers("1707.08567 https://arxiv.org/abs/astro-ph/0601001 2301.99999")
    assert not bad
    fetched = adding.fetch(idents, online.connection_for(library))
    assert [str(i) for i in fetched.not_found] == ["arXiv:2301.99999"]
    assert len(fetched.records) == 2

    preview = adding.preview_fetched(library, fetched)
    assert [row.is_new for row in preview.rows] == [True, True]
    assert preview.new == 2 and preview.changes_library

    report = adding.import_fetched(library, fetched, index=False)
    assert report.batch is not None and report.batch.added == 2
    outcome = import_session.outcome_of(library, [report.batch])
    assert len(outcome.paper_ids) == 2 and outcome.undo_step() is not None
    # A DOI or an old-style id holds a slash: the batch keeps its whole label.
    assert source_name(report.batch.source).startswith("Added by identifier: arXiv:1707")

    again = adding.preview_fetched(library, fetched)
    assert sorted(row.paper_id or 0 for row in again.rows) == sorted(outcome.paper_ids)
    assert not again.changes_library
    asked = [line for line in scholarly_web.log if line.startswith("/api/query")]
    assert len(asked) == 1  # previewing and importing asked nothing more
