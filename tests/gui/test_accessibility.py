"""Screen readers and the keyboard: every control in the window and its dialogs has a name,
every "Label:" is the buddy of the control it labels, and Tab walks the whole window in the
order README documents (search, table, detail pane, sidebar, back to search) without a trap."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from readerapp.core.location import LibraryLocation
from readerapp.gui.main_window import MainWindow
from tests.gui.conftest import WindowFactory, settle
from tests.gui.test_export_dialog import open_export
from tests.gui.test_import_preview import paste
from tests.gui.test_theme import _open, dialog_openers

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,  # QSpinBox, QDateEdit
    QSlider,
    QTabBar,
)


def _describe(widget: QWidget) -> str:
    parent = widget.parentWidget()
    where = f" in {type(parent).__name__} {parent.objectName()!r}" if parent else ""
    return f"{type(widget).__name__} {widget.objectName()!r}{where}"


def unnamed(root: QWidget) -> list[str]:
    """Every visible control under `root` a screen reader could not name, and every visible
    "Label:" that is not the buddy of a control."""
    named_by_label = {
        label.buddy()
        for label in root.findChildren(QLabel)
        if label.buddy() is not None and label.text().strip()
    }
    bad = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            if widget.text().rstrip().endswith(":") and widget.buddy() is None:
                bad.append(f"label {widget.text()!r} has no buddy ({_describe(widget)})")
            continue
        if not isinstance(widget, INTERACTIVE):
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parentWidget(), (QComboBox, QAbstractSpinBox)
        ):
            continue  # an editable combo or date box's own line edit: the box has the name
        if isinstance(widget, QHeaderView) and isinstance(widget.parentWidget(), QAbstractItemView):
            continue  # a view's header is read out as part of the view's table
        if widget.accessibleName().strip() or widget in named_by_label:
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        bad.append(f"no accessible name: {_describe(widget)}")
    return bad


def test_the_walk_finds_an_unnamed_control_and_a_label_without_buddy(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    QLineEdit(root).setObjectName("nameless")
    QLabel("Status:", root)
    named = QLineEdit(root)
    labelled = QLabel("Tags:", root)
    labelled.setBuddy(named)
    root.show()
    problems = unnamed(root)
    assert len(problems) == 2, problems
    assert "'nameless'" in problems[0] and "'Status:'" in problems[1]


def test_the_window_and_its_dialogs_name_every_control(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    window.table.selectRow(0)
    settle(qtbot, window)
    assert window.detail.paper is not None  # the detail pane shows a paper's controls
    problems = [f"window: {p}" for p in unnamed(window)]
    for label, opener in dialog_openers(window).items():
        dialog = _open(qtbot, window, opener)
        problems += [f"{label}: {p}" for p in unnamed(dialog)]
        dialog.close()
    export = open_export(qtbot, window)
    problems += [f"export: {p}" for p in unnamed(export)]
    export.reject()
    preview = paste(qtbot, window, "https://arxiv.org/abs/2106.09685\nnot a paper\n")
    problems += [f"import preview: {p}" for p in unnamed(preview)]
    preview.reject()
    window.edits.edit_details()  # F2: the detail pane as a form
    problems += [f"edit mode: {p}" for p in unnamed(window.detail)]
    assert not problems, "\n".join(problems)


def _tab_walk(qtbot: QtBot, window: MainWindow, steps: int) -> list[QWidget]:
    """Presses Tab `steps` times from the search box; the widgets that had the focus."""
    window.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(window.search_box.hasFocus, timeout=5000)
    seen: list[QWidget] = []
    for _ in range(steps):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        seen.append(now)
        if now is window.search_box:
            break
    return seen


def test_tab_walks_search_table_detail_pane_sidebar_and_back(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    window.table.selectRow(0)
    settle(qtbot, window)
    detail = window.detail
    seen = _tab_walk(qtbot, window, 60)
    assert seen[-1] is window.search_box, [_describe(w) for w in seen]  # no trap
    assert seen[0] is window.table  # straight from the search to the results
    expected = [
        window.table,
        detail.star,
        detail.status,
        detail.tags,
        detail.add_queue_button,
        detail.edit_button,
        detail.abstract,
        detail.new_note_button,
        detail.note_list,
        detail.editor,
        detail.related,
        window.sidebar,
        window.search_box,
    ]
    positions = [seen.index(w) for w in expected if w in seen]
    missing = [_describe(w) for w in expected if w not in seen]
    assert not missing, f"never reached: {missing}; walked {[_describe(w) for w in seen]}"
    assert positions == sorted(positions), [_describe(w) for w in seen]
    # Each stop is a control a user can act on, inside the window.
    assert all(window.isAncestorOf(w) for w in seen)


def test_shift_tab_walks_back_the_same_way(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    window.table.selectRow(0)
    settle(qtbot, window)
    forward = _tab_walk(qtbot, window, 60)
    window.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
    backward: list[QWidget] = []
    for _ in range(len(forward)):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        now = QApplication.focusWidget()
        assert now is not None
        backward.append(now)
    assert backward[-1] is window.search_box
    assert list(reversed(backward[:-1])) == forward[:-1]


def test_tab_reaches_the_start_page_buttons_of_an_empty_library(
    qtbot: QtBot, open_window: WindowFactory, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    seen = _tab_walk(qtbot, window, 30)
    assert seen[-1] is window.search_box, [_describe(w) for w in seen]
    assert seen[: len(window.start_page.buttons)] == list(window.start_page.buttons)


def mnemonic_problems(menu_bar_or_menu: QWidget, path: str = "") -> list[str]:
    """Every menu item without an Alt-key letter, and every letter two items of one menu
    share (Alt+letter then only cycles between them instead of choosing one)."""
    from PySide6.QtWidgets import QMenu

    problems = []
    letters: dict[str, list[str]] = {}
    for action in menu_bar_or_menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        text = action.text()
        found = re.search(r"&([^&])", text)
        if found is None:
            problems.append(f"{path}{text}: no Alt-key letter")
        else:
            letters.setdefault(found.group(1).lower(), []).append(text)
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            problems += mnemonic_problems(submenu, f"{path}{text} ▸ ")
    for letter, texts in letters.items():
        if len(texts) > 1:
            problems.append(f"{path}: {', '.join(texts)} share Alt+{letter.upper()}")
    return problems


def test_the_walk_finds_a_missing_and_a_shared_menu_letter(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    qtbot.addWidget(menu)
    menu.addAction("&Paste")
    menu.addAction("&Preferences")
    menu.addAction("Quit")
    problems = mnemonic_problems(menu)
    assert any("share Alt+P" in p for p in problems)
    assert any("Quit: no Alt-key letter" in p for p in problems)


def test_every_menu_item_has_its_own_alt_key_letter(
    open_window: WindowFactory, seeded_dir: Path
) -> None:
    """Keyboard users open a menu with Alt+letter and pick an item with its letter."""
    from PySide6.QtWidgets import QMenu

    window = open_window(seeded_dir)
    problems = mnemonic_problems(window.menuBar())
    context = QMenu(window)  # the table's, for a paper in a queue
    window.menu_actions.fill_paper_menu(context, in_queue=True)
    window.routine.fill_paper_menu(context)
    problems += [f"context menu: {p}" for p in mnemonic_problems(context)]
    assert problems == []
