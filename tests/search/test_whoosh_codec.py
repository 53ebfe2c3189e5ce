"""Whoosh writes from readerapp (whoosh_codec's codec, the fused analyzers, uncompressed small
segments) leave the same index as Whoosh's own writer with the analyzer chains, stay
readable by plain Whoosh, and take over an index whose schema still holds the chains."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from benchmarks.generate import generate
from readerapp.core.records import IndexDoc
from readerapp.search import whoosh_index
from readerapp.search.query import parse_query
from readerapp.search.whoosh_analysis import FusedAnalyzer, name_chain, text_chain
from readerapp.search.whoosh_codec import Codec
from readerapp.search.whoosh_index import INDEX_NAME, NAME_FIELDS, WhooshIndex
from readerapp.search.whoosh_writer import Writer

pytestmark = pytest.mark.no_library  # no library: the PostgreSQL pass leaves it out


@pytest.fixture(scope="module")
def docs() -> list[IndexDoc]:
    dump = generate(60).dump
    texts = re.findall(r'"(?:title|summary)": "((?:[^"\\]|\\.)*)"', dump)
    out: list[IndexDoc] = []
    for number in range(1, 41):
        title, abstract = texts[2 * number], texts[2 * number + 1]
        out.append(
            IndexDoc(
                number,
                title,
                "Ada Lovelace\nJean-Luc Picard",
                abstract,
                "to-read\nvision" if number % 3 else "",
                "Chain-of-thought notes, as-is." if number % 4 == 0 else "",
            )
        )
    return out


def _chain_schema() -> Schema:
    """The schema as indexes made before the fused analyzers stored it."""
    schema = whoosh_index._schema()
    for name in schema.names():
        if isinstance(schema[name], TEXT):
            schema[name].analyzer = name_chain() if name in NAME_FIELDS else text_chain()
    return schema


def _plain_whoosh(directory: Path, docs: list[IndexDoc]) -> None:
    """Whoosh's own writer and codec, with the analyzer chains."""
    directory.mkdir(parents=True)
    ix = FileStorage(str(directory)).create_index(_chain_schema(), indexname=INDEX_NAME)
    writer = ix.writer()
    for doc in docs:
        writer.add_document(**WhooshIndex._fields(doc))
    writer.commit()
    ix.close()


def _contents(directory: Path) -> dict[str, Any]:
    """Every term's postings (ids, weights, encoded positions), every document's field
    lengths and stored fields, read with plain Whoosh."""
    ix = FileStorage(str(directory)).open_index(INDEX_NAME)
    out: dict[str, Any] = {}
    with ix.reader() as reader:
        for field, term in reader.all_terms():
            matcher = reader.postings(field, term)
            postings = []
            while matcher.is_active():
                postings.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            out[f"{field}:{term!r}"] = postings
        for docnum in range(reader.doc_count_all()):
            for field in ("title", "authors", "abstract", "tags", "notes", "fulltext"):
                out[f"length {docnum} {field}"] = reader.doc_field_length(docnum, field)
            out[f"stored {docnum}"] = reader.stored_fields(docnum)
    ix.close()
    return out


def test_our_writes_leave_what_whoosh_s_own_writer_leaves(
    tmp_path: Path, docs: list[IndexDoc]
) -> None:
    _plain_whoosh(tmp_path / "plain", docs)
    for size, name in ((len(docs), "bulk"), (10, "small")):  # compressed, uncompressed
        ours = WhooshIndex(tmp_path / name)
        if size == len(docs):
            with ours.bulk():
                ours.upsert(docs)
        else:
            ours.upsert(docs)
        ours.close()
        assert _contents(tmp_path / name) == _contents(tmp_path / "plain"), name


def test_segments_and_schema_stay_plain_whoosh_s(tmp_path: Path, docs: list[IndexDoc]) -> None:
    _plain_whoosh(tmp_path / "index", docs[:20])
    ours = WhooshIndex(tmp_path / "index")
    assert not ours.was_missing
    ours.upsert(docs[20:])  # a small write: uncompressed, fused analyzers
    assert ours.search(parse_query("picard")) == {doc.id for doc in docs}
    ours.close()
    ix = FileStorage(str(tmp_path / "index")).open_index(INDEX_NAME)
    segments = ix._segments()
    assert len(segments) == 2
    assert {type(segment.codec()) for segment in segments} == {W3Codec}
    assert isinstance(ix.schema["abstract"].analyzer, FusedAnalyzer)
    ix.close()
    _plain_whoosh(tmp_path / "plain", docs)
    # The same terms (their document numbers differ: two segments here, one there).
    plain, mixed = _contents(tmp_path / "plain"), _contents(tmp_path / "index")
    assert {key for key in plain if ":" in key} == {key for key in mixed if ":" in key}


def _segment_files(directory: Path, docs: list[IndexDoc], writer_of: Any) -> dict[str, bytes]:
    """The files of one segment of `docs` written by `writer_of(ix)`, named without the
    segment's random id."""
    directory.mkdir(parents=True)
    ix = FileStorage(str(directory)).create_index(whoosh_index._schema(), indexname=INDEX_NAME)
    writer = writer_of(ix)
    for doc in docs:
        writer.add_document(**WhooshIndex._fields(doc))
    writer.commit()
    ix.close()
    return {
        re.sub(rf"^{INDEX_NAME}_[a-z0-9]+", "", path.name): path.read_bytes()
        for path in directory.iterdir()
        if not path.name.startswith("_") and path.suffix != ".toc"
    }


def test_our_writer_writes_whoosh_s_bytes(tmp_path: Path) -> None:
    """whoosh_writer.Writer with whoosh_codec.Codec writes the same segment files as Whoosh's
    own SegmentWriter with its W3Codec: one-block posting lists through the codec's own
    path, and words of every paper (more postings than a block holds) through Whoosh's."""
    dump = generate(300).dump
    texts = re.findall(r'"(?:title|summary)": "((?:[^"\\]|\\.)*)"', dump)
    docs = [
        IndexDoc(n, texts[2 * n], "Ada Lovelace", texts[2 * n + 1], "to-read", "")
        for n in range(1, len(texts) // 2)
    ]
    assert len(docs) > 200  # "ada" and "to-read" need more than one block of 128
    for compression in (0, 3):
        plain = _segment_files(
            tmp_path / f"plain-{compression}",
            docs,
            lambda ix, c=compression: SegmentWriter(
                ix, codec=W3Codec(compression=c), compound=False
            ),
        )
        ours = _segment_files(
            tmp_path / f"ours-{compression}",
            docs,
            lambda ix, c=compression: Writer(ix, codec=Codec(compression=c), compound=False),
        )
        assert {".trm", ".pst", "._stored.col"} <= set(plain)
        assert ours == plain, compression
