"""Regenerates the screenshots of the window's online look-ups from the seed dump.

    python docs/lookup_screenshots.py [OUT_DIR]          # default: docs/screenshots/

Imports the seed into a temporary library, serves the tests' recorded API answers from a
local server (tests/scholarly_server.py; nothing reaches the internet), teaches it five of
the seed's title-only papers and one only loosely, then opens the real main window and saves:
- add-by-identifier.png: Paper ▸ Add by identifier… after a look-up of a pasted mix (a new
  paper, one already in the library, an id nobody knows, an item that is no id);
- completion-summary.png: the summary of Complete details over those six papers, with the
  loose match's candidate checked.
Runs offscreen unless QT_QPA_PLATFORM says otherwise; settings stay in the temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tests' local server and its recorded answers

from PySide6.QtCore import QItemSelectionModel, QSettings  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402
from pytest_httpserver import HTTPServer  # noqa: E402

from docs.screenshots import SEED, SIZE, wait_until  # noqa: E402
from readerapp.cli.main import main as cli  # noqa: E402
from readerapp.gui.add_by_id_dialog import AddByIdDialog  # noqa: E402
from readerapp.gui.app import application  # noqa: E402
from readerapp.gui.completion_summary import CompletionSummaryDialog  # noqa: E402
from readerapp.gui.main_window import MainWindow  # noqa: E402
from readerapp.services import online  # noqa: E402
from tests.fakes import FakeClock  # noqa: E402
from tests.gui.test_lookup import teach  # noqa: E402
from tests.scholarly_server import ScholarlyWeb, _AnyPath  # noqa: E402

PASTED = (
    "https://arxiv.org/abs/1707.08567v1\n"
    "arXiv:astro-ph/0601001, 10.1371/notarealdoi\n"
    "see also: 2301.99999"
)


def serve() -> HTTPServer:
    server = HTTPServer()
    server.start()
    return server


def save(widget: QWidget, path: Path) -> None:
    wait_until(lambda: True)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"screenshots: cannot write {path}")
    print(path)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    server = serve()
    web = ScholarlyWeb(server)
    server.expect_request(_AnyPath()).respond_with_handler(web.handle)
    base = server.url_for("").rstrip("/")
    for name in ("ARXIV", "HF", "CROSSREF", "S2"):
        os.environ[f"READERAPP_{name}_URL"] = base
    online.CLOCK = FakeClock()  # arXiv's 3 s between requests, measured instead of waited
    try:
        with tempfile.TemporaryDirectory(prefix="readerapp-lookups-") as tmp:
            os.environ["READERAPP_CONFIG_DIR"] = str(Path(tmp) / "config")
            library = Path(tmp) / "library"
            for args in (["import", str(SEED)], ["add", "astro-ph/0601001"]):
                if cli(["--library", str(library), *args]) != 0:
                    raise SystemExit(f"screenshots: readerapp {' '.join(args)} failed")
            taught, loose = teach(web, library / "library.sqlite")
            application()
            settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(settings)
            window.resize(*SIZE)
            window.show()
            window.open_library(library)
            wait_until(lambda: window.is_ready and window.model.rowCount() == 74)
            shoot_completion(window, [*taught, loose], out / "completion-summary.png")
            shoot_add(window, out / "add-by-identifier.png")
            window.close()
    finally:
        server.stop()
    return 0


def shoot_completion(window: MainWindow, ids: list[int], path: Path) -> None:
    shown = window.model.ids()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for pid in ids:
        window.table.selectionModel().select(window.model.index(shown.index(pid), 0), flags)
    opened: list[CompletionSummaryDialog] = []
    window.lookups.completion.summary_opened.connect(opened.append)
    window.menu_actions.complete.trigger()
    wait_until(lambda: bool(opened) and not window.runner.busy)
    opened[0].set_checked(0)
    save(opened[0], path)
    opened[0].close()


def shoot_add(window: MainWindow, path: Path) -> None:
    opened: list[AddByIdDialog] = []
    window.lookups.add_dialog_opened.connect(opened.append)
    window.menu_actions.add_by_id.trigger()
    wait_until(lambda: bool(opened))
    dialog = opened[0]
    dialog.text.setPlainText(PASTED)
    dialog.lookup_button.click()
    wait_until(lambda: dialog.table.topLevelItemCount() > 0)
    save(dialog, path)
    dialog.reject()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
