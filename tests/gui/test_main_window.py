"""The real window on a real library, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from readerapp.core.location import LibraryLocation
from readerapp.gui.dialogs import PickDialog
from readerapp.gui.paper_model import COLUMN, encode_ids
from readerapp.gui.sidebar import ListRef
from readerapp.services import overview, queues, search, triage
from readerapp.services.library import Library
from tests.conftest import SEED
from tests.gui.conftest import WindowFactory, on_worker, settle


def type_search(qtbot: QtBot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, text)
    settle(qtbot, window)


def select_rows(window, rows: list[int]) -> None:  # type: ignore[no-untyped-def]
    window.table.clearSelection()
    for row in rows:
        window.table.selectionModel().select(
            window.model.index(row, 2),
            window.table.selectionModel().SelectionFlag.Select
            | window.table.selectionModel().SelectionFlag.Rows,
        )


def accept_pick(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    """Answers the next quick-picker dialog with `value`, as a user typing it would."""

    def fake_exec(dialog: PickDialog) -> int:
        dialog.combo.setCurrentText(value)
        return 1

    monkeypatch.setattr(PickDialog, "exec", fake_exec)


def test_opens_library_and_models_pass_the_model_tester(
    open_window: WindowFactory, seeded_dir: Path, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(seeded_dir)
    assert window.model.rowCount() == 73
    assert window.count_label.text() == "73 papers"
    assert window.search_panel.center.currentWidget() is window.table
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.sidebar.tree)


def test_search_narrows_the_table_and_errors_show_inline(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seeded_dir)
    type_search(qtbot, window, "title:kronecker")
    assert window.model.rowCount() == 1
    assert window.model.data(window.model.index(0, 2)).startswith("Singular Value")
    type_search(qtbot, window, "chain-of-thought")
    assert window.model.rowCount() == 4
    qtbot.keyClicks(window.search_box, ' "unclosed')
    settle(qtbot, window)
    assert window.query_error.isVisible()
    assert "not closed" in window.query_error.text()
    assert window.model.rowCount() == 4  # previous results stay
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    settle(qtbot, window)
    assert window.search_box.text() == "" and window.model.rowCount() == 73
    assert not window.query_error.isVisible()


def test_triage_persists_across_a_restart(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(seeded_dir)
    type_search(qtbot, window, "title:kronecker")
    window.table.selectRow(0)
    window.table.setFocus()
    pid = window.selected_ids()[0]
    qtbot.keyClick(window.table, Qt.Key.Key_S)
    qtbot.keyClick(window.table, Qt.Key.Key_2)  # reading
    settle(qtbot, window)
    accept_pick(monkeypatch, "peft")
    qtbot.keyClick(window.table, Qt.Key.Key_T)
    settle(qtbot, window)
    accept_pick(monkeypatch, "Week 32")
    qtbot.keyClick(window.table, Qt.Key.Key_Q)
    settle(qtbot, window)
    # A note typed in the detail pane saves by itself.
    assert window.detail.paper is not None and window.detail.paper.id == pid
    window.detail.start_new_note()
    qtbot.keyClicks(window.detail.editor, "Compare with LoRA.")
    qtbot.waitUntil(lambda: not window.detail.has_pending_note(), timeout=5000)
    settle(qtbot, window)
    assert window.model.data(window.model.index(0, 0)) == "★"
    open_window.close(window)

    again = open_window(seeded_dir)
    paper = triage.get_paper(again.library(), pid)
    assert paper.starred and paper.status == "reading"
    assert paper.tags == ("peft",) and paper.queues == ("Week 32",)
    assert [n.body for n in paper.notes] == ["Compare with LoRA."]
    # The last list and the window state come back too.
    again.sidebar.select(ListRef("queue", "Week 32"))
    settle(qtbot, again)
    assert again.model.ids() == [pid]


def test_undo_reverts_a_bulk_star(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seeded_dir)
    window.table.setFocus()
    window.table.selectAll()
    qtbot.keyClick(window.table, Qt.Key.Key_S)
    settle(qtbot, window)
    assert len(search.search_ids(window.library(), "is:starred")) == 73
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert search.search_ids(window.library(), "is:starred") == []
    # Redo by its action: QTest leaves Shift "held" after a Shift chord, which would turn the
    # next test's clicks into range selections. The shortcut itself is checked below.
    assert window.act_redo.shortcut().toString() == "Ctrl+Shift+Z"
    window.act_redo.trigger()
    settle(qtbot, window)
    assert len(search.search_ids(window.library(), "is:starred")) == 73


def test_queue_drag_reorder_and_alt_arrows_persist(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    with Library.open(seeded_dir) as library:
        a, b, c, d = sorted(search.search_ids(library, ""))[:4]
        queues.add_to_queue(library, "Reading group", [a, b, c, d])
    window = open_window(seeded_dir)
    window.sidebar.select(ListRef("queue", "Reading group"))
    settle(qtbot, window)
    assert window.model.ids() == [a, b, c, d]
    assert window.model.data(window.model.index(2, 1)) == "3"  # the position column
    # Drop d (dragged from row 3) onto row 1: it goes before b.
    window.model.dropMimeData(
        encode_ids([d]), Qt.DropAction.MoveAction, 1, 0, window.model.index(-1, -1)
    )
    settle(qtbot, window)
    assert window.model.ids() == [a, d, b, c]
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, window)
    assert window.model.ids() == [d, a, b, c]
    # The moved paper stays selected and current on its new row (the rows are reordered,
    # not reset), so Alt+Down again moves it on; the positions follow the rows.
    assert window.selected_ids() == [a] and window.table.current_id() == a
    assert window.detail.paper is not None and window.detail.paper.id == a
    assert window.model.data(window.model.index(1, COLUMN["position"])) == "2"
    qtbot.keyClick(window.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, window)
    assert window.model.ids() == [d, b, a, c] and window.selected_ids() == [a]
    open_window.close(window)
    with Library.open(seeded_dir) as library:
        assert queues.queue_ids(library, "Reading group") == [d, b, a, c]


def test_an_edit_redraws_its_row_without_resetting_the_table(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    """A star or a status comes back as the same list of papers: the table keeps its rows,
    its selection and its scroll position, and only the edited row changes."""
    window = open_window(seeded_dir)
    resets: list[bool] = []
    window.model.modelReset.connect(lambda: resets.append(True))
    window.table.setFocus()
    window.table.selectRow(40)
    window.table.scrollTo(window.model.index(40, 0))
    scroll = window.table.verticalScrollBar().value()
    pid = window.selected_ids()[0]
    qtbot.keyClick(window.table, Qt.Key.Key_S)  # star
    settle(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key.Key_2)  # reading
    settle(qtbot, window)
    assert resets == []
    assert window.selected_ids() == [pid] and window.table.verticalScrollBar().value() == scroll
    assert window.model.data(window.model.index(40, COLUMN["starred"])) == "★"
    assert window.model.data(window.model.index(40, COLUMN["status"])) == "reading"
    assert window.detail.paper is not None and window.detail.paper.starred


def test_the_list_shown_is_saved_when_the_window_closes_not_on_each_click(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    """Each settings write makes Qt save the file on the GUI thread, with two fdatasyncs:
    too slow for every click on a list. The list shown is remembered when the window closes
    (or another library opens), and the window opens on it again."""
    with Library.open(seeded_dir) as library:
        queues.add_to_queue(library, "Week", sorted(search.search_ids(library, ""))[:2])
    window = open_window(seeded_dir)
    saved = tmp_path / "settings.ini"
    window.settings.sync()
    before = saved.read_bytes()
    for ref in (ListRef("starred"), ListRef("queue", "Week"), ListRef("status", "reading")):
        window.sidebar.select(ref)
        settle(qtbot, window)
    window.sidebar.select(ListRef("queue", "Week"))
    settle(qtbot, window)
    qtbot.wait(50)  # Qt saves a changed settings file on the next turn of the event loop
    assert saved.read_bytes() == before
    open_window.close(window)
    assert QSettings(str(saved), QSettings.Format.IniFormat).value("list/last") == "queue:Week"
    again = open_window(seeded_dir)
    assert again.sidebar.current_ref().key() == "queue:Week"
    assert len(again.model.ids()) == 2


def test_drop_papers_on_a_queue_in_the_sidebar_and_delete_with_undo(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(seeded_dir)
    ids = window.model.ids()[:3]
    window.sidebar.papers_dropped.emit("Later", ids)
    settle(qtbot, window)
    assert queues.queue_ids(window.library(), "Later") == ids
    select_rows(window, [0, 1])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert window.model.rowCount() == 71
    assert queues.queue_ids(window.library(), "Later") == ids[2:]
    window.undo_stack.undo()
    settle(qtbot, window)
    assert window.model.rowCount() == 73
    assert queues.queue_ids(window.library(), "Later") == ids


def test_read_next_then_create_rename_and_delete_queues_from_the_window(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(seeded_dir)
    first, second = window.model.ids()[:2]
    on_worker(window, lambda lib: queues.add_to_queue(lib, queues.DEFAULT_QUEUE, [second]))
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_N)  # read next: to the front of the queue
    settle(qtbot, window)
    assert queues.queue_ids(window.library(), queues.DEFAULT_QUEUE) == [first, second]

    answers = iter([("Reading group", True), ("reading GROUP", True)])
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: next(answers))
    errors: list[str] = []
    monkeypatch.setattr(
        "readerapp.gui.queue_actions.show_error", lambda _parent, _title, text: errors.append(text)
    )
    window.queueing.new_queue()
    settle(qtbot, window)
    assert "Reading group" in [q.name for q in queues.list_queues(window.library())]
    window.queueing.new_queue()  # the same name in other case is refused, with a reason
    assert errors == ["A queue named “reading GROUP” already exists."]

    monkeypatch.setattr(
        "PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("  Group   B ", True)
    )
    window.queueing.rename("Reading group")
    settle(qtbot, window)
    names = [q.name for q in queues.list_queues(window.library())]
    assert "Group B" in names and "Reading group" not in names
    window.queueing.delete("Group B")
    settle(qtbot, window)
    assert "Group B" not in [q.name for q in queues.list_queues(window.library())]
    window.undo_stack.undo()  # deleting a queue is undone like any edit
    settle(qtbot, window)
    assert "Group B" in [q.name for q in queues.list_queues(window.library())]


def test_empty_library_shows_the_start_page(
    open_window: WindowFactory, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    assert window.search_panel.center.currentWidget() is window.start_page


def test_a_second_window_on_the_same_library_is_refused(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    open_window(seeded_dir)
    second = open_window(seeded_dir, wait=False)
    qtbot.waitUntil(lambda: second.last_error is not None, timeout=10000)
    assert "open in another readerapp window" in second.last_error
    assert not second.is_ready


def test_shortcuts_dialog_lists_the_single_key_actions(
    open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    window.edits.set_starred([window.model.id_at(0)], True)  # Undo now reads "Undo Star…"
    window.show_shortcuts()
    from readerapp.gui.dialogs import ShortcutsDialog

    dialog = window.findChild(ShortcutsDialog)
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    assert rows["Star / unstar"] == "S" and rows["Add to queue…"] == "Q"
    assert rows["Undo"] == "Ctrl+Z" and rows["Mark reading"] == "2"
    assert rows["Redo"] == "Ctrl+Shift+Z, Ctrl+Y"  # every key, not only the first
    assert rows["Open paper"] == "Ctrl+Return, Return, Enter, O"
    assert rows["Attach PDF…"] == "Ctrl+Shift+P" and rows["Download PDF"] == "Ctrl+Shift+W"
    assert not any(name.startswith("Undo ") for name in rows)
    dialog.close()


def test_clicking_any_header_sorts_the_table_in_the_library(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    with Library.open(seeded_dir) as library:
        ids = search.search_ids(library, "", sort="added")
        triage.set_status(library, [ids[-1]], "dropped")
        triage.set_starred(library, [ids[-2]], True)
    window = open_window(seeded_dir)
    header = window.table.horizontalHeader()
    status_column = next(
        i
        for i in range(window.model.columnCount())
        if window.model.headerData(i, Qt.Orientation.Horizontal) == "Status"
    )

    def column_values(column: int) -> list[str]:
        return [
            window.model.data(window.model.index(row, column))
            for row in range(window.model.rowCount())
        ]

    header.setSortIndicator(status_column, Qt.SortOrder.AscendingOrder)
    settle(qtbot, window)
    assert column_values(status_column)[-1] == "dropped"
    header.setSortIndicator(status_column, Qt.SortOrder.DescendingOrder)
    settle(qtbot, window)
    assert column_values(status_column)[0] == "dropped"
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # the star column
    settle(qtbot, window)
    assert window.model.rowCount() == 73
    assert window.model.data(window.model.index(0, 0)) == "★"
    assert header.sortIndicatorSection() == 0  # the indicator stays where it was clicked


def test_clearing_the_sort_indicator_returns_to_the_default_order(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seeded_dir)
    default = window.model.ids()
    header = window.table.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)  # title
    settle(qtbot, window)
    assert window.model.ids() != default
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    settle(qtbot, window)
    assert window.model.ids() == default


def test_the_default_order_is_newest_first(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    with Library.open(seeded_dir) as library:
        newest_first = search.search_ids(library, "", sort="added")
    window = open_window(seeded_dir)
    assert window.model.ids() == newest_first
    header = window.table.horizontalHeader()
    added = next(
        i
        for i in range(window.model.columnCount())
        if window.model.headerData(i, Qt.Orientation.Horizontal) == "Added"
    )
    header.setSortIndicator(added, Qt.SortOrder.AscendingOrder)  # clicked: oldest first
    settle(qtbot, window)
    assert window.model.ids() == newest_first[::-1]


def test_a_write_from_the_gui_thread_fails_and_the_window_writes_on_its_worker(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    from readerapp.core.errors import WrongThread

    window = open_window(seeded_dir)
    first = window.model.id_at(0)
    with pytest.raises(WrongThread, match="not on the library's worker"):
        triage.set_starred(window.library(), [first], True)
    assert not overview.summaries(window.library(), [first])[first].starred  # nothing written
    window.edits.set_starred([first], True)  # the window's way: on the worker
    settle(qtbot, window)
    assert overview.summaries(window.library(), [first])[first].starred
    assert window.last_error is None


def test_the_detail_pane_and_counts_follow_what_the_table_shows(
    open_window: WindowFactory, qtbot: QtBot, library_dir: LibraryLocation
) -> None:
    from readerapp.services import importing

    window = open_window(library_dir)
    assert window.detail.placeholder.text() == "No papers here."
    # The first import: the message does not stay beside 73 papers.
    report = on_worker(window, lambda lib: importing.import_path(lib, SEED))
    window.ops.announce(report.changes)
    settle(qtbot, window)
    assert window.model.rowCount() == 73
    assert window.detail.placeholder.text() == "Select a paper to see its details."
    # A search that finds nothing, then cleared.
    window.search_box.setText("zzzqqqnothing")
    settle(qtbot, window)
    assert window.detail.placeholder.text() == "No papers match this search."
    window.clear_search()
    settle(qtbot, window)
    assert window.detail.placeholder.text() == "Select a paper to see its details."
    # A paper selected, then a queue that does not hold it: nothing stays selected or shown.
    on_worker(window, lambda lib: queues.create_queue(lib, "Empty week"))
    window.refresh_sidebar()
    settle(qtbot, window)
    window.table.selectRow(3)
    assert window.detail.paper is not None and window.selection_label.text() == "1 selected"
    window.sidebar.select(ListRef("queue", "Empty week"))
    settle(qtbot, window)
    assert window.model.rowCount() == 0
    assert window.detail.paper is None and window.selection_label.text() == ""
    assert window.edits.host.need_selection() == []


def test_a_header_click_in_a_queue_changes_no_other_lists_order(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seeded_dir)
    all_order = window.model.ids()
    queued = all_order[:3]
    on_worker(window, lambda lib: queues.add_to_queue(lib, "Week 32", queued))
    window.refresh_sidebar()
    settle(qtbot, window)
    window.sidebar.select(ListRef("queue", "Week 32"))
    settle(qtbot, window)
    header = window.table.horizontalHeader()
    header.setSortIndicator(COLUMN["year"], Qt.SortOrder.DescendingOrder)  # a click on Year
    settle(qtbot, window)
    assert window.model.ids() == queued  # the queue keeps its own order
    window.sidebar.select(ListRef("all"))
    settle(qtbot, window)
    assert window.model.ids() == all_order  # and All papers comes back as it was
    assert header.sortIndicatorSection() == -1  # showing the order it really has


def test_enter_opens_the_best_link_or_says_why_nothing_can_be_opened(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readerapp.gui import edit_actions

    opened: list[str] = []
    monkeypatch.setattr(edit_actions, "open_web_url", lambda url: opened.append(url) or True)
    window = open_window(seeded_dir)
    papers = triage.get_papers(window.library(), window.model.ids())
    linked = next(p for p in papers if p.links.code or p.links.project)
    bare = next(p for p in papers if not p.links.as_dict())
    window.table.setFocus()
    window.table.select_paper(linked.id)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert opened == [linked.links.project or linked.links.code]
    window.table.select_paper(bare.id)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert len(opened) == 1  # nothing opened, and the status bar says why
    assert window.statusBar().currentMessage().startswith(f"“{bare.title}” has nothing to open")
