"""Regenerates the screenshot of File ▸ Open library… on its Server tab.

    python docs/server_screenshots.py [OUT_DIR]          # default: docs/screenshots/

Starts the tests' throw-away PostgreSQL server (tests/pg_cluster.py; Debian's `postgresql`
package), copies a library of the seed dump into a new database there with
`readerapp copy-library`, fills in the Server tab and runs its connection test, then saves
open-library-server.png. Runs offscreen unless QT_QPA_PLATFORM says otherwise; settings
stay in a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tests' PostgreSQL cluster

from PySide6.QtCore import QSettings  # noqa: E402

from docs.screenshots import SEED, wait_until  # noqa: E402
from readerapp.cli.main import main as cli  # noqa: E402
from readerapp.gui.app import application  # noqa: E402
from readerapp.gui.open_library_dialog import SERVER_TAB, OpenLibraryDialog  # noqa: E402
from readerapp.services import servers  # noqa: E402
from readerapp.services.servers import ServerForm  # noqa: E402
from tests.pg_cluster import cluster  # noqa: E402


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    url = cluster().create_database("papers")
    with tempfile.TemporaryDirectory(prefix="readerapp-server-") as tmp:
        os.environ["READERAPP_CONFIG_DIR"] = str(Path(tmp) / "config")
        library = Path(tmp) / "library"
        for args in (
            ["--library", str(library), "import", str(SEED)],
            ["copy-library", str(library), url],
        ):
            if cli(args) != 0:
                raise SystemExit(f"screenshots: readerapp {' '.join(args)} failed")
        application()
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        dialog = OpenLibraryDialog(settings, servers.probe)
        dialog.tabs.setCurrentIndex(SERVER_TAB)
        port = urlsplit(url).port or 5432
        dialog.show_server(ServerForm("127.0.0.1", "papers", "readerapp", port, "prefer"))
        dialog.show()
        dialog.test_connection()
        wait_until(lambda: "Connected" in dialog.test_result.text())
        path = out / "open-library-server.png"
        if not dialog.grab().save(str(path)):
            raise SystemExit(f"screenshots: cannot write {path}")
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
