"""Where the words of a search were found: a short passage of a paper's abstract or full
text with the words marked, for `readerapp search --json` ("snippets") and the detail pane.

The index says *that* a paper matches, not where; the passage is found again here in the
stored text. Matching is by word start with a light suffix trim (the index stems, so
"ablate" finds "ablation"), which is what the eye expects to see marked. Reads go through
the driver (no ORM), so a search with snippets stays a light command.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from readerapp.db import reads
from readerapp.db.dbapi import DbConnection
from readerapp.search.query import Node, Text, parse_query, positive_text

# Characters of context on each side of the first match.
CONTEXT = 80
# Fields a snippet can come from, in the order shown: the full text is the one the eye
# cannot scan, the abstract the one it can.
SNIPPET_FIELDS = ("fulltext", "abstract")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "es", "ed", "s", "e")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Snippet:
    field: str  # "fulltext" or "abstract"
    text: str
    marks: tuple[tuple[int, int], ...]  # [start, end) character offsets in text

    def to_json(self) -> dict[str, object]:
        return {"field": self.field, "text": self.text, "marks": [list(m) for m in self.marks]}

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The text with each marked span wrapped, e.g. for a terminal or a log."""
        out, last = [], 0
        for start, end in self.marks:
            out += [self.text[last:start], before, self.text[start:end], after]
            last = end
        out.append(self.text[last:])
        return "".join(out)


def _root(word: str) -> str:
    lowered = word.lower()
    for suffix in _SUFFIXES:
        if lowered.endswith(suffix) and len(lowered) - len(suffix) >= 4:
            return lowered[: -len(suffix)]
    return lowered


def _word_pattern(word: str, *, prefix: bool) -> str:
    return r"\b" + re.escape(_root(word) if not prefix else word.lower()) + r"\w*"


def leaf_pattern(leaf: Text) -> re.Pattern[str] | None:
    words = re.findall(r"\w+", leaf.value)
    if not words:
        return None
    if leaf.kind == "prefix":
        return re.compile(_word_pattern(words[0], prefix=True), re.IGNORECASE)
    parts = [_word_pattern(w, prefix=False) for w in words]
    return re.compile(r"[\W_]+".join(parts), re.IGNORECASE)


def patterns_for(node: Node, field: str) -> list[re.Pattern[str]]:
    """Patterns for the positive text leaves that search `field` (or every field), longest
    (phrases) first: a phrase's passage is the one worth showing."""
    leaves = [
        leaf for leaf in positive_text(node) if leaf.field in (None, field) and leaf.kind != "fuzzy"
    ]
    leaves.sort(key=lambda leaf: -len(leaf.value.split()))
    return [p for p in map(leaf_pattern, leaves) if p is not None]


def snippet_of(text: str, patterns: Sequence[re.Pattern[str]], field: str) -> Snippet | None:
    """The passage around the first match of the first pattern that matches, every pattern's
    matches in it marked; None when nothing matches."""
    for pattern in patterns:
        found = pattern.search(text)
        if found is None:
            continue
        start = max(0, found.start() - CONTEXT)
        end = min(len(text), found.end() + CONTEXT)
        # Whole words at both ends.
        if start > 0:
            space = text.find(" ", start, found.start())
            start = space + 1 if space >= 0 else start
        if end < len(text):
            space = text.rfind(" ", found.end(), end)
            end = space if space >= 0 else end
        window = _SPACE.sub(" ", text[start:end]).strip()
        prefix = "… " if start > 0 else ""
        suffix = " …" if end < len(text) else ""
        shown = prefix + window + suffix
        spans = sorted(
            {(m.start(), m.end()) for p in patterns for m in p.finditer(shown) if m.group()}
        )
        marks: list[tuple[int, int]] = []
        for span in spans:  # overlapping matches (a phrase and its words) become one mark
            if marks and span[0] < marks[-1][1]:
                marks[-1] = (marks[-1][0], max(marks[-1][1], span[1]))
            else:
                marks.append(span)
        return Snippet(field, shown, tuple(marks))
    return None


_TEXT_SQL = {
    "abstract": "SELECT id, abstract FROM papers WHERE id IN ({marks})",
    "fulltext": "SELECT f.paper_id, t.body FROM file_texts t JOIN paper_files f "
    "ON f.id = t.file_id WHERE f.paper_id IN ({marks}) ORDER BY f.id",
}


def _texts(conn: DbConnection, field: str, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for part in reads.chunks(list(ids)):
        sql = _TEXT_SQL[field].format(marks=",".join("?" * len(part)))
        for paper_id, body in conn.execute(sql, tuple(part)):
            if body:
                out.setdefault(paper_id, []).append(body)
    return out


def snippets(conn: DbConnection, query: str | Node, ids: Sequence[int]) -> dict[int, list[Snippet]]:
    """Per paper, at most one snippet per field (full text first), for a query's words."""
    node = parse_query(query) if isinstance(query, str) else query
    out: dict[int, list[Snippet]] = {pid: [] for pid in ids}
    for field in SNIPPET_FIELDS:
        patterns = patterns_for(node, field)
        if not patterns:
            continue
        for paper_id, bodies in _texts(conn, field, ids).items():
            for body in bodies:
                found = snippet_of(body, patterns, field)
                if found is not None:
                    out[paper_id].append(found)
                    break
    return out
