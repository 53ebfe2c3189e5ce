"""The search syntax, explained by examples: one list for the window's help page, the search
box's tooltip and `readerapp search --help`, checked against the parser by the tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Example:
    query: str
    finds: str


# Grouped as a reader learns them: words, then fields, then logic, then filters.
SECTIONS: tuple[tuple[str, tuple[Example, ...]], ...] = (
    (
        "Words",
        (
            Example("diffusion transformer", "papers with both words, best matches first"),
            Example('"chain of thought"', "the words in this order (hyphens or not)"),
            Example("chain-of-thought", "that compound word"),
            Example("trans*", "words that start with trans (at least two letters)"),
            Example("kroneker~", "words within one typing error (kroneker~2: two)"),
        ),
    ),
    (
        "In one field",
        (
            Example("title:retrieval", "the word in the title"),
            Example('author:"Yann LeCun"', "an author"),
            Example("abstract:ablation", "the word in the abstract"),
            Example("note:revisit", "the word in your notes"),
            Example(
                'fulltext:"kv cache"', "the words in the paper's PDF (plain words search it too)"
            ),
        ),
    ),
    (
        "Logic",
        (
            Example("lora OR adapter", "either word"),
            Example("vision NOT video", "the first without the second (also -video)"),
            Example("(lora OR adapter) tag:peft", "brackets group; terms side by side are ANDed"),
        ),
    ),
    (
        "Your marks",
        (
            Example("is:starred", "starred papers (is:unstarred: the others)"),
            Example("is:queued", "papers on any queue"),
            Example("has:pdf", "papers with a PDF kept in the library (-has:pdf: without)"),
            Example('queue:"Week 32"', "papers on one queue"),
            Example("status:reading", "unread, reading, read, skimmed or dropped (or is:read)"),
            Example("tag:peft", 'a tag (tag:"vision models" with spaces, tag:vis* any tag)'),
        ),
    ),
    (
        "Your routine",
        (
            Example("is:inbox", "new papers from imports not yet triaged"),
            Example("is:snoozed", "papers snoozed until a later day"),
            Example("is:rereading", "read papers marked for re-reading"),
            Example("read:7d", "marked read in the last 7 days (read:2026-05, read:2026-05..)"),
            Example("started:2026-05-01..2026-05-31", "marked reading in that range"),
        ),
    ),
    (
        "Dates, ids and sources",
        (
            Example("year:2023", "published in 2023 (year:2021..2024, year:..2019)"),
            Example("added:7d", "added in the last 7 days (2w, 3m, 1y, or added:2024-05-01..)"),
            Example("arxiv:2106.09685", "one paper by its arXiv id"),
            Example("doi:10.1145/3442188.3445922", "one paper by its DOI"),
            Example("source:daily", "papers from an import whose file name contains daily"),
        ),
    ),
)

EXAMPLES: tuple[Example, ...] = tuple(e for _, examples in SECTIONS for e in examples)

TOOLTIP = (
    'Search titles, authors, abstracts, tags and notes. "exact phrase", trans*, title:, '
    "author:, tag:, is:starred, status:unread, year:2021..2024, added:7d, OR, NOT, -word."
)


def as_text() -> str:
    """The examples as plain text, for the command line's help."""
    width = max(len(e.query) for e in EXAMPLES) + 2
    lines = []
    for title, examples in SECTIONS:
        lines.append(f"{title}:")
        lines.extend(f"  {e.query:<{width}}{e.finds}" for e in examples)
    return "\n".join(lines)
