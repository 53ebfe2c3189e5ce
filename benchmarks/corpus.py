"""Real text to draw from: titles, abstracts and author names of the papers in tests/data,
read with readerapp's own importers (whatever they can read today)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from readerapp.core.errors import ReaderappError
from readerapp.formats.registry import detect_format
from readerapp.formats.text_input import read_path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
# Words as people type them: letters and digits, with inner hyphens kept (chain-of-thought).
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")


@dataclass(frozen=True, slots=True)
class Corpus:
    words: Counter[str]  # word -> how often real abstracts and titles use it
    bigrams: Counter[tuple[str, str]]  # adjacent word pairs, for realistic phrases
    first_names: list[str]
    last_names: list[str]
    abstracts: int


# One large bibliography (thousands of nanowire titles) must not become the whole language.
MAX_TOKENS_PER_FILE = 40_000


def _texts() -> tuple[list[list[str]], list[str]]:
    """Texts grouped by file, and author names."""
    texts: list[list[str]] = []
    names: list[str] = []
    for path in sorted([DATA / "hf_daily_papers_seed.txt", *DATA.glob("corpus/*/*")]):
        if not path.is_file() or path.name == "README.md":
            continue
        try:
            text = read_path(path)
            parsed = detect_format(text, str(path)).parse(text, str(path))
        except (ReaderappError, ValueError):
            continue  # a file today's importers cannot read adds nothing
        group: list[str] = []
        for record in parsed.records:
            group.append(record.title)
            if record.abstract:
                group.append(record.abstract)
            names.extend(record.authors)
        texts.append(group)
    return texts, names


def _norm(token: str) -> str:
    return token if token.isupper() and len(token) > 1 else token.lower()  # keep acronyms


def load_corpus() -> Corpus:
    groups, names = _texts()
    words: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    for group in groups:
        file_words: Counter[str] = Counter()
        file_pairs: Counter[tuple[str, str]] = Counter()
        for text in group:
            tokens = [_norm(t) for t in _WORD.findall(text)]
            file_words.update(tokens)
            file_pairs.update(itertools.pairwise(tokens))
        scale = min(1.0, MAX_TOKENS_PER_FILE / max(1, sum(file_words.values())))
        for word, count in file_words.items():
            words[word] += max(1, round(count * scale))
        for pair, count in file_pairs.items():
            if (scaled := round(count * scale)) > 0:
                bigrams[pair] += scaled
    firsts, lasts = [], []
    for name in names:
        parts = name.replace(",", " ").split()
        if len(parts) >= 2 and parts[0][0].isalpha() and parts[-1][0].isalpha():
            firsts.append(parts[0])
            lasts.append(parts[-1])
    return Corpus(
        words, bigrams, sorted(set(firsts)), sorted(set(lasts)), sum(len(g) for g in groups)
    )
