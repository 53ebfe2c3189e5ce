from __future__ import annotations

import json
from pathlib import Path

import pytest

from readerapp.core.errors import ParseError
from readerapp.core.records import Links, Paper, PaperRecord
from readerapp.formats import json_export, readerapp_json
from readerapp.formats.registry import IMPORT_FORMATS, detect_format
from readerapp.formats.text_input import read_path
from tests.conftest import CORPUS, DATA, SEED
from tests.formats.export_samples import CONTEXT, PAPERS

BIBLIOGRAPHIC = (
    "title",
    "abstract",
    "authors",
    "year",
    "date",
    "arxiv_id",
    "doi",
    "venue",
    "links",
)


def _fields(item: Paper | PaperRecord) -> dict[str, object]:
    return {name: getattr(item, name) for name in BIBLIOGRAPHIC}


def _safe_links(links: Links) -> Links:
    """Links as an import keeps them: only http(s) URLs."""
    return Links(
        **{
            kind: url
            for kind, url in links.as_dict().items()
            if url.lower().startswith(("http://", "https://"))
        }
    )


def test_export_reads_back_with_every_bibliographic_field() -> None:
    text = json_export.export(PAPERS, CONTEXT)
    result = readerapp_json.parse(text, "papers.json")
    assert result.skipped == []
    assert len(result.records) == len(PAPERS)
    for paper, record in zip(PAPERS, result.records, strict=True):
        assert _fields(record) == {**_fields(paper), "links": _safe_links(paper.links)}
    # User state is the exporting library's: none of it comes in (no tags to suggest either).
    assert all(r.suggested_tags == () for r in result.records)
    # Each paper's line is where its object starts in the indented export.
    lines = text.split("\n")
    assert [lines[r.line - 1].strip() for r in result.records if r.line] == ["{"] * len(PAPERS)
    assert result.records[0].line == 2


def test_one_paper_object_as_show_json_prints_it() -> None:
    text = json.dumps(PAPERS[0].to_json(), indent=2)
    (record,) = readerapp_json.parse(text, "one.json").records
    assert record.title == PAPERS[0].title and record.line == 1


def test_entries_that_are_not_papers_are_reported_with_their_line() -> None:
    text = '[\n  {"title": "Kept", "arxiv_id": "2106.09685"},\n  "a string",\n  {"year": 2020}\n]'
    result = readerapp_json.parse(text, "mixed.json")
    assert [r.title for r in result.records] == ["Kept"]
    assert [(s.line, s.reason) for s in result.skipped] == [
        (3, "a string where a paper object was expected"),
        (4, "paper has no title, arXiv id or DOI"),
    ]
    assert readerapp_json.parse("[]", "empty.json").skipped[0].reason == "the list holds no papers"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('"just a string"', 1, "the JSON is a string, not a list of papers"),
        ('[\n  {"title": "cut', 2, "the JSON ends too early"),
    ],
)
def test_unreadable_json_names_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ParseError, match=words) as info:
        readerapp_json.parse(text, "bad.json")
    assert (info.value.source, info.value.line) == ("bad.json", line)


def test_export_is_detected_from_its_content_alone() -> None:
    text = json_export.export(PAPERS, CONTEXT)
    assert detect_format(text, "<clipboard>") is readerapp_json.FORMAT
    assert detect_format(text, "papers.json") is readerapp_json.FORMAT
    others = [f for f in IMPORT_FORMATS if f is not readerapp_json.FORMAT]
    assert max(f.sniff(text[:16384]) for f in others) < readerapp_json.sniff(text[:16384])


def test_sniff_does_not_claim_other_json_dumps() -> None:
    paths: list[Path] = [
        *(CORPUS / "csl-json").iterdir(),
        *(CORPUS / "hf-json").iterdir(),
        *(CORPUS / "scholarly-api-json").iterdir(),
        DATA / "hf_papers_feed.json",
        SEED,
    ]
    for path in paths:
        assert readerapp_json.sniff(read_path(path)[:16384]) == 0.0, path
