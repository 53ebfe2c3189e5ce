"""The reading routine in the real window: Inbox, Today and Snoozed in the sidebar, E and H
from the keyboard moving on to the next Inbox paper, the paper's history in the detail pane,
the Rules dialog and the statistics view."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from readerapp.core.location import LibraryLocation
from readerapp.gui import routine_actions, rules_dialog
from readerapp.gui.main_window import MainWindow
from readerapp.services import days, importing, queues, routine, search, triage
from readerapp.services.library import Library
from readerapp.services.listing import ListRef
from tests.conftest import SEED, new_location
from tests.gui.conftest import WindowFactory, on_worker, settle
from tests.gui.test_sidebar import section


@pytest.fixture
def inbox_dir(tmp_path: Path, request: pytest.FixtureRequest) -> LibraryLocation:
    directory = new_location(request, tmp_path / "inbox-library", with_library=True)
    with Library.open(directory) as library:
        importing.import_path(library, SEED)
    return directory


def _show(qtbot: QtBot, window: MainWindow, ref: ListRef) -> None:
    window.show_list(ref)
    settle(qtbot, window)


def _keys_to_table(qtbot: QtBot, window: MainWindow) -> None:
    """The table's single-key shortcuts fire only in the active window with the table
    focused: a dialog another test left behind may hold the activation."""
    with qtbot.waitActive(window):
        window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus, timeout=5000)


def test_e_archives_and_the_next_inbox_paper_takes_its_place(
    qtbot: QtBot, open_window: WindowFactory, inbox_dir: Path
) -> None:
    window = open_window(inbox_dir)
    assert ("Inbox", "73") in section(window, "Library")
    _show(qtbot, window, ListRef("inbox"))
    order = window.model.ids()
    assert len(order) == 73
    assert window.routine.archive.shortcut() == QKeySequence("E")
    _keys_to_table(qtbot, window)
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: window.model.rowCount() == 72, timeout=20000)
    settle(qtbot, window)
    assert window.table.selected_ids() == [order[1]]  # the keyboard stays on the Inbox
    qtbot.keyClick(window.table, Qt.Key.Key_S)  # a star is triage too
    qtbot.waitUntil(lambda: window.model.rowCount() == 71, timeout=20000)
    settle(qtbot, window)
    assert window.table.selected_ids() == [order[2]]
    assert ("Inbox", "71") in section(window, "Library")
    window.undo_stack.undo()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: window.model.rowCount() == 73, timeout=20000)


def test_h_snoozes_until_a_day_and_the_paper_shows_only_in_snoozed(
    qtbot: QtBot,
    open_window: WindowFactory,
    inbox_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(inbox_dir)
    _show(qtbot, window, ListRef("all"))
    paper = window.model.ids()[0]
    _keys_to_table(qtbot, window)
    window.table.selectRow(0)
    chosen: list[dt.date] = []

    def choose_next_week(dialog: routine_actions.SnoozeDialog) -> int:
        chosen.append(days.parse_until("next-week", dialog.today))
        dialog._choose(chosen[0])  # what the "Next week" button does
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(routine_actions.SnoozeDialog, "exec", choose_next_week)
    qtbot.keyClick(window.table, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: paper not in window.model.ids(), timeout=20000)
    settle(qtbot, window)
    assert ("Snoozed", "1") in section(window, "Library")
    _show(qtbot, window, ListRef("snoozed"))
    assert window.model.ids() == [paper]
    window.table.selectRow(0)
    settle(qtbot, window)
    assert f"snoozed until {chosen[0]:%a %d %b}" in window.routine.history.text()


def test_the_detail_pane_shows_the_paper_history(
    qtbot: QtBot, open_window: WindowFactory, inbox_dir: Path
) -> None:
    window = open_window(inbox_dir)
    paper = window.model.ids()[0]
    on_worker(window, lambda lib: triage.set_status(lib, [paper], "reading"))
    on_worker(window, lambda lib: triage.set_status(lib, [paper], "read"))
    window.show_paper(paper)
    settle(qtbot, window)
    day = days.today(window.library())
    when = f"{day.day} {day:%b}"
    assert window.routine.history.text() == f"added {when}, started {when}, read {when}"
    window.routine.reread.trigger()
    settle(qtbot, window)
    assert "re-read #1 due" in window.routine.history.text()
    _show(qtbot, window, ListRef("today"))
    assert window.model.ids() == []  # due in a week, not today


def test_rules_dialog_adds_previews_and_runs_a_rule(
    qtbot: QtBot,
    open_window: WindowFactory,
    inbox_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(inbox_dir)

    def fill(editor: rules_dialog.RuleEditor) -> int:
        editor.name.setText("Retrieval")
        editor.query.setText("title:retrieval")
        editor.queue.setText("Retrieval")
        editor._accept()
        return int(editor.result())

    monkeypatch.setattr(rules_dialog.RuleEditor, "exec", fill)
    window.routine.rules.trigger()
    dialog = window.routine.rules_dialog
    assert dialog is not None
    dialog.buttons["add"].click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=20000)
    assert dialog.table.item(0, 2).text() == "queue Retrieval"
    matches = len(search.search_ids(window.library(), "title:retrieval"))
    dialog.buttons["preview"].click()
    qtbot.waitUntil(lambda: "would match" in dialog.outcome.text(), timeout=20000)
    assert f"would match {matches} papers" in dialog.outcome.text()
    assert not any(q.name == "Retrieval" for q in queues.list_queues(window.library()))
    dialog.buttons["run"].click()
    qtbot.waitUntil(lambda: "matched" in dialog.outcome.text(), timeout=20000)
    settle(qtbot, window)
    assert len(queues.queue_ids(window.library(), "Retrieval")) == matches
    window.undo_stack.undo()
    settle(qtbot, window)
    assert queues.queue_ids(window.library(), "Retrieval") == []
    dialog.close()


def test_the_statistics_view_draws_the_figures(
    qtbot: QtBot, open_window: WindowFactory, inbox_dir: Path, tmp_path: Path
) -> None:
    window = open_window(inbox_dir)
    first = window.model.ids()[:3]
    on_worker(window, lambda lib: triage.set_status(lib, first, "read"))
    on_worker(window, lambda lib: triage.add_tag(lib, "peft", first[:2]))
    window.routine.statistics.trigger()
    view = window.routine.stats_view
    assert view is not None
    qtbot.waitUntil(lambda: view.figures is not None, timeout=20000)
    assert view.figures is not None and view.figures.read == 3
    this_week = view.weekly.accessibleDescription().split("; ")[-1]
    assert this_week.endswith("added 73, read 3")
    assert view.by_tag.accessibleDescription() == "peft: 2"
    assert "73 papers; 70 in the backlog" in view.summary.text()
    assert view.grab().save(str(tmp_path / "statistics.png"))
    view.close()


def test_today_lists_what_came_back_first(
    qtbot: QtBot, open_window: WindowFactory, inbox_dir: Path
) -> None:
    window = open_window(inbox_dir)
    library = window.library()
    ids = search.search_ids(library, "")
    on_worker(window, lambda lib: queues.add_to_queue(lib, "Read next", ids[5:7]))
    _show(qtbot, window, ListRef("today"))
    assert window.model.ids() == [ids[5]]
    assert routine.today_entries(library)[0][1] == "queue"


def test_the_import_summary_says_what_each_rule_did(
    qtbot: QtBot, open_window: WindowFactory, inbox_dir: Path
) -> None:
    from readerapp.services import import_session, rules
    from tests.routine_helpers import bibtex

    window = open_window(inbox_dir)
    on_worker(window, lambda lib: rules.save_rule(lib, rules.make_rule("Bees", "bees", tag="b")))
    source = import_session.ImportSource.from_stdin(bibtex("Bees Build Combs", "Ants"), "bibtex")
    plan = import_session.direct_plan([source])
    outcome = on_worker(window, lambda lib: import_session.run_import(lib, plan))
    window.import_flow.finish_import(outcome)
    summary = window.import_flow.summary
    assert summary is not None
    qtbot.waitUntil(lambda: "Rule Bees" in summary.text.text(), timeout=20000)
    assert "Rule Bees matched 1 paper: tagged 1 “b”" in summary.text.text()
    settle(qtbot, window)
    window.undo_stack.undo()  # the import, and the rule's tag with it
    settle(qtbot, window)
    assert search.search_ids(window.library(), "tag:b") == []
    assert search.search_ids(window.library(), 'title:"Bees Build Combs"') == []
    summary.close()


def test_the_re_read_steps_are_a_preference(qtbot: QtBot) -> None:
    from readerapp.core.settings import Settings
    from readerapp.gui.preferences import PreferencesDialog

    dialog = PreferencesDialog("whoosh", 10, settings=Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reread_steps.text() == "1w, 1m, 3m"
    dialog.reread_steps.setText("1w, soon")
    dialog.accept()
    assert dialog.isVisible() and "'soon' is not a duration" in dialog.steps_error.text()
    dialog.reread_steps.setText("3d, 2w")
    dialog.accept()
    assert not dialog.isVisible()
    assert dialog.chosen_settings().reread_steps == "3d, 2w"
