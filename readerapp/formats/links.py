"""Finding and sorting the URLs that paper text carries (code, models, project pages)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from readerapp.core.records import Links

_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\""
_PAIRS = {")": "(", "]": "[", "}": "{"}
CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "sourceforge.net")


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
    urls: list[str] = []
    for match in _URL.finditer(text):
        url = clean_url(match.group(0))
        if urlsplit(url).hostname and url not in urls:
            urls.append(url)
    return urls


def is_web_url(url: str | None) -> bool:
    """Only http(s) links are ever opened or exported as links."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def classify(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if any(host == h or host.endswith("." + h) for h in CODE_HOSTS):
        return "code"
    if "arxiv.org" in host:
        return "pdf" if "/pdf/" in url else "abs"
    return "project"


def links_from_text(text: str) -> Links:
    """The first code URL and the first other URL found in a text."""
    found: dict[str, str] = {}
    for url in find_urls(text):
        found.setdefault(classify(url), url)
    return Links(
        abs=found.get("abs"), pdf=found.get("pdf"),
        code=found.get("code"), project=found.get("project"),
    )
