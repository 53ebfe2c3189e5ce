"""Completing papers from online sources: look up, judge, fill what is empty, undoably.

Looking up (network, no writes) and applying (one batch, no network) are separate, so that a
dry run, a cancelled run and the window's "pick a candidate" all share one path:
- papers with an arXiv id are asked of arXiv in batches, papers with a DOI of Semantic
  Scholar (one batch) and Crossref; those answers are exact;
- papers with neither are looked up by title at Hugging Face, Semantic Scholar, arXiv and
  Crossref in turn, until one source returns the same paper (services/matching.py); a record
  that is only close is kept as a candidate for the user, never applied;
- applying fills empty fields the user did not edit (services/merge.py) as one import batch,
  so `undo` and the Imports list undo it like any import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from readerapp.core.errors import Cancelled
from readerapp.core.identifiers import Identifier
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.core.records import Paper, PaperRecord
from readerapp.services import triage
from readerapp.services.batches import COMPLETED_FROM
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.importing import FileReport, fill_papers
from readerapp.services.library import Library
from readerapp.services.matching import Known, judge
from readerapp.services.merge import record_identity
from readerapp.services.online import connection_for
from readerapp.sources.registry import Connection, Sources, open_sources

FORMAT_NAME = "lookup"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A record that may be the paper, shown to the user to accept or ignore."""

    paper_id: int
    paper_title: str
    record: PaperRecord
    source: str
    why: str

    def to_json(self) -> dict[str, object]:
        r = self.record
        return {
            "paper_id": self.paper_id,
            "paper_title": self.paper_title,
            "why": self.why,
            "source": self.source,
            "title": r.title,
            "authors": list(r.authors),
            "year": r.year,
            "arxiv_id": r.arxiv_id,
            "doi": r.doi,
        }


@dataclass(slots=True)
class Completion:
    """What a look-up found, before anything is written."""

    looked_up: list[int] = field(default_factory=list)
    found: dict[int, list[PaperRecord]] = field(default_factory=dict)
    sources: dict[int, list[str]] = field(default_factory=dict)  # paper -> who answered
    candidates: list[Candidate] = field(default_factory=list)
    not_found: list[int] = field(default_factory=list)
    stopped: bool = False  # cancelled part-way: what was found so far is kept
    requests: int = 0


def missing_fields(paper: Paper) -> list[str]:
    """The details a complete paper has and this one lacks."""
    missing = []
    if not paper.authors:
        missing.append("authors")
    if paper.year is None:
        missing.append("year")
    if not paper.arxiv_id and not paper.doi:
        missing.append("identifier")
    if not paper.abstract:
        missing.append("abstract")
    if not paper.links.abs and not paper.links.pdf:
        missing.append("link")
    return missing


def incomplete_papers(library: Library, ids: Sequence[int]) -> list[Paper]:
    return [p for p in triage.get_papers(library, ids) if missing_fields(p)]


def incomplete_ids(library: Library, ids: Sequence[int]) -> list[int]:
    return [p.id for p in incomplete_papers(library, ids)]


def look_up(
    library: Library,
    ids: Sequence[int],
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
    sources: Sources | None = None,
) -> Completion:
    """Asks the sources about the papers. A Cancel stops it with what was found so far
    (`stopped`); a NetworkError propagates (nothing has been written)."""
    papers = triage.get_papers(library, ids)
    if sources is not None:
        result = Completion(looked_up=[p.id for p in papers])
        _look_up(papers, sources, result, progress)
        return result
    return look_up_papers(papers, connection_for(library, cancel), progress=progress)


def look_up_papers(
    papers: Sequence[Paper], connection: Connection, *, progress: ProgressSink = no_progress
) -> Completion:
    """look_up() for papers already read: network only, no library access, so the window
    runs it off the library's worker (arXiv's 3 s between requests would hold up every
    other library task). The connection's cancel flag stops it with what was found."""
    result = Completion(looked_up=[p.id for p in papers])
    with open_sources(connection) as opened:
        try:
            _look_up(list(papers), opened, result, progress)
        except Cancelled:
            result.stopped = True
        result.requests = opened.requests_sent()
    return result


def _look_up(
    papers: list[Paper], sources: Sources, result: Completion, progress: ProgressSink
) -> None:
    total = len(papers)
    by_arxiv = {p.arxiv_id: p for p in papers if p.arxiv_id}
    by_doi = {p.doi: p for p in papers if p.doi and not p.arxiv_id}
    progress(0, total, f"Looking up {total:,} papers")
    if by_arxiv:
        progress(0, total, f"Asking arXiv about {len(by_arxiv):,} papers")
        answers = sources.arxiv.by_ids([Identifier("arxiv", a) for a in by_arxiv])
        for ident, record in answers.items():
            _found(result, by_arxiv[ident.value].id, record, sources.arxiv.label)
    if by_doi:
        progress(len(by_arxiv), total, f"Asking about {len(by_doi):,} DOIs")
        idents = [Identifier("doi", d) for d in by_doi]
        for source in (sources.semantic_scholar, sources.crossref):
            for ident, record in source.by_ids(idents).items():
                _found(result, by_doi[ident.value].id, record, source.label)
    done = len(by_arxiv) + len(by_doi)
    for paper in papers:
        if paper.arxiv_id or paper.doi:  # asked by id above: exact, or not known there
            if paper.id not in result.found:
                result.not_found.append(paper.id)
            continue
        done += 1
        progress(done, total, f"Looking up “{_short(paper.title)}”")
        _by_title(paper, sources, result)


def _by_title(paper: Paper, sources: Sources, result: Completion) -> None:
    known = Known(paper.title, paper.year, paper.authors)
    seen: set[str] = set()
    for source in (
        sources.huggingface,
        sources.semantic_scholar,
        sources.arxiv,
        sources.crossref,
    ):
        for record in source.by_title(paper.title, limit=5):
            judgement = judge(known, record)
            if judgement.verdict == "same":
                _found(result, paper.id, record, source.label)
                return
            key = record_identity(record)
            if judgement.verdict == "candidate" and key not in seen:
                seen.add(key)
                result.candidates.append(
                    Candidate(paper.id, paper.title, record, source.label, judgement.why)
                )
    result.not_found.append(paper.id)


def _found(result: Completion, paper_id: int, record: PaperRecord, source: str) -> None:
    result.found.setdefault(paper_id, []).append(record)
    result.sources.setdefault(paper_id, []).append(source)


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


@dataclass(slots=True)
class CompletionReport:
    """What a completion did (or, in a dry run, would do)."""

    completion: Completion
    batch: FileReport | None
    dry_run: bool = False

    @property
    def filled(self) -> dict[int, list[str]]:
        return self.batch.filled if self.batch else {}

    @property
    def changes(self) -> Changes:
        return Changes.of(list(self.filled), order=True) if self.filled else Changes()

    def undo_step(self) -> Step | None:
        if self.batch is None or not self.batch.merged or self.batch.batch_id is None:
            return None
        return Step("undo_import", {"batch_ids": [self.batch.batch_id]})

    def applied(self) -> Applied:
        count = len(self.filled)
        label = f"Complete {count:,} paper{'s' if count != 1 else ''}"
        return Applied(label, self.changes, self.undo_step(), self)

    @property
    def unchanged(self) -> list[int]:
        """Papers a source knew that gained nothing (every field already set)."""
        return [pid for pid in self.completion.found if pid not in self.filled]

    @property
    def missing(self) -> list[int]:
        """Papers no source knew, not even loosely."""
        with_candidates = {cand.paper_id for cand in self.completion.candidates}
        return [pid for pid in self.completion.not_found if pid not in with_candidates]

    def summary(self) -> str:
        """One line: how many papers were completed, gained nothing, have candidates, were
        not found."""
        c = self.completion
        done = "would be completed" if self.dry_run else "completed"
        with_candidates = len({cand.paper_id for cand in c.candidates})
        line = (
            f"looked up {len(c.looked_up):,} papers: {len(self.filled):,} {done}, "
            f"{len(self.unchanged):,} gained nothing, {with_candidates:,} with candidates to "
            f"check, {len(self.missing):,} not found"
        )
        if self.dry_run:
            line += " (dry run: nothing changed)"
        if c.stopped:
            line += " (stopped early)"
        return line

    def to_json(self) -> dict[str, object]:
        c = self.completion
        return {
            "looked_up": len(c.looked_up),
            "completed": {str(pid): names for pid, names in self.filled.items()},
            "unchanged": self.unchanged,
            "not_found": c.not_found,
            "candidates": [cand.to_json() for cand in c.candidates],
            "batch_id": self.batch.batch_id if self.batch else None,
            "dry_run": self.dry_run,
            "stopped": c.stopped,
            "requests": c.requests,
        }


def apply(library: Library, completion: Completion, *, dry_run: bool = False) -> CompletionReport:
    """Fills the papers from the certain matches as one batch (undoable). A dry run only
    says which papers would gain which fields."""
    if not completion.found:
        return CompletionReport(completion, None, dry_run)
    batch = fill_papers(
        library, completion.found, _batch_source(completion), FORMAT_NAME, dry_run=dry_run
    )
    return CompletionReport(completion, batch, dry_run)


def accept(library: Library, chosen: Sequence[Candidate]) -> CompletionReport:
    """Applies candidates the user picked: the user's choice makes them certain."""
    completion = Completion(looked_up=[c.paper_id for c in chosen])
    for candidate in chosen:
        _found(completion, candidate.paper_id, candidate.record, candidate.source)
    return apply(library, completion)


def _batch_source(completion: Completion) -> str:
    names = sorted({s for found in completion.sources.values() for s in found})
    return f"{COMPLETED_FROM} " + ", ".join(names)


# The fields a completion fills, in the order a reader looks for them, as people name them.
_FIELD_NAMES = {
    "authors": "authors",
    "year": "year",
    "date": "date",
    "arxiv_id": "arXiv id",
    "doi": "DOI",
    "venue": "venue",
    "abstract": "abstract",
    "abs_url": "abstract page",
    "pdf_url": "PDF link",
    "hf_url": "Hugging Face page",
    "code_url": "code link",
    "project_url": "project page",
}
_FIELD_ORDER = {name: n for n, name in enumerate(_FIELD_NAMES)}


def field_names(names: Sequence[str]) -> str:
    """The fields a completion filled, as people name them: "authors, year, arXiv id"."""
    ordered = sorted(names, key=lambda n: _FIELD_ORDER.get(n, len(_FIELD_ORDER)))
    return ", ".join(_FIELD_NAMES.get(n, n.replace("_", " ")) for n in ordered)
