"""The one text analysis both engines use (search.analysis): the same words as Whoosh's
analyzer chain (and its fused form), Porter stems as SQLite FTS5 makes them, and what a query
word looks for."""

from __future__ import annotations

import pickle
import random
import re
import sqlite3

import pytest

from benchmarks.generate import generate
from readerapp.search.analysis import analyse_names, analyse_text, query_words, words_of
from readerapp.search.porter import stem
from readerapp.search.whoosh_analysis import (
    FusedAnalyzer,
    name_analyzer,
    name_chain,
    text_analyzer,
    text_chain,
)

# Reading the corpus for the generated texts and analysing 3,000 more: run first.
pytestmark = [pytest.mark.slow, pytest.mark.no_library]

TRICKY = (
    "Chain-of-Thought prompting for GPT-3.5-turbo: the state-of-the-art, as-is.",
    "İstanbul Straße ÉCOLE naïve x_y __init__ a.b.c 3.14 e-mail -foo- a..b a.-b end.",
    "LLMs and llms; this systematic review of integrating, integrated and integration",
    "",
)


def _random_texts(count: int) -> list[str]:
    rng = random.Random(4)
    return ["".join(rng.choice("aBé1.- _,;!\t") for _ in range(30)) for _ in range(count)]


@pytest.fixture(scope="module")
def generated_texts() -> list[str]:
    papers = generate(300).dump
    return re.findall(r'"(?:title|summary|name)": "((?:[^"\\]|\\.)*)"', papers)


def _whoosh_view(analyzer: object, text: str) -> tuple[list[str], list[str]]:
    """What the Whoosh chain indexes: the words at consecutive positions, the compounds."""
    words: list[str] = []
    compounds: list[str] = []
    for token in analyzer(text, positions=True):  # type: ignore[operator]
        if "-" in token.text:
            compounds.append(token.text)
        else:
            assert token.pos == len(words)  # no gaps: stop words take no position
            words.append(token.text)
    return words, compounds


def test_whoosh_chain_and_shared_analysis_index_the_same_words(
    generated_texts: list[str],
) -> None:
    texts = [*generated_texts, *TRICKY, *_random_texts(3000)]
    for chain, analyse in ((text_chain(), analyse_text), (name_chain(), analyse_names)):
        for text in texts:
            analysed = analyse(text)
            assert _whoosh_view(chain, text) == (
                analysed.words.split(),
                analysed.compounds.split(),
            ), text


def _tokens(analyzer: object, text: str, **options: object) -> list[tuple[object, ...]]:
    return [
        (t.text, getattr(t, "pos", None), t.boost, t.stopped, getattr(t, "startchar", None))
        for t in analyzer(text, **options)  # type: ignore[operator]
    ]


def test_fused_analyzers_give_the_chains_tokens(generated_texts: list[str]) -> None:
    texts = [*generated_texts, *TRICKY, *_random_texts(3000)]
    for fused, chain in ((text_analyzer(), text_chain()), (name_analyzer(), name_chain())):
        assert isinstance(fused, FusedAnalyzer)
        for _round in range(2):  # the second with every word's tokens cached
            for text in texts:
                for options in ({"positions": True, "mode": "index"}, {}, {"chars": True}):
                    assert _tokens(fused, text, **options) == _tokens(chain, text, **options)


def test_fused_analyzer_pickles_as_a_call_to_its_factory() -> None:
    fused = text_analyzer()
    list(fused("transformers attention"))  # a cache that must not be pickled
    data = pickle.dumps(fused)
    assert b"transform" not in data
    again = pickle.loads(data)
    assert again == fused
    assert again != name_analyzer()


def test_words_are_found_as_the_word_pattern_finds_them() -> None:
    pattern = re.compile(r"\w+(?:\.?\w+)*(?:-\w+(?:\.?\w+)*)*")  # Whoosh's original
    for text in (*TRICKY, *_random_texts(3000)):
        assert words_of(text) == [w.lower() for w in pattern.findall(text)], text


def test_porter_stems_as_sqlite_fts5_does(generated_texts: list[str]) -> None:
    vocabulary = sorted(
        {w for text in generated_texts for w in re.findall(r"[a-z0-9]+", text.lower())}
        | {"integrating", "hopping", "filing", "llms", "analogy", "as", "sky", "yelling"}
        | {"x" * 70 + "ing"}
    )
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(x, tokenize = 'porter unicode61')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(f, 'instance')")
    conn.executemany("INSERT INTO f (rowid, x) VALUES (?, ?)", enumerate(vocabulary, 1))
    fts5 = {vocabulary[row - 1]: term for row, term in conn.execute("SELECT doc, term FROM v")}
    assert len(vocabulary) > 2000
    assert {w: stem(w) for w in vocabulary} == fts5
    assert stem("llms") == "llm" and stem("integrating") == stem("integration") == "integr"


def test_stop_words_are_dropped_and_words_stemmed() -> None:
    analysed = analyse_text("This systematic review of LLMs")
    assert analysed.words.split() == ["systemat", "review", "llm"]
    assert analyse_names("Yann LeCun, Adams").words.split() == ["yann", "lecun", "adams"]


def test_a_hyphenated_word_alone_looks_for_its_compound() -> None:
    assert query_words(analyse_text("chain-of-thought")) == ["chain-of-thought"]
    assert query_words(analyse_text("as-is")) == ["as-i"]  # stemmed whole; parts: stop words
    assert query_words(analyse_text("chain of thought")) == ["chain", "thought"]
    assert query_words(analyse_text("gpt-3.5,turbo")) == ["gpt", "3.5", "turbo"]
    assert query_words(analyse_text("the")) == []
