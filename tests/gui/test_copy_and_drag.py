"""Ctrl+C and a drag take papers out of the window as text, Markdown, BibTeX and HTML."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from readerapp.core.location import LibraryLocation, ServerLocation
from readerapp.gui.paper_clip import LazyPaperMime, make_clipboard_plain, paper_mime
from readerapp.gui.paper_model import COLUMN, PAPER_IDS_MIME, decode_ids
from readerapp.services import clip
from readerapp.services.library import Library
from tests.gui.conftest import ROOT, WindowFactory, settle


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
    assert isinstance(copied, LazyPaperMime)
    assert decode_ids(copied) == ids
    assert sorted(copied.formats()) == sorted(expected.formats())
    for name in expected.formats():
        assert bytes(copied.data(name).data()) == bytes(expected.data(name).data()), name
    assert copied.text() == expected.text() and copied.html() == expected.html()
    # Before the application quits, the clipboard gets the same texts set whole, in a
    # QMimeData that Qt made (one made in Python crashes the exit: make_clipboard_plain).
    make_clipboard_plain()
    _assert_qt_holds(expected)
    # So does any other QMimeData made in Python, such as paper_mime's own.
    QGuiApplication.clipboard().setMimeData(paper_mime(clip.paper_text(window.library(), ids), ids))
    make_clipboard_plain()
    _assert_qt_holds(expected)


def _assert_qt_holds(expected: QMimeData) -> None:
    whole = QGuiApplication.clipboard().mimeData()
    assert not Shiboken.createdByPython(whole)
    assert sorted(whole.formats()) == sorted(expected.formats())
    for name in expected.formats():
        assert bytes(whole.data(name).data()) == bytes(expected.data(name).data()), name
    assert whole.text() == expected.text() and whole.html() == expected.html()


# The app itself, run as `readerapp --library LIB` runs it: papers are selected, copied with
# Edit > Copy and dragged, and the app quits as File > Quit quits it. Waits are nested event
# loops polled by a timer, so that the window's worker thread runs (its results reach the
# window through the event loop; QTest.qWait would starve it). The report says what the copy
# put on the clipboard and what the clipboard held once the application had quit (after
# aboutToQuit).
QUIT_AFTER_COPY = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QDrag, QGuiApplication
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken
from readerapp.cli.main import main
from readerapp.gui.app import application
from readerapp.gui.main_window import MainWindow
from readerapp.gui.paper_model import PAPER_IDS_MIME

report, library = Path(sys.argv[1]), sys.argv[2]
application()  # the one run() takes: the timer below needs it
clipboard = QGuiApplication.clipboard()
seen = {}

def wait_until(done, what):
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: done() and loop.quit())
    poll.start(20)
    QTimer.singleShot(60_000, lambda: loop.exit(1))
    if loop.exec() != 0:
        sys.exit("timed out waiting for " + what)
    poll.stop()

def copy_then_quit():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    wait_until(
        lambda: window.is_ready and window.model.rowCount() > 3 and not window.runner.busy,
        "the library",
    )
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 1, 3):
        window.table.selectionModel().select(window.model.index(row, 0), flags)
    seen["ids"] = window.selected_ids()
    window.menu_actions.copy.trigger()
    wait_until(
        lambda: (held := clipboard.mimeData()) is not None and held.hasFormat(PAPER_IDS_MIME),
        "the copy",
    )
    seen["copied"] = type(clipboard.mimeData()).__name__
    # A drag of the same papers, and the quit before its QDrag (and data) is deleted.
    window.table.startDrag(Qt.DropAction.CopyAction)
    seen["dragged"] = [d.mimeData().formats() for d in window.table.findChildren(QDrag)]
    window.menu_actions.quit.trigger()

def report_clipboard():
    # Within a function: a module global still naming the clipboard's data at exit would
    # change how it is deleted (and hide the crash this looks for).
    held = clipboard.mimeData()
    seen["python_made"] = Shiboken.createdByPython(held)
    seen["flavours"] = {name: bytes(held.data(name).data()).hex() for name in held.formats()}
    report.write_text(json.dumps(seen), encoding="utf-8")

QTimer.singleShot(0, copy_then_quit)
code = main(["--library", library])
report_clipboard()
sys.exit(code)
"""


def test_the_app_quits_cleanly_after_a_copy_and_a_drag_and_keeps_every_flavour(
    seeded_dir: LibraryLocation, tmp_path: Path
) -> None:
    """Qt deletes what the clipboard holds as the process exits (offscreen, in a static
    store), after Python has shut down: a QMimeData made in Python then ended the app with
    a segmentation fault (exit 139), whatever the window had done before."""
    report = tmp_path / "clipboard.json"
    library = seeded_dir.url if isinstance(seeded_dir, ServerLocation) else str(seeded_dir)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # the app's settings (app.make_settings)
    }
    result = subprocess.run(
        [sys.executable, "-c", QUIT_AFTER_COPY, str(report), library],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Fatal" not in result.stderr
    seen = json.loads(report.read_text(encoding="utf-8"))
    assert seen["copied"] == "LazyPaperMime"  # the copy was the lazy one, as in the app
    [dragged] = seen["dragged"]  # the drag's data was still there as the app quit
    assert "text/x-bibtex" in dragged and PAPER_IDS_MIME in dragged
    assert seen["python_made"] is False
    ids = seen["ids"]
    assert len(ids) == 3
    with Library.open(seeded_dir) as library_open:
        expected = paper_mime(clip.paper_text(library_open, ids), ids)
    kept = {name: bytes.fromhex(content) for name, content in seen["flavours"].items()}
    assert kept == {name: bytes(expected.data(name).data()) for name in expected.formats()}
