from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.core.records import Links, Note
from readerapp.formats import html_export
from readerapp.formats.base import ExportContext
from readerapp.formats.registry import export_format
from tests.formats.export_samples import (
    CONTEXT,
    JS_TITLE,
    NOW,
    PAPERS,
    RTL_TITLE,
    SCRIPT_TITLE,
    SPECIALS_TITLE,
    paper,
)

TEXT = html_export.export(PAPERS, CONTEXT)
# Elements that run code, load something or send something: none may appear.
ACTIVE = {
    "script",
    "iframe",
    "frame",
    "object",
    "embed",
    "img",
    "link",
    "base",
    "form",
    "input",
    "svg",
    "math",
    "video",
    "audio",
    "source",
    "applet",
    "meta-refresh",
}
NOTE_TAGS = {"p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "h4", "h5", "h6", "a"}


class Page(HTMLParser):
    """The parsed page: tags with attributes in order, and text with its innermost element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[tuple[str, str]] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "meta"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append((self.stack[-1] if self.stack else "", data))

    def hrefs(self) -> list[str]:
        return [a["href"] or "" for t, a in self.tags if t == "a"]


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    assert not page.stack, f"unclosed: {page.stack}"
    return page


def test_registry() -> None:
    assert export_format("html").pieces is html_export.pieces
    assert export_format("html").extension == ".html"


def test_no_scripts_no_external_resources() -> None:
    page = parse(TEXT)
    names = {tag for tag, _ in page.tags}
    assert not names & ACTIVE
    for _, attrs in page.tags:
        assert not [name for name in attrs if name.startswith("on")]
        assert "src" not in attrs and "srcset" not in attrs and "style" not in attrs
    assert all(re.match(r"https?://\S+$", href) for href in page.hrefs())
    # Only the page itself: no url() in the stylesheet, no @import.
    assert "url(" not in TEXT and "@import" not in TEXT
    csp = next(
        a["content"]
        for t, a in page.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp and "default-src 'none'" in csp and "script-src" not in csp


def test_every_attribute_value_is_quoted() -> None:
    for tag in re.findall(r"<[a-zA-Z][^>]*>", TEXT):
        unquoted = re.sub(r'"[^"]*"', '""', tag)
        assert not re.search(r"\s[\w-]+=(?!\")", unquoted), tag


def test_hostile_titles_stay_text() -> None:
    page = parse(TEXT)
    titles = [data for tag, data in page.text if tag in ("h2", "a")]
    for title in (SCRIPT_TITLE, SPECIALS_TITLE, RTL_TITLE, JS_TITLE):
        assert title in titles
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Quoted&quot; &#x27;Titles&#x27;" in TEXT
    )
    assert "<script" not in TEXT.lower()


def test_only_web_links_become_links() -> None:
    page = parse(TEXT)
    hrefs = page.hrefs()
    assert not [h for h in hrefs if "javascript" in h.lower() or h.startswith("data:")]
    # A quote in a URL cannot leave the attribute: it is escaped inside it.
    assert 'href="https://example.org/paper?id=1&amp;lang=en&quot;onmouseover=&quot;x"' in TEXT
    # The javascript: title is plain text, not a link.
    entry = TEXT.split('id="paper-5"')[1].split("\n</li>")[0]
    assert "<a " not in entry and "Click [me](javascript:alert(1))" in entry


def test_reading_list_content_and_order() -> None:
    page = parse(TEXT)
    assert ("h1", "Reading queue: Week 32") in page.text
    assert ("p", "9 papers") in page.text
    h2_titles = re.findall(r'<h2 class="title" dir="auto">(?:<a [^>]*>)?(.*?)(?:</a>)?</h2>', TEXT)
    assert [html.unescape(t) for t in h2_titles] == [p.title for p in PAPERS]
    assert '<ol class="papers">' in TEXT  # a queue: numbered
    lora = TEXT.split('id="paper-1"')[1].split("\n</li>")[0]
    assert '<span class="star" title="starred">★ starred</span>' in lora
    assert '<span class="status status-read">read</span>' in lora
    assert '<span class="tag" dir="auto">peft</span>' in lora
    labels = re.findall(
        r'<a href="([^"]+)" rel="noopener noreferrer">([^<]+)</a>',
        lora.split('<p class="links">')[1].split("</p>")[0],
    )
    assert labels == [
        ("https://arxiv.org/abs/2106.09685", "arXiv"),
        ("https://arxiv.org/pdf/2106.09685", "PDF"),
        ("https://github.com/microsoft/LoRA", "Code"),
        ("https://huggingface.co/papers/2106.09685", "Hugging Face"),
        ("https://doi.org/10.48550/arxiv.2106.09685", "doi:10.48550/arxiv.2106.09685"),
    ]
    assert (
        '<details><summary>Abstract</summary><p dir="auto">An important paradigm of NLP.'
        '</p><p dir="auto">We propose LoRA, which freezes weights.</p></details>'
    ) in lora
    assert '2021-06-17 · <span class="venue" dir="auto">ICLR 2022</span>' in lora
    # An arXiv id without an arXiv link still gets one.
    specials = TEXT.split('id="paper-3"')[1].split("\n</li>")[0]
    assert (
        '<a href="https://arxiv.org/abs/2301.00001" rel="noopener noreferrer">arXiv</a>' in specials
    )


def test_unnumbered_list_and_empty_list() -> None:
    text = html_export.export(PAPERS[:1], ExportContext(title="Starred papers"))
    assert (
        '<ul class="papers">' in text and "<ol" not in text.split("<main>")[1].split("<section")[0]
    )
    assert '<p class="count">1 paper</p>' in text
    empty = html_export.export([], ExportContext(title="Nothing"))
    parse(empty)
    assert "0 papers" in empty


def test_light_dark_and_print_styles() -> None:
    assert "@media (prefers-color-scheme: dark)" in TEXT
    assert "@media print" in TEXT
    assert '<meta name="color-scheme" content="light dark">' in TEXT


def test_notes_rendered_from_markdown_safely() -> None:
    lora = TEXT.split('id="paper-1"')[1].split("\n</li>")[0]
    note = lora.split('<div class="note" dir="auto">')[1].split("</div>")[0]
    assert note == (
        "<h4>Why read</h4>\n"
        "<p>It <strong>freezes</strong> the <em>weights</em>; see <code>W + BA</code>.</p>\n"
        '<ul><li>rank 4</li><li><a href="https://github.com/microsoft/LoRA" '
        'rel="noopener noreferrer">code</a></li></ul>\n'
        "<p>&lt;script&gt;alert(2)&lt;/script&gt; [x](javascript:alert(3))</p>"
    )


def test_render_note_subset() -> None:
    render = html_export.render_note
    assert render("a\nb\n\nc") == "<p>a<br>\nb</p>\n<p>c</p>"
    assert render("1. one\n2. two\n- three") == (
        "<ol><li>one</li><li>two</li></ol>\n<ul><li>three</li></ul>"
    )
    assert render("```\n<b>x</b> **y**\n```") == (
        "<pre><code>&lt;b&gt;x&lt;/b&gt; **y**</code></pre>"
    )
    assert render("see https://e.org/x?a=1&b=2.") == (
        '<p>see <a href="https://e.org/x?a=1&amp;b=2" rel="noopener noreferrer">'
        "https://e.org/x?a=1&amp;b=2</a>.</p>"
    )
    assert render("[a](data:text/html,x) [b](//evil.example) [c](https://ok.example)") == (
        '<p>[a](data:text/html,x) [b](//evil.example) <a href="https://ok.example" '
        'rel="noopener noreferrer">c</a></p>'
    )
    assert render('`<img src=x onerror="alert(1)">`') == (
        "<p><code>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</code></p>"
    )
    assert render("**bold *and italic***") == "<p><strong>bold *and italic</strong>*</p>"
    assert render("2 * 3 * 4 and snake_case") == "<p>2 * 3 * 4 and snake_case</p>"
    assert render("####### seven") == "<p>####### seven</p>"
    assert render("<!-- comment --> &amp; &#60;") == (
        "<p>&lt;!-- comment --&gt; &amp;amp; &amp;#60;</p>"
    )


def test_rtl_and_bidi_text_is_isolated() -> None:
    text = html_export.export(
        [paper(1, "abc\u202edcba", authors=("محمد علي",), notes=(Note(1, "ملاحظة", NOW, NOW),))],
        CONTEXT,
    )
    assert '<h2 class="title" dir="auto">abc\u202edcba</h2>' in text
    assert '<p class="authors" dir="auto">محمد علي</p>' in text
    assert '<div class="note" dir="auto"><p>ملاحظة</p></div>' in text


@settings(max_examples=150, deadline=None)
@given(
    title=st.text(max_size=60),
    note=st.text(max_size=200),
    url=st.text(alphabet="abcdefghij:/<>\"' &;()[]javascript", max_size=40),
)
def test_fuzzed_fields_never_make_markup(title: str, note: str, url: str) -> None:
    text = html_export.export(
        [
            paper(
                1,
                title,
                abstract=note,
                venue=title,
                tags=(title,),
                links=Links(abs=url, code="https://" + url),
                notes=(Note(1, note, NOW, NOW),),
            )
        ],
        ExportContext(title=title),
    )
    page = parse(text)
    assert not {t for t, _ in page.tags} & ACTIVE
    assert all(re.match(r"https?://", h) for h in page.hrefs())
    body_tags = {t for t, _ in page.tags}
    assert body_tags <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "p",
        "main",
        "ol",
        "li",
        "h2",
        "span",
        "details",
        "summary",
        "section",
        "h3",
        "div",
        "footer",
        *NOTE_TAGS,
    }
    for _, attrs in page.tags:
        assert not [name for name in attrs if name.startswith("on")]
