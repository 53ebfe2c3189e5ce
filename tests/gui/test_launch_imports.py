"""What the window's launch imports before its first painted table, checked by module name.

Time is the benchmark's to measure (benchmarks/startup_section.py); this proves the structure
that keeps the launch fast: up to the first paint of the table of a library with queues,
tags, smart lists, imports and the reading routine's lists, the window loads no SQLAlchemy,
no ORM service, no format registry, no importer and no httpx (gui.deferred, services.list_reads).
After the paint it imports the deferred services on its worker, and an edit works.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readerapp.services import overview, queues, routine, search, triage
from readerapp.services.library import Library

ROOT = Path(__file__).resolve().parents[2]

# Launches the real window offscreen, as the benchmark's launch child does, and writes the
# modules loaded when the table first paints with the library's rows (read in the paint's
# own event-filter call: nothing the window queues after the paint has run yet), then the
# modules once the deferred services are in, and the result of starring a paper.
SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from readerapp.gui.main_window import MainWindow

report, library, settings = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
main = MainWindow(QSettings(settings, QSettings.Format.IniFormat))
main.resize(1200, 800)
seen = {}
loop = QEventLoop()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "rows" in seen and "painted" not in seen:
            seen["painted"] = sorted(sys.modules)
            loop.quit()
        return False

def shown(rows):
    seen.setdefault("rows", rows)
    main.table.viewport().update()

watch = FirstPaint()
main.table.viewport().installEventFilter(watch)
main.results_shown.connect(shown)
main.show()
main.open_library(Path(library))
QTimer.singleShot(60_000, lambda: loop.exit(1))
if loop.exec() != 0:
    sys.exit("no first paint")

def loaded():
    if "sqlalchemy.orm" in sys.modules and not main.runner.busy:
        loop.quit()

poll = QTimer()
poll.timeout.connect(loaded)
poll.start(20)
if loop.exec() != 0:
    sys.exit("the deferred services were not imported after the first paint")
seen["later"] = sorted(sys.modules)
first = main.model.id_at(0)
main.edits.set_starred([first], True)
def starred():
    if not main.runner.busy:
        from readerapp.services import triage
        seen["starred"] = [p.starred for p in triage.get_papers(main.library(), [first])]
        loop.quit()
poll.timeout.disconnect(loaded)
poll.timeout.connect(starred)
if loop.exec() != 0:
    sys.exit("the edit did not finish")
report.write_text(json.dumps(seen), encoding="utf-8")
main.close()
"""


def _loaded(modules: list[str], *packages: str) -> list[str]:
    return [m for m in modules if m.split(".")[0] in packages or m.startswith(packages)]


@pytest.mark.slow
@pytest.mark.sqlite_only  # the window opens the folder; a server library reads the same SQL
def test_the_launch_paints_the_table_before_importing_the_orm(
    seeded: Library, tmp_path: Path
) -> None:
    ids = search.search_ids(seeded, "")
    # Something in every list the sidebar reads at launch.
    queues.add_to_queue(seeded, "Read next", ids[:3])
    triage.add_tag(seeded, "vision", ids[3:6])
    overview.save_smart_list(seeded, "Recent", "year:2020..2026")
    routine.snooze(seeded, ids[6:8], dt.date.today() + dt.timedelta(days=3))
    seeded.close()
    report = tmp_path / "modules.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            SCRIPT,
            str(report),
            str(seeded.location),
            str(tmp_path / "settings.ini"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(report.read_text(encoding="utf-8"))
    assert seen["rows"] == 73 - 2  # the snoozed papers are left out of All papers
    painted = seen["painted"]
    assert "readerapp.services.list_reads" in painted  # the report is of a real launch
    assert _loaded(painted, "sqlalchemy", "httpx") == []
    assert _loaded(painted, "readerapp.db.models", "readerapp.db.queries") == []
    assert _loaded(painted, "readerapp.formats.registry", "readerapp.services.importing") == []
    for service in ("triage", "overview", "queues", "routine", "editing", "undo", "batches"):
        assert f"readerapp.services.{service}" not in painted
    # After the paint, on the worker: the services the window edits with, then an edit.
    assert "readerapp.services.triage" in seen["later"]
    assert "readerapp.services.undo" in seen["later"]
    assert seen["starred"] == [True]
