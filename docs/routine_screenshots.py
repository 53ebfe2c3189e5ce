"""Screenshots of the reading routine: Today, the Inbox being triaged, the statistics view.

    python docs/routine_screenshots.py [OUT_DIR]      # default: docs/screenshots/

Builds ten weeks of a reader's history on a fixed clock (services take it from
Library.clock): the seed dump arrives a few papers at a time, papers are started and read on
later days, a rule picks agent papers, one paper is snoozed and one is being re-read. Then the
real window opens on that library at the last day and shows Today, the Inbox (after one paper
was archived with E) and the statistics. Runs offscreen; settings go to a temporary folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

import readerapp.services.library as library_module
from readerapp.formats.registry import detect_format
from readerapp.gui.app import application
from readerapp.gui.main_window import MainWindow
from readerapp.services import importing, notes, queues, routine, rules, search, triage
from readerapp.services.library import Library
from readerapp.services.listing import ListRef

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import SEED, SIZE, shoot, wait_until

START = dt.datetime(2026, 4, 27, 9, 0, tzinfo=dt.UTC)  # a Monday, ten weeks before the last day
DAY = dt.timedelta(days=1)


class StoryClock:
    """The clock the library runs on while the story is told, then on its last day."""

    def __init__(self, start: dt.datetime) -> None:
        self.at = start

    def now(self) -> dt.datetime:
        return self.at

    def monotonic(self) -> float:
        return self.at.timestamp()

    def sleep(self, seconds: float) -> None:
        self.at += dt.timedelta(seconds=seconds)


def tell_story(directory: Path, clock: StoryClock) -> None:
    text = SEED.read_text(encoding="utf-8")
    parsed = detect_format(text, str(SEED)).parse(text, str(SEED))
    records = parsed.records
    with Library.open(directory) as lib:
        lib.clock = clock
        rules.save_rule(lib, rules.make_rule("Agents", "agent OR agents", tag="agents", today=True))
        rules.save_rule(lib, rules.make_rule("PEFT", "lora OR adapter", queue="Week 32"))
        given = 0
        week = 0
        while given < len(records):
            # Two dumps a week, Monday and Thursday.
            for weekday in (0, 3):
                clock.at = START + dt.timedelta(weeks=week, days=weekday)
                size = 3 if week < 9 else 10
                chunk = records[given : given + size]
                if not chunk:
                    break
                given += len(chunk)
                report = importing.import_records(
                    lib, dataclasses.replace(parsed, records=chunk), str(SEED), "hf-daily-text"
                )
                rules.apply_to_batches(lib, [report.batch_id or 0])
                ids = report.paper_ids
                if week >= 9:
                    continue  # the last dumps wait in the Inbox
                # Triage the next day: start one, read one two days on, archive the rest.
                clock.at += DAY
                triage.set_status(lib, ids[:2], "reading")
                routine.archive(lib, ids[2:])
                clock.at += 2 * DAY + dt.timedelta(hours=week % 3)
                if week % 2 == 0 or weekday == 0:
                    triage.set_status(lib, ids[:1], "read")
                if week % 3 == 1:
                    triage.set_status(lib, ids[1:2], "skimmed")
            week += 1
        last = START + dt.timedelta(weeks=9, days=3, hours=1)
        # One paper re-read: read in week 2, due today.
        read = search.search_ids(lib, "status:read", sort="added")[-1]
        clock.at = last - 7 * DAY
        notes.add_note(lib, read, "Re-read §3: the gating trick is what we need for the adapter.")
        routine.mark_reread(lib, [read], (7, 30, 90))
        # One paper snoozed on Monday until Thursday.
        snoozed = search.search_ids(lib, "status:reading", sort="added")[0]
        clock.at = last - 3 * DAY
        routine.snooze(lib, [snoozed], (last).date())
        reading = search.search_ids(lib, "status:reading", sort="added")[1:4]
        queues.add_to_queue(lib, "Reading group", reading)
        clock.at = last


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent / "screenshots"
    clock = StoryClock(START)
    # Every library opened from here on (the window's too) runs on the story's clock.
    library_module.SYSTEM_CLOCK = clock
    with tempfile.TemporaryDirectory(prefix="readerapp-routine-") as tmp:
        directory = Path(tmp) / "library"
        tell_story(directory, clock)
        application()
        window = MainWindow(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(*SIZE)
        window.show()
        window.open_library(directory)
        wait_until(lambda: window.is_ready and window.model.rowCount() > 0)

        window.sidebar.select(ListRef("today", None, "Today"))
        wait_until(lambda: window.model.rowCount() >= 4 and not window.runner.busy)
        window.table.setFocus()
        window.table.selectRow(1)  # the re-read, its note shown first
        wait_until(lambda: window.detail.paper is not None)
        shoot(window, out / "today.png")

        window.sidebar.select(ListRef("inbox", None, "Inbox"))
        wait_until(lambda: window.model.rowCount() >= 8 and not window.runner.busy)
        before = window.model.rowCount()
        window.table.setFocus()
        window.table.selectRow(0)
        QTest.keyClick(window.table, Qt.Key.Key_E)  # archive: the next paper takes its row
        wait_until(lambda: window.model.rowCount() == before - 1)
        wait_until(lambda: bool(window.table.selected_ids()))
        shoot(window, out / "inbox-triage.png")

        window.routine.show_statistics()
        view = window.routine.stats_view
        assert view is not None
        view.resize(980, 720)
        wait_until(lambda: view.figures is not None)
        wait_until(lambda: not window.runner.busy)
        if not view.grab().save(str(out / "statistics.png")):
            raise SystemExit("cannot write statistics.png")
        print(out / "statistics.png")
        view.close()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
