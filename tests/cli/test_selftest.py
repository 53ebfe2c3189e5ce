"""`readerapp --self-test`: what the .deb CI and a user with a broken install run."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readerapp import selftest

CHECKS = (
    "modules",
    "bundled sample",
    "search engines",
    "PDF text",
    "open library",
    "import",
    "search",
    "export",
    "main window",
)


def test_self_test_passes_and_says_what_it_checked(tmp_path: Path) -> None:
    env = dict(os.environ)
    # No platform asked for: the self-test must pick offscreen itself (CI has no display).
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "readerapp", "--self-test"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("readerapp ") and "self-test" in lines[0]
    assert [line.split(":")[0] for line in lines[1:-1]] == [f"ok    {c}" for c in CHECKS]
    assert f"{selftest.SAMPLE_PAPERS} papers listed" in lines[-2]
    assert "offscreen platform" in lines[-2]
    assert lines[-1] == "self-test passed"
    assert list(tmp_path.iterdir()) == []  # the temporary library is gone


def test_a_failed_check_is_named_and_stops_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "SAMPLE_PAPERS", selftest.SAMPLE_PAPERS + 1)
    out = io.StringIO()
    assert selftest.run(out) == 1
    lines = out.getvalue().splitlines()
    expected = (
        f"imported {selftest.SAMPLE_PAPERS - 1} papers and skipped 0, expected "
        f"{selftest.SAMPLE_PAPERS} and none"
    )
    assert lines[-2] == f"FAIL  import: {expected}"
    assert lines[-1] == f"self-test FAILED: import: {expected}"
    assert not any(line.startswith("ok    search:") for line in lines)


def test_a_missing_sample_is_a_clear_failure(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(selftest, "SAMPLE", tmp_path / "gone.txt")
    out = io.StringIO()
    assert selftest.run(out) == 1
    last = out.getvalue().splitlines()[-1]
    assert last.startswith("self-test FAILED: bundled sample: FileNotFoundError")
    assert "gone.txt" in last
    assert "Traceback" in capsys.readouterr().err  # a packaging hole keeps its traceback


def test_the_self_tests_pdf_is_read_back_whole(tmp_path: Path) -> None:
    # The bytes are written by hand (no PDF library in an installed app): PDFium must read
    # the phrase back from them, through the same child process the app uses.
    from readerapp.pdf.text import OK, extract_text

    pdf = tmp_path / "one.pdf"
    pdf.write_bytes(selftest.one_page_pdf("a phrase found nowhere else"))
    result = extract_text(pdf)
    assert (result.status, result.text.strip(), result.pages) == (
        OK,
        "a phrase found nowhere else",
        1,
    )
    assert result.describe() == "1 page, 27 characters of text"
