"""What opening a paper shows: its PDF kept in the library if there is one on disk, else the
best link there is, or why there is none."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.core.records import Paper
from readerapp.formats.links import is_web_url
from readerapp.services import triage
from readerapp.services.library import Library

# The paper's own page first (its abstract, then its PDF, then Hugging Face's page), then
# what accompanies it (a project page, the code).
LINK_ORDER = ("abs", "pdf", "hf", "project", "code")


@dataclass(frozen=True, slots=True)
class Opening:
    """A local file to open (path), a web address (url), or (both None) the sentence that
    says why there is nothing to open."""

    url: str | None
    why: str = ""
    path: Path | None = None


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


def opening(
    library: Library,
    paper_id: int,
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> Opening:
    """The paper's kept PDF (a server library's fetched into this machine's cache first,
    reporting a large one's progress), else its best link."""
    from readerapp.services import paper_files  # the ORM's reads; opening needs them anyway

    local = paper_files.local_pdf(library, paper_id, progress=progress, cancel=cancel)
    if local is not None:
        return Opening(None, path=local)
    return best_link(triage.get_paper(library, paper_id))
