"""Every corpus file through `readerapp import --json`, end to end, one library per file.

tests/formats/ checks what each parser reads (records, skipped entries, fields, lines). This
checks what a user gets from the command line: the exit code, the report's counts after
duplicates within the file merged into one paper, nothing but one-line messages on stderr,
and that importing the same file again adds nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readerapp.cli.main import main
from tests.conftest import CORPUS

# file: (format, added, skipped). The MANIFEST counts raw entries; every entry is either
# skipped with a reason or becomes a paper, and entries that are one paper (same arXiv id,
# else same DOI, else same normalised title with agreeing years: DESIGN.md's identity) are
# added once. So added = MANIFEST entries - skipped - entries merged into an earlier one.
EXPECTED: dict[str, tuple[str, int, int]] = {
    "arxiv-atom/sotawhat_arxiv_transformer_csLG_5.xml": ("arxiv-atom", 5, 0),  # 5 entries
    # 7,166 entries, none skipped; 9 repeat an earlier paper: 5 by arXiv id, 3 by DOI, and
    # "The Ga- Si (Gallium-Silicon) System" by title and year. 7,166 - 9 = 7,157.
    "bibtex/bbt-1436-3_unabbreviate_huge_7166.bib": ("bibtex", 7157, 0),
    # 1,053 entries: one (a talk) has no title, arXiv id or DOI; the two entries under the
    # duplicated key are different papers and both stay. 1,053 - 1 = 1,052.
    "bibtex/bbt-1436-2_unabbreviate_large_1053.bib": ("bibtex", 1052, 1),
    # 1,855 entries: jensen2016algorithm (line 7506) is never closed and is reported; 14
    # repeat an earlier paper (13 by title and year, e.g. "Attention Is All You Need" twice,
    # 1 by an arXiv id the file gives two papers). 1,855 - 1 - 14 = 1,840.
    "bibtex/ifnspaml_group_bibliography_1855.bib": ("bibtex", 1840, 1),
    # 988 entries: one alias entry has only a crossref; 11 repeat an earlier paper by title
    # and year ("On seeing things", "Counterfactuals", ...): the 14 repeated keys are
    # different papers. 988 - 1 - 11 = 976.
    "bibtex/bbt-873_paren_entries_crossref.bib": ("bibtex", 976, 1),
    # 911 entries; 10 have no title, arXiv id or DOI. 911 - 10 = 901.
    "bibtex/bbt-97_jabref210_groups_preamble.bib": ("bibtex", 901, 10),
    # The file has 512 entries (the MANIFEST's 465 is low, see tests/formats/
    # test_bibtex_import.py): 3 repeat an identical entry (Milazzo2017 x3, Woolf1939 x2) and
    # are reported; 3 more repeat an earlier paper (2 by DOI, one of them a DOI the file gives
    # two works; 1 by title and year). 512 - 3 - 3 = 506.
    "bibtex/bbt_mendeley_export_webpages.bib": ("bibtex", 506, 3),
    # 307 entries: BBL+06 twice and identical (reported); 4 repeat an earlier paper (2 by
    # arXiv id, 2 by DOI). 307 - 1 - 4 = 302.
    "bibtex/quantum-bib_quantum_307_macros_external.bib": ("bibtex", 302, 1),
    # 283 entries plus one commented out with `%@` (reported): 73 APA name-format examples
    # have no title; 2 repeat an earlier paper (a chapter with its book's DOI, and
    # "Epocrates Medical References" by title and year). 284 - 74 - 2 = 208.
    "bibtex/bbt-2660_plus_in_fieldname.bib": ("bibtex", 208, 74),
    # 3 entries: two children crossref'd to one parent all titled "Lebanon" (2004): the parent
    # and one child are one paper by title and year. 3 - 1 = 2.
    "bibtex/bbt-2373_crossref_children.bib": ("bibtex", 2, 0),
    "bibtex/bbt-1081_string_concat_space.bib": ("bibtex", 1, 0),  # 1 entry each
    "bibtex/bbt-154_string_macro_colon.bib": ("bibtex", 1, 0),
    "bibtex/bbt-664_bibdesk_strings.bib": ("bibtex", 1, 0),
    "bibtex/bbt-871_round_parens_concat.bib": ("bibtex", 1, 0),
    "bibtex/bbt-95-96_preamble_mojibake.bib": ("bibtex", 1, 0),
    "csl-json/bbt-1179_better_csl_json.csl.json": ("csljson", 26, 0),  # 26, 15, 4 items
    "csl-json/bbt-811_edtf_dates.csl.json": ("csljson", 15, 0),
    "csl-json/bbt_pandoc_schomd.csl.json": ("csljson", 4, 0),
    "hf-json/sotawhat_hf_daily_papers_30.json": ("hf-json", 30, 0),  # 30 papers
    # 1,104 arXiv links to 1,098 unique ids (a paper listed in two weeks is one paper), and
    # 197 papers whose link goes elsewhere (nature.com, github.com, ...: 195 "Paper" rows and
    # 3 "Project" rows, the Gemini 1.5 report listed twice); one of these, OpenAI's "Emergent
    # Misalignment" (no year), is one paper with arXiv's by title. 1,098 + 197 - 1 = 1,294.
    "markdown-list/dair-ai_ML-Papers-of-the-Week_README.md": ("markdown-list", 1294, 0),
    "ris/asreview_baseline_100.ris": ("ris", 100, 0),  # 100, 9, 10, 10, 10 TY records
    "ris/asreview_openalex.ris": ("ris", 9, 0),
    "ris/asreview_scopus.ris": ("ris", 10, 0),
    "ris/asreview_webofscience.ris": ("ris", 10, 0),
    "ris/asreview_zotero.ris": ("ris", 10, 0),
    # PubMed MEDLINE under a .ris name: recognised and read by its own reader, 50 PMID records.
    "ris/asreview_pubmed_medline_format_named.ris": ("medline", 50, 0),
    "scholarly-api-json/sotawhat_semantic_scholar_search_transformer_5.json": (
        "semantic-scholar",
        5,
        0,
    ),  # 5 search results
}

# Not a bibliography: only @string macros, the companion of quantum-bib's quantum.bib. The
# CLI refuses it (exit 2) and says what it is, never "0 papers imported".
REFUSED = {
    "bibtex/quantum-bib_abbr_strings_crlf.bib": "holds only @string definitions (130 macros) "
    "and no entries; it is a macro file",
}


def _corpus_files() -> list[str]:
    return sorted(
        str(p.relative_to(CORPUS))
        for p in CORPUS.rglob("*")
        if p.is_file() and p.name != "README.md"
    )


def _run(library: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--library", str(library), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_every_corpus_file_is_expected() -> None:
    assert _corpus_files() == sorted([*EXPECTED, *REFUSED])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_imports_with_manifest_counts_and_again_adds_nothing(
    name: str, library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fmt, added, skipped = EXPECTED[name]
    path = str(CORPUS / name)
    code, out, err = _run(library_dir, capsys, "import", "--json", path)
    assert (code, err) == (0, "")
    (report,) = json.loads(out)
    assert report["format"] == fmt
    assert (report["added"], report["merged"], report["unchanged"]) == (added, 0, 0)
    assert len(report["skipped"]) == skipped
    assert all(s["reason"] for s in report["skipped"])

    code, out, err = _run(library_dir, capsys, "import", "--json", path)
    assert (code, err) == (0, "")
    (again,) = json.loads(out)
    assert (again["added"], again["merged"], again["unchanged"]) == (0, 0, added)
    code, out, _ = _run(library_dir, capsys, "search", "", "--json")
    assert code == 0 and len(json.loads(out)) == added


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_file_readerapp_does_not_read_exits_2_saying_what_it_is(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(CORPUS / name)
    code, out, err = _run(tmp_path / "lib", capsys, "import", "--json", path)
    assert code == 2
    assert err.startswith(f"readerapp: {path}: {REFUSED[name]}") and err.count("\n") == 1
    assert json.loads(out) == [{"source": path, "error": err[len("readerapp: ") : -1]}]
    _, out, _ = _run(tmp_path / "lib", capsys, "imports", "--json")
    assert json.loads(out) == []
