"""Picks the text engine for a library. Engine modules are imported here and nowhere else."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from readerapp.core.errors import LibraryError

if TYPE_CHECKING:  # the protocol's module imports the query tree, which ENGINES' users skip
    from readerapp.search.engine import TextIndex

# Whoosh is the design's engine and stays the default; tantivy is for large libraries.
DEFAULT_ENGINE = "whoosh"
ENGINES: tuple[str, ...] = ("whoosh", "tantivy")


def open_text_index(directory: Path, engine: str = DEFAULT_ENGINE) -> TextIndex:
    """The library's index in `directory`, opened with its engine (imported only when used)."""
    if engine == "tantivy":
        try:
            from readerapp.search.tantivy_index import TantivyIndex
        except ImportError as exc:  # a broken install; the library itself is fine
            raise LibraryError(
                f"this library uses the tantivy search engine, which cannot "
                f"be loaded ({exc}); reinstall readerapp"
            ) from exc
        return TantivyIndex(directory)
    if engine == "whoosh":
        from readerapp.search.whoosh_index import WhooshIndex

        return WhooshIndex(directory)
    raise LibraryError(f"unknown search engine {engine!r}; known engines: {', '.join(ENGINES)}")
