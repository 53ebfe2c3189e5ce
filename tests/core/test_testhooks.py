"""Pause points: nothing unless asked; asked, they say so and wait (here: for a file)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from readerapp.core.testhooks import PAUSE_ENV, PAUSED_PREFIX, RESUME_ENV, pause_point


def test_a_point_not_asked_for_returns_at_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(PAUSE_ENV, "import-written")
    pause_point("import-parsed")
    assert capsys.readouterr().err == ""


def test_a_paused_process_goes_on_when_the_resume_file_appears(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    resume = tmp_path / "go"
    monkeypatch.setenv(PAUSE_ENV, "import-written")
    monkeypatch.setenv(RESUME_ENV, str(resume))
    waited = threading.Event()

    def pause() -> None:
        pause_point("import-written")
        waited.set()

    thread = threading.Thread(target=pause)
    thread.start()
    said = ""
    while not said:  # the process says where it stopped before it waits
        waited.wait(0.01)
        said = capsys.readouterr().err
    assert said == f"{PAUSED_PREFIX}import-written\n"
    assert not waited.is_set()  # and waits: no file yet
    resume.touch()
    thread.join(10)
    assert waited.is_set()
