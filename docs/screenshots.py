"""Regenerates the README's main-window screenshots from the seed dump.

    python docs/screenshots.py [OUT_DIR]          # default: docs/

Builds a library in a temporary folder through the command line, as a user would (the seed
dump imported, papers starred, statuses and tags set, two queues, a note), then opens the real
main window on it and saves what it shows: the table with a paper's details and note
(screenshot-main.png), the "Week 32" queue with that note rendered (screenshot-queue.png) and
a query typed in the search box narrowing the table (screenshot-search.png). Runs offscreen
unless QT_QPA_PLATFORM says otherwise; window settings go to the temporary folder, never the
user's.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer

from readerapp.cli.main import main as cli
from readerapp.gui.app import application
from readerapp.gui.main_window import MainWindow
from readerapp.gui.sidebar import ListRef
from readerapp.services import search
from readerapp.services.library import Library

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "hf_daily_papers_seed.txt"
SIZE = (1400, 860)  # the window's size on a first launch (MainWindow._restore_window)
# What a week of triage leaves behind, by title (ids depend on the import order).
STARRED = (
    "Singular Value Decomposition on Kronecker",
    "Circuit Component Reuse",
    "Twin-Merging",
    "TaskMatrix.AI",
    "Exploring Concept Depth",
    "RS-MoE",
)
STATUS = {
    "reading": ("Singular Value Decomposition on Kronecker", "Circuit Component Reuse"),
    "read": ("TaskMatrix.AI", "Beyond the Imitation Game", "Selective Annotation"),
    "skimmed": ("Integrating Summarization and Retrieval",),
}
TAGS = {
    "peft": ("Singular Value Decomposition on Kronecker", "Twin-Merging"),
    "interpretability": (
        "Circuit Component Reuse",
        "Fact Recall, Heuristics",
        "Exploring Concept Depth",
    ),
}
QUEUES = {
    "Week 32": (
        "Singular Value Decomposition on Kronecker",
        "Circuit Component Reuse",
        "Twin-Merging",
        "Exploring Concept Depth",
        "Fact Recall, Heuristics",
    ),
    "Reading group": ("TaskMatrix.AI", "Selective Annotation"),
}
NOTE_ON = "Singular Value Decomposition on Kronecker"
NOTE = (
    "## For Thursday\n\n"
    "SoKA starts the Kronecker factors from an **SVD of the full weight update** and picks "
    "the rank per layer (energy threshold, then the elbow point).\n\n"
    "- 0.99M trainable parameters on LLaMA2-7B: 25% fewer than LoRA and PiSSA\n"
    "- does the rank selection carry over to vision models?\n"
)
SEARCH = "language model is:starred"


def wait_until(condition: Callable[[], bool], timeout_s: float = 30) -> None:
    # Waits in a local event loop: the window's background tasks deliver their results
    # through queued signals, which a sleep would never let in.
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(loop.quit)
    timer.start(50)
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not settle")
        loop.exec()


def build_library(library: Path) -> dict[str, int]:
    def run(*args: str) -> None:
        if cli(["--library", str(library), *args]) != 0:
            raise SystemExit(f"screenshots: readerapp {' '.join(args)} failed")

    run("import", str(SEED))
    with Library.open(library) as lib:
        ids = {paper.title: paper.id for paper in search.search(lib, "is:unstarred")}

    def ref(prefix: str) -> str:
        return str(next(pid for title, pid in ids.items() if title.startswith(prefix)))

    run("star", *map(ref, STARRED))
    for status, titles in STATUS.items():
        run("status", status, *map(ref, titles))
    for tag, titles in TAGS.items():
        run("tag", "add", tag, *map(ref, titles))
    for queue, titles in QUEUES.items():
        run("queue", "add", queue, *map(ref, titles))
    run("note", ref(NOTE_ON), NOTE)
    return ids


def shoot(window: MainWindow, path: Path) -> None:
    wait_until(lambda: not window.runner.busy and not window.search_timer.isActive())
    # then the layout requests that the last results posted (a list growing by a row)
    settled = time.monotonic() + 0.3
    wait_until(lambda: time.monotonic() > settled)
    if not window.grab().save(str(path)):
        raise SystemExit(f"screenshots: cannot write {path}")
    print(path)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs"
    with tempfile.TemporaryDirectory(prefix="readerapp-screens-") as tmp:
        library = Path(tmp) / "library"
        ids = build_library(library)
        application()
        window = MainWindow(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(*SIZE)
        window.show()
        window.open_library(library)
        wait_until(lambda: window.is_ready and window.model.rowCount() == len(ids))

        paper = next(pid for title, pid in ids.items() if title.startswith(NOTE_ON))
        window.show_paper(paper)
        wait_until(lambda: window.detail.paper is not None and window.detail.paper.id == paper)
        shoot(window, out / "screenshot-main.png")

        window.sidebar.select(ListRef("queue", "Week 32"))
        wait_until(lambda: window.model.rowCount() == len(QUEUES["Week 32"]))
        window.table.selectRow(0)  # the paper with the note, its Markdown rendered
        window.detail.note_tabs.setCurrentWidget(window.detail.preview)
        shoot(window, out / "screenshot-queue.png")
        window.detail.note_tabs.setCurrentWidget(window.detail.editor)

        window.sidebar.select(ListRef("all", None, "All papers"))
        window.search_box.setFocus()
        window.search_box.setText(SEARCH)
        wait_until(lambda: 0 < window.model.rowCount() < len(ids))
        shoot(window, out / "screenshot-search.png")
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
