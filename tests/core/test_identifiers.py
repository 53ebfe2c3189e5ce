"""What people paste to name a paper, in every form seen in the wild, and what is refused."""

from __future__ import annotations

import pytest

from readerapp.core.identifiers import Identifier, parse_identifier, split_identifiers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2106.09685", Identifier("arxiv", "2106.09685")),
        ("2106.09685v2", Identifier("arxiv", "2106.09685")),
        ("arXiv:2106.09685", Identifier("arxiv", "2106.09685")),
        ("arxiv: 2106.09685v3", Identifier("arxiv", "2106.09685")),
        ("hep-th/9901001", Identifier("arxiv", "hep-th/9901001")),
        ("https://arxiv.org/abs/2106.09685v2", Identifier("arxiv", "2106.09685")),
        ("https://arxiv.org/pdf/2106.09685.pdf", Identifier("arxiv", "2106.09685")),
        ("https://arxiv.org/pdf/2106.09685v1", Identifier("arxiv", "2106.09685")),
        ("http://arxiv.org/abs/hep-th/9901001", Identifier("arxiv", "hep-th/9901001")),
        ("https://huggingface.co/papers/2401.04088", Identifier("arxiv", "2401.04088")),
        ("https://huggingface.co/papers/2401.04088?x=1", Identifier("arxiv", "2401.04088")),
        ("<2106.09685>.", Identifier("arxiv", "2106.09685")),
        ("10.1145/3442188.3445922", Identifier("doi", "10.1145/3442188.3445922")),
        ("doi:10.1145/3442188.3445922", Identifier("doi", "10.1145/3442188.3445922")),
        ("https://doi.org/10.1145/3442188.3445922", Identifier("doi", "10.1145/3442188.3445922")),
        ("https://dx.doi.org/10.1038/NATURE14539", Identifier("doi", "10.1038/nature14539")),
        # arXiv's own DataCite DOI is the arXiv paper, so both spellings are one identifier.
        ("10.48550/arXiv.2106.09685", Identifier("arxiv", "2106.09685")),
        ("https://example.org/paper/2106.09685", None),
        ("see 2106.09685 here", None),
        ("21060.9685", None),
        ("", None),
        ("   ", None),
        ("doi:", None),
        ("hello", None),
    ],
)
def test_parse_identifier(text: str, expected: Identifier | None) -> None:
    assert parse_identifier(text) == expected


def test_an_identifier_prints_as_people_write_it() -> None:
    assert str(Identifier("arxiv", "2106.09685")) == "arXiv:2106.09685"
    assert str(Identifier("doi", "10.1/x")) == "doi:10.1/x"


def test_split_keeps_order_drops_repeats_and_returns_the_rest() -> None:
    text = (
        "2106.09685v2, arXiv:2106.09685\n"
        "https://doi.org/10.1145/3442188.3445922; not-an-id\thep-th/9901001  ,,"
    )
    found, bad = split_identifiers(text)
    assert found == [
        Identifier("arxiv", "2106.09685"),
        Identifier("doi", "10.1145/3442188.3445922"),
        Identifier("arxiv", "hep-th/9901001"),
    ]
    assert bad == ["not-an-id"]


def test_split_of_nothing_is_empty() -> None:
    assert split_identifiers(" \n ,") == ([], [])
