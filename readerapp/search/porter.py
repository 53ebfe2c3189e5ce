"""The Porter stemmer as SQLite FTS5's `porter` tokenizer applies it, so that our index and
the FTS5 reference stem every word alike (tests/search/test_analysis.py compares them on
a generated library's whole vocabulary).

Whoosh's own port (whoosh.lang.porter) differs from Porter: it anchors two suffix tests of
step 1b at the start of the word ("integrating" stays "integrat" while "integrate" becomes
"integr") and counts a "y" as neither vowel nor consonant; 737 of 25,540 words of a
generated library came out different from FTS5. This follows the published algorithm and
its C implementation (the "logi" and "bli" rules of step 2 included), as FTS5 does, and
like FTS5 leaves words shorter than 3 or longer than 64 characters as they are. Each word
is stemmed once per process (search.analysis caches), so plain Python is fast enough.
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_STEMMED = 64  # FTS5_PORTER_MAX_TOKEN

_STEP2 = {
    "ational": "ate",
    "tional": "tion",
    "enci": "ence",
    "anci": "ance",
    "izer": "ize",
    "bli": "ble",
    "alli": "al",
    "entli": "ent",
    "eli": "e",
    "ousli": "ous",
    "ization": "ize",
    "ation": "ate",
    "ator": "ate",
    "alism": "al",
    "iveness": "ive",
    "fulness": "ful",
    "ousness": "ous",
    "aliti": "al",
    "iviti": "ive",
    "biliti": "ble",
    "logi": "log",
}
_STEP3 = {
    "icate": "ic",
    "ative": "",
    "alize": "al",
    "iciti": "ic",
    "ical": "ic",
    "ful": "",
    "ness": "",
}

_STEP4 = [
    "al",
    "ance",
    "ence",
    "er",
    "ic",
    "able",
    "ible",
    "ant",
    "ement",
    "ment",
    "ent",
    "ou",
    "ism",
    "ate",
    "iti",
    "ous",
    "ive",
    "ize",
]


# The suffixes of each table by length, longest first: a word's longest suffix in a table is
# then its first ending found (a slice and a set look-up per length, not an endswith call
# per suffix).
def _by_length(suffixes: Iterable[str]) -> tuple[tuple[int, frozenset[str]], ...]:
    lengths = sorted({len(suffix) for suffix in suffixes}, reverse=True)
    return tuple((n, frozenset(s for s in suffixes if len(s) == n)) for n in lengths)


_STEP2_ENDINGS = _by_length(_STEP2)
_STEP3_ENDINGS = _by_length(_STEP3)
_STEP4_ENDINGS = _by_length(_STEP4)
_VOWELS = frozenset("aeiou")


def _pattern(word: str) -> str:
    """The word as consonants and vowels ("cvcc"): y is a vowel after a consonant."""
    out: list[str] = []
    vowel = False
    for i, ch in enumerate(word):
        vowel = ch in _VOWELS or (ch == "y" and i > 0 and not vowel)
        out.append("v" if vowel else "c")
    return "".join(out)


def _measure(stem: str) -> int:
    """Porter's m: how many vowel-consonant sequences the stem has (each ends where a
    consonant follows a vowel: a "vc" of the pattern)."""
    return _pattern(stem).count("vc")


def _has_vowel(stem: str) -> bool:
    return "v" in _pattern(stem)


def _cvc(stem: str) -> bool:
    """*o: the stem ends consonant-vowel-consonant, the last not w, x or y."""
    return len(stem) >= 3 and stem[-1] not in "wxy" and _pattern(stem).endswith("cvc")


def _double_consonant(stem: str) -> bool:
    return len(stem) >= 2 and stem[-1] == stem[-2] and _pattern(stem)[-1] == "c"


def _longest(word: str, endings: tuple[tuple[int, frozenset[str]], ...]) -> str | None:
    size = len(word)
    for n, suffixes in endings:
        if n <= size and word[-n:] in suffixes:
            return word[-n:]
    return None


def stem(w: str) -> str:
    """The Porter stem of a lower-case word."""
    if len(w) < 3 or len(w) > MAX_STEMMED:
        return w
    m = _measure

    # Step 1a
    if w.endswith("sses") or w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]

    # Step 1b
    if w.endswith("eed"):
        if m(w[:-3]) > 0:
            w = w[:-1]
    else:
        for suffix in ("ed", "ing"):
            if w.endswith(suffix) and _has_vowel(w[: -len(suffix)]):
                w = w[: -len(suffix)]
                if w.endswith(("at", "bl", "iz")):
                    w += "e"
                elif _double_consonant(w) and w[-1] not in "lsz":
                    w = w[:-1]
                elif m(w) == 1 and _cvc(w):
                    w += "e"
                break

    # Step 1c
    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"

    # Steps 2 and 3
    for table, endings in ((_STEP2, _STEP2_ENDINGS), (_STEP3, _STEP3_ENDINGS)):
        found = _longest(w, endings)
        if found is not None and m(w[: -len(found)]) > 0:
            w = w[: -len(found)] + table[found]

    # Step 4
    found = _longest(w, _STEP4_ENDINGS)
    if found is not None:
        if m(w[: -len(found)]) > 1:
            w = w[: -len(found)]
    elif w.endswith(("sion", "tion")) and m(w[:-3]) > 1:
        w = w[:-3]

    # Step 5
    if w.endswith("e"):
        base = w[:-1]
        if m(base) > 1 or (m(base) == 1 and not _cvc(base)):
            w = base
    if w.endswith("ll") and m(w) > 1:
        w = w[:-1]
    return w
