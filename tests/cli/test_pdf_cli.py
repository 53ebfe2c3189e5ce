"""`attach`, `download`, `check --repair` and `search --json` snippets, as a user runs them.
Downloads come from a real HTTP server on 127.0.0.1; no test reaches the internet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from readerapp.core.location import ServerLocation, local_dir
from readerapp.services import online
from tests import pdf_samples
from tests.cli.test_cli import Cli, ids_of
from tests.conftest import SEED
from tests.fakes import FakeClock

PHRASE = "we ablate the KV cache"


@pytest.fixture
def seeded_cli(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    cli = Cli(library_dir, capsys)
    assert "73 added" in cli.ok("import", str(SEED))
    return cli


def _pid(cli: Cli) -> int:
    return ids_of(cli, "")[0]


def test_an_attached_phrase_is_found_by_search_with_a_snippet(
    seeded_cli: Cli, tmp_path: Path
) -> None:
    pid = _pid(seeded_cli)
    pdf = pdf_samples.paper_pdf(tmp_path / "lora.pdf", PHRASE)
    out = seeded_cli.ok("attach", str(pid), str(pdf))
    assert out.startswith(f"files/{pid}-lora.pdf: attached to paper {pid}; 3 pages, ")
    assert ids_of(seeded_cli, f'"{PHRASE}"') == [pid]
    (hit,) = json.loads(seeded_cli.ok("search", f'"{PHRASE}"', "--json"))
    assert hit["id"] == pid
    (snippet,) = hit["snippets"]
    assert snippet["field"] == "fulltext"
    start, end = snippet["marks"][0]
    assert snippet["text"][start:end] == PHRASE
    # Papers found by other words have no full-text snippet, and the key is always there.
    # (And `readerapp undo` takes the attached copy back.)
    others = json.loads(seeded_cli.ok("search", "is:unstarred", "--json", "--limit", "2"))
    assert all(o["snippets"] == [] for o in others)
    assert seeded_cli.ok("undo") == "undid: Attach PDF\n"
    stored = local_dir(seeded_cli.library) / "files" / f"{pid}-lora.pdf"
    assert not stored.exists() and pdf.exists()
    assert ids_of(seeded_cli, f'"{PHRASE}"') == []


def test_attaching_html_named_pdf_is_one_line_and_exit_2(seeded_cli: Cli, tmp_path: Path) -> None:
    fake = pdf_samples.html_pdf(tmp_path / "rate limited.pdf")
    code, out, err = seeded_cli("attach", str(_pid(seeded_cli)), str(fake))
    assert (code, out) == (2, "")
    assert err == f"readerapp: {fake}: a web page (HTML), not a PDF\n"


@pytest.mark.sqlite_only(
    reason="files on disk are the library's; a server's: tests/services/test_server_files.py"
)
def test_check_reports_and_repairs_files(seeded_cli: Cli, tmp_path: Path) -> None:
    pid = _pid(seeded_cli)
    seeded_cli.ok("attach", str(pid), str(pdf_samples.paper_pdf(tmp_path / "a.pdf", "x")))
    stored = local_dir(seeded_cli.library) / "files" / f"{pid}-a.pdf"
    stored.rename(stored.with_name("moved.pdf"))
    code, out, _ = seeded_cli("check")
    assert code == 1
    assert f"files: files/{pid}-a.pdf (paper {pid}) is not on disk" in out
    assert "files: files/moved.pdf belongs to no paper" in out
    out = seeded_cli.ok("check", "--repair")
    assert out.splitlines()[0] == f"re-linked files/{pid}-a.pdf -> files/moved.pdf"
    assert out.splitlines()[-1] == "73 papers, 73 indexed: ok"


def test_backup_says_plainly_that_the_pdfs_are_not_in_it(seeded_cli: Cli, tmp_path: Path) -> None:
    pid = _pid(seeded_cli)
    seeded_cli.ok("attach", str(pid), str(pdf_samples.paper_pdf(tmp_path / "a.pdf", "x")))
    code, out, err = seeded_cli("backup", str(tmp_path / "b.sqlite"))
    assert code == 0 and out.strip() == str(tmp_path / "b.sqlite")
    assert "the backup holds the database only, not the 1 PDFs" in err
    if isinstance(seeded_cli.library, ServerLocation):  # kept in the server, not the cache
        assert f"kept in {seeded_cli.library.shown}; `readerapp copy-library`" in err
    else:
        assert str(local_dir(seeded_cli.library) / "files") in err


# -- downloads ------------------------------------------------------------------------------


def _link(cli: Cli, pid: int, url: str) -> None:
    cli.ok("edit", str(pid), "--link", f"pdf={url}")


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    clock = FakeClock()
    monkeypatch.setattr(online, "CLOCK", clock)  # retries and pacing are measured, not waited
    return clock


def test_download_fetches_a_pdf_from_the_papers_link(
    seeded_cli: Cli, httpserver: HTTPServer, tmp_path: Path, fake_clock: FakeClock
) -> None:
    pid = _pid(seeded_cli)
    body = pdf_samples.paper_pdf(tmp_path / "served.pdf", PHRASE).read_bytes()
    httpserver.expect_request("/papers/lora.pdf").respond_with_data(
        body, content_type="application/pdf"
    )
    _link(seeded_cli, pid, httpserver.url_for("/papers/lora.pdf"))
    code, out, err = seeded_cli("download", str(pid))
    assert code == 0, err
    assert out.startswith(f"files/{pid}-lora.pdf: attached to paper {pid}; 3 pages")
    assert err == ""
    assert ids_of(seeded_cli, f'"{PHRASE}"') == [pid]
    request, _response = httpserver.log[0]
    assert request.headers["User-Agent"].startswith("readerapp/")
    # Asked again, it has one: no second request.
    assert seeded_cli.ok("download", str(pid)) == f"{pid}: already has a PDF\n"
    assert len(httpserver.log) == 1


def test_a_server_answering_html_leaves_no_file_and_one_line(
    seeded_cli: Cli, httpserver: HTTPServer, fake_clock: FakeClock
) -> None:
    pid = _pid(seeded_cli)
    page = b"<!DOCTYPE html><html><body>Rate exceeded.</body></html>"
    httpserver.expect_request("/pdf/x").respond_with_data(page, content_type="application/pdf")
    _link(seeded_cli, pid, httpserver.url_for("/pdf/x"))
    code, out, err = seeded_cli("download", str(pid))
    assert (code, out) == (1, "")
    host = f"{httpserver.host}:{httpserver.port}"
    assert err == f"{pid}: {host} sent a web page (HTML), not a PDF; not kept\n"  # one line
    assert _no_files(seeded_cli)


def test_a_server_stopping_half_way_leaves_no_file_and_one_line(
    seeded_cli: Cli, httpserver: HTTPServer, tmp_path: Path, fake_clock: FakeClock
) -> None:
    pid = _pid(seeded_cli)
    body = pdf_samples.paper_pdf(tmp_path / "served.pdf", PHRASE).read_bytes()

    def half(request: Request) -> Response:
        # Says how long the PDF is, sends half of it, and closes the connection.
        response = Response(body[: len(body) // 2], content_type="application/pdf")
        response.headers["Content-Length"] = str(len(body))
        return response

    httpserver.expect_request("/half.pdf").respond_with_handler(half)
    _link(seeded_cli, pid, httpserver.url_for("/half.pdf"))
    code, out, _ = seeded_cli("download", str(pid), "--json")
    assert code == 1
    (result,) = json.loads(out)
    assert result["outcome"] == "failed"
    assert "the connection to" in result["line"] and "broke off" in result["line"]
    assert "\n" not in result["line"]
    assert len(httpserver.log) == 3  # asked again twice, after measured waits
    assert fake_clock.sleeps
    assert _no_files(seeded_cli)


def test_download_by_queue_and_without_links(seeded_cli: Cli) -> None:
    ids = ids_of(seeded_cli, "")[:2]
    seeded_cli.ok("queue", "add", "Train", *map(str, ids))
    for pid in ids:
        seeded_cli.ok("edit", str(pid), "--link", "pdf=", "--arxiv", "")
    code, out, err = seeded_cli("download", "--queue", "Train")
    assert code == 0
    assert out.splitlines() == [f"{pid}: no PDF link is known" for pid in ids]
    assert err.splitlines() == ["PDFs: 0 downloaded, 2 without a PDF link"]


def _no_files(cli: Cli) -> bool:
    folder = local_dir(cli.library) / "files"
    return not folder.exists() or not any(folder.iterdir())
