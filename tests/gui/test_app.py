"""Starting the app: its icon, and files handed over by the desktop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFileOpenEvent, QIcon, QPixmap
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readerapp.core.location import LibraryLocation
from readerapp.gui.app import (
    ICON,
    ICON_16,
    FileOpenForwarder,
    app_icon,
    import_when_ready,
)
from readerapp.gui.main_window import MainWindow
from tests.conftest import SEED
from tests.gui.conftest import WindowFactory


def accept_preview(qtbot: QtBot, window: MainWindow, count: int) -> None:
    """Files handed over by the desktop are previewed like dropped files; accept it."""
    qtbot.waitUntil(
        lambda: (
            window.import_flow.preview is not None
            and window.import_flow.preview.import_button.isEnabled()
        ),
        timeout=20000,
    )
    dialog = window.import_flow.preview
    assert dialog is not None
    with qtbot.waitSignal(window.import_flow.imported, timeout=20000):
        dialog.import_button.click()
    qtbot.waitUntil(
        lambda: window.model.rowCount() == count and not window.runner.busy, timeout=20000
    )


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
    open_window: WindowFactory, qtbot: QtBot, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir, wait=False)
    import_when_ready(window, [SEED])
    accept_preview(qtbot, window, 73)
    assert window.last_error is None


def test_files_the_finder_opens_are_imported_before_and_after_the_library_opens(
    open_window: WindowFactory, qtbot: QtBot, qapp: QApplication, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir, wait=False)
    forwarder = FileOpenForwarder(window)
    qapp.installEventFilter(forwarder)
    try:
        # at launch macOS sends the event before the library is open
        qapp.sendEvent(qapp, QFileOpenEvent(str(SEED)))
        accept_preview(qtbot, window, 73)
        second = (
            Path(__file__).parents[1]
            / "data"
            / "corpus"
            / "bibtex"
            / "bbt-1081_string_concat_space.bib"
        )
        qapp.sendEvent(qapp, QFileOpenEvent(str(second)))
        accept_preview(qtbot, window, 74)
        assert window.last_error is None
    finally:
        qapp.removeEventFilter(forwarder)


def test_without_a_display_the_app_says_so_in_one_line(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from readerapp.gui.app import no_display

    assert no_display({}, "linux") is not None
    assert no_display({"DISPLAY": ":0"}, "linux") is None
    assert no_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert no_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert no_display({}, "darwin") is None and no_display({}, "win32") is None
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "readerapp", "--library", str(tmp_path / "lib")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if not sys.platform.startswith("linux"):
        return
    assert result.returncode == 2
    assert (
        result.stderr.startswith("readerapp: no display found") and result.stderr.count("\n") == 1
    )
    assert "libxcb" not in result.stderr
