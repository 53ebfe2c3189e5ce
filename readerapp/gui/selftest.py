"""The main-window check of `readerapp --self-test` (readerapp/selftest.py runs the others)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QSize, QTimer

from readerapp.core.errors import CheckFailed
from readerapp.gui.app import application
from readerapp.gui.main_window import MainWindow
from readerapp.gui.paper_model import COLUMN

POLL_MS = 50
ICON_SIZES = (16, 256)


def check_window(
    library_dir: Path, settings_path: Path, expected: int, expected_title: str, timeout_s: float
) -> str:
    """Opens the real main window on `library_dir` and waits until its table lists the
    `expected` papers, one of them titled `expected_title`; returns what it saw."""
    app = application()
    icon = app.windowIcon()
    # A null pixmap here means the SVG or Qt's SVG plugins did not make it into the install.
    blank = [size for size in ICON_SIZES if icon.pixmap(QSize(size, size)).isNull()]
    if blank:
        raise CheckFailed(f"the app icon does not render at {blank} px")
    # Settings in the temporary folder: a self-test never touches the user's window state.
    window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat))
    try:
        window.show()
        started = time.monotonic()
        window.open_library(library_dir)
        _wait_until(
            lambda: (
                window.last_error is not None
                or (
                    window.is_ready
                    and not window.runner.busy
                    and window.model.rowCount() == expected
                )
            ),
            timeout_s,
        )
        took = time.monotonic() - started
        if window.last_error is not None:
            raise CheckFailed(f"the window reported: {window.last_error}")
        rows = window.model.rowCount()
        if not window.is_ready or rows != expected:
            raise CheckFailed(
                f"after {timeout_s:.0f} s the table lists {rows} papers, expected {expected}"
            )
        titles = [
            window.model.data(window.model.index(row, COLUMN["title"])) for row in range(rows)
        ]
        if not all(titles) or not any(str(t).startswith(expected_title) for t in titles):
            raise CheckFailed(f"the table's titles are {titles}")
        # Painting the whole window exercises fonts, styles and the table's delegates.
        if window.grab().isNull():
            raise CheckFailed("the window could not be drawn")
        platform = app.platformName()
    finally:
        window.close()
        window.deleteLater()
    return (
        f"{rows} papers listed {took:.1f} s after opening the library, on the Qt "
        f"{platform} platform; icon renders at {', '.join(map(str, ICON_SIZES))} px"
    )


def _wait_until(condition: Callable[[], bool], timeout_s: float) -> None:
    """Runs the event loop until `condition()` holds or the time is up (never sleeps)."""
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s

    def poll() -> None:
        if condition() or time.monotonic() > deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(POLL_MS)
    timer.timeout.connect(poll)
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
