"""The reading routine in the window: archive (E), snooze (H), re-read, the Rules dialog, the
statistics view, the paper's history in the detail pane, and keyboard triage of the Inbox.

Everything it does is a service call (services.routine, rules, history, stats) pushed as an
undoable command; this module only offers them. The window creates it once and hands it
the views it works with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readerapp.core.errors import ReaderappError
from readerapp.gui import theme
from readerapp.gui.commands import Edit, ServiceCommand
from readerapp.gui.deferred import deferred
from readerapp.gui.host import Host
from readerapp.gui.i18n import arg
from readerapp.gui.rules_dialog import RulesDialog
from readerapp.gui.stats_view import StatsView
from readerapp.services import days
from readerapp.services.changes import Changes
from readerapp.services.days import local_date
from readerapp.services.library import Library
from readerapp.services.listing import ListRef

if TYPE_CHECKING:
    from readerapp.services import history, routine
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    history = deferred("history")
    routine = deferred("routine")

# Lists where triaging a paper takes it out of the list: the cursor moves on to the next one.
TRIAGE_LISTS = ("inbox", "today")


@dataclass(frozen=True, slots=True)
class HistoryFacts:
    """What the history line says, read on the worker."""

    events: Sequence[history.Event]
    today: dt.date
    snoozed_until: dt.date | None
    reread: routine.Reread | None


def _day_text(day: dt.date, layout: str) -> str:
    """A day in the window's language ("Mon 5 May", "Mo. 5 Mai")."""
    return QLocale().toString(QDate(day.year, day.month, day.day), layout)


class SnoozeDialog(QDialog):
    """Until when: presets (tomorrow, in 3 days, next week, in a month) or a day on the
    calendar. `until` holds the chosen day once accepted."""

    def __init__(self, today: dt.date, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snoozeDialog")
        self.setWindowTitle(self.tr("Snooze"))
        self.today = today
        self.until: dt.date | None = None
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Snooze %n paper(s) until the start of:", "", count))
        layout.addWidget(label)
        presets = QHBoxLayout()
        for text, when in (
            (self.tr("&Tomorrow"), "tomorrow"),
            (self.tr("In &3 days"), "3d"),
            (self.tr("&Next week"), "next-week"),
            (self.tr("In a &month"), "1m"),
        ):
            button = QPushButton(text)
            day = days.parse_until(when, today)
            button.setToolTip(_day_text(day, "dddd dd MMMM yyyy"))
            button.clicked.connect(lambda _c=False, d=day: self._choose(d))
            presets.addWidget(button)
        layout.addLayout(presets)
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName(self.tr("Snooze until"))
        tomorrow = today + dt.timedelta(days=1)
        self.calendar.setMinimumDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.calendar.setSelectedDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.calendar.activated.connect(lambda _d: self._accept_calendar())
        label.setBuddy(self.calendar)
        layout.addWidget(self.calendar)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_calendar)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self, day: dt.date) -> None:
        self.until = day
        self.accept()

    def _accept_calendar(self) -> None:
        chosen = self.calendar.selectedDate()
        self._choose(dt.date(chosen.year(), chosen.month(), chosen.day()))


class RoutineActions(QObject):
    def __init__(
        self,
        host: Host,
        window: QMainWindow,
        table: QTableView,
        history_parent: QWidget,
    ) -> None:
        super().__init__(window)
        self.host, self.window, self.table = host, window, table
        self.all: list[QAction] = []
        a = self._action
        self.archive = a(self.tr("&Archive (out of the Inbox)"), self.archive_selection, "E", True)
        self.snooze = a(self.tr("Snoo&ze…"), self.snooze_selection, "H", True)
        self.unsnooze = a(self.tr("&Un-snooze"), self.unsnooze_selection, "Shift+H", True)
        self.reread = a(self.tr("&Re-read later"), self.reread_selection, "R", True)
        self.reread_done = a(self.tr("Re-read &done"), self.reread_done_selection, "Shift+R", True)
        self.inbox = a(self.tr("Go to &Inbox"), lambda: self.go(ListRef("inbox")), "Ctrl+Shift+I")
        self.today = a(self.tr("Go to &Today"), lambda: self.go(ListRef("today")), "Ctrl+Shift+Y")
        self.rules = a(self.tr("Ru&les…"), self.show_rules, "Ctrl+Alt+R")
        self.statistics = a(self.tr("Statisti&cs…"), self.show_statistics, "Ctrl+Alt+S")
        self.rules_dialog: RulesDialog | None = None
        self.stats_view: StatsView | None = None
        # The detail pane's history line: "added 3 May, started 5 May, read 9 May".
        self.history = QLabel(history_parent)
        self.history.setObjectName("paperHistory")
        self.history.setWordWrap(True)
        self.history.setAccessibleName(self.tr("Reading history"))
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.set_tone(self.history, "hint")
        self._triaged_row: int | None = None
        self._history_for: int | None = None  # the paper whose history the line shows
        host.ops.changed.connect(self._remember_row)

    def _action(self, text: str, slot: object, shortcut: str, table_only: bool = False) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        if table_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)
        else:
            self.window.addAction(action)
        self.all.append(action)
        return action

    def menu(self) -> QMenu:
        """The Routine menu."""
        menu = QMenu(self.tr("&Routine"), self.window)
        items = (self.inbox, self.today, None, self.archive, self.snooze, self.unsnooze,
                 self.reread, self.reread_done, None, self.rules, self.statistics)  # fmt: skip
        for action in items:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def fill_paper_menu(self, menu: QMenu) -> None:
        """The routine's part of the table's context menu."""
        menu.addSeparator()
        for action in (self.archive, self.snooze, self.reread):
            menu.addAction(action)

    # -- the edits

    def _push(self, text: str, work: Edit) -> None:
        self.host.push(ServiceCommand(self.host.ops, text, work))

    def archive_selection(self) -> None:
        ids = self.host.need_selection()
        if ids:
            self._push(
                self.tr("Archive %n paper(s)", "", len(ids)),
                lambda lib: routine.archive(lib, ids),
            )

    def snooze_selection(self) -> None:
        ids = self.host.need_selection()
        if not ids or not self.host.is_ready:
            return
        dialog = SnoozeDialog(days.today(self.host.library()), len(ids), self.host.widget())
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.until is None:
            return
        until = dialog.until
        self._push(
            arg(self.tr("Snooze %n paper(s) until %1", "", len(ids)), until.isoformat()),
            lambda lib: routine.snooze(lib, ids, until),
        )

    def unsnooze_selection(self) -> None:
        ids = self.host.need_selection()
        if ids:
            self._push(
                self.tr("Un-snooze %n paper(s)", "", len(ids)),
                lambda lib: routine.unsnooze(lib, ids),
            )

    def reread_selection(self) -> None:
        ids = self.host.need_selection()
        if ids:
            self._push(
                self.tr("Re-read %n paper(s) later", "", len(ids)),
                lambda lib: routine.mark_reread(lib, ids),
            )

    def reread_done_selection(self) -> None:
        ids = self.host.need_selection()
        if ids:
            self._push(
                self.tr("Re-read %n paper(s)", "", len(ids)),
                lambda lib: routine.reread_done(lib, ids),
            )

    # -- lists, dialogs and the history line

    def go(self, ref: ListRef) -> None:
        self.host.show_list(ref)

    def show_rules(self) -> None:
        if not self.host.is_ready:
            return
        if self.rules_dialog is None:
            self.rules_dialog = RulesDialog(self.host)
        self.rules_dialog.reload()
        self.rules_dialog.show()
        self.rules_dialog.raise_()

    def show_statistics(self) -> None:
        if not self.host.is_ready:
            return
        if self.stats_view is None:
            self.stats_view = StatsView(self.host)
        self.stats_view.reload()
        self.stats_view.show()
        self.stats_view.raise_()

    def show_history(self, paper_id: int) -> None:
        """The paper's history under its details, with its snooze and re-read if any. Read
        on the worker: three reads, about 10 ms at 20,000 papers, that the GUI thread made
        for every paper shown. Shown when they come back, if the pane still shows the paper;
        until then the line keeps the paper's history from before, or is empty for another."""
        if self._history_for != paper_id:
            self.history.clear()
        self._history_for = paper_id

        def read(library: Library) -> HistoryFacts | None:
            try:
                events = history.paper_history(library, paper_id)
            except ReaderappError:
                return None
            return HistoryFacts(
                events,
                days.today(library),
                routine.snoozed_until(library, paper_id),
                routine.reread_of(library, paper_id),
            )

        def show(facts: HistoryFacts | None) -> None:
            if self._history_for == paper_id:
                self.history.setText("" if facts is None else self._history_text(facts))

        self.host.ops.call(read, show, lambda _error: show(None))

    def _history_text(self, facts: HistoryFacts) -> str:
        parts = [self._history_words(facts.events, facts.today)]
        if facts.snoozed_until is not None:
            parts.append(
                arg(self.tr("snoozed until %1"), _day_text(facts.snoozed_until, "ddd dd MMM"))
            )
        reread = facts.reread
        if reread is not None:
            parts.append(
                self.tr("re-read #%1 due %2")
                .replace("%1", str(reread.step + 1))
                .replace("%2", _day_text(reread.due, "ddd dd MMM"))
            )
        return " · ".join(parts)

    def _history_words(self, events: Sequence[history.Event], today: dt.date) -> str:
        """history.describe() in the window's language: "added 3 May, started 5 May"."""
        dated = {
            "added": self.tr("added %1"),
            "unread": self.tr("back to unread %1"),
            "reading": self.tr("started %1"),
            "read": self.tr("read %1"),
            "skimmed": self.tr("skimmed %1"),
            "dropped": self.tr("dropped %1"),
        }
        # A status from before the history was kept (schema 5): when it was taken is unknown.
        undated = {
            "unread": self.tr("unread"),
            "reading": self.tr("started (date unknown)"),
            "read": self.tr("read (date unknown)"),
            "skimmed": self.tr("skimmed (date unknown)"),
            "dropped": self.tr("dropped (date unknown)"),
        }
        # Who did each step, in a library several members change (history.names_members).
        members = history.names_members(events)
        parts = []
        for event in events:
            if not event.known and event.kind in undated:
                parts.append(undated[event.kind])
                continue
            day = local_date(event.at)
            layout = (
                self.tr("d MMM", "QDate layout of a day this year in the history line")
                if day.year == today.year
                else self.tr("d MMM yyyy", "QDate layout of a day in the history line")
            )
            step = arg(dated.get(event.kind, event.kind + " %1"), _day_text(day, layout))
            if members and event.member:
                step = arg(self.tr("%1 by %2", "a history step and who did it"), step, event.member)
            parts.append(step)
        return ", ".join(parts)

    # -- keyboard triage: the cursor moves on to the next paper of the Inbox

    def _remember_row(self, changes: Changes) -> None:
        """After an edit in the Inbox or Today, the row the cursor was on: the paper may
        leave the list, and the next one takes its place there."""
        if self.host.current_list().kind not in TRIAGE_LISTS:
            self._triaged_row = None
            return
        index = self.table.currentIndex()
        self._triaged_row = index.row() if index.isValid() else None

    def results_shown(self, count: int) -> None:
        """Selects the paper that moved up into the triaged one's row."""
        row, self._triaged_row = self._triaged_row, None
        if row is None or count == 0 or self.table.selectionModel().hasSelection():
            return
        self.table.selectRow(min(row, count - 1))
