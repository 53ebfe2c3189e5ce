"""Importing from the window: the preview, the background import, cancel, options, undo."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionViewItem, QTableView, QWidget
from pytestqt.qtbot import QtBot

from readerapp.core.location import LibraryLocation
from readerapp.gui.import_flow import ImportFlow
from readerapp.gui.import_preview import ImportPreviewDialog
from readerapp.gui.main_window import MainWindow
from readerapp.services import exporting, importing, overview, queues, search, triage
from readerapp.services.import_session import ImportOutcome
from readerapp.services.library import Library
from tests.conftest import CORPUS, DATA, SEED
from tests.gui.conftest import WindowFactory, on_worker, settle

HUGE = CORPUS / "bibtex" / "bbt-1436-3_unabbreviate_huge_7166.bib"
JABREF = CORPUS / "bibtex" / "bbt-97_jabref210_groups_preamble.bib"  # 901 papers, 10 skipped


def snapshot(library: Library) -> tuple[object, ...]:
    """Everything a user could see of the library: papers with their stars, status, tags,
    notes, queues and sources; the import batches; queue orders; tags; the index backlog."""
    papers, _ = exporting.export_text(library, exporting.Selection(everything=True), "json")
    return (
        papers,
        [(b.id, b.source, b.papers, b.undone_at) for b in overview.list_batches(library)],
        [(q.name, queues.queue_ids(library, q.name)) for q in queues.list_queues(library)],
        triage.list_tags(library),
        library.pending_count(),
    )


def open_preview(qtbot: QtBot, window: MainWindow, start: Any) -> ImportPreviewDialog:
    """Starts an import (paste, files) and waits until every source has its dry run."""
    with qtbot.waitSignal(window.import_flow.preview_opened, timeout=5000) as opened:
        start()
    dialog = opened.args[0]
    assert isinstance(dialog, ImportPreviewDialog)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)  # keys go to it, as for a user
    qtbot.waitUntil(lambda: not dialog.busy and None not in dialog.previews, timeout=120000)
    return dialog


def paste(qtbot: QtBot, window: MainWindow, text: str) -> ImportPreviewDialog:
    QGuiApplication.clipboard().setText(text)
    if not window.isActiveWindow():  # e.g. the last import's summary has the focus
        with qtbot.waitActive(window):
            window.activateWindow()
    # Ctrl+Shift+V is Edit ▸ Paste papers
    return open_preview(
        qtbot,
        window,
        lambda: qtbot.keyClick(
            window,
            Qt.Key.Key_V,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ),
    )


def accept(qtbot: QtBot, window: MainWindow, dialog: ImportPreviewDialog) -> ImportOutcome:
    """Presses Enter in the preview (Import is the default button); waits for the import and
    its indexing to finish."""
    flow: ImportFlow = window.import_flow
    with qtbot.waitSignal(flow.imported, timeout=60000) as done:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    outcome = done.args[0]
    assert isinstance(outcome, ImportOutcome)
    settle(qtbot, window)
    return outcome


def rows(model: QAbstractItemModel) -> list[list[str]]:
    """What a list of the preview shows, row by row."""
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def tabs(dialog: ImportPreviewDialog) -> list[str]:
    return [dialog.tabs.tabText(n) for n in range(dialog.tabs.count())]


class Pause:
    """Where a paused import stopped: `reached` is set when it stopped, `cancelled` tells
    whether a cancel (and not the safety timeout) let it go on."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.cancelled = False


def pause_import(
    monkeypatch: pytest.MonkeyPatch, at: Callable[[str, int, int | None, str], bool]
) -> Pause:
    """Makes the real import (not the dry run) stop, on the worker, at the first progress
    report where `at(source, done, total, message)` holds, until it is cancelled: a cancel
    then lands exactly there."""
    pause = Pause()
    real_import = importing.import_text

    def import_text(library: Library, text: str, source: str, **options: Any) -> Any:
        progress, cancel = options["progress"], options["cancel"]

        def sink(done: int, total: int | None, message: str) -> None:
            progress(done, total, message)
            if (
                not options.get("dry_run")
                and not pause.reached.is_set()
                and at(source, done, total, message)
            ):
                pause.reached.set()
                pause.cancelled = cancel._event.wait(30)  # woken by the cancel

        return real_import(library, text, source, **{**options, "progress": sink})

    monkeypatch.setattr(importing, "import_text", import_text)
    return pause


def test_paste_the_seed_dump_then_paste_it_again(
    open_window: WindowFactory, qtbot: QtBot, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    text = SEED.read_text(encoding="utf-8")
    dialog = paste(qtbot, window, text)
    assert dialog.table.item(0, 0).text() == "Clipboard"
    assert dialog.format_combo.currentData() == "hf-daily-text"
    assert [dialog.table.item(0, c).text() for c in range(2, 6)] == ["73", "0", "0", "0"]
    assert dialog.heading.text().startswith("73 new · 0 already in the library")
    assert window.library().pending_count() == 0 and window.model.rowCount() == 0  # nothing yet

    outcome = accept(qtbot, window, dialog)
    assert [r.added for r in outcome.reports] == [73]
    assert window.model.rowCount() == 73
    assert len(search.search_ids(window.library(), "transformer")) > 0  # indexed too
    summary = window.import_flow.summary
    assert summary is not None and summary.isVisible()
    assert "From the clipboard: 73 new, 0 merged" in summary.text.text()

    # "Show imported papers" selects the batch in the sidebar's Imports section.
    summary.show_button.click()
    settle(qtbot, window)
    ref = window.sidebar.current_ref()
    assert (ref.kind, ref.value) == ("batch", outcome.batch_ids[0])
    assert window.model.rowCount() == 73

    # The user works on some papers; the second paste must show that, and change nothing.
    library = window.library()
    ids = overview.batch_paper_ids(library, outcome.batch_ids[0])
    on_worker(window, lambda lib: triage.set_starred(lib, ids[:1], True))
    on_worker(window, lambda lib: triage.set_status(lib, ids[1:2], "reading"))
    on_worker(window, lambda lib: queues.add_to_queue(lib, "Week 32", ids[:2]))
    before = snapshot(library)

    again = paste(qtbot, window, text)
    assert [again.table.item(0, c).text() for c in range(2, 6)] == ["0", "73", "0", "0"]
    assert "0 new · 73 already in the library" in again.heading.text()
    assert "Nothing new" in again.heading.text()
    assert tabs(again) == ["New papers (0)", "Already in the library (73)", "Skipped (0)"]
    assert again.tabs.currentWidget() is again.known_pane  # the first list with papers
    known = rows(again.known_pane.model)
    assert len(known) == 73
    titles = {p.id: p.title for p in triage.get_papers(library, ids[:2])}
    by_title = {row[0]: row for row in known}
    assert by_title[titles[ids[0]]][1:] == ["★ unread", "Week 32", "nothing new"]
    assert by_title[titles[ids[1]]][1:] == ["reading", "Week 32", "nothing new"]

    outcome = accept(qtbot, window, again)
    assert outcome.reports == [] and not outcome.cancelled
    assert snapshot(library) == before
    assert window.import_flow.summary is not None
    assert "nothing new — all 73 papers" in window.import_flow.summary.text.text()
    assert not window.import_flow.summary.undo_button.isEnabled()


def test_cancel_a_large_import_half_way_leaves_the_library_as_it_was(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(seeded_dir)
    library = window.library()
    some = search.search_ids(library, "chain-of-thought")
    on_worker(window, lambda lib: triage.set_starred(lib, some[:2], True))
    on_worker(window, lambda lib: triage.add_tag(lib, "cot", some))
    on_worker(window, lambda lib: queues.add_to_queue(lib, "Week 32", some[1:]))
    before = snapshot(library)

    # Half way through the real import (not the dry run) the worker stops until the user
    # has pressed Cancel in the status bar: the cancel lands in the middle, deterministically.
    halfway = pause_import(
        monkeypatch,
        lambda _source, done, total, _message: bool(total) and done >= (total or 0) // 2,
    )
    dialog = open_preview(qtbot, window, lambda: window.import_flow.import_paths([HUGE]))
    assert dialog.table.item(0, 2).text() == "7,157"  # 7,166 entries, some the same paper

    flow = window.import_flow
    with qtbot.waitSignal(flow.imported, timeout=60000) as done:
        dialog.import_button.click()
        qtbot.waitUntil(halfway.reached.is_set, timeout=30000)
        # The window is responsive meanwhile and shows the work with its Cancel button.
        qtbot.waitUntil(lambda: window.progress.maximum() > 0, timeout=10000)
        assert window.progress.isVisible() and window.cancel_button.isVisible()
        assert "Matching" in window.work_label.text()
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert done.args[0].cancelled and halfway.cancelled
    settle(qtbot, window)
    assert snapshot(library) == before
    assert window.model.rowCount() == 73
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.last_error is None


def test_cancel_during_the_second_file_undoes_the_first(
    open_window: WindowFactory,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    library_dir: LibraryLocation,
) -> None:
    # Each file is one transaction: the one in progress rolls back, the ones already saved
    # are undone, so the papers, queues and tags are as before.
    window = open_window(library_dir)
    library = window.library()
    before = snapshot(library)
    saving = pause_import(
        monkeypatch,
        lambda source, _done, _total, message: (
            source == str(JABREF) and message.startswith("Saving")
        ),
    )
    dialog = open_preview(qtbot, window, lambda: window.import_flow.import_paths([SEED, JABREF]))
    with qtbot.waitSignal(window.import_flow.imported, timeout=60000) as done:
        dialog.import_button.click()
        qtbot.waitUntil(saving.reached.is_set, timeout=30000)
        assert window.model.rowCount() == 0  # the first file's papers are not shown yet
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert done.args[0].cancelled
    settle(qtbot, window)
    papers, batches, *rest = snapshot(library)
    assert (papers, rest) == (before[0], list(before[2:]))
    assert [b[1:3] for b in batches] == [(str(SEED), 0)]  # recorded as undone, with no papers
    assert batches[0][3] is not None
    assert window.model.rowCount() == 0 and window.last_error is None


def test_queue_and_tag_options_apply_to_every_imported_paper(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seeded_dir)
    library = window.library()
    kronecker = search.search_ids(library, "kronecker")
    on_worker(window, lambda lib: queues.add_to_queue(lib, "Week 32", kronecker))
    first_in_queue = queues.queue_ids(library, "Week 32")
    dialog = open_preview(qtbot, window, lambda: window.import_flow.import_paths([JABREF, SEED]))
    assert dialog.queue_combo.findText("Week 32") >= 0
    # The seed is already there: its papers still get the options, without a new batch.
    assert [dialog.table.item(r, 2).text() for r in (0, 1)] == ["901", "0"]
    # Alt+Q and Alt+T tick the options (a mnemonic clicks with a short animation).
    qtbot.keyClick(dialog, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.queue_check.isChecked, timeout=5000)
    assert dialog.queue_combo.isEnabled() and dialog.queue_combo.hasFocus()
    dialog.queue_combo.setCurrentText("Week 32")
    qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.tag_check.isChecked, timeout=5000)
    qtbot.keyClicks(dialog.tag_combo, "to read")
    with qtbot.waitSignal(window.import_flow.indexed, timeout=60000):
        outcome = accept(qtbot, window, dialog)
    settle(qtbot, window)
    assert [r.added for r in outcome.reports] == [901]
    (batch_id,) = outcome.batch_ids
    in_file_order = overview.batch_paper_ids(library, batch_id)
    seed_ids = set(search.search_ids(library, "source:hf_daily"))
    order = queues.queue_ids(library, "Week 32")
    # Papers already queued keep their place; the new ones follow in file order.
    assert order[: len(first_in_queue)] == first_in_queue
    assert set(order) == set(in_file_order) | seed_ids
    assert [p for p in order if p in set(in_file_order)] == in_file_order
    assert dict(triage.list_tags(library))["to read"] == 901 + 73
    assert len(search.search_ids(library, 'tag:"to read"')) == 901 + 73  # searchable at once


def test_undo_import_from_the_summary_removes_the_papers(
    open_window: WindowFactory, qtbot: QtBot, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    before = snapshot(window.library())
    with qtbot.waitSignal(window.import_flow.indexed, timeout=60000):
        accept(qtbot, window, paste(qtbot, window, SEED.read_text(encoding="utf-8")))
    assert window.model.rowCount() == 73
    summary = window.import_flow.summary
    assert summary is not None
    with qtbot.waitSignal(window.import_flow.undone, timeout=30000) as undone:
        qtbot.mouseClick(summary.undo_button, Qt.MouseButton.LeftButton)
    (report,) = undone.args[0]
    assert report.removed == 73
    settle(qtbot, window)
    assert window.model.rowCount() == 0
    assert overview.counts(window.library()).total == 0
    assert search.search_ids(window.library(), "transformer") == []
    assert "removed 73 papers" in summary.text.text()
    assert not summary.undo_button.isEnabled()
    papers, *_ = snapshot(window.library())
    assert papers == before[0]


def test_ctrl_z_undoes_an_import_like_any_edit(
    open_window: WindowFactory, qtbot: QtBot, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    with qtbot.waitSignal(window.import_flow.indexed, timeout=60000):
        accept(qtbot, window, paste(qtbot, window, SEED.read_text(encoding="utf-8")))
    assert window.act_undo.text().replace("&", "") == "Undo Import from the clipboard"
    summary = window.import_flow.summary
    assert summary is not None
    summary.close()
    window.activateWindow()  # the summary had the focus; the shortcut is the window's
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.table.setFocus()
    with qtbot.waitSignal(window.import_flow.undone, timeout=30000) as undone:
        qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    (report,) = undone.args[0]
    assert report.removed == 73
    settle(qtbot, window)
    assert window.model.rowCount() == 0
    # Undone, the import leaves the stack: Redo does not pretend to import it again.
    assert window.undo_stack.count() == 0 and not window.undo_stack.canRedo()


def test_the_summary_undoes_an_import_that_later_edits_followed(
    open_window: WindowFactory, qtbot: QtBot, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    with qtbot.waitSignal(window.import_flow.indexed, timeout=60000):
        accept(qtbot, window, paste(qtbot, window, SEED.read_text(encoding="utf-8")))
    first = window.model.id_at(0)
    window.edits.set_starred([first], True)  # an edit after the import, on top of the stack
    settle(qtbot, window)
    summary = window.import_flow.summary
    assert summary is not None
    with qtbot.waitSignal(window.import_flow.undone, timeout=30000) as undone:
        qtbot.mouseClick(summary.undo_button, Qt.MouseButton.LeftButton)
    (report,) = undone.args[0]
    assert report.removed == 72 and len(report.kept) == 1  # the starred paper stays
    settle(qtbot, window)
    assert window.model.ids() == [first]
    window.undo_stack.undo()  # the star: undone as usual
    settle(qtbot, window)
    assert not overview.summaries(window.library(), [first])[first].starred
    # The import below it was undone already: Ctrl+Z says so and changes nothing.
    reports: list[object] = []
    window.import_flow.undone.connect(reports.append)
    window.undo_stack.undo()
    settle(qtbot, window)
    assert reports == [] and window.model.ids() == [first]
    assert "already undone" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 1 and window.undo_stack.index() == 0


def test_the_preview_lists_skipped_entries_and_a_changed_format_reruns_it(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seeded_dir)
    dialog = open_preview(qtbot, window, lambda: window.import_flow.import_paths([JABREF]))
    skipped = [dialog.skipped_list.item(n).text() for n in range(dialog.skipped_list.count())]
    assert len(skipped) == 10 and tabs(dialog)[2] == "Skipped (10)"
    assert skipped[0].startswith("line 244: ") and "has no title" in skipped[0]

    # Alt+F, then "R": read it as RIS instead. It is not RIS: the preview says where and
    # why, and Import is off.
    qtbot.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert dialog.format_combo.hasFocus()
    with qtbot.waitSignal(dialog.previews_ready, timeout=30000):
        qtbot.keyClicks(dialog.format_combo, "R")
    assert dialog.format_combo.currentData() == "ris"
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text().startswith(
        f"“{JABREF.name}” cannot be read as RIS (Zotero, Scopus, Web of Science, OpenAlex, "
        "EndNote). Line 1: not RIS: "
    )
    assert dialog.error_label.text().endswith("Choose the format it is in under Format.")
    assert dialog.format_combo.isEnabled()
    assert dialog.table.item(0, 1).text() == "not readable"
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.previews_ready, timeout=30000):
        qtbot.keyClick(dialog.format_combo, Qt.Key.Key_End)  # the last format: BibTeX
    assert dialog.format_combo.currentData() == "bibtex"
    assert dialog.table.item(0, 2).text() == "901" and dialog.import_button.isEnabled()


def test_a_merge_shows_which_fields_it_fills(
    open_window: WindowFactory, qtbot: QtBot, library_dir: LibraryLocation
) -> None:
    # A reading list of bare arXiv ids, then the HF feed that has two of them in full.
    directory = library_dir
    with Library.open(directory) as library:
        assert importing.import_path(library, DATA / "arxiv_ids.txt").added == 8
    window = open_window(directory)
    feed = DATA / "hf_papers_feed.json"
    dialog = open_preview(qtbot, window, lambda: window.import_flow.import_paths([feed]))
    assert [dialog.table.item(0, c).text() for c in range(2, 6)] == ["1", "2", "2", "1"]
    assert tabs(dialog) == ["New papers (1)", "Already in the library (2)", "Skipped (1)"]
    fills = sorted(row[3] for row in rows(dialog.known_pane.model))
    assert fills == [
        "abstract, authors, code url, hf url",
        "abstract, authors, hf url, suggested tags",
    ]
    outcome = accept(qtbot, window, dialog)
    assert [(r.added, r.merged) for r in outcome.reports] == [(1, 2)]
    assert "1 new, 2 merged" in window.import_flow.summary.text.text()  # type: ignore[union-attr]


def test_dropped_files_and_file_import_open_the_preview_too(
    open_window: WindowFactory,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    library_dir: LibraryLocation,
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QFileDialog

    window = open_window(library_dir)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEED)), QUrl.fromLocalFile(str(JABREF))])
    drop = QDropEvent(
        QPointF(300, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog = open_preview(qtbot, window, lambda: window.dropEvent(drop))
    assert [dialog.table.item(r, 0).text() for r in (0, 1)] == [SEED.name, JABREF.name]
    assert dialog.heading.text().startswith("974 new")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # cancel: nothing is written
    qtbot.waitUntil(lambda: window.import_flow.preview is None, timeout=5000)
    settle(qtbot, window)
    assert overview.counts(window.library()).total == 0
    assert overview.list_batches(window.library()) == []

    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_args, **_kw: ([str(SEED)], ""))
    )
    if not window.isActiveWindow():
        with qtbot.waitActive(window):
            window.activateWindow()
    dialog = open_preview(
        qtbot,
        window,
        lambda: qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier),
    )  # File ▸ Import…
    accept(qtbot, window, dialog)
    assert window.model.rowCount() == 73


def test_closing_the_window_during_an_import_rolls_it_back(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(seeded_dir)
    before = snapshot(window.library())
    paused = pause_import(
        monkeypatch,
        lambda _source, done, total, _message: bool(total) and done >= (total or 0) // 2,
    )
    dialog = open_preview(qtbot, window, lambda: window.import_flow.import_paths([HUGE]))
    dialog.import_button.click()
    qtbot.waitUntil(paused.reached.is_set, timeout=30000)
    open_window.close(window)  # cancels the import, waits for the rollback, closes
    assert paused.cancelled
    with Library.open(seeded_dir) as library:
        assert snapshot(library) == before


def test_undo_after_the_queue_and_tag_options_leaves_the_library_as_it_was(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seeded_dir)
    library = window.library()
    already = search.search_ids(library, "kronecker")
    on_worker(window, lambda lib: queues.add_to_queue(lib, "Week 32", already))
    on_worker(window, lambda lib: triage.add_tag(lib, "to read", already))
    before = snapshot(library)
    dialog = open_preview(qtbot, window, lambda: window.import_flow.import_paths([JABREF]))
    dialog.queue_check.setChecked(True)
    dialog.queue_combo.setCurrentText("Week 32")
    dialog.tag_check.setChecked(True)
    dialog.tag_combo.setCurrentText("to read")
    with qtbot.waitSignal(window.import_flow.indexed, timeout=60000):
        accept(qtbot, window, dialog)
    assert len(queues.queue_ids(library, "Week 32")) == len(already) + 901
    summary = window.import_flow.summary
    assert summary is not None
    with qtbot.waitSignal(window.import_flow.undone, timeout=30000) as undone:
        qtbot.mouseClick(summary.undo_button, Qt.MouseButton.LeftButton)
    (report,) = undone.args[0]
    assert report.removed == 901 and report.kept == []
    settle(qtbot, window)
    after = snapshot(library)
    # Papers, queues, tags and index as before (the paper queued and tagged before stays so);
    # the history keeps the import, marked undone.
    assert (after[0], *after[2:]) == (before[0], *before[2:])
    assert after[1][0][2:] == (0, after[1][0][3]) and after[1][0][3] is not None


def test_a_queue_or_tag_name_the_library_would_refuse_keeps_import_off(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seeded_dir)
    dialog = open_preview(qtbot, window, lambda: window.import_flow.import_paths([JABREF]))
    assert dialog.import_button.isEnabled()
    dialog.queue_check.setChecked(True)
    dialog.queue_combo.setCurrentText("x" * 101)
    assert not dialog.import_button.isEnabled()
    dialog.queue_combo.setCurrentText("  Week   32 ")
    assert dialog.import_button.isEnabled() and dialog.plan().queue == "Week 32"
    dialog.tag_check.setChecked(True)
    dialog.tag_combo.setCurrentText("t" * 101)
    assert not dialog.import_button.isEnabled()
    dialog.reject()


def test_closing_the_preview_while_its_dry_run_runs_is_quiet(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seeded_dir)
    with qtbot.waitSignal(window.import_flow.preview_opened, timeout=5000) as opened:
        window.import_flow.import_paths([HUGE])
    dialog = opened.args[0]
    assert dialog.busy
    dialog.reject()  # Esc while the 7,166 entries are still being read
    # Deleted only after the dry run has stopped and reported (pytest-qt fails the test on
    # any exception in the event loop, e.g. a signal from a deleted dialog).
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=60000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60000)
    assert window.last_error is None
    settle(qtbot, window)
    assert window.model.rowCount() == 73


def click_row(qtbot: QtBot, view: QTableView, row: int, modifier: Any = None) -> None:
    """A click on a row's title (not its check box): selects it, as a user would."""
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        modifier or Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )


def click_check_box(qtbot: QtBot, view: QTableView, row: int) -> None:
    """A click on a row's check box, where the style draws it."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    index = view.model().index(row, 0)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    option.index = index
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def test_the_preview_lists_the_new_papers_and_imports_only_the_checked_ones(
    open_window: WindowFactory, qtbot: QtBot, qtmodeltester: Any, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    before = snapshot(window.library())
    dialog = paste(qtbot, window, SEED.read_text(encoding="utf-8"))
    pane, model, view = dialog.new_pane, dialog.new_pane.model, dialog.new_pane.view
    qtmodeltester.check(model)
    assert tabs(dialog) == ["New papers (73)", "Already in the library (0)", "Skipped (0)"]
    assert dialog.tabs.currentWidget() is pane and view.isVisible()
    listed = rows(model)
    assert len(listed) == 73 and listed[0][0].startswith("SwinFace: A Multi-task Transformer")
    # The Daily Papers text names no authors and no years: those columns are not shown.
    assert view.isColumnHidden(1) and view.isColumnHidden(2)
    assert model.checked_count() == 73
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert pane.summary.text().startswith("73 of 73 checked.")
    assert dialog.import_button.text() == "&Import 73 new papers"

    # Check none leaves nothing to import; Check all brings every paper back.
    qtbot.mouseClick(pane.check_none, Qt.MouseButton.LeftButton)
    assert model.checked_count() == 0 and not dialog.import_button.isEnabled()
    assert "Every paper is left out" in dialog.heading.text()
    qtbot.mouseClick(pane.check_all, Qt.MouseButton.LeftButton)
    assert model.checked_count() == 73 and dialog.import_button.isEnabled()

    # A click on a check box; then Space on a selected row; then Space on two more
    # selected with Ctrl (the current one was checked: all three end up unchecked).
    click_check_box(qtbot, view, 2)
    assert not model.is_checked(2) and model.checked_count() == 72
    click_row(qtbot, view, 2)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert model.is_checked(2)  # Space on the row checks it again
    qtbot.keyClick(view, Qt.Key.Key_Space)
    click_row(qtbot, view, 5, Qt.KeyboardModifier.ControlModifier)
    click_row(qtbot, view, 6, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    left_out = [listed[n][0] for n in (2, 5, 6)]
    assert [model.is_checked(n) for n in range(8)] == [1, 1, 0, 1, 1, 0, 0, 1]
    assert pane.summary.text().startswith("70 of 73 checked.")
    assert dialog.import_button.text() == "&Import 70 new papers"
    assert dialog.heading.text().startswith("70 new · 0 already in the library")
    assert "3 left out" in dialog.heading.text()
    assert dialog.table.item(0, 2).text() == "70"

    outcome = accept(qtbot, window, dialog)
    assert [(r.added, r.excluded) for r in outcome.reports] == [(70, 3)]
    assert window.model.rowCount() == 70
    titles = {p.title for p in search.search(window.library(), "")}
    assert len(titles) == 70 and not titles & set(left_out)
    summary = window.import_flow.summary
    assert summary is not None
    assert "From the clipboard: 70 new, 0 merged, 0 already there, 0 skipped, 3 left out." in (
        summary.text.text()
    )
    with qtbot.waitSignal(window.import_flow.undone, timeout=30000) as undone:
        qtbot.mouseClick(summary.undo_button, Qt.MouseButton.LeftButton)
    assert undone.args[0][0].removed == 70
    settle(qtbot, window)
    assert snapshot(window.library())[0] == before[0]


def test_a_paper_left_out_of_the_library_list_is_neither_merged_nor_queued(
    open_window: WindowFactory, qtbot: QtBot, library_dir: LibraryLocation
) -> None:
    directory = library_dir
    with Library.open(directory) as library:
        assert importing.import_path(library, DATA / "arxiv_ids.txt").added == 8
    window = open_window(directory)
    library = window.library()
    feed = DATA / "hf_papers_feed.json"
    dialog = open_preview(qtbot, window, lambda: window.import_flow.import_paths([feed]))
    pane = dialog.known_pane
    dialog.tabs.setCurrentWidget(pane)
    listed = rows(pane.model)
    assert len(listed) == 2
    # The list's titles are the library's (here the bare arXiv ids it was given).
    lora = next(n for n, k in enumerate(pane.model.items) if k.planned.record.title[:4] == "LoRA")
    lora_id = pane.model.items[lora].paper_id
    assert listed[lora][0] == "arXiv:2106.09685"
    tip = pane.model.index(lora, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("arXiv:2106.09685\nIn the file: LoRA: Low-Rank Adaptation")
    click_row(qtbot, pane.view, lora)
    qtbot.keyClick(pane.view, Qt.Key.Key_Space)
    assert pane.summary.text().startswith("1 of 2 checked.")
    assert [dialog.table.item(0, c).text() for c in range(2, 6)] == ["1", "1", "1", "1"]
    dialog.queue_check.setChecked(True)
    dialog.queue_combo.setCurrentText("Later")

    outcome = accept(qtbot, window, dialog)
    assert [(r.added, r.merged, r.excluded) for r in outcome.reports] == [(1, 1, 1)]
    assert triage.get_paper(library, lora_id).abstract == ""  # nothing filled in
    assert lora_id not in queues.queue_ids(library, "Later")
    assert len(queues.queue_ids(library, "Later")) == 2  # the new paper and the other match
    summary = window.import_flow.summary
    assert summary is not None and "1 new, 1 merged" in summary.text.text()


def test_twenty_thousand_new_papers_are_one_view_and_stay_responsive(
    open_window: WindowFactory, qtbot: QtBot, tmp_path: Path, library_dir: LibraryLocation
) -> None:
    dump = tmp_path / "large.json"
    dump.write_text(
        json.dumps(
            [
                {
                    "id": f"p{n}",
                    "type": "article-journal",
                    "title": f"Synthetic paper {n:05d} on topic {n % 97}",
                    "author": [{"family": f"Author{n % 1000}", "given": "A."}],
                    "issued": {"date-parts": [[2000 + n % 25]]},
                }
                for n in range(20000)
            ]
        ),
        encoding="utf-8",
    )
    window = open_window(library_dir)
    dialog = open_preview(qtbot, window, lambda: window.import_flow.import_paths([dump]))
    pane, model, view = dialog.new_pane, dialog.new_pane.model, dialog.new_pane.view
    assert model.rowCount() == 20000 and view.model() is model
    # One view over a model, not a widget per paper; rows are never measured one by one.
    assert len(dialog.findChildren(QWidget)) < 150
    assert view.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert model.index(19999, 0).data() == f"Synthetic paper 19999 on topic {19999 % 97}"
    assert model.index(19999, 1).data() == "A. Author999"
    assert model.index(19999, 2).data() == "2024"
    assert dialog.import_button.text() == "&Import 20,000 new papers"

    qtbot.mouseClick(pane.check_none, Qt.MouseButton.LeftButton)
    assert pane.summary.text().startswith("0 of 20,000 checked.")
    # The last five, picked with a click and a Shift+click, then Space.
    view.scrollToBottom()
    click_row(qtbot, view, 19995)
    click_row(qtbot, view, 19999, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert pane.summary.text().startswith("5 of 20,000 checked.")
    assert dialog.import_button.text() == "&Import 5 new papers"
    outcome = accept(qtbot, window, dialog)
    assert [(r.added, r.excluded) for r in outcome.reports] == [(5, 19995)]
    assert sorted(p.title for p in search.search(window.library(), "")) == [
        f"Synthetic paper {n} on topic {n % 97}" for n in range(19995, 20000)
    ]
