from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.core.errors import ParseError
from readerapp.core.records import Links, Note, Paper, PaperRecord
from readerapp.formats import csv_format
from readerapp.formats.base import ExportContext
from readerapp.formats.registry import IMPORT_FORMATS, detect_format
from readerapp.formats.text_input import read_path

DATA = Path(__file__).parents[1] / "data"
CONTEXT = ExportContext(title="All papers")
NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)


def _paper(id: int, title: str, **fields: object) -> Paper:
    values: dict[str, object] = {
        "abstract": "",
        "authors": (),
        "year": None,
        "date": None,
        "arxiv_id": None,
        "doi": None,
        "venue": None,
        "links": Links(),
        "starred": False,
        "status": "unread",
        "tags": (),
        "queues": (),
        "notes": (),
        "added_at": NOW,
    }
    values.update(fields)
    return Paper(id=id, title=title, **values)  # type: ignore[arg-type]


PAPERS = [
    _paper(
        1,
        'LoRA: "Low-Rank" Adaptation, of Large Language Models',
        abstract="An important paradigm of NLP.\n\nWe propose LoRA, which freezes weights.",
        authors=("Edward J. Hu", "Yelong Shen", "Phillip Wallis"),
        year=2021,
        date="2021-06-17",
        arxiv_id="2106.09685",
        doi="10.48550/arxiv.2106.09685",
        venue="ICLR 2022",
        links=Links(
            abs="https://arxiv.org/abs/2106.09685",
            pdf="https://arxiv.org/pdf/2106.09685",
            code="https://github.com/microsoft/LoRA",
            project="javascript:alert(1)",  # never exported as a link
            hf="https://huggingface.co/papers/2106.09685",
        ),
        starred=True,
        status="read",
        tags=("peft", "=cmd"),
        queues=("reading group",),
        notes=(
            Note(1, "# First note\nwith *Markdown*", NOW, NOW),
            Note(2, "-- second note, starts like a formula", NOW, NOW),
        ),
    ),
    _paper(
        2,
        '=HYPERLINK("https://evil.example", "click")',
        abstract="-1 is how it starts",
        authors=("+Plus Person", "Ann Lee"),
        year=2019,
        date="2019-03",
        doi="10.1145/3292500.3330701",
        venue="@KDD",
    ),
    _paper(3, "'=' considered harmful, a title that starts with a quote", year=1968),
    _paper(4, "Ünïcödé — Überblick ✓", authors=("Émile Zola",)),
]
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


def _fields(record: Paper | PaperRecord) -> dict[str, object]:
    return {name: getattr(record, name) for name in BIBLIOGRAPHIC}


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_export_columns_and_values() -> None:
    rows = _cells(csv_format.export(PAPERS, CONTEXT))
    assert tuple(rows[0]) == csv_format.EXPORT_COLUMNS
    lora = dict(zip(rows[0], rows[1], strict=True))
    assert lora["authors"] == "Edward J. Hu; Yelong Shen; Phillip Wallis"
    assert lora["tags"] == "peft; =cmd"
    assert lora["queues"] == "reading group"
    assert (lora["starred"], lora["status"], lora["year"]) == ("true", "read", "2021")
    assert lora["project_url"] == ""  # javascript: is not a link
    assert lora["notes"] == (
        "# First note\nwith *Markdown*\n\n---\n\n-- second note, starts like a formula"
    )
    assert len(rows) == 1 + len(PAPERS)


def test_export_neutralises_formulas() -> None:
    rows = _cells(csv_format.export(PAPERS, CONTEXT))
    evil = dict(zip(rows[0], rows[2], strict=True))
    assert evil["title"] == '\'=HYPERLINK("https://evil.example", "click")'
    assert evil["authors"] == "'+Plus Person; Ann Lee"
    assert evil["abstract"] == "'-1 is how it starts"
    assert evil["venue"] == "'@KDD"
    # A title that really starts with a quote keeps it: one more quote is added.
    quoted = dict(zip(rows[0], rows[3], strict=True))
    assert quoted["title"] == "''=' considered harmful, a title that starts with a quote"
    for row in rows:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", " =", "'=", "''+"])
def test_formula_cells_round_trip(start: str) -> None:
    paper = _paper(9, "Title", abstract=start + "SUM(A1:A9)")
    text = csv_format.export([paper], CONTEXT)
    abstract = dict(zip(*_cells(text)[:2], strict=True))["abstract"]
    assert abstract.startswith("'")
    [record] = csv_format.parse(text, "papers.csv").records
    assert record.abstract == (start + "SUM(A1:A9)").strip()


def test_round_trip_keeps_papers_and_bibliographic_fields() -> None:
    text = csv_format.export(PAPERS, CONTEXT)
    result = csv_format.parse(text, "papers.csv")
    assert result.skipped == []
    assert len(result.records) == len(PAPERS)
    for paper, record in zip(PAPERS, result.records, strict=True):
        expected = _fields(paper)
        if paper.links.project == "javascript:alert(1)":
            expected["links"] = Links(
                abs=paper.links.abs, pdf=paper.links.pdf, code=paper.links.code, hf=paper.links.hf
            )
        assert _fields(record) == expected
    # The importer reads no user state: no tags from the "tags" column either.
    assert result.records[0].suggested_tags == ()
    # Lines where the rows start, with the multi-line abstract and notes counted.
    assert [r.line for r in result.records] == [2, 10, 11, 12]


def test_round_trip_with_crlf_and_bom() -> None:
    text = "\ufeff" + csv_format.export(PAPERS, CONTEXT).replace("\n", "\r\n")
    records = csv_format.parse(text, "papers.csv").records
    assert [r.title for r in records] == [p.title for p in PAPERS]
    assert records[0].abstract == PAPERS[0].abstract


MULTILINE = """\
Title,Authors,Year,Abstract
"A paper with
a two-line title","Doe, Jane; Roe, Richard",2020,"Abstract line 1

line 3"
,,,
,"Nobody",2021,"a row without a title
or id"
Third,"Smith J., Jones K.",2022.0,x
,,,"no title, but arXiv:2106.09685 is in the abstract only"
"""


def test_multiline_cells_and_skipped_rows_keep_their_lines() -> None:
    result = csv_format.parse(MULTILINE, "list.csv")
    got = [(r.line, r.title, r.authors, r.year) for r in result.records]
    assert got == [
        (2, "A paper with a two-line title", ("Jane Doe", "Richard Roe"), 2020),
        (9, "Third", ("Smith J.", "Jones K."), 2022),
    ]
    assert result.records[0].abstract == "Abstract line 1\n\nline 3"
    assert [(s.line, s.reason) for s in result.skipped] == [
        (7, "row has no title and no arXiv id or DOI"),
        (10, "row has no title and no arXiv id or DOI"),
    ]


ZOTERO = """\
"Key","Item Type","Publication Year","Author","Title","Publication Title","DOI","Url",\
"Abstract Note","Date","Extra","Manual Tags"
"ABCD1234","preprint","2021","Hu, Edward J.; Shen, Yelong; van der Berg, Jan","LoRA: Low-Rank \
Adaptation of Large Language Models","","","http://arxiv.org/abs/2106.09685","An abstract.",\
"2021-06-17","arXiv: 2106.09685","peft"
"EFGH5678","journalArticle","2019","King, Jr., Martin; Lee, Ann","A DOI-only paper","Nature",\
"https://doi.org/10.1038/S41586-019-1666-5","","","2019-10","",""
"IJKL9012","preprint","","","","","","","","","arXiv:1706.03762",""
"""

SCOPUS = """\
\ufeffAuthors,Author full names,Title,Year,Source title,DOI,Link,Abstract,Author Keywords
"Hu E.J.; Shen Y.","Hu, Edward J. (57193450301); Shen, Yelong (57193450302)",A Scopus paper,\
2022,Proc. ICLR,10.1000/XYZ123,https://www.scopus.com/inward/record.uri?eid=2-s2.0-1,\
Abstract text,parameter-efficient; adapters
"""


def test_zotero_export() -> None:
    result = csv_format.parse(ZOTERO, "zotero.csv")
    lora, doi_only, id_only = result.records
    assert lora.title == "LoRA: Low-Rank Adaptation of Large Language Models"
    assert lora.authors == ("Edward J. Hu", "Yelong Shen", "Jan van der Berg")
    assert (lora.arxiv_id, lora.year, lora.date) == ("2106.09685", 2021, "2021-06-17")
    assert lora.links.abs == "http://arxiv.org/abs/2106.09685"
    assert lora.suggested_tags == ()  # Manual Tags are the user's, not keywords
    assert doi_only.authors == ("Martin King, Jr.", "Ann Lee")
    assert (doi_only.doi, doi_only.venue, doi_only.date) == (
        "10.1038/s41586-019-1666-5",
        "Nature",
        "2019-10",
    )
    # No title: the arXiv id in Zotero's Extra field names it.
    assert (id_only.title, id_only.arxiv_id, id_only.line) == ("arXiv:1706.03762", "1706.03762", 4)


def test_scopus_export_prefers_full_author_names() -> None:
    [record] = csv_format.parse(SCOPUS, "scopus.csv").records
    assert record.authors == ("Edward J. Hu", "Yelong Shen")
    assert (record.venue, record.doi, record.year) == ("Proc. ICLR", "10.1000/xyz123", 2022)
    assert record.links.abs == "https://www.scopus.com/inward/record.uri?eid=2-s2.0-1"
    assert record.suggested_tags == ("parameter-efficient", "adapters")


def test_semicolon_with_sep_line_and_tsv() -> None:
    semi = 'sep=;\nTitel;Title;Jahr;Year\nx;"Eins; zwei";y;2001\n'
    [record] = csv_format.parse(semi, "excel.csv").records
    assert (record.title, record.year, record.line) == ("Eins; zwei", 2001, 3)
    tsv = "PT\tAU\tAF\tTI\tSO\tPY\tDI\nJ\tHu, E\tHu, Edward\tA WoS paper\tNATURE\t2020\t10.1/x\n"
    [record] = csv_format.parse(tsv, "savedrecs.txt").records
    assert (record.title, record.authors, record.venue) == ("A WoS paper", ("Edward Hu",), "NATURE")


def test_common_header_names_case_insensitive() -> None:
    text = (
        "Author(s),TITLE,Publication Year,Source title,doi,Abstract,URL,arXiv\n"
        '"Vaswani, Ashish and Shazeer, Noam",Attention Is All You Need,2017,NeurIPS,'
        "https://doi.org/10.5555/3295222.3295349,An abstract.,"
        "https://papers.nips.cc/paper/7181-attention.pdf,arXiv:1706.03762v7\n"
    )
    [record] = csv_format.parse(text, "other.csv").records
    assert record == PaperRecord(
        title="Attention Is All You Need",
        abstract="An abstract.",
        authors=("Ashish Vaswani", "Noam Shazeer"),
        year=2017,
        arxiv_id="1706.03762",
        doi="10.5555/3295222.3295349",
        venue="NeurIPS",
        links=Links(pdf="https://papers.nips.cc/paper/7181-attention.pdf"),
        line=2,
    )


def test_third_party_quote_is_kept_unless_it_neutralised_a_formula() -> None:
    text = "title,abstract\n'Twas brillig,'=1+1\n"
    [record] = csv_format.parse(text, "x.csv").records
    assert (record.title, record.abstract) == ("'Twas brillig", "=1+1")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('title,year\nGood,2020\n"Unclosed,2021\nNext,2022\n', 3, "never closed"),
        ('title,year\nGood,2020\n"Closed" late,2021\n', 3, "malformed CSV"),
        ("name of thing,colour\nx,red\n", 1, "no title, arXiv id, DOI or URL column"),
        ("\n\n  \n", 1, "empty"),
    ],
)
def test_unreadable_csv_names_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ParseError) as caught:
        csv_format.parse(text, "broken.csv")
    assert caught.value.line == line
    assert words in caught.value.why
    assert str(caught.value).startswith(f"broken.csv:{line}: ")


def test_sniff_and_detect() -> None:
    exported = csv_format.export(PAPERS, CONTEXT)
    assert csv_format.sniff(exported) == pytest.approx(0.95)
    assert detect_format(exported, "papers.csv").name == "csv"
    assert detect_format(exported, "<clipboard>").name == "csv"
    assert detect_format(ZOTERO, "zotero.csv").name == "csv"
    assert detect_format(SCOPUS, "scopus.csv").name == "csv"
    assert csv_format.FORMAT in IMPORT_FORMATS


def test_sniff_does_not_claim_other_formats() -> None:
    paths = [
        DATA / "hf_daily_papers_seed.txt",
        DATA / "arxiv_ids.txt",
        *sorted((DATA / "corpus").glob("*/*")),
    ]
    for path in paths:
        if path.suffix != ".md" and path.name != "README.md":
            assert csv_format.sniff(read_path(path)[:16384]) == 0.0, path
    assert csv_format.sniff("| Title | Link |\n|---|---|\n| x | y |\n") == 0.0


_AUTHOR = st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z]\.)?( [A-Z][a-z]{1,8}){1,2}", fullmatch=True)
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t\r"), max_size=60
)
_URL = st.sampled_from(
    [
        None,
        "https://example.org/p",
        "http://x.io/a?b=1&c=2",
        "ftp://nope.example/x",
        "javascript:alert(1)",
    ]
)


@st.composite
def _papers(draw: st.DrawFn) -> Paper:
    year = draw(st.none() | st.integers(1900, 2030))
    date = (
        None
        if year is None
        else draw(st.sampled_from([None, f"{year}", f"{year}-02", f"{year}-02-28"]))
    )
    return _paper(
        draw(st.integers(1, 10**6)),
        draw(_TEXT.filter(lambda t: any(c.isalpha() for c in t))),
        abstract=draw(_TEXT),
        authors=tuple(draw(st.lists(_AUTHOR, max_size=4))),
        year=year,
        date=date,
        arxiv_id=draw(st.sampled_from([None, "2106.09685", "hep-th/9901001"])),
        doi=draw(st.sampled_from([None, "10.1145/3292500.3330701"])),
        venue=draw(st.none() | _TEXT.filter(lambda t: t.strip() != "")),
        links=Links(abs=draw(_URL), code=draw(_URL), hf=draw(_URL)),
        tags=tuple(draw(st.lists(_TEXT, max_size=2))),
        notes=tuple(
            Note(i, body, NOW, NOW) for i, body in enumerate(draw(st.lists(_TEXT, max_size=2)))
        ),
    )


def _expected(paper: Paper) -> dict[str, object]:
    def text(value: str) -> str:
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()

    def link(url: str | None) -> str | None:
        return url if url and url.startswith("http") else None

    return {
        "title": " ".join(paper.title.split()),
        "abstract": text(paper.abstract),
        "authors": paper.authors,
        "year": paper.year,
        "date": paper.date,
        "arxiv_id": paper.arxiv_id,
        "doi": paper.doi,
        "venue": " ".join(paper.venue.split()) if paper.venue else None,
        "links": Links(
            abs=link(paper.links.abs), code=link(paper.links.code), hf=link(paper.links.hf)
        ),
    }


@settings(max_examples=100, deadline=None)
@given(st.lists(_papers(), max_size=4))
def test_fuzz_round_trip(papers: list[Paper]) -> None:
    result = csv_format.parse(csv_format.export(papers, CONTEXT), "papers.csv")
    assert result.skipped == []
    assert [_fields(r) for r in result.records] == [_expected(p) for p in papers]


_MUTATION_ALPHABET = "\",;\t\n\r'=+-@ abc0123456789\ufeff\x00"


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = draw(
        st.sampled_from([MULTILINE, ZOTERO, SCOPUS, csv_format.export(PAPERS[:2], CONTEXT)])
    )
    for _ in range(draw(st.integers(0, 10))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.text(_MUTATION_ALPHABET, max_size=6)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(0, 15)) :]
    return text


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(max_size=300),
        _mutated(),
        st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
    )
)
def test_fuzz_parse_only_parse_errors(text: str) -> None:
    csv_format.sniff(text)
    try:
        result = csv_format.parse(text, "fuzz.csv")
    except ParseError as exc:
        assert exc.line is not None and exc.line >= 1
        return
    for record in result.records:
        assert record.title
        assert record.line is not None and record.line >= 2


def test_an_author_cell_of_only_a_comma_names_nobody() -> None:
    # Found by the fuzz test: the family-name check read the first word of an empty name.
    result = csv_format.parse('TITLE,AUTHOR\nA Study of Adapters,","\n', "x.csv")
    assert [(r.title, r.authors) for r in result.records] == [("A Study of Adapters", ())]
