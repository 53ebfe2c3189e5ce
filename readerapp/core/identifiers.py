"""What people paste to name a paper: arXiv ids in every form, DOIs, and their URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from readerapp.core.identity import normalize_doi, parse_arxiv_id

# arXiv's own DOIs (DataCite) name an arXiv paper: 10.48550/arXiv.2106.09685.
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.IGNORECASE)
_HF_PAPER = re.compile(r"huggingface\.co/papers/([^\s?#/]+)", re.IGNORECASE)
_DOI_START = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/|10\.\d{4,9}/)", re.IGNORECASE)


@dataclass(frozen=True, slots=True, order=True)
class Identifier:
    """A paper's exact identity at a source: an arXiv id (without version) or a DOI."""

    kind: Literal["arxiv", "doi"]
    value: str

    def __str__(self) -> str:
        return f"arXiv:{self.value}" if self.kind == "arxiv" else f"doi:{self.value}"


def parse_identifier(text: str) -> Identifier | None:
    """The identifier in one pasted item, or None if it is not one.

    Accepts `2106.09685`, `2106.09685v2`, `arXiv:2106.09685`, `hep-th/9901001`, arXiv abs and
    pdf URLs, Hugging Face paper URLs, `10.…` DOIs, `doi:…` and doi.org URLs. An arXiv DOI
    becomes its arXiv id, so both spellings of one paper are one identifier.
    """
    # Pasted from prose: "<2106.09685>." keeps its angle brackets and full stop.
    text = text.strip().strip("<>.,;")
    if not text:
        return None
    if _DOI_START.match(text):
        doi = normalize_doi(text)
        if doi is None:
            return None
        arxiv = _ARXIV_DOI.match(doi)
        if arxiv and (arxiv_id := parse_arxiv_id(arxiv.group(1))):
            return Identifier("arxiv", arxiv_id)
        return Identifier("doi", doi)
    hf = _HF_PAPER.search(text)
    if hf:
        text = hf.group(1)
    elif "://" in text and "arxiv.org/" not in text.lower():
        return None  # some other web page: not something we can look up exactly
    arxiv_id = parse_arxiv_id(text)
    if arxiv_id is None:
        return None
    # The whole item must be the id (with version or prefix), not a number inside a sentence.
    rest = re.sub(r"(?i)arxiv:\s*|v\d+$|\.pdf$", "", text.split("arxiv.org/")[-1])
    rest = re.sub(r"^(?:abs|pdf|html|format)/", "", rest).removesuffix(".pdf")
    rest = re.sub(r"v\d+$", "", rest)
    if rest != arxiv_id:
        return None
    return Identifier("arxiv", arxiv_id)


def split_identifiers(text: str) -> tuple[list[Identifier], list[str]]:
    """Identifiers in a box of pasted text (any mix, separated by spaces, commas or lines),
    in order without repeats, and the items that are not identifiers."""
    found: list[Identifier] = []
    bad: list[str] = []
    for item in re.split(r"[\s,;]+", text):
        if not item:
            continue
        ident = parse_identifier(item)
        if ident is None:
            bad.append(item)
        elif ident not in found:
            found.append(ident)
    return found, bad
