"""How a paper is recognised when it arrives again: arXiv id, then DOI, then title key."""

from __future__ import annotations

import re
import unicodedata

# New-style ids (0704 onwards): YYMM.NNNN (to 1412) or YYMM.NNNNN (from 1501), optional version.
_NEW_ID = re.compile(r"(?<![\w.])(\d{2})(0[1-9]|1[0-2])\.(\d{4,5})(?:v\d+)?(?![\w.]*\d)", re.ASCII)
# Old-style ids: archive(.SUBJ)/YYMMNNN, e.g. hep-th/9901001, math.GT/0309136.
_OLD_ID = re.compile(
    r"(?<![\w/])([a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?)/(\d{2})(0[1-9]|1[0-2])(\d{3})(?:v\d+)?(?!\d)",
    re.ASCII,
)
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf|html|format)/([^\s?#]+)", re.IGNORECASE)
_ARXIV_PREFIX = re.compile(r"^arxiv:\s*", re.IGNORECASE)
_DOI_BODY = re.compile(r"10\.\d{4,9}/\S+", re.IGNORECASE)
_DOI_PREFIX = re.compile(
    r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/|https?://doi\.acm\.org/|info:doi/)", re.IGNORECASE
)


def _new_style(match: re.Match[str]) -> str | None:
    yy, mm, number = match.group(1), match.group(2), match.group(3)
    # Five-digit numbers start in 2015; four-digit ones end in 2014. Zero is never issued.
    if int(number) == 0:
        return None
    if len(number) == 5 and int(yy) < 15:
        return None
    if len(number) == 4 and int(yy) >= 15:
        return None
    return f"{yy}{mm}.{number}"


def parse_arxiv_id(text: str) -> str | None:
    """The version-less arXiv id in an id, an `arXiv:` reference or an arxiv.org URL."""
    text = text.strip()
    if not text:
        return None
    url = _ARXIV_URL.search(text)
    if url:
        text = url.group(1).removesuffix(".pdf")
    text = _ARXIV_PREFIX.sub("", text)
    match = _NEW_ID.search(text)
    if match:
        return _new_style(match)
    old = _OLD_ID.search(text)
    if old:
        return f"{old.group(1)}/{old.group(2)}{old.group(3)}{old.group(4)}"
    return None


def find_arxiv_ids(text: str) -> list[str]:
    """Every arXiv id in a text (URLs and `arXiv:` references), in order, without repeats."""
    found: list[str] = []
    for match in re.finditer(
        r"arxiv\.org/(?:abs|pdf|html)/[^\s)\]>\"'|]+|arxiv:\s*[\w./-]+", text, re.IGNORECASE
    ):
        arxiv_id = parse_arxiv_id(match.group(0))
        if arxiv_id and arxiv_id not in found:
            found.append(arxiv_id)
    return found


def normalize_doi(text: str | None) -> str | None:
    """DOI in lower case without `doi:` or a resolver URL in front; None if it is not one."""
    if not text:
        return None
    text = _DOI_PREFIX.sub("", text.strip())
    match = _DOI_BODY.search(text)
    if not match:
        return None
    return match.group(0).rstrip(".,;").lower()


# Accent commands vanish (`Sch{\\"o}rmann` keys as "schormann"); word commands split words.
_LATEX_ACCENT = re.compile(r"\\[\"'`^~=.]|\\[vcuHkbdrt](?=[{\s])")
_LATEX_COMMAND = re.compile(r"\\[a-zA-Z]+\*?")


_NON_ALNUM = re.compile(r"[\W_]+")  # \w is isalnum() plus "_", so this is "not alnum"


# Plain ASCII titles in one C pass: braces go, every other non-alphanumeric becomes a space.
_ASCII_KEY = str.maketrans(
    {c: (None if chr(c) in "{}" else " ") for c in range(128) if not chr(c).isalnum()}
)


def title_key(title: str) -> str:
    """A title folded for matching: case, accents, LaTeX braces, punctuation and spacing.

    Called for every record of every import (twice), so the common cases skip work: LaTeX
    handling only runs when there is a backslash, accent folding only for non-ASCII titles.
    """
    if title.isascii() and "\\" not in title:
        # The same key as below (casefold is lower for ASCII), without the regex.
        return " ".join(title.translate(_ASCII_KEY).lower().split())
    text = title
    if "\\" in text:
        text = _LATEX_ACCENT.sub("", text)
        text = re.sub(r"\\([ij])(?![a-zA-Z])", r"\1", text)  # dotless i and j
        text = _LATEX_COMMAND.sub(" ", text)
    text = text.replace("{", "").replace("}", "")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", text.casefold()).strip()
