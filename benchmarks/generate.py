"""Seeded, realistic synthetic libraries.

Words follow the frequencies of real titles and abstracts (benchmarks.corpus), a quarter of
them as real adjacent pairs so that phrases occur; each paper also uses a few words of a long
tail of new terms whose size grows with the library (as real vocabularies do: Heaps' law), so
a 100k library has a far larger dictionary than a 1k one. Authors come from real names, dates
lean towards recent years, ids are valid arXiv ids. The dump is a Hugging Face Daily Papers
JSON (the papers API), what a user imports; the user's own state (stars, statuses, tags,
notes, queues) is returned beside it and applied after the import.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import pickle
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import overload

from benchmarks.corpus import Corpus, load_corpus

PAIR_SHARE = 0.25  # words drawn as a real adjacent pair
TAIL_WORDS_PER_PAPER = 4
TAIL_GROWTH = 0.35  # new terms per paper: 35k tail terms at 100k papers
_SYLLABLES = (
    "ka",
    "zo",
    "vex",
    "tri",
    "mul",
    "quon",
    "ber",
    "sil",
    "dra",
    "nep",
    "yul",
    "gor",
    "fen",
    "lux",
    "pim",
    "rao",
    "tes",
    "wib",
    "hon",
    "cae",
)
TAGS = (
    "to-read",
    "peft",
    "vision",
    "rlhf",
    "agents",
    "retrieval",
    "benchmarks",
    "theory",
    "reading group",
    "survey",
    "diffusion",
    "robotics",
    "speech",
    "efficiency",
    "safety",
    "multimodal",
    "graphs",
    "optimization",
    "datasets",
    "interpretability",
)
QUEUES = ("Week 32", "Reading group", "Thesis background")
STATUS_SHARES = (("reading", 0.03), ("read", 0.08), ("skimmed", 0.04), ("dropped", 0.02))


@dataclass(slots=True)
class UserState:
    """What the user did, keyed by arXiv id (the library's ids are known only after import)."""

    starred: list[str] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)
    tags: dict[str, list[str]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    queues: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class Library:
    size: int
    dump: str  # HF Daily Papers JSON
    state: UserState
    arxiv_ids: list[str]
    vocabulary: list[tuple[str, int]]  # corpus words by frequency, most frequent first
    pairs: list[tuple[str, str]]  # frequent real pairs without stop words, for phrases
    last_names: list[str]
    tail: list[str]


class _Prefix(Sequence[str]):
    """The first `length` words of a list without copying them: a slice per paper copied up
    to 350k tail words each at 1M papers (quadratic). random.choice draws from it exactly
    as from the slice (len, then one index), so the libraries stay the same."""

    __slots__ = ("items", "length")

    def __init__(self, items: list[str], length: int) -> None:
        self.items, self.length = items, min(length, len(items))

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return self.items[: self.length][index]
        if not -self.length <= index < self.length:
            raise IndexError(index)
        return self.items[index % self.length]


def _tail_word(index: int) -> str:
    """The index-th new term: pronounceable, unique, never a corpus word."""
    parts = []
    n = index + 1
    while n:
        n, digit = divmod(n, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts) + "ix"


@cache
def _corpus() -> Corpus:
    return load_corpus()


class _Writer:
    def __init__(self, corpus: Corpus, rng: random.Random) -> None:
        self.rng = rng
        ranked = corpus.words.most_common()
        self.words = [w for w, _ in ranked]
        self.word_weights = list(itertools.accumulate(c for _, c in ranked))
        pairs = corpus.bigrams.most_common(20_000)
        self.pairs = [p for p, _ in pairs]
        self.pair_weights = list(itertools.accumulate(c for _, c in pairs))
        self.firsts = corpus.first_names
        lasts = list(corpus.last_names)
        rng.shuffle(lasts)  # popularity must not follow the alphabet
        self.lasts = lasts
        # Zipf-like author popularity: a few names are on many papers.
        self.last_weights = list(
            itertools.accumulate(1.0 / (i + 1) ** 0.8 for i in range(len(lasts)))
        )

    def words_of(
        self, count: int, tail: Sequence[str], tail_words: int = TAIL_WORDS_PER_PAPER
    ) -> list[str]:
        rng = self.rng
        n_pairs = int(count * PAIR_SHARE / 2)
        singles = rng.choices(self.words, cum_weights=self.word_weights, k=count - 2 * n_pairs)
        pairs = rng.choices(self.pairs, cum_weights=self.pair_weights, k=n_pairs)
        chunks: list[list[str]] = [[w] for w in singles] + [list(p) for p in pairs]
        rng.shuffle(chunks)
        out = [w for chunk in chunks for w in chunk]
        for _ in range(tail_words if tail else 0):
            out.insert(rng.randrange(len(out) + 1), rng.choice(tail))
        return out

    def abstract(self, tail: Sequence[str]) -> str:
        words = self.words_of(self.rng.randint(90, 220), tail)
        sentences = []
        for start in range(0, len(words), 18):
            sentence = " ".join(words[start : start + 18])
            sentences.append(sentence[:1].upper() + sentence[1:] + ".")
        return " ".join(sentences)

    def title(self, tail: Sequence[str]) -> str:
        new_term = 1 if self.rng.random() < 0.3 else 0  # some titles name a new method
        words = self.words_of(self.rng.randint(5, 12), tail, new_term)
        return " ".join(w[:1].upper() + w[1:] for w in words)

    def authors(self) -> list[str]:
        rng = self.rng
        count = min(12, max(1, int(rng.expovariate(1 / 4.0)) + 1))
        lasts = rng.choices(self.lasts, cum_weights=self.last_weights, k=count)
        return [f"{rng.choice(self.firsts)} {last}" for last in lasts]


def _dates(rng: random.Random, size: int) -> list[tuple[int, int, int]]:
    """Publication dates 2015-2025, more papers each year (as on arXiv)."""
    years = list(range(2015, 2026))
    weights = [1.25**i for i in range(len(years))]
    picked = rng.choices(years, weights=weights, k=size)
    return sorted((y, rng.randint(1, 12), rng.randint(1, 28)) for y in picked)


def generate(size: int, seed: int = 7) -> Library:
    rng = random.Random(seed * 1_000_003 + size)
    corpus = _corpus()
    writer = _Writer(corpus, rng)
    papers: list[dict[str, object]] = []
    ids: list[str] = []
    per_month: dict[tuple[int, int], int] = {}
    tail_size = 50 + int(TAIL_GROWTH * size)
    tail_all = [_tail_word(i) for i in range(tail_size)]
    for i, (year, month, day) in enumerate(_dates(rng, size)):
        number = per_month[(year, month)] = per_month.get((year, month), 0) + 1
        arxiv_id = f"{year % 100:02d}{month:02d}.{number:05d}"
        # The tail grows as papers are added: later papers can use newer terms.
        tail = _Prefix(tail_all, 50 + int(TAIL_GROWTH * (i + 1)))
        paper: dict[str, object] = {
            "id": arxiv_id,
            "title": writer.title(tail),
            "summary": writer.abstract(tail),
            "authors": [{"name": name} for name in writer.authors()],
            "publishedAt": f"{year}-{month:02d}-{day:02d}T00:00:00.000Z",
            "upvotes": rng.randint(0, 200),
        }
        if rng.random() < 0.2:
            paper["githubRepo"] = f"https://github.com/lab{i % 997}/project-{i}"
        if rng.random() < 0.3:
            paper["ai_keywords"] = writer.words_of(4, [])
        papers.append({"paper": paper, "publishedAt": paper["publishedAt"]})
        ids.append(arxiv_id)
    state = _user_state(rng, writer, ids)
    ranked = corpus.words.most_common()
    content_pairs = [p for p in writer.pairs if all(len(w) > 3 for w in p)]
    return Library(
        size,
        json.dumps(papers),
        state,
        ids,
        ranked,
        content_pairs[:500],
        writer.lasts[:200],
        tail_all,
    )


def _user_state(rng: random.Random, writer: _Writer, ids: list[str]) -> UserState:
    state = UserState()
    for arxiv_id in ids:
        roll = rng.random()
        if roll < 0.05:
            state.starred.append(arxiv_id)
        share = 0.0
        for status, part in STATUS_SHARES:
            share += part
            if roll < share:
                state.status[arxiv_id] = status
                break
        if rng.random() < 0.08:
            state.tags[arxiv_id] = rng.sample(TAGS, rng.randint(1, 3))
        if rng.random() < 0.03:
            state.notes[arxiv_id] = " ".join(writer.words_of(rng.randint(20, 80), []))
    for name in QUEUES:
        state.queues[name] = rng.sample(ids, min(30, len(ids)))
    return state


def cached(folder: Path | None, size: int, seed: int = 7) -> Library:
    """generate(size, seed), kept as a pickle in `folder` (a run's --workdir) and read back
    by later runs: a million papers take minutes of pure Python to generate, and the
    library depends only on the size, the seed and the generator's code (the file name
    carries a digest of that code, so that a changed generator writes a new file)."""
    if folder is None:
        return generate(size, seed)
    code = hashlib.sha1(
        b"".join(Path(__file__).with_name(n).read_bytes() for n in ("generate.py", "corpus.py"))
    ).hexdigest()[:12]
    path = folder / f"generated-{size}-{seed}-{code}.pickle"
    if path.exists():
        with path.open("rb") as file:
            library: Library = pickle.load(file)
        return library
    library = generate(size, seed)
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("wb") as file:
        pickle.dump(library, file, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)
    return library
