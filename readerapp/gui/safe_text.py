"""Text shown to users from untrusted sources: escaped, with only http(s) links live."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from readerapp.formats.links import clean_url, is_web_url

_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
# A run this long with nowhere to break (a title without spaces, a long URL) gets break
# opportunities: a word-wrapped QLabel cannot break inside a word, and would grow as wide
# as the run, pushing the detail pane off the window.
_UNBROKEN = re.compile(r"\S{25,}")
_ZERO_WIDTH_SPACE = "\u200b"


def breakable(text: str, every: int = 20) -> str:
    """`text` with an invisible break opportunity every `every` characters of each long run
    without spaces; unchanged where it already breaks."""

    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        return _ZERO_WIDTH_SPACE.join(run[i : i + every] for i in range(0, len(run), every))

    return _UNBROKEN.sub(split, text)


def linkify(text: str) -> str:
    """Plain text as HTML: everything escaped, http(s) URLs as links, paragraphs kept."""
    out: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        url = clean_url(match.group(0))
        end = match.start() + len(url)
        out.append(html.escape(text[position : match.start()]))
        out.append(f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>')
        position = end
    out.append(html.escape(text[position:]))
    return "<p>" + "".join(out).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>"


def open_web_url(url: QUrl | str) -> bool:
    """Opens a link in the browser if, and only if, it is http(s)."""
    text = url.toString() if isinstance(url, QUrl) else url
    if not is_web_url(text):
        return False
    return QDesktopServices.openUrl(QUrl(text))


class SafeBrowser(QTextBrowser):
    """A read-only rich-text view that never loads a resource (no remote or local images)
    and opens only http(s) links, in the user's browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(open_web_url)

    def loadResource(self, kind: int, name: QUrl) -> Any:
        return None
