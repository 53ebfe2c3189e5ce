"""Whoosh's W3 codec, writing the same files with less Python per posting.

When a segment is written, Whoosh's FieldWriter.add_postings asks the new segment's lengths
column for the document's field length once per posting (about 140 postings a paper): each
ask goes through a column reader, a struct read and a byte-to-length decode, a sixth of a
small commit's time. Here each document's length in each field is asked once, from the same
reader, and kept in a list for the segment's postings. Everything written is unchanged
(tests/search/test_whoosh_codec.py compares the files' postings with Whoosh's own writer).

A codec is pickled into each segment it writes (in the index's table of contents), so it
pickles as Whoosh's own W3Codec with the same settings: the index stays readable by any
Whoosh, and by readerapp versions without this module.

Relies on whoosh-reloaded 2.7.5's W3 codec classes (pinned).
"""

from __future__ import annotations

# Before Whoosh's first import, so that it loads without what it never uses here.
from readerapp.search import whoosh_light  # noqa: F401

# isort: split
from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter


class _Lengths:
    """A segment's field lengths, each document's read once per field from `lengths` (the
    new segment's per-document reader), as FieldWriter.add_postings reads them."""

    def __init__(self, lengths: Any) -> None:
        self.lengths = lengths
        self.count = lengths.doc_count_all()
        self.columns: dict[str, list[Any]] = {}

    def doc_field_length(self, docnum: int, fieldname: str) -> Any:
        column = self.columns.get(fieldname)
        if column is None:
            read = self.lengths.doc_field_length
            column = [read(doc, fieldname) for doc in range(self.count)]
            self.columns[fieldname] = column
        return column[docnum]


class _FieldWriter(W3FieldWriter):  # type: ignore[misc]  # whoosh is untyped
    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:
        super().add_postings(schema, _Lengths(lengths) if lengths else None, items)


class Codec(W3Codec):  # type: ignore[misc]  # whoosh is untyped
    """W3Codec (blocklimit 128, zlib level `compression`, nothing inlined), its field
    writer reading each document's field lengths once."""

    def __init__(self, compression: int = 3) -> None:
        super().__init__(compression=compression)

    def field_writer(self, storage: Any, segment: Any) -> W3FieldWriter:
        return _FieldWriter(self, storage, segment)

    def __reduce__(self) -> tuple[type, tuple[int, int, int]]:
        return (W3Codec, (self._blocklimit, self._compression, self._inlinelimit))
