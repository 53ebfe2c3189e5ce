"""Downloading papers' PDFs from their PDF links, politely, into the library.

Every request goes through sources.http.Http: the User-Agent, one connection per host, the
spacing between requests (arXiv's 3 s for arxiv.org, a second elsewhere), retries on busy
answers, a size limit and cancellation. What arrives must be a PDF by its bytes: arXiv
answers a client it is rate-limiting with an HTML page, which is refused with one line. A
body is kept only when it arrived whole; it goes through a temporary file and a rename, so
a server that stops half-way, a Cancel or a killed process leaves no file under a real name.
"""

from __future__ import annotations

import hashlib
import os
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from readerapp.core.errors import Cancelled, NetworkError, ReaderappError
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.core.records import Paper
from readerapp.core.settings import load_settings
from readerapp.formats.links import is_web_url
from readerapp.pdf.magic import looks_like_pdf, what_it_is
from readerapp.pdf.text import extract_text
from readerapp.services import online, paper_files, triage
from readerapp.services.library import Library
from readerapp.sources.http import Http, Politeness
from readerapp.sources.registry import POLITENESS

# arXiv's rules for its PDFs too; other hosts get a second between requests.
ARXIV_HOSTS = ("arxiv.org", "export.arxiv.org")
OTHER_HOSTS = Politeness(min_interval=1.0, retries=2, backoff=2.0)


def _politeness(host: str) -> Politeness:
    base = POLITENESS["arxiv"] if host.endswith(ARXIV_HOSTS) else OTHER_HOSTS
    # A PDF is larger than any API answer, and a slow server may take a while to send one.
    return replace(base, max_bytes=paper_files.MAX_PDF_BYTES, read_timeout=60.0)


def pdf_url(paper: Paper) -> str | None:
    """The paper's PDF link, else the arXiv PDF of its arXiv id, else None."""
    if is_web_url(paper.links.pdf):
        return paper.links.pdf
    if paper.arxiv_id:
        return f"https://arxiv.org/pdf/{paper.arxiv_id}"
    return None


@dataclass(frozen=True, slots=True)
class Fetched:
    paper_id: int
    title: str
    outcome: str  # "downloaded" | "had" | "no link" | "failed"
    line: str  # what to tell the user about this paper

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.paper_id,
            "title": self.title,
            "outcome": self.outcome,
            "line": self.line,
        }


@dataclass(slots=True)
class DownloadReport:
    results: list[Fetched] = field(default_factory=list)
    stopped: bool = False  # cancelled: the papers after the current one were not tried

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    def summary(self) -> str:
        parts = [f"{self.count('downloaded')} downloaded"]
        for outcome, words in (
            ("had", "already had one"),
            ("no link", "without a PDF link"),
            ("failed", "failed"),
        ):
            if n := self.count(outcome):
                parts.append(f"{n} {words}")
        return "PDFs: " + ", ".join(parts) + (" (cancelled)" if self.stopped else "")


class Clients:
    """One polite client per host, for the whole run (pacing is per host)."""

    def __init__(self, cancel: CancelToken | None) -> None:
        settings = load_settings()
        self.contact = settings.effective_contact
        self.offline = not settings.online
        self.cancel = cancel
        self.clients: dict[str, Http] = {}

    def get(self, host: str) -> Http:
        if host not in self.clients:
            self.clients[host] = Http(
                host,
                "",
                _politeness(host),
                contact=self.contact,
                clock=online.CLOCK,
                offline=self.offline,
                cancel=self.cancel,
            )
        return self.clients[host]

    def close(self) -> None:
        for client in self.clients.values():
            client.close()


def _file_name(paper: Paper, url: str) -> str:
    if paper.arxiv_id:
        return paper.arxiv_id.replace("/", "-")
    tail = urllib.parse.unquote(urllib.parse.urlsplit(url).path.rstrip("/").rpartition("/")[2])
    return tail or paper.title


@dataclass(frozen=True, slots=True)
class Body:
    """A PDF that arrived whole and is a PDF by its bytes, not yet in the library."""

    paper: Paper
    url: str
    data: bytes


def to_fetch(library: Library, ids: Sequence[int]) -> tuple[list[Paper], list[Fetched]]:
    """The papers to download, and a result line for each one that needs none (it has a
    PDF on disk, or in the server) or has nothing to download from. Library reads only."""
    wanted: list[Paper] = []
    skipped: list[Fetched] = []
    for paper in triage.get_papers(library, ids):
        if paper_files.has_pdf(library, paper.id):
            skipped.append(Fetched(paper.id, paper.title, "had", f"{paper.id}: already has a PDF"))
        elif pdf_url(paper) is None:
            line = f"{paper.id}: no PDF link is known"
            skipped.append(Fetched(paper.id, paper.title, "no link", line))
        else:
            wanted.append(paper)
    return wanted, skipped


def fetch(paper: Paper, clients: Clients) -> Body | Fetched:
    """Network only, no library: the paper's PDF, or the line that says why not. A Cancel
    propagates."""
    url = pdf_url(paper)
    assert url is not None  # to_fetch() keeps only papers with a link
    host = urllib.parse.urlsplit(url).netloc
    try:
        reply = clients.get(host).get(url, headers={"Accept": "application/pdf"})
    except Cancelled:
        raise
    except NetworkError as error:
        return Fetched(paper.id, paper.title, "failed", f"{paper.id}: {error}")
    if reply.status != 200:
        return Fetched(
            paper.id, paper.title, "failed", f"{paper.id}: {host}: HTTP {reply.status} for {url}"
        )
    if not looks_like_pdf(reply.body):
        why = what_it_is(reply.body)
        if host.endswith(ARXIV_HOSTS) and "HTML" in why:
            why += " (arXiv sends one when it is rate-limiting; try again later)"
        return Fetched(paper.id, paper.title, "failed", f"{paper.id}: {host} sent {why}; not kept")
    return Body(paper, url, reply.body)


def keep(library: Library, body: Body, *, extract: paper_files.Extractor = extract_text) -> Fetched:
    """Files a downloaded PDF for its paper (temporary file, text, rename, record)."""
    paper = body.paper
    try:
        with paper_files.incoming(library.directory) as (stream, partial):
            stream.write(body.data)
            stream.flush()
            os.fsync(stream.fileno())
            digest = hashlib.sha256(body.data).hexdigest()
            attached = paper_files.store(
                library, paper.id, partial, _file_name(paper, body.url), digest, extract=extract
            )
    except ReaderappError as error:
        return Fetched(paper.id, paper.title, "failed", f"{paper.id}: {error}")
    return Fetched(paper.id, paper.title, "downloaded", attached.line())


def progress_text(done: int, total: int) -> str:
    return f"Downloading PDFs: {done:,} / {total:,}"


def download(
    library: Library,
    ids: Sequence[int],
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
    extract: paper_files.Extractor = extract_text,
) -> DownloadReport:
    """Downloads the PDF of each paper that has none on disk. A failure is one line in the
    report and the next paper is tried; a Cancel stops with what was done (`stopped`)."""
    papers, skipped = to_fetch(library, ids)
    report = DownloadReport(list(skipped))
    clients = Clients(cancel)
    try:
        for done, paper in enumerate(papers):
            progress(done, len(papers), progress_text(done, len(papers)))
            try:
                got = fetch(paper, clients)
            except Cancelled:
                report.stopped = True
                break
            report.results.append(got if isinstance(got, Fetched) else keep(library, got))
        progress(len(papers), len(papers), report.summary())
    finally:
        clients.close()
    return report
