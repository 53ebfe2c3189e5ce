"""One text analysis for every engine: the same words, stop words and stems, so that a query
finds the same papers whichever engine answers it.

Whoosh runs it as its analyzer chain (search.whoosh_analysis, checked equal by the tests);
tantivy is handed its result as space-separated words (search.tantivy_index), because
tantivy's own stemmer is Snowball's English (Porter2), which keeps "llms" where Porter,
the stemmer of SQLite FTS5 (search.porter), makes it "llm".

Words are runs of letters and digits joined by single inner dots or hyphens ("gpt-3.5").
A hyphenated word counts whole (a compound) and as its parts; the parts take consecutive
positions with the text's other words and stop words take none, so the phrase "chain of
thought" finds both "chain-of-thought" and "chain of thought".

Speed matters here (tantivy indexes 8,000 papers a second and waits for this): ASCII text
is split by str methods, which run in C, and every distinct word is analysed once and then
looked up in a dict.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from typing import NamedTuple

from readerapp.search.porter import stem as porter_stem
from readerapp.search.stopwords import STOP_WORDS

WORDS = re.compile(r"\w+(?:[-.]\w+)*")
# ASCII characters that are neither word characters nor joiners become spaces.
_JOINED = frozenset(string.ascii_lowercase + string.digits + "_.-")
# A bytes table: bytes.translate runs a table lookup in C, str.translate a dict lookup per
# character (2.5x slower on 22 MB of abstracts).
_TO_SPACE = bytes(c if chr(c) in _JOINED else ord(" ") for c in range(256))
_LOOSE_JOINER = (". ", "- ", " .", " -")
# A dot or hyphen beside a space or another one ("a.-b", "x.. y"), after the common cases
# are replaced: rare, and then the regular expression decides. Looked for with `in` (a
# memchr-like scan in C) rather than a regular expression, 10x faster on long texts.
_STILL_LOOSE = ("..", ".-", "-.", "--", *_LOOSE_JOINER)
# Distinct words kept analysed; cleared when full (a large library's tail of rare words
# would otherwise grow it without end).
_CACHE_SIZE = 400_000


def words_of(text: str) -> list[str]:
    """The lower-cased words of a text, as WORDS finds them."""
    low = text.lower()
    if not low.isascii():
        # Lower-casing can change what \\w matches ("İ" becomes "i" and a combining dot),
        # so outside ASCII each word is lower-cased after it is found, as Whoosh does.
        return [word.lower() for word in WORDS.findall(text)]
    spaced = f" {low.encode('ascii').translate(_TO_SPACE).decode('ascii')} "
    if "." in spaced or "-" in spaced:
        # A dot or hyphen joins only between word characters: elsewhere it is a space.
        for loose in _LOOSE_JOINER:
            spaced = spaced.replace(loose, "  ")
        if any(loose in spaced for loose in _STILL_LOOSE):
            return WORDS.findall(low)
    return spaced.split()


class _Stems(dict[str, str]):
    """Word -> its stem, computed on first sight."""

    def __init__(self, stem: Callable[[str], str]) -> None:
        super().__init__()
        self.stem = stem

    def __missing__(self, word: str) -> str:
        if len(self) >= _CACHE_SIZE:
            self.clear()
        value = self[word] = self.stem(word)
        return value


class _Analyser(dict[str, str]):
    """Word -> what it adds to the word field: its stem, "" for a stop word, a compound's
    stemmed parts separated by spaces. Filled on first sight."""

    def __init__(self, stop: frozenset[str], stem: Callable[[str], str]) -> None:
        super().__init__()
        self.stop = stop
        self.stem = stem
        self.compound = _Stems(stem).__getitem__  # a compound stemmed whole

    def __missing__(self, word: str) -> str:
        if len(self) >= _CACHE_SIZE:
            self.clear()
        stem, stop = self.stem, self.stop
        if "-" in word:
            value = " ".join(stem(part) for part in word.split("-") if part not in stop)
        else:
            value = "" if word in stop else stem(word)
        self[word] = value
        return value


def _same(word: str) -> str:
    return word


_TEXT = _Analyser(STOP_WORDS, porter_stem)
_NAMES = _Analyser(frozenset(), _same)


class Analysed(NamedTuple):
    words: str  # space-separated, at consecutive positions; compounds as their parts
    compounds: str  # the hyphenated words whole (stemmed as one word), space-separated
    found: int  # words found, stop words and compounds included


def _analyse(text: str, analyser: _Analyser) -> Analysed:
    found = words_of(text)
    words = " ".join(map(analyser.__getitem__, found))
    if "-" not in text:
        return Analysed(words, "", len(found))
    compounds = [word for word in found if "-" in word]
    return Analysed(words, " ".join(map(analyser.compound, compounds)), len(found))


def analyse_text(text: str) -> Analysed:
    """Titles, abstracts, notes: lower case, stop words out, Porter stems."""
    return _analyse(text, _TEXT)


def analyse_names(text: str) -> Analysed:
    """Author names and tags: lower case, no stop words, no stemming."""
    return _analyse(text, _NAMES)


def query_words(analysed: Analysed) -> list[str]:
    """What a word or phrase of a query looks for, in order: a hyphenated word alone stands
    for its compound ("chain-of-thought", "as-is"); anything else for its words at
    consecutive positions ("chain of thought" also finds the compound, whose parts are
    indexed)."""
    if analysed.found == 1 and analysed.compounds:
        return [analysed.compounds]
    return analysed.words.split()
