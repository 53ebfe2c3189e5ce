"""Issue 13: a mistyped library folder, a search that finds nothing, and an import that
skips hundreds of entries, as a user and a script see them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readerapp.cli.main import main
from readerapp.core import paths
from tests.cli.test_cli import Cli
from tests.conftest import SEED, new_location
from tests.plain_db import holds_library

# Commands that only read, undo (which needs something to undo) and edits of named papers:
# none creates a library.
READING = [
    ["search", "lora"],
    ["search", "lora", "--json"],
    ["show", "1"],
    ["export", "--all", "--format", "json"],
    ["check"],
    ["imports"],
    ["queue", "list"],
    ["queue", "show", "Week 32"],
    ["tag", "list"],
    ["undo"],
    ["undo-import", "1"],
    # Edits that name a paper: there is none to name in a folder without a library.
    ["edit", "1", "--year", "2020"],
    ["star", "1"],
    ["unstar", "1"],
    ["status", "read", "1"],
    ["note", "1", "a thought"],
]


@pytest.fixture
def cli(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(library_dir, capsys)


def _bib(tmp_path: Path, skipped: int) -> Path:
    """A BibTeX file with one paper and `skipped` entries that have no title (lines 2...)."""
    entries = ["@article{good, title={A Good Paper}, year={2020}}"]
    entries += [f"@misc{{bad{i}, note={{entry {i}}}}}" for i in range(skipped)]
    path = tmp_path / f"skips-{skipped}.bib"
    path.write_text("\n".join(entries) + "\n", encoding="utf-8")
    return path


def _skipped(path: Path, line: int) -> str:
    return f"  skipped {path}:{line}: @misc entry 'bad{line - 2}' has no title, arXiv id or DOI"


# 1. A folder that holds no library


@pytest.mark.parametrize("args", READING, ids=" ".join)
def test_a_reading_command_on_a_mistyped_library_creates_nothing(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "libary"
    code = main(["--library", str(typo), *args])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == (
        f"readerapp: {typo} holds no readerapp library (a mistyped --library?); "
        f"`readerapp --library {typo} import FILE` creates one\n"
    )
    assert not typo.exists()


def test_a_folder_without_a_database_is_no_library_and_stays_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "my papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    code = main(["--library", str(folder), "search", "lora"])
    _, err = capsys.readouterr()
    assert code == 1 and err.count("\n") == 1
    # A folder name with a space is quoted in the command it suggests.
    assert f"`readerapp --library '{folder}' import FILE` creates one" in err
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_the_default_library_from_the_environment_is_not_created_by_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "env-libary"
    monkeypatch.setenv(paths.LIBRARY_ENV, str(library))
    assert main(["tag", "list"]) == 1
    assert capsys.readouterr().err == (
        f"readerapp: {library} holds no readerapp library (a mistyped $READERAPP_LIBRARY?); "
        "`readerapp import FILE` creates one\n"
    )
    assert not library.exists()


def test_the_platform_default_library_is_not_created_by_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(paths.LIBRARY_ENV)
    library = paths.default_library_dir()
    assert tmp_path in library.parents  # conftest's XDG_DATA_HOME, not the user's own
    assert main(["check"]) == 1
    assert capsys.readouterr().err == (
        f"readerapp: {library} holds no readerapp library yet; "
        "`readerapp import FILE` creates one\n"
    )
    assert not library.exists()
    # The first import creates it, and says so.
    assert main(["import", str(SEED)]) == 0
    assert capsys.readouterr().err == f"readerapp: created a new library in {library}\n"
    assert paths.database_path(library).exists()
    assert main(["check"]) == 0


def test_import_says_when_it_created_the_library(cli: Cli) -> None:
    code, out, err = cli("import", str(SEED))
    assert code == 0 and "imported 73 added" in out
    assert err == f"readerapp: created a new library in {cli.library}\n"
    code, out, err = cli("import", str(SEED))
    assert (code, err) == (0, "")  # it was there this time
    code, _, err = cli("search", "lora")
    assert (code, err) == (0, "")


def test_an_import_that_read_nothing_keeps_its_one_error_line(
    cli: Cli, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00binary")
    code, out, err = cli("import", str(bad))
    assert (code, out) == (2, "") and err.count("\n") == 1
    # A good file beside it gets in, and then the new library is worth a word.
    other = Cli(new_location(request, tmp_path / "other"), cli.capsys)
    code, out, err = other("import", str(bad), str(SEED))
    assert code == 2 and "imported 73 added" in out
    first, second = err.splitlines()
    assert first.startswith(f"readerapp: {bad}:1: ")
    assert second == f"readerapp: created a new library in {other.library}"


def test_import_json_creates_the_library_quietly(cli: Cli) -> None:
    code, out, err = cli("import", str(SEED), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)[0]["added"] == 73


@pytest.mark.parametrize(
    "args", [["queue", "create", "Week 32"], ["import", "--dry-run", str(SEED)]]
)
def test_writing_commands_still_create_a_library(cli: Cli, args: list[str]) -> None:
    assert cli(*args)[0] == 0
    assert holds_library(cli.library)
    assert cli("queue", "list")[0] == 0


# 2. A search that finds nothing


def test_a_search_without_results_prints_nothing_and_says_so_on_stderr(cli: Cli) -> None:
    cli.ok("import", str(SEED))
    assert cli("search", "zyzzyva quokka") == (
        0,
        "",
        "readerapp: no papers match 'zyzzyva quokka'\n",
    )
    assert cli("search", "zyzzyva", "--json") == (0, "[]\n", "")
    code, out, err = cli("search", "title:kronecker")
    assert code == 0 and "Kronecker" in out and err == ""


def test_a_blank_search_of_an_empty_library_says_it_is_empty(cli: Cli) -> None:
    cli.ok("queue", "create", "Week 32")
    assert cli("search", "") == (0, "", "readerapp: the library holds no papers\n")


# 3. Skipped entries in an import report


def test_import_lists_the_first_five_skipped_lines_and_counts_the_rest(
    cli: Cli, tmp_path: Path
) -> None:
    bib = _bib(tmp_path, 8)
    lines = cli.ok("import", str(bib)).splitlines()
    assert lines == [
        f"{bib} (bibtex): imported 1 added, 0 merged, 0 unchanged, 8 skipped",
        *[_skipped(bib, line) for line in range(2, 7)],
        "  … and 3 more skipped lines (see them with --verbose)",
    ]
    lines = cli.ok("import", "--verbose", str(bib)).splitlines()
    assert lines[1:] == [_skipped(bib, line) for line in range(2, 10)]
    (report,) = cli.json("import", str(bib))  # type: ignore[misc]
    assert [s["line"] for s in report["skipped"]] == list(range(2, 10))
    lines = cli.ok("import", "--dry-run", str(bib)).splitlines()
    assert lines[0].endswith("would import 0 added, 0 merged, 1 unchanged, 8 skipped")
    assert lines[-1] == "  … and 3 more skipped lines (see them with --verbose)"


def test_each_file_gets_its_own_summary(cli: Cli, tmp_path: Path) -> None:
    six, five = _bib(tmp_path, 6), _bib(tmp_path, 5)
    lines = cli.ok("import", str(six), str(five)).splitlines()
    assert lines == [
        f"{six} (bibtex): imported 1 added, 0 merged, 0 unchanged, 6 skipped",
        *[_skipped(six, line) for line in range(2, 7)],
        "  … and 1 more skipped line (see it with --verbose)",
        f"{five} (bibtex): imported 0 added, 0 merged, 1 unchanged, 5 skipped",
        *[_skipped(five, line) for line in range(2, 7)],
    ]
