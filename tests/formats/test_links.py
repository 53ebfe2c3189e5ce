from __future__ import annotations

from readerapp.core.records import Links
from readerapp.formats.links import (
    is_web_url,
    links_from_text,
    links_from_urls,
    page_kind,
    split_url,
    url_host,
    web_url,
)


def test_web_url_only_accepts_http() -> None:
    assert web_url(" https://github.com/a/b. ") == "https://github.com/a/b"
    for bad in (
        "javascript:alert(1)",
        "file:///etc/passwd",
        "http://[::1",
        "http://a b",
        "http://a\x00b",
        "",
        None,
    ):
        assert web_url(bad) is None


def test_malformed_urls_never_raise() -> None:
    assert split_url("http://[::1") is None
    assert url_host("http://[::1/x") == "" and not is_web_url("http://[::1")
    assert url_host("https://WWW.Example.org/x") == "example.org"
    assert links_from_text("see http://[::1 and https://github.com/a/b") == Links(
        code="https://github.com/a/b"
    )


def test_a_file_named_in_a_comment_is_not_the_project_page() -> None:
    comment = (
        "12 pages; figures at http://www.example.edu/~a/figs.ps.gz; "
        "data: https://example.org/data.tar.gz; see https://example.org/project/ for more"
    )
    assert links_from_text(comment) == Links(project="https://example.org/project/")
    assert links_from_text("only http://www.example.edu/~a/figs.ps.gz") == Links()


def test_page_kind() -> None:
    assert [
        page_kind(url)
        for url in (
            "https://github.com/a/b",
            "https://arxiv.org/abs/2106.09685",
            "https://arxiv.org/pdf/2106.09685",
            "https://huggingface.co/papers/2106.09685",
            "https://huggingface.co/spaces/a/b",
            "https://example.org/paper.PDF",
            "https://example.org/article/1",
        )
    ] == ["code", "abs", "pdf", "hf", "project", "pdf", "abs"]


def test_links_from_urls_prefers_arxiv_and_names_its_id() -> None:
    links, arxiv_id = links_from_urls(
        [
            "https://publisher.example/article/1",
            "ftp://x.example/a",
            "https://github.com/a/b",
            "https://arxiv.org/abs/2106.09685v2.",
            "https://huggingface.co/papers/2106.09685",
        ]
    )
    assert arxiv_id == "2106.09685"
    assert links == Links(
        abs="https://arxiv.org/abs/2106.09685v2",
        code="https://github.com/a/b",
        hf="https://huggingface.co/papers/2106.09685",
    )
