"""The detail pane's layout: notes listed by readable titles, nothing scrolls sideways, and
at the window's first-launch size the pane fits without scrolling as a whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from readerapp.core.location import LibraryLocation
from readerapp.core.records import Note
from readerapp.gui.detail_pane import _note_title
from readerapp.services import notes
from readerapp.services.library import Library
from tests.conftest import paper_id_by_title
from tests.gui.conftest import WindowFactory, settle

LONG_NOTE = (
    "## For Thursday: **the SVD of the full weight update**, `rank` per layer, and a "
    "comparison with KronA and LoRA on every benchmark of the paper\n\nmore text"
)


def _note(body: str) -> Note:
    when = dt.datetime(2024, 8, 7, 9, 30)
    return Note(id=1, body=body, created_at=when, updated_at=when)


def test_a_note_is_listed_by_its_first_line_without_markdown_marks() -> None:
    assert _note_title(_note("## **Why:** see `lora_rank`\nbody")) == (
        "Why: see lora_rank  ·  2024-08-07"
    )
    assert _note_title(_note("\n\n- __bold__ item")) == "bold item  ·  2024-08-07"
    assert _note_title(_note("**\n\n")) == "(empty)  ·  2024-08-07"


def test_the_pane_fits_the_first_launch_window_and_elides_long_entries(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    with Library.open(seeded_dir) as library:
        target = paper_id_by_title(library, "Kronecker Adaptation")
        notes.add_note(library, target, LONG_NOTE)
        notes.add_note(library, target, "second note")
    window = open_window(seeded_dir)  # 1400 x 860, the size of a first launch
    window.show_paper(target)
    settle(qtbot, window)
    pane = window.detail
    qtbot.waitUntil(lambda: pane.related.count() > 1, timeout=20000)
    qtbot.waitUntil(
        lambda: pane.related.height() >= pane.related.count() * pane.related.sizeHintForRow(0),
        timeout=5000,
    )

    assert pane.note_list.count() == 2
    # the list is as tall as its two notes, and the long title is elided, not scrolled
    row = pane.note_list.sizeHintForRow(0)
    assert 2 * row <= pane.note_list.height() < 3 * row
    assert not pane.note_list.horizontalScrollBar().isVisible()
    assert not pane.related.horizontalScrollBar().isVisible()
    assert not pane.related.verticalScrollBar().isVisible()  # every related paper shows
    scroll = pane.findChild(QScrollArea)
    assert scroll is not None
    qtbot.waitUntil(lambda: not scroll.verticalScrollBar().isVisible(), timeout=5000)
    # the abstract and the note editor share the height that is left
    assert pane.abstract.height() >= pane.abstract.minimumHeight()
    assert pane.note_tabs.height() >= pane.note_tabs.minimumHeight()


def test_a_paper_with_every_kind_of_link_fits_the_pane_width(
    qtbot: QtBot, open_window: WindowFactory, library_dir: LibraryLocation
) -> None:
    from readerapp.services import importing, search
    from tests.conftest import DATA

    directory = library_dir
    with Library.open(directory) as library:
        importing.import_path(
            library, DATA / "corpus" / "hf-json" / "sotawhat_hf_daily_papers_30.json"
        )
        linked = [
            p
            for p in search.search(library, "")
            if p.links.code and p.links.project and p.links.hf and p.links.pdf
        ]
    assert linked, "the HF JSON sample has papers with code, project and HF links"
    window = open_window(directory)  # 1400 x 860, the size of a first launch
    window.show_paper(linked[0].id)
    settle(qtbot, window)
    pane = window.detail
    assert all(button.isVisibleTo(pane) for button in pane.link_buttons.values())
    scroll = pane.findChild(QScrollArea)
    assert scroll is not None
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()


def test_a_note_title_keeps_marks_at_its_end() -> None:
    assert _note_title(_note("# Notes on C++\nbody")) == "Notes on C++  ·  2024-08-07"
