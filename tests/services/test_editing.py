"""Hand edits of a paper's fields (services.editing): cleaning, checks, marks, undo, and that
no import fills a field the user edited, even one they cleared."""

from __future__ import annotations

from pathlib import Path

import pytest

from readerapp.core.errors import UserError
from readerapp.db.models import PaperRow
from readerapp.services import editing, importing, search, triage, undo
from readerapp.services.changes import Changes
from readerapp.services.library import Library
from tests.conftest import SEED, paper_id_by_title
from tests.services.test_undo import round_trip, state

# Hand edits keep both text engines in step with SQLite.
pytestmark = pytest.mark.usefixtures("engine")

SWINFACE = "SwinFace"
UGR = "Unified Generative Retriever"

# SwinFace and UGR of the seed (matched by title: the seed has no ids or years) with fields the
# seed lacks. SwinFace's arXiv id, DOI, authors and journal are the real ones.
BIB = r"""
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
@inproceedings{ugr,
  title = {A Unified Generative Retriever for Knowledge-Intensive Language Tasks via Prompt
           Learning},
  author = {Chen, Jiangui and Zhang, Ruqing},
  booktitle = {SIGIR},
  year = {2023}
}
"""


def _marks(library: Library, paper_id: int) -> set[str]:
    with library.read() as session:
        row = session.get(PaperRow, paper_id)
        assert row is not None
        return set(filter(None, row.user_edited.split(",")))


def _bib(tmp_path: Path) -> Path:
    path = tmp_path / "swinface.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def test_every_field_edits_cleaned_and_marked(seeded: Library) -> None:
    pid = paper_id_by_title(seeded, SWINFACE)
    applied = editing.edit_paper(
        seeded,
        pid,
        hf_url=" https://huggingface.co/papers/2308.11509 ",
        title="  SwinFace:\tfaces,  all at once ",
        authors=[" Lixiong  Qin", "", "Mei Wang"],
        year="2023",
        date="2023-08-22",
        venue=" IEEE TCSVT ",
        arxiv_id="https://arxiv.org/abs/2308.11509v3",
        doi="https://doi.org/10.1109/TCSVT.2023.3304724",
        abstract="First paragraph\nwrapped.\n\nSecond one.",
        abs_url="https://arxiv.org/abs/2308.11509",
        pdf_url="https://arxiv.org/pdf/2308.11509",
        code_url="",
        project_url="http://example.org/swinface",
    )

    paper = triage.get_paper(seeded, pid)
    assert paper.title == "SwinFace: faces, all at once"
    assert paper.authors == ("Lixiong Qin", "Mei Wang")
    assert (paper.year, paper.date, paper.venue) == (2023, "2023-08-22", "IEEE TCSVT")
    assert (paper.arxiv_id, paper.doi) == ("2308.11509", "10.1109/tcsvt.2023.3304724")
    assert paper.abstract == "First paragraph wrapped.\n\nSecond one."
    assert paper.links.as_dict() == {
        "abs": "https://arxiv.org/abs/2308.11509",
        "pdf": "https://arxiv.org/pdf/2308.11509",
        "project": "http://example.org/swinface",
        "hf": "https://huggingface.co/papers/2308.11509",
    }
    assert applied.value == list(editing.EDITABLE)  # in EDITABLE order, whatever was given
    assert applied.label == f"Edit {', '.join(editing.EDITABLE)}"
    assert applied.changes == Changes(frozenset({pid}), order=True)
    assert _marks(seeded, pid) == set(editing.EDITABLE)
    # The index has the new title and authors at once.
    assert search.search_ids(seeded, '"faces all at once"') == [pid]
    assert search.search_ids(seeded, "author:Lixiong") == [pid]
    assert search.search_ids(seeded, "arxiv:2308.11509") == [pid]


def test_marks_add_up_and_keep_older_ones(seeded: Library) -> None:
    pid = paper_id_by_title(seeded, SWINFACE)
    editing.edit_paper(seeded, pid, venue="TCSVT")
    editing.edit_paper(seeded, pid, authors=["Lixiong Qin"], year=None)
    assert _marks(seeded, pid) == {"venue", "authors", "year"}


def test_a_string_of_authors_is_split_at_semicolons() -> None:
    assert editing.parse_authors("Ada Lovelace; Alan Turing;\nGrace Hopper; ") == [
        "Ada Lovelace",
        "Alan Turing",
        "Grace Hopper",
    ]
    assert editing.clean_values({"authors": "Ada Lovelace;  Alan  Turing ;"}) == {
        "authors": ["Ada Lovelace", "Alan Turing"]
    }
    assert editing.clean_values({"authors": ""}) == {"authors": []}


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"arxiv_id": "2313.01234"}, "'2313.01234' is not an arXiv id"),
        ({"arxiv_id": "LoRA"}, "'LoRA' is not an arXiv id"),
        ({"doi": "11.1234/x"}, "'11.1234/x' is not a DOI"),
        ({"year": "MMXXIII"}, "'MMXXIII' is not a year"),
        ({"year": 99}, "99 is not a year between 1000 and 2100"),
        ({"year": "-2023"}, "'-2023' is not a year"),
        ({"date": "2023/08/22"}, "'2023/08/22' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"date": "2023-02-30"}, "'2023-02-30' is not a date: there is no such day"),
        ({"date": "2023-13"}, "'2023-13' is not a date: there is no such day"),
        ({"date": "0999"}, "'0999' is not a date between 1000 and 2100"),
        ({"pdf_url": "ftp://example.org/p.pdf"}, "'ftp://example.org/p.pdf' is not an http"),
        ({"code_url": "javascript:alert(1)"}, "'javascript:alert(1)' is not an http"),
        ({"hf_url": "https://exa mple.org"}, "'https://exa mple.org' is not an http"),
        ({"title": "  "}, "a title needs at least one letter or digit"),
        ({"title": None}, "a title needs at least one letter or digit"),
        ({"notes": "x"}, "notes cannot be edited"),
        ({"user_edited": ""}, "user_edited cannot be edited"),
        ({}, "nothing to edit"),
        # One bad value stops the whole edit: the good one is not written either.
        ({"venue": "NeurIPS", "doi": "not a doi"}, "'not a doi' is not a DOI"),
    ],
)
def test_a_bad_value_changes_nothing(
    seeded: Library, values: dict[str, object], message: str
) -> None:
    pid = paper_id_by_title(seeded, SWINFACE)
    before = state(seeded)
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        editing.edit_paper(seeded, pid, **values)
    assert state(seeded) == before


def test_an_id_another_paper_holds_names_that_paper(seeded: Library) -> None:
    a, b = paper_id_by_title(seeded, SWINFACE), paper_id_by_title(seeded, UGR)
    editing.edit_paper(seeded, b, arxiv_id="2308.11509", doi="10.1109/TCSVT.2023.3304724")
    before = state(seeded)
    with pytest.raises(UserError, match=f"^paper {b} already has the arXiv id 2308.11509$"):
        editing.edit_paper(seeded, a, title="Mine now", arxiv_id="arXiv:2308.11509v2")
    with pytest.raises(UserError, match=f"^paper {b} already has the DOI 10.1109/tcsvt"):
        editing.edit_paper(seeded, a, doi="doi:10.1109/TCSVT.2023.3304724")
    assert state(seeded) == before
    # The paper's own id again is no conflict.
    editing.edit_paper(seeded, b, arxiv_id="2308.11509")


def test_an_error_names_the_field_it_is_about(seeded: Library) -> None:
    """The window shows each message next to its field's editor."""
    a, b = paper_id_by_title(seeded, SWINFACE), paper_id_by_title(seeded, UGR)
    with pytest.raises(editing.FieldError) as bad_year:
        editing.clean_values({"venue": "NeurIPS", "year": "MMXXIII"})
    assert (bad_year.value.field, str(bad_year.value)) == ("year", "'MMXXIII' is not a year")
    editing.edit_paper(seeded, b, doi="10.1109/TCSVT.2023.3304724")
    with pytest.raises(editing.FieldError) as taken:
        editing.edit_paper(seeded, a, doi="10.1109/TCSVT.2023.3304724")
    assert taken.value.field == "doi"


def test_a_paper_says_which_fields_were_edited_by_hand(seeded: Library) -> None:
    pid = paper_id_by_title(seeded, SWINFACE)
    assert triage.get_paper(seeded, pid).edited == ()
    editing.edit_paper(seeded, pid, venue="TCSVT", pdf_url="https://example.org/s.pdf")
    assert triage.get_paper(seeded, pid).edited == ("pdf_url", "venue")


def test_an_unknown_paper(seeded: Library) -> None:
    with pytest.raises(UserError, match="no paper with id 9999"):
        editing.edit_paper(seeded, 9999, venue="x")


def test_undo_puts_back_fields_authors_and_marks(seeded: Library, tmp_path: Path) -> None:
    importing.import_path(seeded, _bib(tmp_path))  # SwinFace gets authors, ids, venue, year
    pid = paper_id_by_title(seeded, SWINFACE)
    editing.edit_paper(seeded, pid, venue="TCSVT")  # a mark from before stays a mark

    applied = round_trip(
        seeded,
        lambda: editing.edit_paper(
            seeded,
            pid,
            title="SwinFace for quetzal faces",
            authors=["Ada Lovelace"],
            arxiv_id="",
            doi=None,
            pdf_url="https://example.org/swinface.pdf",
            abstract="",
        ),
        {"papers", "authors"},
        lambda: (
            search.search_ids(seeded, "quetzal"),
            search.search_ids(seeded, "author:Lovelace"),
            search.search_ids(seeded, "author:Lixiong"),
        ),
    )

    assert applied.undo is not None and applied.undo.portable
    paper = triage.get_paper(seeded, pid)
    assert paper.authors == ("Lixiong Qin", "Mei Wang") and paper.arxiv_id == "2308.11509"
    assert _marks(seeded, pid) == {"venue"}


def test_undo_kept_by_the_command_line(seeded: Library) -> None:
    pid = paper_id_by_title(seeded, SWINFACE)
    before = state(seeded)
    undo.remember(seeded, editing.edit_paper(seeded, pid, authors=["Ada Lovelace"], year=2021))
    label, _ = undo.undo_last(seeded)
    assert label == "Edit authors, year"
    assert state(seeded) == before


def test_undo_does_not_take_an_id_another_paper_took_since(seeded: Library) -> None:
    a, b = paper_id_by_title(seeded, SWINFACE), paper_id_by_title(seeded, UGR)
    editing.edit_paper(seeded, a, arxiv_id="2308.11509")
    cleared = editing.edit_paper(seeded, a, arxiv_id="")
    editing.edit_paper(seeded, b, arxiv_id="2308.11509")
    assert cleared.undo is not None
    before = state(seeded)
    with pytest.raises(UserError, match=f"paper {b} already has the arXiv id 2308.11509"):
        undo.apply(seeded, cleared.undo)
    assert state(seeded) == before


def test_imports_never_fill_what_was_edited_even_when_cleared(
    seeded: Library, tmp_path: Path
) -> None:
    swinface, ugr = paper_id_by_title(seeded, SWINFACE), paper_id_by_title(seeded, UGR)
    seed_paper = triage.get_paper(seeded, swinface)
    assert seed_paper.abstract and seed_paper.links.code  # what the seed fills again
    # SwinFace: everything the file carries is cleared by hand; UGR: set to other values.
    editing.edit_paper(
        seeded,
        swinface,
        authors=[],
        year=None,
        venue="",
        arxiv_id="",
        doi="",
        abstract="",
        code_url="",
        abs_url="",
        pdf_url="",
    )
    editing.edit_paper(seeded, ugr, authors="Jiangui Chen; Ruqing Zhang; Jiafeng Guo", venue="")

    importing.import_path(seeded, _bib(tmp_path))
    importing.import_path(seeded, SEED)

    paper = triage.get_paper(seeded, swinface)
    assert paper.title == seed_paper.title
    assert (paper.authors, paper.year, paper.venue, paper.arxiv_id, paper.doi) == (
        (),
        None,
        None,
        None,
        None,
    )
    assert paper.abstract == "" and paper.links.as_dict() == {}
    other = triage.get_paper(seeded, ugr)
    assert other.authors == ("Jiangui Chen", "Ruqing Zhang", "Jiafeng Guo")
    assert other.venue is None
    assert other.year == 2023  # not edited: the import filled it
    assert search.search_ids(seeded, "author:Guo") == [ugr]


def test_an_edited_title_stands_and_is_found(seeded: Library, tmp_path: Path) -> None:
    importing.import_path(seeded, _bib(tmp_path))  # now SwinFace has an arXiv id to match on
    pid = paper_id_by_title(seeded, SWINFACE)
    editing.edit_paper(seeded, pid, title="Quetzal faces: one transformer for every face task")

    report = importing.import_path(seeded, _bib(tmp_path))

    assert report.added == 0  # matched by arXiv id, not brought back under the old title
    assert triage.get_paper(seeded, pid).title.startswith("Quetzal faces")
    assert search.search_ids(seeded, "quetzal") == [pid]
    assert search.search_ids(seeded, 'title:"every face task"') == [pid]
    assert search.search_ids(seeded, "title:SwinFace") == []


def test_links_made_from_the_arxiv_id_follow_a_corrected_id(seeded: Library) -> None:
    pid = paper_id_by_title(seeded, "SwinFace")
    editing.edit_paper(seeded, pid, arxiv_id="2308.11590")  # a typo: digits swapped
    paper = triage.get_paper(seeded, pid)
    assert paper.links.abs == "https://arxiv.org/abs/2308.11590"
    editing.edit_paper(seeded, pid, pdf_url="https://example.org/swinface.pdf")
    undo.remember(seeded, editing.edit_paper(seeded, pid, arxiv_id="2308.11509"))
    paper = triage.get_paper(seeded, pid)
    assert paper.arxiv_id == "2308.11509"
    assert paper.links.abs == "https://arxiv.org/abs/2308.11509"
    assert paper.links.hf == "https://huggingface.co/papers/2308.11509"
    assert paper.links.pdf == "https://example.org/swinface.pdf"  # set by hand: kept
    assert "abs_url" not in paper.edited  # followed, not edited by hand
    undo.undo_last(seeded)
    paper = triage.get_paper(seeded, pid)
    assert paper.arxiv_id == "2308.11590"
    assert paper.links.abs == "https://arxiv.org/abs/2308.11590"
