"""An edit made in the window while another readerapp holds the search index's writer (its
import's indexing) is saved and listed at once; the window tries the index again until it is
free, then finds the edit's text without another edit."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from readerapp.core.location import LibraryLocation
from readerapp.gui import index_retry
from readerapp.services import notes
from tests.gui.conftest import WindowFactory, settle
from tests.reliability.helpers import Holder

WORD = "zanzibarite"


def test_an_edit_left_for_a_busy_index_is_found_once_it_is_free(
    qtbot: QtBot,
    open_window: WindowFactory,
    seeded_dir: LibraryLocation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(index_retry, "RETRY_MS", 300)
    window = open_window(seeded_dir)
    library = window.library()
    holder = Holder(library.directory, library.engine)
    try:
        window.ops.write(lambda lib: notes.add_note(lib, 5, f"compare with {WORD}"))
        settle(qtbot, window)
        assert library.index_behind  # the note is saved; its text waits for the index
        qtbot.keyClicks(window.search_box, WORD)
        settle(qtbot, window)
        assert window.model.rowCount() == 0
        label = window.engines.pending_label
        qtbot.waitUntil(label.isVisible, timeout=20000)
        assert label.text() == "(indexing 1 paper: text matches may be incomplete)"
        assert label.toolTip().startswith("Another readerapp is writing the search index")
        assert window.index_retry.timer.isActive() or window.runner.busy  # trying again
    finally:
        holder.release()
    # No edit, no typing: the window's next try indexes it, and the search runs again.
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=30000)
    settle(qtbot, window)
    assert window.model.ids() == [5]
    assert not library.index_behind
    assert not label.isVisible()
    assert not window.index_retry.timer.isActive()
