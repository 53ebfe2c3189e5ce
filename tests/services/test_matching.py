"""A title look-up is applied only when it is surely the same paper."""

from __future__ import annotations

import pytest

from readerapp.core.records import PaperRecord
from readerapp.services.matching import Known, family_name, judge

pytestmark = pytest.mark.no_library  # no library: the PostgreSQL pass leaves it out

ATTENTION = Known("Attention Is All You Need", 2017, ("Ashish Vaswani", "Noam Shazeer"))


def test_the_same_title_year_and_first_author_is_the_same_paper() -> None:
    record = PaperRecord("Attention is all you need.", year=2017, authors=("Vaswani, Ashish",))
    assert judge(ATTENTION, record).verdict == "same"


def test_what_one_side_does_not_know_does_not_count_against_it() -> None:
    assert (
        judge(
            Known("Attention Is All You Need", None, ()), PaperRecord("ATTENTION is all you need")
        ).verdict
        == "same"
    )


def test_a_different_year_or_first_author_makes_a_candidate_with_the_reason() -> None:
    later = judge(ATTENTION, PaperRecord("Attention Is All You Need", year=2023))
    assert later.verdict == "candidate"
    assert "2017 here, 2023 there" in later.why
    other = judge(ATTENTION, PaperRecord("Attention Is All You Need", authors=("J. Smith",)))
    assert other.verdict == "candidate"
    assert "first author" in other.why


def test_a_slightly_different_title_is_a_candidate() -> None:
    record = PaperRecord("Attention Is Almost All You Need", year=2017)
    assert judge(ATTENTION, record).verdict == "candidate"


def test_crossrefs_confident_wrong_match_is_dropped() -> None:
    # The top hit Crossref really returned for this title (tests/data/api/crossref/
    # paperqa_works_query.title_attention_is_all_you_need_wrong_match.json).
    record = PaperRecord("Self-Attention with Relative Position Representations", year=2018)
    assert judge(ATTENTION, record).verdict == "different"


def test_family_names_fold_case_accents_and_order() -> None:
    assert family_name("Wübben, Dirk") == family_name("D. Wubben") == "wubben"
    assert family_name("") == ""
