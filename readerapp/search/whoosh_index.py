"""The Whoosh text index: the only module that imports whoosh."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import Analyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.searching import Searcher
from whoosh.writing import SegmentWriter

from readerapp.core.errors import LibraryError
from readerapp.core.progress import CancelToken, ProgressSink
from readerapp.search.engine import IndexDoc
from readerapp.search.query import And, MatchAll, Node, Not, Or, Text
from readerapp.search.whoosh_analysis import name_analyzer, text_analyzer

# A new name when the schema changes makes old indexes look missing, so they are rebuilt.
INDEX_NAME = "papers_v1"
TEXT_FIELDS = ("title", "authors", "abstract", "tags", "notes")
FIELD_OF = {"title": "title", "author": "authors", "abstract": "abstract", "note": "notes"}
# Prefix and fuzzy queries expand to every matching term; cap them so one keystroke stays cheap.
MAX_EXPANSIONS = 512
WRITER_TIMEOUT_S = 15.0

_stemming = text_analyzer()
_names = name_analyzer()


def _schema() -> Schema:
    return Schema(
        pid=ID(stored=True, unique=True, sortable=True),
        title=TEXT(analyzer=_stemming, field_boost=3.0),
        authors=TEXT(analyzer=_names, field_boost=2.0),
        abstract=TEXT(analyzer=_stemming),
        tags=TEXT(analyzer=_names, field_boost=2.0),
        notes=TEXT(analyzer=_stemming),
    )


def _analyzer(field: str) -> Analyzer:
    return _names if field in ("authors", "tags") else _stemming


def _tokens(field: str, text: str) -> list[str]:
    """The words of a query as the field indexes them: a compound stands for itself alone."""
    tokens = [t.text for t in _analyzer(field)(text)]
    if len(tokens) > 1 and "-" in tokens[0] and "-" in text and " " not in text.strip():
        return tokens[:1]
    return [t for t in tokens if "-" not in t]


def _fields(leaf: Text) -> tuple[str, ...]:
    return (FIELD_OF[leaf.field],) if leaf.field else TEXT_FIELDS


def _leaf_query(leaf: Text) -> wq.Query:
    parts: list[wq.Query] = []
    for field in _fields(leaf):
        if leaf.kind == "prefix":
            # The index holds stems ("retriev"), so try the typed prefix and its stem.
            raw = leaf.value.lower()
            stems = {raw, *[t.text for t in _analyzer(field)(raw)]}
            parts.extend(wq.Prefix(field, s) for s in stems if len(s) >= 2)
        elif leaf.kind == "fuzzy":
            words = _tokens(field, leaf.value)
            if words:
                parts.append(wq.FuzzyTerm(field, words[0], maxdist=leaf.distance,
                                          prefixlength=1))
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


def to_whoosh(node: Node) -> wq.Query:
    """A text-only query tree as a Whoosh query."""
    if isinstance(node, Text):
        return _leaf_query(node)
    if isinstance(node, And):
        return wq.And([to_whoosh(n) for n in node.items])
    if isinstance(node, Or):
        return wq.Or([to_whoosh(n) for n in node.items])
    if isinstance(node, Not):
        return wq.And([wq.Every(), wq.Not(to_whoosh(node.item))])
    if isinstance(node, MatchAll):
        return wq.Every()
    raise TypeError(f"not a text query node: {node!r}")


class WhooshIndex:
    """A Whoosh index in a folder, with a searcher kept warm between queries."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._ix: whoosh_index.Index | None = None
        self._searcher: Searcher | None = None
        self.was_missing = False
        self._open()

    def _open(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        try:
            if whoosh_index.exists_in(str(self.directory), indexname=INDEX_NAME):
                self._ix = whoosh_index.open_dir(str(self.directory), indexname=INDEX_NAME)
                return
        except Exception:  # A damaged index is derived data: drop it and start again.
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory.mkdir(parents=True, exist_ok=True)
        self.was_missing = True
        self._ix = whoosh_index.create_in(str(self.directory), _schema(), indexname=INDEX_NAME)

    @property
    def ix(self) -> whoosh_index.Index:
        assert self._ix is not None, "index is closed"
        return self._ix

    def _writer(self) -> SegmentWriter:
        try:
            return self.ix.writer(timeout=WRITER_TIMEOUT_S)
        except whoosh_index.LockError as exc:
            raise LibraryError(f"{self.directory}: the search index is busy in another "
                               "readerapp; try again when it has finished") from exc

    def searcher(self) -> Searcher:
        if self._searcher is None:
            self._searcher = self.ix.searcher()
        elif not self._searcher.up_to_date():
            # Not Searcher.refresh(): it reuses segment readers and so misses deletions made
            # in segments it already had (and it fails outright on an empty index).
            self._searcher.close()
            self._searcher = self.ix.searcher()
        return self._searcher

    @staticmethod
    def _fields(doc: IndexDoc) -> dict[str, str]:
        return {"pid": str(doc.id), "title": doc.title, "authors": doc.authors,
                "abstract": doc.abstract, "tags": doc.tags, "notes": doc.notes}

    def upsert(self, docs: Iterable[IndexDoc], *, cancel: CancelToken | None = None) -> int:
        writer = self._writer()
        count = 0
        try:
            for doc in docs:
                if cancel is not None:
                    cancel.check()
                writer.update_document(**self._fields(doc))
                count += 1
        except BaseException:
            writer.cancel()
            raise
        # Small edits skip segment merging: a merge costs far more than the edit itself.
        writer.commit(merge=count > 1000)
        return count

    def delete(self, ids: Iterable[int]) -> None:
        writer = self._writer()
        try:
            for paper_id in ids:
                writer.delete_by_term("pid", str(paper_id))
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=False)

    @staticmethod
    def _pid_column(searcher: Searcher) -> Callable[[int], int]:
        """Document number -> paper id, read from the pid column (no stored-field loads)."""
        reader = searcher.reader()
        if reader.doc_count_all() == 0:  # An empty reader has no columns at all.
            return lambda docnum: -1
        column = reader.column_reader("pid")
        return lambda docnum: int(column[docnum])

    def search(self, node: Node) -> set[int]:
        searcher = self.searcher()
        pid = self._pid_column(searcher)
        return {pid(d) for d in searcher.docs_for_query(to_whoosh(node))}

    def scores(self, node: Node, within: set[int] | None = None) -> dict[int, float]:
        searcher = self.searcher()
        column = self._pid_column(searcher)
        results = searcher.search(to_whoosh(node), limit=None)
        out: dict[int, float] = {}
        for hit in results:
            paper_id = column(hit.docnum)
            if within is None or paper_id in within:
                out[paper_id] = hit.score
        return out

    def more_like_this(self, paper_id: int, text: str, limit: int) -> list[int]:
        searcher = self.searcher()
        docnum = searcher.document_number(pid=str(paper_id))
        if docnum is None or not text.strip():
            return []
        column = self._pid_column(searcher)
        hits = searcher.more_like(docnum, "abstract", text=text, top=limit)
        return [column(hit.docnum) for hit in hits]

    def rebuild(
        self,
        docs: Iterable[IndexDoc],
        total: int,
        progress: ProgressSink,
        cancel: CancelToken | None = None,
    ) -> None:
        self.close()
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._ix = whoosh_index.create_in(str(self.directory), _schema(), indexname=INDEX_NAME)
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
        writer.commit()
        progress(total, total, "Index rebuilt")

    def doc_count(self) -> int:
        return int(self.searcher().doc_count())

    def ids(self) -> set[int]:
        searcher = self.searcher()
        column = self._pid_column(searcher)
        return {column(d) for d in searcher.reader().all_doc_ids()}

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        if self._ix is not None:
            self._ix.close()
            self._ix = None
