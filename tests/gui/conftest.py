from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TypeVar

# Before any QApplication exists: GUI tests run offscreen, on any machine.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from readerapp.gui import i18n
from readerapp.gui.main_window import MainWindow
from readerapp.services import importing
from readerapp.services.library import Library
from tests.conftest import SEED

ROOT = Path(__file__).resolve().parents[2]


def translation_tools() -> ModuleType:
    """packaging/update_translations.py (by path: `packaging` is also a PyPI package)."""
    path = ROOT / "packaging" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts files compiled, as the build compiles them (a source checkout has
    no .qm files)."""
    folder = tmp_path_factory.mktemp("translations")
    translation_tools().release_all(folder)
    return folder


@pytest.fixture(scope="session", autouse=True)
def english_words(qapp: QApplication, translations: Path) -> None:
    """The window as an English user sees it: with the English plural forms ("1 paper",
    "2 papers" for "%n paper(s)"), as the app installs them at start."""
    i18n.install_translators(qapp, "en", translations)


MODIFIER_KEYS = (
    (Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Shift),
    (Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Control),
    (Qt.KeyboardModifier.AltModifier, Qt.Key.Key_Alt),
    (Qt.KeyboardModifier.MetaModifier, Qt.Key.Key_Meta),
)


def release_modifiers(qtbot: QtBot, window: QWidget) -> None:
    """Lets go of modifier keys an earlier test left held.

    A test's key click with modifiers whose release never arrives (a shortcut that opened a
    dialog, which then closed) leaves Qt's keyboard state holding Shift or Ctrl for the rest
    of the process. The next test's selectRow() then extends or toggles the selection
    instead of selecting: seen as "Select one or more papers first." in whichever GUI test
    file ran after tests/gui/test_pseudo_locale.py in the same pytest-xdist worker.
    """
    for modifier, key in MODIFIER_KEYS:
        if QGuiApplication.keyboardModifiers() & modifier:
            qtbot.keyRelease(window, key)
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


class WindowFactory:
    """Opens real main windows on a library folder, with settings in a temporary file."""

    def __init__(self, qtbot: QtBot, settings_path: Path) -> None:
        self.qtbot = qtbot
        self.settings_path = settings_path
        self.open_windows: list[MainWindow] = []

    def __call__(self, library_dir: Path, *, wait: bool = True) -> MainWindow:
        settings = QSettings(str(self.settings_path), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        self.qtbot.addWidget(window)
        window.resize(1400, 860)
        window.show()
        with self.qtbot.waitActive(window):  # shortcuts only fire in the active window
            window.activateWindow()
        release_modifiers(self.qtbot, window)
        self.open_windows.append(window)
        if wait:
            with self.qtbot.waitSignal(window.library_ready, timeout=20000):
                window.open_library(library_dir)
            settle(self.qtbot, window)
        else:
            window.open_library(library_dir)
        return window

    def close(self, window: MainWindow) -> None:
        window.close()
        self.open_windows.remove(window)


T = TypeVar("T")


def on_worker(window: MainWindow, work: Callable[[Library], T]) -> T:
    """Runs a test's own edit where the window's edits run: on its worker (a write from
    the GUI thread is refused, see Library.bind_writes_to_this_thread)."""
    library = window.library()
    result: T = window.runner.run(lambda: work(library)).result(timeout=60)
    return result


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Waits until the window's background work (edits, searches) has all come back."""
    qtbot.waitUntil(
        lambda: not window.runner.busy and not window.search_timer.isActive(), timeout=20000
    )


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowFactory]:
    factory = WindowFactory(qtbot, tmp_path / "settings.ini")
    yield factory
    for window in list(factory.open_windows):
        factory.close(window)


@pytest.fixture
def seeded_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "seeded-library"
    with Library.open(directory) as library:
        assert importing.import_path(library, SEED).added == 73
    return directory
