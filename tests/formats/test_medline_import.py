from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.core.errors import ParseError
from readerapp.formats import medline_import, ris_import
from readerapp.formats.registry import detect_format
from readerapp.formats.text_input import read_path
from tests.conftest import CORPUS, DATA, SEED

MEDLINE = CORPUS / "ris" / "asreview_pubmed_medline_format_named.ris"
WOS_TAGGED = DATA / "wos_tagged_sample.txt"


def medline_text() -> str:
    return read_path(MEDLINE)


def test_all_50_pubmed_records_are_read_at_their_pmid_lines() -> None:
    result = medline_import.parse(medline_text(), str(MEDLINE))
    assert len(result.records) == 50
    assert result.skipped == []
    pmid_lines = [
        n for n, line in enumerate(medline_text().split("\n"), 1) if line.startswith("PMID- ")
    ]
    assert [r.line for r in result.records] == pmid_lines
    assert all(r.doi for r in result.records)
    assert all(
        r.links.abs and r.links.abs.startswith("https://pubmed.ncbi.nlm.nih.gov/")
        for r in result.records
    )
    assert sum(1 for r in result.records if r.abstract) == 49  # one record has no AB
    assert not any(r.title.endswith(".") or "  " in r.title for r in result.records)


def test_first_record_fields() -> None:
    first = medline_import.parse(medline_text(), "m").records[0]
    assert first.title == "Time lapse: A glimpse into prehistoric genomics"
    # FAU comes after AB and CI here; the AU right after each FAU is not a second author.
    assert first.authors == ("Darren K Griffin", "Denis M Larkin", "Rebecca E O'Connor")
    assert (first.year, first.date) == (2020, "2020-02")  # "DP  - 2020 Feb", not the 2019 DEP
    assert first.doi == "10.1016/j.ejmg.2019.03.004"  # from "LID - ... [doi]"
    assert first.venue == "European journal of medical genetics"  # JT, not TA
    assert first.links.abs == "https://pubmed.ncbi.nlm.nih.gov/30922926/"
    assert first.suggested_tags == (
        "Chromosome",
        "Comparative",
        "Dinosaur",
        "Genome evolution",
        "Karyotype",
    )  # OT, not MeSH
    # Six-space continuation lines are unwrapped into one paragraph.
    assert first.abstract.startswith(
        "For the purpose of this review, 'time-lapse' refers to "
        "the reconstruction of ancestral (in this case dinosaur)"
    )
    assert "\n" not in first.abstract


def test_second_record_day_precision_and_accents() -> None:
    second = medline_import.parse(medline_text(), "m").records[1]
    assert second.line == 112
    assert second.title == "Symbiosis between Cretaceous dinosaurs and feather-feeding beetles"
    assert second.authors[:3] == ("Enrique Peñalver", "David Peris", "Sergio Álvarez-Parra")
    assert second.date == "2023-04-25"
    assert second.doi == "10.1073/pnas.2217872120"


def test_bom_and_crlf_give_the_same_records() -> None:
    text = medline_text()
    messy = "\ufeff" + text.replace("\n", "\r\n")
    assert medline_import.parse(messy, "x").records == medline_import.parse(text, "x").records


def test_au_without_fau_group_authors_translated_titles() -> None:
    text = (
        "PMID- 111\n"
        "TI  - [Dinosaurs in the Alps: a new\n"
        "      site].\n"
        "AU  - van der Berg J\n"
        "AU  - Smith AB\n"
        "CN  - Alpine Fossil Group\n"
        "DP  - 2019 Spring\n"
        "AID - 2106.09685 [arxiv]\n"
        "TA  - Geol Alp\n"
        "\n"
        "PMID- 222\n"
        "AB  - No title, no DOI.\n"
        "\n"
        "PMID- 333\n"
        "LID - 10.1000/ABC [doi]\n"
    )
    result = medline_import.parse(text, "x.nbib")
    first, third = result.records
    assert first.title == "Dinosaurs in the Alps: a new site"
    assert first.authors == ("J van der Berg", "AB Smith", "Alpine Fossil Group")
    assert (first.year, first.date, first.venue) == (2019, "2019", "Geol Alp")
    assert first.arxiv_id == "2106.09685"
    assert (third.title, third.doi, third.line) == ("doi:10.1000/abc", "10.1000/abc", 14)
    assert [(s.line, s.reason) for s in result.skipped] == [
        (11, "MEDLINE record PMID 222 has no title, arXiv id or DOI")
    ]


def test_registry_picks_medline_by_content_despite_the_ris_name() -> None:
    text = medline_text()
    assert detect_format(text, str(MEDLINE)).name == "medline"
    assert medline_import.sniff(text[:16384]) > 0.9
    assert ris_import.sniff(text[:16384]) == 0.0
    # Pasted without a file name, and without its first record's PMID line in view.
    assert detect_format(text, "clipboard").name == "medline"
    assert medline_import.sniff(text.split("\n", 1)[1][:16384]) >= 0.9


def test_medline_sniff_is_zero_for_ris_the_seed_dump_and_wos() -> None:
    for path in sorted((CORPUS / "ris").glob("asreview_[!p]*.ris")):
        assert medline_import.sniff(read_path(path)[:16384]) == 0.0, path.name
    seed = SEED.read_text(encoding="utf-8")
    assert medline_import.sniff(seed[:16384]) == 0.0
    assert detect_format(seed, str(SEED)).name != "medline"
    assert medline_import.sniff(WOS_TAGGED.read_text("utf-8")) == 0.0


def test_other_texts_are_refused_naming_the_line() -> None:
    with pytest.raises(ParseError) as caught:
        medline_import.parse("\nTY  - JOUR\nTI  - x\nER  - \n", "a.nbib")
    assert caught.value.line == 2
    assert "this is RIS, not PubMed MEDLINE" in caught.value.why
    with pytest.raises(ParseError) as caught:
        medline_import.parse(WOS_TAGGED.read_text("utf-8"), "savedrecs.txt")
    assert str(caught.value) == (
        "savedrecs.txt:1: this is Web of Science tagged text, not RIS; "
        "export RIS from Web of Science instead"
    )
    with pytest.raises(ParseError, match="no line starting with 'PMID- '"):
        medline_import.parse("hello\n", "a.txt")
    with pytest.raises(ParseError, match="empty"):
        medline_import.parse("", "a.txt")


SEED_TEXT = medline_text()[:30000]
FRAGMENTS = [
    "PMID- 1\n",
    "\n",
    "\r\n",
    "      ",
    "AU  - ",
    "FAU - ",
    "DP  - 2020 Foo-Bar 99\n",
    "LID - 10/x [doi]\n",
    "AID - x [arxiv]\n",
    "TI  - ",
    "\ufeff",
    "TY  - JOUR\n",
]


@st.composite
def mutated_medline(draw: st.DrawFn) -> str:
    text = SEED_TEXT
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 80))
        insert = draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)))
        text = text[:at] + insert + text[at + cut :]
    return text[: draw(st.integers(0, len(text)))]


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(), st.binary().map(lambda b: b.decode("latin-1")), mutated_medline()))
def test_fuzzed_text_gives_records_or_parse_error(text: str) -> None:
    assert 0.0 <= medline_import.sniff(text[:16384]) <= 1.0
    try:
        result = medline_import.parse(text, "fuzz.nbib")
    except ParseError as exc:
        assert exc.source == "fuzz.nbib" and exc.line is not None and exc.line >= 1
        return
    assert all(r.title.strip() and r.line and r.line >= 1 for r in result.records)
