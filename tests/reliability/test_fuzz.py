"""Fuzzing: random bytes and mutated real corpus files through every importer and the format
sniffer, random queries through the search service. Only readerapp's own errors may come out
(InputError and its ParseError for files, UserError for queries); any other exception is a bug.

CI runs hypothesis' default budget; `READERAPP_FUZZ=long` (tests/conftest.py) runs 20,000
examples per test (docs/reliability.md).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readerapp.core.errors import InputError, UserError
from readerapp.formats.base import ImportFormat
from readerapp.formats.registry import IMPORT_FORMATS, detect_format
from readerapp.formats.text_input import decode
from readerapp.services import search
from readerapp.services.library import Library
from tests.conftest import CORPUS, DATA, SEED

# The head of one real file per format (and a few more), as seeds for the mutations; short
# so that each example parses in milliseconds.
SEEDS = [
    p.read_text("utf-8", "replace")[:6000]
    for p in sorted(
        [
            *CORPUS.glob("*/*"),
            SEED,
            DATA / "arxiv_atom_old.xml",
            DATA / "hf_papers_feed.json",
            DATA / "wos_tagged_sample.txt",
            DATA / "arxiv_ids.txt",
        ]
    )
    if p.suffix != ".md" or "README" not in p.name or "dair-ai" in p.name
]

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A real file, cut, spliced and sprinkled with hostile characters."""
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 400)))
        kind = draw(st.sampled_from(["cut", "insert", "duplicate", "truncate", "swap"]))
        if kind == "cut":
            text = text[:i] + text[j:]
        elif kind == "insert":
            junk = "".join(
                draw(
                    st.lists(
                        st.sampled_from(
                            [
                                *"{}[]()\"'<>&;@#%=,\\\n\r\t\x00\x1b\u202e\ufeff\ud800éü文",
                                "\\u0000",
                                "&amp;",
                                "<!DOCTYPE x>",
                                "@string{",
                                "TY  - ",
                                "ER  - ",
                                "}}}}",
                                "[[[[",
                            ]
                        ),
                        max_size=20,
                    )
                )
            )
            text = text[:i] + junk + text[i:]
        elif kind == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif kind == "truncate":
            text = text[:i]
        else:
            text = text[i:j] + text[:i] + text[j:]
    return text


def _parse_or_input_error(fmt: ImportFormat, text: str) -> None:
    try:
        result = fmt.parse(text, "fuzz input.txt")
    except InputError:
        return
    for record in result.records:
        assert record.title.strip()


@pytest.mark.parametrize("fmt", IMPORT_FORMATS, ids=lambda f: f.name)
@FUZZ
@given(text=mutated())
def test_mutated_corpus_files_parse_or_raise_input_errors(fmt: ImportFormat, text: str) -> None:
    _parse_or_input_error(fmt, text)


@pytest.mark.parametrize("fmt", IMPORT_FORMATS, ids=lambda f: f.name)
@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes_decode_and_parse_or_raise_input_errors(
    fmt: ImportFormat, data: bytes
) -> None:
    try:
        text = decode(data, "fuzz input.bin")
    except InputError:
        return
    _parse_or_input_error(fmt, text)


@FUZZ
@given(text=st.one_of(mutated(), st.text(max_size=2000)))
def test_detect_format_picks_one_or_raises_an_input_error(text: str) -> None:
    try:
        fmt = detect_format(text, "fuzz input")
    except InputError:
        return
    assert fmt in IMPORT_FORMATS


@pytest.fixture(scope="module")
def seeded_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    from readerapp.services import importing

    with Library.open(tmp_path_factory.mktemp("fuzz") / "library") as lib:
        importing.import_path(lib, SEED)
        yield lib


QUERY_PIECES = [
    '"',
    "(",
    ")",
    "-",
    "*",
    "~",
    "~2",
    ":",
    "..",
    " ",
    "AND",
    "OR",
    "NOT",
    "title:",
    "author:",
    "tag:",
    "note:",
    "is:",
    "status:",
    "queue:",
    "year:",
    "added:",
    "source:",
    "arxiv:",
    "doi:",
    "starred",
    "read",
    "7d",
    "2021",
    "2021..2024",
    "lora",
    "chain-of-thought",
    "ü",
    "\x00",
    "\u202e",
    "\\",
    "'",
    "*a*",
    "~~",
]


@FUZZ
@given(
    query=st.one_of(
        st.lists(st.sampled_from(QUERY_PIECES), max_size=12).map("".join), st.text(max_size=60)
    )
)
def test_any_query_searches_or_raises_a_user_error(seeded_library: Library, query: str) -> None:
    try:
        papers = search.search(seeded_library, query, limit=5)
    except UserError:
        return
    assert all(isinstance(p.id, int) for p in papers)


def test_the_seeds_cover_every_import_format() -> None:
    covered = set()
    for text in SEEDS:
        with contextlib.suppress(InputError):
            covered.add(detect_format(text, "seed").name)
    # Every format with real files in the corpus (CSV and readerapp's own JSON have none).
    assert covered >= {
        "hf-daily-text",
        "hf-json",
        "arxiv-atom",
        "semantic-scholar",
        "ris",
        "medline",
        "wos-tagged",
        "csljson",
        "markdown-list",
        "bibtex",
    }
