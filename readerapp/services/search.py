"""Search: the query language evaluated over the index (text) and SQLite (filters)."""

from __future__ import annotations

import datetime as dt
import json
import re
from itertools import filterfalse
from typing import cast

from sqlalchemy import Select, SQLColumnExpression, func, select
from sqlalchemy.orm import Session

from readerapp.core.errors import UserError
from readerapp.core.identity import normalize_doi, parse_arxiv_id
from readerapp.core.records import Paper
from readerapp.db import queries
from readerapp.db.models import (
    ImportBatchRow,
    PaperRow,
    PaperSourceRow,
    PaperTagRow,
    QueueEntryRow,
    QueueRow,
    TagRow,
    utcnow,
)
from readerapp.search.query import (
    And,
    Filter,
    MatchAll,
    Node,
    Not,
    Or,
    Text,
    is_text_only,
    parse_query,
    positive_text,
)
from readerapp.services.library import Library
from readerapp.services.sorting import CACHED, SORT_KEYS, sort_cache

# relevance, then the sort keys of the table's columns (newest first breaks ties).
SORTS = ("relevance", *SORT_KEYS)
# How many of the best matches relevance order ranks by score.
RANKED = 500
_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}


def _filter_select(session: Session, f: Filter) -> Select[int]:
    paper = select(PaperRow.id)
    name, value = f.name, f.value
    if name == "starred":
        return paper.where(PaperRow.starred.is_(True))
    if name == "unstarred":
        return paper.where(PaperRow.starred.is_(False))
    if name == "status":
        return paper.where(PaperRow.status == value)
    if name == "queued":
        return select(QueueEntryRow.paper_id).distinct()
    if name == "queue":
        queue_id = session.scalar(select(QueueRow.id).where(QueueRow.name == value))
        if queue_id is None:
            known = ", ".join(session.scalars(select(QueueRow.name).order_by(QueueRow.name)))
            raise UserError(f"no queue named {value!r}" + (f"; queues: {known}" if known else ""))
        return select(QueueEntryRow.paper_id).where(QueueEntryRow.queue_id == queue_id)
    if name in ("tag", "tag_prefix"):
        tag_ids = select(TagRow.id).where(
            TagRow.name == value
            if name == "tag"
            else TagRow.name.like(
                str(value).replace("%", r"\%").replace("_", r"\_") + "%", escape="\\"
            )
        )
        return select(PaperTagRow.paper_id).where(PaperTagRow.tag_id.in_(tag_ids)).distinct()
    if name == "year":
        low, high = cast("tuple[int | None, int | None]", value)  # from _Parser.year_range
        query = paper
        if low is not None:
            query = query.where(PaperRow.year >= low)
        if high is not None:
            query = query.where(PaperRow.year <= high)
        return query
    if name == "added":
        mode, text = cast("tuple[str, str]", value)  # from _Parser.added_value
        if mode == "within":
            match = re.fullmatch(r"(\d+)([dwmy])", text)
            assert match
            since = utcnow() - dt.timedelta(days=int(match.group(1)) * _DAYS[match.group(2)])
        else:
            parts = [int(p) for p in text.split("-")] + [1, 1]
            try:
                since = dt.datetime(parts[0], parts[1], parts[2])
            except ValueError as exc:
                raise UserError(f"added:{text} is not a real date") from exc
        return paper.where(PaperRow.added_at >= since)
    if name == "source":
        like = "%" + str(value).replace("%", r"\%").replace("_", r"\_") + "%"
        batches = select(ImportBatchRow.id).where(ImportBatchRow.source.ilike(like, escape="\\"))
        return select(PaperSourceRow.paper_id).where(PaperSourceRow.batch_id.in_(batches))
    if name == "arxiv":
        return paper.where(PaperRow.arxiv_id == (parse_arxiv_id(str(value)) or str(value)))
    if name == "doi":
        return paper.where(PaperRow.doi == (normalize_doi(str(value)) or str(value).lower()))
    raise AssertionError(f"unknown filter {name}")


def _filters_select(
    session: Session,
    positives: list[Filter],
    negatives: list[Filter],
    within: set[int] | None = None,
) -> Select[int]:
    """One statement for the filters of an AND: the ids passing every positive filter and
    none of the negative ones, among `within` (all papers when None).

    SQLite intersects in C what would otherwise cross into Python as one id set per filter
    (`-is:starred` alone is 95k ids at 100k papers); `within`, a text part's matches, goes
    in as one JSON array so that only the papers passing the filters come back.
    """
    if within is None and len(positives) == 1 and not negatives:
        return _filter_select(session, positives[0])
    query: Select[int]
    column: SQLColumnExpression[int]
    if within is not None:
        matches = func.json_each(json.dumps(list(within))).table_valued("value")
        query, column = select(matches.c.value), matches.c.value
    else:
        query, column = select(PaperRow.id), PaperRow.id
    return query.where(
        *[column.in_(_filter_select(session, f)) for f in positives],
        *[column.not_in(_filter_select(session, f)) for f in negatives],
    )


# A text part with up to this many matches goes into SQLite with an AND's filters; above it,
# the filters' ids come back and are intersected in Python (JSON costs more per id than a row).
WITHIN_SQL = 20_000


class _Evaluator:
    def __init__(self, library: Library, session: Session) -> None:
        self.library = library
        self.session = session
        self._universe: set[int] | None = None

    def universe(self) -> set[int]:
        if self._universe is None:
            self._universe = queries.all_ids(self.session)
        return self._universe

    def ids(self, node: Node) -> set[int]:
        if isinstance(node, MatchAll):
            return self.universe()
        if isinstance(node, Filter):
            return queries.id_set(self.session, _filter_select(self.session, node))
        if is_text_only(node) and not isinstance(node, Not):
            return self.library.index.search(node)
        if isinstance(node, Not):
            return self.universe() - self.ids(node.item)
        if isinstance(node, Or):
            out: set[int] = set()
            for item in node.items:
                out |= self.ids(item)
            return out
        if isinstance(node, And):
            return self._and(node)
        assert isinstance(node, Text)
        return self.library.index.search(node)

    def _and(self, node: And) -> set[int]:
        positives = [n for n in node.items if not isinstance(n, Not)]
        negatives = [n.item for n in node.items if isinstance(n, Not)]
        # Text parts go to the index together; filters go to SQLite together, after.
        text = [n for n in positives if is_text_only(n)]
        rest = [n for n in positives if not is_text_only(n) and not isinstance(n, Filter)]
        sql_in = [n for n in positives if isinstance(n, Filter)]
        sql_out = [n for n in negatives if isinstance(n, Filter)]
        result: set[int] | None = None
        if text:
            result = self.library.index.search(text[0] if len(text) == 1 else And(tuple(text)))
            if not result:
                return set()
        for item in rest:  # mixed parts, e.g. (tag:x OR word)
            ids = self.ids(item)
            result = ids if result is None else result & ids
            if not result:
                return set()
        if sql_in or sql_out:
            if result is not None and len(result) <= WITHIN_SQL:
                result = queries.id_set(
                    self.session, _filters_select(self.session, sql_in, sql_out, within=result)
                )
            else:
                ids = queries.id_set(self.session, _filters_select(self.session, sql_in, sql_out))
                result = ids if result is None else result & ids
            if not result:
                return set()
        if result is None:
            result = set(self.universe())
        for negative in negatives:
            if not isinstance(negative, Filter):
                result = result - self.ids(negative)
        return result


def search_ids(library: Library, query: str | Node, sort: str = "relevance") -> list[int]:
    """Ids of the papers matching a query, in the requested order.

    Relevance ranks the best RANKED matches by score and lists the rest newest first (a
    table shows the top; scoring every match of a broad query at 100k papers costs seconds
    in Whoosh). Relevance falls back to newest first when the query has no text to rank by.
    """
    if sort not in SORTS:
        raise UserError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    node = parse_query(query) if isinstance(query, str) else query
    key = "added" if sort == "relevance" else sort
    with library.read() as session:
        if isinstance(node, MatchAll) and key in CACHED:
            # Every paper in a cached order: no need to read the 100k ids it holds.
            every = sort_cache(library).current(session, key)
            if every is not None:
                return every
        ids = _Evaluator(library, session).ids(node)
        if not ids:
            return []
        ranked_text = positive_text(node)
        fallback = sort_cache(library).ordered(session, ids, key)
    if sort != "relevance" or not ranked_text:
        return fallback
    scores = library.index.scores(Or(tuple(ranked_text)), within=ids, limit=RANKED)
    if not scores:
        return fallback
    top = sorted(filter(scores.__contains__, fallback), key=lambda pid: -scores[pid])
    return top + list(filterfalse(scores.__contains__, fallback))  # stable: ties newest first


def warm_sort_orders(library: Library) -> None:
    """Read the cached sort orders ahead of the first click on a column header.

    Cold, an order costs a whole-library read (up to a second at 100k papers, most of it
    holding the GIL): done once in the background after opening, the click finds it ready.
    """
    with library.read() as session:
        for sort in sorted(CACHED):
            sort_cache(library).order(session, sort)


def search(
    library: Library, query: str, *, sort: str = "relevance", limit: int | None = None
) -> list[Paper]:
    ids = search_ids(library, query, sort)
    if limit is not None:
        ids = ids[:limit]
    with library.read() as session:
        return queries.load_papers(session, ids)


def related(library: Library, paper_id: int, limit: int = 5) -> list[Paper]:
    """The papers most like this one in the index (title and abstract as the sample)."""
    with library.read() as session:
        papers = queries.load_papers(session, [paper_id])
        if not papers:
            raise UserError(f"no paper with id {paper_id}")
        sample = papers[0].title + "\n" + papers[0].abstract
        ids = [i for i in library.index.more_like_this(paper_id, sample, limit) if i != paper_id]
        return queries.load_papers(session, ids[:limit])
