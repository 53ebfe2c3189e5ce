"""Preferences ▸ Search engine, the suggestion to switch, and the note while indexing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QGroupBox, QLabel
from pytestqt.qtbot import QtBot

from readerapp.core.location import LibraryLocation, local_dir
from readerapp.gui.preferences import DISMISSED_KEY, PreferencesDialog
from readerapp.services import importing, search
from readerapp.services import library as library_service
from readerapp.services.library import Library
from tests.conftest import SEED, new_location
from tests.gui.conftest import WindowFactory, settle


def open_preferences(qtbot: QtBot, window) -> PreferencesDialog:  # type: ignore[no-untyped-def]
    window.engines.dialog = None
    window.act_preferences.trigger()  # opens once the worker has counted the papers
    qtbot.waitUntil(lambda: window.engines.dialog is not None, timeout=5000)
    dialog = window.engines.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_preferences_switch_engine_in_the_background(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    assert window.act_preferences in window.menuBar().actions()[1].menu().actions()
    dialog = open_preferences(qtbot, window)
    assert dialog.buttons["whoosh"].isChecked()
    assert "Searching with Whoosh" in dialog.cost.text()
    dialog.buttons["tantivy"].click()
    assert "search index once" in dialog.cost.text()  # "this machine's" on a server
    with qtbot.waitSignal(window.engines.switched, timeout=20000) as switched:
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert switched.args == ["tantivy"]
    settle(qtbot, window)
    assert window.library().engine == "tantivy"
    assert "Searches now use tantivy (73 papers indexed)" in window.statusBar().currentMessage()
    assert not window.progress.isVisible()
    qtbot.keyClicks(window.search_box, "title:kronecker")
    settle(qtbot, window)
    assert window.model.rowCount() == 1
    open_window.close(window)
    with Library.open(seeded_dir) as library:  # the library remembers its engine
        assert library.engine == "tantivy"


def test_cancelled_switch_keeps_the_old_engine(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    gate = threading.Event()
    window.runner.run(gate.wait)  # hold the worker so that Cancel lands before the build
    window.engines.switch("tantivy")
    assert window.cancel_button.isVisible()
    assert window.work_label.text() == "Switching to tantivy…"
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    settle(qtbot, window)
    assert window.library().engine == "whoosh"
    assert "Switch cancelled; searches still use Whoosh" in window.statusBar().currentMessage()
    assert not window.cancel_button.isVisible()
    assert len(search.search_ids(window.library(), "title:kronecker")) == 1


def test_suggestion_to_switch_when_the_library_outgrows_whoosh(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_service, "WHOOSH_COMFORT_LIMIT", 50)
    window = open_window(seeded_dir)
    bar = window.engines.bar
    qtbot.waitUntil(bar.isVisible, timeout=20000)
    assert "This library has 73 papers. Above 50," in bar.text.text()
    assert "readerapp reindex" not in bar.text.text()  # the button is the way here
    with qtbot.waitSignal(window.engines.switched, timeout=20000):
        qtbot.mouseClick(bar.switch_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert window.library().engine == "tantivy"
    settle(qtbot, window)
    window.refresh_sidebar()  # tantivy needs no suggestion, whatever the size
    assert not bar.isVisible()


def test_dismissed_suggestion_stays_dismissed_for_that_library(
    qtbot: QtBot,
    open_window: WindowFactory,
    seeded_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.setattr(library_service, "WHOOSH_COMFORT_LIMIT", 50)
    window = open_window(seeded_dir)
    bar = window.engines.bar
    qtbot.waitUntil(bar.isVisible, timeout=20000)
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert window.library().engine == "whoosh"
    open_window.close(window)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    # Dismissed for this library's folder on this machine (a server library's cache folder).
    assert str(local_dir(seeded_dir).resolve()) in str(settings.value(DISMISSED_KEY))
    again = open_window(seeded_dir)  # same settings file: a later start of the app
    settle(qtbot, again)
    again.refresh_sidebar()
    settle(qtbot, again)
    assert not again.engines.bar.isVisible()
    # another library still gets its suggestion
    other = new_location(request, tmp_path / "other-library", with_library=True)
    with Library.open(other) as library:
        importing.import_path(library, SEED)
    again.open_library(other)
    qtbot.waitUntil(again.engines.bar.isVisible, timeout=20000)


def test_search_says_results_may_be_incomplete_while_indexing(
    qtbot: QtBot, open_window: WindowFactory, library_dir: LibraryLocation
) -> None:
    directory = library_dir
    Library.open(directory).close()
    window = open_window(directory)
    library = window.library()
    # What an import does: papers saved and listed at once, text indexing after.
    window.runner.run(lambda: importing.import_path(library, SEED, index=False))
    settle(qtbot, window)
    qtbot.keyClicks(window.search_box, "kronecker")
    settle(qtbot, window)
    label = window.engines.pending_label
    assert label.isVisible()
    assert label.text() == "(indexing 73 papers: text matches may be incomplete)"
    window.clear_search()  # no text: SQL answers everything, nothing is missing
    settle(qtbot, window)
    assert not label.isVisible()
    window.runner.run(library.sync_index)
    qtbot.keyClicks(window.search_box, "title:kronecker")
    settle(qtbot, window)
    assert not label.isVisible()
    assert window.model.rowCount() == 1


def test_preferences_dialog_explains_both_engines(qtbot: QtBot) -> None:
    dialog = PreferencesDialog("whoosh", 100_000)
    qtbot.addWidget(dialog)
    dialog.buttons["tantivy"].setChecked(True)
    assert "under a minute for this library" in dialog.cost.text()
    dialog.buttons["tantivy"].setChecked(False)
    dialog.buttons["whoosh"].setChecked(True)
    assert dialog.chosen_engine() == "whoosh"
    current = PreferencesDialog("tantivy", 100_000)
    qtbot.addWidget(current)
    current.buttons["whoosh"].setChecked(True)
    assert "about 3 minutes for this library" in current.cost.text()


def test_preferences_says_whose_engine_it_is_on_each_backend(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    """A folder library has one index, its engine the library's; a server library's index is
    each machine's own (index.engine in its cache), so the dialog says this machine's."""
    window = open_window(seeded_dir)
    on_server = window.library().server is not None
    dialog = open_preferences(qtbot, window)
    box = dialog.findChild(QGroupBox, "engineBox")
    intro = dialog.findChild(QLabel, "engineIntro")
    assert box is not None and intro is not None
    assert dialog.per_machine == on_server
    dialog.buttons["tantivy"].setChecked(True)
    if on_server:
        assert box.title() == "Search engine on this machine"
        assert "the engine chosen here is this machine's: other machines keep theirs" in (
            intro.text()
        )
        assert "rebuilds this machine's search index once" in dialog.cost.text()
        assert dialog.cost.text().endswith("Other machines are not affected.")
    else:
        assert box.title() == "Search engine"
        assert "machine" not in intro.text() + dialog.cost.text()
        assert "rebuilds the search index once" in dialog.cost.text()
    assert intro.text().startswith("This library has 73 papers.")
    dialog.reject()


def test_choosing_another_engine_grows_the_dialog_to_show_the_cost(qtbot: QtBot) -> None:
    """ "Searching with Whoosh." becomes three lines about the switch; the dialog grows, so
    that neither they nor the texts below them are cut off."""
    dialog = PreferencesDialog("whoosh", 73, per_machine=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def clipped() -> list[str]:
        return [
            label.objectName() or label.text()[:30]
            for label in dialog.findChildren(QLabel)
            if label.wordWrap()
            and label.isVisible()
            and label.height() < label.heightForWidth(label.width())
        ]

    assert clipped() == []
    before = dialog.height()
    dialog.buttons["tantivy"].setChecked(True)
    qtbot.waitUntil(lambda: dialog.height() > before)
    qtbot.waitUntil(lambda: clipped() == [])
