"""`readerapp tag rename` and `readerapp tag delete`, and `readerapp undo` after each."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import Cli, ids_of
from tests.conftest import SEED


@pytest.fixture
def cli(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    cli = Cli(library_dir, capsys)
    cli.ok("import", str(SEED))
    return cli


def _tag(cli: Cli, tag: str, query: str) -> list[int]:
    ids = sorted(ids_of(cli, query))
    assert ids
    cli.ok("tag", "add", tag, *map(str, ids))
    return ids


def test_rename_then_undo(cli: Cli) -> None:
    ids = _tag(cli, "cot", "chain-of-thought")

    assert cli.ok("tag", "rename", "cot", "wombat") == ""

    assert cli.ok("tag", "list") == f"{len(ids):>6}  wombat\n"
    assert sorted(ids_of(cli, "tag:wombat")) == ids
    assert sorted(ids_of(cli, "wombat")) == ids  # the text index has the new name at once
    assert ids_of(cli, "tag:cot") == []
    assert cli.ok("undo") == "undid: Rename tag “cot” to “wombat”\n"
    assert cli.ok("tag", "list") == f"{len(ids):>6}  cot\n"
    assert sorted(ids_of(cli, "tag:cot")) == ids
    assert ids_of(cli, "wombat") == []
    assert cli("check")[0] == 0


def test_merge_then_undo(cli: Cli) -> None:
    cot = _tag(cli, "cot", "chain-of-thought")
    (swin,) = _tag(cli, "Vision", 'title:"SwinFace"')

    cli.ok("tag", "rename", "cot", "vision")

    assert cli.ok("tag", "list") == f"{len(cot) + 1:>6}  Vision\n"
    assert sorted(ids_of(cli, "tag:vision")) == sorted([*cot, swin])
    assert cli.ok("undo") == "undid: Merge tag “cot” into “Vision”\n"
    assert sorted(ids_of(cli, "tag:cot")) == cot
    assert ids_of(cli, "tag:vision") == [swin]


def test_delete_then_undo(cli: Cli) -> None:
    ids = _tag(cli, "cot", "chain-of-thought")

    assert cli.ok("tag", "delete", "cot") == ""

    assert cli.ok("tag", "list") == ""
    assert ids_of(cli, "tag:cot") == []
    assert cli.ok("undo") == f"undid: Delete tag “cot” from {len(ids)} papers\n"
    assert sorted(ids_of(cli, "tag:cot")) == ids
    assert cli("undo")[0] == 1  # once


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rename", "cot", " "), "readerapp: a tag needs at least one visible character\n"),
        (("rename", "nope", "x"), "readerapp: no tag named 'nope'\n"),
        (("delete", "nope"), "readerapp: no tag named 'nope'\n"),
    ],
)
def test_refused(cli: Cli, args: tuple[str, ...], message: str) -> None:
    ids = _tag(cli, "cot", "chain-of-thought")

    assert cli("tag", *args) == (1, "", message)

    assert sorted(ids_of(cli, "tag:cot")) == ids
    # The refused command left the last change (the tagging) for `undo`.
    assert cli.ok("undo").startswith("undid: Tag ")
