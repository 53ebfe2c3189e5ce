"""Whether a record a source found by title is the library's paper. It never guesses.

A title look-up is applied only when the normalised titles are equal, and the year and the
first author agree wherever both sides know them. Anything less is a candidate the user
chooses, with the reason shown; a record whose title is not even close is dropped.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from typing import Literal

from readerapp.core.identity import title_key
from readerapp.core.records import PaperRecord

# Titles at least this similar (difflib ratio of the title keys) are worth showing as a
# candidate; below it the source found some other paper ("Attention is all you need" ->
# "Self-Attention with Relative Position Representations" scores about 0.5).
CANDIDATE_SIMILARITY = 0.8

Verdict = Literal["same", "candidate", "different"]


@dataclass(frozen=True, slots=True)
class Known:
    """What the library knows of the paper being completed."""

    title: str
    year: int | None
    authors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    why: str  # for a candidate: what differs, in words the user reads


def family_name(name: str) -> str:
    """The folded family name of "Given Family", "Family, Given" or "G. Family"."""
    name = name.strip()
    if "," in name:
        family = name.split(",", 1)[0]
    else:
        parts = name.split()
        family = parts[-1] if parts else ""
    folded = unicodedata.normalize("NFKD", family.casefold())
    return "".join(ch for ch in folded if ch.isalnum())


def judge(known: Known, record: PaperRecord) -> Judgement:
    ours, theirs = title_key(known.title), title_key(record.title)
    if not ours or not theirs:
        return Judgement("different", "no title to compare")
    if ours != theirs:
        similarity = difflib.SequenceMatcher(None, ours, theirs, autojunk=False).ratio()
        if similarity < CANDIDATE_SIMILARITY:
            return Judgement("different", f"another title ({similarity:.0%} alike)")
        return Judgement("candidate", "the title differs slightly")
    if known.year and record.year and abs(known.year - record.year) > 0:
        return Judgement("candidate", f"the year differs ({known.year} here, {record.year} there)")
    if known.authors and record.authors:
        ours_first, theirs_first = family_name(known.authors[0]), family_name(record.authors[0])
        if ours_first and theirs_first and ours_first != theirs_first:
            return Judgement(
                "candidate",
                f"the first author differs ({known.authors[0]} here, {record.authors[0]} there)",
            )
    return Judgement("same", "")
