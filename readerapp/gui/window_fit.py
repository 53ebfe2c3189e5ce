"""Where the main window first opens: on the screen it is on, never larger than that screen.
(A remembered place is restored by Qt, which moves it back onto a screen if it no longer
fits, as when a laptop leaves a big monitor.)"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

# What the window asks for on a large screen: room for the sidebar, a wide table and the
# detail pane side by side.
PREFERRED = QSize(1400, 860)
# The share of a small screen the window takes, leaving the desktop's edges visible.
SHARE = 0.92


def default_geometry(available: QRect) -> QRect:
    """The preferred size, shrunk to fit the screen's available area, centred on it."""
    width = min(PREFERRED.width(), int(available.width() * SHARE))
    height = min(PREFERRED.height(), int(available.height() * SHARE))
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def fits(frame: QRect, available: QRect) -> bool:
    """Whether a window frame lies wholly on the screen's available area."""
    return available.contains(frame)
