"""Jumping to a paper that the current list does not show (a related paper, a link)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from readerapp.gui.sidebar import ListRef
from readerapp.services.library import Library
from tests.conftest import paper_id_by_title
from tests.gui.conftest import WindowFactory, settle


def test_show_paper_outside_the_list_switches_to_all_papers_and_selects_it(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    with Library.open(seeded_dir) as library:
        target = paper_id_by_title(library, "Kronecker Adaptation")
    window = open_window(seeded_dir)
    window.sidebar.select(ListRef("starred"))  # nothing is starred: an empty list
    qtbot.keyClicks(window.search_box, "retriever")
    settle(qtbot, window)
    assert window.model.row_of(target) is None
    with qtbot.waitSignal(window.results_shown, timeout=20000):
        window.show_paper(target)
    settle(qtbot, window)
    assert window.search_box.text() == ""
    assert window.sidebar.current_ref().kind == "all"
    assert window.model.rowCount() == 73
    assert window.selected_ids() == [target]
    assert window.detail.paper is not None and window.detail.paper.id == target
    # Shown once: later searches do not jump back to it.
    window.table.clearSelection()
    qtbot.keyClicks(window.search_box, "retriever")
    settle(qtbot, window)
    assert window.selected_ids() == []
