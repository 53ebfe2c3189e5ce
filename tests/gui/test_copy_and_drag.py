"""Ctrl+C and a drag take papers out of the window as text, Markdown, BibTeX and HTML."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from readerapp.gui.paper_model import COLUMN, PAPER_IDS_MIME, decode_ids
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
