"""Renders the main window on the seed in the light and the dark theme (offscreen):

    python docs/theme_screenshots.py [OUT_DIR]      # default: docs/screenshots/

Writes window-light.png and window-dark.png at 1280x800, one paper selected.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "hf_daily_papers_seed.txt"


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    app = QApplication.instance() or QApplication([])
    from readerapp.gui.main_window import MainWindow
    from readerapp.services import importing
    from readerapp.services.library import Library

    work = Path(tempfile.mkdtemp(prefix="readerapp-shots-"))
    with Library.open(work / "library") as library:
        importing.import_path(library, SEED)
    window = MainWindow(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    ready: list[bool] = []
    window.library_ready.connect(lambda: ready.append(True))
    window.open_library(work / "library")
    while not ready or window.runner.busy:
        app.processEvents()
    window.table.selectRow(2)
    for name in ("light", "dark"):
        window.set_theme(name)
        for _ in range(100):
            app.processEvents()
        path = out / f"window-{name}.png"
        if not window.grab().save(str(path)):
            raise SystemExit(f"theme_screenshots: cannot write {path}")
        print(path)
    window.close()


if __name__ == "__main__":
    main()
