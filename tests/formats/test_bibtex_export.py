from __future__ import annotations

import re

import bibtexparser
import pytest
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from bibtexparser.middlewares.names import NameParts
from bibtexparser.model import Entry
from pylatexenc.latex2text import LatexNodes2Text

from readerapp.core.records import Links
from readerapp.formats import bibtex_export, bibtex_import
from readerapp.formats.base import ExportContext
from readerapp.formats.registry import detect_format, export_format
from tests.formats.export_samples import CONTEXT, PAPERS, SPECIALS_TITLE, identity, paper

TEXT = bibtex_export.export(PAPERS, CONTEXT)
_LATEX = LatexNodes2Text()


def _entries(text: str) -> list[Entry]:
    library = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    assert not library.failed_blocks
    return library.entries


def _field(entry: Entry, name: str) -> str | None:
    field = entry.fields_dict.get(name)
    return field.value if field is not None else None


def _entry_text(key: str) -> str:
    match = re.search(r"^@\w+\{" + key + r",\n.*?^\}$", TEXT, re.MULTILINE | re.DOTALL)
    assert match, key
    return match.group(0)


def test_header_and_registry() -> None:
    assert TEXT.startswith("% Encoding: UTF-8\n\n@")
    assert export_format("bibtex").pieces is bibtex_export.pieces
    assert detect_format(TEXT, "<clipboard>").name == "bibtex"


def test_entry_types_keys_and_fields() -> None:
    heads = re.findall(r"^@(\w+)\{([^,]+),$", TEXT, re.MULTILINE)
    assert heads == [
        ("inproceedings", "hu2021lora"),
        ("article", "odegaard2024script"),
        ("misc", "zhang2023sets"),
        ("inproceedings", "anon2023"),
        ("misc", "anonclick"),
        ("misc", "devlin2018bert"),
        ("misc", "qin2023swinface"),
        ("article", "qin2023swinfacea"),
        ("misc", "witten1999string"),
    ]


def test_lora_entry_exactly() -> None:
    assert _entry_text("hu2021lora") == (
        "@inproceedings{hu2021lora,\n"
        "  title = {{LoRA}: Low-Rank Adaptation of Large Language Models},\n"
        "  author = {Hu, Edward J. and Shen, Yelong and van Beethoven, Ludwig and"
        " King, Jr., Martin Luther},\n"
        "  booktitle = {ICLR 2022},\n"
        "  year = {2021},\n"
        "  month = jun,\n"
        "  date = {2021-06-17},\n"
        "  doi = {10.48550/arxiv.2106.09685},\n"
        "  eprint = {2106.09685},\n"
        "  archiveprefix = {arXiv},\n"
        "  primaryclass = {cs.CL},\n"
        "  url = {https://arxiv.org/abs/2106.09685},\n"
        "  abstract = {An important paradigm of NLP.\n\nWe propose LoRA, which freezes"
        " weights.},\n"
        "  keywords = {peft, low rank},\n"
        "}"
    )


def test_special_characters_are_escaped() -> None:
    entry = _entry_text("zhang2023sets")
    assert (
        "  title = {Sets \\{A, B\\} at 100\\% -{}- cost \\$5 \\#1 \\textasciitilde{} 50 "
        "{@}misc\\{x, a \\textbackslash{} b 😀},"
    ) in entry
    assert (
        "  abstract = {Costs 100\\% of \\$5; \\{a, b\\} and a \\textbackslash{} "
        "backslash.}," in entry
    )
    # Non-ASCII stays UTF-8, as the header says.
    assert "Ødegaard, Zoë and García-López, José María and {OpenAI}" in TEXT
    assert "نموذج لغوي كبير: دراسة" in TEXT


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a & b", r"a \& b"),
        ("x_1^2", r"x\_1\textasciicircum{}2"),
        ("~/path", r"\textasciitilde{}/path"),
        ("`quoted''", r"\textasciigrave{}quoted'{}'"),
        ("a---b", "a-{}-{}-b"),
        ("name@example.org", "name{@}example.org"),
        ("line\nbreak\ttab\x07bell", "line break tabbell"),
    ],
)
def test_escape(text: str, escaped: str) -> None:
    assert bibtex_export.escape(text) == escaped


@pytest.mark.parametrize(
    ("title", "written"),
    [
        (
            "BERT: Pre-training of Deep Bidirectional Transformers",
            "{BERT}: Pre-training of Deep Bidirectional Transformers",
        ),
        ("SwinFace and GPT-4 on an iPhone in 3D", "{SwinFace} and {GPT-4} on an {iPhone} in {3D}"),
        ("Multi-Task Low-Rank Learning", "Multi-Task Low-Rank Learning"),
        ("Q-Learning and X-Ray", "{Q-Learning} and {X-Ray}"),
        ("Über ÆTHER", "Über {ÆTHER}"),
    ],
)
def test_titles_protect_capitals(title: str, written: str) -> None:
    assert bibtex_export.title(title) == written


def test_urls_are_web_only_and_verbatim_safe() -> None:
    urls = re.findall(r"^  url = \{(.*)\},$", TEXT, re.MULTILINE)
    assert len(urls) == 6 and all(u.startswith("https://") for u in urls)
    # The javascript: and data: links of the samples are nowhere; only a title mentions one.
    assert TEXT.lower().count("javascript:") == 1 and "Click [me](javascript:" in TEXT
    assert "data:" not in TEXT
    # A quote in a URL is percent-encoded; a brace would end the value.
    assert "  url = {https://example.org/paper?id=1&lang=en%22onmouseover=%22x}," in TEXT
    hostile = paper(1, "T", links=Links(abs="https://e.org/a}b{c\\d e%20"))
    assert "url = {https://e.org/a%7Db%7Bc%5Cd%20e%2520}" in bibtex_export.export(
        [hostile], CONTEXT
    )


def test_names_that_would_split() -> None:
    text = bibtex_export.export(
        [
            paper(
                1,
                "T",
                authors=("Research and Development Team", "Ann Lee", "Plato", "Google, Inc."),
            )
        ],
        CONTEXT,
    )
    assert (
        "author = {{Research and Development Team} and Lee, Ann and {Plato} and {Google, Inc.}}"
    ) in text


def test_round_trip_through_readerapp() -> None:
    result = bibtex_import.parse(TEXT, "export.bib")
    assert not result.skipped
    assert [identity(r) for r in result.records] == [identity(p) for p in PAPERS]
    lora = result.records[0]
    assert lora.date == "2021-06-17" and lora.venue == "ICLR 2022"
    assert lora.abstract == PAPERS[0].abstract
    assert lora.suggested_tags == ("peft", "low rank", "cs.CL")
    specials = result.records[2]
    assert specials.abstract == PAPERS[2].abstract


def _natural(parts: NameParts) -> str:
    """A bibtexparser name in natural order, its LaTeX decoded as bibtexparser's own
    LatexDecodingMiddleware does (pylatexenc)."""
    words = [_LATEX.latex_to_text(w) for w in (*parts.first, *parts.von, *parts.last)]
    name = " ".join(w for w in words if w)
    jr = " ".join(_LATEX.latex_to_text(w) for w in parts.jr)
    return f"{name}, {jr}" if jr else name


def test_round_trip_through_bibtexparser() -> None:
    entries = _entries(TEXT)
    found = []
    for entry in entries:
        authors = _field(entry, "author") or []
        year = _field(entry, "year")
        found.append(
            (
                _LATEX.latex_to_text(_field(entry, "title") or ""),
                tuple(_natural(a) for a in authors),
                int(year) if year else None,
                _field(entry, "doi"),
                _field(entry, "eprint") if _field(entry, "archiveprefix") == "arXiv" else None,
            )
        )
    assert found == [identity(p) for p in PAPERS]
    assert [e.key for e in entries] == re.findall(r"^@\w+\{([^,]+),$", TEXT, re.MULTILINE)


def test_keys_are_unique_and_stable() -> None:
    keys = [e.key for e in _entries(TEXT)]
    assert len(keys) == len(set(keys))
    assert bibtex_export.export(PAPERS, CONTEXT) == TEXT
    # After the paper it clashes with, a paper gets a suffix; alone, it keeps the bare key.
    assert "@article{qin2023swinfacea," in TEXT
    assert "@article{qin2023swinface," in bibtex_export.export([PAPERS[7]], CONTEXT)


def test_hostile_abstract_cannot_start_an_entry() -> None:
    evil = paper(1, "Evil", abstract="Text.\n@misc{injected, title=Injected}\n}\n@comment{")
    text = bibtex_export.export([evil, paper(2, "Next")], ExportContext("x"))
    entries = _entries(text)
    assert [e.key for e in entries] == ["anonevil", "anonnext"]
    records = bibtex_import.parse(text, "x.bib").records
    assert [r.title for r in records] == ["Evil", "Next"]
    assert records[0].abstract == "Text. @misc{injected, title=Injected} } @comment{"


def test_empty_export() -> None:
    assert bibtex_export.export([], CONTEXT) == "% Encoding: UTF-8\n\n"


# What readerapp's own BibTeX importer changes on the way back in, although the export is
# correct LaTeX. The importer's heuristics for foreign files cause it (latex_text: "x_i" read as
# a chemical-formula subscript, "{x}" as a Better BibTeX brace artefact, "\\n" as text escaped
# twice), and pylatexenc decodes \textasciicircum as U+02C6 rather than "^". Strict xfails: when
# the importer learns these, the tests say so.
@pytest.mark.parametrize(
    "title",
    [
        pytest.param("sums over x_i terms", id="underscore-between-letters"),
        pytest.param("Sets {x}", id="braces-around-a-word"),
        pytest.param("x^2 growth", id="caret"),
        pytest.param("the \\n escape", id="backslash-before-a-letter"),
    ],
)
@pytest.mark.xfail(
    strict=True,
    reason="readerapp's BibTeX importer reads the escape back differently (see comment)",
)
def test_known_lossy_titles_in_readerapp_importer(title: str) -> None:
    text = bibtex_export.export([paper(1, title)], CONTEXT)
    assert bibtex_import.parse(text, "x.bib").records[0].title == title


def test_specials_title_survives_both_parsers() -> None:
    text = bibtex_export.export([paper(1, SPECIALS_TITLE)], CONTEXT)
    assert bibtex_import.parse(text, "x.bib").records[0].title == SPECIALS_TITLE
    (entry,) = _entries(text)
    assert _LATEX.latex_to_text(_field(entry, "title") or "") == SPECIALS_TITLE
