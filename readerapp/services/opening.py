"""Which page opening a paper shows: the best link there is, or why there is none."""

from __future__ import annotations

from dataclasses import dataclass

from readerapp.core.records import Paper
from readerapp.formats.links import is_web_url
from readerapp.services import triage
from readerapp.services.library import Library

# The paper's own page first (its abstract, then its PDF, then Hugging Face's page), then
# what accompanies it (a project page, the code).
LINK_ORDER = ("abs", "pdf", "hf", "project", "code")


@dataclass(frozen=True, slots=True)
class Opening:
    """A web address to open, or (url None) the sentence that says why there is none."""

    url: str | None
    why: str = ""


def best_link(paper: Paper) -> Opening:
    for kind in LINK_ORDER:
        url = getattr(paper.links, kind)
        if is_web_url(url):
            return Opening(url)
    if paper.arxiv_id:
        return Opening(f"https://arxiv.org/abs/{paper.arxiv_id}")
    if paper.doi:
        return Opening(f"https://doi.org/{paper.doi}")
    return Opening(
        None,
        f"“{paper.title}” has nothing to open: no link, arXiv id or DOI is known for it.",
    )


def opening(library: Library, paper_id: int) -> Opening:
    return best_link(triage.get_paper(library, paper_id))
