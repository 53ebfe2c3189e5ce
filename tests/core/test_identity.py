from __future__ import annotations

import pytest

from readerapp.core.identity import find_arxiv_ids, normalize_doi, parse_arxiv_id, title_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2308.01234", "2308.01234"),
        ("2308.01234v3", "2308.01234"),
        ("arXiv:2106.09685v2", "2106.09685"),
        ("https://arxiv.org/abs/2106.09685v2", "2106.09685"),
        ("https://arxiv.org/pdf/2106.09685v2.pdf", "2106.09685"),
        ("http://arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001"),
        ("math.GT/0309136", "math.GT/0309136"),
        ("0704.0001", "0704.0001"),
        ("1501.00001", "1501.00001"),
        ("2305.00000", None),  # number zero is never issued
        ("2313.01234", None),  # month 13
        ("1501.0001", None),  # four digits ended in 2014
        ("not an id", None),
        ("", None),
    ],
)
def test_parse_arxiv_id(text: str, expected: str | None) -> None:
    assert parse_arxiv_id(text) == expected


def test_find_arxiv_ids_in_text_keeps_order_and_drops_repeats() -> None:
    text = (
        "[LoRA](https://arxiv.org/abs/2106.09685v2), see arXiv:1706.03762 and "
        "https://arxiv.org/pdf/2106.09685"
    )
    assert find_arxiv_ids(text) == ["2106.09685", "1706.03762"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.1145/3292500.3330701", "10.1145/3292500.3330701"),
        ("https://doi.org/10.1145/ABC.123.", "10.1145/abc.123"),
        ("http://dx.doi.org/10.1000/XYZ", "10.1000/xyz"),
        ("doi: 10.1000/xyz", "10.1000/xyz"),
        ("no doi here", None),
        (None, None),
    ],
)
def test_normalize_doi(text: str | None, expected: str | None) -> None:
    assert normalize_doi(text) == expected


def test_title_key_folds_case_accents_latex_and_punctuation() -> None:
    assert title_key(r"Sch{\"o}rmann: {BERT} -- Pre-Training!") == "schormann bert pre training"
    assert title_key("Schörmann: BERT — pre-training") == "schormann bert pre training"
    assert title_key(r"Mart{\'{\i}}n and {\v{C}}apkun") == "martin and capkun"
    assert title_key("  Spaces\tand\nlines ") == "spaces and lines"
