"""The window at the sizes people have: 1024x700, 1280x800 and 1920x1080, with a paper whose
title has no spaces. Every widget lies inside the window and no two side by side overlap."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QWidget
from pytestqt.qtbot import QtBot

from readerapp.gui.main_window import MainWindow
from readerapp.services import editing
from readerapp.services.library import Library
from tests.conftest import paper_id_by_title
from tests.gui.conftest import WindowFactory, settle

SPACELESS = "Attention" * 30  # a title with no place to break


def _rect_in_window(window: MainWindow, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _visible_children(parent: QWidget) -> list[QWidget]:
    return [
        w
        for w in parent.findChildren(QWidget)
        if w.parentWidget() is parent and w.isVisibleTo(parent) and w.width() > 0
    ]


def _overlaps(window: MainWindow, root: QWidget) -> list[str]:
    """Siblings (widgets with one parent) whose rectangles cross, at any depth below root.
    Scroll bars and viewports are a scroll area's own business and are left out."""
    found = []
    stack = [root]
    while stack:
        parent = stack.pop()
        every = _visible_children(parent)
        stack.extend(every)
        children = [
            c
            for c in every
            if not c.objectName().startswith("qt_") and type(c).__name__ != "QScrollBar"
        ]
        for i, first in enumerate(children):
            for second in children[i + 1 :]:
                if first.geometry().intersected(second.geometry()).height() > 1 and (
                    first.geometry().intersected(second.geometry()).width() > 1
                ):
                    found.append(
                        f"{type(first).__name__} {first.objectName()!r} overlaps "
                        f"{type(second).__name__} {second.objectName()!r}"
                    )
    return found


def _scroll_viewport(widget: QWidget) -> QWidget | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()  # type: ignore[union-attr]
        ):
            return parent
        parent = parent.parentWidget()
    return None


def _outside(window: MainWindow) -> list[str]:
    """Visible widgets not wholly inside the window. Inside a scroll area, a widget may lie
    above or below what is scrolled into view, but never beside it: nobody should have to
    scroll sideways to reach a button."""
    found = []
    inside = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        rect = _rect_in_window(window, widget)
        viewport = _scroll_viewport(widget)
        if viewport is None:
            ok = inside.contains(rect)
        else:
            room = _rect_in_window(window, viewport)
            ok = room.left() <= rect.left() and rect.right() <= room.right()
        if not ok:
            found.append(f"{type(widget).__name__} {widget.objectName()!r} at {rect}")
    return found


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800), (1920, 1080)])
def test_the_window_holds_every_widget_without_overlaps(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path, size: tuple[int, int]
) -> None:
    with Library.open(seeded_dir) as library:
        target = paper_id_by_title(library, "SwinFace")
        editing.edit_paper(library, target, title=SPACELESS)
    window = open_window(seeded_dir)
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    window.show_paper(target)
    settle(qtbot, window)
    pane = window.detail
    qtbot.waitUntil(lambda: pane.related.count() > 0, timeout=20000)
    qtbot.wait(50)  # the layout settles after the related papers arrive

    assert not _outside(window), "\n".join(_outside(window))
    detail = _rect_in_window(window, pane)
    assert detail.right() <= window.rect().right(), "the detail pane stays on screen"
    assert not _overlaps(window, pane), "\n".join(_overlaps(window, pane))
