"""The detail pane's edit mode (F2): every field editable, saved as one undo step through the
worker, refused values shown under their field with nothing saved, and all of it by keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from readerapp.core.records import Paper
from readerapp.gui.dialogs import ShortcutsDialog
from readerapp.gui.main_window import MainWindow
from readerapp.gui.paper_editor import FIELD_LABELS, PaperEditor
from readerapp.gui.paper_model import COLUMN
from readerapp.services import editing, triage
from tests.conftest import paper_id_by_title
from tests.gui.conftest import WindowFactory, on_worker, settle

SWINFACE = "SwinFace"
UGR = "Unified Generative Retriever"
NEW_TITLE = "SwinFace: one Swin Transformer for faces"
PDF = "https://arxiv.org/pdf/2308.11509"


def _show(qtbot: QtBot, window: MainWindow, fragment: str) -> Paper:
    paper_id = paper_id_by_title(window.library(), fragment)
    window.show_paper(paper_id)
    settle(qtbot, window)
    qtbot.waitUntil(
        lambda: window.detail.paper is not None and window.detail.paper.id == paper_id,
        timeout=5000,
    )
    window.table.setFocus()
    return triage.get_paper(window.library(), paper_id)


def _press_f2(qtbot: QtBot, window: MainWindow) -> PaperEditor:
    qtbot.keyClick(QApplication.focusWidget() or window.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.detail.is_editing, timeout=5000)
    return window.detail.editor_form


def _retype(qtbot: QtBot, editor: QWidget, text: str) -> None:
    """Replaces an editor's text as a user does: select all, then type."""
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)


def _table_title(window: MainWindow, paper_id: int) -> str:
    row = window.model.row_of(paper_id)
    assert row is not None
    return str(window.model.index(row, COLUMN["title"]).data())


def test_f2_edits_fields_saves_one_step_and_ctrl_z_restores_every_field(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    before = _show(qtbot, window, SWINFACE)
    steps = window.undo_stack.count()
    form = _press_f2(qtbot, window)
    assert window.detail.currentWidget().isAncestorOf(form)
    assert form.text("title") == before.title and form.text("authors") == ""

    _retype(qtbot, form.editors["title"], NEW_TITLE)
    _retype(qtbot, form.editors["authors"], "Lixiong Qin; Mei Wang")
    _retype(qtbot, form.editors["year"], "2023")
    _retype(qtbot, form.editors["pdf_url"], PDF)
    qtbot.keyClick(form.editors["pdf_url"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)

    assert not window.detail.is_editing
    pane = window.detail
    after = triage.get_paper(window.library(), before.id)
    assert (after.title, after.authors, after.year) == (
        NEW_TITLE,
        ("Lixiong Qin", "Mei Wang"),
        2023,
    )
    assert after.links.pdf == PDF
    assert after.edited == ("authors", "pdf_url", "title", "year")
    assert pane.title.text() == NEW_TITLE
    assert pane.authors.text() == "Lixiong Qin, Mei Wang"
    assert "2023" in pane.meta.text()
    assert pane.link_buttons["pdf"].isVisibleTo(pane)
    assert pane.edited_hint.isVisibleTo(pane)
    assert pane.edited_hint.text().startswith("Edited by hand: title, authors, year and PDF link.")
    assert _table_title(window, before.id) == NEW_TITLE
    assert window.undo_stack.count() == steps + 1  # one step for the four fields
    assert window.act_undo.text() == "&Undo Edit title, authors, year and PDF link"
    assert "Saved title, authors, year and PDF link" in window.statusBar().currentMessage()

    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert triage.get_paper(window.library(), before.id) == before  # every field, the marks
    assert pane.title.text() == before.title
    assert pane.authors.text() == "Authors unknown"
    assert not pane.link_buttons["pdf"].isVisibleTo(pane)
    assert not pane.edited_hint.isVisibleTo(pane)
    assert _table_title(window, before.id) == before.title

    window.act_redo.trigger()
    settle(qtbot, window)
    again = triage.get_paper(window.library(), before.id)
    assert (again.title, again.year, again.edited) == (NEW_TITLE, 2023, after.edited)


def test_esc_cancels_without_writing(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    before = _show(qtbot, window, SWINFACE)
    steps = window.undo_stack.count()
    form = _press_f2(qtbot, window)
    _retype(qtbot, form.editors["title"], "Not this title")
    _retype(qtbot, form.editors["venue"], "Nowhere")
    qtbot.keyClick(form.editors["venue"], Qt.Key.Key_Escape)
    settle(qtbot, window)

    assert not window.detail.is_editing
    assert window.detail.title.text() == before.title
    assert triage.get_paper(window.library(), before.id) == before
    assert window.undo_stack.count() == steps
    # The next F2 starts from the paper again, not from what was typed and cancelled.
    form = _press_f2(qtbot, window)
    assert form.text("title") == before.title and form.text("venue") == ""
    form.cancel_button.click()
    assert not window.detail.is_editing


def test_refused_values_are_shown_under_their_fields_and_nothing_is_saved(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    before = _show(qtbot, window, SWINFACE)
    other = paper_id_by_title(window.library(), UGR)
    on_worker(window, lambda lib: editing.edit_paper(lib, other, doi="10.1109/TCSVT.2023.3304724"))
    steps = window.undo_stack.count()
    form = _press_f2(qtbot, window)

    # Checked before anything is sent: every bad field at once, in the service's words.
    _retype(qtbot, form.editors["year"], "MMXXIII")
    _retype(qtbot, form.editors["arxiv_id"], "LoRA")
    _retype(qtbot, form.editors["venue"], "IEEE TCSVT")
    form.save_button.click()
    assert form.errors["year"].isVisibleTo(form)
    assert form.errors["year"].text() == "⚠ 'MMXXIII' is not a year"
    assert form.errors["arxiv_id"].text().startswith("⚠ 'LoRA' is not an arXiv id")
    assert not form.errors["venue"].isVisibleTo(form)
    assert QApplication.focusWidget() is form.editors["year"]  # the first bad field
    assert window.detail.is_editing

    # Refused by the library (another paper has that DOI): under the DOI, nothing written.
    _retype(qtbot, form.editors["year"], "2023")
    _retype(qtbot, form.editors["arxiv_id"], "")
    _retype(qtbot, form.editors["doi"], "https://doi.org/10.1109/TCSVT.2023.3304724")
    qtbot.keyClick(form.editors["doi"], Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.detail.is_editing
    assert not form.errors["year"].isVisibleTo(form)
    assert form.errors["doi"].isVisibleTo(form)
    assert form.errors["doi"].text() == (
        f"⚠ paper {other} already has the DOI 10.1109/tcsvt.2023.3304724"
    )
    assert form.text("year") == "2023" and form.text("venue") == "IEEE TCSVT"  # kept as typed
    assert form.save_button.isEnabled()
    assert triage.get_paper(window.library(), before.id) == before
    assert window.undo_stack.count() == steps
    assert window.last_error is None  # inline, not a message box

    # Corrected, the same edit saves: Ctrl+Enter, from a multi-line box too.
    _retype(qtbot, form.editors["doi"], "")
    abstract = form.editors["abstract"]
    abstract.setFocus()
    qtbot.keyClick(abstract, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert not window.detail.is_editing
    saved = triage.get_paper(window.library(), before.id)
    assert (saved.year, saved.venue, saved.doi) == (2023, "IEEE TCSVT", None)
    assert saved.abstract == before.abstract  # Ctrl+Enter saved, it added no line
    assert saved.edited == ("venue", "year")  # the fields typed back as they were are not
    assert window.undo_stack.count() == steps + 1


def test_the_edit_mode_works_from_the_keyboard_alone(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    before = _show(qtbot, window, SWINFACE)
    form = _press_f2(qtbot, window)
    assert QApplication.focusWidget() is form.editors["title"]

    # Tab walks every editor in the form's order (the multi-line ones too), then the buttons.
    walked = []
    for _ in range(len(FIELD_LABELS) + 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    expected = [*list(form.editors.values())[1:], form.save_button, form.cancel_button]
    assert walked == expected
    assert all(isinstance(w, QLineEdit | QPlainTextEdit) for w in walked[:-2])

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)  # F2 again: back to the title
    assert QApplication.focusWidget() is form.editors["title"]
    qtbot.keyClick(form.editors["title"], Qt.Key.Key_End)
    qtbot.keyClicks(form.editors["title"], " (v2)")
    qtbot.keyClick(form.editors["title"], Qt.Key.Key_Tab)
    qtbot.keyClicks(form.editors["authors"], "Lixiong Qin")
    qtbot.keyClick(form.editors["authors"], Qt.Key.Key_Return)  # a new line: one name a line
    qtbot.keyClicks(form.editors["authors"], "Mei Wang")
    assert window.detail.is_editing  # Enter in the authors box did not save
    qtbot.keyClick(form.editors["authors"], Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "2023")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Enter)  # Enter in a field saves
    settle(qtbot, window)

    assert not window.detail.is_editing
    after = triage.get_paper(window.library(), before.id)
    assert after.title == f"{before.title} (v2)"
    assert (after.authors, after.year) == (("Lixiong Qin", "Mei Wang"), 2023)
    # Focus left the closed editor for the pane, where the keyboard can go on.
    assert QApplication.focusWidget() is window.detail.edit_button
    qtbot.keyClick(window.detail.edit_button, Qt.Key.Key_Space)  # the pane's button
    assert window.detail.is_editing
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not window.detail.is_editing


def test_the_action_is_in_the_paper_menu_and_the_shortcuts_list(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    action = window.menu_actions.edit_details
    paper_menu = window.menuBar().actions()[2].menu()
    assert action in paper_menu.actions()
    assert action.text() == "&Edit details…"
    window.show_shortcuts()
    dialog = window.findChild(ShortcutsDialog)
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    assert rows["Edit details…"] == "F2"
    dialog.close()

    # With no paper shown the action says what to do instead of opening an empty form.
    window.detail.show_message("Select a paper to see its details.")
    action.trigger()
    assert not window.detail.is_editing
    assert "Select one paper" in window.statusBar().currentMessage()
    _show(qtbot, window, SWINFACE)
    action.trigger()
    assert window.detail.is_editing


def test_showing_another_paper_drops_the_edit_and_says_so(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    before = _show(qtbot, window, SWINFACE)
    form = _press_f2(qtbot, window)
    _retype(qtbot, form.editors["venue"], "IEEE TCSVT")
    _show(qtbot, window, UGR)

    assert not window.detail.is_editing
    assert window.detail.title.text().startswith("A Unified Generative Retriever")
    assert f"Unsaved edits of “{before.title}” were discarded" in (
        window.statusBar().currentMessage()
    )
    assert triage.get_paper(window.library(), before.id) == before
