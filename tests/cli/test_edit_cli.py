"""`readerapp edit REF`, as a user and a script run it: every field, bad values, duplicates,
`readerapp undo`, and hand edits that later imports leave alone."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.cli.test_cli import Cli, ids_of
from tests.conftest import SEED
from tests.plain_db import columns, plain_db

SWINFACE_TITLE = (
    "SwinFace: A Multi-task Transformer for Face Recognition, Expression Recognition, Age "
    "Estimation and Attribute Estimation"
)
# SwinFace of the seed (matched by title) with what the seed lacks: the real authors, ids
# and journal.
SWINFACE_BIB = r"""
@article{qin2023swinface,
  title = {{SwinFace}: A Multi-task Transformer for Face Recognition, Expression Recognition,
           Age Estimation and Attribute Estimation},
  author = {Qin, Lixiong and Wang, Mei},
  journal = {IEEE Transactions on Circuits and Systems for Video Technology},
  year = {2023},
  doi = {10.1109/TCSVT.2023.3304724},
  eprint = {2308.11509},
  archiveprefix = {arXiv}
}
"""


@pytest.fixture
def cli(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(library_dir, capsys)


@pytest.fixture
def seeded_cli(cli: Cli) -> Cli:
    assert "73 added" in cli.ok("import", str(SEED))
    return cli


def _paper(cli: Cli, ref: str) -> dict[str, object]:
    paper = cli.json("show", ref)
    assert isinstance(paper, dict)
    return paper


def _swinface(cli: Cli) -> int:
    (pid,) = ids_of(cli, 'title:"SwinFace"')
    return pid


def _rows(cli: Cli) -> dict[str, list[tuple[object, ...]]]:
    """The papers (every column but updated_at, which an edit and its undo both set) and
    their authors, straight from SQLite."""
    with plain_db(cli.library) as conn:
        kept = ", ".join(c for c in columns(conn, "papers") if c != "updated_at")
        return {
            "papers": conn.execute(f"SELECT {kept} FROM papers ORDER BY id").fetchall(),
            "authors": conn.execute(
                "SELECT paper_id, position, name FROM paper_authors ORDER BY 1, 2"
            ).fetchall(),
        }


def _marks(cli: Cli, pid: int) -> set[str]:
    with plain_db(cli.library) as conn:
        (edited,) = conn.execute("SELECT user_edited FROM papers WHERE id = ?", (pid,)).fetchone()
    return set(filter(None, str(edited).split(",")))


def _import_bib(cli: Cli, tmp_path: Path) -> str:
    bib = tmp_path / "swinface.bib"
    bib.write_text(SWINFACE_BIB, encoding="utf-8")
    return cli.ok("import", str(bib))


def test_every_field_edits_and_reads_back(seeded_cli: Cli) -> None:
    pid = _swinface(seeded_cli)
    out = seeded_cli.ok(
        "edit",
        str(pid),
        "--title",
        "SwinFace: one transformer for every face task",
        "--authors",
        "Lixiong Qin; Mei Wang",
        "--year",
        "2023",
        "--date",
        "2023-08-22",
        "--venue",
        "IEEE TCSVT",
        "--arxiv",
        "https://arxiv.org/abs/2308.11509v3",
        "--doi",
        "doi:10.1109/TCSVT.2023.3304724",
        "--abstract",
        "A multi-purpose face transformer.",
        "--link",
        "abs=https://arxiv.org/abs/2308.11509",
        "--link",
        "pdf=https://arxiv.org/pdf/2308.11509",
        "--link",
        "code=",
        "--link",
        "project=https://example.org/swinface",
        "--link",
        "HF=https://huggingface.co/papers/2308.11509",
    )

    assert out == (
        f"Edited {pid}: title, authors, year, date, venue, arxiv_id, doi, abstract, abs_url, "
        "pdf_url, code_url, project_url, hf_url\n"
    )
    paper = _paper(seeded_cli, str(pid))
    assert {k: paper[k] for k in ("title", "authors", "year", "date", "venue")} == {
        "title": "SwinFace: one transformer for every face task",
        "authors": ["Lixiong Qin", "Mei Wang"],
        "year": 2023,
        "date": "2023-08-22",
        "venue": "IEEE TCSVT",
    }
    assert (paper["arxiv_id"], paper["doi"]) == ("2308.11509", "10.1109/tcsvt.2023.3304724")
    assert paper["abstract"] == "A multi-purpose face transformer."
    assert paper["links"] == {
        "abs": "https://arxiv.org/abs/2308.11509",
        "pdf": "https://arxiv.org/pdf/2308.11509",
        "project": "https://example.org/swinface",
        "hf": "https://huggingface.co/papers/2308.11509",
    }
    # A REF by the new id finds it.
    assert _paper(seeded_cli, "arxiv:2308.11509")["id"] == pid
    assert _paper(seeded_cli, "doi:10.1109/TCSVT.2023.3304724")["id"] == pid


def test_json_prints_the_paper_as_show_does(seeded_cli: Cli) -> None:
    pid = _swinface(seeded_cli)
    edited = seeded_cli.json("edit", str(pid), "--venue", "TCSVT")
    assert edited == seeded_cli.json("show", str(pid))
    assert isinstance(edited, dict) and edited["venue"] == "TCSVT"


def test_empty_values_clear_fields(seeded_cli: Cli) -> None:
    pid = _swinface(seeded_cli)
    seeded_cli.ok("edit", str(pid), "--venue", "TCSVT", "--year", "2023", "--authors", "A B")
    out = seeded_cli.ok(
        "edit", str(pid), "--venue", "", "--year", "", "--authors", "", "--link", "code="
    )
    assert out == f"Edited {pid}: authors, year, venue, code_url\n"
    paper = _paper(seeded_cli, str(pid))
    assert (paper["venue"], paper["year"], paper["authors"], paper["links"]) == (
        None,
        None,
        [],
        {},
    )


def test_abstract_from_standard_input(seeded_cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = _swinface(seeded_cli)
    text = "Faces, all\nat once.\n\nSecond paragraph: ünïcode.\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    seeded_cli.ok("edit", str(pid), "--abstract", "-")
    abstract = _paper(seeded_cli, str(pid))["abstract"]
    assert abstract == "Faces, all at once.\n\nSecond paragraph: ünïcode."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--arxiv", "2313.01234"], "'2313.01234' is not an arXiv id"),
        (["--doi", "11.1234/abc"], "'11.1234/abc' is not a DOI"),
        (["--year", "twenty"], "'twenty' is not a year"),
        (["--year", "20233"], "20233 is not a year between 1000 and 2100"),
        (["--date", "22/08/2023"], "'22/08/2023' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        (["--date", "2023-02-29"], "'2023-02-29' is not a date: there is no such day"),
        (["--link", "pdf=file:///etc/passwd"], "'file:///etc/passwd' is not an http(s) link"),
        (["--link", "slides=https://example.org"], "--link 'slides=https://example.org': "),
        (["--link", "https://example.org"], "--link 'https://example.org': write KIND=URL"),
        (["--link", "pdf=https://a.org", "--link", "pdf="], "--link pdf= is given twice"),
        (["--title", " "], "a title needs at least one letter or digit"),
        ([], "nothing to edit: give --title, --authors,"),
        # The good value is not written either.
        (["--venue", "NeurIPS", "--arxiv", "1234"], "'1234' is not an arXiv id"),
    ],
)
def test_bad_values_exit_1_with_one_line_and_change_nothing(
    seeded_cli: Cli, args: list[str], message: str
) -> None:
    pid = _swinface(seeded_cli)
    before = _rows(seeded_cli)
    code, out, err = seeded_cli("edit", str(pid), *args)
    assert (code, out) == (1, "")
    assert err.startswith(f"readerapp: {message}") and err.count("\n") == 1, err
    assert _rows(seeded_cli) == before


def test_an_unknown_paper_exits_1(seeded_cli: Cli) -> None:
    code, _, err = seeded_cli("edit", "9999", "--venue", "x")
    assert (code, err) == (1, "readerapp: no paper with id 9999\n")


def test_an_id_another_paper_holds_exits_1_naming_it(seeded_cli: Cli) -> None:
    pid = _swinface(seeded_cli)
    (other,) = ids_of(seeded_cli, 'title:"Unified Generative Retriever"')
    seeded_cli.ok("edit", str(other), "--arxiv", "2308.11509", "--doi", "10.1109/X.1")
    before = _rows(seeded_cli)

    code, out, err = seeded_cli("edit", str(pid), "--arxiv", "arXiv:2308.11509v1")
    assert (code, out) == (1, "")
    assert err == f"readerapp: paper {other} already has the arXiv id 2308.11509\n"
    code, _, err = seeded_cli("edit", str(pid), "--doi", "https://doi.org/10.1109/x.1")
    assert (code, err) == (1, f"readerapp: paper {other} already has the DOI 10.1109/x.1\n")
    assert _rows(seeded_cli) == before


def test_undo_restores_fields_authors_and_marks_exactly(seeded_cli: Cli, tmp_path: Path) -> None:
    _import_bib(seeded_cli, tmp_path)  # SwinFace now has authors, ids, year, venue
    pid = _swinface(seeded_cli)
    seeded_cli.ok("edit", str(pid), "--venue", "TCSVT")
    before = _rows(seeded_cli)
    assert _marks(seeded_cli, pid) == {"venue"}

    seeded_cli.ok(
        "edit",
        str(pid),
        "--title",
        "Quetzal faces",
        "--authors",
        "Ada Lovelace",
        "--arxiv",
        "",
        "--doi",
        "",
        "--abstract",
        "",
        "--link",
        "pdf=https://example.org/q.pdf",
    )
    assert _marks(seeded_cli, pid) == {"venue", "title", "authors", "arxiv_id", "doi"} | {
        "abstract",
        "pdf_url",
    }
    assert ids_of(seeded_cli, "quetzal") == [pid]

    code, out, err = seeded_cli("undo")

    assert (code, err) == (0, "")
    assert out == "undid: Edit title, authors, arxiv_id, doi, abstract, pdf_url\n"
    assert _rows(seeded_cli) == before
    assert _marks(seeded_cli, pid) == {"venue"}
    assert ids_of(seeded_cli, "quetzal") == []
    assert ids_of(seeded_cli, "author:Lixiong") == [pid]
    code, _, err = seeded_cli("undo")  # once
    assert code == 1 and err.startswith("readerapp: nothing to undo")


def test_hand_edits_survive_a_reimport(seeded_cli: Cli, tmp_path: Path) -> None:
    pid = _swinface(seeded_cli)
    seeded_cli.ok("edit", str(pid), "--authors", "L. Qin; M. Wang; W. Deng", "--venue", "TCSVT")

    # Matched by title: the file fills what is empty (year, ids, links), not the edits.
    assert "imported 0 added, 1 merged" in _import_bib(seeded_cli, tmp_path)
    paper = _paper(seeded_cli, str(pid))
    assert paper["authors"] == ["L. Qin", "M. Wang", "W. Deng"]
    assert paper["venue"] == "TCSVT"
    assert (paper["year"], paper["arxiv_id"]) == (2023, "2308.11509")

    # Now matched by its arXiv id, whatever the title says.
    seeded_cli.ok("edit", str(pid), "--title", "SwinFace (my title)")
    assert "imported 0 added, 0 merged, 1 unchanged" in _import_bib(seeded_cli, tmp_path)
    paper = _paper(seeded_cli, str(pid))
    assert paper["title"] == "SwinFace (my title)"
    assert paper["authors"] == ["L. Qin", "M. Wang", "W. Deng"]
    assert ids_of(seeded_cli, '"my title"') == [pid]
    assert len(ids_of(seeded_cli, "")) == 73


def test_a_cleared_field_stays_cleared_through_reimports(seeded_cli: Cli, tmp_path: Path) -> None:
    pid = _swinface(seeded_cli)
    seed_paper = _paper(seeded_cli, str(pid))
    assert seed_paper["abstract"] and seed_paper["links"]  # what the seed would fill again
    seeded_cli.ok(
        "edit",
        str(pid),
        "--authors",
        "",
        "--venue",
        "",
        "--year",
        "",
        "--date",
        "",
        "--arxiv",
        "",
        "--doi",
        "",
        "--abstract",
        "",
        "--link",
        "code=",
        "--link",
        "abs=",  # the file's arXiv id brings abs and pdf links
        "--link",
        "pdf=",
    )

    out = _import_bib(seeded_cli, tmp_path)
    assert "imported 0 added, 0 merged, 1 unchanged" in out  # matched by title, nothing to fill
    out = seeded_cli.ok("import", str(SEED))
    assert "0 added, 0 merged, 73 unchanged" in out

    paper = _paper(seeded_cli, str(pid))
    assert paper["title"] == SWINFACE_TITLE
    assert (paper["authors"], paper["venue"], paper["year"], paper["date"]) == (
        [],
        None,
        None,
        None,
    )
    assert (paper["arxiv_id"], paper["doi"], paper["abstract"]) == (None, None, "")
    assert paper["links"] == {}
    assert ids_of(seeded_cli, "author:Lixiong") == []


@pytest.mark.usefixtures("engine")  # the edit reaches both text engines at once
def test_search_finds_the_paper_by_its_new_title_and_authors(seeded_cli: Cli) -> None:
    pid = _swinface(seeded_cli)
    assert ids_of(seeded_cli, "quetzal") == []
    seeded_cli.ok(
        "edit", str(pid), "--title", "Quetzal faces in the wild", "--authors", "Ada Lovelace"
    )
    assert ids_of(seeded_cli, "quetzal") == [pid]
    assert ids_of(seeded_cli, 'title:"faces in the wild"') == [pid]
    assert ids_of(seeded_cli, "author:lovelace") == [pid]
    assert ids_of(seeded_cli, "title:SwinFace") == []
    assert seeded_cli.ok("check").strip() == "73 papers, 73 indexed: ok"
