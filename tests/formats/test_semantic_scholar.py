from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.core.errors import ParseError
from readerapp.formats import semantic_scholar
from readerapp.formats.registry import detect_format
from readerapp.formats.text_input import read_path
from tests.conftest import CORPUS, SEED

SEARCH = CORPUS / "scholarly-api-json" / "sotawhat_semantic_scholar_search_transformer_5.json"


def search_text() -> str:
    return SEARCH.read_text(encoding="utf-8")


def test_search_response_gives_five_papers() -> None:
    result = semantic_scholar.parse(search_text(), SEARCH.name)
    assert result.skipped == []
    assert [(r.title, r.arxiv_id, r.line) for r in result.records] == [
        (
            "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows",
            "2103.14030",
            1,
        ),
        (
            "Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting",
            "2012.07436",
            1,
        ),
        ("Longformer: The Long-Document Transformer", "2004.05150", 1),
        ("Restormer: Efficient Transformer for High-Resolution Image Restoration", "2111.09881", 1),
        ("SwinIR: Image Restoration Using Swin Transformer", "2108.10257", 1),
    ]


def test_search_paper_fields() -> None:
    swin, informer, longformer, restormer, _ = semantic_scholar.parse(
        search_text(), SEARCH.name
    ).records
    assert swin.authors == (
        "Ze Liu",
        "Yutong Lin",
        "Yue Cao",
        "Han Hu",
        "Yixuan Wei",
        "Zheng Zhang",
        "Stephen Lin",
        "B. Guo",
    )
    assert swin.doi == "10.1109/iccv48922.2021.00986"
    # publicationDate is null: the year stands in as the date.
    assert (swin.year, swin.date) == (2021, "2021")
    assert swin.links.pdf == "http://arxiv.org/pdf/2103.14030"
    assert swin.links.abs is None  # the import adds arXiv's page from the id
    assert swin.abstract.startswith("This paper presents a new vision Transformer")
    assert (informer.year, informer.date) == (2020, "2020-12-14")
    assert informer.links.pdf == "https://ojs.aaai.org/index.php/AAAI/article/download/17325/17132"
    assert informer.doi == "10.1609/aaai.v35i12.17325"
    assert longformer.doi is None  # externalIds has DBLP, MAG, ArXiv, CorpusId only
    assert longformer.links.pdf is None  # openAccessPdf.url is ""
    assert restormer.doi == "10.1109/cvpr52688.2022.00564"
    assert all(r.venue is None and r.suggested_tags == () for r in (swin, informer))


def test_pretty_printed_response_has_a_line_per_paper() -> None:
    pretty = json.dumps(json.loads(search_text()), indent=2)
    records = semantic_scholar.parse("\ufeff" + pretty.replace("\n", "\r\n"), "p.json").records
    lines = pretty.split("\n")
    assert len(records) == 5
    for record in records:
        assert lines[record.line - 1] == "    {"
        assert '"paperId"' in lines[record.line]


def test_bare_list_batch_nulls_wrappers_and_one_paper() -> None:
    data = json.loads(search_text())["data"]
    batch = json.dumps([data[0], None, {"citingPaper": data[2]}, "x"], indent=1)
    result = semantic_scholar.parse(batch, "batch.json")
    assert [r.arxiv_id for r in result.records] == ["2103.14030", "2004.05150"]
    assert [s.reason for s in result.skipped] == [
        "null where a paper was expected (Semantic Scholar has no record for that id)",
        "a string where a paper object was expected",
    ]
    assert all(s.line and s.line > 1 for s in result.skipped)
    one = semantic_scholar.parse(json.dumps(data[1]), "one.json")
    assert [r.title[:8] for r in one.records] == ["Informer"]
    recommended = semantic_scholar.parse(json.dumps({"recommendedPapers": data[:2]}), "r")
    assert len(recommended.records) == 2


def test_venue_fields_of_study_and_pages_without_arxiv() -> None:
    paper = {
        "paperId": "abc",
        "title": "A {Journal} Paper",
        "venue": "arXiv.org",
        "journal": {"name": "Nature Methods", "volume": "3"},
        "year": "2019",
        "publicationDate": "2018-12-30",
        "externalIds": {"DOI": "https://doi.org/10.1234/XYZ"},
        "url": "https://www.semanticscholar.org/paper/abc",
        "fieldsOfStudy": ["Computer Science", "Biology"],
        "s2FieldsOfStudy": [{"category": "Biology", "source": "s2"}, {"category": "Medicine"}],
        "authors": [{"name": "Smith, Jane"}, {"authorId": "1"}, {"name": "Jane Doe"}],
    }
    [record] = semantic_scholar.parse(json.dumps({"data": [paper]}), "x").records
    assert record.title == "A Journal Paper"
    assert record.venue == "Nature Methods"  # a preprint server is not a venue
    assert (record.year, record.date) == (2019, "2019")  # the online-first date disagrees
    assert record.doi == "10.1234/xyz"
    assert record.links.abs == "https://www.semanticscholar.org/paper/abc"
    assert record.suggested_tags == ("Computer Science", "Biology", "Medicine")
    assert record.authors == ("Jane Smith", "Jane Doe")


def test_unusable_papers_are_skipped_and_id_only_papers_kept() -> None:
    text = json.dumps(
        {
            "data": [
                {"paperId": "a", "title": None, "externalIds": None},
                {"paperId": "b", "externalIds": {"ArXiv": "2103.14030v2"}},
                {"paperId": "c", "externalIds": {"DOI": "10.5555/12345"}, "title": ""},
            ]
        },
        indent=2,
    )
    result = semantic_scholar.parse(text, "x.json")
    assert [r.title for r in result.records] == ["arXiv:2103.14030", "doi:10.5555/12345"]
    assert [(s.line, s.reason) for s in result.skipped] == [
        (3, "a paper with no title, arXiv id or DOI")
    ]
    assert semantic_scholar.parse('{"total": 0, "data": []}', "x").skipped[0].line is None


@pytest.mark.parametrize(
    ("text", "line", "why"),
    [
        ('{"total": 5, "data": [\n{"paperId": "abc", "title": "Cut', 2, "ends too early"),
        ('{"data": [\n{"paperId": "abc",}\n]}', 2, "not valid JSON"),
        ("null", 1, "null, not a Semantic Scholar response"),
        ('{"error": "Not found"}', 1, "without Semantic Scholar paper fields"),
    ],
)
def test_unreadable_json_names_file_and_line(text: str, line: int, why: str) -> None:
    with pytest.raises(ParseError) as caught:
        semantic_scholar.parse(text, "s2.json")
    assert (caught.value.line, caught.value.source) == (line, "s2.json")
    assert why in caught.value.why


def test_truncated_corpus_file() -> None:
    with pytest.raises(ParseError) as caught:
        semantic_scholar.parse(search_text()[:5000], SEARCH.name)
    assert caught.value.line == 1 and "ends too early" in caught.value.why


def test_detect_format_and_sniffs() -> None:
    assert detect_format(read_path(SEARCH), str(SEARCH)).name == "semantic-scholar"
    assert detect_format(read_path(SEED), str(SEED)).name != "semantic-scholar"
    others = [
        *(CORPUS / "csl-json").iterdir(),
        *(CORPUS / "hf-json").iterdir(),
        *(CORPUS / "arxiv-atom").iterdir(),
        SEED,
    ]
    for path in others:
        assert semantic_scholar.sniff(read_path(path)[:16384]) == 0.0, path.name


S2_KEYS = [
    "data",
    "total",
    "offset",
    "paperId",
    "title",
    "abstract",
    "authors",
    "name",
    "year",
    "publicationDate",
    "externalIds",
    "ArXiv",
    "DOI",
    "venue",
    "journal",
    "publicationVenue",
    "url",
    "openAccessPdf",
    "fieldsOfStudy",
    "s2FieldsOfStudy",
    "category",
    "citingPaper",
    "recommendedPapers",
]
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(["2103.14030", "10.1109/x", "2021-08-23", "http://[::1", "javascript:x"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(S2_KEYS) | st.text(max_size=5), children, max_size=6)
    ),
    max_leaves=25,
)


def _parse_or_parse_error(text: str) -> None:
    try:
        result = semantic_scholar.parse(text, "fuzz.json")
    except ParseError as exc:
        assert exc.source == "fuzz.json"
        return
    for record in result.records:
        assert record.title.strip()


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_fuzz_json_shapes(value: object) -> None:
    _parse_or_parse_error(json.dumps(value))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_fuzz_random_text(text: str) -> None:
    _parse_or_parse_error(text)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 12500), st.integers(0, 40), st.text(max_size=8))
def test_fuzz_mutated_file(start: int, length: int, insert: str) -> None:
    source = search_text()
    _parse_or_parse_error(source[:start] + insert + source[start + length :])
