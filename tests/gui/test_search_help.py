"""The search syntax is taught in the window: a help page whose examples run, a tooltip, and
the keyboard path from the search box to the results."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from readerapp.gui.search_help import SearchSyntaxDialog
from readerapp.search import syntax
from tests.gui.conftest import WindowFactory, settle


def _example_row(dialog: SearchSyntaxDialog, query: str) -> QTreeWidgetItem:
    tree = dialog.tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return next(r for r in rows if r.data(0, Qt.ItemDataRole.UserRole) == query)


def test_shift_f1_opens_the_page_and_an_example_runs(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    qtbot.keyClick(window, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    dialog = window.search_help
    assert dialog is not None and dialog.isVisible()
    tree = dialog.tree
    shown = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert all(e.query in shown for e in syntax.EXAMPLES)
    assert [t for t, _ in syntax.SECTIONS] == [s for s in shown if s in dict(syntax.SECTIONS)]

    row = _example_row(dialog, "trans*")
    tree.setCurrentItem(row)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.search_box.text() == "trans*"
    settle(qtbot, window)
    assert 0 < window.model.rowCount() < 73
    # A section title is not a query: activating it changes nothing.
    dialog.tree.itemActivated.emit(dialog.tree.topLevelItem(0), 0)
    assert window.search_box.text() == "trans*"


def test_the_search_box_explains_itself(open_window: WindowFactory, seeded_dir: Path) -> None:
    window = open_window(seeded_dir)
    tip = window.search_box.toolTip()
    assert "Shift+F1" in tip and "title:" in tip and "is:starred" in tip
    assert window.search_box.accessibleName() == "Search"


def test_down_or_enter_in_the_search_box_moves_to_the_first_result(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "transformer")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # before the typing pause ends
    settle(qtbot, window)
    assert window.table.hasFocus()
    assert window.table.currentIndex().row() == 0
    assert window.table.selected_ids() == [window.model.ids()[0]]

    window.search_box.setFocus()
    window.table.setCurrentIndex(window.model.index(2, 0))
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    assert window.table.hasFocus()
    assert window.table.currentIndex().row() == 2, "the cursor it had is kept"
