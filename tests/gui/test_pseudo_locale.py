"""A pseudo-locale: every text 40% longer, as German and French often are, to catch layouts
that only fit English.

A QTranslator that lengthens whatever it is asked for (Qt's own buttons too), keeping the
placeholders (%1, %n), the & accelerators, HTML tags and entities intact, is installed in
front of the others; then the main window and each of its dialogs (the list the theme and
accessibility tests share) are rendered, and every text that does not fit is reported:

- a label, button, check box or radio button that does not wrap and is narrower than the
  width its text asks for (its sizeHint); one that wraps and is shorter than its text needs;
- a column title narrower than its text (unless the column stretches);
- a widget outside its window (not counting what a scroll area scrolls).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from readerapp.gui.import_preview import ElidedLabel
from readerapp.gui.main_window import MainWindow
from tests.gui.conftest import WindowFactory, settle
from tests.gui.test_import_preview import paste
from tests.gui.test_theme import _open, dialog_openers

GROWTH = 0.4
# What is kept as it is: placeholders, tags, entities, accelerators ("&x", "&&").
KEPT = re.compile(r"%L?\d+|%L?n|<[^>]*>|&[a-zA-Z]+;|&&|&.")
WORD = re.compile(r"[^\s]+")
PAD = "ǅ"  # wide, and unmistakably not English


def lengthen(text: str) -> str:
    """The text 40% longer: each word grows by padding after it, so that a text still wraps
    where it did (a German compound is long, but it is not a whole sentence)."""
    parts = KEPT.split(text)
    kept = KEPT.findall(text)
    grown = []
    for number, part in enumerate(parts):
        grown.append(
            WORD.sub(lambda m: m.group(0) + PAD * math.ceil(len(m.group(0)) * GROWTH), part)
        )
        if number < len(kept):
            grown.append(kept[number])
    return "".join(grown)


def prose(text: str) -> str:
    return "".join(KEPT.split(text))


class PseudoTranslator(QTranslator):
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return lengthen(source) if source else source

    def isEmpty(self) -> bool:
        return False


def test_lengthen_keeps_what_must_stay() -> None:
    assert lengthen("&Save…") == "&Save…" + PAD * 2
    source = "Found %Ln paper(s): %1 new, <b>%2</b> &amp; more"
    text = lengthen(source)
    for kept in ("%Ln", "%1", "%2", "<b>", "</b>", "&amp;"):
        assert kept in text
    assert len(prose(text).replace(" ", "")) >= 1.4 * len(prose(source).replace(" ", ""))


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[None]:
    translator = PseudoTranslator()
    qapp.installTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "No papers here.") == "Noǅ papersǅǅǅ here.ǅǅ"
    yield
    qapp.removeTranslator(translator)


def _scrolled(widget: QWidget) -> bool:
    """Inside a scroll area's viewport: it may be larger than what shows, by design."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent.objectName() in (
            "qt_scrollarea_viewport",
        ):
            return True
        parent = parent.parentWidget()
    return False


def _clipped_headers(header: QHeaderView, name: str) -> list[str]:
    """Column titles narrower than their text (a stretched column takes what is left)."""
    problems = []
    model = header.model()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        if header.sectionResizeMode(section) == QHeaderView.ResizeMode.Stretch:
            continue
        title = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        if not any(c.isalpha() for c in title):
            continue  # a sign (★, #): its column is sized for it, not for a sort arrow
        needed, width = header.sectionSizeHint(section), header.sectionSize(section)
        if needed > width + 1:
            problems.append(f"{name} column {title!r}: {width} px wide, needs {needed}")
    return problems


def clipped(root: QWidget) -> list[str]:
    problems = []
    window_rect = QRect(0, 0, root.width(), root.height())
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        name = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        text = ""
        if isinstance(widget, QLabel | QAbstractButton):
            text = widget.text()
        if text and not isinstance(widget, ElidedLabel):
            shown = f"{name} {text[:40]!r}"
            if isinstance(widget, QLabel) and widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    problems.append(f"{shown}: {widget.height()} px tall, needs {needed}")
            elif isinstance(widget, QLabel | QPushButton | QCheckBox | QRadioButton | QToolButton):
                hint = widget.sizeHint().width()
                if hint > widget.width() + 1:
                    problems.append(f"{shown}: {widget.width()} px wide, needs {hint}")
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            problems += _clipped_headers(widget, name)
        if not _scrolled(widget):
            place = QRect(widget.mapTo(root, widget.rect().topLeft()), widget.size())
            if not window_rect.contains(place):
                problems.append(f"{name}: outside its window ({place} in {window_rect})")
    return problems


def test_every_text_fits_when_it_is_40_percent_longer(
    qtbot: QtBot, pseudo: None, open_window: WindowFactory, seeded_dir: Path, tmp_path: Path
) -> None:
    window: MainWindow = open_window(seeded_dir)
    window.resize(1280, 800)
    window.table.selectRow(0)
    settle(qtbot, window)
    qtbot.wait(50)  # the detail pane lays out its new text
    problems = [f"window: {p}" for p in clipped(window)]
    shots = {"window": window.grab()}
    for label, opener in dialog_openers(window).items():
        dialog = _open(qtbot, window, opener)
        settle(qtbot, window)  # what the dialog reads on the worker has arrived (statistics)
        qtbot.wait(50)
        problems += [f"{label}: {p}" for p in clipped(dialog)]
        shots[label] = dialog.grab()
        dialog.close()
    preview = paste(qtbot, window, "not a paper dump at all\n")
    problems += [f"import preview: {p}" for p in clipped(preview)]
    shots["import preview"] = preview.grab()
    preview.reject()
    window.edits.edit_details()  # F2: the detail pane as a form
    qtbot.wait(50)
    problems += [f"edit mode: {p}" for p in clipped(window)]
    for label, pixmap in shots.items():
        assert pixmap.save(str(tmp_path / f"pseudo-{label}.png"))
    assert not problems, "\n".join(problems)
