"""Whoosh's segment writer, adding a paper's text fields in one pass each.

Whoosh's SegmentWriter.add_document hands every token of a field through four generators
(the analyzer, the unstopped filter, the format's word_values, the field's index) and every
posting through PostingPool.add (two type checks and a size estimate each): about half of
the CPU of an edit's or a catch-up's write, for ~140 postings a paper. Here a text field
analysed by whoosh_analysis.FusedAnalyzer with Whoosh's Positions format goes from the
analyzer's cached entries straight to the posting tuples, and a document's postings join the
pool in one step. Everything else (the pid field, any other field or analyzer, boosts given
as `_boost` keywords) takes Whoosh's own path.

The postings, lengths and stored fields are the same as Whoosh's own writer makes
(tests/search/test_whoosh_codec.py compares them); the segment files are byte for byte the
same when written through the same codec.

Relies on whoosh-reloaded 2.7.5's SegmentWriter, PostingPool and Positions format (pinned).
"""

from __future__ import annotations

# Before Whoosh's first import, so that it loads without what it never uses here.
from readerapp.search import whoosh_light  # noqa: F401

# isort: split
import pickle
import struct
from itertools import pairwise
from typing import Any

from whoosh.formats import Positions
from whoosh.writing import SegmentWriter

from readerapp.search.whoosh_analysis import FusedAnalyzer

_pack_uint = struct.Struct("!I").pack
# PostingPool.add's size estimate of one posting, less its texts' lengths (whoosh.writing).
_POSTING_OVERHEAD = 28 + 4 * 5 + 21 + 26 + 18 + 16 + 21


def positions(analyzer: FusedAnalyzer, value: str) -> dict[str, list[int]]:
    """Each word of `value` as the analyzer indexes it, with its positions: the tokens
    FusedAnalyzer yields, grouped as Positions.word_values groups them."""
    found: dict[str, list[int]] = {}
    for text, position in analyzer.terms(value):
        at = found.get(text)
        if at is None:
            found[text] = [position]
        else:
            at.append(position)
    return found


def _encoded(at: list[int]) -> bytes:
    """Positions.encode: the count, then the pickled gaps between positions."""
    if len(at) == 1:
        return _pack_uint(1) + pickle.dumps(at, 2)
    gaps = [at[0]]
    gaps.extend(b - a for a, b in pairwise(at))
    return _pack_uint(len(gaps)) + pickle.dumps(gaps, 2)


def _fast(field: Any) -> bool:
    """Whether a plain field's postings (no spelling words, no vectors: Writer._path) can be
    made here: an indexed, scorable, unstored text field of FusedAnalyzer and Positions,
    with no column."""
    return (
        isinstance(field.analyzer if hasattr(field, "analyzer") else None, FusedAnalyzer)
        and type(field.format) is Positions
        and field.indexed
        and field.scorable
        and not field.stored
        and not field.column_type
    )


class Writer(SegmentWriter):  # type: ignore[misc]  # whoosh is untyped
    """SegmentWriter whose add_document makes the postings of readerapp's text fields in one
    pass (see the module's docstring); the same documents, postings and lengths."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        # Per field name: True for the one-pass path, False for Whoosh's field.index(),
        # None where only Whoosh's own add_document will do (spelling words, vectors).
        self._paths: dict[str, bool | None] = {}

    def _path(self, name: str) -> bool | None:
        if name not in self._paths:
            field = self.schema[name]
            plain = not field.vector and not field.separate_spelling()
            self._paths[name] = _fast(field) if plain else None
        return self._paths[name]

    def add_document(self, **fields: Any) -> None:
        # Boost and custom stored-value keywords (leading "_"), unknown fields and fields
        # with spelling words or vectors: Whoosh's own path, which knows them all.
        if any(name.startswith("_") or name not in self.schema for name in fields) or any(
            self._path(name) is None for name in fields
        ):
            super().add_document(**fields)
            return
        self._check_state()
        schema = self.schema
        perdoc = self.perdocwriter
        docnum = self.docnum
        postings: list[tuple[str, bytes, int, float, bytes]] = []
        size = 0
        perdoc.start_doc(docnum)
        try:
            for name in sorted(fields):
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                if not isinstance(value, str) or not self._path(name):
                    size += self._add_field(name, field, value, postings)
                    continue
                boost = field.format.field_boost
                length = 0
                for text, at in positions(field.analyzer, value).items():
                    count = len(at)
                    length += count
                    word = text.encode("utf-8")
                    encoded = _encoded(at)
                    postings.append((name, word, docnum, float(count) * boost * 1.0, encoded))
                    size += len(name) + 2 * len(word) + len(encoded)
                perdoc.add_field(name, field, None, length)
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        # As PostingPool.add, a document at a time: a run spilled to a temporary file holds
        # whole documents, and the merged order of the postings is the same.
        if postings:
            pool = self.pool
            pool.fieldnames.update(posting[0] for posting in postings)
            pool.currentsize += size + _POSTING_OVERHEAD * len(postings)
            if pool.currentsize > pool.limit:
                pool.save()
            pool.current.extend(postings)
        self._added = True
        self.docnum += 1

    def _add_field(
        self,
        name: str,
        field: Any,
        value: Any,
        postings: list[tuple[str, bytes, int, float, bytes]],
    ) -> int:
        """A field as SegmentWriter.add_document adds one with no spelling words, vectors or
        boost keywords; returns the pool size of the postings it added to `postings`."""
        size = 0
        length = 0
        if field.indexed:
            for word, freq, weight, encoded in field.index(value):
                if field.scorable:
                    length += freq
                postings.append((name, word, self.docnum, weight * 1.0, encoded))
                size += len(name) + 2 * len(word) + len(encoded or b"")
        self.perdocwriter.add_field(name, field, value if field.stored else None, length)
        if field.column_type:
            self.perdocwriter.add_column_value(
                name, field.column_type, field.to_column_value(value)
            )
        return size
