from __future__ import annotations

import pytest

from readerapp.core.records import Links
from readerapp.formats.export_fields import (
    PersonName,
    ascii_fold,
    citation_keys,
    landing_url,
    primary_class,
    split_name,
    venue_kind,
    web_links,
)
from tests.formats.export_samples import PAPERS, paper


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Edward J. Hu", PersonName(family="Hu", given="Edward J.")),
        ("Ludwig van Beethoven", PersonName(family="Beethoven", given="Ludwig", particle="van")),
        ("Ana de la Cruz", PersonName(family="Cruz", given="Ana", particle="de la")),
        ("van Gogh", PersonName(family="Gogh", particle="van")),
        ("Martin Luther King, Jr.", PersonName(family="King", given="Martin Luther", suffix="Jr.")),
        ("Martin Luther King Jr.", PersonName(family="King", given="Martin Luther", suffix="Jr.")),
        ("OpenAI", PersonName(family="OpenAI", literal=True)),
        ("Google, Inc.", PersonName(family="Google, Inc.", literal=True)),
        (
            "Research and Development Team",
            PersonName(family="Research and Development Team", literal=True),
        ),
        ("  Wei   Zhang ", PersonName(family="Zhang", given="Wei")),
        ("محمد علي", PersonName(family="علي", given="محمد")),
    ],
)
def test_split_name(name: str, expected: PersonName) -> None:
    assert split_name(name) == expected


def test_ascii_fold() -> None:
    assert ascii_fold("Schörmann") == "schormann"
    assert ascii_fold("Ødegaard") == "odegaard"
    assert ascii_fold("Straße") == "strasse"
    assert ascii_fold("张伟") == ""


def test_citation_keys_for_the_samples() -> None:
    assert citation_keys(PAPERS) == [
        "hu2021lora",
        "odegaard2024script",
        "zhang2023sets",
        "anon2023",
        "anonclick",
        "devlin2018bert",
        "qin2023swinface",
        "qin2023swinfacea",
        "witten1999string",
    ]


def test_citation_keys_example_from_the_issue() -> None:
    swin = paper(1, "SwinFace: A Multi-task Transformer", authors=("Ting Zhang",), year=2024)
    assert citation_keys([swin]) == ["zhang2024swinface"]


def test_clashing_keys_get_suffixes_deterministically() -> None:
    same = [paper(i, "The Same Title", authors=("Ann Lee",), year=2020) for i in range(30)]
    keys = citation_keys(same)
    assert keys[:4] == ["lee2020same", "lee2020samea", "lee2020sameb", "lee2020samec"]
    assert keys[26:] == ["lee2020samez", "lee2020sameaa", "lee2020sameab", "lee2020sameac"]
    assert len(set(keys)) == 30
    assert citation_keys(same) == keys


def test_keys_stay_unique_when_a_base_looks_suffixed() -> None:
    # The third paper's own base is the second paper's suffixed key.
    papers = [
        paper(1, "Same", authors=("Ann Lee",), year=2020),
        paper(2, "Same", authors=("Ann Lee",), year=2020),
        paper(3, "Samea", authors=("Ann Lee",), year=2020),
    ]
    keys = citation_keys(papers)
    assert keys == ["lee2020same", "lee2020samea", "lee2020sameaa"]
    # A key depends only on the papers before it: a preview of the first ones agrees.
    assert citation_keys(papers[:2]) == keys[:2]


def test_keys_start_with_a_letter() -> None:
    (key,) = citation_keys([paper(1, "3D Gaussians", year=2023)])
    assert key == "anon20233d"
    (key,) = citation_keys([paper(1, "!!!")])
    assert key == "anon"


@pytest.mark.parametrize(
    ("venue", "arxiv_id", "kind"),
    [
        (None, "2106.09685", "preprint"),
        ("arXiv", "2106.09685", "preprint"),
        ("arXiv preprint arXiv:2106.09685", None, "preprint"),
        ("CoRR", None, "preprint"),
        (None, None, "other"),
        ("ICLR 2022", None, "conference"),
        ("Advances in Neural Information Processing Systems", None, "conference"),
        ("Proceedings of the IEEE/CVF Conference on Computer Vision", None, "conference"),
        ("Findings of ACL 2023", None, "conference"),
        ("Proceedings of the IEEE", None, "journal"),
        ("Proceedings of the National Academy of Sciences", None, "journal"),
        ("Nature Machine Intelligence", None, "journal"),
        ("IEEE Transactions on Pattern Analysis and Machine Intelligence", None, "journal"),
        ("J. Mach. Learn. Res.", None, "journal"),
        ("Technical report, Example Lab", None, "other"),
    ],
)
def test_venue_kind(venue: str | None, arxiv_id: str | None, kind: str) -> None:
    assert venue_kind(paper(1, "T", venue=venue, arxiv_id=arxiv_id)) == kind


def test_primary_class_only_from_the_first_suggestion() -> None:
    assert primary_class(PAPERS[0]) == "cs.CL"
    assert (
        primary_class(
            paper(1, "T", arxiv_id="2101.00001", suggested_tags=("transformers", "cs.CL"))
        )
        is None
    )
    assert primary_class(paper(1, "T", suggested_tags=("cs.CL",))) is None  # not on arXiv


def test_links_are_web_only() -> None:
    lora, _, specials, _, js = PAPERS[:5]
    assert "javascript:alert(1)" not in web_links(lora)
    assert web_links(specials) == ["https://arxiv.org/abs/2301.00001"]  # data: PDF dropped
    assert web_links(js) == [] and landing_url(js) is None
    assert landing_url(lora) == "https://arxiv.org/abs/2106.09685"
    # Project pages stay out: importers would read one back as the paper's own page.
    site = paper(
        1,
        "T",
        links=Links(
            project="https://site.example",
            code="https://github.com/a/b",
            hf="https://huggingface.co/papers/2101.00001",
        ),
    )
    assert web_links(site) == ["https://huggingface.co/papers/2101.00001", "https://github.com/a/b"]
    assert landing_url(site) == "https://huggingface.co/papers/2101.00001"
    assert landing_url(paper(1, "T", links=Links(project="https://site.example"))) is None
    # With an arXiv id, arXiv's page comes before a Hugging Face page.
    hf = paper(1, "T", arxiv_id="2101.00001", links=Links(hf="https://huggingface.co/papers/x"))
    assert landing_url(hf) == "https://arxiv.org/abs/2101.00001"
    assert web_links(hf) == ["https://arxiv.org/abs/2101.00001", "https://huggingface.co/papers/x"]
