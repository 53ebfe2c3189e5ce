"""Renaming, merging and deleting tags: the rows each changes, the undo and redo that put back
exactly the papers each tag had, the text index that follows at once, and refused names."""

from __future__ import annotations

import json

import pytest

from readerapp.core.errors import UserError
from readerapp.services import search, triage, undo
from readerapp.services.changes import Changes, Step
from readerapp.services.library import Library
from tests.conftest import paper_id_by_title
from tests.services.test_undo import round_trip, state

# The text index holds tags: both engines must follow a rename at once.
pytestmark = pytest.mark.usefixtures("engine")


def _three(lib: Library) -> tuple[int, int, int]:
    return (
        paper_id_by_title(lib, "SwinFace"),
        paper_id_by_title(lib, "Unified Generative Retriever"),
        paper_id_by_title(lib, "TaskExpert"),
    )


def _tags(lib: Library) -> dict[str, list[int]]:
    """Each tag's papers, read through the tag filter."""
    return {
        name: sorted(search.search_ids(lib, f'tag:"{name}"')) for name, _ in triage.list_tags(lib)
    }


def _found(lib: Library, *words: str) -> object:
    """What the tag list, the tag filter and the text index say, word by word."""
    return (
        triage.list_tags(lib),
        _tags(lib),
        {word: sorted(search.search_ids(lib, word)) for word in words},
    )


def test_rename(seeded: Library) -> None:
    a, b, c = _three(seeded)
    triage.add_tag(seeded, "quokka", [a, b])
    triage.add_tag(seeded, "other", [c])

    applied = round_trip(
        seeded,
        lambda: triage.rename_tag(seeded, "QUOKKA", "numbat"),  # the old name in any case
        {"tags"},
        lambda: _found(seeded, "quokka", "numbat"),
    )

    assert applied.label == "Rename tag “quokka” to “numbat”"
    assert applied.value == "numbat"
    assert applied.changes == Changes(frozenset({a, b}), lists=True, order=True)
    assert applied.undo is not None and applied.undo.kind == "tag_sets"
    # Undone by round_trip: the old tag is back on exactly its papers.
    assert _tags(seeded) == {"other": [c], "quokka": sorted([a, b])}

    triage.rename_tag(seeded, "quokka", "numbat")
    assert _tags(seeded) == {"numbat": sorted([a, b]), "other": [c]}
    assert sorted(search.search_ids(seeded, "numbat")) == sorted([a, b])  # indexed at once
    assert search.search_ids(seeded, "quokka") == []


def test_rename_that_only_changes_the_case(seeded: Library) -> None:
    a, b, _ = _three(seeded)
    triage.add_tag(seeded, "quokka", [a, b])

    applied = round_trip(
        seeded,
        lambda: triage.rename_tag(seeded, "quokka", "Quokka"),
        {"tags"},
        lambda: triage.list_tags(seeded),
    )

    assert applied.value == "Quokka"
    assert triage.list_tags(seeded) == [("quokka", 2)]
    triage.rename_tag(seeded, "quokka", "Quokka")
    assert triage.list_tags(seeded) == [("Quokka", 2)]
    assert sorted(search.search_ids(seeded, "tag:quokka")) == sorted([a, b])


def test_rename_to_an_existing_tag_merges(seeded: Library) -> None:
    a, b, c = _three(seeded)
    triage.add_tag(seeded, "quokka", [a, b])
    triage.add_tag(seeded, "Numbat", [b, c])

    applied = round_trip(
        seeded,
        lambda: triage.rename_tag(seeded, "quokka", "numbat"),
        {"tags"},
        lambda: _found(seeded, "quokka", "numbat"),
    )

    # The tag merged into keeps its spelling; b had both and only lost quokka.
    assert applied.label == "Merge tag “quokka” into “Numbat”"
    assert applied.value == "Numbat"
    assert applied.changes == Changes(frozenset({a, b}), lists=True, order=True)
    assert _tags(seeded) == {"Numbat": sorted([b, c]), "quokka": sorted([a, b])}

    triage.rename_tag(seeded, "quokka", "numbat")
    assert _tags(seeded) == {"Numbat": sorted([a, b, c])}
    assert sorted(search.search_ids(seeded, "numbat")) == sorted([a, b, c])
    assert search.search_ids(seeded, "quokka") == []


def test_delete(seeded: Library) -> None:
    a, b, c = _three(seeded)
    triage.add_tag(seeded, "quokka", [a, b])
    triage.add_tag(seeded, "other", [b, c])

    applied = round_trip(
        seeded,
        lambda: triage.delete_tag(seeded, " Quokka "),
        {"tags"},
        lambda: _found(seeded, "quokka", "other"),
    )

    assert applied.label == "Delete tag “quokka” from 2 papers"
    assert applied.value == sorted([a, b])
    assert applied.changes == Changes(frozenset({a, b}), lists=True, order=True)

    triage.delete_tag(seeded, "quokka")
    assert _tags(seeded) == {"other": sorted([b, c])}
    assert search.search_ids(seeded, "quokka") == []
    assert triage.get_paper(seeded, b).tags == ("other",)


def test_the_undo_is_plain_json_and_works_from_it(seeded: Library) -> None:
    """The command line keeps a Step as JSON: one read back from it undoes and redoes."""
    a, b, c = _three(seeded)
    triage.add_tag(seeded, "quokka", [a, b])
    triage.add_tag(seeded, "numbat", [c])
    before = state(seeded)

    applied = triage.rename_tag(seeded, "quokka", "numbat")
    after = state(seeded)
    assert applied.undo is not None and applied.undo.portable
    kept = json.loads(json.dumps(applied.undo.args))
    assert kept["tags"] == [["numbat", [c]], ["quokka", sorted([a, b])]]

    undone = undo.apply(seeded, Step(applied.undo.kind, kept))
    assert state(seeded) == before
    assert undone.undo is not None
    undo.apply(seeded, Step(undone.undo.kind, json.loads(json.dumps(undone.undo.args))))
    assert state(seeded) == after


def test_the_undo_skips_papers_deleted_since(seeded: Library) -> None:
    a, b, _ = _three(seeded)
    triage.add_tag(seeded, "quokka", [a, b])
    applied = triage.delete_tag(seeded, "quokka")
    triage.delete_papers(seeded, [a])
    assert applied.undo is not None

    undo.apply(seeded, applied.undo)

    assert _tags(seeded) == {"quokka": [b]}
    assert search.search_ids(seeded, "quokka") == [b]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("quokka", ""),
        ("quokka", "   "),
        ("quokka", "x" * 101),
        ("quokka", "quokka"),  # already its name
        ("", "numbat"),
        ("wombat", "numbat"),  # no such tag
    ],
)
def test_refused_renames_change_nothing(seeded: Library, old: str, new: str) -> None:
    a, b, _ = _three(seeded)
    triage.add_tag(seeded, "quokka", [a, b])
    before = state(seeded)

    with pytest.raises(UserError):
        triage.rename_tag(seeded, old, new)

    assert state(seeded) == before


@pytest.mark.parametrize("name", ["", "  ", "wombat"])
def test_refused_deletes_change_nothing(seeded: Library, name: str) -> None:
    a, _, _ = _three(seeded)
    triage.add_tag(seeded, "quokka", [a])
    before = state(seeded)

    with pytest.raises(UserError):
        triage.delete_tag(seeded, name)

    assert state(seeded) == before


def test_same_tag_compares_like_the_tags_table() -> None:
    assert triage.same_tag("Deep  Learning", "deep learning")
    assert not triage.same_tag("deep learning", "deep-learning")
    # SQLite's NOCASE folds ASCII letters only: "É" and "é" are two tags.
    assert not triage.same_tag("École", "école")
