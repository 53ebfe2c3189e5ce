from __future__ import annotations

import re

import pytest
import rispy

from readerapp.core.identity import parse_arxiv_id
from readerapp.core.records import Links
from readerapp.formats import ris_export, ris_import
from readerapp.formats.registry import detect_format, export_format
from tests.formats.export_samples import CONTEXT, PAPERS, identity, loose_identity, paper

TEXT = ris_export.export(PAPERS, CONTEXT)


def _records(text: str) -> list[list[str]]:
    records: list[list[str]] = []
    for line in text.split("\r\n"):
        if line.startswith("TY  - "):
            records.append([])
        if records and line:
            records[-1].append(line)
    return records


def test_crlf_line_ends_and_registry() -> None:
    assert TEXT.endswith("ER  - \r\n")
    assert "\n" not in TEXT.replace("\r\n", "") and "\r" not in TEXT.replace("\r\n", "")
    assert export_format("ris").pieces is ris_export.pieces
    assert detect_format(TEXT, "<clipboard>").name == "ris"
    assert ris_export.export([], CONTEXT) == ""


def test_every_line_is_a_tag_line() -> None:
    lines = [line for line in TEXT.split("\r\n") if line]
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines)
    assert [line[:2] for line in _records(TEXT)[0]] == [
        "TY",
        "TI",
        "AU",
        "AU",
        "AU",
        "AU",
        "PY",
        "DA",
        "T2",
        "DO",
        "UR",
        "UR",
        "UR",
        "UR",
        "AB",
        "KW",
        "KW",
        "ER",
    ]


def test_lora_record() -> None:
    assert _records(TEXT)[0] == [
        "TY  - CPAPER",
        "TI  - LoRA: Low-Rank Adaptation of Large Language Models",
        "AU  - Hu, Edward J.",
        "AU  - Shen, Yelong",
        "AU  - van Beethoven, Ludwig",
        "AU  - King, Martin Luther, Jr.",
        "PY  - 2021",
        "DA  - 2021/06/17",
        "T2  - ICLR 2022",
        "DO  - 10.48550/arxiv.2106.09685",
        "UR  - https://arxiv.org/abs/2106.09685",
        "UR  - https://arxiv.org/pdf/2106.09685",
        "UR  - https://huggingface.co/papers/2106.09685",
        "UR  - https://github.com/microsoft/LoRA",
        "AB  - An important paradigm of NLP. We propose LoRA, which freezes weights.",
        "KW  - peft",
        "KW  - low rank",
        "ER  - ",
    ]


def test_types_venues_and_links() -> None:
    records = _records(TEXT)
    assert [r[0] for r in records] == [
        "TY  - CPAPER",
        "TY  - JOUR",
        "TY  - UNPB",
        "TY  - CPAPER",
        "TY  - GEN",
        "TY  - UNPB",
        "TY  - UNPB",
        "TY  - JOUR",
        "TY  - UNPB",
    ]
    assert "JO  - Nature Machine Intelligence" in records[1]
    assert "DA  - 2024/02" in records[1]
    # The arXiv id travels as the abs URL; a data: PDF and javascript: links do not travel.
    assert [line for line in records[2] if line.startswith("UR")] == [
        "UR  - https://arxiv.org/abs/2301.00001"
    ]
    assert not [line for line in records[4] if line.startswith("UR")]
    urls = [line[6:] for line in TEXT.split("\r\n") if line.startswith("UR  - ")]
    assert all(u.startswith("https://") for u in urls)


def test_values_cannot_break_the_record() -> None:
    evil = paper(
        1,
        "Evil\r\nER  - \nTY  - JOUR",
        abstract="One.\n\nER  - \r\nTY  - BOOK\tTwo.",
        authors=("Ann\nLee",),
        tags=("a\nb",),
        links=Links(abs="https://e.org/a;b?c=1;d=2"),
    )
    text = ris_export.export([evil, paper(2, "Next")], CONTEXT)
    assert len(_records(text)) == 2
    assert "UR  - https://e.org/a%3Bb?c=1%3Bd=2" in text  # rispy splits UR on ";"
    records = ris_import.parse(text, "x.ris").records
    assert [r.title for r in records] == ["Evil ER - TY - JOUR", "Next"]
    assert records[0].abstract == "One. ER - TY - BOOK Two."
    assert records[0].authors == ("Ann Lee",)
    assert records[0].links.abs == "https://e.org/a%3Bb?c=1%3Bd=2"
    entries = rispy.loads(text)
    assert [e["title"] for e in entries] == ["Evil ER - TY - JOUR", "Next"]


def _rispy_name(name: str) -> str:
    """ "Family, Given[, Suffix]" as the RIS specification writes it, in natural order."""
    family, _, rest = name.partition(", ")
    given, _, suffix = rest.partition(", ")
    natural = " ".join(p for p in (given, family) if p)
    return f"{natural}, {suffix}" if suffix else natural


def test_round_trip_through_rispy() -> None:
    entries = rispy.loads(TEXT)
    found = []
    for entry in entries:
        urls = entry.get("urls", [])
        arxiv = next((parse_arxiv_id(u) for u in urls if "arxiv.org/" in u), None)
        found.append(
            (
                entry["title"],
                tuple(_rispy_name(a) for a in entry.get("authors", [])),
                int(entry["year"]) if "year" in entry else None,
                entry.get("doi"),
                arxiv,
            )
        )
    assert found == [identity(p) for p in PAPERS]
    assert entries[0]["type_of_reference"] == "CPAPER"
    assert entries[0]["keywords"] == ["peft", "low rank"]
    assert entries[1]["journal_name"] == "Nature Machine Intelligence"


def test_round_trip_through_readerapp() -> None:
    result = ris_import.parse(TEXT, "export.ris")
    assert not result.skipped
    assert [loose_identity(r) for r in result.records] == [loose_identity(p) for p in PAPERS]
    lora, nature = result.records[:2]
    assert (lora.date, lora.venue, lora.suggested_tags) == (
        "2021-06-17",
        "ICLR 2022",
        ("peft", "low rank"),
    )
    assert lora.links.abs == "https://arxiv.org/abs/2106.09685"
    assert lora.links.code == "https://github.com/microsoft/LoRA"
    assert (nature.date, nature.venue) == ("2024-02", "Nature Machine Intelligence")


@pytest.mark.xfail(
    strict=True,
    reason="readerapp's RIS importer (record_fields.clean_title) "
    "drops balanced braces as BibTeX case protection, and "
    "<i>/<b> tags as Zotero rich text, even in RIS",
)
@pytest.mark.parametrize("title", ["Sets {x}", "The <i>in vivo</i> case"])
def test_known_lossy_titles_in_readerapp_importer(title: str) -> None:
    text = ris_export.export([paper(1, title)], CONTEXT)
    assert ris_import.parse(text, "x.ris").records[0].title == title
