from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readerapp.gui import export_dialog
from readerapp.gui.export_dialog import ExportDialog
from readerapp.gui.main_window import MainWindow
from readerapp.gui.sidebar import ListRef
from readerapp.services import overview, queues, search, triage
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
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is not None, timeout=5000)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    dialog.scope_group.button(0).setChecked(True)  # no selection: "This list" comes first
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("markdown"))
    preview = dialog.preview.toPlainText()
    assert preview.startswith("# Week 32")
    target = tmp_path / "week 32.md"
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.save_to(target)
    lines = [
        line
        for line in target.read_text(encoding="utf-8").splitlines()
        if line[:2] in ("1.", "2.", "3.", "4.")
    ]
    assert [titles[pid] in line for pid, line in zip(order, lines, strict=True)] == [True] * 4


def test_copy_as_markdown_links(open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot) -> None:
    from PySide6.QtGui import QGuiApplication

    window = open_window(seeded_dir)
    window.search_box.setText("title:kronecker")
    settle(qtbot, window)
    window.table.selectRow(0)
    window.edits.copy_markdown_links()
    settle(qtbot, window)  # the papers are read on the worker
    assert QGuiApplication.clipboard().text() == (
        "- Singular Value Decomposition on Kronecker Adaptation for Large Language Model\n"
    )


def open_export(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    count = len(window.findChildren(ExportDialog))
    # The dialog opens once the worker has counted the library (after the services and
    # the formats the window imports after its launch: seconds on a loaded machine).
    window.export_papers()
    qtbot.waitUntil(lambda: len(window.findChildren(ExportDialog)) > count, timeout=20000)
    dialog = window.findChildren(ExportDialog)[-1]
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def test_scopes_are_the_selection_the_list_on_screen_and_the_whole_library(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    with Library.open(seeded_dir) as library:
        tagged = search.search_ids(library, "transformer")
        triage.add_tag(library, "R&D", tagged)
        overview.save_smart_list(library, "Kronecker", "kronecker")
    window = open_window(seeded_dir)
    for ref, title in (
        (ListRef("tag", "R&D", "Tag: R&D"), "Tag: R&D"),
        (ListRef("smart", "kronecker", "Kronecker"), "Kronecker"),
    ):
        assert window.sidebar.select(ref)
        settle(qtbot, window)
        dialog = open_export(qtbot, window)
        shown = window.model.ids()
        labels = [b.text() for b in dialog.scope_group.buttons()]
        assert labels == [
            f"This &list: {title.replace('&', '&&')} ({len(shown):,})",
            "The &whole library (73)",
        ]
        assert dialog.selection().ids == tuple(shown)
        dialog.reject()
    # search results within a list, and a selection
    window.sidebar.select(ListRef("all"))
    window.search_box.setText("chain-of-thought")
    settle(qtbot, window)
    window.table.selectRow(0)
    dialog = open_export(qtbot, window)
    labels = [b.text() for b in dialog.scope_group.buttons()]
    count = window.model.rowCount()
    assert labels == [
        "&Selected papers (1)",
        f"This &list: All papers: chain-of-thought ({count})",
        "The &whole library (73)",
    ]
    assert dialog.default_name() == "selected-papers.md"
    dialog.scope_group.button(1).setChecked(True)
    assert dialog.default_name() == "all-papers-chain-of-thought.md"


def test_every_format_previews_its_first_lines(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(seeded_dir)
    window.search_box.setText("title:kronecker")
    settle(qtbot, window)
    dialog = open_export(qtbot, window)
    names = [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())]
    assert names == ["markdown", "html", "bibtex", "ris", "csljson", "csv", "json"]
    title = "Singular Value Decomposition on Kronecker Adaptation for Large Language Model"
    starts = {
        "markdown": "# All papers: title:kronecker",
        "html": "<!-- ",
        "bibtex": "% Encoding: UTF-8",
        "ris": "TY  - ",
        "csljson": "[",
        "csv": "id,title,",
        "json": "[",
    }
    for number, name in enumerate(names):
        dialog.format_combo.setCurrentIndex(number)
        text = dialog.preview.toPlainText()
        assert text.startswith(starts[name]), (name, text[:80])
        assert title in text or title.replace("Kronecker", "{Kronecker}") in text, name
    dialog.format_combo.setCurrentIndex(names.index("html"))
    assert "<body" in dialog.preview.toPlainText().splitlines()[1]
    assert dialog.preview_label.text() == "Preview (1 paper):"
    # A big list previews its first papers only, and says so.
    dialog.scope_group.button(len(dialog.scopes) - 1).setChecked(True)  # the whole library
    dialog.format_combo.setCurrentIndex(names.index("markdown"))
    assert dialog.preview_label.text() == "Preview (73 papers):"
    monkeypatch.setattr(export_dialog, "PREVIEW_WHOLE_UP_TO", 10)
    dialog.update_preview()
    assert dialog.preview_label.text() == (
        "Preview of the first 5 of 73 papers (the file has them all):"
    )
    assert sum(line.startswith("- **") for line in dialog.preview.toPlainText().splitlines()) == 5


def test_copy_as_bibtex_from_the_context_menu(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    import bibtexparser
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMenu

    window = open_window(seeded_dir)
    window.search_box.setText("chain-of-thought")
    settle(qtbot, window)
    menu = QMenu(window)
    window.menu_actions.fill_paper_menu(menu)  # the table's context menu
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Copy as Markdown links" in texts and "Copy as BibTeX" in texts
    window.table.setFocus()
    window.table.selectAll()
    ids = window.selected_ids()
    assert len(ids) > 1
    next(a for a in menu.actions() if a.text() == "Copy as &BibTeX").trigger()
    settle(qtbot, window)  # exported on the worker
    library = bibtexparser.parse_string(QGuiApplication.clipboard().text())
    titles = {p.title for p in triage.get_papers(window.library(), ids)}
    parsed = {
        e.fields_dict["title"].value.replace("{", "").replace("}", "") for e in library.entries
    }
    assert len(library.entries) == len(ids) and parsed == titles
    assert window.statusBar().currentMessage() == f"Copied {len(ids)} BibTeX entries."


def test_saving_shows_progress_and_cancel_stops_it_leaving_the_old_file(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(seeded_dir)
    dialog = open_export(qtbot, window)
    dialog.scope_group.button(len(dialog.scopes) - 1).setChecked(True)  # the whole library
    (out := tmp_path / "out").mkdir()
    target = out / "papers.md"
    target.write_text("my own list\n", encoding="utf-8")
    # The worker is busy with earlier work, so the save is still waiting when Cancel comes.
    earlier = threading.Event()
    window.runner.run(earlier.wait)
    dialog.save_to(target)
    assert dialog.progress.isVisible() and not dialog.save_button.isEnabled()
    assert dialog.message.text() == "Exporting…"
    dialog.reject()
    earlier.set()
    settle(qtbot, window)
    assert target.read_text(encoding="utf-8") == "my own list\n"
    assert [p.name for p in out.iterdir()] == [target.name]  # no partial file
    # A save that runs to the end says so, and the dialog closes (and is deleted).
    dialog = open_export(qtbot, window)
    dialog.scope_group.button(len(dialog.scopes) - 1).setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.save_to(target)
    assert target.read_text(encoding="utf-8").startswith("# All papers\n\n73 papers\n")
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is None, timeout=5000)
