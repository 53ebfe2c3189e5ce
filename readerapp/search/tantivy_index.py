"""The tantivy text index (Rust): the engine for large libraries. The only module that
imports tantivy.

It answers the same query trees as the Whoosh index with the same meaning, and finds the
same papers, because it indexes the same words: search.analysis splits, drops stop words
and stems in Python (Porter, as Whoosh and SQLite FTS5 do; tantivy's own stemmer is
Porter2), and tantivy splits its result at spaces.
- each text field is indexed twice: its words (stop words out, compounds as their parts,
  positions kept for phrases) and, in a `<field>_c` companion, only the hyphenated
  compounds whole, so that `chain-of-thought` finds that compound while "chain of thought"
  finds both spellings;
- prefix and fuzzy queries expand to at most MAX_EXPANSIONS terms of the dictionary, in
  both fields, as Whoosh's single field holds both;
- ids for the table come from an unscored collector ordered by the `pid` fast field, so no
  document is loaded and no score is computed.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import cast

import tantivy

from readerapp.core.errors import Cancelled, IndexBusy
from readerapp.core.progress import CancelToken, ProgressSink
from readerapp.core.records import IndexDoc
from readerapp.search.analysis import Analysed, analyse_names, analyse_text, query_words
from readerapp.search.engine import FIELD_OF, INDEXED_FIELDS
from readerapp.search.query import And, MatchAll, Node, Not, Or, Text

# The index's format and analysis version: a new name when the schema or the analysis
# changes makes an older index look missing, so that it is rebuilt once (v3: the full text
# of the paper's files; v4: the analysis of search.analysis, shared with Whoosh).
INDEX_NAME = "tantivy_v4"
INDEX_PREFIX = "tantivy_v"
# The full text is long: a word found only there ranks below a title's or an abstract's.
BOOSTS = {"title": 3.0, "authors": 2.0, "tags": 2.0, "fulltext": 0.3}
NAME_FIELDS = ("authors", "tags")
MAX_EXPANSIONS = 256
WRITER_TIMEOUT_S = 15.0
# Small edits get a single-threaded writer, rebuilds a large one on every core. (Below about
# 50 MB a commit takes ~100 ms instead of ~12 ms: the arena is flushed in small pieces.)
SMALL_HEAP, LARGE_HEAP = 50_000_000, 200_000_000
# An upsert deletes the old entries and adds the new ones this many papers at a time, each
# part's documents built (analysed) before any of its writes: a cancel then stops between
# parts, and a bulk's commit never holds a paper's delete without its new entry.
UPSERT_PART = 1000
# A small change's writer is kept this long after its commit for the next small change, then
# released (after the merges its commits started). Why: every edit commits a one-document
# segment, and tantivy's log merge policy puts every segment under about 16,800 documents
# (its 10,000-document floor times 2^0.75) in one level. The commit that makes that level
# eight segments starts a merge of them all, e.g. with the 10,800-paper segment an import's
# catch-up left: 0.4 s of CPU at 100k papers, every seventh edit. A writer released at once
# made its edit wait for that merge (wait_merging_threads), or, released on a thread, the next
# edit wait for the lock; a kept writer commits the next edit while the merge runs on its
# thread. Another process's change waits for the writer up to this long plus a merge
# (Library.sync_index waits 2 s, then leaves its papers marked for later).
KEEP_WRITER_S = 0.5

# Words arrive analysed (search.analysis): tantivy only splits them at spaces.
_WORDS_TOKENIZER = "rd_words"
_ANALYZER = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()


def _analyse(field: str, text: str) -> Analysed:
    return analyse_names(text) if field in NAME_FIELDS else analyse_text(text)


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("pid", stored=False, indexed=True, fast=True)
    for field in INDEXED_FIELDS:
        builder.add_text_field(field, tokenizer_name=_WORDS_TOKENIZER)
        builder.add_text_field(f"{field}_c", tokenizer_name=_WORDS_TOKENIZER, index_option="freq")
    return builder.build()


def _fields(leaf: Text) -> tuple[str, ...]:
    return (FIELD_OF[leaf.field],) if leaf.field else INDEXED_FIELDS


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

    def _expanded(self, field: str, terms: list[str]) -> list[tantivy.Query]:
        return [tantivy.Query.term_query(self.schema, field, t) for t in terms]

    def prefix_query(self, leaf: Text, field: str) -> tantivy.Query | None:
        raw = leaf.value.lower()
        # The index holds stems ("retriev"), so try the typed prefix and its stems, in the
        # words and in the compounds, as Whoosh does in its one field.
        analysed = _analyse(field, raw)
        stems = sorted(s for s in {raw, *analysed.words.split(), *analysed.compounds.split()})
        parts: list[tantivy.Query] = []
        for name in (field, f"{field}_c"):
            terms: dict[str, None] = {}
            for stem in stems:
                if len(stem) >= 2:
                    found = self.searcher.terms_with_prefix(name, stem, limit=MAX_EXPANSIONS)
                    terms.update(dict.fromkeys(term for term, _count in found))
            parts.extend(self._expanded(name, list(terms)[:MAX_EXPANSIONS]))
        return _should(parts) if parts else None

    def fuzzy_query(self, leaf: Text, field: str) -> tantivy.Query | None:
        words = query_words(_analyse(field, leaf.value))
        if not words:
            return None
        # Levenshtein distance, as Whoosh, but the first letter may change too: Whoosh keeps
        # it to walk less of its dictionary in Python; tantivy's automaton needs no such
        # limit, and spelling the rule out as a regular expression was ten times slower
        # (and too large to compile for a long word at distance 2).
        return _should(
            [
                tantivy.Query.fuzzy_term_query(
                    self.schema,
                    name,
                    words[0],
                    distance=leaf.distance,
                    transposition_cost_one=False,
                )
                for name in (field, f"{field}_c")
            ]
        )

    def field_query(self, leaf: Text, field: str) -> tantivy.Query | None:
        if leaf.kind == "prefix":
            return self.prefix_query(leaf, field)
        if leaf.kind == "fuzzy":
            return self.fuzzy_query(leaf, field)
        analysed = _analyse(field, leaf.value)
        words = query_words(analysed)
        if not words:
            return None
        if len(words) == 1:
            name = f"{field}_c" if "-" in words[0] else field
            return tantivy.Query.term_query(self.schema, name, words[0])
        return tantivy.Query.phrase_query(self.schema, field, list(enumerate(words)))

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
    writer_timeout = WRITER_TIMEOUT_S

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / INDEX_NAME
        self.was_missing = False
        self.upgraded_from: str | None = None  # an older index this one replaces
        self._index: tantivy.Index | None = None
        self._bulk: tantivy.IndexWriter | None = None  # the writer of a bulk()
        # The last small change's writer, kept for the next one (KEEP_WRITER_S), its timer
        # that releases it, and a lock: the window's worker writes, its timer releases.
        self._kept: tantivy.IndexWriter | None = None
        self._kept_timer: threading.Timer | None = None
        self._kept_lock = threading.RLock()
        self._open()

    def _open(self) -> None:
        self._drop_older_versions()
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

    def _drop_older_versions(self) -> None:
        """Indexes of an older format or analysis: this version rebuilds its own."""
        if not self.directory.is_dir():
            return
        for old in self.directory.glob(f"{INDEX_PREFIX}*"):
            if old.name != INDEX_NAME and old.is_dir():
                self.upgraded_from = old.name
                shutil.rmtree(old, ignore_errors=True)

    def _create(self) -> tantivy.Index:
        return self._register(tantivy.Index(_schema(), path=str(self.path), reuse=False))

    @staticmethod
    def _register(index: tantivy.Index) -> tantivy.Index:
        index.register_tokenizer(_WORDS_TOKENIZER, _ANALYZER)
        return index

    @property
    def index(self) -> tantivy.Index:
        assert self._index is not None, "index is closed"
        return self._index

    def _writer(self, heap: int = SMALL_HEAP, threads: int = 1) -> tantivy.IndexWriter:
        """A writer, waiting up to writer_timeout for another process to finish."""
        self.release_writer()  # a kept writer holds the lock: ours, so no waiting for it
        deadline = time.monotonic() + self.writer_timeout
        while True:
            try:
                return self.index.writer(heap_size=heap, num_threads=threads)
            except ValueError as exc:
                if "LockBusy" not in str(exc) or time.monotonic() > deadline:
                    raise IndexBusy(
                        f"{self.directory}: the search index is busy in "
                        "another readerapp; try again when it has "
                        "finished"
                    ) from exc
                time.sleep(0.05)

    def _finish(self, writer: tantivy.IndexWriter) -> None:
        try:
            writer.commit()
        except BaseException:
            _abandon(writer)  # its lock released now, not when collected
            raise
        writer.wait_merging_threads()  # also releases the writer's lock
        self.index.reload()  # the next searcher sees this commit

    def _small_change(self, write: Callable[[tantivy.IndexWriter], None]) -> None:
        """One small change (an edit, a delete) in the kept writer or a new one, committed
        and searchable on return; the writer is kept for the next one (KEEP_WRITER_S)."""
        with self._kept_lock:
            if self._kept_timer is not None:
                self._kept_timer.cancel()
                self._kept_timer = None
            writer, self._kept = self._kept, None
            if writer is None:
                writer = self._writer()
            try:
                write(writer)
                writer.commit()
            except BaseException:
                _abandon(writer)  # its lock released now, not when collected
                raise
            self.index.reload()  # the next searcher sees this commit
            self._kept = writer
            timer = self._kept_timer = threading.Timer(KEEP_WRITER_S, self._release_idle)
            timer.name = "tantivy-writer-release"
            timer.daemon = True  # an unclosed index: the lock goes with the process
            timer.start()

    def _release_idle(self) -> None:
        with self._kept_lock:
            # A change that came in meanwhile took the writer and set a timer of its own.
            if self._kept_timer is threading.current_thread():
                self.release_writer()

    def release_writer(self) -> None:
        """Releases a small change's kept writer now, after the merges its commits started
        (wait_merging_threads runs without the GIL)."""
        with self._kept_lock:
            if self._kept_timer is not None:
                self._kept_timer.cancel()
                self._kept_timer = None
            writer, self._kept = self._kept, None
            if writer is not None:
                writer.wait_merging_threads()

    @staticmethod
    def _document(doc: IndexDoc) -> tantivy.Document:
        document = tantivy.Document()
        document.add_unsigned("pid", doc.id)
        for field in INDEXED_FIELDS:
            text = getattr(doc, field)
            if text:
                words, compounds, _count = _analyse(field, text)
                document.add_text(field, words)
                if compounds:
                    document.add_text(f"{field}_c", compounds)
        return document

    def upsert(self, docs: Iterable[IndexDoc], *, cancel: CancelToken | None = None) -> int:
        docs = list(docs)
        if not docs:
            return 0
        if self._bulk is not None:
            self._write(self._bulk, docs, cancel)  # committed when the bulk ends
            return len(docs)
        large = len(docs) > 1000
        if not large:
            self._small_change(lambda writer: self._write(writer, docs, cancel))
            return len(docs)
        writer = self._writer(LARGE_HEAP, 0)
        try:
            self._write(writer, docs, cancel)
        except BaseException:
            _abandon(writer)
            raise
        self._finish(writer)
        return len(docs)

    def _write(
        self, writer: tantivy.IndexWriter, docs: list[IndexDoc], cancel: CancelToken | None
    ) -> None:
        """Replaces these papers' entries, UPSERT_PART at a time. The writer's threads index
        what add_document hands them (it releases the GIL) while Python analyses the rest."""
        for start in range(0, len(docs), UPSERT_PART):
            part = docs[start : start + UPSERT_PART]
            documents = []
            for doc in part:
                if cancel is not None:
                    cancel.check()
                documents.append(self._document(doc))
            # One delete for the part, stamped before its adds, so it removes only the old
            # entries. (delete_documents_by_term would take a Python int as i64, not u64.)
            self._delete(writer, [doc.id for doc in part])
            for document in documents:
                writer.add_document(document)

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Within it, upserts and deletes go to one writer on every core, committed once when
        it ends: its threads index batch N while Python analyses batch N+1, where a commit
        per batch waited for the indexing, the commit and its merges each time. The writer's
        memory stays within LARGE_HEAP whatever the number of papers: a full arena is written
        out as an uncommitted segment. A Cancelled commits what was written so far (whole
        parts of UPSERT_PART papers); any other error drops it all. The writer's lock is held
        throughout: another process's catch-up leaves its papers marked (Library.sync_index)."""
        if self._bulk is not None:  # already inside one
            yield
            return
        writer = self._bulk = self._writer(LARGE_HEAP, 0)
        try:
            yield
        except Cancelled:
            self._bulk = None
            self._finish(writer)
            raise
        except BaseException:
            self._bulk = None
            _abandon(writer)
            raise
        self._bulk = None
        self._finish(writer)

    def settle(self, progress: ProgressSink, cancel: CancelToken | None = None) -> bool:
        """Nothing to merge: tantivy merges its segments itself at each commit (its log merge
        policy, finished before _finish returns and before a bulk ends; a small change's
        merges run on its kept writer's thread and finish before that writer is released)."""
        return False

    def _delete(self, writer: tantivy.IndexWriter, ids: list[int]) -> None:
        if ids:
            writer.delete_documents_by_query(
                tantivy.Query.term_set_query(self.index.schema, "pid", ids)
            )

    def delete(self, ids: Iterable[int]) -> None:
        if self._bulk is not None:
            self._delete(self._bulk, list(ids))
            return
        ids = list(ids)
        self._small_change(lambda writer: self._delete(writer, ids))

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
            {"abstract": [analyse_text(text).words]},
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
        # Under the writer's lock from the first step, and no files removed by hand: another
        # readerapp that rebuilds or writes meanwhile waits for this one (or says the index
        # is busy) instead of having the folder deleted under its writer.
        writer = self._writer(LARGE_HEAP, 0)
        try:
            writer.delete_all_documents()  # gone with the commit that adds them all again
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
        if self._index is not None:
            self.release_writer()
        self._index = None  # tantivy releases files when the object goes
