"""What an edit changed, and how to take it back.

Every mutating service returns an `Applied`: a label for people, the `Changes` that views
redraw from (the window refreshes only those), and the `Step` that puts back the state the
edit replaced. A Step is data (a kind and its arguments), applied by `services.undo.apply`,
which returns the next Applied, whose own Step redoes the edit. The window keeps Steps on its
undo stack, the command line keeps the last one in the library: both undo the same way.
Model: Anki's OpChanges.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Changes:
    """What an edit touched. Each view decides from this what it redraws."""

    # The papers whose row or details changed; None: any paper may have (an import, an undo).
    papers: frozenset[int] | None = frozenset()
    # The sidebar's lists or counts: statuses, stars, tags, queues, smart lists, imports.
    lists: bool = False
    # Which papers a list holds or their order: papers added or deleted, a sort column edited.
    order: bool = False

    @classmethod
    def of(cls, papers: Iterable[int] = (), *, lists: bool = False, order: bool = False) -> Changes:
        return cls(frozenset(papers), lists, order)

    @classmethod
    def everything(cls) -> Changes:
        return cls(None, True, True)

    def touches(self, paper_id: int) -> bool:
        return self.papers is None or paper_id in self.papers

    @property
    def empty(self) -> bool:
        return self.papers == frozenset() and not self.lists and not self.order

    def __or__(self, other: Changes) -> Changes:
        papers = None if self.papers is None or other.papers is None else self.papers | other.papers
        return Changes(papers, self.lists or other.lists, self.order or other.order)


NOTHING = Changes()


# eq=False: arguments hold lists and dicts, and a Step is compared only by identity.
@dataclass(frozen=True, slots=True, eq=False)
class Step:
    """An edit as data: `services.undo.apply(library, step)` performs it.

    The arguments are plain values (ids, names, texts), so that a Step can be kept on an
    undo stack or, for the command line, in the library as JSON. A Step that holds more
    (a deleted paper's rows) says so with `portable=False` and is kept only in memory.
    """

    kind: str
    args: dict[str, Any] = field(default_factory=dict)
    portable: bool = True


@dataclass(frozen=True, slots=True, eq=False)
class Applied:
    """One edit done: what to call it, what it changed, and the Step that undoes it (None
    when it changed nothing or cannot be undone)."""

    label: str
    changes: Changes
    undo: Step | None = None
    value: Any = None  # what the caller asked for, where there is one: a new note's id
