"""Online look-ups from the window, against the local server of recorded answers
(tests/scholarly_server.py): Add by identifier, Complete details with its summary and
candidates, Fetch Daily Papers, the automatic completion of new imports, and the rule that
the network never holds up the library worker."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot
from werkzeug import Request, Response

from readerapp.core.location import LibraryLocation
from readerapp.core.settings import Settings, save_settings
from readerapp.gui.add_by_id_dialog import AddByIdDialog
from readerapp.gui.completion_summary import CompletionSummaryDialog
from readerapp.gui.daily_dialog import DailyDialog
from readerapp.gui.dialogs import ShortcutsDialog
from readerapp.gui.main_window import MainWindow
from readerapp.services import online, overview, triage
from readerapp.services.completion import CompletionReport
from readerapp.services.import_session import ImportOutcome
from readerapp.services.library import Library
from tests.conftest import SEED
from tests.fakes import FakeClock
from tests.gui.conftest import WindowFactory, on_worker, settle
from tests.plain_db import plain_db
from tests.scholarly_server import KnownPaper, ScholarlyWeb, _AnyPath
from tests.user_rows import user_rows

# Title-only papers of the seed as the local server knows them (ids and authors made up for
# the test, as in tests/services/test_completion.py), and one it knows only loosely.
KNOWN = {
    "SwinFace": ("2308.11509", ("Lixiong Qin", "Mei Wang"), "2023-08-22"),
    "A Unified Generative Retriever": ("2304.14856", ("Jiangui Chen",), "2023-04-28"),
    "TaskExpert": ("2307.15324", ("Hanrong Ye", "Dan Xu"), "2023-07-28"),
    "Task-Specific Skill Localization": ("2302.06600", ("Abhishek Panigrahi",), "2023-02-13"),
    "Circuit Component Reuse": ("2310.08744", ("Jack Merullo",), "2023-10-12"),
}
LOOSE = "Enhancing Neural Subset Selection"
LOOSE_ARXIV = "2402.03139"


def _title(db: Library | LibraryLocation, fragment: str) -> tuple[int, str]:
    with plain_db(db) as conn:
        row = conn.execute(
            "SELECT id, title FROM papers WHERE title LIKE ?", (f"{fragment}%",)
        ).fetchone()
    assert row is not None, fragment
    return int(row[0]), str(row[1])


def teach(web: ScholarlyWeb, db: Library | LibraryLocation) -> tuple[dict[int, str], int]:
    """The known papers (id -> arXiv id) and the loose one's id."""
    ids = {}
    for fragment, (arxiv_id, authors, date) in KNOWN.items():
        pid, title = _title(db, fragment)
        web.knows(title, KnownPaper(title, arxiv_id, authors, date))
        ids[pid] = arxiv_id
    loose_id, title = _title(db, LOOSE)
    web.knows(
        title, KnownPaper(title + " Efficiently", LOOSE_ARXIV, ("Binghui Xie",), "2024-02-05")
    )
    return ids, loose_id


def serve_through(web: ScholarlyWeb, before: Callable[[Request], None]) -> None:
    """The server calls `before` with each request, then answers as usual (on its thread)."""

    def handle(request: Request) -> Response:
        before(request)
        return web.handle(request)

    server: HTTPServer = web.server
    server.clear_all_handlers()
    server.expect_request(_AnyPath()).respond_with_handler(handle)


def select(window: MainWindow, ids: list[int]) -> None:
    shown = window.model.ids()
    selection = window.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for pid in ids:
        selection.select(window.model.index(shown.index(pid), 0), flags)


def arxiv_id(window: MainWindow, pid: int) -> str | None:
    return on_worker(window, lambda lib: triage.get_paper(lib, pid).arxiv_id)


def run_completion(
    qtbot: QtBot, window: MainWindow, start: Callable[[], object]
) -> CompletionReport | None:
    with qtbot.waitSignal(window.lookups.completion.finished, timeout=60000) as done:
        start()
    settle(qtbot, window)
    report = done.args[0]
    assert report is None or isinstance(report, CompletionReport)
    return report


# -- Add by identifier


def test_add_by_identifier_previews_imports_one_batch_and_undoes(
    qtbot: QtBot,
    open_window: WindowFactory,
    scholarly_web: ScholarlyWeb,
    library_dir: LibraryLocation,
) -> None:
    window = open_window(library_dir)
    with qtbot.waitSignal(window.lookups.add_dialog_opened) as opened:
        qtbot.keyClick(
            window,
            Qt.Key.Key_A,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    dialog = opened.args[0]
    assert isinstance(dialog, AddByIdDialog)
    dialog.text.setPlainText(
        "1707.08567\n10.48550/arXiv.1707.08567  https://arxiv.org/abs/astro-ph/0601001v1,"
        " 2301.99999 see-below"
    )
    assert dialog.recognised.text().startswith("3 identifiers recognised: arXiv:1707.08567")
    assert dialog.not_ids.text() == "Not identifiers, left out: see-below"
    assert not dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.lookup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == 2, timeout=20000)
    rows = [dialog.table.topLevelItem(n) for n in range(2)]
    assert [r.text(4) for r in rows if r] == ["New", "New"]
    assert [r.text(1) for r in rows if r][1].startswith("Andrew Gould, Susan Dorsher")
    assert [r.text(3) for r in rows if r] == ["arXiv:1707.08567", "arXiv:astro-ph/0601001"]
    assert "arXiv:2301.99999" in dialog.not_found.text()
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "&Import 2 papers"
    asked = len(scholarly_web.log)

    with (
        qtbot.waitSignal(window.import_flow.indexed, timeout=30000),
        qtbot.waitSignal(window.import_flow.imported, timeout=30000) as done,
    ):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    outcome = done.args[0]
    assert isinstance(outcome, ImportOutcome) and len(outcome.paper_ids) == 2
    settle(qtbot, window)
    assert len(scholarly_web.log) == asked  # the preview's records were imported: no refetch
    assert window.model.rowCount() == 2
    assert window.import_flow.summary is not None
    assert "2 new" in window.import_flow.summary.text.text()

    with qtbot.waitSignal(window.import_flow.undone, timeout=20000):
        window.act_undo.trigger()  # Ctrl+Z
    settle(qtbot, window)
    assert window.model.rowCount() == 0


# -- Complete details


def test_complete_details_fills_lists_the_candidate_applies_it_and_undo_restores(
    qtbot: QtBot,
    open_window: WindowFactory,
    seeded_dir: LibraryLocation,
    scholarly_web: ScholarlyWeb,
) -> None:
    taught, loose_id = teach(scholarly_web, seeded_dir)
    before = user_rows(seeded_dir)
    window = open_window(seeded_dir)
    flow = window.lookups.completion
    select(window, [*taught, loose_id])
    with qtbot.waitSignal(flow.summary_opened, timeout=60000) as opened:
        report = run_completion(qtbot, window, window.menu_actions.complete.trigger)
    assert report is not None and set(report.filled) == set(taught)
    for pid, known in taught.items():
        assert arxiv_id(window, pid) == known
    assert arxiv_id(window, loose_id) is None  # listed, not applied

    dialog = opened.args[0]
    assert isinstance(dialog, CompletionSummaryDialog)
    assert dialog.filled.topLevelItemCount() == len(taught)
    assert dialog.candidates.topLevelItemCount() == 1  # one paper with candidates
    group = dialog.candidates.topLevelItem(0)
    assert group is not None and group.childCount() == 1
    assert group.text(0) == "Your paper: " + _title(seeded_dir, LOOSE)[1]
    row = group.child(0)
    assert row.text(0).endswith("Efficiently") and row.text(2) == "2024"
    assert row.text(3) == f"arXiv:{LOOSE_ARXIV}" and row.text(4) == "Hugging Face"
    assert "title differs" in row.text(5)
    assert not dialog.apply_button.isEnabled()

    dialog.set_checked(0)
    with qtbot.waitSignal(flow.candidates_applied, timeout=20000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert arxiv_id(window, loose_id) == LOOSE_ARXIV
    assert row.isDisabled() and "Applied 1 candidate" in dialog.summary.text()

    assert window.undo_stack.undoText() == "Apply 1 candidate"
    window.act_undo.trigger()
    settle(qtbot, window)
    assert arxiv_id(window, loose_id) is None
    assert window.undo_stack.undoText() == "Complete details"
    window.act_undo.trigger()
    settle(qtbot, window)
    assert user_rows(seeded_dir) == before
    window.act_redo.trigger()  # redo applies the same records again
    settle(qtbot, window)
    assert all(arxiv_id(window, pid) == known for pid, known in taught.items())


def test_complete_details_without_a_selection_takes_the_list_papers_that_miss_details(
    qtbot: QtBot,
    open_window: WindowFactory,
    seeded_dir: LibraryLocation,
    scholarly_web: ScholarlyWeb,
) -> None:
    taught, _loose = teach(scholarly_web, seeded_dir)
    window = open_window(seeded_dir)
    window.search_box.setText("transformer")  # the list shown: a search's papers
    settle(qtbot, window)
    window.table.clearSelection()
    shown = window.model.ids()
    incomplete = on_worker(
        window, lambda lib: [p.id for p in triage.get_papers(lib, shown) if p.arxiv_id is None]
    )
    report = run_completion(qtbot, window, window.lookups.complete_details)
    assert report is not None
    assert set(report.completion.looked_up) <= set(shown)
    assert set(report.completion.looked_up) == set(incomplete)
    assert set(report.filled) == set(taught) & set(shown)


def test_cancel_half_way_keeps_what_was_found(
    qtbot: QtBot,
    open_window: WindowFactory,
    seeded_dir: LibraryLocation,
    scholarly_web: ScholarlyWeb,
) -> None:
    taught, _loose = teach(scholarly_web, seeded_dir)
    window = open_window(seeded_dir)
    flow = window.lookups.completion
    searches: list[str] = []

    def cancel_after_two(request: Request) -> None:
        if request.path == "/api/papers/search":
            searches.append(request.args.get("q", ""))
            if len(searches) == 2 and flow.cancel is not None:
                flow.cancel.cancel()  # what Cancel in the status bar does, on this thread

    serve_through(scholarly_web, cancel_after_two)
    select(window, list(taught))
    report = run_completion(qtbot, window, flow.complete_details)
    assert report is not None and report.completion.stopped
    assert 1 <= len(report.filled) < len(taught)
    for pid, known in taught.items():
        assert arxiv_id(window, pid) == (known if pid in report.filled else None)
    assert "stopped early" in window.statusBar().currentMessage()


def test_with_the_server_stopped_one_message_and_nothing_changes(
    qtbot: QtBot,
    open_window: WindowFactory,
    seeded_dir: LibraryLocation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(online, "CLOCK", FakeClock())  # the sources point at a dead port
    before = user_rows(seeded_dir)
    window = open_window(seeded_dir)
    pid, _ = _title(seeded_dir, "SwinFace")
    select(window, [pid])
    assert run_completion(qtbot, window, window.lookups.complete_details) is None
    assert window.last_error is not None
    assert window.last_error.startswith("Hugging Face: could not connect")
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and boxes[0].text() == window.last_error
    assert window.lookups.completion.summary is None
    assert user_rows(seeded_dir) == before


def test_the_look_up_does_not_hold_up_the_library_worker(
    qtbot: QtBot,
    open_window: WindowFactory,
    seeded_dir: LibraryLocation,
    scholarly_web: ScholarlyWeb,
) -> None:
    taught, _loose = teach(scholarly_web, seeded_dir)
    window = open_window(seeded_dir)
    entered, release = threading.Event(), threading.Event()

    def hold(request: Request) -> None:
        if request.path == "/api/papers/search":
            entered.set()
            release.wait(30)  # a slow source, mid look-up

    serve_through(scholarly_web, hold)
    select(window, list(taught)[:1])
    finished: list[object] = []
    window.lookups.completion.finished.connect(finished.append)
    window.lookups.complete_details()
    read: list[int] = []
    try:
        qtbot.waitUntil(entered.is_set, timeout=10000)
        # Queued on the worker while the network waits: were the look-up on the worker,
        # this read would wait for it, and the look-up waits for `release`.
        window.ops.call(lambda lib: overview.counts(lib).total, read.append)
        qtbot.waitUntil(lambda: bool(read), timeout=5000)
        assert read == [73] and not finished
    finally:
        release.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=20000)
    settle(qtbot, window)
    assert isinstance(finished[0], CompletionReport) and len(finished[0].filled) == 1


# -- Fetch Daily Papers


def test_fetch_daily_papers_of_a_picked_day_imports_and_undoes(
    qtbot: QtBot,
    open_window: WindowFactory,
    scholarly_web: ScholarlyWeb,
    library_dir: LibraryLocation,
) -> None:
    window = open_window(library_dir)
    with qtbot.waitSignal(window.lookups.daily_dialog_opened) as opened:
        window.menu_actions.fetch_daily.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, DailyDialog)
    today = QDate(2026, 7, 31)  # the fake clock's, in UTC
    assert dialog.date.calendarPopup()
    assert dialog.date.date() == today and dialog.date.maximumDate() == today
    dialog.date.setDate(QDate(2026, 8, 1))  # no future days
    assert dialog.date.date() == today
    dialog.date.setDate(QDate(2026, 7, 30))
    dialog.date.setDate(today)
    with (
        qtbot.waitSignal(window.import_flow.indexed, timeout=30000),
        qtbot.waitSignal(window.import_flow.imported, timeout=30000) as done,
    ):
        qtbot.mouseClick(dialog.fetch_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    outcome = done.args[0]
    assert isinstance(outcome, ImportOutcome) and outcome.reports[0].added == 5
    assert window.model.rowCount() == 5
    assert [line for line in scholarly_web.log if "daily_papers" in line]
    summary = window.import_flow.summary
    assert summary is not None
    assert summary.text.text().startswith("From Hugging Face Daily Papers, 2026-07-31: 5 new")
    with qtbot.waitSignal(window.import_flow.undone, timeout=20000):
        window.act_undo.trigger()
    settle(qtbot, window)
    assert window.model.rowCount() == 0


def test_a_day_without_a_list_says_so(
    qtbot: QtBot,
    open_window: WindowFactory,
    scholarly_web: ScholarlyWeb,
    library_dir: LibraryLocation,
) -> None:
    window = open_window(library_dir)
    with qtbot.waitSignal(window.lookups.daily_dialog_opened) as opened:
        window.lookups.fetch_daily()
    dialog = opened.args[0]
    dialog.date.setDate(QDate(2026, 7, 30))
    dialog.accept()
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=20000)
    assert window.last_error == "Hugging Face has no Daily Papers for 2026-07-30 (yet)"
    assert not window.work.progress.isVisible()


# -- automatic completion of new imports


def _import_seed(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.import_flow.preview_opened, timeout=5000) as opened:
        window.import_flow.import_paths([SEED])
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: not dialog.busy and None not in dialog.previews, timeout=30000)
    dialog.accept()


def test_new_imports_are_completed_in_the_background_when_asked(
    qtbot: QtBot,
    open_window: WindowFactory,
    tmp_path: Path,
    scholarly_web: ScholarlyWeb,
    library_dir: LibraryLocation,
) -> None:
    save_settings(Settings(complete_new_imports=True))
    window = open_window(library_dir)
    flow = window.lookups.completion
    # Teach the server the seed's titles as an import will store them.
    with Library.open(tmp_path / "scratch") as scratch:
        from readerapp.services import importing

        importing.import_path(scratch, SEED)
        taught, _loose = teach(scholarly_web, scratch)
    with qtbot.waitSignal(flow.summary_opened, timeout=120000) as opened:
        report = run_completion(qtbot, window, lambda: _import_seed(qtbot, window))
    assert report is not None and len(report.filled) == len(taught)
    assert len(opened.args[0].chosen()) == 0
    assert opened.args[0].candidates.topLevelItemCount() == 1  # shown: a candidate to pick


def test_automatic_completion_offline_is_one_status_line(
    qtbot: QtBot,
    open_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
    library_dir: LibraryLocation,
) -> None:
    monkeypatch.setattr(online, "CLOCK", FakeClock())  # the sources point at a dead port
    save_settings(Settings(complete_new_imports=True))
    window = open_window(library_dir)
    assert run_completion(qtbot, window, lambda: _import_seed(qtbot, window)) is None
    message = window.statusBar().currentMessage()
    assert message.startswith("Could not complete the new papers: Hugging Face: could not")
    assert window.last_error is None  # no dialog
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]


# -- the keys


def test_the_new_actions_have_keys_listed_in_the_shortcuts_dialog(
    qtbot: QtBot, open_window: WindowFactory, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    dialog = ShortcutsDialog(window.menu_actions.all, window)
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = {
        table.item(r, 0).text(): table.item(r, 1).text()  # type: ignore[union-attr]
        for r in range(table.rowCount())
    }
    assert rows["Add by identifier…"] == "Ctrl+Shift+A"
    assert rows["Complete details"] == "Ctrl+Shift+D"
    assert rows["Fetch Daily Papers…"] == "Ctrl+Shift+F"
