"""The window on a server library: opened from File ▸ Open library… ▸ Server, named without
a password anywhere, and a server that does not answer at start offers Retry or a local
library."""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readerapp.core.location import ServerLocation
from readerapp.gui.open_library_dialog import (
    LAST_FOLDER_KEY,
    SERVER_TAB,
    ServerUnreachableDialog,
)
from readerapp.services import copying
from readerapp.services.servers import ServerForm
from tests.conftest import ServerDatabases
from tests.gui.conftest import WindowFactory, settle
from tests.gui.test_accessibility import unnamed
from tests.pg_cluster import cluster

pytestmark = pytest.mark.sqlite_only  # the local library is a folder on purpose

PASSWORD = "hunter2-secret"


@pytest.fixture
def server_library(server_databases: ServerDatabases, seeded_dir: Path) -> ServerLocation:
    location = server_databases.new()
    copying.copy_library(seeded_dir, location)
    return location


def _with_password(location: ServerLocation) -> ServerLocation:
    """The same database, named with a password (trust authentication ignores it)."""
    parts = urlsplit(location.url)
    return ServerLocation(
        location.url.replace(f"{parts.username}@", f"{parts.username}:{PASSWORD}@")
    )


def test_open_library_server_tab_opens_the_server_library(
    qtbot: QtBot,
    open_window: WindowFactory,
    seeded_dir: Path,
    server_library: ServerLocation,
) -> None:
    window = open_window(seeded_dir)
    window.menu_actions.open.trigger()  # File ▸ Open library… (Ctrl+O)
    dialog = window.chooser.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.folder_edit.text() == str(seeded_dir)
    parts = urlsplit(server_library.url)
    dialog.tabs.setCurrentIndex(SERVER_TAB)
    dialog.show_server(
        ServerForm("127.0.0.1", parts.path.lstrip("/"), "readerapp", parts.port or 5432, "disable")
    )
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "73 papers" in dialog.test_result.text(), timeout=20000)
    dialog.open_button.click()
    qtbot.waitUntil(lambda: window.is_ready or window.last_error is not None, timeout=30000)
    assert window.last_error is None
    settle(qtbot, window)
    assert window.library().server is not None
    assert window.model.rowCount() == 73
    assert window.windowTitle() == f"readerapp — {server_library.url}?sslmode=disable"


def test_a_password_never_reaches_the_title_or_the_settings(
    qtbot: QtBot,
    open_window: WindowFactory,
    seeded_dir: Path,
    server_library: ServerLocation,
    tmp_path: Path,
) -> None:
    window = open_window(_with_password(server_library))  # type: ignore[arg-type]
    assert window.library().server is not None
    assert PASSWORD not in window.windowTitle()
    assert window.windowTitle() == f"readerapp — {server_library.url}"
    window.settings.sync()
    assert PASSWORD not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert PASSWORD not in window.work_label.text() + window.size_label.text()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unreachable_dialog(qtbot: QtBot) -> ServerUnreachableDialog:
    found: list[ServerUnreachableDialog] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ServerUnreachableDialog) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=30000)
    return found[0]


def test_a_server_away_at_start_offers_a_local_library(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    away = ServerLocation(f"postgresql://ana:{PASSWORD}@127.0.0.1:{_closed_port()}/papers")
    window = open_window(seeded_dir)  # a folder opened once: the local library offered
    assert window.settings.value(LAST_FOLDER_KEY) == str(seeded_dir)
    window.open_library(away)
    dialog = _unreachable_dialog(qtbot)
    assert dialog.text() == f"The library's server does not answer: {away.shown}"
    assert "refused" in dialog.informativeText() or "failed" in dialog.informativeText()
    assert PASSWORD not in dialog.text() + dialog.informativeText() + window.windowTitle()
    assert dialog.local_button.toolTip() == str(seeded_dir)
    with qtbot.waitSignal(window.library_ready, timeout=30000):
        dialog.local_button.click()
    assert window.library().location == seeded_dir
    assert window.last_error is None  # no second error box behind the dialog


def test_retry_opens_the_library_once_the_server_is_back(
    qtbot: QtBot,
    open_window: WindowFactory,
    seeded_dir: Path,
    server_library: ServerLocation,
) -> None:
    window = open_window(seeded_dir)
    cluster().stop()
    try:
        window.open_library(server_library)
        dialog = _unreachable_dialog(qtbot)
        assert dialog.text().endswith(server_library.shown)
    finally:
        cluster().start()
    with qtbot.waitSignal(window.library_ready, timeout=30000):
        dialog.retry_button.click()
    settle(qtbot, window)
    assert window.library().server is not None and window.model.rowCount() == 73


def test_an_edit_after_the_server_restarted_is_saved_once(
    qtbot: QtBot, open_window: WindowFactory, server_library: ServerLocation
) -> None:
    window = open_window(server_library)  # type: ignore[arg-type]
    window.edits.set_starred([5], True)
    settle(qtbot, window)
    cluster().restart()  # every connection of the window's library is cut
    window.edits.set_starred([6], True)
    window.edits.note_added(6, "after the restart")
    settle(qtbot, window)
    assert window.last_error is None
    window.search_box.setText("is:starred")
    window.run_search()
    settle(qtbot, window)
    assert set(window.model.ids()) == {5, 6}
    with psycopg.connect(server_library.driver_url) as conn:
        starred = conn.execute("SELECT id FROM papers WHERE starred ORDER BY id").fetchall()
        bodies = conn.execute("SELECT body FROM notes").fetchall()
    assert starred == [(5,), (6,)] and bodies == [("after the restart",)]


def test_copy_library_to_puts_the_open_library_on_a_server(
    qtbot: QtBot,
    open_window: WindowFactory,
    seeded_dir: Path,
    server_databases: ServerDatabases,
) -> None:
    window = open_window(seeded_dir)
    file_menu = window.menuBar().actions()[0].menu()
    entries = [a.text() for a in file_menu.actions()]
    assert entries.index("Cop&y library to…") == entries.index("&Open library…") + 1
    window.act_copy_library.trigger()
    dialog = window.chooser.copy_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Copy library to" and dialog.open_button.text() == "&Copy"
    assert not unnamed(dialog)
    target = server_databases.new()
    parts = urlsplit(target.url)
    dialog.tabs.setCurrentIndex(SERVER_TAB)
    dialog.show_server(
        ServerForm("127.0.0.1", parts.path.lstrip("/"), "readerapp", parts.port or 5432, "disable")
    )
    dialog.open_button.click()
    qtbot.waitUntil(
        lambda: "Copied 73 papers" in window.statusBar().currentMessage(), timeout=30000
    )
    assert window.last_error is None
    with psycopg.connect(target.driver_url) as conn:
        assert conn.execute("SELECT count(*) FROM papers").fetchone() == (73,)
    assert window.library().location == seeded_dir  # the window stays on its library
