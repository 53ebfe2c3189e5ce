from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.core.errors import ParseError
from readerapp.core.records import Links, PaperRecord
from readerapp.formats import markdown_list
from readerapp.formats.arxiv_refs import check_id, find_refs
from readerapp.formats.base import ParseResult, SkippedEntry
from readerapp.formats.links import is_web_url, url_host
from readerapp.formats.registry import detect_format
from readerapp.formats.text_input import read_path

DATA = Path(__file__).parents[1] / "data"
DAIR = DATA / "corpus" / "markdown-list" / "dair-ai_ML-Papers-of-the-Week_README.md"
IDS = DATA / "arxiv_ids.txt"
TITLED_IDS = DATA / "arxiv_ids_titled.txt"
SEED = DATA / "hf_daily_papers_seed.txt"

AWESOME = """\
# Awesome Efficient Fine-Tuning

[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

## Papers

- [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685v2) - Hu et al. [[code]](https://github.com/microsoft/LoRA)
- **QLoRA: Efficient Finetuning of Quantized LLMs** ([arXiv](https://arxiv.org/pdf/2305.14314.pdf), [GitHub](https://github.com/artidoro/qlora))
- Prefix-Tuning: Optimizing Continuous Prompts for Generation. arXiv:2101.00190
1. <a href="https://arxiv.org/abs/1902.00751">Parameter-Efficient Transfer Learning for NLP</a>
- [2104.08691](https://arxiv.org/abs/2104.08691)
- The Power of Scale for Parameter-Efficient Prompt Tuning https://arxiv.org/abs/2104.08691
- [Tweet](https://twitter.com/x/status/1234567890123) about it

| # | Title | Links |
|---|-------|-------|
| 1 | AdapterHub: A Framework for Adapting Transformers<br>● adapters | [Paper](https://arxiv.org/abs/2007.07779) · [Code](https://github.com/adapter-hub/adapters) |
| 2 | *(IA)³* - few-shot PEFT | [arXiv](https://arxiv.org/abs/2205.05638) |
| 3 | GPT-4 Technical Report | [Paper](https://cdn.openai.com/papers/gpt-4.pdf) |
| 4 | Broken | [Paper](https://arxiv.org/abs/2305.00000) |

- The Large N Limit of Superconformal Field Theories and Supergravity, hep-th/9711200
- Version 2023.1234 of the tool is not a paper.
- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) and [BERT](https://arxiv.org/abs/1810.04805) [code](https://github.com/google-research/bert)

```bibtex
@misc{survey, title={A Survey}, note={arXiv preprint arXiv:2402.00001}}
```
"""  # noqa: E501 (real lists have long lines)


@pytest.fixture(scope="module")
def dair() -> ParseResult:
    return markdown_list.parse(read_path(DAIR), str(DAIR))


def _by_id(result: ParseResult) -> dict[str, object]:
    return {r.arxiv_id: r for r in result.records}


def test_dair_has_every_unique_arxiv_id_once(dair: ParseResult) -> None:
    # 1,104 arXiv links, 6 ids listed twice (same paper in two weeks, or a row pointing at
    # another row's paper), none invalid: 1,098 papers.
    ids = [r.arxiv_id for r in dair.records if r.arxiv_id]
    assert len(ids) == 1098
    assert len(set(ids)) == 1098
    assert not [r for r in dair.records if r.title.startswith("arXiv:")]
    # and 197 papers that are not on arXiv (see below): 1,295 in all
    assert len(dair.records) == 1295


def test_dair_titles_from_each_row_style(dair: ParseResult) -> None:
    papers = _by_id(dair)
    expected = {
        # 2025 rows: "1) Title  description"
        "2506.17298": (157, "Ultra-Fast Diffusion-based Language Models"),
        # no double space: the description opens with a verb
        "2505.22101": (215, "An Operating System for Memory-Augmented Generation in LLMs"),
        "2505.23006": (216, "Building Production-Grade Conversational Agents with Workflow Graphs"),
        # "2) MiniMax-01 - introduces ..."
        "2501.08313": (480, "MiniMax-01"),
        # the title is also a link to the paper inside the first cell
        "2501.17887": (457, "Docling"),
        # 2023 rows: "**Title** - description"
        "2301.11305": (
            2087,
            "DetectGPT: Zero-Shot Machine-Generated Text Detection using Probability Curvature",
        ),
        # www.arxiv.org and /pdf/ links
        "2506.08388": (160, "Reinforcement-Learned Teachers of Test Time Scaling"),
        "2412.15605": (493, "Cache-Augmented Generation (CAG)"),
        # the "Tweet" link of this row also points to the paper: still one paper
        "2409.11055": (729, "A Comprehensive Evaluation of Quantized Instruction-Tuned LLMs"),
    }
    for arxiv_id, (line, title) in expected.items():
        record = papers[arxiv_id]
        assert (record.line, record.title) == (line, title), arxiv_id


def test_dair_repeated_id_keeps_first_row(dair: ParseResult) -> None:
    # Row 804 ("Survey of NL2QL") links the paper of row 802 by mistake.
    record = _by_id(dair)["2408.05109"]
    assert (record.line, record.title) == (802, "Scaling LLM Test-Time Compute Optimally")
    assert _by_id(dair)["2307.13528"].line == 1562  # listed again on line 1650


def test_dair_titles_are_plain_text(dair: ParseResult) -> None:
    for record in dair.records:
        assert not any(mark in record.title for mark in ("<br", "**", "●", "](", "|")), record
        assert 0 < len(record.title) <= 300
        assert record.title == " ".join(record.title.split())
        assert "\\&" not in record.title, record  # Markdown escapes are undone
    by_id = {r.arxiv_id: r.title for r in dair.records}
    assert by_id["2301.01751"] == (
        "Iterated Decomposition: Improving Science Q&A by Supervising Reasoning Processes"
    )


def test_dair_code_links_come_from_the_same_row(dair: ParseResult) -> None:
    record = _by_id(dair)["2504.11844"]
    assert record.links.code == "https://github.com/Crista23/goal_directedness_llms"
    assert sum(1 for r in dair.records if r.arxiv_id and r.links.code) == 31
    assert all(r.links.code.startswith("https://github.com/") for r in dair.records if r.links.code)
    # Tweets are not papers and never links.
    assert not any("x.com" in (r.links.code or "") for r in dair.records)


def _page(record: PaperRecord) -> tuple[str, str]:
    """The one link of a paper that is not on arXiv: (Links field, URL)."""
    (kind, url), *_ = record.links.as_dict().items()
    return kind, url


def test_dair_rows_with_papers_outside_arxiv_are_papers(dair: ParseResult) -> None:
    # 1,300 table rows: 1,101 with an arXiv link; 195 whose "Paper" (or "Paper 2", "System
    # Card", "Technical Report") link goes elsewhere; 3 with only a "Project" link; 1 with a
    # blog and a tweet only ("Google AI Research Recap", line 2098), which is no paper. The
    # Gemini 1.5 report is linked in two weeks (lines 985 and 1179): one paper. 195 + 3 - 1.
    outside = [r for r in dair.records if r.arxiv_id is None]
    assert len(outside) == 197
    assert dair.skipped == []
    assert Counter(kind for kind, _ in map(_page, outside)) == {
        "abs": 106,  # landing pages: nature.com, ai.meta.com, openreview.net, ...
        "pdf": 67,
        "code": 18,  # "Paper" links to a PDF or README on github.com
        "project": 6,  # 3 "Project" rows, 3 "Paper" links to Hugging Face models and blogs
    }
    assert Counter(url_host(url) for _, url in map(_page, outside))["nature.com"] == 20
    by_line = {r.line: (r.title, _page(r), r.doi) for r in outside}
    assert by_line[162] == (
        "AlphaGenome",
        ("pdf", "https://storage.googleapis.com/deepmind-papers/alphagenome.pdf"),
        None,
    )
    assert by_line[342] == (
        "Neural Alignment via Speech Embeddings",
        ("abs", "https://www.nature.com/articles/s41562-025-02105-9"),
        None,
    )
    assert by_line[217] == (
        "Spurios Rewards",  # sic
        ("code", "https://github.com/ruixin31/Rethink_RLVR/blob/main/paper/rethink-rlvr.pdf"),
        None,
    )
    assert by_line[607] == (
        "Evo",
        ("abs", "https://www.science.org/doi/10.1126/science.ado9336"),
        "10.1126/science.ado9336",
    )
    # "System Card" is a paper link too
    assert by_line[395][:2] == (
        "Claude 3.7 Sonnet",
        (
            "pdf",
            "https://assets.anthropic.com/m/785e231869ea8b3b/original/"
            "claude-3-7-sonnet-system-card.pdf",
        ),
    )
    # a title cell too long to cut ("**AlphaFold 3** -releases a new ...") gives its bold lead
    assert by_line[999][:2] == (
        "AlphaFold 3",
        (
            "abs",
            "https://blog.google/technology/ai/google-deepmind-isomorphic-alphafold-3-ai-model/",
        ),
    )
    assert by_line[2133] == (
        "VALL-E Neural Codec Language Models are Zero-Shot Text to Speech Synthesizers",
        ("project", "https://valle-demo.github.io/"),
        None,
    )
    assert by_line[985][0] == "Gemini 1.5 Flash" and 1179 not in by_line
    assert 2098 not in by_line


def test_dair_navigation_is_no_paper(dair: ParseResult) -> None:
    # The 130 table-of-contents items (./#anchors), the newsletter, Twitter and Discord links
    # and the headings before the first table (line 154) are not papers; no paper's link is
    # a tweet. The first paper is the first row of that table.
    assert min(r.line for r in dair.records if r.line is not None) == 157
    assert not [r for r in dair.records if r.title.startswith("Top ML Papers of the Week")]
    hosts = {url_host(url) for r in dair.records for url in r.links.as_dict().values()}
    assert not hosts & {"twitter.com", "x.com", "discord.gg", "nlpnews.substack.com"}


def test_dair_dates_come_from_the_id(dair: ParseResult) -> None:
    record = _by_id(dair)["2506.17298"]
    assert (record.year, record.date) == (2025, "2025-06")


def test_id_list_with_comments() -> None:
    result = markdown_list.parse(read_path(IDS), str(IDS))
    got = [(r.line, r.arxiv_id, r.title) for r in result.records]
    assert got == [
        (4, "1706.03762", "arXiv:1706.03762"),  # the comment is not a title
        (5, "2106.09685", "arXiv:2106.09685"),
        (6, "2005.14165", "arXiv:2005.14165"),
        (7, "2307.09288", "arXiv:2307.09288"),
        (8, "2302.13971", "arXiv:2302.13971"),
        (9, "hep-th/9901001", "arXiv:hep-th/9901001"),
        (10, "math.GT/0309136", "arXiv:math.GT/0309136"),
        (13, "2203.02155", "Training language models to follow instructions with human feedback"),
    ]
    assert [(s.line, s.reason) for s in result.skipped] == [
        (11, "2305.00000 is not an arXiv id: number 00000 is never issued"),
        (12, "2313.01234 is not an arXiv id: month 13 does not exist"),
    ]
    hep = next(r for r in result.records if r.arxiv_id == "hep-th/9901001")
    assert (hep.year, hep.date) == (1999, "1999-01")


def test_id_list_with_bom_and_crlf() -> None:
    result = markdown_list.parse("\ufeff2106.09685\r\n\r\n1706.03762v7 // attention\r\n", "ids")
    assert [(r.line, r.arxiv_id) for r in result.records] == [(1, "2106.09685"), (3, "1706.03762")]


def test_id_list_with_titles_after_the_ids() -> None:
    # As people keep such lists: `[id] Title` as arXiv's listings print it, `id Title`,
    # `id: Title`, `id - Title`, `(id) Title`, a list item; a comment is never a title.
    result = markdown_list.parse(read_path(TITLED_IDS), str(TITLED_IDS))
    got = [(r.line, r.arxiv_id, r.title) for r in result.records]
    assert got == [
        (4, "2203.02155", "Training language models to follow instructions with human feedback"),
        (5, "1706.03741", "Deep reinforcement learning from human preferences"),
        (6, "2009.01325", "Learning to summarize from human feedback"),
        (7, "1909.08593", "Fine-Tuning Language Models from Human Preferences"),
        # listed with a comment on line 8, with its title on line 17: the title wins
        (8, "1707.06347", "Proximal Policy Optimization Algorithms"),
        (9, "2212.08073", "arXiv:2212.08073"),  # a bare id keeps its id as its title
        (
            10,
            "2305.18290",
            "Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
        ),
        (11, "2210.10760", "Scaling Laws for Reward Model Overoptimization"),
        (
            12,
            "2307.15217",
            "Open Problems and Fundamental Limitations of Reinforcement Learning from Human "
            "Feedback",
        ),
        (13, "2112.09332", "WebGPT: Browser-assisted question-answering with human feedback"),
        (
            14,
            "2204.05862",
            "Training a Helpful and Harmless Assistant with Reinforcement Learning from Human "
            "Feedback",
        ),
    ]
    assert [(s.line, s.reason) for s in result.skipped] == [
        (15, "2310.1694 is not an arXiv id: ids from 2015 on have five digits")
    ]
    assert detect_format(read_path(TITLED_IDS), str(TITLED_IDS)).name == "markdown-list"
    # The name says nothing: the lines do.
    assert detect_format(read_path(TITLED_IDS), "<stdin>").name == "markdown-list"


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # Before, the first title kept its bracket ("] Training ..."), and a list of more
        # such lines than bare ids was refused as an unknown format.
        (
            "[2203.02155] Training language models to follow instructions with human feedback\n"
            "1701.06049 # Deep reinforcement learning from human preferences\n",
            ["Training language models to follow instructions with human feedback", None],
        ),
        (
            "[2106.09685]\n[1706.03762] Attention Is All You Need\n",
            [None, "Attention Is All You Need"],
        ),
        (
            "[2106.09685]LoRA\n(1706.03762): Attention Is All You Need\n",
            ["LoRA", "Attention Is All You Need"],
        ),
        ("[arXiv:2106.09685] LoRA // PEFT\n2005.14165\t// GPT-3\n", ["LoRA", None]),
    ],
)
def test_titled_id_lists_sniff_and_keep_titles(text: str, titles: list[str | None]) -> None:
    assert detect_format(text, "<clipboard>").name == "markdown-list"
    records = markdown_list.parse(text, "<clipboard>").records
    assert [r.title for r in records] == [
        t or f"arXiv:{r.arxiv_id}" for r, t in zip(records, titles, strict=True)
    ]


def test_awesome_list_link_styles() -> None:
    result = markdown_list.parse(AWESOME, "awesome.md")
    got = {r.arxiv_id: (r.line, r.title, r.links.code) for r in result.records if r.arxiv_id}
    assert got == {
        "2106.09685": (
            7,
            "LoRA: Low-Rank Adaptation of Large Language Models",
            "https://github.com/microsoft/LoRA",
        ),
        # "arXiv" is not a title: the bold text before the link is
        "2305.14314": (
            8,
            "QLoRA: Efficient Finetuning of Quantized LLMs",
            "https://github.com/artidoro/qlora",
        ),
        "2101.00190": (9, "Prefix-Tuning: Optimizing Continuous Prompts for Generation", None),
        "1902.00751": (10, "Parameter-Efficient Transfer Learning for NLP", None),
        # the id as link text is no title; the next mention of the paper has one
        "2104.08691": (11, "The Power of Scale for Parameter-Efficient Prompt Tuning", None),
        "2007.07779": (
            17,
            "AdapterHub: A Framework for Adapting Transformers",
            "https://github.com/adapter-hub/adapters",
        ),
        "2205.05638": (18, "(IA)³", None),
        "hep-th/9711200": (
            22,
            "The Large N Limit of Superconformal Field Theories and Supergravity",
            None,
        ),
        # two papers on one line: each keeps its own link text and the code link after it
        "1706.03762": (24, "Attention Is All You Need", None),
        "1810.04805": (24, "BERT", "https://github.com/google-research/bert"),
        # a citation in a code block: a paper, but the BibTeX around it is no title
        "2402.00001": (27, "arXiv:2402.00001", None),
    }
    # The row whose paper is not on arXiv is a paper with its PDF; the badge (line 3) and
    # the tweet (line 13) are not.
    (outside,) = [r for r in result.records if r.arxiv_id is None]
    assert (outside.line, outside.title, outside.links) == (
        19,
        "GPT-4 Technical Report",
        Links(pdf="https://cdn.openai.com/papers/gpt-4.pdf"),
    )
    assert [(s.line, s.reason) for s in result.skipped] == [
        (20, "2305.00000 is not an arXiv id: number 00000 is never issued"),
    ]


# A list in the shapes of real awesome-lists and reading lists, none of its papers on arXiv.
OUTSIDE_ARXIV = """# Awesome Reading List [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

[![License: CC0](https://img.shields.io/badge/license-CC0-blue.svg)](https://creativecommons.org/publicdomain/zero/1.0/)
Follow the [newsletter](https://example.substack.com/) for updates.

## Contents

- [Papers](#papers)
- [Vision](https://github.com/someone/awesome-reading#vision)

## Papers

- [Patches Are All You Need?](https://openreview.net/forum?id=rAnB7JSMXL) - ConvMixer.
- [Language Models are Unsupervised Multitask Learners](https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf)
- **Generative adversarial nets** - Goodfellow et al. [[pdf]](http://papers.nips.cc/paper/5423-generative-adversarial-nets.pdf) [[code]](https://github.com/goodfeli/adversarial)
- [DeepSeek-R1](https://github.com/deepseek-ai/DeepSeek-R1) - reasoning models.
- [VALL-E](https://valle-demo.github.io/) - neural codec language models.
- Evo: sequence modeling from molecular to genome scale [Paper](https://www.science.org/doi/10.1126/science.ado9336)
- Mobile ALOHA [Project](https://mobile-aloha.github.io/) [Tweet](https://twitter.com/x/status/1)
- Gradient-based learning applied to document recognition http://yann.lecun.com/exdb/publis/pdf/lecun-01a.pdf
- [The same PDF again, later](https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf)
- [LoRA on the Hub](https://huggingface.co/papers/2106.09685)
- [A thread about it](https://twitter.com/someone/status/123)
- [Announcement on X](https://x.com/someone/status/9)
- [A talk](https://www.youtube.com/watch?v=abc)
- [Awesome Other List](https://github.com/someone/awesome-other)
- [Back to top](https://github.com/someone/awesome-reading#readme)
- Just a note about [Tweet](https://x.com/a/status/2) links.
- ![diagram](https://example.org/figure.png)
- [License](https://github.com/someone/awesome-reading/blob/main/LICENSE)

### [A heading that links](https://example.org/section)

A paragraph with a [link to a paper](https://example.org/paper.pdf) is not an entry.

<!--
- [Commented out](https://example.org/hidden.pdf)
-->

| Title | Links |
|---|---|
| **AlphaFold 3** -releases a new model{} | [Paper](https://blog.google/technology/ai/alphafold-3/), [Tweet](https://x.com/a/status/3) |
| Google AI Research Recap | [Blog](https://ai.googleblog.com/2023/01/recap.html) |
|  | [Paper](https://example.org/untitled.pdf) |

## Contributing

- [Contribution guidelines](https://github.com/someone/awesome-reading/blob/main/CONTRIBUTING.md)
- [How to add a paper](https://example.org/how-to.pdf)

## License

- [CC0](https://creativecommons.org/publicdomain/zero/1.0/)
""".replace("{}", "; it predicts the structures of proteins, DNA and RNA" * 6)  # noqa: E501


def test_entries_outside_arxiv_and_what_is_no_paper() -> None:
    result = markdown_list.parse(OUTSIDE_ARXIV, "list.md")
    got = [(r.line, r.title, r.arxiv_id, r.doi, r.links.as_dict()) for r in result.records]
    nips = "http://papers.nips.cc/paper/5423-generative-adversarial-nets.pdf"
    gpt2 = (
        "https://cdn.openai.com/better-language-models/"
        "language_models_are_unsupervised_multitask_learners.pdf"
    )
    assert got == [
        # a title link to a publisher's or preprint server's page: the abstract page
        (
            13,
            "Patches Are All You Need?",
            None,
            None,
            {"abs": "https://openreview.net/forum?id=rAnB7JSMXL"},
        ),
        # ... to a PDF: the PDF; the same link again on line 21 is the same paper
        (14, "Language Models are Unsupervised Multitask Learners", None, None, {"pdf": gpt2}),
        # the bold title before a [[pdf]] link; the [[code]] link is its code
        (
            15,
            "Generative adversarial nets",
            None,
            None,
            {"pdf": nips, "code": "https://github.com/goodfeli/adversarial"},
        ),
        # ... to GitHub: code; to any other site: a project page
        (16, "DeepSeek-R1", None, None, {"code": "https://github.com/deepseek-ai/DeepSeek-R1"}),
        (17, "VALL-E", None, None, {"project": "https://valle-demo.github.io/"}),
        # text, then a link labelled "Paper" (its DOI is read from the URL) or "Project"
        (
            18,
            "Evo: sequence modeling from molecular to genome scale",
            None,
            "10.1126/science.ado9336",
            {"abs": "https://www.science.org/doi/10.1126/science.ado9336"},
        ),
        (19, "Mobile ALOHA", None, None, {"project": "https://mobile-aloha.github.io/"}),
        # text, then a bare URL that ends the item
        (
            20,
            "Gradient-based learning applied to document recognition",
            None,
            None,
            {"pdf": "http://yann.lecun.com/exdb/publis/pdf/lecun-01a.pdf"},
        ),
        # a Hugging Face paper page names the arXiv id
        (
            22,
            "LoRA on the Hub",
            "2106.09685",
            None,
            {"hf": "https://huggingface.co/papers/2106.09685"},
        ),
        # a table row: its title cell (the bold lead of one too long to cut) and Paper link
        (
            42,
            "AlphaFold 3",
            None,
            None,
            {"abs": "https://blog.google/technology/ai/alphafold-3/"},
        ),
    ]
    # Badges, the newsletter, contents, anchors, tweets, videos, other lists, "back to top",
    # images, licence and contributing links and sections, headings, paragraphs, comments
    # and a blog-only row are no papers, and not worth a report; a row with a paper link
    # but no title is reported.
    assert result.skipped == [
        SkippedEntry(
            44,
            "the paper link to example.org has no title in its row or item; not read as a paper",
        )
    ]


def test_an_arxiv_entry_mentioned_again_outside_arxiv_stays_one_paper() -> None:
    text = (
        "- [LoRA](https://arxiv.org/abs/2106.09685)\n"
        "- [LoRA on the Hub](https://huggingface.co/papers/2106.09685)\n"
    )
    (record,) = markdown_list.parse(text, "list.md").records
    assert (record.line, record.title, record.arxiv_id) == (1, "LoRA", "2106.09685")
    assert record.links == Links(hf="https://huggingface.co/papers/2106.09685")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("2305.00000", "number 00000 is never issued"),
        ("2313.01234", "month 13 does not exist"),
        ("0703.1234", "ids of this form start in April 2007"),
        ("1501.1234", "ids from 2015 on have five digits"),
        ("1412.12345", "ids before 2015 have four digits"),
        ("9912.12345", "2099-12 is in the future"),
        ("foo-bar/9901001", "there is no arXiv archive 'foo-bar'"),
        ("hep-th/0801001", "ids of this form ran from 1991 to March 2007"),
        ("abc", "is not an arXiv id"),
    ],
)
def test_invalid_ids_say_why(raw: str, problem: str) -> None:
    arxiv_id, why = check_id(raw, today=dt.date(2025, 7, 1))
    assert arxiv_id is None
    assert why is not None and problem in why


@pytest.mark.parametrize(
    ("line", "ids"),
    [
        (
            "see https://arxiv.org/html/2401.12345v2/#S3 and arXiv: 1706.03762",
            ["2401.12345", "1706.03762"],
        ),
        ("https://github.com/org/repo/issues/2106.09685", []),  # inside another URL
        ("version 1.2106.09685 and 2106.096851", []),
        ("arxiv.org/abs/cond-mat/0211034v1", ["cond-mat/0211034"]),
        ("(arXiv 2023)", []),  # a year, not an id
    ],
)
def test_find_refs(line: str, ids: list[str]) -> None:
    assert [ref.arxiv_id for ref in find_refs(line)] == ids


def test_sniff_and_detect() -> None:
    for path in (DAIR, IDS):
        assert detect_format(read_path(path), str(path)).name == "markdown-list"
    assert detect_format(AWESOME, "<clipboard>").name == "markdown-list"
    assert markdown_list.sniff(read_path(SEED)[:16384]) == 0.0
    assert detect_format(read_path(SEED), str(SEED)).name != "markdown-list"


@pytest.mark.parametrize(
    "text",
    [
        "@article{k, url = {https://arxiv.org/abs/2106.09685}, title = {LoRA}}",
        '[{"id": "2106.09685", "url": "https://arxiv.org/abs/2106.09685"}]',
        "TY  - JOUR\nUR  - https://arxiv.org/abs/2106.09685\nER  - \n",
        "title,arxiv_id\nLoRA,2106.09685\nGPT-3,2005.14165\n",
        "title,url\nLoRA,https://arxiv.org/abs/2106.09685\n",
        "arxiv_id,title\n2106.09685,LoRA\n2005.14165,GPT-3\n1706.03762,Transformer\n",
        "[2106.09685],LoRA\n[2005.14165],GPT-3\n[1706.03762],Transformer\n",
        "% comment\n@misc{x, eprint={2106.09685}}",
        # a header-less Daily Papers paste whose abstract cites an arXiv paper
        "A Title Line\n\nWe build on https://arxiv.org/abs/2106.09685 and show that " + "x" * 400,
    ],
)
def test_sniff_does_not_claim_other_formats(text: str) -> None:
    assert markdown_list.sniff(text) == 0.0


_MUTATION_ALPHABET = "|[]()<>#*`_\\\"'/.:-\n\r\t 0123456789arXivhttps●\ufeff"


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from([AWESOME, read_path(IDS), AWESOME[:700]]))
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.text(_MUTATION_ALPHABET, max_size=8)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(0, 20)) :]
    return text


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(max_size=400),
        _mutated(),
        st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
    )
)
def test_fuzz_parse_only_parse_errors(text: str) -> None:
    try:
        result = markdown_list.parse(text, "fuzz.md")
    except ParseError:
        return
    for record in result.records:
        assert record.title and (record.arxiv_id or record.links.as_dict())
        assert all(is_web_url(url) for url in record.links.as_dict().values())
        assert record.line is not None and record.line >= 1
    markdown_list.sniff(text)
    markdown_list.parse(text, "fuzz.txt")


def test_escaped_marks_in_link_texts_are_literal() -> None:
    # CommonMark: `\[` does not open a link, `\_` and `\*` are not emphasis. Before, the
    # title below lost "ANSI \[" (the link was taken to start at the escaped bracket) and the
    # emphasis pass ate the marks before the escapes were read ("snake\case").
    text = (
        "- [ANSI \\[31m colour codes in LLM output](https://arxiv.org/abs/2101.00001)\n"
        "- [Learning snake\\_case and \\*stars\\* in code](https://arxiv.org/abs/2101.00002)\n"
        "- [**Bold\\_name** model](https://arxiv.org/abs/2101.00003)\n"
        "- [Under_score_name and 2*3*4 math](https://arxiv.org/abs/2101.00004)\n"
    )
    titles = {r.arxiv_id: r.title for r in markdown_list.parse(text, "escapes.md").records}
    assert titles == {
        "2101.00001": "ANSI [31m colour codes in LLM output",
        "2101.00002": "Learning snake_case and *stars* in code",
        "2101.00003": "Bold_name model",
        "2101.00004": "Under_score_name and 2*3*4 math",
    }
