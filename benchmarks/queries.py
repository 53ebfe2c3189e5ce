"""The query mix: every class of the query language, built from the generated library's own
words, each with its translation for the SQLite FTS5 reference."""

from __future__ import annotations

import random
from dataclasses import dataclass

from benchmarks.generate import QUEUES, Library
from readerapp.search.stopwords import STOP_WORDS


@dataclass(frozen=True, slots=True)
class Query:
    cls: str  # the class it is reported under
    text: str  # readerapp's query language
    fts: str | None = None  # FTS5 MATCH expression, if the query has text
    where: str | None = None  # SQL condition on the reference's papers table (alias p)
    fuzzy: tuple[str, int] | None = None  # the reference expands this word itself
    sort: str = "relevance"


CLASSES = (
    "term",
    "AND",
    "phrase",
    "field",
    "boolean",
    "prefix",
    "fuzzy",
    "filters",
    "combined",
    "sort",
)


def _content(lib: Library) -> list[str]:
    """Corpus words a person would search for, most frequent first."""
    return [
        w
        for w, _ in lib.vocabulary
        if w.isalpha() and w.islower() and len(w) > 3 and w not in STOP_WORDS
    ]


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]  # one letter left out: one edit


def query_mix(lib: Library, seed: int = 11) -> list[Query]:
    rng = random.Random(seed)
    words = _content(lib)
    common = words[5:40]
    mid = words[200:1500]
    c = rng.sample(common, 8)
    m = rng.sample(mid, 8)
    rare = rng.choice(lib.tail[: max(60, len(lib.tail) // 2)])
    pairs = rng.sample(lib.pairs[:100], 3)
    phrase = [f"{a} {b}" for a, b in pairs]
    author = rng.choice(lib.last_names[:50]).lower()
    queue = QUEUES[0]
    typos = [(_typo(m[6], rng), 1), (_typo(c[7], rng), 1), (_typo(m[7], rng), 2)]
    return [
        Query("term", c[0], c[0]),
        Query("term", m[0], m[0]),
        Query("term", m[1], m[1]),
        Query("term", rare, rare),
        Query("AND", f"{c[1]} {m[2]}", f"{c[1]} AND {m[2]}"),
        Query("AND", f"{c[2]} AND {c[3]}", f"{c[2]} AND {c[3]}"),
        Query("AND", f"{c[4]} {c[5]} {m[3]}", f"{c[4]} AND {c[5]} AND {m[3]}"),
        *[Query("phrase", f'"{p}"', f'"{p}"') for p in phrase],
        Query("field", f"title:{m[4]}", f"title:{m[4]}"),
        Query("field", f"author:{author}", f"authors:{author}"),
        Query("field", f"abstract:{c[6]}", f"abstract:{c[6]}"),
        Query("boolean", f"({c[0]} OR {m[0]}) -{c[1]}", f"({c[0]} OR {m[0]}) NOT {c[1]}"),
        Query("boolean", f"{m[1]} OR {m[2]} OR {m[3]}", f"{m[1]} OR {m[2]} OR {m[3]}"),
        Query("boolean", f"{c[2]} NOT {m[4]}", f"{c[2]} NOT {m[4]}"),
        Query("prefix", f"{c[0][:2]}*", f"{c[0][:2]}*"),
        Query("prefix", f"{c[3][:3]}*", f"{c[3][:3]}*"),
        Query("prefix", f"{m[5][:4]}*", f"{m[5][:4]}*"),
        *[Query("fuzzy", f"{word}~{distance}", fuzzy=(word, distance)) for word, distance in typos],
        Query("filters", "is:starred", where="p.starred = 1"),
        Query("filters", "status:reading", where="p.status = 'reading'"),
        Query(
            "filters",
            f'queue:"{queue}"',
            where=f"p.id IN (SELECT paper_id FROM queue_entries WHERE queue = '{queue}')",
        ),
        Query("filters", "is:queued", where="p.id IN (SELECT paper_id FROM queue_entries)"),
        Query(
            "filters",
            "tag:peft",
            where="p.id IN (SELECT paper_id FROM paper_tags WHERE tag = 'peft')",
        ),
        Query("combined", f"{c[0]} is:starred", c[0], "p.starred = 1"),
        Query("combined", f'"{phrase[0]}" status:unread', f'"{phrase[0]}"', "p.status = 'unread'"),
        Query(
            "combined",
            f"{m[0]} -is:starred year:2020..2024",
            m[0],
            "p.starred = 0 AND p.year BETWEEN 2020 AND 2024",
        ),
        Query(
            "combined",
            f"{c[1]} tag:vision",
            c[1],
            "p.id IN (SELECT paper_id FROM paper_tags WHERE tag = 'vision')",
        ),
        Query("sort", "", sort="title"),
        Query("sort", "", sort="year"),
        Query("sort", c[0], c[0], sort="title"),
        Query("sort", "status:unread", where="p.status = 'unread'", sort="added"),
    ]
