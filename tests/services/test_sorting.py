"""Every table column sorts in the library, and triage changes re-sort at once."""

from __future__ import annotations

import sqlite3

import pytest

from readerapp.core.records import STATUSES, PaperSummary
from readerapp.services import editing, importing, overview, queues, search, triage
from readerapp.services.library import Library
from tests.conftest import DATA
from tests.plain_db import plain_db

HF_JSON = DATA / "corpus" / "hf-json" / "sotawhat_hf_daily_papers_30.json"


@pytest.fixture
def authored(library: Library) -> Library:
    """30 papers with real author lists (the seed dump has none)."""
    assert importing.import_path(library, HF_JSON).added == 30
    return library


def _papers(lib: Library, sort: str) -> list[PaperSummary]:
    ids = search.search_ids(lib, "", sort=sort)
    summaries = overview.summaries(lib, ids)
    return [summaries[pid] for pid in ids]


def _surname(name: str) -> str:
    return name.split()[-1].casefold()


def test_authors_sort_by_the_first_authors_surname(authored: Library) -> None:
    firsts = [p.authors[0] for p in _papers(authored, "authors") if p.authors]
    assert len(firsts) >= 25
    assert [_surname(a) for a in firsts] == sorted(_surname(a) for a in firsts)
    assert len({_surname(a) for a in firsts}) > 10  # a real order, not one repeated name


def test_star_and_status_sorts_follow_edits_at_once(seeded: Library) -> None:
    ids = search.search_ids(seeded, "", sort="added")
    triage.set_starred(seeded, ids[40:43], True)
    assert set(search.search_ids(seeded, "", sort="starred")[:3]) == set(ids[40:43])
    triage.set_status(seeded, [ids[5]], "dropped")
    triage.set_status(seeded, [ids[6]], "reading")
    statuses = [p.status for p in _papers(seeded, "status")]
    assert statuses == sorted(statuses, key=STATUSES.index)
    assert statuses[-1] == "dropped" and "reading" in statuses
    # Ties stay newest first.
    unread = [p.id for p in _papers(seeded, "status") if p.status == "unread"]
    assert unread == [pid for pid in ids if pid in set(unread)]


def test_tags_and_queues_sort_by_their_cell_text_and_untagged_come_last(seeded: Library) -> None:
    ids = search.search_ids(seeded, "", sort="added")
    triage.add_tag(seeded, "vision", [ids[10]])
    triage.add_tag(seeded, "Agents", [ids[20], ids[10]])
    triage.add_tag(seeded, "peft", [ids[30]])
    assert search.search_ids(seeded, "", sort="tags")[:3] == [ids[20], ids[10], ids[30]]
    queues.add_to_queue(seeded, "Week 32", [ids[50]])
    queues.add_to_queue(seeded, "Archive", [ids[60]])
    assert search.search_ids(seeded, "", sort="queues")[:2] == [ids[60], ids[50]]


def test_a_star_set_by_another_process_shows_in_the_star_sort(seeded: Library) -> None:
    ids = search.search_ids(seeded, "", sort="added")
    assert search.search_ids(seeded, "", sort="starred") == ids  # nothing starred yet
    with plain_db(seeded) as conn:
        conn.execute("UPDATE papers SET starred = TRUE WHERE id = ?", (ids[-1],))
    assert search.search_ids(seeded, "", sort="starred")[0] == ids[-1]


def test_the_cli_sorts_by_every_key(seeded: Library) -> None:
    assert set(search.SORTS) == {
        "relevance",
        "added",
        "year",
        "title",
        "starred",
        "status",
        "authors",
        "tags",
        "queues",
    }
    for sort in search.SORTS:
        assert sorted(search.search_ids(seeded, "retrieval", sort=sort)) == sorted(
            search.search_ids(seeded, "retrieval")
        )


def test_warmed_orders_are_what_a_sort_then_uses(seeded: Library) -> None:
    from readerapp.services.sorting import CACHED

    search.warm_sort_orders(seeded)
    cache = search.sort_cache(seeded)
    with seeded.snapshot() as conn:
        warmed = {sort: cache.order(conn, sort) for sort in CACHED}
    for sort, order in warmed.items():
        assert len(order.ids) == 73
        assert search.search_ids(seeded, "", sort=sort) == order.ids
        with seeded.snapshot() as conn:
            assert cache.order(conn, sort) is order  # reused, not read again


def test_edits_by_another_process_reach_the_cached_orders(seeded: Library) -> None:
    # Another process: its own Library (own connections, own sort cache) on the same folder.
    by_title = search.search_ids(seeded, "", sort="title")  # cached here
    last = by_title[-1]
    with Library.open(seeded.location) as other:
        editing.edit_paper(other, last, title="0000 first in every title sort")
    assert search.search_ids(seeded, "", sort="title")[0] == last  # not the cached order
    assert search.search_ids(seeded, "retrieval", sort="title") == [
        pid
        for pid in search.search_ids(seeded, "", sort="title")
        if pid in set(search.search_ids(seeded, "retrieval"))
    ]
    with Library.open(seeded.location) as other:
        triage.delete_papers(other, [last])
        importing.import_path(other, HF_JSON)
    every = search.search_ids(seeded, "", sort="title")
    assert last not in every and len(every) == 72 + 30
    assert every == search.search_ids(seeded, "", sort="title")  # and now cached again


def test_a_writer_that_does_not_bump_the_version_is_still_seen(seeded: Library) -> None:
    # An older readerapp (or a script) deleting a paper: the count no longer matches.
    every = search.search_ids(seeded, "", sort="year")
    with plain_db(seeded) as conn:
        if isinstance(conn, sqlite3.Connection):
            conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM papers WHERE id = ?", (every[0],))
    assert search.search_ids(seeded, "", sort="year") == every[1:]
