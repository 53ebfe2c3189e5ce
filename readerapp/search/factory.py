"""Picks the text engine for a library. Engine modules are imported here and nowhere else."""

from __future__ import annotations

from pathlib import Path

from readerapp.search.engine import TextIndex


def open_text_index(directory: Path) -> TextIndex:
    from readerapp.search.whoosh_index import WhooshIndex

    return WhooshIndex(directory)
