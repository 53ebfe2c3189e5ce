from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from readerapp.gui.export_dialog import ExportDialog
from readerapp.gui.sidebar import ListRef
from readerapp.services import queues, search
from readerapp.services.library import Library
from tests.gui.conftest import WindowFactory, settle


def test_export_a_queue_to_markdown_in_queue_order(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    with Library.open(seeded_dir) as library:
        ids = search.search_ids(library, "chain-of-thought")
        order = [ids[2], ids[0], ids[3], ids[1]]
        queues.add_to_queue(library, "Week 32", order)
        titles = {p.id: p.title for p in search.search(library, "chain-of-thought")}
    window = open_window(seeded_dir)
    window.sidebar.select(ListRef("queue", "Week 32", "Week 32"))
    settle(qtbot, window)
    window.export_papers()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    dialog.scope_group.button(0).setChecked(True)  # no selection: "This list" comes first
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("markdown"))
    preview = dialog.preview.toPlainText()
    assert preview.startswith("# Week 32")
    target = tmp_path / "week 32.md"
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.save_to(target)
    lines = [line for line in target.read_text(encoding="utf-8").splitlines()
             if line[:2] in ("1.", "2.", "3.", "4.")]
    assert [titles[pid] in line for pid, line in zip(order, lines, strict=True)] == [True] * 4


def test_copy_as_markdown_links(open_window: WindowFactory, seeded_dir: Path,
                                qtbot: QtBot) -> None:
    from PySide6.QtGui import QGuiApplication

    window = open_window(seeded_dir)
    window.search_box.setText("title:kronecker")
    settle(qtbot, window)
    window.table.selectRow(0)
    window.copy_markdown_links()
    assert QGuiApplication.clipboard().text() == (
        "- Singular Value Decomposition on Kronecker Adaptation for Large Language Model\n")
