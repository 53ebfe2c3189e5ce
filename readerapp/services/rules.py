"""Rules: a saved search with actions (add a tag, put on a queue, star, mark for Today),
applied to the papers each import creates and, on request, to the whole library.

What a rule changed on each paper is recorded (models.RuleHitRow): the import's summary says
it, undoing the import takes it back (services.batches via services.rule_hits), and a run over
the library is undone the same way.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass, field

from sqlalchemy import func, insert, select

from readerapp.core.errors import UserError
from readerapp.db.models import PaperSourceRow, RuleHitRow, RuleRow
from readerapp.search.query import Filter, parse_query
from readerapp.services import queues, rule_hits, search, triage
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.days import now_utc
from readerapp.services.library import Library


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    query: str
    tag: str | None = None
    queue: str | None = None
    star: bool = False
    today: bool = False

    @property
    def actions(self) -> list[str]:
        """The actions in words, for lists and summaries."""
        done = []
        if self.tag:
            done.append(f"tag {self.tag}")
        if self.queue:
            done.append(f"queue {self.queue}")
        if self.star:
            done.append("star")
        if self.today:
            done.append("today")
        return done

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(slots=True)
class RuleResult:
    """What one rule did (or, in a dry run, would do) to a set of papers."""

    rule: str
    matched: list[int] = field(default_factory=list)
    tagged: list[int] = field(default_factory=list)
    queued: list[int] = field(default_factory=list)
    starred: list[int] = field(default_factory=list)
    today: list[int] = field(default_factory=list)
    hit_ids: list[int] = field(default_factory=list)  # what undo takes back
    dry_run: bool = False
    tag: str | None = None  # the rule's tag and queue when it ran, for the summary
    queue: str | None = None

    def summary(self) -> str:
        """A line such as "rule LLM: matched 3 papers: tagged 3 llm, queued 2 on LLM"."""
        parts = []
        if self.tagged:
            parts.append(f"tagged {len(self.tagged):,} {self.tag}")
        if self.queued:
            parts.append(f"queued {len(self.queued):,} on {self.queue}")
        if self.starred:
            parts.append(f"starred {len(self.starred):,}")
        if self.today:
            parts.append(f"{len(self.today):,} for today")
        what = ", ".join(parts) if parts else "nothing to change"
        verb = "would match" if self.dry_run else "matched"
        count = len(self.matched)
        return f"rule {self.rule}: {verb} {count:,} paper{'s' * (count != 1)}: {what}"

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "matched": self.matched,
            "tagged": self.tagged,
            "queued": self.queued,
            "starred": self.starred,
            "today": self.today,
            "dry_run": self.dry_run,
        }


def clean_rule_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UserError("a rule needs a name")
    if len(cleaned) > 100:
        raise UserError("a rule name can be at most 100 characters long")
    return cleaned


def _rule(row: RuleRow) -> Rule:
    return Rule(row.name, row.query, row.tag, row.queue, row.star, row.today)


def list_rules(library: Library) -> list[Rule]:
    with library.read() as session:
        rows = session.scalars(select(RuleRow).order_by(func.lower(RuleRow.name)))
        return [_rule(r) for r in rows]


def get_rule(library: Library, name: str) -> Rule:
    with library.read() as session:
        row = session.scalar(select(RuleRow).where(RuleRow.name == clean_rule_name(name)))
        if row is None:
            known = ", ".join(session.scalars(select(RuleRow.name).order_by(RuleRow.name)))
            raise UserError(f"no rule named {name!r}" + (f"; rules: {known}" if known else ""))
        return _rule(row)


def make_rule(
    name: str,
    query: str,
    tag: str | None = None,
    queue: str | None = None,
    star: bool = False,
    today: bool = False,
) -> Rule:
    """A rule with its names cleaned and its query checked; one action at least."""
    parse_query(query)  # a QuerySyntaxError says what is wrong and where
    if not query.strip():
        raise UserError("a rule needs a query: one that matches everything would act on all")
    rule = Rule(
        clean_rule_name(name),
        query.strip(),
        triage.clean_tag(tag) if tag else None,
        queues.clean_name(queue) if queue else None,
        star,
        today,
    )
    if not rule.actions:
        raise UserError("a rule needs an action: --tag, --queue, --star or --today")
    return rule


def save_rule(library: Library, rule: Rule, replacing: str | None = None) -> Applied:
    """Adds a rule, or replaces the rule named `replacing` (an edit, which may rename it)."""
    return set_rules(
        library, [[replacing or rule.name, None], [rule.name, rule.to_json()]], "Save rule"
    )


def remove_rule(library: Library, name: str) -> Applied:
    rule = get_rule(library, name)
    return set_rules(library, [[rule.name, None]], f"Remove rule “{rule.name}”")


def set_rules(library: Library, changes: Sequence[Sequence[object]], label: str = "") -> Applied:
    """Applies [name, rule as a dict or None] pairs in order (None removes the rule); the
    undo puts back what each name held."""
    before: list[list[object]] = []
    with library.write() as session:
        for name, data in changes:
            row = session.scalar(select(RuleRow).where(RuleRow.name == str(name)))
            before.append([str(name), None if row is None else _rule(row).to_json()])
            if data is None:
                if row is not None:
                    session.delete(row)
                    session.flush()
                continue
            rule = Rule(**dict(data))  # type: ignore[call-overload]
            if row is None:
                session.add(
                    RuleRow(
                        name=rule.name,
                        query=rule.query,
                        tag=rule.tag,
                        queue=rule.queue,
                        star=rule.star,
                        today=rule.today,
                        created_at=now_utc(library),
                    )
                )
            else:
                row.query, row.tag, row.queue = rule.query, rule.tag, rule.queue
                row.star, row.today = rule.star, rule.today
            session.flush()
    before.reverse()
    return Applied(label or "Change rules", Changes(lists=True), Step("rules", {"changes": before}))


def apply_rule(
    library: Library,
    rule: Rule,
    within: Collection[int] | None = None,
    *,
    batch_of: dict[int, int] | None = None,
    dry_run: bool = False,
) -> RuleResult:
    """Applies a rule to the papers it matches among `within` (the whole library when None).

    Records what it changed on each paper (with the batch that created the paper, from
    `batch_of`), so that it can be taken back. A dry run changes nothing and reports what
    it would do.
    """
    # Oldest first: a new batch's papers reach a queue in the order of their file.
    matched = sorted(search.search_ids(library, parse_query(rule.query), sort="added"))
    if within is not None:
        allowed = set(within)
        matched = [pid for pid in matched if pid in allowed]
    result = RuleResult(rule.name, matched, dry_run=dry_run, tag=rule.tag, queue=rule.queue)
    if not matched:
        return result
    had_tag = set(search.search_ids(library, Filter("tag", rule.tag))) if rule.tag else set()
    on_queue: set[int] = set()
    if rule.queue:
        known = {q.name.casefold() for q in queues.list_queues(library)}
        if rule.queue.casefold() in known:
            on_queue = set(queues.queue_ids(library, rule.queue))
    starred = set(search.search_ids(library, Filter("starred"))) if rule.star else set()
    result.tagged = [p for p in matched if p not in had_tag] if rule.tag else []
    result.queued = [p for p in matched if p not in on_queue] if rule.queue else []
    result.starred = [p for p in matched if p not in starred] if rule.star else []
    result.today = list(matched) if rule.today else []
    if dry_run:
        return result
    if result.tagged and rule.tag:
        triage.add_tag(library, rule.tag, result.tagged)
    if result.queued and rule.queue:
        queues.add_to_queue(library, rule.queue, result.queued)
    if result.starred:
        triage.set_starred(library, result.starred, True)
    tagged, queued, star = set(result.tagged), set(result.queued), set(result.starred)
    rows: list[dict[str, object]] = [
        {
            "paper_id": pid,
            "batch_id": (batch_of or {}).get(pid),
            "tag": rule.tag if pid in tagged else None,
            "queue": rule.queue if pid in queued else None,
            "starred": pid in star,
            "today": rule.today,
        }
        for pid in matched
        if pid in tagged or pid in queued or pid in star or rule.today
    ]
    result.hit_ids = record_hits(library, rule.name, rows)
    return result


# The name hits of an import's own --tag and --queue options go by (they are not a rule).
IMPORT_OPTIONS = "import options"


def record_hits(library: Library, rule: str, rows: Sequence[dict[str, object]]) -> list[int]:
    """Records what a rule (or an import's options) did to each paper; returns the hits'
    ids. A row holds paper_id, batch_id, tag, queue, starred and today."""
    ids: list[int] = []
    if not rows:
        return ids
    with library.write() as session:
        rule_id = session.scalar(select(RuleRow.id).where(RuleRow.name == rule))
        at = now_utc(library)
        for row in rows:
            values = {"starred": False, "today": False, "tag": None, "queue": None, **row}
            ids.append(
                session.execute(
                    insert(RuleHitRow)
                    .values(rule_id=rule_id, rule=rule, at=at, **values)
                    .returning(RuleHitRow.id)
                ).scalar_one()
            )
    return ids


def sources_of(library: Library, batch_ids: Sequence[int]) -> dict[int, int]:
    """Every paper these import batches brought, each with the first of them."""
    with library.read() as session:
        found: dict[int, int] = {}
        for pid, batch in session.execute(
            select(PaperSourceRow.paper_id, PaperSourceRow.batch_id)
            .where(PaperSourceRow.batch_id.in_(list(batch_ids)))
            .order_by(PaperSourceRow.batch_id)
        ):
            found.setdefault(pid, batch)
        return found


def created_by(library: Library, batch_ids: Sequence[int]) -> dict[int, int]:
    """The papers these import batches created, each with its batch."""
    with library.read() as session:
        return {
            pid: batch
            for pid, batch in session.execute(
                select(PaperSourceRow.paper_id, PaperSourceRow.batch_id).where(
                    PaperSourceRow.batch_id.in_(list(batch_ids)),
                    PaperSourceRow.created.is_(True),
                )
            )
        }


def apply_to_batches(library: Library, batch_ids: Sequence[int]) -> list[RuleResult]:
    """Every rule, applied to the papers these import batches created (a new batch as it
    arrives); papers already in the library are left as they are."""
    if not batch_ids:
        return []
    rules = list_rules(library)
    if not rules:
        return []
    batch_of = created_by(library, batch_ids)
    if not batch_of:
        return []
    return [apply_rule(library, rule, set(batch_of), batch_of=batch_of) for rule in rules]


def run_rule(library: Library, name: str, *, dry_run: bool = False) -> tuple[RuleResult, Applied]:
    """A rule applied to the whole library; the Applied undoes it."""
    rule = get_rule(library, name)
    result = apply_rule(library, rule, dry_run=dry_run)
    label = f"Run rule “{rule.name}”"
    changed = sorted({*result.tagged, *result.queued, *result.starred})
    step = None if dry_run or not result.hit_ids else Step("rule_hits", {"hit_ids": result.hit_ids})
    return result, Applied(label, Changes.of(changed, lists=True, order=True), step, result)


def take_back_hits(library: Library, hit_ids: Sequence[int]) -> Applied:
    """Undoes a rule run: untags, unqueues and unstars what it did (and is still there)."""
    with library.write() as session:
        changed = rule_hits.take_back(session, hit_ids)
    library.sync_index()
    return Applied("Undo rule run", Changes.of(changed, lists=True, order=True), None)


def hit_counts(library: Library) -> dict[str, int]:
    """How many papers each rule has acted on, by rule name (the rules dialog shows it)."""
    with library.read() as session:
        rows = session.execute(
            select(RuleHitRow.rule, func.count(func.distinct(RuleHitRow.paper_id)))
            .where(RuleHitRow.rule != IMPORT_OPTIONS)
            .group_by(RuleHitRow.rule)
        )
        return {name: count for name, count in rows}
