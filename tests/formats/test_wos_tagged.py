from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.cli.main import main
from readerapp.core.errors import ParseError
from readerapp.core.records import Links, PaperRecord
from readerapp.formats import ris_import, wos_tagged
from readerapp.formats.base import SkippedEntry
from readerapp.formats.registry import IMPORT_FORMATS, detect_format, import_format
from readerapp.formats.text_input import read_path
from tests.conftest import CORPUS, DATA, SEED

SAMPLE = DATA / "wos_tagged_sample.txt"
# The same three papers as Web of Science's RIS export: the sample was re-tagged from it.
WOS_RIS = CORPUS / "ris" / "asreview_webofscience.ris"
MEDLINE = CORPUS / "ris" / "asreview_pubmed_medline_format_named.ris"
MESSAGE = "this is Web of Science tagged text, not RIS; export RIS from Web of Science instead"

SAMPSON = PaperRecord(
    title="New Horned Dinosaurs from Utah Provide Evidence for Intracontinental Dinosaur Endemism",
    abstract=(
        "Background: During much of the Late Cretaceous, a shallow, epeiric sea divided North "
        "America into eastern and western landmasses."
    ),
    authors=(
        "Scott D. Sampson",
        "Mark A. Loewen",
        "Andrew A. Farke",
        "Eric M. Roberts",
        "Catherine A. Forster",
        "Joshua A. Smith",
        "Alan L. Titus",
    ),
    year=2010,
    date="2010-09-22",
    doi="10.1371/journal.pone.0012292",
    venue="PLOS ONE",
    line=3,
)
RIGGS = PaperRecord(
    title="Dinosaur footprints from Arizona",
    authors=("Elmer S. Riggs",),
    year=1904,
    date="1904",
    doi="10.2475/ajs.s4-17.102.423",
    venue="AMERICAN JOURNAL OF SCIENCE",
    line=47,
)
DAWSON = PaperRecord(
    title="DICKENS, DINOSAURS, AND DESIGN",
    authors=("Gowan Dawson",),
    year=2016,
    date="2016-12",
    doi="10.1017/s1060150316000358",
    venue="VICTORIAN LITERATURE AND CULTURE",
    line=70,
)


def sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def test_sample_is_real_wos_tagged_layout() -> None:
    lines = sample().split("\n")
    assert lines[:3] == ["FN Clarivate Analytics Web of Science", "VR 1.0", "PT J"]
    assert lines.count("ER") == 3 and "EF" in lines


def test_sample_reads_every_field() -> None:
    result = wos_tagged.parse(sample(), "savedrecs.txt")
    assert result.records == [SAMPSON, RIGGS, DAWSON]
    assert result.skipped == []


def test_offered_as_an_import_format_that_reads() -> None:
    fmt = import_format("wos-tagged")
    assert fmt in IMPORT_FORMATS
    assert "not read" not in fmt.label and "Web of Science" in fmt.label
    assert [r.title for r in fmt.parse(sample(), "x").records] == [
        SAMPSON.title,
        RIGGS.title,
        DAWSON.title,
    ]


@pytest.mark.parametrize("name", ["savedrecs.txt", "export.ris", "clipboard"])
def test_sniffed_whatever_the_name_and_read(name: str) -> None:
    fmt = detect_format(sample(), name)
    assert fmt.name == "wos-tagged"
    assert [r.doi for r in fmt.parse(sample(), name).records] == [
        SAMPSON.doi,
        RIGGS.doi,
        DAWSON.doi,
    ]


def test_the_ris_and_medline_readers_still_point_away() -> None:
    # Forced through --format ris, the file is still named for what it is (the RIS reader's
    # message is its own; it is not read as RIS).
    with pytest.raises(ParseError) as caught:
        ris_import.parse(sample(), "savedrecs.txt")
    assert str(caught.value) == f"savedrecs.txt:1: {MESSAGE}"


def test_same_papers_as_the_real_web_of_science_ris_export() -> None:
    ris = ris_import.parse(read_path(WOS_RIS), str(WOS_RIS)).records[:3]
    wos = wos_tagged.parse(sample(), "savedrecs.txt").records
    assert [(r.title, r.doi, r.year) for r in wos] == [(r.title, r.doi, r.year) for r in ris]


def _cli(library: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--library", str(library), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_cli_imports_with_the_format_chosen_and_merges_with_the_ris_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = tmp_path / "wos-lib"
    code, out, err = _cli(lib, capsys, "import", "--json", "--format", "wos-tagged", str(SAMPLE))
    assert (code, err) == (0, "")
    (report,) = json.loads(out)
    assert report["format"] == "wos-tagged"
    assert (report["added"], report["merged"], len(report["skipped"])) == (3, 0, 0)
    # The RIS export of the same records: the same papers by DOI, nothing new.
    code, out, err = _cli(lib, capsys, "import", "--json", str(WOS_RIS))
    assert (code, err) == (0, "")
    (report,) = json.loads(out)
    assert report["format"] == "ris"
    assert report["added"] == 7 and report["added"] + report["merged"] + report["unchanged"] == 10
    code, out, _ = _cli(lib, capsys, "search", "dinosaur", "--json")
    found = {p["doi"]: p for p in json.loads(out)}
    sampson = found["10.1371/journal.pone.0012292"]
    assert sampson["authors"][:2] == ["Scott D. Sampson", "Mark A. Loewen"]
    assert (sampson["year"], sampson["venue"]) == (2010, "PLOS ONE")


def test_cli_sniffs_it_without_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(tmp_path / "lib", capsys, "import", "--json", str(SAMPLE))
    assert (code, err) == (0, "")
    (report,) = json.loads(out)
    assert (report["format"], report["added"]) == ("wos-tagged", 3)


def test_cli_refuses_a_ris_file_named_for_what_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _cli(tmp_path / "lib", capsys, "import", "--format", "wos-tagged", str(WOS_RIS))
    assert code == 2
    assert err == (
        f"readerapp: {WOS_RIS}:1: found 'TY  - JOUR': this is RIS, not Web of Science "
        "tagged text; import it with --format ris\n"
    )


@pytest.mark.parametrize(
    ("path", "line", "why"),
    [
        (
            MEDLINE,
            1,
            "found 'PMID- 30922926': this is PubMed MEDLINE (nbib) text, not Web of Science "
            "tagged text; import it with --format medline",
        ),
        (
            SEED,
            1,
            "not Web of Science tagged text: found 'new' and no record (a record "
            "starts with a 'PT ' line)",
        ),
    ],
)
def test_other_files_are_refused_with_file_and_line(path: Path, line: int, why: str) -> None:
    with pytest.raises(ParseError) as caught:
        wos_tagged.parse(read_path(path), str(path))
    assert (caught.value.source, caught.value.line, caught.value.why) == (str(path), line, why)


def test_an_export_without_records_says_so() -> None:
    with pytest.raises(ParseError) as caught:
        wos_tagged.parse("FN Clarivate Analytics Web of Science\nVR 1.0\nEF\n", "empty.txt")
    assert (
        str(caught.value) == "empty.txt:1: a Web of Science export without records (no 'PT ' line)"
    )


# Hand-written in the layout of a newer export: abstract paragraphs on long lines, group
# authors, keywords, a PubMed id, BOM and CRLF.
NEWER = (
    "\ufeffFN Clarivate Analytics Web of Science\r\n"
    "VR 1.0\r\n"
    "PT J\r\n"
    "AU Doe, J\r\n"
    "   Roe, R\r\n"
    "CA Example Consortium\r\n"
    "TI A study of wrapped titles that continue\r\n"
    "   on the next line\r\n"
    "SO JOURNAL OF EXAMPLES\r\n"
    "DE deep learning; wrapped\r\n"
    "   keywords; science\r\n"
    "ID KEYWORDS PLUS; NOT TAGS\r\n"
    "AB " + "First paragraph of a long abstract. " * 4 + "\r\n"
    "   " + "Second paragraph, after a break that the export kept. " * 3 + "\r\n"
    "PD 2021 MAR\r\n"
    "PY 2021\r\n"
    "DI 10.1234/EXAMPLE.5\r\n"
    "PM 33000001\r\n"
    "UT WOS:000000000000001\r\n"
    "ER\r\n"
    "\r\n"
    "EF\r\n"
)


def test_newer_layout_paragraphs_group_authors_keywords_and_pubmed() -> None:
    (record,) = wos_tagged.parse(NEWER, "savedrecs.txt").records
    assert record.title == "A study of wrapped titles that continue on the next line"
    assert record.authors == ("J Doe", "R Roe", "Example Consortium")
    assert record.abstract == (
        ("First paragraph of a long abstract. " * 4).strip()
        + "\n\n"
        + ("Second paragraph, after a break that the export kept. " * 3).strip()
    )
    assert record.suggested_tags == ("deep learning", "wrapped keywords", "science")
    assert (record.year, record.date, record.doi) == (2021, "2021-03", "10.1234/example.5")
    assert record.venue == "JOURNAL OF EXAMPLES"
    assert record.links == Links(abs="https://pubmed.ncbi.nlm.nih.gov/33000001/")
    assert record.line == 3


def test_bad_records_are_reported_with_their_line_and_the_rest_read() -> None:
    text = (
        "FN Clarivate Analytics Web of Science\n"
        "VR 1.0\n"
        "this line is not part of any record\n"
        "PT J\n"
        "TI Kept\n"
        "ER\n"
        "PT J\n"
        "TI Spoilt by the next line\n"
        "garbage in the middle of a record\n"
        "ER\n"
        "PT J\n"
        "AU Nobody, N\n"
        "ER\n"
        "AU Orphan, O\n"
        "   Second, S\n"
        "PT J\n"
        "TI Lost its ER\n"
        "PT J\n"
        "TI Cut short at the end of the file\n"
    )
    result = wos_tagged.parse(text, "savedrecs.txt")
    assert [(r.line, r.title) for r in result.records] == [(4, "Kept")]
    assert result.skipped == [
        SkippedEntry(
            3,
            "text outside any record ('this line is not part of any record'); Web of "
            "Science records start with a 'PT ' line and end with 'ER'",
        ),
        SkippedEntry(
            9,
            "not a Web of Science field line: 'garbage in the middle of a record' (a field "
            "starts with a two-letter tag and a space, a continuation line with spaces)",
        ),
        SkippedEntry(11, "Web of Science record has no title, arXiv id or DOI"),
        # one report for a run of lines outside any record
        SkippedEntry(
            14,
            "a field line outside any record ('AU Orphan, O'); Web of Science records start "
            "with a 'PT ' line and end with 'ER'",
        ),
        SkippedEntry(
            16, "Web of Science record is not closed by an 'ER' line (the file may be cut short)"
        ),
        SkippedEntry(
            18, "Web of Science record is not closed by an 'ER' line (the file may be cut short)"
        ),
    ]


def test_recognised_with_bom_crlf_and_without_the_header() -> None:
    assert wos_tagged.sniff("\ufeff" + sample().replace("\n", "\r\n")) > 0.9
    headerless = sample().split("\n", 2)[2]
    assert headerless.startswith("PT J\n")
    assert wos_tagged.sniff(headerless) > 0.9
    assert detect_format(headerless, "savedrecs.txt").name == "wos-tagged"
    crlf = wos_tagged.parse("\ufeff" + sample().replace("\n", "\r\n"), "x").records
    assert crlf == [SAMPSON, RIGGS, DAWSON]
    assert wos_tagged.parse(headerless, "x").records[0].title == SAMPSON.title


def test_not_claimed_for_ris_medline_json_or_the_seed() -> None:
    paths = [*(CORPUS / "ris").glob("*.ris"), *(CORPUS / "csl-json").glob("*.json"), SEED]
    for path in paths:
        assert wos_tagged.sniff(read_path(path)[:16384]) == 0.0, path.name
    assert wos_tagged.sniff("PT J\nnothing else here\n") == 0.0


_MUTATION_ALPHABET = "PTAUTIERFNVRDI -\n\r\t   0123456789abcXYZ\ufeff"


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from([sample(), NEWER, sample()[:600]]))
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.text(_MUTATION_ALPHABET, max_size=8)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(0, 40)) :]
    return text


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), _mutated()))
def test_fuzz_parse_only_parse_errors(text: str) -> None:
    try:
        result = wos_tagged.parse(text, "fuzz.txt")
    except ParseError as error:
        assert error.source == "fuzz.txt" and error.line is not None and error.line >= 1
        return
    for record in result.records:
        assert record.title and record.line is not None and record.line >= 1
    for skipped in result.skipped:
        assert skipped.line is not None and skipped.line >= 1 and skipped.reason
