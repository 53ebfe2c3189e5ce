"""A child process for test_crash_gui: the real main window, offscreen, saving notes in a loop
through the detail pane until it is killed.

`python -m tests.reliability.note_saver LIBRARY_DIR PAPER_ID` prints "saved N" on stdout after
note N is committed (its id came back to the pane), then starts note N + 1 at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer

from readerapp.gui.app import application
from readerapp.gui.main_window import MainWindow


def note_body(number: int) -> str:
    return f"Crash note {number}: **keep me** ✓\n" + "line of text\n" * (number % 7)


def main(library_dir: Path, paper_id: int, settings_path: Path) -> int:
    app = application()
    window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat))
    window.show()
    counter = {"next": 0, "waiting": False}

    def tick() -> None:
        detail = window.detail
        if counter["waiting"]:
            if detail.has_pending_note() or window.runner.busy:
                return
            print(f"saved {counter['next']}", flush=True)
            counter["next"] += 1
            counter["waiting"] = False
        if detail.paper is None or detail.paper.id != paper_id:
            return
        detail.start_new_note()
        detail.editor.setPlainText(note_body(counter["next"]))
        detail.save_note()
        counter["waiting"] = True

    def ready() -> None:
        window.show_paper(paper_id)
        timer.start(5)

    timer = QTimer(window)
    timer.timeout.connect(tick)
    window.library_ready.connect(ready)
    window.open_library(library_dir)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])))
