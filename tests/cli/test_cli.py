"""The command line is a contract: these tests run it as users and scripts do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readerapp.cli.main import main
from tests.conftest import SEED

# The whole search suite runs once per search engine.
pytestmark = pytest.mark.usefixtures("engine")


class Cli:
    def __init__(self, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.library = library
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        code = main(["--library", str(self.library), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *args: str) -> str:
        code, out, err = self(*args)
        assert code == 0, err
        return out

    def json(self, *args: str) -> object:
        return json.loads(self.ok(*args, "--json"))


@pytest.fixture
def cli(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(library_dir, capsys)


@pytest.fixture
def seeded_cli(cli: Cli) -> Cli:
    assert "73 added" in cli.ok("import", str(SEED))
    return cli


def ids_of(cli: Cli, query: str) -> list[int]:
    return [p["id"] for p in cli.json("search", query)]  # type: ignore[index, union-attr]


def test_import_twice_prints_counts(cli: Cli) -> None:
    out = cli.ok("import", str(SEED))
    assert out.splitlines()[0].endswith(
        "(hf-daily-text, listing of Aug 7): imported 73 added, 0 merged, 0 unchanged, 0 skipped"
    )
    out = cli.ok("import", str(SEED))
    assert "0 added, 0 merged, 73 unchanged" in out
    (report,) = cli.json("import", str(SEED))  # type: ignore[misc]
    assert report["added"] == 0 and report["unchanged"] == 73


def test_search_outputs_and_json_contract(seeded_cli: Cli) -> None:
    papers = seeded_cli.json("search", "chain-of-thought")
    assert isinstance(papers, list) and len(papers) == 4
    for paper in papers:
        assert {
            "id",
            "title",
            "authors",
            "year",
            "arxiv_id",
            "doi",
            "starred",
            "status",
            "tags",
            "queues",
            "links",
        } <= set(paper)
    out = seeded_cli.ok("search", "title:kronecker")
    assert len(out.splitlines()) == 1 and "Kronecker" in out
    assert len(seeded_cli.ok("search", "retrieval", "--limit", "2").splitlines()) == 2


def test_triage_shows_in_show_search_and_export(seeded_cli: Cli) -> None:
    kron = ids_of(seeded_cli, "title:kronecker")[0]
    retrieval = ids_of(seeded_cli, "retrieval")
    seeded_cli.ok("star", str(kron), str(retrieval[0]))
    seeded_cli.ok("status", "reading", str(kron))
    seeded_cli.ok("tag", "add", "peft", str(kron))
    assert "note" in seeded_cli.ok("note", str(kron), "Compare with **LoRA**.")
    shown = seeded_cli.json("show", str(kron))
    assert isinstance(shown, dict)
    assert shown["starred"] and shown["status"] == "reading" and shown["tags"] == ["peft"]
    assert ids_of(seeded_cli, "retrieval is:starred") == [retrieval[0]]
    assert ids_of(seeded_cli, "tag:peft status:reading") == [kron]
    text = seeded_cli.ok("show", str(kron))
    assert "status:   reading" in text and "Compare with **LoRA**." in text
    seeded_cli.ok("unstar", str(kron))
    assert ids_of(seeded_cli, "is:starred") == [retrieval[0]]


def test_queue_commands_and_markdown_export(seeded_cli: Cli, tmp_path: Path) -> None:
    a, b, c = ids_of(seeded_cli, "retrieval")[:3]
    seeded_cli.ok("queue", "add", "Week", str(a), str(b), str(c))
    seeded_cli.ok("queue", "move", "Week", str(c), "1")
    assert "     3  Week" in seeded_cli.ok("queue", "list")
    shown = seeded_cli.ok("queue", "show", "Week").splitlines()
    assert [int(line.split()[1]) for line in shown] == [c, a, b]
    seeded_cli.ok("queue", "remove", "Week", str(a))
    out_file = tmp_path / "week.md"
    seeded_cli.ok("export", "--queue", "Week", "--format", "markdown", "-o", str(out_file))
    text = out_file.read_text(encoding="utf-8")
    assert text.startswith("# Reading queue: Week")
    first, second = [line for line in text.splitlines() if line[:2] in ("1.", "2.")]
    titles = {p["id"]: p["title"] for p in seeded_cli.json("search", "")}  # type: ignore
    assert titles[c] in first and titles[b] in second


def test_export_to_a_file_holds_what_stdout_shows(seeded_cli: Cli, tmp_path: Path) -> None:
    """`export --output` streams to the file paper by paper: the same text as on stdout, in
    every format, and a file that cannot be written is named, with nothing left behind."""
    folder = tmp_path / "exports"
    folder.mkdir()
    ids = ids_of(seeded_cli, "retrieval")
    seeded_cli.ok("star", *map(str, ids[:4]))
    seeded_cli.ok("queue", "add", "Week", *map(str, ids[:3]))
    for fmt in ("markdown", "bibtex", "csv", "json"):
        for selection in (("--all",), ("--starred",), ("--queue", "Week"), ("--query", "lora")):
            shown = seeded_cli.ok("export", *selection, "--format", fmt)
            target = folder / f"out.{fmt}"
            code, out, err = seeded_cli("export", *selection, "--format", fmt, "-o", str(target))
            assert code == 0 and out == ""
            assert target.read_bytes() == shown.encode("utf-8"), (fmt, selection)
            assert err.startswith("exported ") and err.endswith(f" papers to {target}\n")
    assert (
        "exported 73 papers"
        in seeded_cli("export", "--all", "--format", "csv", "-o", str(target))[2]
    )
    missing = folder / "no-such-folder" / "all.md"
    code, _, err = seeded_cli("export", "--all", "--format", "markdown", "-o", str(missing))
    assert code == 1 and f"{missing}: cannot write (No such file or directory)" in err
    assert sorted(p.name for p in folder.iterdir()) == [
        f"out.{f}" for f in ("bibtex", "csv", "json", "markdown")
    ]


def test_refs_by_arxiv_and_doi_and_errors(seeded_cli: Cli) -> None:
    code, _, err = seeded_cli("show", "arxiv:2106.09685")
    assert code == 1 and err == "readerapp: no paper with arXiv id 2106.09685\n"
    code, _, err = seeded_cli("star", "9999")
    assert code == 1 and "no paper with id 9999" in err
    code, _, err = seeded_cli("search", '"unclosed')
    assert code == 1 and "query error at character 1" in err
    code, _, err = seeded_cli("status", "finished", "1")
    assert code == 1 and "invalid choice" in err
    code, _, err = seeded_cli("frobnicate")
    assert code == 1


def test_unreadable_input_exits_2_naming_file_and_line(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"line one\nline two\x00\x00")
    code, _, err = cli("import", str(bad))
    assert code == 2
    assert err == f"readerapp: {bad}:2: binary data (a NUL byte), not a text file\n"
    assert "Traceback" not in err


def test_check_and_reindex(seeded_cli: Cli) -> None:
    assert seeded_cli.ok("check").strip() == "73 papers, 73 indexed: ok"
    assert seeded_cli.ok("reindex").strip() == "indexed 73 papers"


def run_entry_point(
    args: list[str], library: Path, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "READERAPP_LIBRARY": str(library)}
    return subprocess.run(
        [sys.executable, "-m", "readerapp", *args],
        input=stdin,
        capture_output=True,
        env=env,
        check=False,
        timeout=120,
    )


def test_real_process_import_from_stdin_and_note_from_stdin(tmp_path: Path) -> None:
    library = tmp_path / "env-library"
    result = run_entry_point(["import", "-"], library, SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    assert b"<stdin> (hf-daily-text, listing of Aug 7): imported 73 added" in result.stdout
    result = run_entry_point(["note", "1", "-"], library, "Ünïcode note\n".encode())
    assert result.returncode == 0, result.stderr
    result = run_entry_point(["show", "1", "--json"], library)
    assert json.loads(result.stdout)["notes"][0]["body"] == "Ünïcode note\n"
    assert run_entry_point(["--version"], library).stdout.startswith(b"readerapp ")


def test_reindex_switches_engine_and_the_library_remembers_it(seeded_cli: Cli) -> None:
    before = sorted(ids_of(seeded_cli, "title:kronecker OR chain-of-thought"))
    for engine in ("tantivy", "whoosh", "tantivy"):
        assert (
            seeded_cli.ok("reindex", "--engine", engine).strip()
            == f"indexed 73 papers with {engine}"
        )
        # A new process opens the engine the library chose, and finds the same papers.
        assert sorted(ids_of(seeded_cli, "title:kronecker OR chain-of-thought")) == before
        assert seeded_cli.ok("check").strip() == "73 papers, 73 indexed: ok"
    code, _, err = seeded_cli("reindex", "--engine", "lucene")
    assert code == 1 and "invalid choice" in err
