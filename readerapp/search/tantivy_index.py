"""The tantivy text index (Rust): the engine for large libraries. The only module that
imports tantivy.

It answers the same query trees as the Whoosh index with the same meaning:
- each text field is indexed twice: word parts (stop words out, stemmed, positions kept for
  phrases) and, in a `<field>_c` companion, only the hyphenated compounds whole, so that
  `chain-of-thought` finds that compound while "chain of thought" finds both spellings.
  Words are split by tantivy's simple tokenizer (letters and digits), three times faster
  than its regex tokenizer; compounds are picked out in Python by a whitespace split, which
  is cheaper than any regex here;
- a phrase keeps the positions its words had in the query, so the gap a stop word leaves is
  the same in the query and in the index;
- prefix queries expand to at most MAX_EXPANSIONS terms of the dictionary;
- ids for the table come from an unscored collector ordered by the `pid` fast field, so no
  document is loaded and no score is computed.
"""

from __future__ import annotations

import re
import shutil
import string
import time
from collections.abc import Iterable
from operator import itemgetter
from pathlib import Path
from typing import cast

import tantivy

from readerapp.core.errors import LibraryError
from readerapp.core.progress import CancelToken, ProgressSink
from readerapp.core.records import IndexDoc
from readerapp.search.query import And, MatchAll, Node, Not, Or, Text
from readerapp.search.stopwords import STOP_WORDS

# A new name when the schema or the analyzers change makes old indexes look missing.
INDEX_NAME = "tantivy_v3"  # v3: the full text of the paper's files
TEXT_FIELDS = ("title", "authors", "abstract", "tags", "notes", "fulltext")
FIELD_OF = {
    "title": "title",
    "author": "authors",
    "abstract": "abstract",
    "note": "notes",
    "fulltext": "fulltext",
}
# The full text is long: a word found only there ranks below a title's or an abstract's.
BOOSTS = {"title": 3.0, "authors": 2.0, "tags": 2.0, "fulltext": 0.3}
NAME_FIELDS = ("authors", "tags")
MAX_EXPANSIONS = 256
WRITER_TIMEOUT_S = 15.0
# Small edits get a single-threaded writer, rebuilds a large one on every core. (Below about
# 50 MB a commit takes ~100 ms instead of ~12 ms: the arena is flushed in small pieces.)
SMALL_HEAP, LARGE_HEAP = 50_000_000, 200_000_000

_PUNCTUATION = string.punctuation


# The whitespace-separated chunks with a hyphen, found in C: splitting every abstract into
# words in Python cost 1.4 s of indexing 20k papers.
_HYPHENATED = re.compile(r"\S*-\S*")


def compounds(text: str) -> str:
    """The hyphenated words of a text ("Chain-of-Thought", "GPT-3.5-turbo"), space-separated,
    without the punctuation around them."""
    return " ".join(
        word for chunk in _HYPHENATED.findall(text) if "-" in (word := chunk.strip(_PUNCTUATION))
    )


def _analyzer(tokenizer: tantivy.Tokenizer, *, stem: bool) -> tantivy.TextAnalyzer:
    builder = tantivy.TextAnalyzerBuilder(tokenizer).filter(tantivy.Filter.lowercase())
    if stem:
        builder = builder.filter(tantivy.Filter.custom_stopword(sorted(STOP_WORDS))).filter(
            tantivy.Filter.stemmer("english")
        )
    return builder.build()


_ANALYZERS = {
    "rd_text": _analyzer(tantivy.Tokenizer.simple(), stem=True),
    "rd_text_c": _analyzer(tantivy.Tokenizer.whitespace(), stem=True),
    "rd_name": _analyzer(tantivy.Tokenizer.simple(), stem=False),
    "rd_name_c": _analyzer(tantivy.Tokenizer.whitespace(), stem=False),
}


def _tokenizer(field: str, compound: bool = False) -> str:
    return ("rd_name" if field in NAME_FIELDS else "rd_text") + ("_c" if compound else "")


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("pid", stored=False, indexed=True, fast=True)
    for field in TEXT_FIELDS:
        builder.add_text_field(field, tokenizer_name=_tokenizer(field))
        builder.add_text_field(
            f"{field}_c", tokenizer_name=_tokenizer(field, True), index_option="freq"
        )
    return builder.build()


def _fields(leaf: Text) -> tuple[str, ...]:
    return (FIELD_OF[leaf.field],) if leaf.field else TEXT_FIELDS


def _must(*queries: tantivy.Query) -> tantivy.Query:
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in queries])


def _should(queries: list[tantivy.Query]) -> tantivy.Query:
    if not queries:
        return tantivy.Query.empty_query()
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])


def _pids(searcher: tantivy.Searcher, hits: list[tuple[float, tantivy.DocAddress]]) -> list[int]:
    """The paper id of each hit, in order."""
    values = searcher.fast_field_values("pid", [address for _score, address in hits])
    # The stub gives every fast field one value type; `pid` is unsigned and on every document.
    return cast(list[int], values)


class _QueryBuilder:
    """Query trees as tantivy queries, against one searcher (prefixes read its dictionary)."""

    def __init__(self, schema: tantivy.Schema, searcher: tantivy.Searcher, *, boost: bool) -> None:
        self.schema = schema
        self.searcher = searcher
        self.boost = boost

    def field_query(self, leaf: Text, field: str) -> tantivy.Query | None:
        schema = self.schema
        value = leaf.value
        if leaf.kind == "prefix":
            raw = value.lower()
            stems = {raw, *_ANALYZERS[_tokenizer(field)].analyze(raw)}
            terms: dict[str, None] = {}
            for stem in sorted(s for s in stems if len(s) >= 2):
                found = self.searcher.terms_with_prefix(field, stem, limit=MAX_EXPANSIONS)
                terms.update(dict.fromkeys(term for term, _count in found))
            return (
                _should(
                    [
                        tantivy.Query.term_query(schema, field, t)
                        for t in list(terms)[:MAX_EXPANSIONS]
                    ]
                )
                if terms
                else None
            )
        if leaf.kind == "fuzzy":
            words = _ANALYZERS[_tokenizer(field)].analyze(value)
            if not words:
                return None
            return tantivy.Query.fuzzy_term_query(schema, field, words[0], distance=leaf.distance)
        if "-" in value and " " not in value.strip():
            # One hyphenated word stands for itself: the compound, as Whoosh indexes it.
            words = _ANALYZERS[_tokenizer(field, True)].analyze(compounds(value))
            if len(words) == 1:
                return tantivy.Query.term_query(schema, f"{field}_c", words[0])
        tokens = _ANALYZERS[_tokenizer(field)].pre_tokenize(value).tokens
        if not tokens:
            return None
        if len(tokens) == 1:
            return tantivy.Query.term_query(schema, field, tokens[0].text)
        first = tokens[0].position
        return tantivy.Query.phrase_query(
            schema, field, [(t.position - first, t.text) for t in tokens]
        )

    def leaf(self, leaf: Text) -> tantivy.Query:
        parts = []
        for field in _fields(leaf):
            query = self.field_query(leaf, field)
            if query is None:
                continue
            if self.boost and field in BOOSTS:
                query = tantivy.Query.boost_query(query, BOOSTS[field])
            parts.append(query)
        return _should(parts)

    def build(self, node: Node) -> tantivy.Query:
        if isinstance(node, Text):
            return self.leaf(node)
        if isinstance(node, And):
            return _must(*[self.build(n) for n in node.items])
        if isinstance(node, Or):
            return _should([self.build(n) for n in node.items])
        if isinstance(node, Not):
            return tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Must, tantivy.Query.all_query()),
                    (tantivy.Occur.MustNot, self.build(node.item)),
                ]
            )
        if isinstance(node, MatchAll):
            return tantivy.Query.all_query()
        raise TypeError(f"not a text query node: {node!r}")


def _abandon(writer: tantivy.IndexWriter) -> None:
    """Drop a writer's uncommitted work and release it now: left to the garbage collector,
    its lock makes the next edit wait and then report the library busy."""
    writer.rollback()
    writer.wait_merging_threads()


class TantivyIndex:
    """A tantivy index in a folder. Writers are opened per change and closed after commit,
    so another readerapp process can write between our changes."""

    # Papers per commit when catching up: a commit costs tens of milliseconds (fsyncs), so
    # large batches, but small enough for "Indexing 40,000 / 100,000" to move.
    batch_size = 10_000

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / INDEX_NAME
        self.was_missing = False
        self._index: tantivy.Index | None = None
        self._open()

    def _open(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        try:
            if tantivy.Index.exists(str(self.path)):
                self._index = self._register(tantivy.Index.open(str(self.path)))
                self._index.searcher()  # fails now, not later, on a damaged index
                return
        except (ValueError, OSError):  # A damaged index is derived data: start again.
            shutil.rmtree(self.path, ignore_errors=True)
            self.path.mkdir(parents=True, exist_ok=True)
        self.was_missing = True
        self._index = self._create()

    def _create(self) -> tantivy.Index:
        return self._register(tantivy.Index(_schema(), path=str(self.path), reuse=False))

    @staticmethod
    def _register(index: tantivy.Index) -> tantivy.Index:
        for name, analyzer in _ANALYZERS.items():
            index.register_tokenizer(name, analyzer)
        return index

    @property
    def index(self) -> tantivy.Index:
        assert self._index is not None, "index is closed"
        return self._index

    def _writer(self, heap: int = SMALL_HEAP, threads: int = 1) -> tantivy.IndexWriter:
        """A writer, waiting up to WRITER_TIMEOUT_S for another process to finish."""
        deadline = time.monotonic() + WRITER_TIMEOUT_S
        while True:
            try:
                return self.index.writer(heap_size=heap, num_threads=threads)
            except ValueError as exc:
                if "LockBusy" not in str(exc) or time.monotonic() > deadline:
                    raise LibraryError(
                        f"{self.directory}: the search index is busy in "
                        "another readerapp; try again when it has "
                        "finished"
                    ) from exc
                time.sleep(0.05)

    def _finish(self, writer: tantivy.IndexWriter) -> None:
        writer.commit()
        writer.wait_merging_threads()  # also releases the writer's lock
        self.index.reload()  # the next searcher sees this commit

    @staticmethod
    def _document(doc: IndexDoc) -> tantivy.Document:
        document = tantivy.Document()
        document.add_unsigned("pid", doc.id)
        for field in TEXT_FIELDS:
            text = getattr(doc, field)
            if text:
                document.add_text(field, text)
                if "-" in text:  # only hyphenated words reach the compound field
                    document.add_text(f"{field}_c", compounds(text))
        return document

    def upsert(self, docs: Iterable[IndexDoc], *, cancel: CancelToken | None = None) -> int:
        docs = list(docs)
        if not docs:
            return 0
        large = len(docs) > 1000
        writer = self._writer(LARGE_HEAP if large else SMALL_HEAP, 0 if large else 1)
        try:
            # One delete for the batch, stamped before the adds, so it removes only the old
            # entries. (delete_documents_by_term would take a Python int as i64, not u64.)
            self._delete(writer, [doc.id for doc in docs])
            for doc in docs:
                if cancel is not None:
                    cancel.check()
                writer.add_document(self._document(doc))
        except BaseException:
            _abandon(writer)
            raise
        self._finish(writer)
        return len(docs)

    def _delete(self, writer: tantivy.IndexWriter, ids: list[int]) -> None:
        if ids:
            writer.delete_documents_by_query(
                tantivy.Query.term_set_query(self.index.schema, "pid", ids)
            )

    def delete(self, ids: Iterable[int]) -> None:
        writer = self._writer()
        try:
            self._delete(writer, list(ids))
        except BaseException:
            _abandon(writer)
            raise
        self._finish(writer)

    def _query(self, searcher: tantivy.Searcher, node: Node, *, boost: bool) -> tantivy.Query:
        return _QueryBuilder(self.index.schema, searcher, boost=boost).build(node)

    def search(self, node: Node) -> set[int]:
        searcher = self.index.searcher()
        if searcher.num_docs == 0:
            return set()
        query = self._query(searcher, node, boost=False)
        # Ordered by the pid fast field: the order key is the paper id, and nothing is scored.
        hits = searcher.search(
            query, limit=searcher.num_docs, count=False, order_by_field="pid"
        ).hits
        return set(map(itemgetter(0), hits))  # in C: a broad prefix matches 60k papers

    def scores(
        self, node: Node, within: set[int] | None = None, limit: int | None = None
    ) -> dict[int, float]:
        """Scores of the best `limit` matches (all when None) among the papers `within`."""
        searcher = self.index.searcher()
        total = searcher.num_docs
        if total == 0:
            return {}
        query = self._query(searcher, node, boost=True)
        wanted = min(limit or total, total)
        # Usually most of the best matches pass the filters: take a few more than needed
        # and filter here; only if too few pass, restrict the search to `within` itself.
        hits = searcher.search(query, limit=min(total, wanted * 4), count=False).hits
        out = self._scored(searcher, hits, within)
        if within is not None and len(out) < wanted and len(hits) == min(total, wanted * 4):
            pids = tantivy.Query.term_set_query(self.index.schema, "pid", sorted(within))
            hits = searcher.search(
                _must(query, tantivy.Query.const_score_query(pids, 0.0)), limit=wanted, count=False
            ).hits
            out = self._scored(searcher, hits, within)
        return dict(list(out.items())[:wanted])

    @staticmethod
    def _scored(
        searcher: tantivy.Searcher,
        hits: list[tuple[float, tantivy.DocAddress]],
        within: set[int] | None,
    ) -> dict[int, float]:
        pids = _pids(searcher, hits)
        return {
            pid: score
            for (score, _address), pid in zip(hits, pids, strict=True)
            if within is None or pid in within
        }

    def more_like_this(self, paper_id: int, text: str, limit: int) -> list[int]:
        if not text.strip():
            return []
        searcher = self.index.searcher()
        if searcher.num_docs == 0:
            return []
        query = tantivy.Query.more_like_this_document_fields_query(
            self.index.schema,
            {"abstract": [text]},
            min_doc_frequency=1,
            min_term_frequency=1,
            max_query_terms=25,
        )
        hits = searcher.search(query, limit=limit + 1, count=False).hits
        pids = _pids(searcher, hits)
        return [pid for pid in pids if pid != paper_id][:limit]

    def rebuild(
        self,
        docs: Iterable[IndexDoc],
        total: int,
        progress: ProgressSink,
        cancel: CancelToken | None = None,
    ) -> None:
        self.close()
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True, exist_ok=True)
        self._index = self._create()
        writer = self._writer(LARGE_HEAP, 0)
        try:
            for done, doc in enumerate(docs, start=1):
                if cancel is not None:
                    cancel.check()
                writer.add_document(self._document(doc))
                if done % 2000 == 0:
                    progress(done, total, f"Indexing {done:,} / {total:,}")
        except BaseException:
            _abandon(writer)
            raise
        self._finish(writer)
        progress(total, total, "Index rebuilt")

    def doc_count(self) -> int:
        return int(self.index.searcher().num_docs)

    def ids(self) -> set[int]:
        searcher = self.index.searcher()
        if searcher.num_docs == 0:
            return set()
        hits = searcher.search(
            tantivy.Query.all_query(), limit=searcher.num_docs, count=False, order_by_field="pid"
        ).hits
        return {pid for pid, _address in hits}

    def close(self) -> None:
        self._index = None  # tantivy releases files when the object goes
