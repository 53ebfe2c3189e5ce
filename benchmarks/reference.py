"""The reference every figure is divided by: the same records in plain sqlite3 (executemany
bulk insert) and an SQLite FTS5 index answering the same query mix, timed in the same
process, so that ratios compare across machines of different speed."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from benchmarks.generate import UserState
from benchmarks.queries import Query
from readerapp.core.records import PaperRecord

_SCHEMA = """
CREATE TABLE papers (id INTEGER PRIMARY KEY, title TEXT, abstract TEXT, year INTEGER,
    date TEXT, arxiv_id TEXT UNIQUE, starred INTEGER DEFAULT 0, status TEXT DEFAULT 'unread',
    added TEXT);
CREATE TABLE authors (paper_id INTEGER, position INTEGER, name TEXT);
CREATE TABLE paper_tags (paper_id INTEGER, tag TEXT);
CREATE TABLE notes (paper_id INTEGER, body TEXT);
CREATE TABLE queue_entries (queue TEXT, paper_id INTEGER, position INTEGER);
-- What any application joining these tables would have (readerapp has the same): without
-- them the FTS build's per-paper subqueries scan every author row, quadratic in the size.
CREATE INDEX authors_paper ON authors (paper_id);
CREATE INDEX paper_tags_paper ON paper_tags (paper_id);
CREATE INDEX notes_paper ON notes (paper_id);
CREATE INDEX queue_entries_paper ON queue_entries (paper_id);
"""
_FTS = """
CREATE VIRTUAL TABLE ref_fts USING fts5(title, authors, abstract, tags, notes,
    tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE ref_vocab USING fts5vocab(ref_fts, 'row');
"""
ORDER = {
    "added": "p.added DESC, p.id DESC",
    "year": "p.year DESC, p.added DESC",
    "title": "lower(p.title)",
    "starred": "p.starred DESC, p.added DESC",
    "status": "CASE p.status WHEN 'unread' THEN 0 WHEN 'reading' THEN 1 WHEN 'read' THEN 2 "
    "WHEN 'skimmed' THEN 3 ELSE 4 END, p.added DESC",
    # What an application would write: the first author's name, and the tag and queue names.
    "authors": "(SELECT name FROM authors a WHERE a.paper_id = p.id AND a.position = 0) "
    "IS NULL, (SELECT name FROM authors a WHERE a.paper_id = p.id "
    "AND a.position = 0)",
    "tags": "(SELECT group_concat(tag, ', ') FROM paper_tags t WHERE t.paper_id = p.id) "
    "IS NULL, (SELECT group_concat(tag, ', ') FROM paper_tags t "
    "WHERE t.paper_id = p.id)",
    "queues": "(SELECT group_concat(queue, ', ') FROM queue_entries q "
    "WHERE q.paper_id = p.id) IS NULL, (SELECT group_concat(queue, ', ') "
    "FROM queue_entries q WHERE q.paper_id = p.id)",
}


def _distance_at_most(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance <= limit (small words; a plain dynamic programme)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


class Reference:
    def __init__(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        self.conn = sqlite3.connect(path)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.executescript(_SCHEMA)
        self.ids: dict[str, int] = {}

    @classmethod
    def reopen(cls, path: Path, records: Sequence[PaperRecord]) -> Reference:
        """A reference database an earlier run built from these records, as it left it."""
        ref = cls.__new__(cls)
        ref.conn = sqlite3.connect(path)
        ref.ids = {r.arxiv_id: i for i, r in enumerate(records, start=1) if r.arxiv_id}
        return ref

    def bulk_insert(self, records: Sequence[PaperRecord]) -> None:
        """Plain sqlite3: one transaction, executemany, no identity matching."""
        with self.conn:
            self.conn.executemany(
                "INSERT INTO papers (id, title, abstract, year, date, arxiv_id, added) "
                "VALUES (?, ?, ?, ?, ?, ?, datetime('now'))",
                [
                    (i, r.title, r.abstract, r.year, r.date, r.arxiv_id)
                    for i, r in enumerate(records, start=1)
                ],
            )
            self.conn.executemany(
                "INSERT INTO authors VALUES (?, ?, ?)",
                [
                    (i, n, name)
                    for i, r in enumerate(records, start=1)
                    for n, name in enumerate(r.authors)
                ],
            )
        self.ids = {r.arxiv_id: i for i, r in enumerate(records, start=1) if r.arxiv_id}

    def apply_state(self, state: UserState) -> None:
        ids = self.ids
        with self.conn:
            self.conn.executemany(
                "UPDATE papers SET starred = 1 WHERE id = ?", [(ids[a],) for a in state.starred]
            )
            self.conn.executemany(
                "UPDATE papers SET status = ? WHERE id = ?",
                [(s, ids[a]) for a, s in state.status.items()],
            )
            self.conn.executemany(
                "INSERT INTO paper_tags VALUES (?, ?)",
                [(ids[a], t) for a, tags in state.tags.items() for t in tags],
            )
            self.conn.executemany(
                "INSERT INTO notes VALUES (?, ?)",
                [(ids[a], body) for a, body in state.notes.items()],
            )
            self.conn.executemany(
                "INSERT INTO queue_entries VALUES (?, ?, ?)",
                [
                    (q, ids[a], n)
                    for q, members in state.queues.items()
                    for n, a in enumerate(members, start=1)
                ],
            )

    def build_fts(self) -> None:
        """The FTS5 index over the same text readerapp indexes."""
        with self.conn:
            self.conn.executescript(_FTS)
            self.conn.execute("""
                INSERT INTO ref_fts (rowid, title, authors, abstract, tags, notes)
                SELECT p.id, p.title,
                    (SELECT group_concat(name, char(10)) FROM authors WHERE paper_id = p.id),
                    p.abstract,
                    (SELECT group_concat(tag, char(10)) FROM paper_tags WHERE paper_id = p.id),
                    (SELECT group_concat(body, char(10)) FROM notes WHERE paper_id = p.id)
                FROM papers p""")

    def _stem(self, word: str) -> str:
        """The word as FTS5's porter tokenizer indexes it (it has no function for that)."""
        self.conn.executescript("""
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.ref_stem USING fts5(
                word, tokenize = 'porter unicode61');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.ref_stem_vocab
                USING fts5vocab(temp, ref_stem, 'row');
            DELETE FROM temp.ref_stem;""")
        self.conn.execute("INSERT INTO temp.ref_stem (word) VALUES (?)", (word,))
        stems = [t for (t,) in self.conn.execute("SELECT term FROM temp.ref_stem_vocab")]
        return stems[0] if stems else word

    def _fuzzy(self, word: str, distance: int, *, keep_first: bool = True) -> str:
        """FTS5 has no fuzzy search: expand over its vocabulary, as an application would,
        from the typed word as FTS5 stems it (as readerapp's engines do); the terms keep
        the word's first letter unless keep_first is False."""
        word = self._stem(word)
        low, high = (word[0], chr(ord(word[0]) + 1)) if keep_first else ("", "\U0010ffff")
        terms = [
            t
            for (t,) in self.conn.execute(
                "SELECT term FROM ref_vocab WHERE term >= ? AND term < ?", (low, high)
            )
            if _distance_at_most(word, t, distance)
        ]
        return " OR ".join(terms) if terms else '"zzzznothing"'

    def search(self, query: Query, table: str = "ref_fts") -> list[int]:
        """Paper ids in the query's order; `table`: another FTS5 table of the same columns
        (tests/search/test_engines_agree.py has one without stop words)."""
        match = self._fuzzy(*query.fuzzy) if query.fuzzy else query.fts
        where = query.where or "1"
        if match:
            order = "rank" if query.sort == "relevance" else ORDER[query.sort]
            sql = (
                f"SELECT p.id FROM {table} JOIN papers p ON p.id = {table}.rowid "
                f"WHERE {table} MATCH ? AND {where} ORDER BY {order}"
            )
            return [i for (i,) in self.conn.execute(sql, (match,))]
        order = ORDER["added" if query.sort == "relevance" else query.sort]
        return [
            i
            for (i,) in self.conn.execute(
                f"SELECT p.id FROM papers p WHERE {where} ORDER BY {order}"
            )
        ]

    def related(self, paper_id: int, limit: int) -> list[int]:
        (text,) = self.conn.execute(
            "SELECT title || ' ' || abstract FROM papers WHERE id = ?", (paper_id,)
        ).fetchone()
        words = sorted(
            {w for w in text.lower().split() if w.isalpha() and len(w) > 5}, key=len, reverse=True
        )[:20]
        match = " OR ".join(words) or '"zzzznothing"'
        return [
            i
            for (i,) in self.conn.execute(
                "SELECT rowid FROM ref_fts WHERE ref_fts MATCH ? AND rowid != ? ORDER BY rank "
                "LIMIT ?",
                (match, paper_id, limit),
            )
        ]

    def star(self, paper_id: int) -> bool:
        with self.conn:
            self.conn.execute("UPDATE papers SET starred = 1 WHERE id = ?", (paper_id,))
        return paper_id in {
            i for (i,) in self.conn.execute("SELECT id FROM papers WHERE starred = 1")
        }

    def status(self, paper_id: int) -> bool:
        with self.conn:
            self.conn.execute("UPDATE papers SET status = 'reading' WHERE id = ?", (paper_id,))
        return paper_id in {
            i for (i,) in self.conn.execute("SELECT id FROM papers WHERE status = 'reading'")
        }

    def text_edit(self, paper_id: int, column: str, word: str) -> bool:
        """A tag or a note: the row's text changes in FTS5, then a search finds it."""
        with self.conn:
            self.conn.execute(
                f"UPDATE ref_fts SET {column} = coalesce({column}, '') || ' ' || ? WHERE rowid = ?",
                (word, paper_id),
            )
        return paper_id in {
            i
            for (i,) in self.conn.execute(
                "SELECT rowid FROM ref_fts WHERE ref_fts MATCH ?", (word,)
            )
        }

    def close(self) -> None:
        self.conn.close()
