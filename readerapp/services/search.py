"""Search: the query language evaluated over the index (text) and SQLite (filters)."""

from __future__ import annotations

import datetime as dt
import json
import re
from itertools import filterfalse
from typing import Any, cast

from readerapp.core.errors import UserError
from readerapp.core.identity import normalize_doi, parse_arxiv_id
from readerapp.core.records import Paper, PaperSummary
from readerapp.db import reads
from readerapp.db.dbapi import DbConnection, is_sqlite
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
from readerapp.services.sorting import CACHED, sort_cache
from readerapp.services.sorting import SORTS as SORTS  # what sort= takes, re-exported

# How many of the best matches relevance order ranks by score.
RANKED = 500
_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}

# The filters are SQL over the driver (db.reads), not SQLAlchemy statements: a search then
# needs no SQLAlchemy at all, whose import alone takes several times a small library's search.
# A filter is a statement selecting paper ids (its one column is named `id`) and its
# parameters.
Statement = tuple[str, tuple[Any, ...]]
_PAPERS = "SELECT id FROM papers"


def _like_escaped(text: str) -> str:
    return text.replace("%", r"\%").replace("_", r"\_")


# In the Inbox: created by an import and not yet triaged (services.routine): no status, no
# snooze, not archived, and no star, tag or queue but those its import's options or rules
# gave it on arrival (rule_hits).
_INBOX = (
    f"{_PAPERS} WHERE inbox = TRUE AND status = 'unread' AND snoozed_until IS NULL"
    " AND (starred = FALSE OR id IN (SELECT paper_id FROM rule_hits WHERE starred = TRUE))"
    " AND id NOT IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id"
    "  WHERE NOT EXISTS (SELECT 1 FROM rule_hits h"
    "   WHERE h.paper_id = pt.paper_id AND h.tag = t.name))"
    " AND id NOT IN (SELECT e.paper_id FROM queue_entries e JOIN queues q ON q.id = e.queue_id"
    "  WHERE NOT EXISTS (SELECT 1 FROM rule_hits h"
    "   WHERE h.paper_id = e.paper_id AND h.queue = q.name))"
)


def _filter_sql(conn: DbConnection, f: Filter, now: dt.datetime) -> Statement:
    """A filter as SQL; `now` (the library clock's, naive UTC) dates 7d and snoozes."""
    name, value = f.name, f.value
    if name == "inbox":
        return _INBOX, ()
    if name == "snoozed":
        return f"{_PAPERS} WHERE snoozed_until > ?", (reads.stored_time(now),)
    if name == "rereading":
        return f"{_PAPERS} WHERE reread_due IS NOT NULL", ()
    if name == "history":
        status, mode, low, high = cast("tuple[str, str, Any, Any]", value)  # from date_range
        if mode == "within":
            limits: list[dt.datetime | None] = [now - dt.timedelta(days=int(low)), None]
        else:
            limits = [_local_day_start(low), _local_day_start(high)]
        sql = "SELECT DISTINCT paper_id AS id FROM status_events WHERE status = ? AND known = TRUE"
        params: list[Any] = [status]
        for bound, test in zip(limits, (">=", "<"), strict=True):
            if bound is not None:
                sql += f" AND at {test} ?"
                params.append(reads.stored_time(bound))
        return sql, tuple(params)
    if name == "starred":
        return f"{_PAPERS} WHERE starred = TRUE", ()
    if name == "unstarred":
        return f"{_PAPERS} WHERE starred = FALSE", ()
    if name == "status":
        return f"{_PAPERS} WHERE status = ?", (value,)
    if name == "has_pdf":
        return "SELECT DISTINCT paper_id AS id FROM paper_files", ()
    if name == "queued":
        return "SELECT DISTINCT paper_id AS id FROM queue_entries", ()
    if name == "queue":
        queue_id = reads.scalar(conn, "SELECT id FROM queues WHERE name = ?", (value,))
        if queue_id is None:
            names = conn.execute("SELECT name FROM queues ORDER BY name").fetchall()
            known = ", ".join(n for (n,) in names)
            raise UserError(f"no queue named {value!r}" + (f"; queues: {known}" if known else ""))
        return "SELECT paper_id AS id FROM queue_entries WHERE queue_id = ?", (queue_id,)
    if name in ("tag", "tag_prefix"):
        # tags.name compares without case (its column's NOCASE collation), as LIKE does.
        tags, pattern = (
            ("SELECT id FROM tags WHERE name = ?", str(value))
            if name == "tag"
            else (
                # PostgreSQL's LIKE takes no case-blind collation: compare lower-cased bytes.
                "SELECT id FROM tags WHERE name LIKE ? ESCAPE '\\'"
                if is_sqlite(conn)
                else 'SELECT id FROM tags WHERE lower(name COLLATE "C") LIKE lower(?) '
                "ESCAPE '\\'",
                _like_escaped(str(value)) + "%",
            )
        )
        return f"SELECT DISTINCT paper_id AS id FROM paper_tags WHERE tag_id IN ({tags})", (
            pattern,
        )
    if name == "year":
        low, high = cast("tuple[int | None, int | None]", value)  # from _Parser.year_range
        bounds = [("year >= ?", low), ("year <= ?", high)]
        kept = [(sql, v) for sql, v in bounds if v is not None]
        where = " AND ".join(sql for sql, _ in kept)
        return (f"{_PAPERS} WHERE {where}" if kept else _PAPERS), tuple(v for _, v in kept)
    if name == "added":
        mode, text = cast("tuple[str, str]", value)  # from _Parser.added_value
        if mode == "within":
            match = re.fullmatch(r"(\d+)([dwmy])", text)
            assert match
            since = now - dt.timedelta(days=int(match.group(1)) * _DAYS[match.group(2)])
        else:
            parts = [int(p) for p in text.split("-")] + [1, 1]
            try:
                since = dt.datetime(parts[0], parts[1], parts[2])
            except ValueError as exc:
                raise UserError(f"added:{text} is not a real date") from exc
        return f"{_PAPERS} WHERE added_at >= ?", (reads.stored_time(since),)
    if name == "source":
        like = "%" + _like_escaped(str(value)) + "%"
        batches = "SELECT id FROM import_batches WHERE lower(source) LIKE lower(?) ESCAPE '\\'"
        return f"SELECT paper_id AS id FROM paper_sources WHERE batch_id IN ({batches})", (like,)
    if name == "arxiv":
        return f"{_PAPERS} WHERE arxiv_id = ?", (parse_arxiv_id(str(value)) or str(value),)
    if name == "doi":
        return f"{_PAPERS} WHERE doi = ?", (normalize_doi(str(value)) or str(value).lower(),)
    raise AssertionError(f"unknown filter {name}")


def _local_day_start(iso: str | None) -> dt.datetime | None:
    """The stored (naive UTC) time at which a local day begins: read:2026-05 means May as
    the user lives it."""
    if iso is None:
        return None
    local = dt.datetime.combine(dt.date.fromisoformat(iso), dt.time()).astimezone()
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def _filters_sql(
    conn: DbConnection,
    positives: list[Filter],
    negatives: list[Filter],
    now: dt.datetime,
    within: set[int] | None = None,
) -> Statement:
    """One statement for the filters of an AND: the ids passing every positive filter and
    none of the negative ones, among `within` (all papers when None).

    SQLite intersects in C what would otherwise cross into Python as one id set per filter
    (`-is:starred` alone is 95k ids at 100k papers); `within`, a text part's matches, goes
    in as one JSON array so that only the papers passing the filters come back.
    """
    if within is None and len(positives) == 1 and not negatives:
        return _filter_sql(conn, positives[0], now)
    params: list[Any] = []
    if within is not None:
        sql, column = (
            ("SELECT value AS id FROM json_each(?)", "value")
            if is_sqlite(conn)
            else (
                "SELECT id FROM (SELECT CAST(value AS BIGINT) AS id FROM "
                "json_array_elements_text(CAST(? AS json))) AS within_ids",
                "id",
            )
        )
        params.append(json.dumps(list(within)))
    else:
        sql, column = _PAPERS, "id"
    conditions = []
    for filters, test in ((positives, "IN"), (negatives, "NOT IN")):
        for f in filters:
            inner, inner_params = _filter_sql(conn, f, now)
            conditions.append(f"{column} {test} ({inner})")
            params.extend(inner_params)
    return f"{sql} WHERE {' AND '.join(conditions)}", tuple(params)


# A text part with up to this many matches goes into SQLite with an AND's filters; above it,
# the filters' ids come back and are intersected in Python (JSON costs more per id than a row).
WITHIN_SQL = 20_000


class _Evaluator:
    def __init__(self, library: Library, conn: DbConnection) -> None:
        self.library = library
        self.conn = conn
        self.now = library.clock.now().astimezone(dt.UTC).replace(tzinfo=None)
        self._universe: set[int] | None = None

    def universe(self) -> set[int]:
        if self._universe is None:
            self._universe = reads.all_ids(self.conn)
        return self._universe

    def ids(self, node: Node) -> set[int]:
        if isinstance(node, MatchAll):
            return self.universe()
        if isinstance(node, Filter):
            return reads.id_set(self.conn, *_filter_sql(self.conn, node, self.now))
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
                result = reads.id_set(
                    self.conn, *_filters_sql(self.conn, sql_in, sql_out, self.now, within=result)
                )
            else:
                ids = reads.id_set(self.conn, *_filters_sql(self.conn, sql_in, sql_out, self.now))
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
    with library.snapshot() as conn:
        if isinstance(node, MatchAll) and key in CACHED:
            # Every paper in a cached order: no need to read the 100k ids it holds.
            every = sort_cache(library).current(conn, key)
            if every is not None:
                return every
        ids = _Evaluator(library, conn).ids(node)
        if not ids:
            return []
        ranked_text = positive_text(node)
        fallback = sort_cache(library).ordered(conn, ids, key)
    if sort != "relevance" or not ranked_text:
        return fallback
    scores = library.index.scores(Or(tuple(ranked_text)), within=ids, limit=RANKED)
    if not scores:
        return fallback
    top = sorted(filter(scores.__contains__, fallback), key=lambda pid: -scores[pid])
    return top + list(filterfalse(scores.__contains__, fallback))  # stable: ties newest first


def count_filter(library: Library, node: Filter) -> int:
    """How many papers one filter selects, counted in SQLite."""
    with library.snapshot() as conn:
        now = library.clock.now().astimezone(dt.UTC).replace(tzinfo=None)
        sql, params = _filter_sql(conn, node, now)
        # PostgreSQL before 16 requires the subquery to have a name.
        return int(reads.scalar(conn, f"SELECT count(*) FROM ({sql}) AS counted", params) or 0)


def warm_sort_orders(library: Library) -> None:
    """Read the cached sort orders ahead of the first click on a column header.

    Cold, an order costs a whole-library read (up to a second at 100k papers, most of it
    holding the GIL): done once in the background after opening, the click finds it ready.
    """
    with library.snapshot() as conn:
        for sort in sorted(CACHED):
            sort_cache(library).order(conn, sort)


def search(
    library: Library, query: str, *, sort: str = "relevance", limit: int | None = None
) -> list[Paper]:
    ids = search_ids(library, query, sort)
    if limit is not None:
        ids = ids[:limit]
    with library.snapshot() as conn:
        return reads.load_papers(conn, ids)


def search_summaries(
    library: Library, query: str, *, sort: str = "relevance", limit: int | None = None
) -> list[PaperSummary]:
    """search() with what a table row or a line of `readerapp search` shows: no abstracts,
    notes or sources to read, which for thousands of matches cost most of the search."""
    ids = search_ids(library, query, sort)
    if limit is not None:
        ids = ids[:limit]
    with library.snapshot() as conn:
        found = reads.load_summaries(conn, ids)
    return [found[pid] for pid in ids if pid in found]


def related(library: Library, paper_id: int, limit: int = 5) -> list[Paper]:
    """The papers most like this one in the index (title and abstract as the sample)."""
    with library.snapshot() as conn:
        papers = reads.load_papers(conn, [paper_id])
        if not papers:
            raise UserError(f"no paper with id {paper_id}")
        sample = papers[0].title + "\n" + papers[0].abstract
        ids = [i for i in library.index.more_like_this(paper_id, sample, limit) if i != paper_id]
        return reads.load_papers(conn, ids[:limit])
