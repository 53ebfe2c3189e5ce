"""The query language of the search box and the CLI, parsed into a small tree.

The tree knows nothing about any engine: text leaves go to the index, filter leaves to SQL.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from readerapp.core.errors import UserError
from readerapp.core.records import STATUSES
from readerapp.search.analysis import words_of
from readerapp.search.stopwords import STOP_WORDS

TEXT_FIELDS = ("title", "author", "abstract", "note", "fulltext")
# The fields indexed without stop words (search.analysis); author names keep every word.
_STOPPED_FIELDS = (None, "title", "abstract", "note", "fulltext")
FILTER_FIELDS = (
    "is",
    "has",
    "status",
    "queue",
    "tag",
    "year",
    "added",
    "read",
    "started",
    "source",
    "arxiv",
    "doi",
)
HAS_VALUES = ("pdf",)
# inbox: waiting for triage; snoozed: snoozed until a later time; rereading: marked for
# re-reading (services.routine).
IS_VALUES = ("starred", "unstarred", "queued", "inbox", "snoozed", "rereading", *STATUSES)
# The status each history field asks about: read:7d finds papers marked read in 7 days.
HISTORY_FIELDS = {"read": "read", "started": "reading"}
MAX_FUZZY_DISTANCE = 2


class QuerySyntaxError(UserError):
    def __init__(self, query: str, position: int, why: str) -> None:
        self.query = query
        self.position = position
        self.why = why
        super().__init__(f"query error at character {position + 1}: {why}")


@dataclass(frozen=True, slots=True)
class Text:
    """Words matched in the text index. field None means every text field."""

    value: str
    field: str | None = None
    kind: str = "word"  # word | phrase | prefix | fuzzy
    distance: int = 0


@dataclass(frozen=True, slots=True)
class Filter:
    """A structured condition answered from the database."""

    name: str  # starred | queued | status | queue | tag | tag_prefix | year | added | source ...
    value: object = None


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


@dataclass(frozen=True, slots=True)
class MatchAll:
    pass


Node = Text | Filter | And | Or | Not | MatchAll


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # ( ) AND OR NOT - TERM
    pos: int
    text: str = ""
    field: str | None = None
    quoted: bool = False


_WORD_END = re.compile(r'[\s()"]')
_FIELD = re.compile(r"([A-Za-z]+):")
_DURATION = re.compile(r"^(\d+)([dwmy])$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _tokenize(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(_Token(ch, i))
            i += 1
        elif ch == "-" and i + 1 < n and not query[i + 1].isspace() and query[i + 1] != ")":
            tokens.append(_Token("-", i))
            i += 1
        elif ch == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QuerySyntaxError(query, i, 'a quote (") is not closed')
            tokens.append(_Token("TERM", i, query[i + 1 : end], quoted=True))
            i = end + 1
        else:
            start = i
            field = None
            match = _FIELD.match(query, i)
            if match and not query.startswith("//", match.end()):
                field = match.group(1).lower()
                i = match.end()
                if i < n and query[i] == '"':
                    end = query.find('"', i + 1)
                    if end < 0:
                        raise QuerySyntaxError(query, i, 'a quote (") is not closed')
                    tokens.append(_Token("TERM", start, query[i + 1 : end], field, quoted=True))
                    i = end + 1
                    continue
            end_match = _WORD_END.search(query, i)
            end = end_match.start() if end_match else n
            word = query[i:end]
            i = end
            if field is None and word in ("AND", "OR", "NOT"):
                tokens.append(_Token(word, start))
            else:
                tokens.append(_Token("TERM", start, word, field))
    return tokens


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokenize(query)
        self.i = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def error(self, pos: int, why: str) -> QuerySyntaxError:
        return QuerySyntaxError(self.query, pos, why)

    def parse(self) -> Node:
        if not self.tokens:
            return MatchAll()
        node = self.parse_or()
        token = self.peek()
        if token is not None:
            raise self.error(token.pos, "a closing parenthesis has no opening one")
        return node

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.take()
            items.append(self.parse_and())
        items = _without_stop_words(items)
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node:
        items = [self.parse_unary()]
        while (token := self.peek()) is not None and token.kind not in ("OR", ")"):
            if token.kind == "AND":
                self.take()
            items.append(self.parse_unary())
        items = _without_stop_words(items)
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self) -> Node:
        token = self.peek()
        if token is None:
            raise self.error(len(self.query), "the query ends where a search term was expected")
        if token.kind in ("NOT", "-"):
            self.take()
            return Not(self.parse_unary())
        if token.kind == "(":
            self.take()
            if (inner := self.peek()) is not None and inner.kind == ")":
                raise self.error(inner.pos, "empty parentheses")
            node = self.parse_or()
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise self.error(token.pos, "a parenthesis is not closed")
            self.take()
            return node
        if token.kind in ("AND", "OR"):
            raise self.error(token.pos, f"{token.kind} needs a search term before it")
        if token.kind == ")":
            raise self.error(token.pos, "a closing parenthesis has no opening one")
        self.take()
        return self.leaf(token)

    def leaf(self, token: _Token) -> Node:
        value = token.text
        if token.field is None:
            return self.text_leaf(token, None)
        field = token.field
        if field in ("title", "author", "abstract", "note", "fulltext"):
            return self.text_leaf(token, field)
        if field == "authors":
            return self.text_leaf(token, "author")
        if field == "notes":
            return self.text_leaf(token, "note")
        if not value:
            raise self.error(token.pos, f"{field}: needs a value")
        if field == "is":
            value = value.lower()
            if value in STATUSES:
                return Filter("status", value)
            if value not in IS_VALUES:
                raise self.error(
                    token.pos,
                    f"is:{value} is unknown; use one of " + ", ".join(f"is:{v}" for v in IS_VALUES),
                )
            return Filter(value)
        if field == "has":
            value = value.lower()
            if value not in HAS_VALUES:
                raise self.error(
                    token.pos,
                    f"has:{value} is unknown; use " + ", ".join(f"has:{v}" for v in HAS_VALUES),
                )
            return Filter(f"has_{value}")
        if field == "status":
            value = value.lower()
            if value not in STATUSES:
                raise self.error(
                    token.pos, f"status:{value} is unknown; use one of " + ", ".join(STATUSES)
                )
            return Filter("status", value)
        if field == "queue":
            return Filter("queue", value)
        if field == "tag":
            if value.endswith("*") and not token.quoted:
                return Filter("tag_prefix", value.rstrip("*"))
            return Filter("tag", value)
        if field == "year":
            return Filter("year", self.year_range(token))
        if field == "added":
            return Filter("added", self.added_value(token))
        if field in HISTORY_FIELDS:
            return Filter("history", (HISTORY_FIELDS[field], *self.date_range(token)))
        if field == "source":
            return Filter("source", value)
        if field == "arxiv":
            return Filter("arxiv", value)
        if field == "doi":
            return Filter("doi", value)
        known = ", ".join(f"{f}:" for f in (*TEXT_FIELDS, *FILTER_FIELDS))
        raise self.error(token.pos, f"unknown field {field}:; known fields are {known}")

    def text_leaf(self, token: _Token, field: str | None) -> Node:
        value = token.text
        if token.quoted:
            if not value.strip():
                raise self.error(token.pos, "an empty phrase")
            return Text(value, field, "phrase")
        if not value:
            raise self.error(token.pos, f"{field}: needs a value")
        if "~" in value:
            word, _, dist = value.partition("~")
            if not word or not word.replace("-", "").isalnum():
                raise self.error(token.pos, f"fuzzy search needs a word before ~ (in {value!r})")
            distance = int(dist) if dist.isdigit() else 1
            if not 1 <= distance <= MAX_FUZZY_DISTANCE or (dist and not dist.isdigit()):
                raise self.error(token.pos, f"fuzzy distance must be 1 or {MAX_FUZZY_DISTANCE}")
            return Text(word, field, "fuzzy", distance)
        if value.endswith("*"):
            stem = value.rstrip("*")
            if len(stem) < 2 or "*" in stem:
                raise self.error(token.pos, "a prefix search needs at least two letters before *")
            return Text(stem, field, "prefix")
        if "*" in value:
            raise self.error(token.pos, "* is only allowed at the end of a word")
        return Text(value, field, "word")

    def year_range(self, token: _Token) -> tuple[int | None, int | None]:
        match = re.fullmatch(r"(\d{4})?(\.\.)?(\d{4})?", token.text)
        if not match or not (match.group(1) or match.group(3)):
            raise self.error(
                token.pos, f"year:{token.text} should be like year:2023 or year:2021..2024"
            )
        low = int(match.group(1)) if match.group(1) else None
        high = int(match.group(3)) if match.group(3) else None
        if not match.group(2):
            high = low
        if low is not None and high is not None and low > high:
            raise self.error(token.pos, f"year:{token.text} has its range backwards")
        return low, high

    def added_value(self, token: _Token) -> tuple[str, str]:
        value = token.text.lower()
        match = _DURATION.match(value)
        if match:
            return ("within", value)
        if _DATE.match(value) or (value.endswith("..") and _DATE.match(value[:-2])):
            return ("since", value.rstrip("."))
        raise self.error(
            token.pos,
            f"added:{token.text} should be like added:7d, added:2w, "
            "added:3m, added:1y or added:2024-05-01..",
        )

    def date_range(self, token: _Token) -> tuple[str, object, object]:
        """("within", days, None), or ("range", first day, day after the last) as ISO dates
        with either end None for open: from 7d, 2w, 2026-05, 2026-05-03, 2026-05.., ..2026,
        2026-04..2026-05."""
        value = token.text.lower()
        match = _DURATION.match(value)
        if match:
            return ("within", int(match.group(1)) * _DURATION_DAYS[match.group(2)], None)
        low, dots, high = value.partition("..")
        if not dots:
            high = low
        try:
            first = _period(low)[0] if low else None
            after = _period(high)[1] if high else None
        except ValueError:
            first = after = None
            low = high = "?"
        if (low and first is None) or (high and after is None) or not (low or high):
            raise self.error(
                token.pos,
                f"{token.field}:{token.text} should be like {token.field}:7d, "
                f"{token.field}:2026-05, {token.field}:2026-05.. or "
                f"{token.field}:2026-04-01..2026-04-30",
            )
        if first is not None and after is not None and first >= after:
            raise self.error(token.pos, f"{token.field}:{token.text} has its range backwards")
        return (
            "range",
            first.isoformat() if first else None,
            after.isoformat() if after else None,
        )


_DURATION_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}


def _period(text: str) -> tuple[dt.date, dt.date]:
    """The first day of a year, month or day written in ISO form, and the day after its last;
    ValueError when the text is none of them."""
    if not _DATE.match(text):
        raise ValueError(text)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0] + 1, 1, 1)
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        return first, (first + dt.timedelta(days=32)).replace(day=1)
    day = dt.date(parts[0], parts[1], parts[2])
    return day, day + dt.timedelta(days=1)


def _is_stop_word(node: Node) -> bool:
    """A plain word that no stopped field indexes ("the", "of"), or its negation. It matches
    no paper, so "the model" would match none either: the engines' analysers drop such words
    from the text, and the parser drops them from the query. A bare "the" still finds
    nothing. (Author names keep their stop words, but an author called "The" is not worth a
    search for "the model" that finds nothing.)"""
    if isinstance(node, Not):
        return _is_stop_word(node.item)
    if not isinstance(node, Text) or node.kind != "word" or node.field not in _STOPPED_FIELDS:
        return False
    words = words_of(node.value)
    return bool(words) and all(word in STOP_WORDS for word in words)


def _without_stop_words(items: list[Node]) -> list[Node]:
    """The items of an AND or an OR without their stop words, unless nothing else is left."""
    kept = [item for item in items if not _is_stop_word(item)]
    return kept or items


def parse_query(query: str) -> Node:
    """Parse a query; raises QuerySyntaxError (a UserError) that says what is wrong and where."""
    return _Parser(query).parse()


def is_text_only(node: Node) -> bool:
    """True when every leaf is a text leaf, so the whole tree can go to the index at once."""
    if isinstance(node, Text):
        return True
    if isinstance(node, And | Or):
        return all(is_text_only(item) for item in node.items)
    if isinstance(node, Not):
        return is_text_only(node.item)
    return False


def positive_text(node: Node) -> list[Text]:
    """The text leaves that are not negated: what relevance ranking scores."""
    if isinstance(node, Text):
        return [node]
    if isinstance(node, And | Or):
        return [leaf for item in node.items for leaf in positive_text(item)]
    return []
