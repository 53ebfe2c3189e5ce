"""Regenerates the screenshots of the detail pane's edit mode and of Preferences ▸ Network.

    python docs/screenshot_edit_mode.py [OUT_DIR]   # default: docs/screenshots/

Imports the seed dump into a temporary library, opens the real main window on it, selects
SwinFace (which the seed knows only by title and abstract) and presses F2. The editors are
filled in as a user completes the paper by hand, with one date mistyped and Save pressed, so
the picture shows the message under that field (edit-mode.png). Then Preferences opens on the
same window (preferences.png). Runs offscreen unless QT_QPA_PLATFORM says otherwise; window
settings and settings.json go to the temporary folder, never the user's.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # docs.screenshots' helpers

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWidget

from docs.screenshots import wait_until
from readerapp.gui.app import application
from readerapp.gui.main_window import MainWindow
from readerapp.services import importing, search
from readerapp.services.library import Library

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "hf_daily_papers_seed.txt"
SIZE = (1400, 860)  # the window's size on a first launch
PAPER = "SwinFace"
# SwinFace's real details (as in tests/services/test_editing.py), and one date mistyped.
TYPED = {
    "authors": "Lixiong Qin\nMei Wang",
    "year": "2023",
    "date": "2023-08-32",
    "venue": "IEEE Transactions on Circuits and Systems for Video Technology",
    "arxiv_id": "arXiv:2308.11509",
    "doi": "https://doi.org/10.1109/TCSVT.2023.3304724",
    "abs_url": "https://arxiv.org/abs/2308.11509",
}


def shoot(widget: QWidget, path: Path) -> None:
    settled = time.monotonic() + 0.3  # the layout requests the last changes posted
    wait_until(lambda: time.monotonic() > settled)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"screenshots: cannot write {path}")
    print(path)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    with tempfile.TemporaryDirectory(prefix="readerapp-screens-") as tmp:
        os.environ["READERAPP_CONFIG_DIR"] = str(Path(tmp) / "config")
        library = Path(tmp) / "library"
        with Library.open(library) as lib:
            importing.import_path(lib, SEED)
            paper = next(p.id for p in search.search(lib, "") if p.title.startswith(PAPER))
        application()
        window = MainWindow(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(*SIZE)
        window.show()
        window.open_library(library)
        wait_until(lambda: window.is_ready and window.model.rowCount() > 0)
        window.show_paper(paper)
        wait_until(lambda: window.detail.paper is not None and window.detail.paper.id == paper)
        window.table.setFocus()

        QTest.keyClick(window.table, Qt.Key.Key_F2)  # as a user would: F2 from the table
        wait_until(lambda: window.detail.is_editing)
        form = window.detail.editor_form
        for field, text in TYPED.items():
            editor = form.editors[field]
            editor.setFocus()
            for number, line in enumerate(text.split("\n")):
                if number:
                    QTest.keyClick(editor, Qt.Key.Key_Return)  # one author a line
                QTest.keyClicks(editor, line)
            if isinstance(editor, QLineEdit):
                editor.home(False)  # reads from its start, as after a click elsewhere
        QTest.keyClick(form.editors["date"], Qt.Key.Key_Return)  # Enter saves: refused
        wait_until(lambda: form.errors["date"].isVisible())
        shoot(window, out / "edit-mode.png")

        QTest.keyClick(form, Qt.Key.Key_Escape)
        window.engines.dialog = None
        window.act_preferences.trigger()
        wait_until(lambda: window.engines.dialog is not None)
        dialog = window.engines.dialog
        assert dialog is not None
        wait_until(dialog.isVisible)
        shoot(dialog, out / "preferences.png")
        dialog.reject()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
