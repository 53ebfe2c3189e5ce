"""Light, dark and system themes: every text readable on its background (WCAG AA, 4.5:1)
in the main window and its dialogs, every colour from the palette, the choice remembered."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from readerapp.gui import theme
from readerapp.gui.main_window import MainWindow
from readerapp.gui.theme import MIN_CONTRAST, contrast_ratio
from tests.gui.conftest import WindowFactory, settle
from tests.gui.test_import_preview import paste

R = QPalette.ColorRole
GUI = Path(__file__).parents[2] / "readerapp" / "gui"
SHOTS = Path(__file__).parents[2] / "docs" / "screenshots"
TEXT_WIDGETS = (
    QLabel,
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QComboBox,
    QTabBar,
    QGroupBox,
)
# Text on its background, for each role pair a widget draws with: theme.py's own list, and
# the pairs only some widgets use (alternate rows, the engine advice bar).
PAIRS = (*theme.TEXT_ON, (R.WindowText, R.AlternateBase), (R.Text, R.AlternateBase))


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """Applies a theme for one test and returns the application to the system's after."""
    yield lambda name: theme.apply_theme(qapp, name)
    theme.apply_theme(qapp, "system")


def low_contrast(root: QWidget) -> list[str]:
    """Every visible, enabled widget that shows text less readable than AA, or that names a
    colour in a style sheet instead of taking it from the palette."""
    bad = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if not isinstance(widget, TEXT_WIDGETS):
            continue
        if isinstance(widget, QLabel) and not widget.text():
            continue
        shown = widget.text()[:30] if isinstance(widget, QLabel) else ""
        name = f"{type(widget).__name__} {widget.objectName() or repr(shown)}"
        palette = widget.palette()
        pairs = [(widget.foregroundRole(), widget.backgroundRole())]
        if isinstance(widget, QAbstractItemView):
            pairs += [(R.Text, R.Base), (R.Text, R.AlternateBase), (R.HighlightedText, R.Highlight)]
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            pairs.append((R.PlaceholderText, R.Base))
        for fg, bg in pairs:
            ratio = contrast_ratio(palette.color(fg), palette.color(bg))
            if ratio < MIN_CONTRAST:
                bad.append(f"{name}: {fg.name} on {bg.name} is {ratio:.2f}:1")
        if re.search(r"(?<![-\w])color\s*:", widget.styleSheet()):
            bad.append(f"{name}: a colour in its style sheet")
    return bad


@pytest.mark.parametrize("name", ["light", "dark", "system"])
def test_every_palette_role_pair_is_readable(themed: Callable[[str], None], name: str) -> None:
    themed(name)
    palette = QApplication.palette()
    for fg, bg in PAIRS:
        ratio = contrast_ratio(palette.color(fg), palette.color(bg))
        assert ratio >= MIN_CONTRAST, f"{name}: {fg.name} on {bg.name} is {ratio:.2f}:1"
    for tone in ("hint", "error"):
        colour = theme.tone_color(palette, tone)
        assert contrast_ratio(colour, palette.color(R.Window)) >= MIN_CONTRAST


def _dialogs(before: set[QWidget]) -> list[QDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and w.isVisible() and w not in before
    ]


def dialog_openers(window: MainWindow) -> dict[str, Callable[[], object]]:
    """The window's dialogs by name, each with what opens it."""
    return {
        "shortcuts": window.show_shortcuts,
        "search syntax": window.show_search_help,
        "preferences": window.engines.show_preferences,
        "add by identifier": window.lookups.add_by_identifier,
        "daily papers": window.lookups.fetch_daily,
        "rules": window.routine.show_rules,
        "statistics": window.routine.show_statistics,
        "open library": window.choose_library,
        "copy library": window.choose_copy,
    }


def _open(qtbot: QtBot, window: MainWindow, start: Callable[[], object]) -> QDialog:
    before = set(QApplication.topLevelWidgets())
    start()
    qtbot.waitUntil(lambda: bool(_dialogs(before)), timeout=10000)
    return _dialogs(before)[0]


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_window_and_its_dialogs_are_readable(
    qtbot: QtBot,
    open_window: WindowFactory,
    seeded_dir: Path,
    themed: Callable[[str], None],
    name: str,
    tmp_path: Path,
) -> None:
    window = open_window(seeded_dir)
    window.set_theme(name)
    window.table.selectRow(0)
    settle(qtbot, window)
    problems = low_contrast(window)
    shots = {"window": window.grab()}
    for label, opener in dialog_openers(window).items():
        dialog = _open(qtbot, window, opener)
        problems += [f"{label}: {p}" for p in low_contrast(dialog)]
        shots[label] = dialog.grab()
        dialog.close()
    preview = paste(qtbot, window, "not a paper dump at all\n")
    problems += [f"import preview: {p}" for p in low_contrast(preview)]
    preview.reject()
    window.edits.edit_details()  # F2: the detail pane as a form
    problems += [f"edit mode: {p}" for p in low_contrast(window.detail)]
    shots["edit mode"] = window.grab()
    assert not problems, "\n".join(problems)
    for label, pixmap in shots.items():
        assert pixmap.save(str(tmp_path / f"{name}-{label}.png"))  # rendered, not only built


def test_the_theme_is_remembered_and_checked_in_the_menu(
    open_window: WindowFactory, seeded_dir: Path, themed: Callable[[str], None]
) -> None:
    window = open_window(seeded_dir)
    assert window.menu_actions.themes["system"].isChecked()
    window.menu_actions.themes["dark"].trigger()
    assert theme.current_theme(QApplication.instance()) == "dark"  # type: ignore[arg-type]
    assert QApplication.palette().color(R.Window).lightness() < 80
    assert window.settings.value(theme.THEME_KEY) == "dark"
    assert theme.saved_theme(window.settings) == "dark"
    window.menu_actions.themes["light"].trigger()
    assert QApplication.palette().color(R.Window).lightness() > 200
    assert window.menu_actions.themes["light"].isChecked()


def test_a_toned_label_follows_a_theme_switch(themed: Callable[[str], None], qtbot: QtBot) -> None:
    label = QLabel("not an identifier: 1234")
    qtbot.addWidget(label)
    theme.set_tone(label, "error")
    themed("light")
    light = label.palette().color(R.WindowText)
    themed("dark")
    dark = label.palette().color(R.WindowText)
    assert light != dark
    assert contrast_ratio(dark, QApplication.palette().color(R.Window)) >= MIN_CONTRAST
    theme.set_tone(label, "")
    assert label.palette().color(R.WindowText) == QApplication.palette().color(R.WindowText)


def test_no_widget_names_a_colour() -> None:
    """Every colour comes from the palette: hex colours and named QColors live in theme.py."""
    offenders = []
    for path in sorted(GUI.glob("*.py")):
        if path.name == "theme.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(
                r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b['\"]|QColor\(\s*['\"]|Qt\.GlobalColor", line
            ):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_the_walk_finds_grey_on_grey_and_a_style_sheet_colour(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    grey = QLabel("faint", root)
    palette = grey.palette()
    palette.setColor(R.WindowText, palette.color(R.Window).darker(115))
    grey.setPalette(palette)
    styled = QLabel("red", root)
    styled.setObjectName("styled")
    styled.setStyleSheet("color: black;")  # readable, but not the palette's
    root.show()
    found = low_contrast(root)
    assert len(found) == 2
    assert "'faint'" in found[0] and "WindowText on Window" in found[0]
    assert "styled: a colour in its style sheet" in found[1]
