"""A reading list as one self-contained HTML page: readable on screen, printable, safe to open.

Safe to open means nothing in the data can become markup: every field is escaped, attribute
values are quoted and escaped, only http(s) URLs become links, and notes are rendered from a
small Markdown subset *after* escaping, so a note can add emphasis or a list but never a tag of
its own. The page has no scripts and loads nothing (a Content-Security-Policy says so to the
browser as well), so it works offline, from an e-mail attachment or a shared drive.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import quote

from readerapp.core.records import Paper
from readerapp.formats.base import ExportContext, ExportFormat
from readerapp.formats.links import is_web_url, url_host

# Labels for the links row, in the order shown.
_LINK_LABELS = (
    ("abs", "Abstract page"),
    ("pdf", "PDF"),
    ("code", "Code"),
    ("project", "Project page"),
    ("hf", "Hugging Face"),
)

_STYLE = """
:root {
  color-scheme: light dark;
  --fg: #1d1d1f; --muted: #5f6368; --bg: #ffffff; --card: #f7f7f9; --rule: #dcdce0;
  --link: #0b57d0; --accent: #b26a00; --tag-bg: #e8eefc; --tag-fg: #1f3b7a; --code-bg: #ececf0;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e8e8ea; --muted: #a0a4ab; --bg: #161618; --card: #202024; --rule: #3a3a40;
    --link: #8ab4f8; --accent: #f2b84b; --tag-bg: #27324a; --tag-fg: #c9d7f8; --code-bg: #2c2c32;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 52rem; padding: 2rem 1.25rem 4rem;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--fg); background: var(--bg);
}
header h1 { margin: 0 0 .25rem; font-size: 1.8rem; line-height: 1.25; }
.count { margin: 0 0 1.5rem; color: var(--muted); }
ol.papers, ul.papers { margin: 0; padding-left: 2.2rem; }
ul.papers { list-style: none; padding-left: 0; }
li.paper { margin: 0 0 1.25rem; padding: 1rem 1.1rem; background: var(--card);
  border: 1px solid var(--rule); border-radius: 10px; }
ol.papers > li.paper::marker { color: var(--muted); font-weight: 600; }
h2.title { margin: 0 0 .3rem; font-size: 1.15rem; line-height: 1.35; }
a { color: var(--link); text-decoration: none; overflow-wrap: anywhere; }
a:hover, a:focus { text-decoration: underline; }
.authors, .meta { margin: .1rem 0; color: var(--muted); }
.state { margin: .45rem 0; display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; }
.status { font-size: .8rem; padding: .05rem .5rem; border: 1px solid var(--rule);
  border-radius: 999px; text-transform: uppercase; letter-spacing: .04em; }
.star { color: var(--accent); font-weight: 600; }
.tag { font-size: .85rem; padding: .05rem .5rem; border-radius: 999px;
  background: var(--tag-bg); color: var(--tag-fg); }
.links { margin: .35rem 0; }
.links a + a::before { content: "·"; color: var(--muted); padding: 0 .45rem;
  display: inline-block; }
details { margin: .5rem 0; }
summary { cursor: pointer; color: var(--muted); }
details p, .note p { margin: .4rem 0; }
.notes { margin-top: .6rem; border-left: 3px solid var(--accent); padding-left: .8rem; }
.notes h3 { margin: 0; font-size: .9rem; color: var(--muted); text-transform: uppercase;
  letter-spacing: .04em; }
.note + .note { border-top: 1px dashed var(--rule); margin-top: .5rem; }
.note h4, .note h5, .note h6 { margin: .5rem 0 .2rem; }
code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: .9em;
  background: var(--code-bg); border-radius: 4px; }
code { padding: .05rem .3rem; }
pre { padding: .5rem .7rem; overflow-x: auto; white-space: pre-wrap; }
pre code { padding: 0; background: none; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@media print {
  :root { --fg: #000; --muted: #333; --bg: #fff; --card: #fff; --rule: #999; --link: #000;
    --accent: #000; --tag-bg: #fff; --tag-fg: #000; --code-bg: #f0f0f0; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  li.paper { break-inside: avoid; border: none; border-bottom: 1px solid #999;
    border-radius: 0; padding: .5rem 0; }
  .tag { border: 1px solid #999; }
  /* Paper has no clicks: print where each link goes, and print the abstract. */
  .links a::after, h2.title a::after { content: " <" attr(href) ">"; font-size: .8em;
    font-weight: normal; color: #333; overflow-wrap: anywhere; }
  details > summary { list-style: none; font-weight: 600; color: #000; }
  details > summary::-webkit-details-marker { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  details:not([open]) > :not(summary) { display: block; }
  footer { display: none; }
}
"""

# No script, no fetches, no frames, no form submissions: only the inline stylesheet may apply.
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; "
    "base-uri 'none'"
)


def _e(text: str) -> str:
    """Text content and attribute values alike: &, <, >, " and ' escaped."""
    return html.escape(text, quote=True)


def _link(url: str | None, text: str, css: str | None = None) -> str:
    """An <a> for a web URL; the escaped text alone for anything else (javascript:, data:)."""
    if not url or not is_web_url(url):
        return _e(text)
    cls = f' class="{css}"' if css else ""
    return f'<a href="{_e(url.strip())}"{cls} rel="noopener noreferrer">{_e(text)}</a>'


# ---- Notes: a small Markdown subset, applied to text that is already escaped ----------------

# Inline spans found in the raw text; everything between them is escaped, then emphasised.
_INLINE = re.compile(
    r"(?P<code>`[^`\n]+`)"
    r"|\[(?P<text>[^\]\n]+)\]\((?P<url>[^()\s]+(?:\([^()\s]*\)[^()\s]*)*)\)"
    r"|(?P<bare>https?://[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]])",
    re.IGNORECASE,
)
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
# Escaped note text holds no "<" or ">", so any there are the <strong> tags added first; an
# italic span may not contain one, or the two would overlap instead of nesting.
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*<>])([^<>]+?)(?<=[^\s*<>])\*(?![*\w])")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,9}[.)]\s+(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _emphasis(escaped: str) -> str:
    # Only fixed tags are added around already-escaped text, so nothing from the note is markup.
    return _ITALIC.sub(r"<em>\1</em>", _BOLD.sub(r"<strong>\1</strong>", escaped))


def _inline(text: str) -> str:
    out: list[str] = []
    pos = 0
    for match in _INLINE.finditer(text):
        out.append(_emphasis(_e(text[pos : match.start()])))
        if match.group("code"):
            out.append(f"<code>{_e(match.group('code')[1:-1])}</code>")
        elif match.group("url"):
            # A link only to the web; a [text](javascript:...) stays as the words it shows.
            url = match.group("url")
            out.append(_link(url, match.group("text")) if is_web_url(url) else _e(match.group(0)))
        else:
            out.append(_link(match.group("bare"), match.group("bare")))
        pos = match.end()
    out.append(_emphasis(_e(text[pos:])))
    return "".join(out)


def render_note(body: str) -> str:
    """Markdown note text as safe HTML: paragraphs, line breaks, **bold**, *italic*, `code`,
    fenced code, lists, headings and http(s) links. Anything else shows as the text it is."""
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    list_tag = ""
    code: list[str] | None = None

    def close_paragraph() -> None:
        if paragraph:
            blocks.append("<p>" + "<br>\n".join(_inline(line) for line in paragraph) + "</p>")
            paragraph.clear()

    def close_list() -> None:
        nonlocal list_tag
        if items:
            blocks.append(
                f"<{list_tag}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{list_tag}>"
            )
            items.clear()
        list_tag = ""

    for raw in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        if code is not None:
            if _FENCE.match(line):
                blocks.append("<pre><code>" + _e("\n".join(code)) + "</code></pre>")
                code = None
            else:
                code.append(raw)
            continue
        if _FENCE.match(line):
            close_paragraph()
            close_list()
            code = []
            continue
        if not line.strip():
            close_paragraph()
            close_list()
            continue
        heading = _HEADING.match(line)
        bullet = _BULLET.match(line)
        item = bullet or _NUMBERED.match(line)
        if heading:
            close_paragraph()
            close_list()
            # Notes sit under a paper's <h2> and the notes <h3>: their headings start at <h4>.
            level = min(6, len(heading.group(1)) + 3)
            blocks.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif item:
            close_paragraph()
            tag = "ul" if bullet else "ol"
            if list_tag and list_tag != tag:
                close_list()
            list_tag = tag
            items.append(_inline(item.group(1)))
        elif items and raw[:1].isspace():
            items[-1] += " " + _inline(line.strip())  # a wrapped list item continues
        else:
            close_list()
            paragraph.append(line.strip())
    if code is not None:  # an unclosed fence runs to the end of the note
        blocks.append("<pre><code>" + _e("\n".join(code)) + "</code></pre>")
    close_paragraph()
    close_list()
    return "\n".join(blocks)


# ---- Papers ---------------------------------------------------------------------------------


def _title_url(paper: Paper) -> str | None:
    """Where the title points: a page about the paper, never its code."""
    links = paper.links
    for url in (links.abs, links.hf, links.pdf, links.project):
        if is_web_url(url):
            return url
    return f"https://arxiv.org/abs/{paper.arxiv_id}" if paper.arxiv_id else None


def _links_row(paper: Paper) -> str:
    links = paper.links.as_dict()
    anchors: list[str] = []
    seen: set[str] = set()
    if paper.arxiv_id and not any(
        url_host(u) == "arxiv.org" for u in links.values() if is_web_url(u)
    ):
        links = {"arxiv": f"https://arxiv.org/abs/{paper.arxiv_id}", **links}
    for kind, label in (("arxiv", "arXiv"), *_LINK_LABELS):
        url = links.get(kind)
        if not url or not is_web_url(url) or url in seen:
            continue
        seen.add(url)
        if kind == "abs" and url_host(url) == "arxiv.org":
            label = "arXiv"
        anchors.append(_link(url, label))
    if paper.doi:
        # DOIs hold characters that are special in URLs (#, ?, %, <); the resolver wants them
        # percent-encoded.
        anchors.append(
            _link("https://doi.org/" + quote(paper.doi, safe="/:;()-._~"), f"doi:{paper.doi}")
        )
    return f'<p class="links">{"".join(anchors)}</p>' if anchors else ""


def _paper(paper: Paper, number: int) -> str:
    parts = [f'<li class="paper" id="paper-{number}">']
    title = _link(_title_url(paper), paper.title)
    # dir="auto": a right-to-left title or name is laid out on its own, without reordering
    # (or being reordered by) the text around it.
    parts.append(f'<h2 class="title" dir="auto">{title}</h2>')
    if paper.authors:
        parts.append(f'<p class="authors" dir="auto">{_e(", ".join(paper.authors))}</p>')
    facts = [_e(paper.date or str(paper.year))] if paper.date or paper.year else []
    if paper.venue:
        facts.append(f'<span class="venue" dir="auto">{_e(paper.venue)}</span>')
    if facts:
        parts.append(f'<p class="meta">{" · ".join(facts)}</p>')
    state = [f'<span class="status status-{_e(paper.status)}">{_e(paper.status)}</span>']
    if paper.starred:
        state.insert(0, '<span class="star" title="starred">★ starred</span>')
    state.extend(f'<span class="tag" dir="auto">{_e(tag)}</span>' for tag in paper.tags)
    parts.append(f'<p class="state">{"".join(state)}</p>')
    links_row = _links_row(paper)
    if links_row:
        parts.append(links_row)
    if paper.abstract.strip():
        paragraphs = [p for p in re.split(r"\n\s*\n", paper.abstract.strip()) if p.strip()]
        body = "".join(f'<p dir="auto">{_e(" ".join(p.split()))}</p>' for p in paragraphs)
        parts.append(f"<details><summary>Abstract</summary>{body}</details>")
    notes = [n for n in paper.notes if n.body.strip()]
    if notes:
        rendered = "\n".join(
            f'<div class="note" dir="auto">{render_note(n.body)}</div>' for n in notes
        )
        parts.append(f'<section class="notes"><h3>Notes</h3>\n{rendered}\n</section>')
    parts.append("</li>")
    return "\n".join(parts)


def pieces(papers: Iterable[Paper], count: int, context: ExportContext) -> Iterator[str]:
    """The head, one paper a piece (newlines between), the foot."""
    shown = f"{count} paper" + ("" if count == 1 else "s")
    tag = "ol" if context.numbered else "ul"
    yield f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_e(_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="readerapp">
<title>{_e(context.title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<header>
<h1 dir="auto">{_e(context.title)}</h1>
<p class="count">{shown}</p>
</header>
<main>
<{tag} class="papers">
"""
    for number, paper in enumerate(papers, start=1):
        yield ("" if number == 1 else "\n") + _paper(paper, number)
    yield f"""
</{tag}>
</main>
<footer>Exported from readerapp.</footer>
</body>
</html>
"""


def export(papers: Sequence[Paper], context: ExportContext) -> str:
    return FORMAT.export(papers, context)


FORMAT = ExportFormat(name="html", label="HTML reading list", extension=".html", pieces=pieces)
