"""An index made by an older version (another format or analysis) is rebuilt once when the
library opens, with its progress reported, and never again."""

from __future__ import annotations

from pathlib import Path

import pytest

from readerapp.cli.main import main
from readerapp.core import paths
from readerapp.core.location import local_dir
from readerapp.search import tantivy_index, whoosh_index
from readerapp.services import search
from readerapp.services.library import Library

pytestmark = pytest.mark.usefixtures("engine")


def _older(name: str) -> str:
    """The name the previous version gave its index ("papers_v3" -> "papers_v2")."""
    stem, _, version = name.rpartition("_v")
    return f"{stem}_v{int(version) - 1}"


OLDER = (
    (tantivy_index.INDEX_NAME, _older(tantivy_index.INDEX_NAME)),
    (whoosh_index.INDEX_NAME, _older(whoosh_index.INDEX_NAME)),
)


def _make_it_older(index_dir: Path) -> None:
    """Renames the index as the previous version named it."""
    for path in index_dir.iterdir():
        for name, older in OLDER:
            if name in path.name:
                path.rename(path.with_name(path.name.replace(name, older)))


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int | None, str]] = []

    def __call__(self, done: int, total: int | None, message: str) -> None:
        self.calls.append((done, total, message))


def test_an_older_index_is_rebuilt_once_with_progress(seeded: Library) -> None:
    directory = seeded.location
    # "LLMs" in the seed: the index of this version stems it as FTS5 does.
    before = search.search_ids(seeded, "llm", sort="title")
    assert before
    seeded.close()
    index_dir = paths.index_dir(local_dir(directory))
    _make_it_older(index_dir)
    progress = Recorder()
    with Library.open(directory, progress=progress) as upgraded:
        assert progress.calls[0] == (
            0,
            73,
            "Updating the search index for this version of readerapp (73 papers, once)",
        )
        assert progress.calls[-1] == (73, 73, "Index rebuilt")
        assert search.search_ids(upgraded, "llm", sort="title") == before
        assert not upgraded.index_needs_rebuild()
    # The older index's files are gone, and the next opening rebuilds nothing.
    assert not [p for p in index_dir.iterdir() if any(old in p.name for _, old in OLDER)]
    again = Recorder()
    with Library.open(directory, progress=again) as reopened:
        assert again.calls == []
        assert search.search_ids(reopened, "llm", sort="title") == before


def test_the_command_line_says_it_is_updating_the_index(
    seeded: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = seeded.location
    seeded.close()
    _make_it_older(paths.index_dir(local_dir(directory)))
    capsys.readouterr()
    assert main(["--library", str(directory), "search", "llm"]) == 0
    out, err = capsys.readouterr()
    assert err == (
        "readerapp: Updating the search index for this version of readerapp (73 papers, once)…\n"
    )
    assert out  # the search still answers, after the line
    assert main(["--library", str(directory), "search", "llm"]) == 0
    assert capsys.readouterr().err == ""
