from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.core.errors import ParseError
from readerapp.core.records import PaperRecord
from readerapp.formats import bibtex_import
from readerapp.formats.base import ParseResult
from readerapp.formats.bibtex_values import evaluate, person_names
from readerapp.formats.latex_text import latex_to_text
from readerapp.formats.mojibake import fix_mojibake
from readerapp.formats.registry import detect_format
from readerapp.formats.text_input import read_path
from tests.conftest import CORPUS, SEED

BIB = CORPUS / "bibtex"
HUGE = "bbt-1436-3_unabbreviate_huge_7166.bib"
MACROS_ONLY = "quantum-bib_abbr_strings_crlf.bib"

# file: (MANIFEST entries, records, skipped). Every entry becomes a record or a skipped report.
EXPECTED = {
    "bbt-1081_string_concat_space.bib": (1, 1, 0),
    "bbt-1436-2_unabbreviate_large_1053.bib": (1053, 1052, 1),  # 1 has no title (a talk)
    HUGE: (7166, 7166, 0),
    "bbt-154_string_macro_colon.bib": (1, 1, 0),
    "bbt-2373_crossref_children.bib": (3, 3, 0),
    # 73 APA name-format examples have no title at all; the MANIFEST does not count the
    # `%@ARTICLE{10.1:18` entry commented out with %, reported as skipped (+1).
    "bbt-2660_plus_in_fieldname.bib": (283 + 1, 210, 74),
    "bbt-664_bibdesk_strings.bib": (1, 1, 0),
    "bbt-871_round_parens_concat.bib": (1, 1, 0),
    # The 14 repeated keys all differ (kept); one alias entry only has a crossref.
    "bbt-873_paren_entries_crossref.bib": (988, 987, 1),
    "bbt-95-96_preamble_mojibake.bib": (1, 1, 0),
    "bbt-97_jabref210_groups_preamble.bib": (911, 901, 10),  # 10 without a title
    # The MANIFEST says 465, but the file has 512 entries (512 lines start with `@`, all
    # entries); of 22 repeated keys (one is the empty key of 37 entries) only Milazzo2017 (x3)
    # and Woolf1939 (x2) repeat identically, and merge into one record each.
    "bbt_mendeley_export_webpages.bib": (512, 509, 3),
    # The unclosed jensen2016algorithm entry (line 7506) is reported, the rest read.
    "ifnspaml_group_bibliography_1855.bib": (1855, 1854, 1),
    "quantum-bib_quantum_307_macros_external.bib": (307, 306, 1),  # BBL+06 twice, identical
}


@cache
def parsed(name: str) -> ParseResult:
    path = BIB / name
    return bibtex_import.parse(read_path(path), str(path))


def record_at(name: str, line: int) -> PaperRecord:
    matches = [r for r in parsed(name).records if r.line == line]
    assert len(matches) == 1, f"{name}:{line} has {len(matches)} records"
    return matches[0]


def reasons(name: str) -> dict[int | None, str]:
    return {s.line: s.reason for s in parsed(name).skipped}


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n != HUGE))
def test_counts_per_corpus_file(name: str) -> None:
    entries, records, skipped = EXPECTED[name]
    result = parsed(name)
    assert (len(result.records), len(result.skipped)) == (records, skipped)
    assert records + skipped == entries
    # Every record and report points at the line where its entry starts.
    lines = read_path(BIB / name).replace("\r\n", "\n").split("\n")
    for item in [*result.records, *result.skipped]:
        assert item.line is not None
        assert lines[item.line - 1].lstrip().startswith(("@", "%@")), (name, item)


def test_every_corpus_file_is_in_the_table() -> None:
    assert {p.name for p in BIB.glob("*.bib")} == {*EXPECTED, MACROS_ONLY}


def test_huge_file_parses() -> None:
    # 7,166 entries, about 3 MB: a few seconds (bibtexparser's own LatexDecodingMiddleware
    # would take about 20 s here; values are decoded only where needed and cached).
    result = parsed(HUGE)
    assert len(result.records) == 7166 and result.skipped == []
    assert sum(1 for r in result.records if r.arxiv_id) == 210
    first = record_at(HUGE, 2)
    # {{ZnO}} case protection removed for display
    assert first.title == (
        "The Fabrication of White Light-Emitting Diodes Using the "
        "n-ZnO/NiO/p-GaN Heterojunction with Enhanced Luminescence."
    )
    assert first.authors[0] == "Mazhar Ali Abbasi"
    assert (first.year, first.date, first.doi) == (2013, "2013-01", "10.1186/1556-276x-8-320")
    assert first.venue == "Nanoscale Res. Lett."
    flexo = record_at(HUGE, 16)  # archivePrefix + arxivid + eprint + eprinttype
    assert flexo.arxiv_id == "1807.00144"
    assert flexo.authors == ("Amir Abdollahi", "Fabián Vásquez-Sancho", "Gustau Catalan")
    comment = record_at(HUGE, 3619)
    assert comment.arxiv_id == "1305.2512" and comment.venue == "arXiv"  # ArXiv E-Prints
    assert comment.links.abs == "http://arxiv.org/abs/1305.2512"


def test_string_concatenation_keeps_the_macro_space() -> None:
    record = record_at("bbt-1081_string_concat_space.bib", 2)
    assert record.venue == "a space between this and this"
    assert (record.title, record.authors, record.year) == ("Title", ("Author",), 1990)


def test_macro_names_with_hyphen_and_colon() -> None:
    record = record_at("bbt-154_string_macro_colon.bib", 4)
    assert (record.title, record.authors) == ("SQL is great", ("R. A. Bert",))
    assert record.venue == "Freds Publishing"  # publisher = pub-FRED
    entries, _ = bibtex_import._split(read_path(BIB / "bbt-154_string_macro_colon.bib"), "x")
    assert entries[0].fields["address"] == "London, UK"  # address = pub-FRED:adr


def test_round_parenthesis_entries_and_concatenated_authors() -> None:
    record = record_at("bbt-871_round_parens_concat.bib", 2)
    assert record.title == "The CONNIVER Reference Manual"  # {\sc CONNIVER}
    assert record.authors == ("Drew V. McDermott", "Gerald J. Sussman")  # MCDERMOTT # {...}
    assert (record.year, record.date) == (1972, "1972-05")  # month = May
    assert record.venue == "MIT Artificial Intelligence Laboratory"  # tab collapsed
    first = record_at("bbt-873_paren_entries_crossref.bib", 1)  # @article(Biermann:75, ...)
    assert first.title == "Approaches to automatic programming"  # a "..." value
    assert first.authors == ("Alan W. Biermann",)
    assert (first.year, first.venue) == (1975, "Advances in Computers")


def test_crossref_children_inherit_from_a_parent_defined_after_them() -> None:
    name = "bbt-2373_crossref_children.bib"
    for line in (1, 17):  # @inbook and @incollection, both before the @book
        child = record_at(name, line)
        assert child.title == "Lebanon"
        assert child.venue == "Global Civil Society: Dimensions of the Nonprofit Sector"
        assert child.year == 2004
        assert child.authors == ("Hashem El-Husseini", "Stefan Toepler", "Lester M. Salamon")
    parent = record_at(name, 8)
    assert parent.authors == ("Lester M. Salamon", "S. Wojciech Sokolowski")  # editors
    assert parent.venue == "Kumarian Press"


def test_crossref_before_chains_loops_and_missing_parents() -> None:
    text = (
        "@proceedings{conf, title = {Proc. of Conf}, year = 2001, publisher = {ACM},"
        " crossref = {series}}\n"
        "@book{series, title = {Lecture Notes}, series = {LNCS}, address = {Berlin}}\n"
        "@inproceedings{child, title = {Child}, crossref = {CONF}}\n"
        "@article{loop1, title = {Loop one}, crossref = {loop2}}\n"
        "@article{loop2, title = {Loop two}, crossref = {loop1}}\n"
        "@inproceedings{orphan, title = {Orphan}, crossref = {nowhere}}\n"
    )
    result = bibtex_import.parse(text, "x.bib")
    by_title = {r.title: r for r in result.records}
    child = by_title["Child"]  # parent defined before, key matched case-insensitively
    assert (child.venue, child.year) == ("Proc. of Conf", 2001)
    assert by_title["Orphan"].venue is None
    assert {"Loop one", "Loop two"} <= set(by_title)
    entries, _ = bibtex_import._split(text, "x.bib")
    child_entry = next(e for e in entries if e.key == "child")
    bibtex_import._resolve_crossrefs(entries)
    # The grandparent's fields come through the chain, the parent's own title as booktitle.
    assert child_entry.fields["series"] == "LNCS" and child_entry.fields["publisher"] == "ACM"
    assert child_entry.fields["booktitle"] == "Proc. of Conf"


def test_alias_entry_with_only_a_crossref_is_reported() -> None:
    name = "bbt-873_paren_entries_crossref.bib"
    assert reasons(name) == {
        9953: (
            "@article entry 'NguyenETAL:DiversityAIJ' has no title of its own; it only points to "
            "'journals/ai/NguyenDGSSK12' (line 9956) through crossref"
        )
    }
    assert record_at(name, 9956).title.startswith("Generating diverse plans to handle unknown")


def test_undefined_macros_stay_as_their_name() -> None:
    # Booktitle = infocom05 / ccc09: the macros live in another file (abbr.bib).
    name = "quantum-bib_quantum_307_macros_external.bib"
    assert record_at(name, 23).venue == "infocom05"
    assert record_at(name, 37).venue == "ccc09"


def test_latex_accents_become_unicode() -> None:
    ajay = record_at("bbt-1436-2_unabbreviate_large_1053.bib", 40)
    assert ajay.authors[:3] == ("A Ajay", "J Schörmann", "M Jiménez-Rodriguez")
    assert ajay.title == "Ge Doping of GaN beyond the Mott Transition"
    abadi = record_at("ifnspaml_group_bibliography_1855.bib", 13)
    assert abadi.authors == ("Martín Abadi",)  # Mart{\'{\i}}n Abadi and others
    assert abadi.title == (
        "TensorFlow: Large-Scale Machine Learning on Heterogeneous Distributed Systems"
    )
    capkun = record_at("quantum-bib_quantum_307_macros_external.bib", 5)
    assert capkun.authors == ("Srdjan Čapkun", "Mario Čagalj", "Mani Srivastava")


def test_math_in_titles_stays_readable() -> None:
    record = record_at("bbt-97_jabref210_groups_preamble.bib", 11)
    assert record.title == (
        "Determination of the Thickness and Refractive Index of Cu₂O Thin "
        "Film Using Thermal and Optical Interferometry"
    )


def test_arxiv_ids_from_journal_fields() -> None:
    name = "ifnspaml_group_bibliography_1855.bib"
    nuscenes = record_at(name, 2074)  # journal = {arXiv preprint arXiv:1903.11027}
    assert (nuscenes.arxiv_id, nuscenes.venue) == ("1903.11027", "arXiv")
    assert nuscenes.suggested_tags == ("Computer Vision", "Corner Cases", "Segmentation", "Dataset")
    assert record_at(name, 13).arxiv_id == "1603.04467"  # journal = {arXiv}, eprint
    assert record_at(name, 737).arxiv_id == "1803.10418"  # journal = {arXiv}, number
    # eprint = {1503.0253} is not a valid id (four digits after 2014): no id rather than a wrong one
    assert record_at(name, 6547).arxiv_id is None


def test_arxiv_ids_from_other_fields() -> None:
    text = (
        "@misc{a, title = {By arxivid}, arxivid = {quant-ph/0205128}}\n"
        "@misc{b, title = {By URL}, url = {https://arxiv.org/abs/2106.09685v2}}\n"
        "@misc{c, title = {By DOI}, doi = {10.48550/arXiv.2305.10646}}\n"
        "@article{d, title = {CoRR}, journal = {CoRR}, volume = {abs/1706.03762}}\n"
        "@misc{e, title = {Old style}, eprint = {0603845}, primaryclass = {cond-mat}}\n"
        "@misc{f, title = {Zotero}, arxiv = {0402237 [cond-mat]}}\n"
        "@misc{g, title = {Not arXiv}, eprint = {12345}, eprinttype = {pubmed}}\n"
        "@misc{h, title = {Twitter}, eprint = {Twitter}}\n"
    )
    ids = {r.title: r.arxiv_id for r in bibtex_import.parse(text, "x.bib").records}
    assert ids == {
        "By arxivid": "quant-ph/0205128",
        "By URL": "2106.09685",
        "By DOI": "2305.10646",
        "CoRR": "1706.03762",
        "Old style": "cond-mat/0603845",
        "Zotero": "cond-mat/0402237",
        "Not arXiv": None,
        "Twitter": None,
    }


def test_dois_given_as_urls_and_links() -> None:
    name = "bbt-873_paren_entries_crossref.bib"
    dois = {r.doi for r in parsed(name).records}
    assert {"10.1016/j.artint.2013.11.002", "10.1016/s0004-3702(97)00050-7"} <= dois
    acemoglu = record_at("bbt-664_bibdesk_strings.bib", 15)
    assert acemoglu.doi == "10.1016/j.jce.2003.09.003"
    assert acemoglu.links.abs == (
        "http://www.sciencedirect.com/science/article/pii/S014759670300101X"
    )
    assert acemoglu.authors == ("Daron Acemoglu",)
    assert acemoglu.suggested_tags == ("Political economy",)
    text = (
        "@misc{a, title = {A}, url = {https://doi.org/10.1000/XYZ\\_1},"
        " howpublished = {\\url{https://github.com/o/r}}}\n"
        "@misc{b, title = {B}, url = {https://example.org/paper.pdf}, pdf = {ftp://x.org/p}}\n"
    )
    a, b = bibtex_import.parse(text, "x.bib").records
    assert a.doi == "10.1000/xyz_1" and a.links.code == "https://github.com/o/r"
    assert a.links.abs == "https://doi.org/10.1000/XYZ_1"
    assert b.links.as_dict() == {"pdf": "https://example.org/paper.pdf"}  # no ftp links


def test_percent_sign_and_mojibake_in_abstract() -> None:
    record = record_at("bbt-95-96_preamble_mojibake.bib", 7)
    assert "transmission reduction of about 50% in a narrow wavelength range of 400-500 nm," in (
        record.abstract
    )
    assert "annealing temperature from 220 to 300°C in an N2" in record.abstract
    assert "Â" not in record.abstract and "\n" not in record.abstract
    assert record.suggested_tags == (
        "Copper oxides",
        "Nanoparticles",
        "Sol-gel deposition",
        "Optical properties",
        "Band-gap energy",
        "Electrochromic properties",
    )
    assert record.authors == ("O. Akhavan", "H. Tohidi", "A. Z. Moshfegh")


def test_duplicate_keys() -> None:
    name = "quantum-bib_quantum_307_macros_external.bib"
    assert reasons(name) == {
        4709: "duplicate of the entry at line 778 (same key 'BBL+06', same fields)"
    }
    mendeley = reasons("bbt_mendeley_export_webpages.bib")
    assert (
        mendeley[500]
        == mendeley[575]
        == ("duplicate of the entry at line 406 (same key 'Milazzo2017', same fields)")
    )
    # Same key, different papers: both are kept.
    schank = [
        r for r in parsed("bbt-873_paren_entries_crossref.bib").records if r.line in (161, 866)
    ]
    assert [r.title for r in schank] == ["Language and Memory", "Memory, Meaning, and Syntax"]


def test_failed_and_commented_out_entries_are_reported_with_their_line() -> None:
    assert reasons("ifnspaml_group_bibliography_1855.bib") == {
        7506: (
            "@article entry 'jensen2016algorithm' could not be read: it is not closed before the "
            "next entry starts (Unexpected block start: `@Book`. Was still looking for field-value "
            "closing `,` or `}`)"
        )
    }
    # The entry after the unclosed one is still read.
    assert record_at("ifnspaml_group_bibliography_1855.bib", 7516).title == (
        "Statistical Methods for Speech Recognition"
    )
    apa = reasons("bbt-2660_plus_in_fieldname.bib")
    assert apa[809] == "@article entry '10.1:18' is commented out with '%'"
    assert apa[2] == "@book entry '9.8:1' has no title, arXiv id or DOI"


def test_entry_missing_its_at_sign_and_truncated_entry() -> None:
    text = (
        "% A comment\n"
        "@article{good, title = {Good}, author = {Doe, Jane and others}}\n"
        "\n"
        "article{stray,\n"
        "  title = {Stray},\n"
        "}\n"
        "@inproceedings{cut, title = {Cut off\n"
    )
    result = bibtex_import.parse(text, "x.bib")
    assert [(r.title, r.authors, r.line) for r in result.records] == [("Good", ("Jane Doe",), 2)]
    assert [(s.line, s.reason) for s in result.skipped] == [
        (4, "'article{stray,' looks like an entry but has no '@' before it, so it is not read"),
        (
            7,
            "@inproceedings entry 'cut' could not be read: the file ends before it is closed "
            "(a '}' is missing, or the file was cut off)",
        ),
    ]


def test_bom_crlf_and_lines() -> None:
    plain = read_path(BIB / "bbt-871_round_parens_concat.bib")
    crlf = "\ufeff" + plain.replace("\n", "\r\n")
    assert (
        bibtex_import.parse(crlf, "x.bib").records
        == parsed("bbt-871_round_parens_concat.bib").records
    )


def test_macro_only_file_is_a_clear_error() -> None:
    path = BIB / MACROS_ONLY
    with pytest.raises(ParseError) as caught:
        bibtex_import.parse(read_path(path), str(path))
    assert str(caught.value) == (
        f"{path}: holds only @string definitions (130 macros) and no entries; it is a macro "
        "file meant to be used together with another .bib file"
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  \n",
        "just some words\n",
        "@comment{nothing here}",
        '% only a comment\n@preamble{ "x" }',
    ],
)
def test_text_without_entries_is_a_clear_error(text: str) -> None:
    with pytest.raises(ParseError, match=r"^empty\.bib: no BibTeX entries"):
        bibtex_import.parse(text, "empty.bib")


def test_entries_without_title_use_their_ids() -> None:
    text = (
        "@misc{a, eprint = {2106.09685}, archiveprefix = {arXiv}}\n"
        "@misc{b, doi = {10.1000/ABC}}\n"
        "@proceedings{c, booktitle = {Proceedings of X}, editor = {Roe, Richard}}\n"
        "@misc{d, note = {nothing}}\n"
    )
    result = bibtex_import.parse(text, "x.bib")
    assert [(r.title, r.authors) for r in result.records] == [
        ("arXiv:2106.09685", ()),
        ("doi:10.1000/abc", ()),
        ("Proceedings of X", ("Richard Roe",)),
    ]
    assert [(s.line, s.reason) for s in result.skipped] == [
        (4, "@misc entry 'd' has no title, arXiv id or DOI")
    ]


def test_dates() -> None:
    text = (
        "@misc{a, title = {A}, date = {2019-04-28}}\n"
        "@misc{b, title = {B}, year = {2020}, month = {Jan.-Feb.}}\n"
        "@misc{c, title = {C}, year = {in press}}\n"
        "@misc{d, title = {D}, year = 2021, month = 13, day = 3}\n"
        "@misc{e, title = {E}, year = 2021, month = feb, day = 30}\n"
        "@misc{f, title = {F}, date = {2017-24~}}\n"
    )
    dates = [(r.year, r.date) for r in bibtex_import.parse(text, "x.bib").records]
    assert dates == [
        (2019, "2019-04-28"),
        (2020, "2020-01"),
        (None, None),
        (2021, "2021"),
        (2021, "2021-02"),
        (2017, "2017"),
    ]


def test_evaluate_and_names() -> None:
    macros = {"j": "Journal of ", "pub-fred:adr": "London, UK"}
    assert evaluate('j # "Things"', macros) == "Journal of Things"
    assert evaluate("{a {b} c} # 1990 # undefined", macros) == "a {b} c1990undefined"
    assert evaluate('"unterminated', macros) == "unterminated"
    assert evaluate("pub-FRED:adr", macros) == "London, UK"
    assert person_names(
        "{de la Mata}, Maria and van Beethoven, Ludwig and King, Jr., Martin and {IEEE} and others"
    ) == ("Maria de la Mata", "Ludwig van Beethoven", "Martin King, Jr.", "IEEE")


@pytest.mark.parametrize("name", [*EXPECTED, MACROS_ONLY])
def test_registry_detects_bibtex(name: str) -> None:
    path = BIB / name
    assert detect_format(read_path(path), str(path)).name == "bibtex"


def test_sniff_ignores_other_formats() -> None:
    assert bibtex_import.sniff(read_path(SEED)[:16384]) == 0.0
    assert detect_format(read_path(SEED), str(SEED)).name != "bibtex"
    for path in CORPUS.rglob("*"):
        if path.is_file() and path.parent.name != "bibtex" and path.name != "README.md":
            assert bibtex_import.sniff(read_path(path)[:16384]) == 0.0, path
    assert bibtex_import.sniff("@dataclass(slots=True, frozen=True)\nclass A: ...\n") < 0.3


def _corpus_snippets() -> list[str]:
    text = read_path(BIB / "bbt-873_paren_entries_crossref.bib")[:6000]
    small = [
        read_path(BIB / n)
        for n in (
            "bbt-871_round_parens_concat.bib",
            "bbt-1081_string_concat_space.bib",
            "bbt-95-96_preamble_mojibake.bib",
        )
    ]
    return [text, *small]


@settings(max_examples=150, deadline=None)
@given(
    base=st.sampled_from(_corpus_snippets()),
    cut=st.integers(min_value=0, max_value=6000),
    insert=st.text(alphabet=st.sampled_from(list('@{}()"#,=%\\$_^~\n ax0')), max_size=20),
    where=st.integers(min_value=0, max_value=6000),
)
def test_mutated_bibtex_only_parses_or_raises_parse_error(
    base: str, cut: int, insert: str, where: int
) -> None:
    text = base[:cut]
    text = text[:where] + insert + text[where:]
    _parse_or_parse_error(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300) | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
def test_random_text_only_parses_or_raises_parse_error(text: str) -> None:
    _parse_or_parse_error(text)
    _parse_or_parse_error("@article{k, title = {" + text + "}}")


def _parse_or_parse_error(text: str) -> None:
    try:
        result = bibtex_import.parse(text, "fuzz.bib")
    except ParseError as exc:
        assert exc.source == "fuzz.bib"
        return
    assert result.records or result.skipped
    for record in result.records:
        assert record.title and record.line is not None


def test_deep_nesting_does_not_crash() -> None:
    deep = "{" * 5000 + "x" + "}" * 5000
    text = f"@article{{k, title = {{\\'{deep}}}, author = {{{deep}}}}}"
    result = bibtex_import.parse(text, "deep.bib")
    assert [r.title for r in result.records] == ["x"] or result.skipped


def test_field_value_types_are_plain_strings() -> None:
    for record in parsed("bbt_mendeley_export_webpages.bib").records:
        assert isinstance(record.title, str) and all(isinstance(a, str) for a in record.authors)
        assert record.year is None or isinstance(record.year, int)


@pytest.mark.parametrize("path", [Path("a.bib"), Path("a.bibtex"), Path("a.biblatex")])
def test_extensions(path: Path) -> None:
    assert path.suffix in bibtex_import.FORMAT.extensions


def test_runaway_macro_expansion_is_refused_with_its_line() -> None:
    doubling = "".join(f"@string{{a{i} = a{i - 1} # a{i - 1}}}\n" for i in range(1, 40))
    bomb = "@string{a0 = {xxxxxxxxxx}}\n" + doubling + "@misc{k, title = a39}\n"
    with pytest.raises(ParseError) as caught:
        bibtex_import.parse(bomb, "bomb.bib")
    assert str(caught.value) == (
        "bomb.bib:17: @string macros expand to more than 8 times the size of the file"
    )


def test_control_characters_and_letterless_titles() -> None:
    text = (
        "@misc{a, title = {Bad\x00 \x1b[31mtitle\u202e}, author = {Doe,\x07 Jane}}\n"
        "@misc{b, title = {((( )))}}\n"
    )
    result = bibtex_import.parse(text, "x.bib")
    assert [(r.title, r.authors) for r in result.records] == [("Bad [31mtitle", ("Jane Doe",))]
    assert [(s.line, s.reason) for s in result.skipped] == [
        (2, "@misc entry 'b' has a title without letters ('((( )))') and no arXiv id or DOI")
    ]


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (
            "{BERT}: Pre-training of Deep {{Bidirectional}} Transformers",
            "BERT: Pre-training of Deep Bidirectional Transformers",
        ),
        ('Sch{\\"o}rmann', "Schörmann"),
        ("Mart{\\'{\\i}}n", "Martín"),
        ("{\\v{C}}apkun", "Čapkun"),
        ("{Jim{\\'e}nez-Rodriguez}", "Jiménez-Rodriguez"),
        ("{Cu$_2$O} and $\\alpha$-Fe$_{2}$O$_3$, cm$^{-1}$", "Cu₂O and \u03b1-Fe₂O₃, cm⁻¹"),
        ("In$_x$Ga$_{1-x}$N and Cu$_{2-\\delta}$O", "InₓGa₁₋ₓN and Cu2-δO"),
        ("50% of ``all'' -- really", "50% of “all” \u2013 really"),
        # Better BibTeX's escaped literal braces, and text escaped twice by Zotero
        (
            "in \\{\\{\\vphantom{\\}\\}}{{GaAs}}\\vphantom\\{\\}\\vphantom\\{\\} Nanowires",
            "in GaAs Nanowires",
        ),
        ("Garc\\textbackslash{}'ia", "García"),
        ("{{TiO}}\\_2 and GaN \\{0001\\}", "TiO₂ and GaN {0001}"),  # Miller indices stay
    ],
)
def test_latex_to_text(latex: str, text: str) -> None:
    assert latex_to_text(latex) == text


def test_fix_mojibake() -> None:
    assert fix_mojibake("300Â°C, 400-500Ânm, SchÃ¶rmann, itâ€™s") == (
        "300°C, 400-500\u00a0nm, Schörmann, it\u2019s"
    )
    assert fix_mojibake("Âge, Ça, naïve") == "Âge, Ça, naïve"  # real text is left alone
