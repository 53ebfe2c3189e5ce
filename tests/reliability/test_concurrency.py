"""The desktop app and the command line on one library at once, and two app instances."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readerapp.cli.main import main
from readerapp.core import paths
from readerapp.core.errors import LibraryError
from readerapp.core.lockfile import LibraryLock
from readerapp.db import engine as db_engine
from readerapp.services import checking, search, triage
from readerapp.services.library import Library
from tests.gui.conftest import WindowFactory, open_window  # noqa: F401 - a fixture
from tests.reliability.helpers import (
    REPO,
    canonical_dump,
    child_env,
    hf_json_dump,
    make_user_library,
    readerapp,
    sigkill,
)
from tests.reliability.note_saver import note_body

PAPER = 5


class NoteSaver:
    """The desktop app in a child process, saving notes on one paper in a loop."""

    def __init__(self, library_dir: Path, settings: Path) -> None:
        env = child_env(library_dir, QT_QPA_PLATFORM="offscreen")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.reliability.note_saver",
                str(library_dir),
                str(PAPER),
                str(settings),
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.saved = -1

    def wait_saved(self, count: int) -> None:
        """Blocks until the app reports `count` more notes saved."""
        assert self.proc.stdout is not None
        goal = self.saved + count
        for line in self.proc.stdout:
            self.saved = int(line.split()[1])
            if self.saved >= goal:
                return
        raise AssertionError(f"the desktop app ended (exit {self.proc.poll()})")

    def kill(self) -> None:
        sigkill(self.proc)
        assert self.proc.stdout is not None
        self.proc.stdout.close()


@pytest.fixture
def app_child(tmp_path: Path) -> Iterator[tuple[Path, NoteSaver]]:
    library_dir = tmp_path / "library"
    make_user_library(library_dir)
    saver = NoteSaver(library_dir, tmp_path / "settings.ini")
    saver.wait_saved(1)  # the window has the library open (and its lock)
    yield library_dir, saver
    if saver.proc.poll() is None:
        saver.kill()


@pytest.mark.slow
def test_cli_and_desktop_app_write_at_once_without_damage(
    app_child: tuple[Path, NoteSaver],
    tmp_path: Path,
) -> None:
    library_dir, saver = app_child
    env = child_env(library_dir)
    dump = tmp_path / "dump.json"
    dump.write_text(hf_json_dump(600), encoding="utf-8")
    # While the app keeps saving notes: an import (papers, then index batches), edits.
    results = [
        readerapp("import", str(dump), env=env),
        readerapp("star", "20", "21", env=env),
        readerapp("tag", "add", "from-cli", "20", env=env),
        readerapp("note", "21", "written by the CLI", env=env),
    ]
    for result in results:
        assert result.returncode == 0, result.stderr
    saver.wait_saved(3)  # the app kept working through it
    saver.kill()

    with Library.open(library_dir) as lib:
        report = checking.check(lib)
        assert report.ok, report.problems
        assert report.papers == 73 + 600
        bodies = [n.body for n in triage.get_paper(lib, PAPER).notes]
        assert bodies[: saver.saved + 1] == [note_body(i) for i in range(saver.saved + 1)]
        twenty, twenty_one = triage.get_papers(lib, [20, 21])
        assert twenty.starred and twenty_one.starred and "from-cli" in twenty.tags
        assert [n.body for n in twenty_one.notes] == ["written by the CLI"]
        # The index both processes wrote answers for both.
        assert [p.id for p in search.search(lib, 'note:"written by the CLI"')] == [21]
        assert len(search.search(lib, '"Synthetic study number 599"')) == 1
        assert len(search.search(lib, "note:crash")) == 1


def test_cli_waits_for_another_write_and_then_succeeds(tmp_path: Path) -> None:
    library_dir = tmp_path / "library"
    make_user_library(library_dir)
    holder = sqlite3.connect(
        paths.database_path(library_dir), isolation_level=None, check_same_thread=False
    )
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    # The holder commits a moment later, well within the CLI's busy timeout (15 s).
    release = threading.Timer(1.0, holder.commit)
    release.start()
    try:
        result = readerapp("star", "30", env=child_env(library_dir))
    finally:
        release.join()
        holder.close()
    assert result.returncode == 0, result.stderr
    with Library.open(library_dir) as lib:
        assert triage.get_paper(lib, 30).starred


@pytest.mark.parametrize(
    "args",
    [
        ["star", "30"],
        ["note", "30", "text"],
        ["import", str(REPO / "tests/data/hf_papers_feed.json")],
    ],
)
def test_cli_says_busy_when_the_other_write_does_not_end(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    library_dir = tmp_path / "library"
    make_user_library(library_dir)
    db_path = paths.database_path(library_dir)
    before = canonical_dump(db_path)
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code = main(["--library", str(library_dir), *args])
    finally:
        holder.rollback()
        holder.close()
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "the library is busy in another readerapp" in err
    assert str(db_path) in err
    assert canonical_dump(db_path) == before
    # Reading never waits for a writer (WAL): search works during someone else's write.
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert main(["--library", str(library_dir), "search", "lora", "--limit", "1"]) == 0
    finally:
        holder.rollback()
        holder.close()


@pytest.mark.slow
def test_second_instance_is_refused_and_a_killed_instance_leaves_no_stuck_lock(
    app_child: tuple[Path, NoteSaver],
    open_window: WindowFactory,  # noqa: F811 - the fixture imported above
    qtbot: QtBot,
) -> None:
    library_dir, saver = app_child
    with pytest.raises(
        LibraryError,
        match=rf"open in another readerapp window \(process "
        rf"{saver.proc.pid}\)",
    ):
        LibraryLock(library_dir).acquire()
    second = open_window(library_dir, wait=False)
    qtbot.waitUntil(lambda: second.last_error is not None, timeout=10000)
    assert "open in another readerapp window" in str(second.last_error)
    assert not second.is_ready
    open_window.close(second)

    saver.kill()  # the lock file stays on disk, the OS lock dies with the process
    assert (library_dir / ".readerapp.lock").exists()
    with LibraryLock(library_dir):
        pass
    third = open_window(library_dir)
    assert third.is_ready and third.model.rowCount() == 73


def test_switching_engines_from_the_cli_is_refused_while_the_app_has_the_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from readerapp.core.lockfile import LibraryLock
    from tests.conftest import SEED

    library = tmp_path / "library"
    assert main(["--library", str(library), "import", str(SEED)]) == 0
    with LibraryLock(library):  # what the desktop app holds while it has the library open
        code = main(["--library", str(library), "reindex", "--engine", "tantivy"])
    assert code == 2 and "open in another readerapp" in capsys.readouterr().err
    assert main(["--library", str(library), "check"]) == 0
    assert capsys.readouterr().out.strip() == "73 papers, 73 indexed: ok"
    assert main(["--library", str(library), "reindex", "--engine", "tantivy"]) == 0
