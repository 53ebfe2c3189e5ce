"""Papers as other applications take them: what Copy and a drag out of the table carry.

Each flavour is what a user pasting somewhere expects: a chat or a plain editor gets one
readable line per paper, a Markdown editor links, a reference manager BibTeX, a rich-text
editor a linked list. The window puts them all on one clipboard item and lets the target
choose."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from readerapp.core.records import Paper
from readerapp.formats.markdown_export import best_link, markdown_links, short_authors
from readerapp.services import exporting, triage
from readerapp.services.library import Library


@dataclass(frozen=True, slots=True)
class PaperText:
    plain: str
    markdown: str
    bibtex: str
    html: str


def plain_line(paper: Paper) -> str:
    """`Title. Authors (Year). link`, leaving out what the paper lacks."""
    parts = [paper.title.rstrip(".") + "."]
    if paper.authors:
        parts.append(short_authors(paper.authors) + (f" ({paper.year})." if paper.year else "."))
    elif paper.year:
        parts.append(f"({paper.year}).")
    url = best_link(paper)
    if url:
        parts.append(url)
    return " ".join(parts)


def html_list(papers: Sequence[Paper]) -> str:
    items = []
    for paper in papers:
        title = html.escape(paper.title)
        url = best_link(paper)  # http(s) only: a pasted link must not run anything
        items.append(
            f'<li><a href="{html.escape(url)}">{title}</a></li>' if url else f"<li>{title}</li>"
        )
    return "<ul>\n" + "\n".join(items) + "\n</ul>\n"


def paper_text(library: Library, ids: Sequence[int]) -> PaperText:
    """Every flavour of these papers, in the order given (the table's)."""
    by_id = {p.id: p for p in triage.get_papers(library, ids)}
    papers = [by_id[i] for i in ids if i in by_id]
    bibtex, _count = exporting.export_text(
        library, exporting.Selection(ids=tuple(p.id for p in papers)), "bibtex"
    )
    return PaperText(
        plain="\n".join(plain_line(p) for p in papers) + "\n",
        markdown=markdown_links(papers),
        bibtex=bibtex,
        html=html_list(papers),
    )
