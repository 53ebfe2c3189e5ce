"""Papers built by hand for the exporter tests: ordinary ones and hostile ones.

The hostile titles carry what breaks naive exporters: HTML (`<script>`), quotes, BibTeX and
LaTeX specials (`{`, `%`, `\\`, `$`, `#`, `&`, `~`, `@type{`), emoji, right-to-left text and
a javascript: link. Each exporter test round-trips them through readerapp's importers and an
external parser and compares what identifies a paper.
"""

from __future__ import annotations

import datetime as dt
import re

from readerapp.core.records import Links, Note, Paper, PaperRecord
from readerapp.formats.base import ExportContext

NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
CONTEXT = ExportContext(title="Reading queue: Week 32", numbered=True)


def paper(id: int, title: str, **fields: object) -> Paper:
    values: dict[str, object] = {
        "abstract": "",
        "authors": (),
        "year": None,
        "date": None,
        "arxiv_id": None,
        "doi": None,
        "venue": None,
        "links": Links(),
        "starred": False,
        "status": "unread",
        "tags": (),
        "queues": (),
        "notes": (),
        "added_at": NOW,
    }
    values.update(fields)
    return Paper(id=id, title=title, **values)  # type: ignore[arg-type]


SCRIPT_TITLE = "<script>alert(1)</script> & \"Quoted\" 'Titles' in ATTENTION"
SPECIALS_TITLE = "Sets {A, B} at 100% -- cost $5 #1 ~ 50 @misc{x, a \\ b 😀"
RTL_TITLE = "نموذج لغوي كبير: دراسة"
JS_TITLE = "Click [me](javascript:alert(1))"

PAPERS: list[Paper] = [
    paper(
        1,
        "LoRA: Low-Rank Adaptation of Large Language Models",
        abstract="An important paradigm of NLP.\n\nWe propose LoRA, which freezes weights.",
        authors=("Edward J. Hu", "Yelong Shen", "Ludwig van Beethoven", "Martin Luther King, Jr."),
        year=2021,
        date="2021-06-17",
        arxiv_id="2106.09685",
        doi="10.48550/arxiv.2106.09685",
        venue="ICLR 2022",
        links=Links(
            abs="https://arxiv.org/abs/2106.09685",
            pdf="https://arxiv.org/pdf/2106.09685",
            code="https://github.com/microsoft/LoRA",
            project="javascript:alert(1)",  # never exported as a link
            hf="https://huggingface.co/papers/2106.09685",
        ),
        starred=True,
        status="read",
        tags=("peft", "low rank"),
        queues=("Week 32",),
        suggested_tags=("cs.CL", "cs.LG"),
        notes=(
            Note(
                1,
                "# Why read\nIt **freezes** the *weights*; see `W + BA`.\n\n- rank 4\n"
                "- [code](https://github.com/microsoft/LoRA)\n\n<script>alert(2)</script>"
                " [x](javascript:alert(3))",
                NOW,
                NOW,
            ),
        ),
    ),
    paper(
        2,
        SCRIPT_TITLE,
        abstract="An abstract with <b>tags</b> & ampersands.",
        authors=("Zoë Ødegaard", "José María García-López", "OpenAI"),
        year=2024,
        date="2024-02",
        doi="10.1145/3292500.3330701",
        venue="Nature Machine Intelligence",
        links=Links(abs='https://example.org/paper?id=1&lang=en"onmouseover="x'),
        tags=("<i>tag</i>",),
    ),
    paper(
        3,
        SPECIALS_TITLE,
        abstract="Costs 100% of $5; {a, b} and a \\ backslash.",
        authors=("Wei Zhang",),
        year=2023,
        arxiv_id="2301.00001",
        links=Links(pdf="data:text/html,<script>alert(1)</script>"),
    ),
    paper(4, RTL_TITLE, authors=("محمد علي",), year=2023, venue="Findings of ACL 2023"),
    paper(5, JS_TITLE, links=Links(abs="javascript:alert(1)", hf="JAVASCRIPT:alert(1)")),
    paper(
        6,
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        authors=("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"),
        year=2018,
        arxiv_id="1810.04805",
        venue="arXiv",
    ),
    # Same first author, year and first title word as the next one: keys need suffixes.
    paper(
        7,
        "SwinFace: A Multi-task Transformer for Face Recognition",
        authors=("Lixiong Qin", "Mei Wang"),
        year=2023,
        arxiv_id="2308.11509",
    ),
    paper(
        8,
        "SwinFace Revisited",
        authors=("Lixiong Qin",),
        year=2023,
        doi="10.1109/tcsvt.2023.1234567",
        venue="IEEE Transactions on Circuits and Systems",
    ),
    paper(
        9,
        "String theory in old-style identifiers",
        authors=("Edward Witten",),
        year=1999,
        arxiv_id="hep-th/9901001",
    ),
]
BY_ID = {p.id: p for p in PAPERS}


def identity(item: Paper | PaperRecord) -> tuple[object, ...]:
    """What must survive a round trip: title, authors in order, year, DOI, arXiv id."""
    return (item.title, tuple(item.authors), item.year, item.doi, item.arxiv_id)


def loose_identity(item: Paper | PaperRecord) -> tuple[object, ...]:
    """identity, except that "King, Jr." and "King Jr." count as the same name: RIS and CSL
    carry the suffix in a field of its own, and an importer may join it with or without the
    comma."""
    authors = tuple(re.sub(r",\s*(?=(?:Jr|Sr|II|III|IV)\.?$)", " ", a) for a in item.authors)
    return (item.title, authors, item.year, item.doi, item.arxiv_id)
