"""Everything about URLs: finding them in text, checking them, and sorting them into Links.

Nothing here raises on malformed URLs: `urlsplit` refuses some hosts ("http://[::1", a bad
IPv6 literal), and `split_url` turns that into None once for every caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import SplitResult, urlsplit

from readerapp.core.identity import parse_arxiv_id
from readerapp.core.records import Links

_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\""
_PAIRS = {")": "(", "]": "[", "}": "{"}
# Whitespace, control characters and lone surrogates never stand inside a usable URL.
_NOT_IN_URL = re.compile(r"[\s\x00-\x1f\x7f\ud800-\udfff]")
CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "sourceforge.net")
HF_HOST = "huggingface.co"


def split_url(url: str) -> SplitResult | None:
    """urlsplit that answers None instead of raising on text like "http://[::1" (bad IPv6)."""
    try:
        parts = urlsplit(url.strip())
        parts.hostname  # noqa: B018 - the host is parsed lazily and can raise here
    except ValueError:
        return None
    return parts


def url_host(url: str) -> str:
    """The host without `www.`, lower case; "" when there is none or it cannot be read."""
    parts = split_url(url)
    return (parts.hostname or "").lower().removeprefix("www.") if parts else ""


def url_path(url: str) -> str:
    """The path of a URL; "" when it cannot be read."""
    parts = split_url(url)
    return parts.path if parts else ""


def clean_url(url: str) -> str:
    """Trim punctuation that ends the sentence, not the URL; keep balanced brackets."""
    while url:
        last = url[-1]
        if last in _TRAILING or (last in _PAIRS and url.count(_PAIRS[last]) < url.count(last)):
            url = url[:-1]
        else:
            break
    return url


def find_urls(text: str) -> list[str]:
    if "://" not in text:
        return []  # most abstracts: the case-insensitive scan costs more than this test
    urls: list[str] = []
    for match in _URL.finditer(text):
        url = clean_url(match.group(0))
        if url_host(url) and url not in urls:
            urls.append(url)
    return urls


def is_web_url(url: str | None) -> bool:
    """Only http(s) links are ever opened or exported as links."""
    if not url:
        return False
    parts = split_url(url)
    return parts is not None and parts.scheme in ("http", "https") and bool(parts.hostname)


def web_url(text: str | None) -> str | None:
    """A field that holds one http(s) URL, trimmed; None for anything else (javascript:,
    file:, text with spaces, junk)."""
    url = clean_url((text or "").strip())
    if not url or _NOT_IN_URL.search(url):
        return None
    return url if is_web_url(url) else None


def is_hf_paper_url(url: str) -> bool:
    """A Hugging Face paper page, huggingface.co/papers/<arXiv id>."""
    return url_host(url) == HF_HOST and url_path(url).startswith("/papers/")


def classify(url: str) -> str:
    """What a URL met in a text points to: code, arXiv's abs or pdf page, or a project."""
    host = url_host(url)
    if any(host == h or host.endswith("." + h) for h in CODE_HOSTS):
        return "code"
    if "arxiv.org" in host:
        return "pdf" if "/pdf/" in url else "abs"
    return "project"


def page_kind(url: str) -> str:
    """What a record's own URL field points to (a Links field name).

    Code hosts give the code link, arXiv its abs/pdf pages, Hugging Face its paper page (hf)
    or a model or demo (project). Any other URL in a bibliographic record is where the paper
    lives: the PDF itself when the path ends in .pdf, else its landing (abstract) page.
    """
    if url_host(url) == HF_HOST:
        return "hf" if is_hf_paper_url(url) else "project"
    kind = classify(url)
    if kind != "project":
        return kind
    return "pdf" if url_path(url).lower().endswith(".pdf") else "abs"


# A file named in a text (arXiv's comments: "figures at .../figs.ps.gz") is no page about
# the paper, so it is never taken as the project link.
_FILE_SUFFIXES = (".ps", ".ps.gz", ".eps", ".gz", ".tgz", ".tar", ".zip", ".bz2", ".xz")


def links_from_text(text: str) -> Links:
    """The first code URL and the first other URL found in a text (files left out)."""
    found: dict[str, str] = {}
    for url in find_urls(text):
        kind = classify(url)
        if kind == "project" and url_path(url).lower().endswith(_FILE_SUFFIXES):
            continue
        found.setdefault(kind, url)
    return Links(
        abs=found.get("abs"),
        pdf=found.get("pdf"),
        code=found.get("code"),
        project=found.get("project"),
    )


def links_from_urls(urls: Iterable[str]) -> tuple[Links, str | None]:
    """Links from a record's URL fields (see page_kind), and the arXiv id an arxiv.org URL
    names. arXiv's abs and pdf pages are preferred over a publisher's; otherwise the first
    URL of each kind wins."""
    arxiv: dict[str, str] = {}
    other: dict[str, str] = {}
    arxiv_id: str | None = None
    for raw in urls:
        url = web_url(raw)
        if url is None:
            continue
        kind = page_kind(url)
        if "arxiv.org" in url_host(url):
            arxiv_id = arxiv_id or parse_arxiv_id(url)
            arxiv.setdefault(kind, url)
        else:
            other.setdefault(kind, url)
    found = other | arxiv
    return Links(**found), arxiv_id
