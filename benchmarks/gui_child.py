"""The GUI section's child process: `python -m benchmarks.gui_child launch|bare|measure
LIBRARY SETTINGS.ini [REPEATS WORDS.json]` (benchmarks/gui_section.py runs it and reads what
it prints).

Its launch figure runs from the spawn of this process to the first paint of the table, so
this module imports nothing of the benchmark's own beyond the standard library, Qt and the
window: until 2026-12-04 the child was benchmarks.gui_section itself, whose imports (the
generator, the query mix, the FTS5 reference and through them the format registry, about
0.1 s of CPU) were timed as part of the window's launch although the app never loads them
before its first paint.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

HEARTBEAT_MS = 10
# Page-downs per scrolling repeat: each may need a block of rows from SQLite.
SCROLL_PAGES = 20
# The columns the table sorts (all but the queue position), with the direction of a click.
SORTED_COLUMNS = (
    ("title", "ascending"),
    ("year", "descending"),
    ("added", "descending"),
    ("starred", "descending"),
    ("status", "ascending"),
    ("authors", "ascending"),
    ("tags", "ascending"),
    ("queues", "ascending"),
)
TIMEOUT_S = 600
# After the results, how long to wait for a paint before concluding that the table had
# nothing to repaint (a search that returned the rows already shown, in the same order).
NO_REPAINT_MS = 2000
# A search or sort whose results do not come within this is a failure of the window, not a
# wait of ten minutes for each engine and size (the slowest, a first sort at 1M, takes
# seconds).
RESULTS_MS = 60_000


def _child(argv: list[str]) -> int:
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer, Signal
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    mode, library, settings_path = argv[0], Path(argv[1]), argv[2]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("readerapp-benchmark")  # and kept alive by this name

    class PaintWatch(QObject):
        """Signals once a paint of the watched widget has finished."""

        painted = Signal()

        def __init__(self) -> None:
            super().__init__()
            self.last = 0.0  # when the latest paint finished

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                # Queued: it fires after this paint event has been handled.
                QTimer.singleShot(0, self._finished)
            return False

        def _finished(self) -> None:
            self.last = time.perf_counter()
            self.painted.emit()

    class Heartbeat(QObject):
        """Ticks every 10 ms while the event loop runs; gaps are stalls."""

        def __init__(self) -> None:
            super().__init__()
            self.ticks: list[float] = []
            self.timer = QTimer(self)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(HEARTBEAT_MS)
            self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
            self.timer.start()

        def longest_gap(self, start: float, end: float) -> float:
            marks = [start, *(t for t in self.ticks if start < t < end), end]
            return max(b - a for a, b in itertools.pairwise(marks))

    def wait(signal: Any, what: str, timeout_ms: int = TIMEOUT_S * 1000) -> bool:
        """Runs the event loop until `signal`; False if `timeout_ms` passed first (an error
        at the default timeout)."""
        loop = QEventLoop()
        signal.connect(loop.quit)
        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(lambda: loop.exit(1))
        guard.start(timeout_ms)
        code = loop.exec()
        signal.disconnect(loop.quit)
        if code != 0 and timeout_ms == TIMEOUT_S * 1000:
            raise RuntimeError(f"timed out waiting for {what}")
        return code == 0

    heartbeat = Heartbeat()

    if mode == "bare":
        window = QMainWindow()
        table = QTableView()
        window.setCentralWidget(table)
        watch = PaintWatch()
        table.viewport().installEventFilter(watch)
        window.resize(1400, 860)
        window.show()
        wait(watch.painted, "the first paint")
        print("painted", flush=True)
        return 0

    from readerapp.gui.main_window import MainWindow
    from readerapp.gui.paper_model import COLUMN

    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    main = MainWindow(settings)
    main.resize(1400, 860)
    watch = PaintWatch()
    main.table.viewport().installEventFilter(watch)
    shown = [0.0]  # when the window last showed results

    def results_shown(_count: int) -> None:
        shown[0] = time.perf_counter()

    def paint_after(moment: float, what: str) -> float:
        """When the table finished a paint after `moment`: the paint may already have come
        while the loop waited for the results (the window paints as soon as they are
        shown), so waiting for the next one could wait for ever."""
        if watch.last <= moment and not wait(watch.painted, what, NO_REPAINT_MS):
            # The window keeps the rows of a search that returns the papers it already
            # shows, in the same order (PaperModel.set_ids): nothing to repaint, the
            # table was up to date when the results came.
            return moment
        return watch.last

    main.results_shown.connect(results_shown)
    main.show()
    opened = time.perf_counter()
    main.open_library(library)
    wait(main.results_shown, "the first results")
    paint_after(shown[0], "the first paint of the table")
    if mode == "launch":
        print("painted", flush=True)
        main.close()
        return 0

    stalls: dict[str, list[float]] = {
        "launch": [heartbeat.longest_gap(opened, time.perf_counter())]
    }
    ops: dict[str, list[float]] = {}

    def settle() -> None:
        # An event loop polled by a timer, not processEvents() in a loop: PySide6 6.12 on
        # CPython 3.11 drops a reference to None on every call of a void method, and a
        # busy processEvents() loop drained it to a "deallocating None" crash at 100k.
        if not (main.runner.busy or main.search_timer.isActive()):
            return
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(20)
        poll.timeout.connect(
            lambda: loop.quit() if not (main.runner.busy or main.search_timer.isActive()) else None
        )
        poll.start()
        loop.exec()
        poll.stop()

    def measure(name: str, trigger: Any, *, via_search: bool) -> None:
        settle()
        start = time.perf_counter()
        trigger()
        if via_search and not wait(main.results_shown, f"{name}: results", RESULTS_MS):
            raise RuntimeError(f"{name}: no results within {RESULTS_MS // 1000} s")
        end = paint_after(shown[0] if via_search else start, f"{name}: paint")
        ops.setdefault(name, []).append(end - start)
        stalls.setdefault(name, []).append(heartbeat.longest_gap(start, end))

    repeats, words = int(argv[3]), json.loads(argv[4])
    header = main.table.horizontalHeader()
    all_ids = main.model.ids()
    for rep in range(repeats):
        # The model keeps its rows when given the papers it shows: alternate between all
        # papers and all but one, so that each is a real reset.
        shown_ids = all_ids[:-1] if rep % 2 == 0 else all_ids
        measure("reset", lambda ids=shown_ids: main.model.set_ids(ids), via_search=False)
    main.model.set_ids(all_ids)
    for column, direction in SORTED_COLUMNS:
        order = (
            Qt.SortOrder.AscendingOrder
            if direction == "ascending"
            else Qt.SortOrder.DescendingOrder
        )
        for _ in range(repeats):
            # Clear the indicator quietly, so that setting it again is a real click's effect:
            # the indicator changes and the window re-sorts.
            header.blockSignals(True)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            measure(
                f"sort:{column}",
                lambda c=COLUMN[column], o=order: header.setSortIndicator(c, o),
                via_search=True,
            )
    # Type in the default order (relevance), not in the last sort clicked above: a sort by a
    # triage column (read fresh for every search) would be measured along with the typing.
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    main.search_box.setFocus()
    for _ in range(repeats):
        for word in words:
            main.search_box.setText(word[:-1])
            main.run_search()
            measure(
                "keystroke", lambda w=word: QTest.keyClick(main.search_box, w[-1]), via_search=True
            )
    main.search_box.clear()
    main.run_search()
    settle()
    bar = main.table.verticalScrollBar()

    def page_down() -> None:
        # At the bottom, back to the top: every step must move (and so repaint).
        step = bar.value() + bar.pageStep()
        bar.setValue(step if step <= bar.maximum() else 0)

    for rep in range(repeats):
        bar.setValue(bar.maximum() * rep // (repeats + 1))
        settle()
        for _ in range(SCROLL_PAGES):
            measure("scroll", page_down, via_search=False)
    main.close()
    from benchmarks.rss import _peak_mb  # here: it imports the query mix (see the top)

    print(json.dumps({"ops": ops, "stalls": stalls, "rss_mb": _peak_mb()}), flush=True)
    return 0


if __name__ == "__main__":
    code = _child(sys.argv[1:])
    sys.stdout.flush()
    # Skip interpreter finalisation: PySide6 can crash while collecting Qt objects at exit
    # ("bool_dealloc"), which would turn a finished measurement into a failure.
    os._exit(code)
