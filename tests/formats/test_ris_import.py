from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.core.errors import ParseError
from readerapp.formats import ris_import
from readerapp.formats.base import ParseResult
from readerapp.formats.registry import detect_format
from readerapp.formats.text_input import read_path
from tests.conftest import CORPUS, SEED

RIS = CORPUS / "ris"
# Entry counts from tests/data/corpus/README.md.
COUNTS = {
    "asreview_baseline_100.ris": 100,
    "asreview_scopus.ris": 10,
    "asreview_webofscience.ris": 10,
    "asreview_zotero.ris": 10,
    "asreview_openalex.ris": 9,
}
MEDLINE_NAMED_RIS = RIS / "asreview_pubmed_medline_format_named.ris"


def parse_file(name: str) -> ParseResult:
    path = RIS / name
    return ris_import.parse(read_path(path), str(path))


def ty_lines(path: Path) -> list[int]:
    lines = read_path(path).lstrip("\ufeff").splitlines()
    return [n for n, line in enumerate(lines, start=1) if line.startswith("TY  -")]


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_corpus_record_is_read_where_its_ty_line_is(name: str) -> None:
    result = parse_file(name)
    assert len(result.records) == COUNTS[name]
    assert result.skipped == []
    assert [r.line for r in result.records] == ty_lines(RIS / name)
    for record in result.records:
        assert record.title and "\r" not in record.title + record.abstract + str(record.venue)
        assert all("," not in author for author in record.authors)  # natural order
        assert record.doi and record.doi == record.doi.lower()
        assert record.year is not None and record.date and record.date.startswith(str(record.year))


def test_baseline_crlf_record_fields() -> None:
    first = parse_file("asreview_baseline_100.ris").records[0]
    assert first.title == (
        "The Value of Radiologic Interventions and 18 F-DOPA PET in Diagnosing "
        "and Localizing Focal Congenital Hyperinsulinism: Systematic Review "
        "and Meta-Analysis"
    )
    assert first.authors == (
        "Björn A. Blomberg",
        "Mateen Moghbel",
        "Babak Saboury",
        "Charles A. Stanley",
        "Abass Alavi",
    )
    assert (first.year, first.date) == (2012, "2012-07-03")
    assert first.doi == "10.1007/s11307-012-0572-0"
    assert first.venue == "Molecular imaging and biology"  # JF
    assert first.links.abs == "https://lens.org/000-463-679-101-319"  # UR
    assert first.links.pdf == (
        "https://link.springer.com/content/pdf/10.1007%2Fs11307-012-0572-0.pdf"
    )  # L1
    assert first.abstract.startswith("This systematic review and meta-analysis aimed")


def test_scopus_bom_does_not_hide_the_first_record() -> None:
    text = (RIS / "asreview_scopus.ris").read_bytes().decode("utf-8")  # keeps the BOM
    assert text.startswith("\ufeffTY  - JOUR")
    first = ris_import.parse(text, "scopus.ris").records[0]
    assert first.line == 1
    assert first.title == (
        "Global latitudinal gradients and the evolution of body size in dinosaurs and mammals"
    )
    assert first.authors[:3] == ("L.N. Wilson", "J.D. Gardner", "J.P. Wilson")
    assert len(first.authors) == 8
    assert (first.year, first.date, first.venue) == (2024, "2024", "Nature Communications")
    assert first.doi == "10.1038/s41467-024-46843-2"
    assert first.links.abs.startswith("https://www.scopus.com/inward/record.uri?eid=2-s2.0-")
    assert "latitudinal gradient" in first.suggested_tags


def test_web_of_science_ris_dates_continuations_and_keywords() -> None:
    records = parse_file("asreview_webofscience.ris").records
    utah = records[0]
    assert utah.authors == (
        "SD Sampson",
        "MA Loewen",
        "AA Farke",
        "EM Roberts",
        "CA Forster",
        "JA Smith",
        "AL Titus",
    )
    assert utah.date == "2010-09-22"  # "DA  - SEP 22" with "PY  - 2010"
    assert utah.venue == "PLOS ONE"
    # The abstract's indented continuation paragraphs are part of it.
    assert "Methodology/Principal Findings: Here we describe" in utah.abstract
    assert utah.abstract.endswith("intracontinental endemism within dinosaurs.")
    assert utah.suggested_tags[:2] == ("1ST CERATOPSID DINOSAUR", "KAIPAROWITS FORMATION")
    by_title = {r.title: r for r in records}
    assert by_title["DICKENS, DINOSAURS, AND DESIGN"].date == "2016-12"  # "DA  - DEC"
    assert by_title["Dinosaur footprints from Arizona"].year == 1904
    # "<i>...</i>" markup in a title is removed.
    assert any(
        t.startswith("The rise of feathered dinosaurs: Kulindadromeus zabaikalicus, the")
        for t in by_title
    )


def test_zotero_and_openalex_exports() -> None:
    zotero = parse_file("asreview_zotero.ris").records[0]
    assert zotero.title.startswith("Cellular structure of dinosaur scales reveals retention")
    assert zotero.authors == ("Z. Yang", "B. Jiang", "J. Xu", "M.E. McNamara")
    assert zotero.doi == "10.1038/s41467-024-48400-3"
    assert (zotero.date, zotero.venue) == ("2024", "Nature Communications")
    openalex = parse_file("asreview_openalex.ris").records[0]
    assert openalex.title == (
        "A bioprovince for the Barremian\u2013Aptian charophytes of the Central Tethyan Archipelago"
    )
    assert openalex.authors[0] == "Alba Vicente"
    assert openalex.authors[-1] == "Carles Martín\u2013Closas"
    assert (openalex.date, openalex.venue) == ("2024-02-01", "Cretaceous Research")  # DA, T2
    assert openalex.links.abs == "https://doi.org/10.1016/j.cretres.2023.105752"


def test_bom_and_crlf_do_not_change_what_is_read() -> None:
    text = read_path(RIS / "asreview_openalex.ris")
    messy = "\ufeff" + text.replace("\n", "\r\n")
    assert ris_import.parse(messy, "x").records == ris_import.parse(text, "x").records


def test_alternative_tags_numbered_records_and_arxiv() -> None:
    text = (
        "Provider: Some Database\n"
        "1. TY  - JOUR\n"
        "T1  - Attention Is All\n"
        "      You Need\n"
        "A1  - Vaswani, Ashish\n"
        "A1  - Shazeer, Noam\n"
        "Y1  - 2017/06/12/\n"
        "N2  - The dominant sequence transduction models.\n"
        "JO  - Advances in Neural Information Processing Systems\n"
        "DO  - 10.48550/arXiv.1706.03762\n"
        "UR  - https://github.com/tensorflow/tensor2tensor\n"
        "UR  - http://arxiv.org/abs/1706.03762v5\n"
        "KW  - transformers; attention\n"
        "ER  - \n"
        "\n"
        "2. TY  - CHAP\n"
        "DO  - https://doi.org/10.1000/XYZ.1\n"
        "ER  - \n"
    )
    first, second = ris_import.parse(text, "x.ris").records
    assert first.title == "Attention Is All You Need"
    assert first.authors == ("Ashish Vaswani", "Noam Shazeer")
    assert (first.year, first.date) == (2017, "2017-06-12")
    assert first.abstract == "The dominant sequence transduction models."
    assert first.venue == "Advances in Neural Information Processing Systems"
    assert first.arxiv_id == "1706.03762"
    assert first.doi == "10.48550/arxiv.1706.03762"
    assert first.links.abs == "http://arxiv.org/abs/1706.03762v5"
    assert first.links.code == "https://github.com/tensorflow/tensor2tensor"
    assert first.suggested_tags == ("transformers", "attention")
    assert (first.line, second.line) == (2, 16)
    # No title, but a DOI: the record stays, titled by its DOI.
    assert (second.title, second.doi) == ("doi:10.1000/xyz.1", "10.1000/xyz.1")


def test_broken_records_are_skipped_with_their_lines() -> None:
    text = (
        "TY  - JOUR\n"  # 1: no ER before the next TY
        "TI  - Lost end\n"
        "TY  - JOUR\n"  # 3: fine
        "TI  - Kept\n"
        "ER  - \n"
        "AU  - Orphan, A.\n"  # 6: tags without a TY
        "TI  - No start\n"
        "ER  - \n"
        "TY  - JOUR\n"  # 9: nothing usable
        "AU  - Nobody, N.\n"
        "ER  - \n"
        "TY  - JOUR\n"  # 12: the file ends inside it
        "TI  - Cut sh"
    )
    result = ris_import.parse(text, "x.ris")
    assert [r.title for r in result.records] == ["Kept"]
    assert [(s.line, s.reason) for s in result.skipped] == [
        (1, "record has no 'ER  - ' line before the next record (line 3)"),
        (6, "record without a 'TY  - ' line (it starts with 'AU  - Orphan, A.')"),
        (9, "RIS record has no title, arXiv id or DOI"),
        (12, "record has no 'ER  - ' line: the file ends inside it (cut short?)"),
    ]


def test_one_space_tag_files_are_read() -> None:
    text = "TY - JOUR\nTI - Single spaced\nAU - Doe, Jane\nPY - 2020\nER -\n"
    (record,) = ris_import.parse(text, "x.ris").records
    assert (record.title, record.authors, record.year) == ("Single spaced", ("Jane Doe",), 2020)


def test_medline_named_ris_is_refused_naming_the_line() -> None:
    with pytest.raises(ParseError) as caught:
        ris_import.parse(read_path(MEDLINE_NAMED_RIS), "pubmed.ris")
    assert caught.value.line == 1
    assert str(caught.value).startswith(
        "pubmed.ris:1: found 'PMID- 30922926': this is PubMed MEDLINE (nbib) text, not RIS"
    )


def test_a_text_without_ty_lines_is_an_error_not_zero_papers() -> None:
    with pytest.raises(ParseError) as caught:
        ris_import.parse("\n\nAU  - Doe, J.\nTI  - Something\nER  - \n", "x.ris")
    assert caught.value.line == 3
    assert "no line starts one with 'TY  - '" in caught.value.why
    with pytest.raises(ParseError) as caught:
        ris_import.parse("just some words\n", "x.ris")
    assert (caught.value.line, caught.value.why) == (
        1,
        "not RIS: no line starts a record with 'TY  - '; the text starts with 'just some words'",
    )
    with pytest.raises(ParseError, match="empty"):
        ris_import.parse("\ufeff\r\n", "x.ris")


def test_web_of_science_tagged_text_is_refused() -> None:
    text = (Path(__file__).parents[1] / "data" / "wos_tagged_sample.txt").read_text("utf-8")
    with pytest.raises(ParseError) as caught:
        ris_import.parse(text, "savedrecs.txt")
    assert str(caught.value) == (
        "savedrecs.txt:1: this is Web of Science tagged text, not RIS; "
        "export RIS from Web of Science instead"
    )
    assert ris_import.sniff(text) == 0.0


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_registry_picks_ris_for_corpus_files(name: str) -> None:
    path = RIS / name
    assert detect_format(read_path(path), str(path)).name == "ris"


def test_ris_sniff_is_zero_for_medline_and_the_seed_dump() -> None:
    assert ris_import.sniff(read_path(MEDLINE_NAMED_RIS)[:16384]) == 0.0
    seed = SEED.read_text(encoding="utf-8")
    assert ris_import.sniff(seed[:16384]) == 0.0
    assert detect_format(seed, str(SEED)).name != "ris"


SEEDS = [
    read_path(RIS / name)
    for name in ("asreview_zotero.ris", "asreview_scopus.ris", "asreview_webofscience.ris")
]
FRAGMENTS = [
    "TY  - JOUR\n",
    "ER  - \n",
    "\n",
    "\r\n",
    "AU  - ",
    "UK  - x\n",
    "UR  - http://[x\n",
    "PY  - 99999\n",
    "DA  - FEB 31\n",
    "      ",
    "1. ",
    "\ufeff",
    "PMID- 1\n",
]


@st.composite
def mutated_ris(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 80))
        insert = draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)))
        text = text[:at] + insert + text[at + cut :]
    return text[: draw(st.integers(0, len(text)))]


def _parse_or_parse_error(text: str) -> None:
    try:
        result = ris_import.parse(text, "fuzz.ris")
    except ParseError as exc:
        assert exc.source == "fuzz.ris" and exc.line is not None and exc.line >= 1
        return
    for record in result.records:
        assert record.title.strip()
        assert record.line is not None and record.line >= 1
    assert ris_import.sniff(text[:16384]) >= 0.0


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(), st.binary().map(lambda b: b.decode("latin-1")), mutated_ris()))
def test_fuzzed_text_gives_records_or_parse_error(text: str) -> None:
    _parse_or_parse_error(text)


def test_line_numbers_count_crlf_lines_once() -> None:
    text = read_path(RIS / "asreview_zotero.ris")
    assert "\r\n" in text
    lines = [r.line for r in ris_import.parse(text, "z.ris").records]
    expected = [n for n, line in enumerate(re.split(r"\r\n|\n", text), 1) if line[:2] == "TY"]
    assert lines == expected
