from __future__ import annotations

import importlib.util
import os
import shutil
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

from readerapp.core import paths
from readerapp.core.location import LibraryLocation, ServerLocation
from readerapp.gui import i18n
from readerapp.gui.main_window import MainWindow
from readerapp.services import importing
from readerapp.services.library import Library
from tests.conftest import SEED, on_server, scope_databases
from tests.pg_cluster import cluster

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
    """Opens real main windows on a library (a folder, or with READERAPP_TEST_BACKEND=postgres
    a server database), with settings in a temporary file."""

    def __init__(self, qtbot: QtBot, settings_path: Path) -> None:
        self.qtbot = qtbot
        self.settings_path = settings_path
        self.open_windows: list[MainWindow] = []

    def __call__(self, library_dir: LibraryLocation, *, wait: bool = True) -> MainWindow:
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


class SeededOriginals:
    """The seed imported once per test process into a folder and into a server database,
    each copied for every test that asks: a copy takes milliseconds (a folder) or a fifth of
    a second of the server's time (CREATE DATABASE ... TEMPLATE), the import half a second
    of this process's CPU, and some seventy GUI tests start from the seed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder: Path | None = None
        self.server: ServerLocation | None = None
        self.server_cache: Path | None = None  # its index, built on this process's "machine"

    def copy(self, request: pytest.FixtureRequest, folder: Path) -> LibraryLocation:
        """A new library holding the seed, in the test's backend (as new_location picks)."""
        if not on_server(request):
            if self.folder is None:
                self.folder = self._build(self.root / "seeded-library")
            shutil.copytree(self.folder, folder)
            return folder
        if self.server is None or self.server_cache is None:
            with pytest.MonkeyPatch.context() as env:
                env.setenv("XDG_CACHE_HOME", str(self.root / "cache"))
                # The process's own, never a test's: it lives as long as the cluster.
                made = ServerLocation(cluster().create_library_database())
                self._build(made)
                self.server, self.server_cache = made, made.cache_dir()
        copy = scope_databases(request).copy_of(self.server)
        # This machine's index of the copy: the original's (the same papers, the same journal).
        shutil.copytree(self.server_cache, copy.cache_dir())
        return copy

    @staticmethod
    def _build(location: LibraryLocation) -> LibraryLocation:
        with pytest.MonkeyPatch.context() as env:
            env.delenv(paths.ENGINE_ENV, raising=False)  # the default engine, whatever the test
            with Library.open(location) as library:
                assert importing.import_path(library, SEED).added == 73
        return location


@pytest.fixture(scope="session")
def seeded_originals(tmp_path_factory: pytest.TempPathFactory) -> SeededOriginals:
    return SeededOriginals(tmp_path_factory.mktemp("seeded-originals"))


@pytest.fixture
def seeded_dir(
    tmp_path: Path, request: pytest.FixtureRequest, seeded_originals: SeededOriginals
) -> LibraryLocation:
    """A library holding the seed's 73 papers: a folder, or on the PostgreSQL pass a server
    database (tests/conftest.py's new_location, as for library_dir)."""
    return seeded_originals.copy(request, tmp_path / "seeded-library")
