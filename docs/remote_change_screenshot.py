"""Regenerates the screenshot of changes from another machine arriving in an open window.

    python docs/remote_change_screenshot.py [OUT_DIR]     # default: docs/screenshots/

Starts the tests' throw-away PostgreSQL server (tests/pg_cluster.py), puts a library of the
seed dump in a new database there, and opens the real main window on it. Then "another
machine" (a `readerapp` process with its own cache folder, member name "ben") stars one paper
and adds a note to the one shown. The window learns of it by LISTEN/NOTIFY, redraws the row
and the detail pane and says so in the status bar; remote-change.png is taken then. Runs
offscreen unless QT_QPA_PLATFORM says otherwise; settings and caches stay in a temporary
folder.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # docs.screenshots' helpers, the tests' PostgreSQL cluster

from PySide6.QtCore import QSettings  # noqa: E402

from docs.screenshots import SEED, wait_until  # noqa: E402
from readerapp.core.location import ServerLocation  # noqa: E402
from readerapp.gui import i18n  # noqa: E402
from readerapp.gui.app import application  # noqa: E402
from readerapp.gui.main_window import MainWindow  # noqa: E402
from readerapp.services import importing, search  # noqa: E402
from readerapp.services.library import Library  # noqa: E402
from tests.pg_cluster import cluster  # noqa: E402

SIZE = (1400, 860)  # the window's size on a first launch
SHOWN, STARRED = "SwinFace", "TaskExpert"
NOTE = "Ben: the face-attribute heads look reusable for our reading group's project."


def english_plurals(folder: Path) -> None:
    """The committed .ts compiled and installed, as the app does: "2 papers", not
    "2 paper(s)" (a source checkout has no .qm files)."""
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "packaging" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    tools = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tools)
    tools.release_all(folder)
    i18n.install_translators(application(), "en", folder)


def other_machine(url: str, tmp: Path, *args: str) -> None:
    """`readerapp ARGS` as another machine: its own cache folder and member name."""
    env = dict(os.environ, READERAPP_LIBRARY=url, READERAPP_MEMBER="ben")
    env["XDG_CACHE_HOME"] = str(tmp / "other-machine-cache")
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "readerapp", *args], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"screenshots: readerapp {' '.join(args)} failed: {done.stderr}")


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    url = cluster().create_database("reading_group")
    with tempfile.TemporaryDirectory(prefix="readerapp-remote-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["READERAPP_CONFIG_DIR"] = str(tmp / "config")
        os.environ["XDG_CACHE_HOME"] = str(tmp / "this-machine-cache")
        os.environ["READERAPP_MEMBER"] = "ana"
        location = ServerLocation(url)
        with Library.open(location) as lib:
            importing.import_path(lib, SEED)
            found = {p.title.split(":")[0]: p.id for p in search.search(lib, "")}
        shown, starred = found[SHOWN], found[STARRED]
        english_plurals(tmp / "translations")
        window = MainWindow(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(*SIZE)
        window.show()
        window.open_library(location)
        wait_until(lambda: window.is_ready and window.model.rowCount() > 0)
        window.show_paper(shown)
        wait_until(lambda: window.detail.paper is not None and window.detail.paper.id == shown)
        wait_until(lambda: window.remote._watcher is not None)

        other_machine(url, tmp, "star", str(starred))
        other_machine(url, tmp, "note", str(shown), NOTE)
        wait_until(lambda: window.detail.editor.toPlainText() == NOTE)
        wait_until(lambda: "changed on another machine" in window.statusBar().currentMessage())
        settled = time.monotonic() + 0.5
        wait_until(lambda: time.monotonic() > settled)
        path = out / "remote-change.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(path)):
            raise SystemExit(f"screenshots: cannot write {path}")
        print(path)
        window.close()
    cluster().drop_database(url)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
