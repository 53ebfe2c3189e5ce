"""Whoosh's W3 codec, writing the same files with less Python per posting.

When a segment is written, Whoosh's FieldWriter.add_postings asks the new segment's lengths
column for the document's field length once per posting (about 140 postings a paper): each
ask goes through a column reader, a struct read and a byte-to-length decode, a sixth of a
small commit's time. Here each document's length in each field is asked once, from the same
reader, and kept in a list for the segment's postings.

Most words of a small segment (an edit, a catch-up of a few hundred papers: 16,500 words for
500 papers) have a posting list of one block, usually of one posting. W3PostingsWriter
writes each through start_postings, add_posting per posting (four type checks each) and
finish_postings, a W3TermInfo object and OrderedHashWriter.add, most of a small commit.
Here each list is written block by block in one step, the same bytes.

Everything written is unchanged: tests/search/test_whoosh_codec.py compares the segment
files byte for byte with Whoosh's own writer and codec, and every posting, length and stored
field.

A codec is pickled into each segment it writes (in the index's table of contents), so it
pickles as Whoosh's own W3Codec with the same settings: the index stays readable by any
Whoosh, and by readerapp versions without this module.

Relies on whoosh-reloaded 2.7.5's W3 codec classes (pinned).
"""

from __future__ import annotations

# Before Whoosh's first import, so that it loads without what it never uses here.
from readerapp.search import whoosh_light  # noqa: F401

# isort: split
import pickle
import struct
import zlib
from array import array
from itertools import groupby, pairwise
from operator import itemgetter
from typing import Any, NamedTuple

from whoosh.codec.base import OutOfOrderError
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3FieldWriter
from whoosh.util.numeric import length_to_byte

_pack_int = struct.Struct("!i").pack
_pack_long = struct.Struct("!q").pack
_pack_ushort = struct.Struct("!H").pack
_TERM_INFO = struct.Struct("!BfIBBfII")  # W3TermInfo's
_ROW_LENGTHS = struct.Struct("!ii")  # filetables.HashWriter's
_field = itemgetter(0)
_text = itemgetter(1)
_FLOAT32: dict[float, float] = {}
_LENGTH_BYTES: dict[int | None, int] = {}


def _float32(weight: float) -> float:
    """A weight as W3PostingsWriter's array("f") keeps it (a few distinct values)."""
    kept = _FLOAT32.get(weight)
    if kept is None:
        if len(_FLOAT32) > 4096:
            _FLOAT32.clear()
        kept = _FLOAT32[weight] = array("f", (weight,))[0]
    return kept


def _length_byte(length: int | None) -> int:
    """whoosh.util.numeric.length_to_byte, remembered (field lengths repeat)."""
    byte = _LENGTH_BYTES.get(length)
    if byte is None:
        if len(_LENGTH_BYTES) > 65536:
            _LENGTH_BYTES.clear()
        byte = _LENGTH_BYTES[length] = length_to_byte(length)
    return byte


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
    """W3FieldWriter whose add_postings writes each posting list block by block in one
    step: the same blocks, term info and term table row as W3PostingsWriter's
    start_postings, add_posting per posting and finish_postings write, without their
    per-posting checks and calls (W3's inlining of short lists, broken in 2.7.5, is never
    asked for)."""

    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:
        codec = self._codec
        length_of = _Lengths(lengths).doc_field_length if lengths else (lambda _d, _f: 0)
        blocklimit = codec._blocklimit
        last_field = None
        for fieldname, postings in groupby(items, key=_field):
            if last_field is not None and fieldname < last_field:
                raise OutOfOrderError(f"Field {last_field!r} .. {fieldname!r}")
            last_field = fieldname
            fieldobj = schema[fieldname]
            self.start_field(fieldname, fieldobj)
            fixed = fieldobj.format.fixed_value_size()
            prefix = _pack_ushort(self._fieldid)
            last_text = b""
            for btext, group in groupby(postings, key=_text):
                if btext < last_text:
                    raise OutOfOrderError(f"Term {fieldname}:{last_text!r} .. {btext!r}")
                last_text = btext
                # docnum -1: a spelling word, which W3's add_postings skips too.
                term = [posting for posting in group if posting[2] != -1]
                if term:
                    lengths_of = [length_of(posting[2], fieldname) for posting in term]
                    blocks = [
                        _block(term[at : at + blocklimit], lengths_of[at : at + blocklimit], fixed)
                        for at in range(0, len(term), blocklimit)
                    ]
                    self._write(prefix + btext, blocks)
            self.finish_field()

    def _write(self, key: bytes, blocks: list[_Block]) -> None:
        """A posting list, as W3PostingsWriter writes it (a header, then each block as its
        _write_block writes it, the last with last=True), and its term table row (the term
        info that W3TermInfo.add_block sums from the blocks, its to_bytes, then
        OrderedHashWriter.add)."""
        compression = self._codec._compression
        parts = [WHOOSH3_HEADER_MAGIC]
        weight: float = 0
        count = 0
        minlength: int | None = None
        maxlength = 0
        maxweight: float = 0
        for number, block in enumerate(blocks, start=1):
            data = block.data
            if compression:
                data = zlib.compress(data, compression)
            info = pickle.dumps(
                (
                    block.size,
                    block.last,
                    block.maxweight,
                    compression,
                    _length_byte(block.minlength),
                    _length_byte(block.maxlength),
                ),
                2,
            )
            size = len(info) + len(data)
            parts += (_pack_int(-size if number == len(blocks) else size), info, data)
            weight += block.weight
            count += block.size
            # As W3TermInfo.add_block, which min()s a block's None too (never: a posting's
            # document has the field, so a length).
            minlength = block.minlength if minlength is None else min(minlength, block.minlength)  # type: ignore[type-var]
            maxlength = max(maxlength, block.maxlength)
            maxweight = max(maxweight, block.maxweight)
        written = b"".join(parts)
        postfile = self._postfile
        offset = postfile.tell()
        postfile.write(written)
        value = (
            _TERM_INFO.pack(
                False,
                weight,
                count,
                0 if minlength is None else _length_byte(minlength),
                _length_byte(maxlength),
                maxweight,
                blocks[0].first,
                blocks[-1].last,
            )
            + _pack_long(offset)
            + _pack_int(len(written))
        )
        # OrderedHashWriter.add, without its type checks: the same row, position and hash.
        table = self._tindex
        if key <= table.lastkey:
            raise ValueError(f"Keys must increase: {table.lastkey!r}..{key!r}")
        dbfile = table.dbfile
        position = dbfile.tell()
        table.index.append(position)
        dbfile.write(_ROW_LENGTHS.pack(len(key), len(value)) + key + value)
        hashed = table.hashfn(key)
        table.buckets[hashed & 255].append((hashed, position))
        table.lastkey = key


class _Block(NamedTuple):
    """What W3PostingsWriter knows of a block when it writes it: its pickled (ids, weights,
    values), uncompressed, and the statistics of its block info and term info."""

    data: bytes
    size: int  # postings
    first: int
    last: int
    weight: float  # the sum of the weights as stored (array "f"), from 0
    maxweight: float  # the largest weight as given, 0 if none is positive
    minlength: int | None  # None: no posting had a length
    maxlength: int


def _minivalues(values: list[bytes], fixed: int | None) -> Any:
    """W3PostingsWriter._mini_values of the postings' non-empty values."""
    if fixed is None or fixed < 0:
        return tuple(values)
    if fixed == 0:
        return None
    return b"".join(values)


def _block(term: list[Any], lengths_of: list[int], fixed: int | None) -> _Block:
    """A block of up to a block's postings."""
    weights = [_float32(posting[3]) for posting in term]
    maxweight: float = 0  # the postings' own weights, as add_posting compares them
    for posting in term:
        if posting[3] > maxweight:
            maxweight = posting[3]
    minlength: int | None = None
    maxlength = 0
    for length in lengths_of:
        if length:
            if minlength is None or length < minlength:
                minlength = length
            if length > maxlength:
                maxlength = length
    ids = [posting[2] for posting in term]
    gaps = (ids[0], *(b - a for a, b in pairwise(ids)))
    if all(w == 1.0 for w in weights):
        mini_weights: Any = None
    elif all(w == weights[0] for w in weights):
        mini_weights = weights[0]
    else:
        mini_weights = tuple(weights)
    values = [posting[4] for posting in term if posting[4]]
    data = pickle.dumps((gaps, mini_weights, _minivalues(values, fixed)), 2)
    return _Block(
        data, len(term), ids[0], ids[-1], 0 + sum(weights), maxweight, minlength, maxlength
    )


class Codec(W3Codec):  # type: ignore[misc]  # whoosh is untyped
    """W3Codec (blocklimit 128, zlib level `compression`, nothing inlined), its field
    writer reading each document's field lengths once."""

    def __init__(self, compression: int = 3) -> None:
        super().__init__(compression=compression)

    def field_writer(self, storage: Any, segment: Any) -> W3FieldWriter:
        return _FieldWriter(self, storage, segment)

    def __reduce__(self) -> tuple[type, tuple[int, int, int]]:
        return (W3Codec, (self._blocklimit, self._compression, self._inlinelimit))
