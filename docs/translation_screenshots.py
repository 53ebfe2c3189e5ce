"""Renders the main window on the seed in German (offscreen), as a German user starts it:

    python docs/translation_screenshots.py [OUT_DIR]    # default: docs/screenshots/

Writes window-de.png at 1280x800, one paper selected. The translation is compiled from
resources/translations/readerapp_de.ts into a temporary folder first, so it works from a
checkout too.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "hf_daily_papers_seed.txt"


def _compile(folder: Path) -> None:
    path = ROOT / "packaging" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    tools = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tools)
    tools.release_all(folder)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    app = QApplication.instance() or QApplication([])
    from readerapp.gui import i18n
    from readerapp.gui.main_window import MainWindow
    from readerapp.services import importing
    from readerapp.services.library import Library

    work = Path(tempfile.mkdtemp(prefix="readerapp-shots-"))
    _compile(work / "translations")
    i18n.install_translators(app, "de", work / "translations")
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
    for _ in range(100):
        app.processEvents()
    path = out / "window-de.png"
    if not window.grab().save(str(path)):
        raise SystemExit(f"translation_screenshots: cannot write {path}")
    print(path)
    window.close()


if __name__ == "__main__":
    main()
