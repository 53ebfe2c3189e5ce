"""Hostile text from an import, end to end: escaped in every export, and only http(s) links
ever become clickable, in the exports and in the app (gui/safe_text.py). The per-format
details (CSV formulas, BibTeX specials, HTML links) are in tests/formats/."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from readerapp.gui import safe_text
from readerapp.services import exporting, importing
from readerapp.services.library import Library

HOSTILE_BIB = r"""@article{evil,
  title = {<script>alert(1)</script> & <img src=x onerror=alert(2)> =HYPERLINK("http://x")},
  author = {Tables, Bobby},
  abstract = {See javascript:alert(3) and <a href="javascript:alert(4)">here</a>.},
  url = {javascript:alert(5)},
  year = 2020,
}
"""
BAD_SCHEMES = ("javascript:", "file:", "data:", "vbscript:")


@pytest.fixture
def hostile(tmp_path: Path) -> Library:
    lib = Library.open(tmp_path / "library")
    report = importing.import_text(lib, HOSTILE_BIB, "evil.bib")
    assert report.added == 1
    return lib


def test_exports_escape_hostile_text_and_link_only_the_web(hostile: Library) -> None:
    everything = exporting.Selection(everything=True)
    html_out, _ = exporting.export_text(hostile, everything, "html")
    assert "<script" not in html_out.lower() and "<img" not in html_out.lower()
    assert "&lt;script&gt;" in html_out
    assert 'href="javascript:' not in html_out.lower()
    markdown, _ = exporting.export_text(hostile, everything, "markdown")
    assert "](javascript:" not in markdown.lower() and "<script>" not in markdown
    csv_out, _ = exporting.export_text(hostile, everything, "csv")
    assert ",=HYPERLINK" not in csv_out and '"=' not in csv_out
    for name in ("bibtex", "ris", "csljson", "json"):
        out, _ = exporting.export_text(hostile, everything, name)
        assert "javascript:alert(5)" not in out, name  # the url field was not kept
    hostile.close()


def test_app_text_is_escaped_and_only_web_links_are_live() -> None:
    shown = safe_text.linkify(
        '<b>bold</b> javascript:alert(1) file:///etc/passwd https://arxiv.org/abs/2106.09685 "q"'
    )
    assert "<b>" not in shown and "&lt;b&gt;" in shown
    assert shown.count("<a ") == 1 and 'href="https://arxiv.org/abs/2106.09685"' in shown


def test_clicking_a_non_web_link_in_the_app_opens_nothing(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True)
    )
    browser = safe_text.SafeBrowser()
    qtbot.addWidget(browser)
    browser.setMarkdown(
        "[a](javascript:alert(1)) [b](file:///etc/passwd) [c](https://example.org/paper)"
    )
    for scheme in (*BAD_SCHEMES, "https://example.org/paper"):
        target = scheme if scheme.startswith("https") else scheme + "x"
        browser.anchorClicked.emit(QUrl(target))
    assert opened == ["https://example.org/paper"]
