"""The Whoosh text index: the only module that imports whoosh."""

from __future__ import annotations

# Before Whoosh's first import, so that it loads without what it never uses here.
from readerapp.search import whoosh_light  # noqa: F401

# isort: split
import shutil
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import Analyzer
from whoosh.codec.base import Segment
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.matching import Matcher
from whoosh.reading import IndexReader, SegmentReader
from whoosh.searching import SearchContext, Searcher
from whoosh.writing import CLEAR, MERGE_SMALL, SegmentWriter

from readerapp.core.errors import Cancelled, IndexBusy
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.core.records import IndexDoc
from readerapp.search.analysis import analyse_names, analyse_text, query_words
from readerapp.search.engine import FIELD_OF, INDEXED_FIELDS
from readerapp.search.query import And, MatchAll, Node, Not, Or, Text
from readerapp.search.whoosh_analysis import name_analyzer, text_analyzer
from readerapp.search.whoosh_codec import Codec
from readerapp.search.whoosh_files import install as install_mapped_files
from readerapp.search.whoosh_phrases import phrase_docs, tree_sum
from readerapp.search.whoosh_postings import PostingCache, matching

# The index's format and analysis version: a new name when the schema or the analysis
# changes makes an older index look missing, so that it is rebuilt once (v2: the full text
# of the paper's files; v3: the Porter stemmer of search.porter, shared with tantivy and
# SQLite FTS5).
INDEX_NAME = "papers_v3"
INDEX_PREFIX = "papers_v"
NAME_FIELDS = ("authors", "tags")
# Prefix and fuzzy queries expand to every matching term; cap them so one keystroke stays cheap
# (`co*` in a 100k library matches thousands of words). The query language already asks for
# at least two letters before `*`; fuzzy terms keep their first letter (prefixlength 1).
MAX_EXPANSIONS = 256
FUZZY_PREFIX = 1
# Edits commit without merging: Whoosh merges even five one-paper segments in pure Python in
# 0.4-1.2 s (every term's postings read and written again), ten times an edit's budget, while
# it indexes a paper in ~2.5 ms. So the tiny segments edits leave (TINY_SEGMENT papers or
# fewer) are consolidated by indexing their papers again: once CONSOLIDATE_AT of them exist,
# the next edit also writes again the papers this process put in them (it still has their
# text) and the emptied segments are dropped unread. Segments that other processes wrote are
# merged at close() when there are MAX_SEGMENTS or more; only past EDIT_MAX_SEGMENTS does an
# edit pay for a merge: every segment adds term look-ups to every query and a reader to every
# refresh after a write (prefix and fuzzy queries take twice as long at 30 segments as at 5).
# A rewrite costs about 4 ms a paper at 20k (its ~100 words each written again): so a tiny
# segment holds 8 papers at most, and the slowest edit rewrites 7 (16 let it rewrite 14-18,
# 60-80 ms on top of the edit's own 25 ms; segments past it now form every ~10 edits).
TINY_SEGMENT = 8
CONSOLIDATE_AT = 4
MAX_SEGMENTS = 8
EDIT_MAX_SEGMENTS = 24
# MERGE_SMALL merges the five or more smallest segments per pass.
MERGE_PASSES = 8
# A catch-up in batches (Library.sync_index: an import, a backlog) leaves one segment per
# batch of 2,000 papers, which MERGE_SMALL's thresholds never merge (10 at 20k, 50 at 100k):
# every word of every query is then read per field in each of them. settle() merges them
# once there are SETTLE_AT or more.
SETTLE_AT = 4
# A catch-up of more than one batch writes all of them with one writer (bulk): one segment,
# so no merge after it. Whoosh's pool sorts the postings in memory up to this many MB, then
# spills sorted runs to temporary files and merges them when it commits (cheap, unlike
# merging segments, which reads every stored field and posting again).
BULK_LIMIT_MB = 256
# Up to this many documents an upsert updates each one in place (see upsert).
SMALL_UPSERT = 200
# An upsert of up to this many papers that merges nothing (an edit, a server library's
# catch-up of another machine's changes) writes its posting blocks without zlib: in a small
# segment nearly every word has a block of its own, and compressing each was a fifth of the
# commit. Whoosh reads either (each block says whether it is compressed); merges, bulk
# writes and rebuilds compress as before, so the large segments stay as small.
SMALL_WRITE = 2000
_UNCOMPRESSED = Codec(compression=0)
_COMPRESSED = Codec()
WRITER_TIMEOUT_S = 15.0

install_mapped_files()  # before any index opens: segments are read without a copy
_stemming = text_analyzer()
_names = name_analyzer()


def _drop_emptied(writer: SegmentWriter, segments: list[Segment]) -> list[Segment]:
    """A merge policy that merges nothing and drops the segments whose every document is
    deleted (their papers were just written again), without reading them."""
    return [segment for segment in segments if segment.doc_count() > 0]


def _to_settle(segments: list[Segment]) -> list[Segment]:
    """The segments settle() merges: all but the large ones, a segment being large when it
    holds more documents than all the smaller ones together. A fresh import's equal batches
    all merge; an import into a settled library merges its own batches, not the library."""
    by_size = sorted(segments, key=lambda segment: segment.doc_count_all(), reverse=True)
    rest = sum(segment.doc_count_all() for segment in by_size)
    for at, segment in enumerate(by_size):
        rest -= segment.doc_count_all()
        if segment.doc_count_all() <= rest:
            return by_size[at:]
    return []


def _merge_segments(
    chosen: list[Segment], progress: ProgressSink, cancel: CancelToken | None
) -> Callable[[SegmentWriter, list[Segment]], list[Segment]]:
    """A merge policy that merges the chosen segments, one at a time, so that a long merge
    reports how far it is and can be cancelled between segments (the writer is then
    cancelled and the index stays as it was)."""
    ids = {segment.segment_id() for segment in chosen}

    def merge(writer: SegmentWriter, segments: list[Segment]) -> list[Segment]:
        merging = [segment for segment in segments if segment.segment_id() in ids]
        for done, segment in enumerate(merging, start=1):
            if cancel is not None:
                cancel.check()
            reader = SegmentReader(writer.storage, writer.schema, segment)
            try:
                writer.add_reader(reader)
            finally:
                reader.close()
            # The last step, writing the merged segment, is as long again as a few reads.
            progress(done, len(merging) + 1, "Merging the search index")
        return [segment for segment in segments if segment.segment_id() not in ids]

    return merge


def _schema() -> Schema:
    return Schema(
        pid=ID(stored=True, unique=True, sortable=True),
        title=TEXT(analyzer=_stemming, field_boost=3.0),
        authors=TEXT(analyzer=_names, field_boost=2.0),
        abstract=TEXT(analyzer=_stemming),
        tags=TEXT(analyzer=_names, field_boost=2.0),
        notes=TEXT(analyzer=_stemming),
        # A PDF's thousands of words would outweigh a title's few: a word found only in the
        # full text ranks below the same word in a title or an abstract.
        fulltext=TEXT(analyzer=_stemming, field_boost=0.3),
    )


def _fuse_analyzers(schema: Schema) -> None:
    """Index with the fused analyzers (whoosh_analysis.FusedAnalyzer: the same tokens, about
    twice as fast), also in an index whose stored schema still holds the chains of Whoosh
    filters: the writer's schema is read afresh from the index for each writer, and its
    commit stores the fused ones (pickled as a call to their factory)."""
    for name in schema.names():
        field = schema[name]
        if isinstance(field, TEXT):
            field.analyzer = _analyzer(name)


def _analyzer(field: str) -> Analyzer:
    return _names if field in NAME_FIELDS else _stemming


def _tokens(field: str, text: str) -> list[str]:
    """The words of a query as the field indexes them (search.analysis, as tantivy)."""
    return query_words(analyse_names(text) if field in NAME_FIELDS else analyse_text(text))


def _fields(leaf: Text) -> tuple[str, ...]:
    return (FIELD_OF[leaf.field],) if leaf.field else INDEXED_FIELDS


def _expansion(
    cache: PostingCache | None, reader: IndexReader, field: str, leaf: Text
) -> list[str | bytes]:
    """The terms a prefix or fuzzy leaf expands to in a field, found once per query. The
    walks of each segment's terms that find them also tell which segments lack which of
    them (PostingCache.mark_held)."""
    key = (field, leaf.kind, leaf.value, leaf.distance)
    if cache is not None and key in cache.expansions:
        return cache.expansions[key]
    leaves = reader.leaf_readers() if reader.doc_count_all() else []
    if leaf.kind == "prefix":
        terms, seen = _prefix_terms(leaves, field, leaf.value)
    else:
        terms, seen = _fuzzy_terms(leaves, field, leaf)
    if cache is not None:
        cache.expansions[key] = terms
        for (sub, _offset), held in zip(leaves, seen, strict=True):
            if held is not None:
                cache.mark_held(sub, field, terms, held)
    return terms


def _prefix_terms(
    leaves: list[tuple[IndexReader, int]], field: str, value: str
) -> tuple[list[str | bytes], list[set[str | bytes] | None]]:
    """Terms that a prefix leaf expands to, at most MAX_EXPANSIONS of them (the first in
    Whoosh's order of terms, as its merged expand_prefix gives them), and the terms each
    segment holds among them.

    Each segment's terms are walked, in order, up to MAX_EXPANSIONS: the first
    MAX_EXPANSIONS of all segments' terms are among those, and a segment's term that makes
    the cut is within its own first MAX_EXPANSIONS, so those tell exactly which segments
    hold which of the terms.
    """
    raw = value.lower()
    # The index holds stems ("retriev"), so try the typed prefix and its stem.
    stems = sorted({raw, *[t.text for t in _analyzer(field)(raw)]})
    terms: dict[str | bytes, None] = {}
    seen: list[set[str | bytes]] = [set() for _ in leaves]
    for stem in stems:
        if len(stem) >= 2:
            runs = [
                list(islice(sub.expand_prefix(field, stem), MAX_EXPANSIONS)) for sub, _ in leaves
            ]
            terms.update(dict.fromkeys(sorted(set().union(*runs))[:MAX_EXPANSIONS]))
            for held, run in zip(seen, runs, strict=True):
                held.update(run)
    return list(terms)[:MAX_EXPANSIONS], list(seen)


def _fuzzy_terms(
    leaves: list[tuple[IndexReader, int]], field: str, leaf: Text
) -> tuple[list[str | bytes], list[set[str | bytes] | None]]:
    """Terms within the leaf's edit distance, at most MAX_EXPANSIONS of them, and the terms
    each segment holds among them (None for a segment whose own walk was cut short)."""
    words = _tokens(field, leaf.value)
    if not words:
        return [], [None for _ in leaves]
    found: dict[str | bytes, None] = {}
    seen: list[set[str | bytes] | None] = []
    for sub, _offset in leaves:
        run = list(
            islice(
                sub.terms_within(field, words[0], leaf.distance, prefix=FUZZY_PREFIX),
                MAX_EXPANSIONS,
            )
        )
        found.update(dict.fromkeys(run))
        seen.append(set(run) if len(run) < MAX_EXPANSIONS else None)
    return list(found)[:MAX_EXPANSIONS], seen


def _leaf_query(leaf: Text, reader: IndexReader, cache: PostingCache | None) -> wq.Query:
    """A leaf as a Whoosh query; prefix and fuzzy leaves arrive already expanded and capped."""
    parts: list[wq.Query] = []
    for field in _fields(leaf):
        if leaf.kind in ("prefix", "fuzzy"):
            parts.extend(wq.Term(field, t) for t in _expansion(cache, reader, field, leaf))
        else:
            words = _tokens(field, leaf.value)
            if len(words) == 1:
                parts.append(wq.Term(field, words[0]))
            elif words:
                # "chain-of-thought" and "exact phrase" alike: words in order.
                parts.append(wq.Phrase(field, words))
    if not parts:
        return wq.NullQuery
    return parts[0] if len(parts) == 1 else wq.Or(parts)


def to_whoosh(node: Node, reader: IndexReader, cache: PostingCache | None = None) -> wq.Query:
    """A text-only query tree as a Whoosh query (used for scoring)."""
    if isinstance(node, Text):
        return _leaf_query(node, reader, cache)
    if isinstance(node, And):
        return wq.And([to_whoosh(n, reader, cache) for n in node.items])
    if isinstance(node, Or):
        return wq.Or([to_whoosh(n, reader, cache) for n in node.items])
    if isinstance(node, Not):
        return wq.And([wq.Every(), wq.Not(to_whoosh(node.item, reader, cache))])
    if isinstance(node, MatchAll):
        return wq.Every()
    raise TypeError(f"not a text query node: {node!r}")


def _summands(query: wq.Query) -> list[wq.Query] | None:
    """The words and phrases whose scores an OR of them adds up, or None for other queries.

    Whoosh scores an OR as the sum of the scores of its parts that match (its boost is 1),
    whichever matcher it picks (a tree of unions, or arrays of scores at a time).
    """
    if isinstance(query, (wq.Term, wq.Phrase)):
        return [query]
    if query is wq.NullQuery:
        return []
    if type(query) is wq.Or and query.boost == 1.0 and not query.scale:
        parts: list[wq.Query] = []
        for sub in query.subqueries:
            found = _summands(sub)
            if found is None:
                return None
            parts.extend(found)
        return parts
    return None


def _scores_of(
    searcher: Searcher, summands: list[wq.Query], allowed: list[int], cache: PostingCache
) -> dict[int, float]:
    """Whoosh's scores of the documents `allowed` (sorted numbers) for the sum of `summands`.

    Whoosh's collector would walk every posting of every part and score it (an OR of more
    than two parts on segments under 5,000 documents scores them all into arrays), then drop
    the documents outside the filter: for a common word, thousands of scores to keep a few
    hundred. Here each part is scored on the allowed documents only, from the posting lists
    the matching already read (whoosh_postings), with Whoosh's own scorer of each word: its
    BM25F of the posting's weight and the document's field length, as the word's matcher
    computes it, so the same scores. A document's parts are added up in the summands'
    order, as before.
    """
    context = searcher.context()
    totals: dict[int, float] = {}
    for sub, offset in searcher.leaf_searchers():
        start = bisect_left(allowed, offset)
        end = bisect_left(allowed, offset + sub.doc_count_all(), start)
        targets = [d - offset for d in allowed[start:end]]
        if not targets:
            continue
        wanted = set(targets)
        for summand in summands:
            found: list[tuple[int, float]] | None = None
            if isinstance(summand, wq.Phrase):
                found = _phrase_scores(sub, context, summand, targets, cache)
            elif isinstance(summand, wq.Term):
                found = _term_scores(sub, context, summand, wanted, cache)
            if found is None:  # an unusual scorer or query: walk Whoosh's matcher
                found = _matcher_scores(summand.matcher(sub, context), targets)
            for docnum, score in found:
                key = docnum + offset
                totals[key] = totals.get(key, 0.0) + score
    return totals


def _term_scores(
    sub: Searcher, context: SearchContext, term: wq.Term, wanted: set[int], cache: PostingCache
) -> list[tuple[int, float]] | None:
    if term.boost != 1.0 or term.minquality:
        return None
    reader = sub.reader()
    postings = cache.postings(reader, term.fieldname, term.text)
    if postings is None:
        return []
    found = matching(postings, wanted)
    if not found:
        return []
    scorer = cache.scorer(sub, context, term.fieldname, term.text)
    if scorer is None:
        return None
    score, length = scorer._score, cache.lengths(reader, term.fieldname)
    return [(doc, score(weight, length(doc))) for doc, weight in found]


def _phrase_scores(
    sub: Searcher,
    context: SearchContext,
    phrase: wq.Phrase,
    targets: list[int],
    cache: PostingCache,
) -> list[tuple[int, float]] | None:
    """Whoosh's scores of a phrase on the targets it matches: found by positions
    (whoosh_phrases), scored as its span matcher scores them, the sum of its words' scores
    added up in the tree of its intersection matcher."""
    if phrase.boost != 1.0 or phrase.slop != 1 or len(phrase.words) < 2:
        return None
    reader = sub.reader()
    docs = phrase_docs(reader, phrase.fieldname, phrase.words, cache, within=targets)
    if not docs:
        return []
    columns: list[list[float]] = []
    for word in phrase.words:
        postings = cache.postings(reader, phrase.fieldname, word)
        scorer = cache.scorer(sub, context, phrase.fieldname, word)
        if postings is None or scorer is None:
            return None
        ids, weights = postings.ids, postings.weights
        score, length = scorer._score, cache.lengths(reader, phrase.fieldname)
        columns.append([score(weights[bisect_left(ids, d)], length(d)) for d in docs])
    return [(doc, tree_sum(parts)) for doc, *parts in zip(docs, *columns, strict=True)]


def _matcher_scores(matcher: Matcher, targets: list[int]) -> list[tuple[int, float]]:
    """A Whoosh matcher's scores on the targets it matches, skipping to each in turn."""
    found: list[tuple[int, float]] = []
    place = 0
    while matcher.is_active():
        docnum = matcher.id()
        place = bisect_left(targets, docnum, place)
        if place == len(targets):
            break
        if targets[place] == docnum:
            found.append((docnum, matcher.score()))
            place += 1
            if place == len(targets):
                break
        matcher.skip_to(targets[place])
    return found


class _Matcher:
    """Unscored matching for the table: document numbers as Python sets.

    Terms read their posting lists directly (deleted documents are filtered by the reader);
    only phrases go through Whoosh's query machinery. AND, OR and NOT are set operations,
    which at 100k documents are far cheaper than Whoosh's pure-Python matcher trees.
    """

    def __init__(
        self, searcher: Searcher, live: Callable[[], set[int]], cache: PostingCache
    ) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.leaves = self.reader.leaf_readers()
        self.live = live
        self.cache = cache

    def _postings(self, field: str, term: str | bytes) -> Iterator[int]:
        for sub, offset in self.leaves:
            ids = self.cache.ids(sub, field, term)
            yield from ids if offset == 0 else (d + offset for d in ids)

    def leaf(self, leaf: Text) -> set[int]:
        out: set[int] = set()
        for field in _fields(leaf):
            if leaf.kind in ("prefix", "fuzzy"):
                for term in _expansion(self.cache, self.reader, field, leaf):
                    out.update(self._postings(field, term))
            else:
                words = _tokens(field, leaf.value)
                if len(words) == 1:
                    out.update(self._postings(field, words[0]))
                elif words:
                    for sub, offset in self.leaves:
                        found = phrase_docs(sub, field, words, self.cache)
                        out.update(found if offset == 0 else (d + offset for d in found))
        return out

    def docs(self, node: Node) -> set[int]:
        if isinstance(node, Text):
            return self.leaf(node)
        if isinstance(node, MatchAll):
            return set(self.live())
        if isinstance(node, Not):
            return self.live() - self.docs(node.item)
        if isinstance(node, Or):
            out: set[int] = set()
            for item in node.items:
                out |= self.docs(item)
            return out
        if isinstance(node, And):
            # Positive parts first, smallest first; NOT parts subtract from what is left.
            positives = [n for n in node.items if not isinstance(n, Not)]
            negatives = [n.item for n in node.items if isinstance(n, Not)]
            result: set[int] | None = None
            for item in positives:
                ids = self.docs(item)
                result = ids if result is None else result & ids
                if not result:
                    return set()
            if result is None:
                result = set(self.live())
            for item in negatives:
                result -= self.docs(item)
            return result
        raise TypeError(f"not a text query node: {node!r}")


def _storage(directory: Path) -> FileStorage:
    """The index folder, its segment files memory-mapped and read in place (whoosh_files)."""
    return FileStorage(str(directory))


class WhooshIndex:
    """A Whoosh index in a folder, with a searcher kept warm between queries."""

    # Papers read and written at a time when catching up; a catch-up of more than one batch
    # commits them all at once (bulk).
    batch_size = 2000
    writer_timeout = WRITER_TIMEOUT_S

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._ix: whoosh_index.Index | None = None
        self._searcher: Searcher | None = None
        # Per searcher: document number -> paper id, and the live document numbers. Built
        # once after each write instead of being read document by document per query.
        self._pids: list[int] | None = None
        self._live: set[int] | None = None
        self._docnums: dict[int, int] | None = None
        # Per segment id: its pid column and pid -> document number within it, kept across
        # searchers (see _segment_pid_column).
        self._segment_pids: dict[str, list[int]] = {}
        self._segment_docnums: dict[str, tuple[int, frozenset[int], dict[int, int]]] = {}
        # Paper id -> (segment id, document number, document) of what this process wrote
        # into small segments, while that entry is current (see TINY_SEGMENT).
        self._written: dict[int, tuple[str, int, IndexDoc]] = {}
        self._cache: tuple[Searcher, PostingCache] | None = None
        # The writer of a bulk() and the papers the index held when it began.
        self._bulk: tuple[SegmentWriter, dict[int, int]] | None = None
        self.was_missing = False
        self.upgraded_from: str | None = None  # an older index this one replaces
        self._open()

    def _open(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        try:
            storage = _storage(self.directory)
            if storage.index_exists(INDEX_NAME):
                self._ix = storage.open_index(INDEX_NAME)
                return
            self._drop_older_versions()
        except Exception:  # A damaged index is derived data: drop it and start again.
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory.mkdir(parents=True, exist_ok=True)
        self.was_missing = True
        self._ix = _storage(self.directory).create_index(_schema(), indexname=INDEX_NAME)

    def _drop_older_versions(self) -> None:
        """The files of an older format or analysis: this version rebuilds its own."""
        for path in self.directory.iterdir():
            name = path.name.lstrip("_")
            if name.startswith(INDEX_PREFIX) and not name.startswith(f"{INDEX_NAME}_"):
                self.upgraded_from = name.split("_")[0] + "_" + name.split("_")[1]
                path.unlink(missing_ok=True)

    @property
    def ix(self) -> whoosh_index.Index:
        assert self._ix is not None, "index is closed"
        return self._ix

    def _writer(self, limitmb: int = 128, *, small: bool = False) -> SegmentWriter:
        """The index's writer (its lock held), with whoosh_codec's codec (the same files, a
        field length read once per document); `small`: its segment is written uncompressed
        (see SMALL_WRITE)."""
        # Imported on the first write: a command that only searches never needs it.
        from readerapp.search.whoosh_writer import Writer

        try:
            writer = Writer(
                self.ix,
                timeout=self.writer_timeout,
                limitmb=limitmb,
                codec=_UNCOMPRESSED if small else _COMPRESSED,
            )
        except whoosh_index.LockError as exc:
            raise IndexBusy(
                f"{self.directory}: the search index is busy in another "
                "readerapp; try again when it has finished"
            ) from exc
        _fuse_analyzers(writer.schema)
        return writer

    def searcher(self) -> Searcher:
        if self._searcher is None:
            self._searcher = self.ix.searcher()
        elif not self._searcher.up_to_date():
            # Not Searcher.refresh(): it reuses segment readers and so misses deletions made
            # in segments it already had (and it fails outright on an empty index).
            self._searcher.close()
            self._searcher = self.ix.searcher()
            self._pids = self._live = self._docnums = None
        return self._searcher

    def _leaves(self) -> list[tuple[IndexReader, int]]:
        """The current searcher's segment readers with their document number offsets."""
        reader = self.searcher().reader()
        if reader.doc_count_all() == 0:  # An empty reader has no columns at all.
            return []
        leaves: list[tuple[IndexReader, int]] = reader.leaf_readers()
        # Segments that merges removed are not coming back: forget their columns.
        current = {sub.segment().segment_id() for sub, _offset in leaves}
        for gone in [key for key in self._segment_pids if key not in current]:
            del self._segment_pids[gone]
            self._segment_docnums.pop(gone, None)
        return leaves

    def _segment_pid_column(self, sub: IndexReader) -> list[int]:
        """A segment's pid column (deleted documents included), read once per segment: its
        files never change, so after a small edit only the edit's new segment is read."""
        key = sub.segment().segment_id()
        column = self._segment_pids.get(key)
        if column is None:
            # Raw bytes (b"123"): int() reads them without decoding each value to str.
            column = [int(v) if v else -1 for v in sub.column_reader("pid", translate=False)]
            self._segment_pids[key] = column
        return column

    def _pid_list(self) -> list[int]:
        """Document number -> paper id for the current searcher (deleted documents' slots
        keep the id they had; -1 where a document had none)."""
        leaves = self._leaves()
        if self._pids is None:
            pids: list[int] = []
            for sub, _offset in leaves:
                pids.extend(self._segment_pid_column(sub))
            self._pids = pids
        return self._pids

    def _docnum_of(self) -> dict[int, int]:
        """Paper id -> live document number (the inverse of the pid column)."""
        if self._docnums is None:
            docnums: dict[int, int] = {}
            for sub, offset in self._leaves():
                docnums.update(self._segment_docnum_map(sub, offset))  # later entries win
            self._docnums = docnums
        return self._docnums

    def _docnums_of(self, pids: Sequence[int]) -> dict[int, int]:
        """Paper id -> live document number of these papers only: looked up in each
        segment's kept map (_segment_docnum_map), without merging them all (_docnum_of)."""
        found: dict[int, int] = {}
        for sub, offset in self._leaves():
            docnums = self._segment_docnum_map(sub, offset)
            for pid in pids:
                docnum = docnums.get(pid)
                if docnum is not None:
                    found[pid] = docnum  # later segments win, as in _docnum_of
        return found

    def _segment_docnum_map(self, sub: IndexReader, offset: int) -> dict[int, int]:
        """Paper id -> document number (plus `offset`) of a segment's live documents.

        Deletions only ever grow a segment's deleted set, so the map kept from the last
        searcher is brought up to date by dropping the newly deleted documents: an edit
        costs a copy of the map, not a pass in Python over every document of the segment.
        """
        segment = sub.segment()
        key = segment.segment_id()
        deleted = frozenset(segment.deleted_docs())
        kept = self._segment_docnums.get(key)
        if kept is not None and kept[0] == offset and kept[1] <= deleted:
            _offset, before, docnums = kept
            if len(before) != len(deleted):
                column = self._segment_pid_column(sub)
                docnums = dict(docnums)
                for d in deleted - before:
                    if docnums.get(column[d]) == d + offset:
                        del docnums[column[d]]
        else:
            docnums = {
                pid: d + offset
                for d, pid in enumerate(self._segment_pid_column(sub))
                if d not in deleted
            }
        self._segment_docnums[key] = (offset, deleted, docnums)
        return docnums

    def _live_docs(self) -> set[int]:
        if self._live is None:
            leaves = self._leaves()
            live = set(range(self.searcher().reader().doc_count_all()) if leaves else ())
            for sub, offset in leaves:
                live.difference_update(d + offset for d in sub.segment().deleted_docs())
            self._live = live
        return self._live

    @staticmethod
    def _fields(doc: IndexDoc) -> dict[str, str]:
        return {
            "pid": str(doc.id),
            "title": doc.title,
            "authors": doc.authors,
            "abstract": doc.abstract,
            "tags": doc.tags,
            "notes": doc.notes,
            "fulltext": doc.fulltext,
        }

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Within it, upserts and deletes go to one writer, committed as one segment when
        it ends: a catch-up in batches (Library.sync_index) then leaves no segments to merge,
        where one commit per batch left one segment each and settle() read and wrote them all
        again (80 s of CPU at 20,000 papers). A Cancelled commits what was written so far
        (a cancel keeps the finished batches); any other error drops it all. The writer's
        lock is held throughout: another process's catch-up leaves its papers marked
        (Library.sync_index)."""
        if self._bulk is not None:  # already inside one
            yield
            return
        writer = self._writer(limitmb=BULK_LIMIT_MB)
        # With the lock held the index cannot change: papers it does not hold are added
        # without update_document's per-document search for an old entry.
        self._bulk = (writer, self._docnum_of())
        try:
            yield
        except Cancelled:
            self._bulk = None
            self._commit(writer)
            raise
        except BaseException:
            self._bulk = None
            writer.cancel()
            raise
        self._bulk = None
        self._commit(writer)

    @staticmethod
    def _commit(writer: SegmentWriter) -> None:
        try:
            writer.commit(mergetype=_drop_emptied)
        except BaseException:
            writer.cancel()
            raise

    def _write(
        self,
        writer: SegmentWriter,
        docs: list[IndexDoc],
        known: dict[int, int] | None,
        cancel: CancelToken | None,
    ) -> None:
        """Writes the documents; with `known` (paper id -> document number, read with the
        writer's lock held), a paper's old entry is deleted by its number, where
        update_document would open a searcher over every segment per paper to find it."""
        if known is not None and [s.segment_id() for s in writer.segments] != [
            sub.segment().segment_id() for sub, _offset in self._leaves()
        ]:
            known = None  # numbered over other segments (never expected): find each entry
        for doc in docs:
            if cancel is not None:
                cancel.check()
            fields = self._fields(doc)
            if known is None:
                writer.update_document(**fields)
                continue
            docnum = known.get(doc.id)
            if docnum is not None:
                writer.delete_document(docnum)
            writer.add_document(**fields)

    def upsert(self, docs: Iterable[IndexDoc], *, cancel: CancelToken | None = None) -> int:
        docs = list(docs)
        if self._bulk is not None:
            writer, held = self._bulk
            self._write(writer, docs, held, cancel)
            for doc in docs:
                self._written.pop(doc.id, None)
            return len(docs)
        merge = len(docs) > 1000 or self._segment_count() >= EDIT_MAX_SEGMENTS
        writer = self._writer(small=not merge and len(docs) <= SMALL_WRITE)
        count = 0
        try:
            again = (
                []
                if merge or len(docs) > TINY_SEGMENT
                else self._to_consolidate(writer, {doc.id for doc in docs})
            )
            # With the writer's lock held the index cannot change: each paper's old entry is
            # deleted by its number, and papers it does not hold yet (a fresh import) are
            # added, without update_document's search for an old entry (a Whoosh query over
            # every segment: about 4 ms a paper at 20k, a third of an import's indexing, and
            # most of a consolidation's rewrite). A small write looks its papers up in the
            # segments' kept maps, not in the whole-index map (~50 ms to merge at 20k).
            known = (
                self._docnum_of()
                if len(docs) > SMALL_UPSERT
                else self._docnums_of([doc.id for doc in (*docs, *again)])
            )
            self._write(writer, [*docs, *again], known, cancel)
            count = len(docs)
        except BaseException:
            writer.cancel()
            raise
        segment_id = writer.newsegment.segment_id()
        if merge:
            writer.commit(merge=True)
        else:
            writer.commit(mergetype=_drop_emptied)
        written = [*docs, *again]
        if len(written) <= TINY_SEGMENT:  # documents are numbered in the order written
            for docnum, doc in enumerate(written):
                self._written[doc.id] = (segment_id, docnum, doc)
        else:
            for doc in docs:
                self._written.pop(doc.id, None)
        return count

    def _to_consolidate(self, writer: SegmentWriter, skip: set[int]) -> list[IndexDoc]:
        """The papers this process wrote into tiny segments, to be written again with this
        commit once there are CONSOLIDATE_AT tiny segments of its own (see TINY_SEGMENT).

        Tiny segments that another process wrote do not count: their papers are not here
        to be written again, so counting them only made every other edit rewrite this
        process's papers without removing a segment (close() merges those)."""
        segments = {segment.segment_id(): segment for segment in writer.segments}
        ours: set[str] = set()
        for pid, (key, docnum, _doc) in list(self._written.items()):
            if key not in segments or segments[key].is_deleted(docnum):
                # Merged away, or replaced since (by this process or another): the entry
                # in the index is newer than the text kept here.
                del self._written[pid]
            elif segments[key].doc_count_all() <= TINY_SEGMENT:
                ours.add(key)
        if len(ours) + 1 < CONSOLIDATE_AT:  # this commit adds one more
            return []
        return [
            doc
            for pid, (key, _docnum, doc) in self._written.items()
            if key in ours and pid not in skip
        ]

    def _segment_count(self) -> int:
        return len(self.searcher().reader().leaf_readers())

    def settle(
        self, progress: ProgressSink = no_progress, cancel: CancelToken | None = None
    ) -> bool:
        """After a catch-up in batches: when there are SETTLE_AT segments or more, merges all
        but the large ones (_to_settle) into one; returns whether it merged. In pure Python,
        every posting read and written again (seconds per 10,000 papers), so never after an
        edit, only where a catch-up runs (the library's worker, a command)."""
        if self._segment_count() < SETTLE_AT:
            return False
        writer = self._writer()
        chosen = _to_settle(writer.segments)
        # Read under the writer's lock: another process may have merged or written meanwhile.
        if len(writer.segments) < SETTLE_AT or len(chosen) < 2:
            writer.cancel()
            return False
        try:
            writer.commit(mergetype=_merge_segments(chosen, progress, cancel))
        except BaseException:
            writer.cancel()
            raise
        self._written.clear()  # its segments are gone
        return True

    def delete(self, ids: Iterable[int]) -> None:
        if self._bulk is not None:
            for paper_id in ids:
                self._bulk[0].delete_by_term("pid", str(paper_id))
                self._written.pop(paper_id, None)
            return
        writer = self._writer()
        try:
            for paper_id in ids:
                writer.delete_by_term("pid", str(paper_id))
                self._written.pop(paper_id, None)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=False)

    def _posting_cache(self, *, fresh: bool) -> PostingCache:
        """The posting lists of the current query (see whoosh_postings): a search starts
        them afresh, its scoring reads them, as long as the searcher has not changed."""
        searcher = self.searcher()
        if fresh or self._cache is None or self._cache[0] is not searcher:
            self._cache = (searcher, PostingCache())
        return self._cache[1]

    def search(self, node: Node) -> set[int]:
        cache = self._posting_cache(fresh=True)
        docs = _Matcher(self.searcher(), self._live_docs, cache).docs(node)
        pids = self._pid_list()
        return {pids[d] for d in docs}

    def scores(
        self, node: Node, within: set[int] | None = None, limit: int | None = None
    ) -> dict[int, float]:
        """Scores of the best `limit` matches (all when None) among the papers `within`."""
        searcher = self.searcher()
        pids = self._pid_list()
        cache = self._posting_cache(fresh=False)
        self._cache = None  # the next query reads its own lists
        query = to_whoosh(node, searcher.reader(), cache)
        if within is None:
            return {pids[hit.docnum]: hit.score for hit in searcher.search(query, limit=limit)}
        docnums = self._docnum_of()
        allowed = sorted(docnums[p] for p in within if p in docnums)
        if not allowed:
            return {}
        summands = _summands(query)
        if summands is None:  # not a sum of words and phrases: Whoosh's own collector
            results = searcher.search(query, limit=limit, filter=set(allowed))
            return {pids[hit.docnum]: hit.score for hit in results}
        scores = _scores_of(searcher, summands, allowed, cache)
        best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return {pids[docnum]: score for docnum, score in best}

    def more_like_this(self, paper_id: int, text: str, limit: int) -> list[int]:
        searcher = self.searcher()
        docnum = searcher.document_number(pid=str(paper_id))
        if docnum is None or not text.strip():
            return []
        pids = self._pid_list()
        hits = searcher.more_like(docnum, "abstract", text=text, top=limit)
        return [pids[hit.docnum] for hit in hits]

    def rebuild(
        self,
        docs: Iterable[IndexDoc],
        total: int,
        progress: ProgressSink,
        cancel: CancelToken | None = None,
    ) -> None:
        # Under the writer's lock from the first step, and no files removed by hand: another
        # readerapp that rebuilds or writes meanwhile waits for this one (or says the index
        # is busy) instead of having the folder deleted under its writer. The commit drops
        # every old segment (CLEAR) in the same step that adds the new one.
        writer = self._writer()
        try:
            for done, doc in enumerate(docs, start=1):
                if cancel is not None:
                    cancel.check()
                writer.add_document(**self._fields(doc))
                if done % 500 == 0:
                    progress(done, total, f"Indexing {done:,} / {total:,}")
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=CLEAR)
        self._close(merge=False)  # every cache of the old segments
        self._open()
        progress(total, total, "Index rebuilt")

    def doc_count(self) -> int:
        return int(self.searcher().doc_count())

    def ids(self) -> set[int]:
        pids = self._pid_list()
        return {pids[d] for d in self._live_docs()}

    def _merge_small_segments(self, ix: whoosh_index.Index) -> None:
        """Merge the small segments edits left behind, if the index is free right now."""
        searcher = self._searcher
        if (
            searcher is not None
            and searcher.up_to_date()
            and len(searcher.reader().leaf_readers()) < MAX_SEGMENTS
        ):
            # Nothing to merge, as of now: no writer (its lock, a second read of the table
            # of contents) for a command that only searched.
            return
        for _ in range(MERGE_PASSES):
            try:
                writer = ix.writer(timeout=0.0)
            except whoosh_index.LockError:  # another readerapp is writing: it merges later
                return
            before = len(writer.segments)
            if before < MAX_SEGMENTS:
                writer.cancel()
                return
            try:
                writer.commit(mergetype=MERGE_SMALL)
            except BaseException:
                writer.cancel()
                raise
            with ix.reader() as reader:
                if len(reader.leaf_readers()) >= before:  # nothing small enough to merge
                    return

    def close(self) -> None:
        self._close(merge=True)

    def _close(self, *, merge: bool) -> None:
        self._written.clear()
        if merge and self._ix is not None and self._searcher is not None:
            self._merge_small_segments(self._ix)
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._pids = self._live = self._docnums = None
        self._cache = None
        self._segment_pids.clear()
        self._segment_docnums.clear()
        if self._ix is not None:
            self._ix.close()
            self._ix = None
