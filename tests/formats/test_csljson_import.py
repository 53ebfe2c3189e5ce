from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.core.errors import ParseError
from readerapp.core.records import PaperRecord
from readerapp.formats import csljson_import
from readerapp.formats.registry import detect_format
from readerapp.formats.text_input import read_path
from tests.conftest import CORPUS, SEED

CSL = CORPUS / "csl-json"
COUNTS = {  # tests/data/corpus/README.md
    "bbt-1179_better_csl_json.csl.json": 26,
    "bbt-811_edtf_dates.csl.json": 15,
    "bbt_pandoc_schomd.csl.json": 4,
}


def records(name: str) -> dict[str, PaperRecord]:
    """Records by citation key (the corpus items' keys are unique)."""
    path = CSL / name
    text = read_path(path)
    result = csljson_import.parse(text, str(path))
    keys = [item["citation-key"] for item in json.loads(text)]
    assert len(keys) == len(result.records)
    return dict(zip(keys, result.records, strict=True))


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_corpus_counts_lines_and_no_skips(name: str) -> None:
    path = CSL / name
    text = read_path(path)
    result = csljson_import.parse(text, str(path))
    assert len(result.records) == COUNTS[name]
    assert result.skipped == []
    # Each record's line is the line of its opening brace.
    lines = text.split("\n")
    assert all(lines[r.line - 1].strip() == "{" for r in result.records)
    assert detect_format(text, str(path)).name == "csljson"


def test_short_dois_and_dois_from_urls() -> None:
    by_key = records("bbt-1179_better_csl_json.csl.json")
    brittain = by_key["brittain2004"]  # "DOI": "10/fqd6hj", URL https://doi.org/10.1177/...
    assert brittain.doi == "10.1177/0193723504268729"
    assert brittain.links.abs == "https://doi.org/10.1177/0193723504268729"
    assert brittain.title.startswith("Perceptions of disability and their impact")
    assert (brittain.authors, brittain.year, brittain.date) == (("Ian Brittain",), 2004, "2004")
    assert brittain.venue == "Journal of Sport and Social Issues"
    # A publisher's /doi/abs/ URL names the full DOI too.
    assert by_key["messner1988"].doi == "10.1123/ssj.5.3.197"
    # Short DOI and a URL without a DOI: no DOI is kept; the landing page is the link.
    tannenbaum = by_key["tannenbaum2019"]
    assert tannenbaum.doi is None
    assert tannenbaum.links.abs == "https://www.bmj.com/content/364/bmj.l1120"
    assert tannenbaum.authors[:2] == ("Cara Tannenbaum", "Sheree Bekker")
    assert not any(r.doi and r.doi.startswith("10/") for r in by_key.values())


def test_mixed_date_parts_and_literal_authors() -> None:
    by_key = records("bbt-1179_better_csl_json.csl.json")
    assert by_key["cody2016"].date == "2016-06-01"  # ["2016", 6, 1]
    assert by_key["cody2016"].authors == ("Kieran Cody", "Steven J. Jackson")
    court = by_key["courtofarbitrationforsport2019"]
    assert court.authors == ("Court of Arbitration for Sport",)
    assert court.date == "2019-03-21"
    assert by_key["duncan2002"].venue == "MediaSport"  # a chapter's book
    assert by_key["pink2013"].venue is None


def test_edtf_circa_seasons_ranges_and_bc_years() -> None:
    by_key = records("bbt-811_edtf_dates.csl.json")
    got = {key: (r.year, r.date) for key, r in by_key.items()}
    assert got["doe10_edtf_2011"] == (2011, "2011-05-25")  # a range keeps its start
    assert got["doe12_edtf_2011"] == (2011, "2011-05")
    assert got["doe13_season_2017"] == (2017, "2017")  # season: the year only
    assert got["doe7_politics_1985"] == (1985, "1985")
    assert got["t1"] == (2014, "2014-12-31")
    assert got["t3"] == (2014, "2014-12-31")  # open-ended range
    assert got["t2"] == (None, None)  # no issued date (event-date is not publication)
    assert got["t5"] == (None, None)  # -334: BC
    assert got["t6"] == (None, None)  # -100/-44: BC
    assert by_key["doe14_date2010_2010"].authors == ("Doe14",)


def test_pandoc_rich_text_titles_many_authors_and_editors() -> None:
    by_key = records("bbt_pandoc_schomd.csl.json")
    adams = by_key["Adams2001"]
    assert adams.title == (
        "The physical volcanology of the 1600 eruption of Huaynaputina, southern Peru"
    )
    assert len(adams.authors) == 7 and adams.authors[-1] == "Kendra Arbesman"
    berndt = by_key["Berndt1994"]
    assert berndt.title == (
        "Skizze zur Auslegungsgeschichte der Bücher Prouerbia und "
        "Ecclesiastes in der abendländischen Kirche"
    )
    assert berndt.doi == "10.1484/j.se.2.303788"
    assert "<span" not in by_key["Dunning2016"].title
    wordsworth = by_key["Wordsworth1883"]
    assert "(g1)" in wordsworth.title
    assert wordsworth.authors == ("John Wordsworth",)  # the editor of an edited volume
    assert wordsworth.year == 1883


def test_arxiv_ids_keywords_and_short_doi_link() -> None:
    items = [
        {
            "type": "article",
            "title": "From number",
            "number": "arXiv:2106.09685v2",
            "keyword": "LLM, fine-tuning",
            "citation-key": "a",
        },
        {"type": "article", "title": "From note", "note": "arXiv: 1706.03762", "id": "b"},
        {
            "type": "article",
            "title": "From location",
            "archive": "arXiv",
            "archive_location": "hep-th/9901001",
            "keyword": ["x", "X", "y"],
        },
        {"type": "article", "title": "From URL", "URL": "https://arxiv.org/abs/2308.01234v1"},
        {"type": "article", "title": "Report number", "number": "2106.09685"},
        {"type": "article-journal", "title": "Short only", "DOI": "10/FQD6HJ"},
        {"type": "article", "title": "arXiv DOI", "DOI": "10.48550/arXiv.2401.00001"},
    ]
    got = csljson_import.parse(json.dumps(items), "x.json").records
    assert [r.arxiv_id for r in got] == [
        "2106.09685",
        "1706.03762",
        "hep-th/9901001",
        "2308.01234",
        None,
        None,
        "2401.00001",
    ]
    assert got[0].suggested_tags == ("LLM", "fine-tuning")
    assert got[2].suggested_tags == ("x", "y")
    assert got[3].links.abs == "https://arxiv.org/abs/2308.01234v1"
    assert (got[5].doi, got[5].links.abs) == (None, "https://doi.org/10/fqd6hj")


def test_one_object_items_keyed_by_id_raw_and_literal_dates() -> None:
    one = '{"type": "book", "title": "Alone", "issued": {"raw": "2017-24~"}}'
    (record,) = csljson_import.parse(one, "x.json").records
    assert (record.title, record.year, record.date) == ("Alone", 2017, "2017")
    keyed = {
        "ITEM-1": {"type": "book", "title": "A", "issued": {"literal": "May 5, 2017"}},
        "ITEM-2": {"type": "book", "title": "B", "issued": {"literal": "13th cent"}},
    }
    a, b = csljson_import.parse(json.dumps(keyed), "x.json").records
    assert (a.title, a.date, b.title, b.date) == ("A", "2017-05-05", "B", None)


def test_odd_values_are_skipped_or_ignored_never_crash() -> None:
    text = json.dumps(
        [
            {
                "type": "book",
                "title": ["List", "title"],
                "author": "Plain String",
                "issued": {"date-parts": [[True, "x", None]]},
                "DOI": 42,
                "URL": ["http://[::1"],
            },
            {"type": "book", "title": "", "citation-key": "empty"},
            {
                "type": "book",
                "title": "Numbers",
                "issued": {"date-parts": [[float("inf")]]},
                "author": [{"family": None, "given": 3}, {"literal": ""}, 7],
            },
            None,
            "a string",
        ],
        indent=1,
    )
    result = csljson_import.parse(text, "x.json")
    assert [r.title for r in result.records] == ["List", "Numbers"]
    assert result.records[0].authors == ("Plain String",)
    assert result.records[0].year is None and result.records[0].links.abs is None
    assert result.records[1].authors == ("3",)
    lines = text.split("\n")
    assert [lines[s.line - 1].strip() for s in result.skipped] == ["{", "null,", '"a string"']
    assert [s.reason for s in result.skipped] == [
        "CSL-JSON item 'empty' has no title, arXiv id or DOI",
        "not a CSL-JSON item: null, not an object",
        "not a CSL-JSON item: a string, not an object",
    ]


def test_broken_json_names_the_line() -> None:
    path = CSL / "bbt_pandoc_schomd.csl.json"
    text = read_path(path)
    lines = text.split("\n")
    cut = "\n".join(lines[:60])  # truncated inside the second item
    with pytest.raises(ParseError) as caught:
        csljson_import.parse(cut, "refs.json")
    assert caught.value.line == 60
    broken = lines[:]
    broken[72] = broken[72].replace('",', '" ;', 1)
    assert broken[72] != lines[72]
    with pytest.raises(ParseError) as caught:
        csljson_import.parse("\n".join(broken), "refs.json")
    assert caught.value.line == 73
    assert str(caught.value).startswith("refs.json:73: not valid JSON")
    with pytest.raises(ParseError, match="nested too deeply"):
        csljson_import.parse("[" * 100_000, "deep.json")
    with pytest.raises(ParseError, match="empty list"):
        csljson_import.parse("[ ]", "x.json")
    with pytest.raises(ParseError) as caught:
        csljson_import.parse("\n\nhello", "x.json")
    assert caught.value.line == 3


def test_sniff_leaves_hf_and_semantic_scholar_json_alone() -> None:
    hf = CORPUS / "hf-json" / "sotawhat_hf_daily_papers_30.json"
    s2 = CORPUS / "scholarly-api-json" / "sotawhat_semantic_scholar_search_transformer_5.json"
    for path in (hf, s2):
        assert csljson_import.sniff(read_path(path)[:16384]) == 0.0
    hf_like = '[{"paper": {"id": "2308.01234", "title": "T", "authors": []}, "type": "x"}]'
    s2_like = '[{"paperId": "abc", "title": "T", "type": "article", "id": "1"}]'
    assert csljson_import.sniff(hf_like) == 0.0
    assert csljson_import.sniff(s2_like) == 0.0
    assert csljson_import.sniff('{"title": "no type or markers"}') == 0.0
    seed = SEED.read_text(encoding="utf-8")
    assert csljson_import.sniff(seed[:16384]) == 0.0
    assert detect_format(seed, str(SEED)).name != "csljson"
    # Rejected when forced on HF JSON: nothing in it is a CSL item.
    with pytest.raises(ParseError, match="not CSL-JSON"):
        csljson_import.parse(hf_like.replace('"type": "x"', '"x": 1'), "hf.json")


def test_bom_and_crlf() -> None:
    text = read_path(CSL / "bbt_pandoc_schomd.csl.json")
    messy = "\ufeff" + text.replace("\n", "\r\n")
    assert csljson_import.sniff(messy) > 0.9
    assert csljson_import.parse(messy, "x").records == csljson_import.parse(text, "x").records


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "title",
                    "type",
                    "author",
                    "issued",
                    "date-parts",
                    "DOI",
                    "URL",
                    "literal",
                    "family",
                    "given",
                    "raw",
                    "keyword",
                    "number",
                    "note",
                    "id",
                    "container-title",
                    "abstract",
                ]
            ),
            inner,
            max_size=6,
        )
    ),
    max_leaves=30,
)
SEED_TEXT = read_path(CSL / "bbt-811_edtf_dates.csl.json")


@st.composite
def mutated_csl(draw: st.DrawFn) -> str:
    text = SEED_TEXT
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(text)))
        insert = draw(
            st.one_of(
                st.sampled_from(["[", "]", "{", "}", ",", '"', "null", "-0333", "1e999", "\ufeff"]),
                st.text(max_size=8),
            )
        )
        text = text[:at] + insert + text[at + draw(st.integers(0, 30)) :]
    return text


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.binary().map(lambda b: b.decode("latin-1")),
        JSON_VALUES.map(json.dumps),
        st.lists(JSON_VALUES, max_size=5).map(json.dumps),
        mutated_csl(),
    )
)
def test_fuzzed_text_gives_records_or_parse_error(text: str) -> None:
    assert 0.0 <= csljson_import.sniff(text[:16384]) <= 1.0
    try:
        result = csljson_import.parse(text, "fuzz.json")
    except ParseError as exc:
        assert exc.source == "fuzz.json" and exc.line is not None and exc.line >= 1
        return
    for record in result.records:
        assert record.title.strip() and record.line and record.line >= 1
        assert record.year is None or 1000 <= record.year <= 2100
