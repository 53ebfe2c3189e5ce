"""Undo and redo of every kind of edit, as Steps applied by services.undo, and the command
line's one kept change (remember / last_change / undo_last)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from readerapp.core.errors import UserError
from readerapp.services import editing, importing, notes, overview, queues, search, triage, undo
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.library import Library
from tests.conftest import DATA, paper_id_by_title
from tests.plain_db import plain_db

# Undo keeps both text engines in step with SQLite.
pytestmark = pytest.mark.usefixtures("engine")

SWINFACE = "SwinFace"
UGR = "Unified Generative Retriever"
TASKEXPERT = "TaskExpert"

State = dict[str, list[tuple[object, ...]]]

_QUERIES = {
    # Every column but updated_at, which a hand edit and its undo both set to "now".
    "papers": "SELECT id, title, title_key, abstract, year, date, arxiv_id, doi, venue, abs_url,"
    " pdf_url, code_url, project_url, hf_url, suggested_tags, starred, status, user_edited,"
    " added_at FROM papers ORDER BY id",
    "authors": "SELECT paper_id, position, name FROM paper_authors ORDER BY paper_id, position",
    # By name: a tag nobody uses is deleted, and comes back with a new id.
    "tags": "SELECT t.name, pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id"
    " ORDER BY t.name, pt.paper_id",
    # Without the id: a deleted note comes back with a new one.
    "notes": "SELECT paper_id, body FROM notes ORDER BY paper_id, body",
    "queues": "SELECT q.name, e.paper_id, e.position FROM queues q"
    " LEFT JOIN queue_entries e ON e.queue_id = q.id ORDER BY q.name, e.position",
    "smart_lists": "SELECT name, query FROM saved_searches ORDER BY name",
    "sources": "SELECT paper_id, batch_id, line, created FROM paper_sources"
    " ORDER BY paper_id, batch_id",
    "batches": "SELECT * FROM import_batches ORDER BY id",
    "pending": "SELECT paper_id FROM index_pending ORDER BY paper_id",
}


def state(library: Library) -> State:
    """The rows an edit may change, read straight from SQLite."""
    with plain_db(library) as conn:
        return {name: conn.execute(sql).fetchall() for name, sql in _QUERIES.items()}


def diff(a: State, b: State) -> set[str]:
    return {name for name in a if a[name] != b[name]}


def round_trip(
    library: Library,
    edit: Callable[[], Applied],
    changed: set[str],
    found: Callable[[], object] | None = None,
) -> Applied:
    """Applies the edit, undoes it, redoes it and undoes the redo, comparing the rows after
    each: the edit changes exactly the `changed` tables, its undo puts back the rows from
    before, the redo those from after. `found()` is what a search returns: after the edit
    and the redo as after the edit, after each undo as before it."""
    before, found_before = state(library), found() if found else None
    applied = edit()
    after, found_after = state(library), found() if found else None
    assert diff(before, after) == changed
    assert found_after != found_before
    assert applied.undo is not None

    undone = undo.apply(library, applied.undo)
    assert state(library) == before
    assert (found() if found else None) == found_before
    assert undone.undo is not None and undone.undo.portable

    redone = undo.apply(library, undone.undo)
    assert state(library) == after
    assert (found() if found else None) == found_after
    assert redone.undo is not None

    undo.apply(library, redone.undo)
    assert state(library) == before
    assert (found() if found else None) == found_before
    return applied


def _three(lib: Library) -> tuple[int, int, int]:
    return (
        paper_id_by_title(lib, SWINFACE),
        paper_id_by_title(lib, UGR),
        paper_id_by_title(lib, TASKEXPERT),
    )


def test_star(seeded: Library) -> None:
    a, b, _ = _three(seeded)
    triage.set_starred(seeded, [a], True)  # one of them is starred already

    applied = round_trip(
        seeded,
        lambda: triage.set_starred(seeded, [a, b], True),
        {"papers"},
        lambda: sorted(search.search_ids(seeded, "is:starred")),
    )

    assert applied.changes == Changes(frozenset({a, b}), lists=True, order=True)
    assert applied.label == "Star 2 papers"
    assert applied.undo is not None and applied.undo.portable
    assert search.search_ids(seeded, "is:starred") == [a]  # the undo kept the older star
    assert overview.counts(seeded).starred == 1


def test_status(seeded: Library) -> None:
    a, b, _ = _three(seeded)
    triage.set_status(seeded, [a], "skimmed")

    applied = round_trip(
        seeded,
        lambda: triage.set_status(seeded, [a, b], "reading"),
        {"papers"},
        lambda: sorted(search.search_ids(seeded, "is:reading")),
    )

    assert applied.changes == Changes(frozenset({a, b}), lists=True, order=True)
    assert [p.status for p in triage.get_papers(seeded, [a, b])] == ["skimmed", "unread"]


def test_add_tag(seeded: Library) -> None:
    a, b, c = _three(seeded)
    triage.add_tag(seeded, "quokka", [a])

    applied = round_trip(
        seeded,
        lambda: triage.add_tag(seeded, "Quokka", [a, b, c]),
        {"tags"},
        lambda: sorted(search.search_ids(seeded, "quokka")),  # the text index has tags
    )

    assert applied.value == [b, c]  # a had it already
    assert applied.changes == Changes(frozenset({b, c}), lists=True, order=True)
    assert sorted(search.search_ids(seeded, "quokka")) == [a]
    assert triage.list_tags(seeded) == [("quokka", 1)]


def test_add_a_new_tag_and_undo_removes_it_from_the_list(seeded: Library) -> None:
    a, b, _ = _three(seeded)
    round_trip(
        seeded,
        lambda: triage.add_tag(seeded, "wallaby", [a, b]),
        {"tags"},
        lambda: (triage.list_tags(seeded), sorted(search.search_ids(seeded, "tag:wallaby"))),
    )
    assert triage.list_tags(seeded) == []


def test_remove_tag(seeded: Library) -> None:
    a, b, c = _three(seeded)
    triage.add_tag(seeded, "quokka", [a, b])

    applied = round_trip(
        seeded,
        lambda: triage.remove_tag(seeded, "quokka", [a, b, c]),  # c never had it
        {"tags"},
        lambda: sorted(search.search_ids(seeded, "quokka")),
    )

    assert applied.value == [a, b]
    assert applied.changes == Changes(frozenset({a, b}), lists=True, order=True)
    assert sorted(search.search_ids(seeded, "quokka")) == sorted([a, b])


def test_add_note(seeded: Library) -> None:
    a, _, _ = _three(seeded)
    applied = round_trip(
        seeded,
        lambda: notes.add_note(seeded, a, "Compare with the wombat baseline."),
        {"notes"},
        lambda: search.search_ids(seeded, "note:wombat"),
    )
    assert isinstance(applied.value, int)
    assert applied.changes == Changes(frozenset({a}))  # no list or count changes
    assert applied.undo is not None and applied.undo.kind == "delete_note"
    assert applied.undo.args == {"note_id": applied.value}
    assert triage.get_paper(seeded, a).notes == ()


def test_edit_note(seeded: Library) -> None:
    a, _, _ = _three(seeded)
    note_id = notes.add_note(seeded, a, "Compare with the wombat baseline.").value

    applied = round_trip(
        seeded,
        lambda: notes.update_note(seeded, note_id, "Compare with the numbat baseline."),
        {"notes"},
        lambda: (search.search_ids(seeded, "wombat"), search.search_ids(seeded, "numbat")),
    )

    assert applied.value == note_id
    assert applied.changes == Changes.of([a])
    assert not applied.changes.lists and not applied.changes.order
    (note,) = triage.get_paper(seeded, a).notes
    assert (note.id, note.body) == (note_id, "Compare with the wombat baseline.")
    assert search.search_ids(seeded, "note:wombat") == [a]


def test_delete_note(seeded: Library) -> None:
    a, b, _ = _three(seeded)
    note_id = notes.add_note(seeded, a, "Compare with the wombat baseline.").value
    notes.add_note(seeded, b, "Another wombat.")

    applied = round_trip(
        seeded,
        lambda: notes.delete_note(seeded, note_id),
        {"notes"},
        lambda: sorted(search.search_ids(seeded, "note:wombat")),
    )

    assert applied.changes == Changes.of([a])
    assert [n.body for n in triage.get_paper(seeded, a).notes] == [
        "Compare with the wombat baseline."
    ]


def test_queue_add_to_an_existing_queue(seeded: Library) -> None:
    a, b, c = _three(seeded)
    queues.add_to_queue(seeded, "Week 32", [c, a])

    applied = round_trip(
        seeded,
        lambda: queues.add_to_queue(seeded, "week 32", [a, b]),
        {"queues"},
        lambda: queues.queue_ids(seeded, "Week 32"),
    )

    assert applied.changes == Changes(frozenset({a, b, c}), lists=True)
    assert queues.queue_ids(seeded, "Week 32") == [c, a]


def test_queue_add_creates_the_queue_and_undo_deletes_it(seeded: Library) -> None:
    a, b, _ = _three(seeded)
    round_trip(
        seeded,
        lambda: queues.add_to_queue(seeded, "Later", [b, a]),
        {"queues"},
        lambda: [(q.name, q.count) for q in queues.list_queues(seeded)],
    )
    assert queues.list_queues(seeded) == []


def test_queue_remove(seeded: Library) -> None:
    a, b, c = _three(seeded)
    queues.add_to_queue(seeded, "Week 32", [c, a, b])

    applied = round_trip(
        seeded,
        lambda: queues.remove_from_queue(seeded, "Week 32", [a]),
        {"queues"},
        lambda: queues.queue_ids(seeded, "Week 32"),
    )

    assert applied.changes == Changes(frozenset({a, b, c}), lists=True)
    assert queues.queue_ids(seeded, "Week 32") == [c, a, b]


def test_queue_move(seeded: Library) -> None:
    a, b, c = _three(seeded)
    queues.add_to_queue(seeded, "Week 32", [c, a, b])

    round_trip(
        seeded,
        lambda: queues.move_in_queue(seeded, "Week 32", b, 1),
        {"queues"},
        lambda: queues.queue_ids(seeded, "Week 32"),
    )

    assert queues.queue_ids(seeded, "Week 32") == [c, a, b]


def test_queue_create(seeded: Library) -> None:
    applied = round_trip(
        seeded,
        lambda: queues.create_queue(seeded, "  Someday "),
        {"queues"},
        lambda: [(q.name, q.count) for q in queues.list_queues(seeded)],
    )
    assert applied.changes == Changes(frozenset(), lists=True)
    assert queues.list_queues(seeded) == []


def test_queue_rename(seeded: Library) -> None:
    a, b, _ = _three(seeded)
    queues.add_to_queue(seeded, "Week 32", [b, a])

    applied = round_trip(
        seeded,
        lambda: queues.rename_queue(seeded, "week 32", "Week 33"),
        {"queues"},
        lambda: [(q.name, queues.queue_ids(seeded, q.name)) for q in queues.list_queues(seeded)],
    )

    assert applied.changes == Changes(frozenset(), lists=True)
    assert applied.undo is not None
    assert applied.undo.args == {"old": "Week 33", "new": "Week 32"}
    assert queues.queue_ids(seeded, "Week 32") == [b, a]


def test_queue_delete(seeded: Library) -> None:
    a, b, c = _three(seeded)
    queues.add_to_queue(seeded, "Week 32", [b, c, a])

    applied = round_trip(
        seeded,
        lambda: queues.delete_queue(seeded, "WEEK 32"),
        {"queues"},
        lambda: sorted(search.search_ids(seeded, "is:queued")),
    )

    assert applied.changes == Changes(frozenset({a, b, c}), lists=True)
    assert queues.queue_ids(seeded, "Week 32") == [b, c, a]
    assert len(search.search_ids(seeded, "")) == 73  # the papers stayed


def test_delete_papers(seeded: Library) -> None:
    a, b, c = _three(seeded)
    assert importing.import_path(seeded, DATA / "hf_papers_feed.json").added == 3
    d = paper_id_by_title(seeded, "Direct Preference Optimization")
    triage.set_starred(seeded, [a], True)
    triage.set_status(seeded, [a], "reading")
    triage.add_tag(seeded, "quokka", [a, c])
    notes.add_note(seeded, a, "Compare with the wombat baseline.")
    queues.add_to_queue(seeded, "Week 32", [c, a, b])
    editing.edit_paper(seeded, b, venue="SIGIR")

    applied = round_trip(
        seeded,
        lambda: triage.delete_papers(seeded, [a, b, d]),
        {"papers", "authors", "tags", "notes", "queues", "sources"},
        lambda: (
            sorted(search.search_ids(seeded, "quokka")),
            search.search_ids(seeded, "note:wombat"),
            search.search_ids(seeded, 'title:"Generative Retriever"'),
            search.search_ids(seeded, "author:Rafailov"),
            len(search.search_ids(seeded, "")),
        ),
    )

    assert applied.changes == Changes(frozenset({a, b, d}), lists=True, order=True)
    # The snapshot holds the papers' whole content: kept in memory only, never as JSON.
    assert applied.undo is not None and applied.undo.kind == "restore_papers"
    assert not applied.undo.portable
    paper = triage.get_paper(seeded, a)
    assert (paper.starred, paper.status, paper.tags, paper.queues) == (
        True,
        "reading",
        ("quokka",),
        ("Week 32",),
    )
    assert search.search_ids(seeded, "note:wombat") == [a]
    assert triage.get_paper(seeded, b).venue == "SIGIR"
    assert triage.get_paper(seeded, d).authors[:2] == ("Rafael Rafailov", "Archit Sharma")
    assert search.search_ids(seeded, "author:Rafailov") == [d]


def test_save_smart_list(seeded: Library) -> None:
    applied = round_trip(
        seeded,
        lambda: overview.save_smart_list(seeded, " To  read ", "is:unread year:2023"),
        {"smart_lists"},
        lambda: overview.list_smart_lists(seeded),
    )
    assert applied.changes == Changes(frozenset(), lists=True)
    assert overview.list_smart_lists(seeded) == []


def _smart_lists(library: Library) -> list[tuple[str, str]]:
    return [(s.name, s.query) for s in overview.list_smart_lists(library)]


def test_replace_smart_list(seeded: Library) -> None:
    overview.save_smart_list(seeded, "To read", "is:unread")
    round_trip(
        seeded,
        lambda: overview.save_smart_list(seeded, "to read", "is:starred"),
        {"smart_lists"},
        lambda: _smart_lists(seeded),
    )
    assert _smart_lists(seeded) == [("To read", "is:unread")]


def test_delete_smart_list(seeded: Library) -> None:
    overview.save_smart_list(seeded, "To read", "is:unread")
    applied = round_trip(
        seeded,
        lambda: overview.delete_smart_list(seeded, "To read"),
        {"smart_lists"},
        lambda: _smart_lists(seeded),
    )
    assert applied.changes == Changes(frozenset(), lists=True)
    assert _smart_lists(seeded) == [("To read", "is:unread")]


def test_undo_of_deleting_a_smart_list_brings_back_its_name_as_saved(seeded: Library) -> None:
    # Smart list names match whatever their case (as queue names do); the undo must put
    # back the list the user had, not one named as they typed it when deleting.
    overview.save_smart_list(seeded, "To read", "is:unread")
    round_trip(
        seeded,
        lambda: overview.delete_smart_list(seeded, "to read"),
        {"smart_lists"},
        lambda: _smart_lists(seeded),
    )
    assert _smart_lists(seeded) == [("To read", "is:unread")]


def test_edit_paper(seeded: Library) -> None:
    a, _, _ = _three(seeded)
    editing.edit_paper(seeded, a, venue="TCSVT")
    original = triage.get_paper(seeded, a)

    applied = round_trip(
        seeded,
        lambda: editing.edit_paper(seeded, a, title="SwinFace for quetzal faces", year=2021),
        {"papers"},
        lambda: (
            search.search_ids(seeded, "quetzal"),
            search.search_ids(seeded, "year:2021"),
        ),
    )

    assert applied.changes == Changes(frozenset({a}), order=True)
    assert not applied.changes.lists
    paper = triage.get_paper(seeded, a)
    assert (paper.title, paper.year, paper.venue) == (original.title, None, "TCSVT")
    assert search.search_ids(seeded, "SwinFace") == [a]


def test_an_unknown_step_is_refused(library: Library) -> None:
    with pytest.raises(ValueError, match="unknown undo step 'explode'"):
        undo.apply(library, Step("explode", {}))


# The command line's kept change.


def test_undo_last_unstars_once(seeded: Library) -> None:
    a, b, _ = _three(seeded)
    assert undo.last_change(seeded) is None
    undo.remember(seeded, triage.set_starred(seeded, [a, b], True))
    kept = undo.last_change(seeded)
    assert kept is not None and kept[0] == "Star 2 papers" and kept[1].kind == "column"

    label, applied = undo.undo_last(seeded)

    assert label == "Star 2 papers"
    assert applied.changes == Changes(frozenset({a, b}), lists=True, order=True)
    assert [p.starred for p in triage.get_papers(seeded, [a, b])] == [False, False]
    assert undo.last_change(seeded) is None
    with pytest.raises(UserError, match=r"^nothing to undo: "):
        undo.undo_last(seeded)
    assert [p.starred for p in triage.get_papers(seeded, [a, b])] == [False, False]


def test_undo_last_survives_reopening_the_library(seeded: Library) -> None:
    a, _, _ = _three(seeded)
    note_id = notes.add_note(seeded, a, "Compare with the wombat baseline.").value
    undo.remember(seeded, notes.update_note(seeded, note_id, "numbat"))
    directory = seeded.location
    with Library.open(directory) as again:
        label, _ = undo.undo_last(again)
        assert label == "Edit note"
        assert search.search_ids(again, "note:wombat") == [a]
        assert search.search_ids(again, "note:numbat") == []


def test_the_newest_change_replaces_the_one_kept(seeded: Library) -> None:
    a, b, _ = _three(seeded)
    undo.remember(seeded, triage.set_starred(seeded, [a], True))
    undo.remember(seeded, triage.add_tag(seeded, "quokka", [b]))
    label, _ = undo.undo_last(seeded)
    assert label == "Tag 1 paper “quokka”"
    assert triage.list_tags(seeded) == []
    assert triage.get_paper(seeded, a).starred  # the older change is not undone
    with pytest.raises(UserError):
        undo.undo_last(seeded)


@pytest.mark.parametrize("kind", ["no undo", "not portable"])
def test_a_change_that_cannot_be_undone_clears_the_kept_one(seeded: Library, kind: str) -> None:
    a, b, _ = _three(seeded)
    undo.remember(seeded, triage.set_starred(seeded, [a], True))
    if kind == "no undo":
        applied = Applied("Undid import 1", Changes.everything())
    else:
        applied = triage.delete_papers(seeded, [b])
    undo.remember(seeded, applied)
    assert undo.last_change(seeded) is None
    with pytest.raises(UserError, match=r"^nothing to undo: "):
        undo.undo_last(seeded)
    assert triage.get_paper(seeded, a).starred  # undo did not skip back to the star
