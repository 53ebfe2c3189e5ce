"""The empty library's start page: all of its text readable at common window sizes, and a
sample to try."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from readerapp.core.location import LibraryLocation
from tests.gui.conftest import WindowFactory, settle
from tests.gui.test_import_preview import accept, open_preview


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800), (1920, 1080)])
def test_the_whole_welcome_can_be_read(
    qtbot: QtBot, open_window: WindowFactory, size: tuple[int, int], library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    page = window.start_page
    assert window.search_panel.center.currentWidget() is page
    text = page.text
    # Not clipped: the label is as tall as its text needs at the width it has.
    assert text.height() >= text.heightForWidth(text.width())
    assert "ever overwritten by an import" in text.text()
    bottom = page.sample_button.mapTo(page.widget(), page.sample_button.rect().bottomLeft())
    if size[1] >= 800:  # everything on one screen, no scrolling needed
        assert bottom.y() <= page.viewport().height()
    else:  # or reachable by scrolling
        assert page.widget().height() >= bottom.y()
    for button in page.buttons:
        assert button.isVisible() and button.width() >= button.sizeHint().width()


def test_try_the_sample_papers_previews_then_imports_them(
    qtbot: QtBot, open_window: WindowFactory, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    dialog = open_preview(qtbot, window, window.start_page.sample_button.click)
    outcome = accept(qtbot, window, dialog)
    assert sum(r.added for r in outcome.reports) == 12
    settle(qtbot, window)
    assert window.model.rowCount() == 12
    assert window.search_panel.center.currentWidget() is window.table
