"""SIGKILL the desktop app while it saves notes: every note it reported saved is there, whole;
at most the note in flight is missing; the next start is clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from readerapp.core import paths
from readerapp.services import triage
from readerapp.services.library import Library
from tests.reliability.helpers import (
    REPO,
    assert_user_marks_kept,
    child_env,
    make_user_library,
    readerapp,
    sigkill,
)
from tests.reliability.note_saver import note_body

pytestmark = pytest.mark.slow

PAPER = 5  # has no note yet in make_user_library
SAVES_BEFORE_KILL = 25


def test_sigkill_while_saving_notes_loses_at_most_the_note_in_flight(tmp_path: Path) -> None:
    library_dir = tmp_path / "library"
    marks = make_user_library(library_dir)
    env = child_env(library_dir, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.reliability.note_saver",
            str(library_dir),
            str(PAPER),
            str(tmp_path / "settings.ini"),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    saved = -1
    for line in proc.stdout:  # blocks until the next line or the child's end
        saved = int(line.split()[1])
        if saved == SAVES_BEFORE_KILL:
            break
    assert saved == SAVES_BEFORE_KILL, f"the note saver ended (exit {proc.poll()}) early"
    sigkill(proc)
    proc.stdout.close()

    with Library.open(library_dir) as lib:  # the next start: repairs the index first
        bodies = [n.body for n in triage.get_paper(lib, PAPER).notes]
    reported = [note_body(i) for i in range(SAVES_BEFORE_KILL + 1)]
    # Everything reported saved is there in order; then at most the one being saved, whole.
    assert bodies[: len(reported)] == reported
    assert len(bodies) - len(reported) <= 1
    if len(bodies) > len(reported):
        assert bodies[-1] == note_body(SAVES_BEFORE_KILL + 1)
    check = readerapp("check", env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    assert_user_marks_kept(library_dir, marks)
    assert paths.database_path(library_dir).exists()
