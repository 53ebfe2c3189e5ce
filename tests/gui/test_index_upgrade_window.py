"""Opening a library whose index an older version made: the window shows the rebuild."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from readerapp.core import paths
from readerapp.core.location import LibraryLocation, local_dir
from tests.gui.conftest import WindowFactory
from tests.services.test_index_upgrade import _make_it_older


def test_the_window_shows_the_index_being_updated(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    _make_it_older(paths.index_dir(local_dir(seeded_dir)))
    shown: list[str] = []
    show = window.work.show_progress
    window.work.show_progress = lambda done, total, message: (  # type: ignore[method-assign]
        shown.append(message),
        show(done, total, message),
    )
    with qtbot.waitSignal(window.library_ready, timeout=20000):
        window.open_library(seeded_dir)
    assert shown[0] == "Updating the search index for this version of readerapp (73 papers, once)"
    assert shown[-1] == "Index rebuilt"
    # Done: the status bar has nothing left to say, and the table shows the papers.
    assert window.work.label.text() == ""
    assert not window.work.progress.isVisible()
    qtbot.waitUntil(lambda: window.table.model().rowCount() == 73, timeout=20000)
