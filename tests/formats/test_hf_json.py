from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.core.errors import ParseError
from readerapp.core.records import PaperRecord
from readerapp.formats import hf_json
from readerapp.formats.registry import detect_format
from readerapp.formats.text_input import read_path
from tests.conftest import CORPUS, DATA, SEED

DAILY = CORPUS / "hf-json" / "sotawhat_hf_daily_papers_30.json"
FEED = DATA / "hf_papers_feed.json"


def daily_text() -> str:
    return DAILY.read_text(encoding="utf-8")


def by_id(records: list[PaperRecord], arxiv_id: str) -> PaperRecord:
    return next(r for r in records if r.arxiv_id == arxiv_id)


def test_daily_papers_corpus_gives_all_30_papers_in_order() -> None:
    result = hf_json.parse(daily_text(), DAILY.name)
    assert len(result.records) == 30
    assert result.skipped == []
    ids = [r.arxiv_id for r in result.records]
    assert ids[:3] == ["2606.00467", "2606.12730", "2606.13594"]
    assert ids[-1] == "2606.13106"
    assert len(set(ids)) == 30
    assert all("v" not in i for i in ids)
    # The file is minified onto one line: every paper starts on line 1.
    assert {r.line for r in result.records} == {1}


def test_daily_paper_fields() -> None:
    records = hf_json.parse(daily_text(), DAILY.name).records
    first = records[0]
    assert first.title == (
        "On the Limits of LLM Adaptability: Impact of Model-Internalized "
        "Priors on Annotation Task Performance"
    )
    assert first.authors == ("Etienne Casanova", "Rafal Kocielnik", "R. Michael Alvarez")
    # paper.publishedAt, not the daily entry's (which is 2026-05-29T20:00 in another zone).
    assert (first.date, first.year) == ("2026-05-30", 2026)
    assert '("decision stickiness")' in first.abstract  # escaped quotes decoded
    assert first.links.hf == "https://huggingface.co/papers/2606.00467"
    assert first.links.code is None and first.links.abs is None
    assert first.suggested_tags[:3] == (
        "zero-shot annotation",
        "LLM-as-a-judge",
        "model-internalized priors",
    )
    assert len(first.suggested_tags) == 14
    assert first.doi is None and first.venue is None


def test_hidden_authors_are_kept_in_order() -> None:
    paper = by_id(hf_json.parse(daily_text(), DAILY.name).records, "2606.12575")
    assert paper.authors == (
        "Dongyang Liu",
        "Ruoyi Du",
        "David Liu",
        "Dengyang Jiang",
        "Liangchen Li",
        "Qilong Wu",
        "Zhen Li",
        "Steven C. H. Hoi",
        "Hongsheng Li",
        "Peng Gao",
    )  # Dengyang Jiang is `hidden: true` on the page


def test_code_and_project_links() -> None:
    records = hf_json.parse(daily_text(), DAILY.name).records
    assert by_id(records, "2606.13392").links.code == "https://github.com/MiniMax-AI/MSA"
    both = by_id(records, "2606.10423").links
    assert both.code == "https://github.com/jayoohwang1/webchallenger"
    assert both.project == "https://jayoohwang1.github.io/webchallenger-site/"
    # 16 githubRepo and 13 projectPage fields; the rest come from URLs in abstracts.
    assert sum(1 for r in records if r.links.code) == 17
    assert sum(1 for r in records if r.links.project) == 15
    from_abstract = by_id(records, "2606.12488").links
    assert from_abstract.code == "https://github.com/miccunifi/iamcl2r"
    assert from_abstract.project == "https://niccobiondi.github.io/projects/stationary-tpami/"
    assert all(r.links.hf == f"https://huggingface.co/papers/{r.arxiv_id}" for r in records)


def test_abstract_paragraphs_are_kept_and_lines_unwrapped() -> None:
    records = hf_json.parse(daily_text(), DAILY.name).records
    evo = by_id(records, "2606.13120").abstract
    assert "reasoning shortcuts.\n\nIn this paper, we introduce EvoBrowseComp" in evo
    for record in records:
        assert "\n" not in record.abstract.replace("\n\n", "")
        assert "  " not in record.abstract and "\n" not in record.title


def test_pretty_printed_crlf_bom_copy_gives_the_same_papers_with_real_lines() -> None:
    data = json.loads(daily_text())
    pretty = json.dumps(data, indent=2, ensure_ascii=False)
    messy = "\ufeff" + pretty.replace("\n", "\r\n")
    records = hf_json.parse(messy, "pretty.json").records
    minified = hf_json.parse(daily_text(), DAILY.name).records
    assert [r.title for r in records] == [r.title for r in minified]
    assert [r.authors for r in records] == [r.authors for r in minified]
    lines = pretty.split("\n")
    assert records[0].line == 2
    for record in records:
        assert lines[record.line - 1] == "  {"
        assert lines[record.line] == '    "paper": {'
    assert records[1].line > records[0].line


def test_search_response_bare_papers_and_one_paper_object() -> None:
    data = json.loads(daily_text())
    bare = [entry["paper"] for entry in data]
    mixed = [data[0], bare[1]]
    assert [r.arxiv_id for r in hf_json.parse(json.dumps(bare), "s.json").records] == [
        r.arxiv_id for r in hf_json.parse(daily_text(), "d.json").records
    ]
    assert [r.title for r in hf_json.parse(json.dumps(mixed), "m.json").records] == [
        bare[0]["title"],
        bare[1]["title"],
    ]
    one = hf_json.parse(json.dumps(bare[21], indent=1), "one.json")
    assert [(r.arxiv_id, r.line) for r in one.records] == [("2606.13392", 1)]
    assert one.records[0].title == "MiniMax Sparse Attention"


def test_papers_with_only_an_id_or_only_a_title_are_kept() -> None:
    text = json.dumps(
        [
            {"paper": {"id": "2606.00001v3"}},
            {"paper": {"id": "2606.00002", "title": "No Summary Here"}},
            {"paper": {"id": "not-an-id", "title": "Title Without arXiv"}},
        ]
    )
    records = hf_json.parse(text, "x.json").records
    assert [(r.title, r.arxiv_id) for r in records] == [
        ("arXiv:2606.00001", "2606.00001"),
        ("No Summary Here", "2606.00002"),
        ("Title Without arXiv", None),
    ]
    assert records[0].abstract == "" and records[2].links.hf is None


def test_unusable_entries_are_skipped_with_line_and_reason() -> None:
    text = json.dumps(
        [
            {"paper": {"upvotes": 3, "title": "  "}},
            {"paper": {"id": "garbage", "summary": "An abstract without a title."}},
            5,
            None,
            {"paper": {"id": "2606.00003", "title": "Kept"}},
        ],
        indent=2,
    )
    result = hf_json.parse(text, "x.json")
    assert [r.title for r in result.records] == ["Kept"]
    assert [(s.line, s.reason) for s in result.skipped] == [
        (2, "a paper with no arXiv id and no title"),
        (8, "id 'garbage' is not an arXiv id and the paper has no title"),
        (14, "a number where a paper object was expected"),
        (15, "null where a paper object was expected"),
    ]
    assert result.records[0].line == 16


def test_odd_value_types_do_not_break_a_paper() -> None:
    text = json.dumps(
        [
            {
                "paper": {
                    "id": 2606,
                    "title": ["not", "text"],
                    "summary": None,
                    "authors": "A. Person",
                    "publishedAt": 20260530,
                    "githubRepo": "javascript:alert(1)",
                    "projectPage": "file:///etc/passwd",
                    "ai_keywords": "not a list",
                },
                "title": "Outer Title",
                "publishedAt": "2026-13-45",
            }
        ]
    )
    result = hf_json.parse(text, "x.json")
    [record] = result.records
    assert record.title == "Outer Title"
    assert record.arxiv_id is None and record.authors == ()
    assert record.links.code is None and record.links.project is None
    assert (record.date, record.year) == ("2026", 2026)  # impossible month and day dropped
    assert record.suggested_tags == ()


def test_json_feed_sample() -> None:
    result = hf_json.parse(FEED.read_text(encoding="utf-8"), FEED.name)
    assert [r.arxiv_id for r in result.records] == ["2307.09288", "2305.18290", "2106.09685"]
    llama, dpo, lora = result.records
    assert llama.title == "Llama 2: Open Foundation and Fine-Tuned Chat Models"
    assert llama.authors == ("Hugo Touvron", "Louis Martin", "Kevin Stone")
    assert llama.links.hf == "https://huggingface.co/papers/2307.09288"
    assert llama.links.abs == "https://arxiv.org/abs/2307.09288"
    assert llama.suggested_tags == ("large language models", "RLHF", "dialogue")
    assert (llama.date, llama.year, llama.line) == ("2023-07-18", 2023, 14)
    assert dpo.title == (
        "Direct Preference Optimization: Your Language Model is Secretly a Reward Model"
    )
    assert dpo.abstract.startswith("While large-scale unsupervised language models")
    assert dpo.authors[-1] == "Chelsea Finn" and len(dpo.authors) == 6
    assert dpo.date == "2023-05-29"
    assert lora.authors == ("Edward J. Hu",)  # JSON Feed 1.0 `author`
    assert "<p>" not in lora.abstract and "weights & injects" in lora.abstract
    assert lora.links.code == "https://github.com/microsoft/LoRA"
    assert [(s.line, s.reason) for s in result.skipped] == [
        (75, "a feed item with no paper link and no title")
    ]


def test_empty_list_and_empty_feed_say_why_nothing_came_in() -> None:
    assert hf_json.parse("[]", "x.json").skipped[0].reason == "the list is empty: no papers in it"
    feed = hf_json.parse('{"version": "https://jsonfeed.org/version/1", "items": []}', "f")
    assert feed.records == [] and feed.skipped[0].reason == "the feed has no items"


@pytest.mark.parametrize(
    ("text", "line", "why"),
    [
        ('[{"paper": {"id": "2606.00001",\n "title": "x"}', 2, "ends too early"),
        ('[\n{"paper": {"id": 1}},\n{"paper" {"id": 2}}\n]', 3, "not valid JSON"),
        ("42", 1, "a number, not a list"),
        ('"text"', 1, "a string, not a list"),
        ('{"something": "else"}', 1, "without any Hugging Face paper fields"),
        ("", 1, "empty"),
        ("[" * 100000 + "]" * 100000, 1, "nested too deeply"),
        ('[{"paper": {"upvotes": ' + "9" * 5000 + "}}]", 1, "cannot be read"),
    ],
)
def test_unreadable_json_names_file_and_line(text: str, line: int, why: str) -> None:
    with pytest.raises(ParseError) as caught:
        hf_json.parse(text, "papers.json")
    assert caught.value.line == line
    assert why in caught.value.why
    assert str(caught.value).startswith(f"papers.json:{line}: ")


def test_truncated_corpus_file_reports_its_line() -> None:
    with pytest.raises(ParseError) as caught:
        hf_json.parse(daily_text()[:80000], DAILY.name)
    assert caught.value.line == 1
    assert "ends too early" in caught.value.why
    pretty = json.dumps(json.loads(daily_text()), indent=2)
    cut = pretty[: len(pretty) // 2]
    with pytest.raises(ParseError) as caught:
        hf_json.parse(cut, "pretty.json")
    assert caught.value.line == cut.count("\n") + 1


def test_detect_format_picks_hf_json_for_its_files_only() -> None:
    for path in (DAILY, FEED):
        assert detect_format(read_path(path), str(path)).name == "hf-json"
    assert detect_format(read_path(SEED), str(SEED)).name != "hf-json"


def test_sniff_is_zero_for_other_json_formats() -> None:
    others = [
        *(CORPUS / "csl-json").iterdir(),
        *(CORPUS / "scholarly-api-json").iterdir(),
        *(CORPUS / "arxiv-atom").iterdir(),
        SEED,
    ]
    for path in others:
        assert hf_json.sniff(read_path(path)[:16384]) == 0.0, path.name
    blog = '{"version": "https://jsonfeed.org/version/1.1", "items": [{"url": "https://b.log/x"}]}'
    assert hf_json.sniff(blog) < 0.3
    csl = '[{"id": "x", "type": "article", "issued": {"date-parts": [[2020]]}, "title": "T"}]'
    assert hf_json.sniff(csl) == 0.0


# --- fuzzing: only ParseError or a result may come out -------------------------------------

PAPER_KEYS = [
    "paper",
    "id",
    "title",
    "summary",
    "authors",
    "name",
    "hidden",
    "publishedAt",
    "upvotes",
    "githubRepo",
    "projectPage",
    "ai_keywords",
    "version",
    "items",
    "url",
    "content_text",
    "content_html",
    "date_published",
    "author",
    "tags",
]
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(
        [
            "2606.00467",
            "https://jsonfeed.org/version/1.1",
            "2026-05-30",
            "https://huggingface.co/papers/2606.00467",
            "http://[::1",
        ]
    ),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(PAPER_KEYS) | st.text(max_size=5), children, max_size=6)
    ),
    max_leaves=25,
)


def _parse_or_parse_error(text: str) -> None:
    try:
        result = hf_json.parse(text, "fuzz.json")
    except ParseError as exc:
        assert exc.source == "fuzz.json"
        return
    for record in result.records:
        assert record.title.strip()


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_fuzz_json_shapes(value: object) -> None:
    _parse_or_parse_error(json.dumps(value))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_fuzz_random_text(text: str) -> None:
    _parse_or_parse_error(text)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 6000), st.integers(0, 40), st.text(max_size=8))
def test_fuzz_mutated_files(start: int, length: int, insert: str) -> None:
    for source in (daily_text()[:6000], FEED.read_text(encoding="utf-8")):
        cut = min(start, len(source))
        _parse_or_parse_error(source[:cut] + insert + source[cut + length :])


def test_escaped_lone_surrogates_and_controls_are_made_visible_not_kept() -> None:
    text = '[{"paper": {"id": "2606.00001", "title": "Bad \\ud800 Title\\u0000 here"}}]'
    [record] = hf_json.parse(text, "x.json").records
    assert record.title == "Bad \ufffd Title here"
    record.title.encode("utf-8")  # storable
