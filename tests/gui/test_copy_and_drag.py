"""Ctrl+C and a drag take papers out of the window as text, Markdown, BibTeX and HTML."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from readerapp.gui.paper_clip import LazyPaperMime, make_clipboard_plain, paper_mime
from readerapp.gui.paper_model import COLUMN, PAPER_IDS_MIME, decode_ids
from readerapp.services import clip
from tests.gui.conftest import WindowFactory, settle


def _select_rows(window: object, rows: list[int]) -> list[int]:
    table = window.table  # type: ignore[attr-defined]
    model = window.model  # type: ignore[attr-defined]
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.clearSelection()
    for row in rows:
        table.selectionModel().select(model.index(row, 0), flags)
    return [model.ids()[r] for r in rows]


def test_ctrl_c_in_the_table_copies_every_flavour(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    ids = _select_rows(window, [0, 1])
    titles = [str(window.model.index(r, COLUMN["title"]).data()) for r in (0, 1)]
    QGuiApplication.clipboard().clear()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    mime = QGuiApplication.clipboard().mimeData()
    assert decode_ids(mime) == ids
    plain = mime.text()
    assert len(plain.splitlines()) == 2
    markdown = bytes(mime.data("text/markdown").data()).decode()
    bibtex = bytes(mime.data("text/x-bibtex").data()).decode()
    assert bibtex.count("@") == 2
    for title in titles:
        words = title.split()[0]
        assert words in plain and words in markdown and words in bibtex and words in mime.html()
    assert "Copied 2 papers" in window.statusBar().currentMessage()


def test_ctrl_c_in_the_search_box_copies_its_text(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    _select_rows(window, [0])
    window.search_box.setText("diffusion")
    window.search_box.selectAll()
    window.search_box.setFocus()
    qtbot.keyClick(window.search_box, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "diffusion"


def test_a_drag_carries_text_and_bibtex_beside_the_ids(
    open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    model = window.model
    mime = model.mimeData([model.index(0, 0), model.index(0, 2), model.index(3, 0)])
    assert decode_ids(mime) == [model.ids()[0], model.ids()[3]]
    assert mime.hasFormat(PAPER_IDS_MIME) and mime.hasText() and mime.hasHtml()
    assert bytes(mime.data("text/x-bibtex").data()).decode().count("@") == 2
    assert len(mime.text().splitlines()) == 2


def test_ctrl_a_selects_every_row_without_the_header_walking_them(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    table = window.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    rows = window.model.rowCount()
    assert rows > 1
    assert table.selected_rows() == list(range(rows))
    assert window.selected_ids() == window.model.ids()
    # The header asks its own, empty selection model whether a column is all selected.
    header = table.horizontalHeader()
    assert header.selectionModel() is not table.selectionModel()
    assert not header.selectionModel().hasSelection()
    assert table.selectionModel().isRowSelected(rows - 1)


def test_copying_everything_gives_every_flavour_byte_for_byte(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    ids = window.selected_ids()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    expected = paper_mime(clip.paper_text(window.library(), ids), ids)
    copied = QGuiApplication.clipboard().mimeData()
    assert decode_ids(copied) == ids
    assert sorted(copied.formats()) == sorted(expected.formats())
    for name in expected.formats():
        assert bytes(copied.data(name).data()) == bytes(expected.data(name).data()), name
    assert copied.text() == expected.text() and copied.html() == expected.html()
    # Before the application quits, the clipboard gets the same texts set whole.
    make_clipboard_plain()
    whole = QGuiApplication.clipboard().mimeData()
    assert not isinstance(whole, LazyPaperMime)
    for name in expected.formats():
        assert bytes(whole.data(name).data()) == bytes(expected.data(name).data()), name
