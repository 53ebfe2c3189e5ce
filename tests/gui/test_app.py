"""Starting the app: its icon, and files handed over by the desktop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFileOpenEvent, QIcon, QPixmap
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readerapp.gui.app import (
    ICON,
    ICON_16,
    FileOpenForwarder,
    app_icon,
    import_when_ready,
)
from tests.conftest import SEED
from tests.gui.conftest import WindowFactory


def test_the_icon_is_package_data_and_renders(qapp: QApplication) -> None:
    # Beside the module (readerapp/gui/icons), so wheels and bundles carry it.
    assert ICON.is_file()
    icon = QIcon(str(ICON))
    for size in (16, 256):
        assert not icon.pixmap(size, size).isNull()


def test_the_app_icon_uses_the_hinted_drawing_at_16_px_only(qapp: QApplication) -> None:
    assert ICON_16.is_file()
    hinted = QPixmap(str(ICON_16)).toImage()
    scaled = QIcon(str(ICON)).pixmap(16, 16).toImage()
    assert hinted.size().width() == 16 and hinted != scaled
    icon = app_icon()
    assert icon.pixmap(16, 16).toImage() == hinted
    # every other size is drawn from the full SVG, at that size
    assert icon.pixmap(32, 32).toImage() == QIcon(str(ICON)).pixmap(32, 32).toImage()


def test_files_given_at_launch_are_imported_once_the_library_opens(
        open_window: WindowFactory, qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(tmp_path / "library", wait=False)
    import_when_ready(window, [SEED])
    qtbot.waitUntil(lambda: window.model.rowCount() == 73 and not window.runner.busy,
                    timeout=20000)
    assert window.last_error is None


def test_files_the_finder_opens_are_imported_before_and_after_the_library_opens(
        open_window: WindowFactory, qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    window = open_window(tmp_path / "library", wait=False)
    forwarder = FileOpenForwarder(window)
    qapp.installEventFilter(forwarder)
    try:
        # at launch macOS sends the event before the library is open
        qapp.sendEvent(qapp, QFileOpenEvent(str(SEED)))
        qtbot.waitUntil(lambda: window.model.rowCount() == 73 and not window.runner.busy,
                        timeout=20000)
        second = (Path(__file__).parents[1] / "data" / "corpus" / "bibtex"
                  / "bbt-1081_string_concat_space.bib")
        qapp.sendEvent(qapp, QFileOpenEvent(str(second)))
        qtbot.waitUntil(lambda: window.model.rowCount() > 73 and not window.runner.busy,
                        timeout=20000)
        assert window.last_error is None
    finally:
        qapp.removeEventFilter(forwarder)
