"""`readerapp copy-library SRC DEST` between folders: one line on success, one on refusal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from readerapp.cli.main import main
from readerapp.core import paths
from readerapp.services import importing
from readerapp.services.library import Library
from tests.conftest import SEED

pytestmark = pytest.mark.own_backends  # makes its own folders and server databases


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "source"
    with Library.open(folder) as lib:
        importing.import_path(lib, SEED)
    return folder


def test_copy_prints_one_line_and_the_copy_opens(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy"
    assert main(["copy-library", str(source), str(target)]) == 0
    out, err = capsys.readouterr()
    assert re.fullmatch(
        rf"copied 73 papers and [0-9,]+ other rows from {re.escape(str(source))} to "
        rf"{re.escape(str(target))}; its search index is built when it is first opened\n",
        out,
    )
    assert err == ""  # progress goes to a terminal only
    assert main(["--library", str(target), "search", "--json", "attention"]) == 0
    assert '"title"' in capsys.readouterr().out


def test_a_destination_with_papers_is_refused_in_one_line(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["copy-library", str(source), str(source.parent / "copy")]) == 0
    capsys.readouterr()
    assert main(["copy-library", str(source), str(source.parent / "copy")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"readerapp: {source.parent / 'copy'}: already holds a library (73 papers); "
        "copy-library writes only into an empty one\n"
    )


def test_a_missing_source_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["copy-library", str(tmp_path / "nowhere"), str(tmp_path / "copy")]) == 1
    assert "no readerapp library here to copy" in capsys.readouterr().err
    assert not paths.database_path(tmp_path / "copy").exists()
