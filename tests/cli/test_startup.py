"""What a command imports before it answers: the start-up guarantees, checked by module name.

Time is the benchmark's to measure (benchmarks/startup_section.py); these tests only prove the
structure that keeps start-up fast. Each command runs in a fresh interpreter, as a user's does,
and reports the modules it had loaded by the time it returned: `--version` loads no database
layer, format or service; `search` loads no SQLAlchemy and no format.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import readerapp
from readerapp.cli import choices
from readerapp.cli.main import command_word
from readerapp.cli.parser import build_parser
from readerapp.core import paths
from readerapp.core.location import ServerLocation
from readerapp.db.migrations import SCHEMA_VERSION
from readerapp.formats.registry import EXPORT_FORMATS, IMPORT_FORMATS
from readerapp.services import search
from readerapp.services.library import Library

ROOT = Path(__file__).resolve().parents[2]
V1 = Path(__file__).resolve().parents[1] / "data" / "library_v1.sqlite"

# Runs the command line in this interpreter, then writes the names of the loaded modules.
SCRIPT = """
import json, sys
from readerapp.cli.main import main
code = main(sys.argv[2:])
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(sorted(sys.modules), out)
sys.exit(code)
"""


# Modules that describe and run other commands than search (readerapp.cli.parser).
OTHER_COMMAND_MODULES = ("lookup_commands", "routine_commands", "edit_command", "commands")


def run(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    report = tmp_path / "modules.json"
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(report), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ),
        check=False,
    )
    modules = json.loads(report.read_text(encoding="utf-8")) if report.exists() else []
    return result, modules


def loaded(modules: list[str], *packages: str) -> list[str]:
    return [m for m in modules if m.split(".")[0] in packages or m.startswith(packages)]


def test_version_loads_no_database_layer_format_or_service(tmp_path: Path) -> None:
    result, modules = run(tmp_path, "--version")
    assert result.returncode == 0 and result.stdout.startswith("readerapp ")
    assert "readerapp.cli.main" in modules  # the report is of a real run
    assert loaded(modules, "sqlalchemy", "whoosh", "tantivy", "PySide6", "httpx") == []
    assert loaded(modules, "readerapp.db", "readerapp.formats", "readerapp.services") == []
    # Answered before the parser is built: building it imports argparse and the modules its
    # choices and help text come from (the records' dataclasses, the query syntax).
    assert "argparse" not in modules and "readerapp.cli.parser" not in modules
    assert "readerapp.core.records" not in modules


def test_version_among_other_options_is_the_parsers_and_says_the_same(tmp_path: Path) -> None:
    quick, _ = run(tmp_path, "--version")
    parsed, modules = run(tmp_path, "--library", str(tmp_path), "--version")
    assert parsed.returncode == quick.returncode == 0
    assert parsed.stdout == quick.stdout == f"readerapp {readerapp.__version__}\n"
    assert "readerapp.cli.parser" in modules


@pytest.mark.usefixtures("engine")
def test_search_loads_no_sqlalchemy_and_no_format(seeded: Library, tmp_path: Path) -> None:
    seeded.close()  # the subprocess opens it as a user's command would
    result, modules = run(tmp_path, "--library", str(seeded.location), "search", "retrieval")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) > 5  # it did search
    assert "readerapp.services.search" in modules
    assert loaded(modules, "sqlalchemy", "PySide6", "httpx", "readerapp.formats") == []
    # Only the search command's parser is built: no other command's module describes it.
    assert loaded(modules, *(f"readerapp.cli.{m}" for m in OTHER_COMMAND_MODULES)) == []
    # What Whoosh would load and never use (readerapp.search.whoosh_light); on a server
    # library psycopg itself imports asyncio, so only a folder library can tell.
    if not isinstance(seeded.location, ServerLocation):
        assert loaded(modules, "asyncio", "urllib.request", "http", "email") == []
        # A read that records no change by anyone: no settings file, so no platformdirs.
        assert loaded(modules, "platformdirs", "configparser", "readerapp.core.settings") == []


@pytest.mark.usefixtures("engine")
def test_show_loads_no_sqlalchemy_and_shows_the_paper(seeded: Library, tmp_path: Path) -> None:
    paper = search.search(seeded, "")[0]
    seeded.close()
    result, modules = run(tmp_path, "--library", str(seeded.location), "show", str(paper.id))
    assert result.returncode == 0, result.stderr
    assert paper.title in result.stdout
    assert "readerapp.cli.show_command" in modules
    assert loaded(modules, "sqlalchemy", "PySide6", "httpx", "readerapp.formats") == []
    for ref, why in (("999999", "no paper with id 999999"), ("arxiv:2401.00001", "no paper")):
        result, _ = run(tmp_path, "--library", str(seeded.location), "show", ref)
        assert result.returncode == 1 and why in result.stderr


def test_a_search_on_a_library_due_a_migration_migrates_it_first(tmp_path: Path) -> None:
    """The fast path only skips the ORM for a file of the current schema; an older one is
    backed up and migrated (with the ORM) before the search reads it."""
    directory = tmp_path / "old library"
    directory.mkdir()
    shutil.copyfile(V1, paths.database_path(directory))
    result, modules = run(tmp_path, "--library", str(directory), "search", "lora")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert "sqlalchemy.orm" in modules
    assert len(list(directory.glob("*.bak.sqlite"))) == 1
    result, modules = run(tmp_path, "--library", str(directory), "search", "lora")
    assert result.returncode == 0 and result.stdout.strip()
    assert loaded(modules, "sqlalchemy") == []  # migrated once; from now on the fast path
    assert SCHEMA_VERSION > 1


def test_the_written_out_choices_are_the_registry_and_sort_service_ones() -> None:
    assert tuple(f.name for f in IMPORT_FORMATS) == choices.IMPORT_FORMATS
    assert tuple(f.name for f in EXPORT_FORMATS) == choices.EXPORT_FORMATS
    assert choices.SORTS == search.SORTS


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Every parser below `parser`, by its command path ("tag rename")."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[name] = sub
                found.update({f"{name} {k}": v for k, v in _subparsers(sub).items()})
    return found


def test_the_parser_of_one_command_is_that_command_s_part_of_the_whole_parser() -> None:
    whole = build_parser()
    commands = {k: v for k, v in _subparsers(whole).items() if " " not in k}
    assert len(commands) > 25 and "search" in commands
    for name, expected in commands.items():
        alone = build_parser(name)
        assert alone.format_usage() == whole.format_usage()
        built = _subparsers(alone)
        assert {k for k in built if k.split()[0] == name} == {
            k for k in _subparsers(whole) if k.split()[0] == name
        }
        assert {k.split()[0] for k in built} == {name}  # no other command's parser
        for path, sub in built.items():
            assert sub.format_help() == _subparsers(whole)[path].format_help(), path
        assert built[name].format_help() == expected.format_help()
    # Not a command: the whole parser, whose error lists every command.
    assert build_parser("serch").format_help() == whole.format_help()


@pytest.mark.parametrize(
    ("words", "word"),
    [
        (["search", "x"], "search"),
        (["--library", "L", "search", "x"], "search"),
        (["--library=L", "tag", "list"], "tag"),
        (["--library", "search", "show", "1"], "show"),  # the folder may be called so
        (["--library", "-L", "search"], None),
        (["--lib", "L", "search"], None),  # argparse's abbreviations: the whole parser
        (["--open", "a.bib", "search"], None),
        (["-h", "search"], None),
        (["--", "search"], None),
        (["--library", "L"], None),
        ([], None),
    ],
)
def test_the_command_word_is_read_only_where_it_is_certain(
    words: list[str], word: str | None
) -> None:
    assert command_word(words) == word


def test_a_mistyped_command_lists_every_command(tmp_path: Path) -> None:
    result, _ = run(tmp_path, "--library", str(tmp_path), "serch", "x")
    assert result.returncode == 1
    assert "invalid choice: 'serch'" in result.stderr
    assert all(f"'{name}'" in result.stderr for name in ("search", "reindex", "stats"))
