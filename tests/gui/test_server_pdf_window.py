"""The window on a server library opens a PDF another machine attached: O fetches it from
the server into this machine's cache, a large one with its progress in the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from readerapp.db import file_store
from readerapp.gui.main_window import MainWindow
from readerapp.gui.work_status import WorkStatus
from readerapp.services import paper_files
from readerapp.services.library import Library
from tests import pdf_samples
from tests.conftest import ServerDatabases
from tests.gui.conftest import WindowFactory, settle

pytestmark = pytest.mark.own_backends  # makes its own server database


def test_o_fetches_another_machines_pdf_with_progress(
    open_window: WindowFactory,
    server_databases: ServerDatabases,
    seeded_dir: Path,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from readerapp.services import copying

    location = server_databases.new()
    copying.copy_library(seeded_dir, location)
    big = pdf_samples.paper_pdf(tmp_path / "Large survey.pdf", "we ablate the KV cache")
    with big.open("ab") as out:  # bytes after %%EOF: still a PDF to every reader
        out.write(b"\n%" + b"x" * (6 * file_store.PART_BYTES) + b"\n")
    # "ana", another machine: her own cache folder.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-ana"))
    with Library.open(location) as ana:
        pid = 1
        attached = paper_files.attach(ana, pid, big)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-here"))

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    shown: list[str] = []
    window: MainWindow | None = None
    original = WorkStatus.show_progress

    def seen(status: WorkStatus, done: int, total: int, message: str) -> None:
        original(status, done, total, message)
        if "from the server" in message:
            shown.append(message)
            if window is not None and len(shown) == 1:
                window.statusBar().layout().activate()  # the label's new width, as drawn next
                # What the status bar shows then, for a look (tmp_path: not in the repo).
                window.grab().save(str(tmp_path / "server-pdf-fetch.png"))

    monkeypatch.setattr(WorkStatus, "show_progress", seen)
    window = open_window(location)  # type: ignore[arg-type]
    row = next(r for r in range(window.model.rowCount()) if window.model.id_at(r) == pid)
    window.table.setFocus()
    window.table.selectRow(row)
    settle(qtbot, window)
    cached = location.cache_dir() / attached.file.path
    assert not cached.exists()  # on ana's machine and the server only
    qtbot.keyClick(window.table, Qt.Key.Key_O)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=30000)
    assert opened[0].toLocalFile() == str(cached)
    assert cached.read_bytes() == big.read_bytes()
    assert shown and "Large survey.pdf from the server" in shown[0]
    assert window.work.label.text() == ""  # the work ended with the fetch
