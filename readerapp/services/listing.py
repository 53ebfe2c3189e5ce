"""The lists a library is browsed by (all papers, a status, starred, a queue, a tag, a smart
list, an import) and the papers a list shows for a search within it, in the order asked for.

The window's sidebar and table show these; the combination of a list with the search box's
query lives here so that it is the same wherever it is asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from readerapp.search.query import And, Filter, MatchAll, Node, parse_query
from readerapp.services import list_reads, search
from readerapp.services.library import Library
from readerapp.services.list_reads import BatchInfo, LibraryCounts, QueueInfo, SmartList

# Orders whose natural direction is descending: newest first, starred first.
NATURAL_DESCENDING = frozenset({"year", "added", "starred"})


@dataclass(frozen=True, slots=True)
class ListRef:
    """Which list is shown: kind is all|starred|status|queue|tag|smart|batch, or one of the
    reading routine's: inbox|today|snoozed."""

    kind: str
    value: str | int | None = None
    label: str = "All papers"

    def key(self) -> str:
        return f"{self.kind}:{self.value}" if self.value is not None else self.kind

    @property
    def ordered(self) -> bool:
        """A queue or an import has its own order, which a search within it keeps."""
        return self.kind in ("queue", "batch", "today")


@dataclass(frozen=True, slots=True)
class RoutineCounts:
    """The reading routine's lists: papers waiting in the Inbox, on Today's list, snoozed."""

    inbox: int = 0
    today: int = 0
    snoozed: int = 0


@dataclass(frozen=True, slots=True)
class SidebarContent:
    """Everything the sidebar shows, read in one go: the counts are a COUNT and GROUP BY
    over every paper (50-100 ms at 100k papers), too long for a GUI thread. Read without
    the ORM (services.list_reads), before the window's first paint."""

    counts: LibraryCounts
    queues: list[QueueInfo]
    tags: list[tuple[str, int]]
    smart: list[SmartList]
    batches: list[BatchInfo]
    routine: RoutineCounts = RoutineCounts()


def read_sidebar(library: Library) -> SidebarContent:
    return SidebarContent(
        list_reads.counts(library),
        list_reads.list_queues(library),
        list_reads.list_tags(library),
        list_reads.list_smart_lists(library),
        list_reads.list_batches(library),
        RoutineCounts(
            list_reads.inbox_count(library),
            len(list_reads.today_entries(library)),
            len(list_reads.snoozed_ids(library)),
        ),
    )


def list_query(ref: ListRef, text: str) -> Node:
    """The user's query within a list; raises QuerySyntaxError for either part."""
    user = parse_query(text)
    base: Node | None = {
        "starred": Filter("starred"),
        "status": Filter("status", ref.value),
        "tag": Filter("tag", ref.value),
        "inbox": Filter("inbox"),
        "snoozed": Filter("snoozed"),
    }.get(ref.kind)
    if ref.kind == "smart":
        base = parse_query(str(ref.value))
    if base is None:
        return user
    return base if isinstance(user, MatchAll) else And((base, user))


def list_ids(
    library: Library, ref: ListRef, query: Node, sort: str = "relevance", descending: bool = False
) -> list[int]:
    """The ids a list shows for a query: a queue, an import or Today in its own order (the
    papers that match), any other list sorted. Relevance with nothing to rank by is newest
    first; a column's order is reversed only when asked the other way from its natural one.
    A snoozed paper is in no list but Snoozed until its day comes."""
    ids = _list_ids(library, ref, query, sort, descending)
    if ref.kind == "snoozed":
        return ids
    # Taken out afterwards rather than added to the query: the whole library's list keeps
    # its cached order (services.sorting), and few papers are ever snoozed at once.
    snoozed = set(list_reads.snoozed_ids(library))
    return [pid for pid in ids if pid not in snoozed] if snoozed else ids


def _list_ids(
    library: Library, ref: ListRef, query: Node, sort: str, descending: bool
) -> list[int]:
    if ref.ordered:
        if ref.kind == "today":
            order = [pid for pid, _, _ in list_reads.today_entries(library)]
        elif ref.kind == "queue":
            order = list_reads.queue_ids(library, str(ref.value))
        else:
            order = list_reads.batch_paper_ids(library, int(ref.value or 0))
        if isinstance(query, MatchAll):
            return order
        matched = set(search.search_ids(library, query))
        return [pid for pid in order if pid in matched]
    ids = search.search_ids(library, query, sort=sort)
    if sort != "relevance" and descending != (sort in NATURAL_DESCENDING):
        ids.reverse()
    return ids
