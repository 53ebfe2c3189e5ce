"""`add`, `complete` and `fetch daily` as a user and a script run them, against a local
server with recorded answers (tests/scholarly_server.py); no test reaches the internet."""

from __future__ import annotations

from pathlib import Path

import pytest

from readerapp.services import online
from tests.cli.test_cli import Cli
from tests.conftest import SEED
from tests.fakes import FakeClock
from tests.plain_db import content
from tests.scholarly_server import KnownPaper, ScholarlyWeb
from tests.user_rows import user_rows


@pytest.fixture
def cli(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(library_dir, capsys)


def _dump(cli: Cli) -> list[str]:
    return content(cli.library, leave_out=("meta", "index_pending"))


def test_add_takes_both_spellings_of_one_paper_as_one(
    cli: Cli, scholarly_web: ScholarlyWeb
) -> None:
    out = cli.ok("add", "1707.08567", "10.48550/arXiv.1707.08567", "arXiv:1707.08567v1")
    assert "1 added" in out
    papers = cli.json("search", "")
    assert isinstance(papers, list) and len(papers) == 1
    paper = papers[0]
    assert paper["arxiv_id"] == "1707.08567"
    assert len(paper["authors"]) == 34
    asked = [line for line in scholarly_web.log if line.startswith("/api/query")]
    assert len(asked) == 1  # one id, one request


def test_add_reads_ids_from_standard_input_and_reports_unknown_ones(
    cli: Cli, scholarly_web: ScholarlyWeb, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("astro-ph/0601001\n2301.99999\n"))
    code, out, err = cli("add", "-")
    assert code == 1
    assert "1 added" in out
    assert "arXiv:2301.99999: no source knows it" in err
    code, out, err = cli("add", "not-an-id")
    assert code == 1 and "'not-an-id' is not an arXiv id or a DOI" in err


def test_add_is_undone_by_undo(cli: Cli, scholarly_web: ScholarlyWeb) -> None:
    cli.ok("add", "1707.08567")
    assert "undid" in cli.ok("undo")
    assert cli("search", "")[0] == 0 and cli.json("search", "") == []


def test_complete_all_fills_the_known_papers_and_lists_the_candidate(
    cli: Cli, scholarly_web: ScholarlyWeb
) -> None:
    cli.ok("import", str(SEED))
    papers = cli.json("search", "swinface")
    assert isinstance(papers, list)
    swin = papers[0]
    scholarly_web.knows(
        swin["title"], KnownPaper(swin["title"], "2308.11509", ("Lixiong Qin",), "2023-08-22")
    )
    loose = cli.json("search", '"Task-Specific Skill Localization"')[0]  # type: ignore[index]
    scholarly_web.knows(
        loose["title"],
        KnownPaper("Task Skill Localization in Language Models", "2302.06600", (), "2023-02-13"),
    )
    before = user_rows(cli.library)
    code, out, err = cli("complete", "--all")
    assert code == 0, err
    assert out.splitlines()[0].startswith(f"{swin['id']}: filled ")
    assert f"{loose['id']}: candidate from Hugging Face (the title differs slightly)" in out
    assert "1 completed" in err and "1 with candidates to check" in err
    shown = cli.json("show", str(swin["id"]))
    assert isinstance(shown, dict)
    assert shown["arxiv_id"] == "2308.11509" and shown["authors"] == ["Lixiong Qin"]
    assert shown["links"]["pdf"] == "https://arxiv.org/pdf/2308.11509"
    assert cli.json("show", str(loose["id"]))["arxiv_id"] is None  # type: ignore[index]
    cli.ok("undo")
    assert user_rows(cli.library) == before


def test_complete_json_and_dry_run(cli: Cli, scholarly_web: ScholarlyWeb) -> None:
    cli.ok("import", str(SEED))
    swin = cli.json("search", "swinface")[0]  # type: ignore[index]
    scholarly_web.knows(
        swin["title"], KnownPaper(swin["title"], "2308.11509", ("Lixiong Qin",), "2023-08-22")
    )
    before = _dump(cli)
    result = cli.json("complete", str(swin["id"]), "--dry-run")
    assert isinstance(result, dict)
    assert result["dry_run"] is True and result["batch_id"] is None
    assert "authors" in result["completed"][str(swin["id"])]
    assert _dump(cli) == before


def test_with_the_server_stopped_complete_prints_one_line_exits_2_and_changes_nothing(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(online, "CLOCK", FakeClock())  # the sources point at a dead port
    cli.ok("import", str(SEED))
    before = _dump(cli)
    code, out, err = cli("complete", "--all")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("readerapp: Hugging Face: could not connect")
    assert _dump(cli) == before


def test_network_switched_off_refuses_without_a_request(
    cli: Cli, scholarly_web: ScholarlyWeb, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READERAPP_OFFLINE", "1")
    code, _out, err = cli("add", "1707.08567")
    assert code == 2 and "network use is switched off" in err
    assert scholarly_web.log == []


def test_fetch_daily_imports_the_list_of_a_date(cli: Cli, scholarly_web: ScholarlyWeb) -> None:
    out = cli.ok("fetch", "daily", "--date", "2026-07-31")
    assert "listing of 2026-07-31): imported 5 added" in out
    assert cli.ok("fetch", "daily", "--date", "2026-07-31").count("5 unchanged") == 1
    code, _out, err = cli("fetch", "daily", "--date", "2026-07-30")
    assert code == 1 and "no Daily Papers for 2026-07-30" in err
    code, _out, err = cli("fetch", "daily", "--date", "31/07/2026")
    assert code == 1 and "YYYY-MM-DD" in err


def test_rules_apply_to_papers_added_by_identifier_and_undo_with_them(
    cli: Cli, scholarly_web: ScholarlyWeb
) -> None:
    cli.ok("rules", "add", "Everything new", "year:1900..", "--tag", "new", "--queue", "Later")
    out = cli.ok("add", "1707.08567")
    assert "rule Everything new: matched 1 paper: tagged 1 new, queued 1 on Later" in out
    assert len(cli.json("search", "tag:new is:inbox")) == 1  # a rule's doings are not triage
    assert "undid" in cli.ok("undo")
    assert cli.json("search", "") == [] and "  0  Later" in cli.ok("queue", "list")
