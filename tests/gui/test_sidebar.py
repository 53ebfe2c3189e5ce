"""The sidebar: every reading status with its count, and its menu on a tag (rename, merge,
delete, each undone by Ctrl+Z) and on an import (undo an older one)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from readerapp.core.location import LibraryLocation
from readerapp.gui import main_window
from readerapp.gui.main_window import MainWindow
from readerapp.gui.sidebar import ListRef
from readerapp.services import importing, overview, search, triage
from readerapp.services.library import Library
from tests.conftest import CORPUS, SEED, new_location, paper_id_by_title
from tests.gui.conftest import WindowFactory, settle

OTHER_FILE = CORPUS / "bibtex" / "bbt-97_jabref210_groups_preamble.bib"


def section(window: MainWindow, title: str) -> list[tuple[str, str]]:
    """The rows of a sidebar section: (name, count)."""
    tree = window.sidebar.tree
    for row in range(tree.rowCount()):
        heading = tree.item(row)
        if heading.text() == title:
            return [
                (heading.child(i, 0).text(), heading.child(i, 1).text())
                for i in range(heading.rowCount())
            ]
    raise AssertionError(f"no section {title!r}")


def index_of(window: MainWindow, ref: ListRef) -> QModelIndex:
    tree = window.sidebar.tree
    for row in range(tree.rowCount()):
        heading = tree.item(row)
        for i in range(heading.rowCount()):
            index = heading.child(i, 0).index()
            found = window.sidebar.ref_at(index)
            if found is not None and found.key() == ref.key():
                return index
    raise AssertionError(f"{ref.key()} is not in the sidebar")


class Menus:
    """Stands in for the user at the sidebar's context menu: records what it offers and
    picks one entry."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.offered: list[str] | None = None
        self.choice = ""

        menus = self

        class Menu(QMenu):
            # Shiboken binds a wrapped method once per object: patching QMenu.exec itself
            # does not reach a menu, a subclass's own exec does.
            def exec(self, *_args: object) -> None:  # type: ignore[override]
                menus.offered = [a.text() for a in self.actions() if not a.isSeparator()]
                for action in self.actions():
                    if action.text() == menus.choice:
                        action.trigger()

        monkeypatch.setattr(main_window, "QMenu", Menu)

    def right_click(self, window: MainWindow, ref: ListRef, choice: str = "") -> list[str]:
        self.offered, self.choice = None, choice
        sidebar = window.sidebar
        point = sidebar.visualRect(index_of(window, ref)).center()
        sidebar.customContextMenuRequested.emit(point)
        return self.offered or []


class Questions:
    """Answers QMessageBox.question and remembers what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: bool = True) -> None:
        self.asked: list[str] = []
        self.answer = answer

        def question(_parent: object, _title: str, text: str, *_a: object) -> object:
            self.asked.append(text)
            yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
            return yes if self.answer else no

        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))


def answer_input(monkeypatch: pytest.MonkeyPatch, text: str) -> list[str]:
    """Answers the next QInputDialog.getText with `text`; returns the texts it was offered."""
    offered: list[str] = []

    def get_text(*_args: object, **kwargs: object) -> tuple[str, bool]:
        offered.append(str(kwargs.get("text", "")))
        return text, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return offered


@pytest.fixture
def tagged_dir(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[LibraryLocation, list[int]]:
    """A library with two papers tagged quokka, one of them also Numbat."""
    directory = new_location(request, tmp_path / "tagged", with_library=True)
    with Library.open(directory) as library:
        importing.import_path(library, SEED)
        a = paper_id_by_title(library, "SwinFace")
        b = paper_id_by_title(library, "Unified Generative Retriever")
        c = paper_id_by_title(library, "TaskExpert")
        triage.add_tag(library, "quokka", [a, b])
        triage.add_tag(library, "Numbat", [b, c])
    return directory, [a, b, c]


def test_library_lists_every_status_with_its_count(
    open_window: WindowFactory, qtbot: QtBot, library_dir: LibraryLocation
) -> None:
    directory = library_dir
    with Library.open(directory) as library:
        importing.import_path(library, SEED)
        ids = search.search_ids(library, "")
        triage.set_status(library, ids[:2], "reading")
        triage.set_status(library, ids[2:5], "skimmed")
        triage.set_status(library, ids[5:9], "dropped")
        triage.set_starred(library, ids[:1], True)

    window = open_window(directory)

    assert section(window, "Library") == [
        ("All papers", "73"),
        ("Inbox", "64"),  # the imported papers not given a status (or a star) yet
        ("Today", "0"),
        ("Snoozed", "0"),
        ("Unread", "64"),
        ("Reading", "2"),
        ("Read", "0"),
        ("Skimmed", "3"),
        ("Dropped", "4"),
        ("Starred", "1"),
    ]
    window.sidebar.select(ListRef("status", "dropped"))
    settle(qtbot, window)
    assert sorted(window.model.ids()) == sorted(ids[5:9])


def test_rename_a_tag_from_the_sidebar_then_undo(
    open_window: WindowFactory,
    tagged_dir: tuple[Path, list[int]],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory, (a, b, _c) = tagged_dir
    window = open_window(directory)
    menus, questions = Menus(monkeypatch), Questions(monkeypatch)
    offered = answer_input(monkeypatch, "  wombat ")
    assert window.sidebar.select(ListRef("tag", "quokka"))
    settle(qtbot, window)

    entries = menus.right_click(window, ListRef("tag", "quokka"), "Rename tag…")
    settle(qtbot, window)

    assert entries == ["Rename tag…", "Delete tag"]
    assert offered == ["quokka"]
    assert questions.asked == []  # no tag named wombat: nothing to merge
    assert section(window, "Tags") == [("Numbat", "2"), ("wombat", "2")]
    assert window.undo_stack.undoText() == "Rename tag “quokka” to “wombat”"
    # The list shown was the renamed tag: it still is, under its new name.
    assert window.sidebar.current_ref().key() == "tag:wombat"
    assert sorted(window.model.ids()) == sorted([a, b])
    assert sorted(triage.list_tags(window.library())) == [("Numbat", 2), ("wombat", 2)]

    window.undo_stack.undo()
    settle(qtbot, window)

    assert section(window, "Tags") == [("Numbat", "2"), ("quokka", "2")]
    library = window.library()
    assert sorted(search.search_ids(library, "tag:quokka")) == sorted([a, b])
    assert search.search_ids(library, "wombat") == []  # the text index followed

    window.undo_stack.redo()
    settle(qtbot, window)
    assert section(window, "Tags") == [("Numbat", "2"), ("wombat", "2")]
    assert sorted(search.search_ids(library, "wombat")) == sorted([a, b])


def test_rename_onto_an_existing_tag_asks_to_merge(
    open_window: WindowFactory,
    tagged_dir: tuple[Path, list[int]],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory, (a, b, c) = tagged_dir
    window = open_window(directory)
    menus, questions = Menus(monkeypatch), Questions(monkeypatch, answer=False)
    answer_input(monkeypatch, "numbat")

    menus.right_click(window, ListRef("tag", "quokka"), "Rename tag…")
    settle(qtbot, window)

    assert len(questions.asked) == 1
    assert questions.asked[0].startswith("Merge into “Numbat”?")
    assert "2 papers tagged “quokka”" in questions.asked[0]
    assert window.undo_stack.count() == 0  # answered No: nothing happened
    assert section(window, "Tags") == [("Numbat", "2"), ("quokka", "2")]

    questions.answer = True
    menus.right_click(window, ListRef("tag", "quokka"), "Rename tag…")
    settle(qtbot, window)

    assert section(window, "Tags") == [("Numbat", "3")]
    assert window.undo_stack.undoText() == "Merge tag “quokka” into “Numbat”"
    library = window.library()
    assert sorted(search.search_ids(library, "tag:numbat")) == sorted([a, b, c])

    window.undo_stack.undo()
    settle(qtbot, window)

    assert section(window, "Tags") == [("Numbat", "2"), ("quokka", "2")]
    assert sorted(search.search_ids(library, "tag:numbat")) == sorted([b, c])
    assert sorted(search.search_ids(library, "tag:quokka")) == sorted([a, b])


def test_delete_a_tag_from_the_sidebar_then_undo(
    open_window: WindowFactory,
    tagged_dir: tuple[Path, list[int]],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory, (a, b, _c) = tagged_dir
    window = open_window(directory)
    menus, questions = Menus(monkeypatch), Questions(monkeypatch)

    menus.right_click(window, ListRef("tag", "quokka"), "Delete tag")
    settle(qtbot, window)

    assert questions.asked[0].startswith("Delete the tag “quokka” from 2 papers?")
    assert section(window, "Tags") == [("Numbat", "2")]
    assert window.undo_stack.undoText() == "Delete tag “quokka”"

    window.undo_stack.undo()
    settle(qtbot, window)

    assert section(window, "Tags") == [("Numbat", "2"), ("quokka", "2")]
    assert sorted(search.search_ids(window.library(), "quokka")) == sorted([a, b])


def test_undo_an_older_import_from_the_sidebar(
    open_window: WindowFactory,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    library_dir: LibraryLocation,
) -> None:
    directory = library_dir
    with Library.open(directory) as library:
        importing.import_path(library, SEED)
        later = importing.import_path(library, OTHER_FILE).added
    window = open_window(directory)
    menus, questions = Menus(monkeypatch), Questions(monkeypatch)
    older = ListRef("batch", 1)
    assert [count for _, count in section(window, "Imports")] == [str(later), "73"]
    undone: list[object] = []
    window.import_flow.undone.connect(undone.append)

    entries = menus.right_click(window, older, "Undo this import…")
    settle(qtbot, window)

    assert entries == ["Undo this import…"]
    assert questions.asked[0].startswith("Undo import 1 (hf_daily_papers_seed.txt, ")
    (reports,) = undone
    (report,) = reports  # type: ignore[misc]
    assert report.batch_id == 1 and report.removed == 73
    message = window.statusBar().currentMessage()
    assert message == "Undid import 1 (hf_daily_papers_seed.txt): removed 73 papers."
    assert message == report.summary()
    assert window.model.rowCount() == later
    assert [count for _, count in section(window, "Imports")] == [str(later), "0"]
    assert overview.list_batches(window.library())[-1].undone_at is not None

    # Undone already: the menu no longer offers it; the newer import still can be.
    assert menus.right_click(window, older, "Undo this import…") == []
    assert menus.right_click(window, ListRef("batch", 2)) == ["Undo this import…"]
    assert len(questions.asked) == 1


def test_undo_import_answered_no_changes_nothing(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(seeded_dir)
    menus, _questions = Menus(monkeypatch), Questions(monkeypatch, answer=False)

    menus.right_click(window, ListRef("batch", 1), "Undo this import…")
    settle(qtbot, window)

    assert window.model.rowCount() == 73
    assert overview.list_batches(window.library())[0].undone_at is None
