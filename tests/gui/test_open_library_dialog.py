"""File ▸ Open library…: the Folder and Server tabs, the connection test against a real
server, and what the dialog remembers (never a password)."""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from readerapp.gui.open_library_dialog import (
    LAST_SERVER_KEY,
    SERVER_TAB,
    OpenLibraryDialog,
)
from readerapp.services import servers
from readerapp.services.servers import ServerForm
from tests.gui.test_accessibility import unnamed
from tests.pg_cluster import cluster


def _dialog(qtbot: QtBot, tmp_path: Path) -> OpenLibraryDialog:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = OpenLibraryDialog(settings, servers.probe)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill(dialog: OpenLibraryDialog, url: str, sslmode: str = "disable") -> None:
    parts = urlsplit(url)
    dialog.tabs.setCurrentIndex(SERVER_TAB)
    dialog.show_server(
        ServerForm(
            host=parts.hostname or "",
            port=parts.port or 5432,
            database=parts.path.lstrip("/"),
            user=parts.username or "",
            sslmode=sslmode,
        )
    )


def test_the_folder_tab_opens_the_folder_typed(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    assert not dialog.open_button.isEnabled()
    dialog.show_folder(tmp_path / "my library")
    assert dialog.open_button.isEnabled()
    with qtbot.waitSignal(dialog.folder_chosen) as chosen:
        dialog.open_button.click()
    assert chosen.args == [tmp_path / "my library"]


def test_the_server_tab_tests_the_connection_in_the_background(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, tmp_path)
    dialog.tabs.setCurrentIndex(SERVER_TAB)
    assert not dialog.test_button.isEnabled() and not dialog.open_button.isEnabled()
    url = cluster().create_database()
    _fill(dialog, url)
    assert dialog.password_hint.isVisible() and "~/.pgpass" in dialog.password_hint.text()
    dialog.test_button.click()
    assert "Connecting to 127.0.0.1" in dialog.test_result.text()
    qtbot.waitUntil(lambda: "Connected" in dialog.test_result.text(), timeout=20000)
    assert dialog.test_result.text().startswith("Connected to PostgreSQL ")
    assert "as readerapp: the database is empty" in dialog.test_result.text()
    assert not unnamed(dialog)
    with qtbot.waitSignal(dialog.server_chosen) as chosen:
        dialog.open_button.click()
    assert chosen.args == [f"{url}?sslmode=disable"]


def test_a_failed_test_shows_the_server_s_words(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _fill(dialog, f"postgresql://ana@127.0.0.1:{port}/papers")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "Cannot connect" in dialog.test_result.text(), timeout=20000)
    assert "refused" in dialog.test_result.text() or "failed" in dialog.test_result.text()
    assert dialog.test_button.isEnabled()
    dialog.host_edit.setText("elsewhere")  # a new field clears the old answer
    assert dialog.test_result.text() == ""


def test_the_last_server_is_remembered_without_a_password(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    _fill(dialog, "postgresql://ana@db.lab.org:5433/papers", sslmode="verify-full")
    with qtbot.waitSignal(dialog.server_chosen):
        dialog.open_button.click()
    saved = dialog.settings.value(LAST_SERVER_KEY)
    assert saved == "postgresql://ana@db.lab.org:5433/papers?sslmode=verify-full"
    dialog.settings.sync()
    text = (tmp_path / "settings.ini").read_text()
    assert "password" not in text.lower()
    again = _dialog(qtbot, tmp_path)
    assert again.tabs.currentIndex() == SERVER_TAB
    assert again.server_form() == ServerForm("db.lab.org", "papers", "ana", 5433, "verify-full")
