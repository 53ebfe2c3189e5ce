"""`readerapp undo` and the import options `--queue` and `--tag`, as a user and a script run
them."""

from __future__ import annotations

from pathlib import Path

import pytest

from readerapp.core.location import LibraryLocation
from tests.cli.test_cli import Cli, ids_of
from tests.conftest import CORPUS, SEED
from tests.plain_db import content

JABREF = CORPUS / "bibtex" / "bbt-97_jabref210_groups_preamble.bib"


@pytest.fixture
def cli(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(library_dir, capsys)


def _content(library: LibraryLocation) -> dict[str, list[str]]:
    return content(library)


def _starred(cli: Cli, paper_id: int) -> bool:
    paper = cli.json("show", str(paper_id))
    assert isinstance(paper, dict)
    return bool(paper["starred"])


@pytest.mark.usefixtures("engine")  # undo keeps both text engines in step with SQLite
def test_import_with_queue_and_tag_then_undo_it(cli: Cli) -> None:
    out = cli.ok("import", str(SEED), "--queue", "Week 1", "--tag", "todo")
    lines = out.splitlines()
    assert lines[0].endswith("imported 73 added, 0 merged, 0 unchanged, 0 skipped")
    assert lines[-2:] == [
        "queue Week 1: added 73 of 73 papers (the others were on it already)",
        "tag todo: tagged 73 of 73 papers (the others had it already)",
    ]
    queued = cli.json("queue", "show", "Week 1")
    assert isinstance(queued, list) and len(queued) == 73
    assert cli.ok("queue", "list") == "    73  Week 1\n"
    assert cli.ok("tag", "list") == "    73  todo\n"
    assert len(ids_of(cli, "tag:todo")) == 73
    assert len(ids_of(cli, "todo")) == 73  # the text index has the tag at once

    code, out, err = cli("undo")

    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "undid: Import from hf_daily_papers_seed.txt",
        "Undid import 1 (hf_daily_papers_seed.txt): removed 73 papers.",
    ]
    assert ids_of(cli, "") == []
    assert ids_of(cli, "transformer") == []
    assert cli.ok("queue", "list") == ""  # the import created the queue; its undo removes it
    assert cli.ok("tag", "list") == ""
    imports = cli.json("imports")
    assert isinstance(imports, list) and len(imports) == 1
    assert imports[0]["undone"] is True and imports[0]["papers"] == 0
    assert cli("check")[0] == 0

    code, out, err = cli("undo")
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1
    assert err.startswith("readerapp: nothing to undo: ")


def test_star_then_undo_unstars(cli: Cli) -> None:
    cli.ok("import", str(SEED))
    (paper_id,) = ids_of(cli, 'title:"SwinFace"')
    assert cli.ok("star", str(paper_id)) == ""
    assert _starred(cli, paper_id)
    assert cli.ok("undo") == "undid: Star 1 paper\n"
    assert not _starred(cli, paper_id)
    code, _, err = cli("undo")
    assert code == 1 and err.startswith("readerapp: nothing to undo")
    assert not _starred(cli, paper_id)


def test_undo_takes_back_only_the_last_change(cli: Cli) -> None:
    cli.ok("import", str(SEED))
    (paper_id,) = ids_of(cli, 'title:"SwinFace"')
    cli.ok("star", str(paper_id))
    cli.ok("tag", "add", "face", str(paper_id))
    assert cli.json("undo") == {"undone": "Tag 1 paper “face”"}
    assert cli.ok("tag", "list") == ""
    assert _starred(cli, paper_id)  # the change before it stays
    assert cli("undo")[0] == 1


def test_undo_import_is_not_undone_again_by_undo(cli: Cli) -> None:
    cli.ok("import", str(SEED))
    cli.ok("undo-import", "1")
    code, out, err = cli("undo")
    assert (code, out) == (1, "")
    assert err.startswith("readerapp: nothing to undo")


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--queue", "  ", "readerapp: a queue needs a name\n"),
        ("--tag", "t" * 101, "readerapp: a tag can be at most 100 characters long\n"),
    ],
)
def test_a_refused_option_name_imports_nothing(
    cli: Cli, option: str, value: str, message: str
) -> None:
    code, out, err = cli("import", str(SEED), option, value)
    assert (code, out, err) == (1, "", message)
    assert ids_of(cli, "") == []
    assert cli.json("imports") == []
    assert cli.ok("queue", "list") == ""


def test_a_dry_run_with_options_writes_nothing(cli: Cli) -> None:
    cli.ok("import", str(SEED))
    (paper_id,) = ids_of(cli, 'title:"SwinFace"')
    cli.ok("star", str(paper_id))
    before = _content(cli.library)

    out = cli.ok("import", "--dry-run", "--queue", "X", "--tag", "y", str(JABREF), str(SEED))

    assert "would import 901 added" in out
    assert "would import 0 added, 0 merged, 73 unchanged" in out
    assert "queue X" not in out and "tag y" not in out
    assert _content(cli.library) == before
    assert cli.ok("queue", "list") == "" and cli.ok("tag", "list") == ""
    # The dry run is no change: undo still takes back the star before it.
    assert cli.ok("undo") == "undid: Star 1 paper\n"
    assert not _starred(cli, paper_id)
