from __future__ import annotations

import pytest

from readerapp.core.errors import ParseError
from readerapp.formats import wos_tagged
from readerapp.formats.registry import detect_format
from readerapp.formats.text_input import read_path
from tests.conftest import CORPUS, DATA, SEED

SAMPLE = DATA / "wos_tagged_sample.txt"
MESSAGE = "this is Web of Science tagged text, not RIS; export RIS from Web of Science instead"


def sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def test_sample_is_real_wos_tagged_layout() -> None:
    lines = sample().split("\n")
    assert lines[:3] == ["FN Clarivate Analytics Web of Science", "VR 1.0", "PT J"]
    assert lines.count("ER") == 3 and "EF" in lines


@pytest.mark.parametrize("name", ["savedrecs.txt", "export.ris", "clipboard"])
def test_registry_picks_wos_tagged_and_its_parse_refuses(name: str) -> None:
    fmt = detect_format(sample(), name)
    assert fmt.name == "wos-tagged"
    with pytest.raises(ParseError) as caught:
        fmt.parse(sample(), name)
    assert (caught.value.line, caught.value.why) == (1, MESSAGE)
    assert str(caught.value) == f"{name}:1: {MESSAGE}"


def test_recognised_with_bom_crlf_and_without_the_header() -> None:
    assert wos_tagged.sniff("\ufeff" + sample().replace("\n", "\r\n")) > 0.9
    headerless = sample().split("\n", 2)[2]
    assert headerless.startswith("PT J\n")
    assert wos_tagged.sniff(headerless) > 0.9
    assert detect_format(headerless, "savedrecs.txt").name == "wos-tagged"


def test_not_claimed_for_ris_medline_json_or_the_seed() -> None:
    paths = [*(CORPUS / "ris").glob("*.ris"), *(CORPUS / "csl-json").glob("*.json"), SEED]
    for path in paths:
        assert wos_tagged.sniff(read_path(path)[:16384]) == 0.0, path.name
    assert wos_tagged.sniff("PT J\nnothing else here\n") == 0.0
