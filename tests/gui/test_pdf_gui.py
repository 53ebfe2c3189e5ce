"""PDFs in the window: attach (menu, drop), the PDF column, the snippet in the detail pane,
opening the kept file with O, download with progress, hostile files, and deleting a paper
that has files. Real window, real library, a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from readerapp.core.settings import Settings, save_settings
from readerapp.gui.main_window import MainWindow
from readerapp.gui.paper_model import COLUMN
from readerapp.services import editing, online, paper_files, queues
from readerapp.services.paper_files import Attached
from readerapp.services.pdf_download import DownloadReport
from tests import pdf_samples
from tests.fakes import FakeClock
from tests.gui.conftest import WindowFactory, on_worker, settle

PHRASE = "we ablate the KV cache"


def _attach(qtbot: QtBot, window: MainWindow, pid: int, path: Path) -> object:
    with qtbot.waitSignal(window.pdf.attached, timeout=30000) as signal:
        window.pdf.attach(pid, path)
    settle(qtbot, window)
    return signal.args[0]


def _select(qtbot: QtBot, window: MainWindow, row: int) -> int:
    window.table.setFocus()
    window.table.selectRow(row)
    settle(qtbot, window)
    return window.model.id_at(row)


def test_an_attached_pdf_shows_in_the_column_and_its_phrase_with_a_snippet(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(seeded_dir)
    pid = window.model.id_at(3)
    result = _attach(qtbot, window, pid, pdf_samples.paper_pdf(tmp_path / "p.pdf", PHRASE))
    assert isinstance(result, Attached) and result.text.status == "ok"
    assert window.model.data(window.model.index(3, COLUMN["pdf"])) == "PDF"
    assert window.model.data(window.model.index(4, COLUMN["pdf"])) == ""
    assert "attached to paper" in window.statusBar().currentMessage()
    stored = result.file.location(window.library().directory)  # a server library's: cached
    window.undo_stack.undo()  # Ctrl+Z takes the copy back, redo copies it again
    settle(qtbot, window)
    assert not stored.exists()
    assert window.model.data(window.model.index(3, COLUMN["pdf"])) == ""
    window.undo_stack.redo()
    settle(qtbot, window)
    assert stored.exists()

    window.search_box.setText(f'"{PHRASE}"')
    qtbot.waitUntil(lambda: window.model.ids() == [pid], timeout=20000)
    with qtbot.waitSignal(window.pdf.details_shown, timeout=20000):
        _select(qtbot, window, 0)
    panel = window.detail.pdf_panel
    assert panel.isVisible() and panel.open_button.isVisible()
    assert "3 pages" in panel.file_label.text()
    text = panel.snippet_label.text()
    assert "Found in the PDF:" in text
    assert f">{PHRASE}</b>" in text


def test_a_pdf_dropped_on_a_row_is_attached_to_that_paper(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(seeded_dir)
    pdf = pdf_samples.paper_pdf(tmp_path / "Über «draft» #2.pdf", PHRASE)
    row = 2
    rect = window.table.visualRect(window.model.index(row, COLUMN["title"]))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf))])
    drop = QDropEvent(
        QPointF(rect.center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Delivered to the filter as Qt delivers a real drop (a synthetic drop event is not
    # delivered without a drag in progress; test_import_preview calls dropEvent likewise).
    with qtbot.waitSignal(window.pdf.attached, timeout=30000):
        assert window.pdf.eventFilter(window.table.viewport(), drop)
    settle(qtbot, window)
    pid = window.model.id_at(row)
    files = on_worker(window, lambda lib: paper_files.files_of(lib, pid))
    assert [f.original_name for f in files] == [pdf.name]
    assert window.model.rowCount() == 73  # not taken for an import


def test_o_opens_the_kept_pdf_else_the_link(
    open_window: WindowFactory,
    seeded_dir: Path,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = open_window(seeded_dir)
    pid = window.model.id_at(0)
    _attach(qtbot, window, pid, pdf_samples.paper_pdf(tmp_path / "p.pdf", PHRASE))
    _select(qtbot, window, 0)
    qtbot.keyClick(window.table, Qt.Key.Key_O)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10000)
    assert opened[0].isLocalFile()
    assert opened[0].toLocalFile() == str(window.library().directory / "files" / f"{pid}-p.pdf")
    other = window.model.id_at(1)
    link = "https://example.org/paper.pdf"
    on_worker(window, lambda lib: editing.edit_paper(lib, other, pdf_url=link))
    _select(qtbot, window, 1)
    qtbot.keyClick(window.table, Qt.Key.Key_O)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=10000)
    assert opened[1].toString() == link  # no PDF kept: its link, in the browser


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (pdf_samples.html_pdf, "a web page (HTML), not a PDF"),
        (pdf_samples.encrypted_pdf, "text not read: encrypted"),
        (pdf_samples.scanned_pdf, "no text: 2 pages without a text layer"),
        (pdf_samples.truncated_pdf, "text not read: damaged"),
    ],
)
def test_hostile_pdfs_are_one_line_in_the_status_bar_and_the_window_goes_on(
    open_window: WindowFactory,
    seeded_dir: Path,
    qtbot: QtBot,
    tmp_path: Path,
    make: object,
    said: str,
) -> None:
    window = open_window(seeded_dir)
    pdf = make(tmp_path / "hostile.pdf")  # type: ignore[operator]
    _attach(qtbot, window, window.model.id_at(0), pdf)
    assert said in window.statusBar().currentMessage()
    assert window.last_error is None  # no crash dialog
    window.search_box.setText("has:pdf")  # the window still searches
    settle(qtbot, window)
    assert window.model.rowCount() == (0 if "HTML" in said else 1)


def test_download_pdf_runs_in_the_background_and_keeps_the_file(
    open_window: WindowFactory,
    seeded_dir: Path,
    qtbot: QtBot,
    tmp_path: Path,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(online, "CLOCK", FakeClock())
    body = pdf_samples.paper_pdf(tmp_path / "served.pdf", PHRASE).read_bytes()
    httpserver.expect_request("/a.pdf").respond_with_data(body, content_type="application/pdf")
    httpserver.expect_request("/b.pdf").respond_with_data(b"<html>busy</html>")
    window = open_window(seeded_dir)
    first, second = window.model.id_at(0), window.model.id_at(1)
    for pid, name in ((first, "/a.pdf"), (second, "/b.pdf")):
        url = httpserver.url_for(name)
        on_worker(window, lambda lib, p=pid, u=url: editing.edit_paper(lib, p, pdf_url=u))
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.model.index(1, 0),
        window.table.selectionModel().SelectionFlag.Select
        | window.table.selectionModel().SelectionFlag.Rows,
    )
    with qtbot.waitSignal(window.pdf.downloaded, timeout=30000) as signal:
        window.menu_actions.download_pdf.trigger()
        assert window.cancel_button.isVisible()  # progress with Cancel while it runs
    report = signal.args[0]
    assert isinstance(report, DownloadReport)
    assert [r.outcome for r in report.results] == ["downloaded", "failed"]
    settle(qtbot, window)
    assert "1 downloaded, 1 failed" in window.statusBar().currentMessage()
    assert window.model.data(window.model.index(0, COLUMN["pdf"])) == "PDF"
    assert window.model.data(window.model.index(1, COLUMN["pdf"])) == ""
    assert not window.cancel_button.isVisible()


def test_papers_put_on_a_queue_get_their_pdf_when_the_preference_says_so(
    open_window: WindowFactory,
    seeded_dir: Path,
    qtbot: QtBot,
    tmp_path: Path,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(online, "CLOCK", FakeClock())
    save_settings(Settings(download_queued_pdfs=True))
    body = pdf_samples.paper_pdf(tmp_path / "served.pdf", PHRASE).read_bytes()
    httpserver.expect_request("/q.pdf").respond_with_data(body, content_type="application/pdf")
    window = open_window(seeded_dir)
    pid = window.model.id_at(0)
    url = httpserver.url_for("/q.pdf")
    on_worker(window, lambda lib: editing.edit_paper(lib, pid, pdf_url=url))
    _select(qtbot, window, 0)
    with qtbot.waitSignal(window.pdf.downloaded, timeout=30000):
        qtbot.keyClick(window.table, Qt.Key.Key_N)  # read next: onto the queue
    settle(qtbot, window)
    assert queues.queue_ids(window.library(), queues.DEFAULT_QUEUE) == [pid]
    assert on_worker(window, lambda lib: paper_files.local_pdf(lib, pid)) is not None


def test_deleting_a_paper_with_a_pdf_asks_what_to_do_with_it(
    open_window: WindowFactory, seeded_dir: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(seeded_dir)
    pid = window.model.id_at(0)
    result = _attach(qtbot, window, pid, pdf_samples.paper_pdf(tmp_path / "p.pdf", PHRASE))
    assert isinstance(result, Attached)
    stored = result.file.location(window.library().directory)  # a server library's: cached
    asked: list[str] = []

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
        asked.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if "with the PDFs" in b.text())
        button.click()

    _select(qtbot, window, 0)
    QTimer.singleShot(300, answer)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.model.rowCount() == 72, timeout=20000)
    settle(qtbot, window)
    assert "It has a PDF kept in the library." in asked[0]
    assert not stored.exists()
