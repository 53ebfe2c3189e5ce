"""A reading list people can read: titles linked, authors, year, status, tags and notes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from readerapp.core.records import Paper
from readerapp.formats.base import ExportContext, ExportFormat
from readerapp.formats.links import is_web_url

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def escape(text: str) -> str:
    """Markdown-escape inline text so a title cannot open a link, a tag or emphasis."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def short_authors(authors: Sequence[str], limit: int = 3) -> str:
    if len(authors) <= limit:
        return ", ".join(authors)
    return ", ".join(authors[: limit - 1]) + ", … " + authors[-1]


def best_link(paper: Paper) -> str | None:
    """Where the title points: a page about the paper, never its code."""
    links = paper.links
    for url in (links.abs, links.hf, links.pdf, links.project):
        if is_web_url(url):
            return url
    return None


def _entry(paper: Paper) -> list[str]:
    title = escape(paper.title)
    url = best_link(paper)
    head = f"**[{title}](<{url}>)**" if url else f"**{title}**"
    facts = []
    if paper.authors:
        facts.append(escape(short_authors(paper.authors)))
    if paper.year:
        facts.append(str(paper.year))
    line = head + (" — " + ", ".join(facts) if facts else "")
    meta = [f"status: {paper.status}"]
    if paper.starred:
        meta.insert(0, "★ starred")
    if paper.tags:
        meta.append("tags: " + ", ".join(escape(t) for t in paper.tags))
    extra = [
        f"[{kind}](<{url}>)"
        for kind, url in (("code", paper.links.code), ("project", paper.links.project))
        if is_web_url(url) and url != best_link(paper)
    ]
    if extra:
        meta.append(" · ".join(extra))
    lines = [line, "   " + " · ".join(meta)]
    for note in paper.notes:
        lines.append("")
        lines.extend("   > " + row if row else "   >" for row in note.body.strip().splitlines())
    return lines


def pieces(papers: Iterable[Paper], count: int, context: ExportContext) -> Iterator[str]:
    """The heading, then one paper a piece, blank lines between; the text ends in one
    newline (each piece holds a bullet, so trimming the last one trims the text)."""
    held = f"# {escape(context.title)}\n\n{count} paper" + ("" if count == 1 else "s") + "\n"
    for number, paper in enumerate(papers, start=1):
        yield held
        bullet = f"{number}." if context.numbered else "-"
        entry = _entry(paper)
        held = "\n" + "\n".join([f"{bullet} {entry[0]}", *entry[1:]]) + "\n"
    yield held.rstrip() + "\n"


def export(papers: Sequence[Paper], context: ExportContext) -> str:
    return FORMAT.export(papers, context)


FORMAT = ExportFormat(
    name="markdown", label="Markdown reading list", extension=".md", pieces=pieces
)


def markdown_links(papers: Sequence[Paper]) -> str:
    """One Markdown list line per paper, for pasting into chats and documents."""
    lines = []
    for paper in papers:
        url = best_link(paper)
        title = escape(paper.title)
        lines.append(f"- [{title}](<{url}>)" if url else f"- {title}")
    return "\n".join(lines) + "\n"
