"""BibTeX: one entry per paper, with stable unique keys, for LaTeX, biber and reference managers.

The file is UTF-8 (it says so in JabRef's `% Encoding:` comment): non-ASCII letters stay as they
are, which biber, bibtexparser and readerapp read, rather than as `{\\"o}` accents. Characters
that mean something to BibTeX or LaTeX are escaped, so a title with `%`, `&`, `_` or braces
neither breaks the file nor changes when it is read back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import quote

from readerapp.core.records import Paper
from readerapp.formats.base import ExportContext, ExportFormat
from readerapp.formats.export_fields import (
    CitationKeys,
    PersonName,
    landing_url,
    one_line,
    primary_class,
    split_name,
    venue_kind,
)

_LATEX_SPECIAL: dict[str, str] = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "`": r"\textasciigrave{}",  # a lone backtick is an opening quote in LaTeX
    # bibtexparser takes `@type{` at any point as the start of the next entry, even inside a
    # value; `{@}` prints the same and is not one.
    "@": "{@}",
    # "--" and "''" are ligatures (an en dash, a closing quote); an empty group keeps them apart.
    "-": "-{}",
    "'": "'{}",
}
_SPECIAL = re.compile(r"[\\{}&%$#_~^`@]|-(?=-)|'(?=')")
# Control characters have no printed form; LaTeX stops at some of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# A word in a title, hyphenated compounds included ("Multi-Task", "GPT-4").
_TITLE_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# Fields written as they are (biblatex reads url and doi verbatim) may not hold what would end
# the value or the entry; those characters are percent-encoded, as in any URL.
_VERBATIM_UNSAFE = re.compile(r"[{}\\\s%\"]")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _escape_piece(text: str) -> str:
    return _SPECIAL.sub(lambda m: _LATEX_SPECIAL[m.group(0)[0]], _CONTROL.sub("", text))


def escape(text: str) -> str:
    """Text as a BibTeX value that prints as the text: one line, special characters escaped."""
    return _escape_piece(one_line(text))


def _needs_protection(word: str) -> bool:
    """Words a style must not lower-case: acronyms and mixed case ({BERT}, {SwinFace}, {iPhone},
    {GPT-4}, {3D}, {Q-Learning}). Capitalised words ("Deep", "Low-Rank") are left for the style
    to lower-case in sentence case, as intended."""
    parts = word.split("-")
    return any(
        any(ch.isupper() for ch in part[1:])
        or (len(parts) > 1 and len(part) == 1 and part.isupper())
        for part in parts
    )


def title(text: str) -> str:
    """A title with case-protecting braces around words a style must not lower-case."""
    text = one_line(text)
    out: list[str] = []
    pos = 0
    for match in _TITLE_WORD.finditer(text):
        out.append(_escape_piece(text[pos : match.start()]))
        word = match.group(0)
        out.append("{" + word + "}" if _needs_protection(word) else word)
        pos = match.end()
    out.append(_escape_piece(text[pos:]))
    return "".join(out)


def _name_part(text: str) -> str:
    # "and" inside a name would split it into two people; a group keeps it one word.
    escaped = escape(text)
    return "{" + escaped + "}" if re.search(r"(?i)(?:^|\s)and(?:\s|$)", text) else escaped


def person(name: PersonName) -> str:
    """ "von Last, Jr, First", the form BibTeX splits unambiguously; literals as one group."""
    if name.literal:
        whole = f"{name.family}, {name.suffix}" if name.suffix else name.family
        return "{" + escape(whole) + "}"
    last = _name_part(name.full_family)
    if name.suffix:
        return f"{last}, {_name_part(name.suffix)}, {_name_part(name.given)}"
    return f"{last}, {_name_part(name.given)}" if name.given else last


def verbatim(text: str) -> str:
    return _VERBATIM_UNSAFE.sub(lambda m: quote(m.group(0), safe=""), text.strip())


def _entry(paper: Paper, key: str) -> str:
    kind = venue_kind(paper)
    entry_type = {"journal": "article", "conference": "inproceedings"}.get(kind, "misc")
    fields: list[tuple[str, str]] = [("title", title(paper.title))]
    if paper.authors:
        names = [person(split_name(a)) for a in paper.authors if a.strip()]
        fields.append(("author", " and ".join(names)))
    if paper.venue and kind == "journal":
        fields.append(("journal", escape(paper.venue)))
    elif paper.venue and kind == "conference":
        fields.append(("booktitle", escape(paper.venue)))
    elif paper.venue and kind == "other":
        fields.append(("howpublished", escape(paper.venue)))
    if paper.year:
        fields.append(("year", str(paper.year)))
    month = None
    if paper.date and len(paper.date) >= 7 and paper.date[5:7].isdigit():
        number = int(paper.date[5:7])
        month = MONTHS[number - 1] if 1 <= number <= 12 else None
    if paper.date and len(paper.date) > 4 and paper.year and paper.date.startswith(str(paper.year)):
        # biblatex's full date; BibTeX styles ignore it and use year and month.
        fields.append(("date", verbatim(paper.date)))
    if paper.doi:
        fields.append(("doi", verbatim(paper.doi)))
    if paper.arxiv_id:
        fields.append(("eprint", verbatim(paper.arxiv_id)))
        fields.append(("archiveprefix", "arXiv"))
        category = primary_class(paper)
        if category:
            fields.append(("primaryclass", escape(category)))
    url = landing_url(paper)
    if url:
        fields.append(("url", verbatim(url)))
    if paper.abstract.strip():
        paragraphs = [escape(p) for p in re.split(r"\n\s*\n", paper.abstract) if p.strip()]
        fields.append(("abstract", "\n\n".join(paragraphs)))
    if paper.tags:
        fields.append(("keywords", ", ".join(escape(t) for t in paper.tags)))
    lines = [f"@{entry_type}{{{key},"]
    for name, value in fields:
        lines.append(f"  {name} = {{{value}}},")
        if name == "year" and month:
            lines.append(f"  month = {month},")  # the standard macro, so styles can abbreviate
    lines.append("}")
    return "\n".join(lines)


def pieces(papers: Iterable[Paper], count: int, context: ExportContext) -> Iterator[str]:
    """The encoding line, then one entry a piece, a blank line between."""
    # JabRef's marker: tells tools (and people) the file is UTF-8, not LaTeX-escaped ASCII.
    yield "% Encoding: UTF-8\n\n"
    key = CitationKeys()
    any_entry = False
    for paper in papers:
        yield ("\n\n" if any_entry else "") + _entry(paper, key(paper))
        any_entry = True
    if any_entry:
        yield "\n"


def export(papers: Sequence[Paper], context: ExportContext) -> str:
    return FORMAT.export(papers, context)


FORMAT = ExportFormat(name="bibtex", label="BibTeX", extension=".bib", pieces=pieces)
