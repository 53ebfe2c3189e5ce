from __future__ import annotations

import pytest

from readerapp.core.records import PaperRecord
from readerapp.formats.base import SkippedEntry
from readerapp.formats.record_fields import (
    author_names,
    best_date,
    build_record,
    clean_abstract,
    clean_text,
    clean_title,
    fallback_title,
    find_year,
    iso_date,
    loose_date,
    natural_name,
    timestamp_date,
    unique,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Vaswani, Ashish", "Ashish Vaswani"),
        ("Ashish  Vaswani", "Ashish Vaswani"),
        ("John Smith, Jr.", "John Smith, Jr."),
        ("Smith, Jr., John", "John Smith, Jr."),
        ("Smith, John, Jr.", "John Smith, Jr."),  # RIS: "Family, Given, Suffix"
        ("King, Jr., Martin Luther", "Martin Luther King, Jr."),
        ("Griffin, Darren K", "Darren K Griffin"),
        ("Vapnik, V.", "V. Vapnik"),  # an initial, not "the fifth"
        ("Smith,", "Smith"),
        ("Doe,\x07 Jane", "Jane Doe"),
        ("", ""),
    ],
)
def test_natural_name(name: str, expected: str) -> None:
    assert natural_name(name) == expected


def test_author_names_keep_order_and_namesakes() -> None:
    assert author_names(["Wei Zhang", " ", "Li, Ming", "Wei Zhang"]) == (
        "Wei Zhang",
        "Ming Li",
        "Wei Zhang",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-05-30T00:00:00.000Z", (2026, "2026-05-30")),
        ("2026-05-29T20:00:00-04:00", (2026, "2026-05-29")),  # as written, not UTC
        ("2021-08", (2021, "2021-08")),
        ("2021", (2021, "2021")),
        ("2021/6/7", (2021, "2021-06-07")),
        ("2021-06-17 10:00:00", (2021, "2021-06-17")),
        ("2023-02-30", (2023, "2023-02")),
        ("2023-13-01", (2023, "2023")),
        ("Tue, 18 Jul 2023 10:00:00 GMT", (2023, "2023-07-18")),
        ("0000-01-01", (None, None)),
        ("9999-01-01", (None, None)),
        ("20260530", (None, None)),
        ("soon", (None, None)),
        ("", (None, None)),
    ],
)
def test_timestamp_date(text: str, expected: tuple[int | None, str | None]) -> None:
    assert timestamp_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021/02/04", (2021, 2, 4)),
        ("2024///", (2024, None, None)),
        ("20190325", (2019, 3, 25)),
        ("2020 Feb", (2020, 2, None)),
        ("SEP 22", (None, 9, 22)),
        ("2018 Dec 1", (2018, 12, 1)),
        ("2020 Jan-Feb", (2020, None, None)),
        ("2019 Spring", (2019, None, None)),
    ],
)
def test_loose_date(text: str, expected: tuple[int | None, int | None, int | None]) -> None:
    assert loose_date(text) == expected


def test_iso_date_years_and_best_date() -> None:
    assert iso_date(2020, 2, 30) == "2020-02" and iso_date(2020, 0, 1) == "2020"
    assert iso_date(999) is None and iso_date(2101) is None
    assert (find_year("2022.0"), find_year("c. 1998"), find_year("12345")) == (2022, 1998, None)
    # A date from another year than the one given (online first) shrinks to the year.
    assert best_date(2020, [(2019, 12, 1)]) == (2020, "2020")
    assert best_date(2020, [(None, 9, 22)]) == (2020, "2020-09-22")
    assert best_date(None, [(2020, 2, None), (2020, 2, 15)]) == (2020, "2020-02-15")


def test_text_titles_and_abstracts() -> None:
    assert clean_text("Bad\x00 \x1b[31mtitle\u202e \ud800 here") == "Bad [31mtitle \ufffd here"
    assert clean_title("The {BERT} Model\n  for $O(n^{2})$ {{Things}}") == (
        "The BERT Model for $O(n^{2})$ Things"
    )
    assert clean_title("The <i>in vivo</i> case of \\emph{x} and $a<b>c$") == (
        "The in vivo case of \\emph{x} and $a<b>c$"
    )
    text = "  First line\nwrapped here.\n  Second paragraph\n\n\nThird\tone.\n"
    assert clean_abstract(text) == "First line wrapped here.\n\nSecond paragraph\n\nThird one."
    # In BibTeX an indent is only layout: paragraphs end at blank lines.
    assert clean_abstract(text, indented_paragraphs=False) == (
        "First line wrapped here. Second paragraph\n\nThird one."
    )
    assert clean_abstract("A <sub>2</sub> case.\r\n\r\nNext") == "A 2 case.\n\nNext"


def test_unique() -> None:
    assert unique(["cs.LG", " cs.lg ", "", "Vision\n Models", "cs.CV"]) == (
        "cs.LG",
        "Vision Models",
        "cs.CV",
    )
    assert unique(["Wei Zhang", "wei zhang", "Wei Zhang"], fold=False) == ("Wei Zhang", "wei zhang")


def test_fallback_title_and_build_record() -> None:
    assert fallback_title("((( )))", "2106.09685", None) == "arXiv:2106.09685"
    assert fallback_title("", None, "10.1/x") == "doi:10.1/x"
    assert fallback_title("", None, None) is None
    assert build_record(title="((( )))", line=3, kind="RIS record") == SkippedEntry(
        3, "RIS record has a title without letters ('((( )))') and no arXiv id or DOI"
    )
    assert build_record(title="", line=4, unnamed="nothing here") == SkippedEntry(4, "nothing here")
    record = build_record(
        title=" A {Title}\n",
        line=1,
        authors=[" Ann  Lee ", ""],
        year=9999,
        venue="  ",
        suggested_tags=["x", "X", " "],
    )
    assert record == PaperRecord(
        title="A Title", authors=("Ann Lee",), suggested_tags=("x",), line=1
    )
