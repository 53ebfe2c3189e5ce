"""The search syntax, explained by examples: one list for the window's help page, the search
box's tooltip and `readerapp search --help`, checked against the parser by the tests."""

from __future__ import annotations

from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a text for the window's translation, and returns it unchanged: pyside6-lupdate
    reads these calls (packaging/update_translations.py passes it this file) and the window's
    help page translates the texts under their context. The command line shows them as they
    are. Qt's own marker cannot be imported here: the core is free of Qt."""
    return text


@dataclass(frozen=True, slots=True)
class Example:
    query: str
    finds: str


# Grouped as a reader learns them: words, then fields, then logic, then filters.
SECTIONS: tuple[tuple[str, tuple[Example, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("SearchSyntax", "Words"),
        (
            Example(
                "diffusion transformer",
                QT_TRANSLATE_NOOP("SearchSyntax", "papers with both words, best matches first"),
            ),
            Example(
                '"chain of thought"',
                QT_TRANSLATE_NOOP("SearchSyntax", "the words in this order (hyphens or not)"),
            ),
            Example("chain-of-thought", QT_TRANSLATE_NOOP("SearchSyntax", "that compound word")),
            Example(
                "trans*",
                QT_TRANSLATE_NOOP(
                    "SearchSyntax", "words that start with trans (at least two letters)"
                ),
            ),
            Example(
                "kroneker~",
                QT_TRANSLATE_NOOP(
                    "SearchSyntax", "words within one typing error (kroneker~2: two)"
                ),
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SearchSyntax", "In one field"),
        (
            Example("title:retrieval", QT_TRANSLATE_NOOP("SearchSyntax", "the word in the title")),
            Example('author:"Yann LeCun"', QT_TRANSLATE_NOOP("SearchSyntax", "an author")),
            Example(
                "abstract:ablation", QT_TRANSLATE_NOOP("SearchSyntax", "the word in the abstract")
            ),
            Example("note:revisit", QT_TRANSLATE_NOOP("SearchSyntax", "the word in your notes")),
            Example(
                'fulltext:"kv cache"',
                QT_TRANSLATE_NOOP(
                    "SearchSyntax", "the words in the paper's PDF (plain words search it too)"
                ),
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SearchSyntax", "Logic"),
        (
            Example("lora OR adapter", QT_TRANSLATE_NOOP("SearchSyntax", "either word")),
            Example(
                "vision NOT video",
                QT_TRANSLATE_NOOP("SearchSyntax", "the first without the second (also -video)"),
            ),
            Example(
                "(lora OR adapter) tag:peft",
                QT_TRANSLATE_NOOP("SearchSyntax", "brackets group; terms side by side are ANDed"),
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SearchSyntax", "Your marks"),
        (
            Example(
                "is:starred",
                QT_TRANSLATE_NOOP("SearchSyntax", "starred papers (is:unstarred: the others)"),
            ),
            Example("is:queued", QT_TRANSLATE_NOOP("SearchSyntax", "papers on any queue")),
            Example(
                "has:pdf",
                QT_TRANSLATE_NOOP(
                    "SearchSyntax", "papers with a PDF kept in the library (-has:pdf: without)"
                ),
            ),
            Example('queue:"Week 32"', QT_TRANSLATE_NOOP("SearchSyntax", "papers on one queue")),
            Example(
                "status:reading",
                QT_TRANSLATE_NOOP(
                    "SearchSyntax", "unread, reading, read, skimmed or dropped (or is:read)"
                ),
            ),
            Example(
                "tag:peft",
                QT_TRANSLATE_NOOP(
                    "SearchSyntax", 'a tag (tag:"vision models" with spaces, tag:vis* any tag)'
                ),
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SearchSyntax", "Your routine"),
        (
            Example(
                "is:inbox",
                QT_TRANSLATE_NOOP("SearchSyntax", "new papers from imports not yet triaged"),
            ),
            Example(
                "is:snoozed", QT_TRANSLATE_NOOP("SearchSyntax", "papers snoozed until a later day")
            ),
            Example(
                "is:rereading",
                QT_TRANSLATE_NOOP("SearchSyntax", "read papers marked for re-reading"),
            ),
            Example(
                "read:7d",
                QT_TRANSLATE_NOOP(
                    "SearchSyntax", "marked read in the last 7 days (read:2026-05, read:2026-05..)"
                ),
            ),
            Example(
                "started:2026-05-01..2026-05-31",
                QT_TRANSLATE_NOOP("SearchSyntax", "marked reading in that range"),
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SearchSyntax", "Dates, ids and sources"),
        (
            Example(
                "year:2023",
                QT_TRANSLATE_NOOP(
                    "SearchSyntax", "published in 2023 (year:2021..2024, year:..2019)"
                ),
            ),
            Example(
                "added:7d",
                QT_TRANSLATE_NOOP(
                    "SearchSyntax", "added in the last 7 days (2w, 3m, 1y, or added:2024-05-01..)"
                ),
            ),
            Example(
                "arxiv:2106.09685", QT_TRANSLATE_NOOP("SearchSyntax", "one paper by its arXiv id")
            ),
            Example(
                "doi:10.1145/3442188.3445922",
                QT_TRANSLATE_NOOP("SearchSyntax", "one paper by its DOI"),
            ),
            Example(
                "source:daily",
                QT_TRANSLATE_NOOP(
                    "SearchSyntax", "papers from an import whose file name contains daily"
                ),
            ),
        ),
    ),
)

EXAMPLES: tuple[Example, ...] = tuple(e for _, examples in SECTIONS for e in examples)

TOOLTIP = QT_TRANSLATE_NOOP(
    "SearchSyntax",
    'Search titles, authors, abstracts, tags and notes. "exact phrase", trans*, title:, '
    "author:, tag:, is:starred, status:unread, year:2021..2024, added:7d, OR, NOT, -word.",
)


def as_text() -> str:
    """The examples as plain text, for the command line's help."""
    width = max(len(e.query) for e in EXAMPLES) + 2
    lines = []
    for title, examples in SECTIONS:
        lines.append(f"{title}:")
        lines.extend(f"  {e.query:<{width}}{e.finds}" for e in examples)
    return "\n".join(lines)
