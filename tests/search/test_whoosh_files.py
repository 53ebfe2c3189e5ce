"""Whoosh's segment files are read in place from their map: the same bytes as BytesIO gives."""

from __future__ import annotations

import io
import os
import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readerapp.search.engine import IndexDoc
from readerapp.search.query import parse_query
from readerapp.search.whoosh_files import MappedBufferFile, ViewReader
from readerapp.search.whoosh_index import WhooshIndex

# (operation, argument): read n, readline n, seek absolute/relative/from the end, tell.
_ops = st.lists(
    st.tuples(
        st.sampled_from(["read", "readline", "seek0", "seek1", "seek2", "tell"]),
        st.integers(min_value=-3, max_value=300),
    ),
    max_size=40,
)

pytestmark = pytest.mark.no_library  # no library: the PostgreSQL pass leaves it out


@given(data=st.binary(max_size=900) | st.text(max_size=300).map(str.encode), ops=_ops)
def test_view_reader_reads_as_bytesio_does(data: bytes, ops: list[tuple[str, int]]) -> None:
    ours, theirs = ViewReader(memoryview(data)), io.BytesIO(data)
    for op, n in ops:
        if op == "read":
            assert ours.read(n) == theirs.read(n)
        elif op == "readline":
            assert ours.readline(n) == theirs.readline(n)
        elif op == "tell":
            assert ours.tell() == theirs.tell()
        else:
            whence = {"seek0": os.SEEK_SET, "seek1": os.SEEK_CUR, "seek2": os.SEEK_END}[op]
            if whence == os.SEEK_SET and n < 0:
                with pytest.raises(ValueError):
                    ours.seek(n, whence)
                continue
            target = (
                n + {os.SEEK_SET: 0, os.SEEK_CUR: theirs.tell(), os.SEEK_END: len(data)}[whence]
            )
            if target < 0:
                continue  # BytesIO clamps a relative seek below 0 differently per version
            assert ours.seek(n, whence) == theirs.seek(n, whence)
    assert ours.read() == theirs.read()
    assert list(ViewReader(data)) == list(io.BytesIO(data))


def test_pickles_load_from_a_view_reader() -> None:
    # Whoosh keeps a compound file's directory and options as pickles read through the file.
    blob = pickle.dumps({"a": [1, 2, 3], "b": "text"}) + pickle.dumps(("x", 2.5))
    reader = ViewReader(memoryview(blob))
    assert pickle.load(reader) == {"a": [1, 2, 3], "b": "text"}
    assert pickle.load(reader) == ("x", 2.5)


@given(
    values=st.lists(
        st.tuples(st.integers(), st.floats(allow_nan=False), st.binary(max_size=700)),
        max_size=5,
    )
)
def test_pickles_of_any_size_load_in_turn_through_peek(
    values: list[tuple[int, float, bytes]],
) -> None:
    # pickle.load reads ahead through peek() and then reads only what it used: a pickle
    # longer than one peek, or several in a row, leave the reader just after each.
    blob = b"".join(pickle.dumps(value, 2) for value in values) + b"tail"
    reader = ViewReader(memoryview(blob))
    for value in values:
        assert pickle.load(reader) == value
    assert reader.read() == b"tail"
    assert ViewReader(b"ab").peek(1) == b"a" and ViewReader(b"").peek() == b""


def test_an_index_reopened_reads_its_segments_in_place(tmp_path: Path) -> None:
    index = WhooshIndex(tmp_path / "index")
    index.upsert(
        [
            IndexDoc(
                id=i,
                title=f"Paper {i} on graph retrieval",
                authors="Ada Lovelace",
                abstract="Retrieval-augmented generation over knowledge graphs.",
                tags="rag",
                notes="",
            )
            for i in range(1, 40)
        ]
    )
    index.close()
    again = WhooshIndex(tmp_path / "index")
    files = [
        f
        for sub, _ in again.searcher().reader().leaf_readers()
        for f in (getattr(sub._terms, "_dbfile", None),)
        if f is not None
    ]
    assert files and all(isinstance(f, MappedBufferFile) for f in files)
    assert again.search(parse_query("retriev*")) == set(range(1, 40))
    assert again.search(parse_query("lovelase~1")) == set(range(1, 40))
    again.close()
