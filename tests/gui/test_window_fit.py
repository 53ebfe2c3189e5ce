"""The window opens on the screen, whatever its size, and forgets a place that no longer
fits (a laptop undocked from a big monitor)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from readerapp.gui.main_window import MainWindow
from readerapp.gui.window_fit import PREFERRED, default_geometry, fits


@pytest.mark.parametrize(
    ("screen", "size"),
    [
        (QRect(0, 0, 1024, 700), (942, 644)),
        (QRect(0, 0, 1280, 800), (1177, 736)),
        (QRect(0, 0, 1920, 1080), (1400, 860)),
        (QRect(1920, 0, 2560, 1400), (1400, 860)),  # a second screen to the right
    ],
)
def test_the_default_place_fits_and_is_centred(screen: QRect, size: tuple[int, int]) -> None:
    rect = default_geometry(screen)
    assert (rect.width(), rect.height()) == size
    assert fits(rect, screen)
    assert abs(rect.center().x() - screen.center().x()) <= 1
    assert abs(rect.center().y() - screen.center().y()) <= 1


def test_a_frame_off_the_edge_does_not_fit() -> None:
    screen = QRect(0, 0, 1280, 800)
    assert not fits(QRect(0, 0, PREFERRED.width(), PREFERRED.height()), screen)
    assert not fits(QRect(2000, 100, 800, 600), screen)
    assert fits(QRect(100, 100, 800, 600), screen)


def _window(qtbot: QtBot, settings: QSettings) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    return window


def test_a_first_start_opens_inside_the_screen(qtbot: QtBot, tmp_path: Path) -> None:
    available = QGuiApplication.primaryScreen().availableGeometry()
    window = _window(qtbot, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert fits(window.geometry(), available)
    assert window.width() >= min(PREFERRED.width(), int(available.width() * 0.9))


def test_a_place_saved_on_a_bigger_screen_is_forgotten(qtbot: QtBot, tmp_path: Path) -> None:
    available = QGuiApplication.primaryScreen().availableGeometry()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = _window(qtbot, settings)
    # Saved on a bigger monitor: wider than this screen, and beyond its right edge.
    first.setGeometry(available.x() + 200, available.y() + 40, available.width() + 600, 500)
    first.save_window()
    second = _window(qtbot, settings)
    assert fits(second.geometry(), available)


def test_a_place_that_fits_is_restored(qtbot: QtBot, tmp_path: Path) -> None:
    available = QGuiApplication.primaryScreen().availableGeometry()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = _window(qtbot, settings)
    wanted = QRect(available.x() + 10, available.y() + 20, 500, 400)
    first.setGeometry(wanted)
    first.save_window()
    second = _window(qtbot, settings)
    got = second.geometry()
    assert got.size() == wanted.size()
    # Within the frame's margins, which the platform may account for differently.
    assert (got.topLeft() - wanted.topLeft()).manhattanLength() <= 10
