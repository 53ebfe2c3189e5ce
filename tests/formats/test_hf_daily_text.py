from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.core.errors import ParseError
from readerapp.formats import hf_daily_text
from readerapp.formats.registry import detect_format
from tests.conftest import SEED

HEADER = {
    "new",
    "Get trending papers in your email inbox!",
    "Subscribe",
    "Daily Papers",
    "byAK and the research community",
    "Aug 7",
}


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_seed_dump_gives_73_papers_with_exact_titles_and_whole_abstracts() -> None:
    result = hf_daily_text.parse(seed_text(), "seed.txt")
    assert len(result.records) == 73
    assert result.skipped == []
    assert result.listing_date == "Aug 7"
    lines = seed_text().split("\n")
    for record in result.records:
        assert record.title not in HEADER
        assert lines[record.line - 1] == record.title  # exactly the title line
        assert lines[record.line + 1] == record.abstract  # the whole abstract paragraph
    first = result.records[0]
    assert first.title.startswith("SwinFace: A Multi-task Transformer for Face Recognition")
    assert first.abstract.endswith("https://github.com/lxq1000/SwinFace.")


def test_code_and_project_links_lose_trailing_punctuation() -> None:
    records = hf_daily_text.parse(seed_text(), "seed.txt").records
    links = [url for r in records for url in (r.links.code, r.links.project) if url]
    assert len(links) == 17
    assert "https://github.com/lxq1000/SwinFace" in links
    assert "https://github.com/LZY-the-boys/Twin-Mergin" in links  # was "Twin-Mergin.)"
    assert "https://skzhang1.github.io/IDEAL/" in links
    assert "https://huface.online/ibm/biomed.omics.bl.sm.ma-ted-458m" in links
    assert not any(url.endswith((".", ")", ",")) for url in links)


def test_crlf_bom_extra_blank_lines_and_missing_header() -> None:
    text = seed_text()
    messy = "\ufeff" + text.replace("\n\n", "\n\n\n \n").replace("\n", "\r\n")
    assert [r.title for r in hf_daily_text.parse(messy, "x").records] == [
        r.title for r in hf_daily_text.parse(text, "x").records
    ]
    headerless = text.split("Aug 7\n\n", 1)[1]
    result = hf_daily_text.parse(headerless, "paste")
    assert len(result.records) == 73
    assert result.listing_date is None


def test_header_lines_without_blank_lines_between_them() -> None:
    text = (
        "Daily Papers\nbyAK and the research community\nAug 7\n\n"
        "A Title\n\nAn abstract that is long enough to be one. " * 1
    )
    result = hf_daily_text.parse(text, "x")
    assert [r.title for r in result.records] == ["A Title"]


def test_a_paragraph_with_no_title_before_it_is_reported_with_its_line() -> None:
    text = "Title One\n\nAbstract one.\n\nThis is a stray sentence.\nOn two lines.\n"
    result = hf_daily_text.parse(text, "x")
    # The stray paragraph follows an abstract, so it belongs to that abstract.
    assert len(result.records) == 1
    text = "Stray first paragraph.\nStill stray.\n\nTitle Two\n\nAbstract two."
    result = hf_daily_text.parse(text, "x")
    assert [r.title for r in result.records] == ["Title Two"]
    assert result.skipped[0].line == 1


def test_registry_sniffs_the_seed_dump_with_or_without_extension() -> None:
    assert detect_format(seed_text(), "dump.txt").name == "hf-daily-text"
    assert detect_format(seed_text(), "<clipboard>").name == "hf-daily-text"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000))
def test_random_text_never_raises_anything_but_parse_error(text: str) -> None:
    with contextlib.suppress(ParseError):
        hf_daily_text.parse(text, "fuzz")
