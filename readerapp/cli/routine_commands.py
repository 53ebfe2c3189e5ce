"""The reading routine on the command line: `today`, `inbox`, `archive`, `snooze`, `reread`,
`history`, `rules` and `stats`.

add_parsers() is all that main.py imports from here at start-up; the commands import the
services (the ORM) when they run.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from readerapp.core.errors import UserError

if TYPE_CHECKING:
    from readerapp.services.changes import Applied
    from readerapp.services.library import Library

EXIT_OK = 0


def add_parsers(sub: Any) -> None:
    """Adds the commands to the main parser's subparsers (argparse's type is private)."""
    p = sub.add_parser(
        "today",
        help="today's reading: snoozed papers that came back, re-reads due, the head of "
        "each queue, papers a rule picked today",
    )
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("inbox", help="papers from imports still waiting for triage")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("archive", help="take papers out of the Inbox, changing nothing else")
    p.add_argument("refs", nargs="+", metavar="REF")

    p = sub.add_parser(
        "snooze",
        help="hide papers from every list but Snoozed until a day; then they come back in Today",
    )
    p.add_argument("refs", nargs="+", metavar="REF")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument(
        "--until",
        metavar="WHEN",
        help="a date (2026-08-07), a number of days or weeks (3d, 2w, 1m), tomorrow, "
        "next-week or a weekday (friday)",
    )
    when.add_argument("--clear", action="store_true", help="end the snooze now")

    p = sub.add_parser(
        "reread",
        help="re-read read papers at growing intervals (the steps are a preference, "
        "default 1w, 1m, 3m)",
    )
    p.add_argument("refs", nargs="*", metavar="REF")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--done", action="store_true", help="record a re-read: the next step")
    which.add_argument("--stop", action="store_true", help="stop re-reading these papers")
    which.add_argument(
        "--steps", metavar="STEPS", help="set the steps for every paper, e.g. '1w, 1m, 3m'"
    )

    p = sub.add_parser("history", help="when a paper was added, started and read")
    p.add_argument("ref", metavar="REF")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "rules",
        help="saved searches whose actions apply to each import's new papers",
    )
    # The main parser's class, so that a mistyped action is a user error (exit 1) as well.
    rules_sub = p.add_subparsers(
        dest="rules_command", metavar="ACTION", required=True, parser_class=type(p)
    )
    r = rules_sub.add_parser("list")
    r.add_argument("--json", action="store_true")
    r = rules_sub.add_parser("add", help="add a rule, or replace the one of that name")
    r.add_argument("name", metavar="NAME")
    r.add_argument("query", metavar="QUERY", help="a search (readerapp search --help)")
    r.add_argument("--tag", metavar="TAG", help="tag the papers it matches")
    r.add_argument("--queue", metavar="QUEUE", help="put them on this queue")
    r.add_argument("--star", action="store_true", help="star them")
    r.add_argument("--today", action="store_true", help="put them on today's list")
    r = rules_sub.add_parser("remove")
    r.add_argument("name", metavar="NAME")
    r = rules_sub.add_parser("run", help="apply a rule to the whole library")
    r.add_argument("name", metavar="NAME")
    r.add_argument("--dry-run", action="store_true", help="report what it would do")
    r.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "stats",
        help="papers added and read per week, the backlog's size and age, days to read",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("--since", metavar="DATE", help="from this date (default: twelve weeks back)")


def _done(lib: Library, applied: Applied) -> int:
    from readerapp.services import undo

    undo.remember(lib, applied)
    return EXIT_OK


def cmd_today(lib: Library, args: argparse.Namespace) -> int:
    from readerapp.cli import output
    from readerapp.services import routine

    items = routine.today_items(lib)
    if args.json:
        output.print_json([item.to_json() for item in items])
        return EXIT_OK
    if not items:
        print("nothing for today")
    words = {
        "snoozed": "back from snooze",
        "reread": "re-read",
        "queue": "next on",
        "rule": "picked by rule",
    }
    for item in items:
        detail = f"#{item.detail}" if item.reason == "reread" else item.detail
        print(f"{output.paper_line(item.paper)}   [{words[item.reason]} {detail}]")
        if item.reason == "reread" and item.note:
            print(f"         note: {item.note.splitlines()[0]}")
    return EXIT_OK


def cmd_inbox(lib: Library, args: argparse.Namespace) -> int:
    from readerapp.cli import output
    from readerapp.services import routine, triage

    papers = triage.get_papers(lib, routine.inbox_ids(lib))
    if args.json:
        output.print_json([p.to_json() for p in papers])
    else:
        output.print_papers(papers)
    return EXIT_OK


def cmd_archive(lib: Library, args: argparse.Namespace) -> int:
    from readerapp.services import routine, triage

    return _done(lib, routine.archive(lib, triage.resolve(lib, args.refs)))


def cmd_snooze(lib: Library, args: argparse.Namespace) -> int:
    from readerapp.services import days, routine, triage

    ids = triage.resolve(lib, args.refs)
    if args.clear:
        return _done(lib, routine.unsnooze(lib, ids))
    until = days.parse_until(args.until, days.today(lib))
    applied = routine.snooze(lib, ids, until)
    print(f"snoozed {len(ids):,} paper{'s' * (len(ids) != 1)} until {until:%A %Y-%m-%d}")
    return _done(lib, applied)


def cmd_reread(lib: Library, args: argparse.Namespace) -> int:
    from dataclasses import replace

    from readerapp.core.settings import load_settings, save_settings
    from readerapp.services import days, routine, triage

    if args.steps is not None:
        steps = days.parse_steps(args.steps)
        save_settings(replace(load_settings(), reread_steps=args.steps.strip()))
        print("re-reading steps: " + ", ".join(f"{n} days" for n in steps))
        return EXIT_OK
    if not args.refs:
        raise UserError("name the papers to re-read (REF), or give --steps")
    ids = triage.resolve(lib, args.refs)
    if args.stop:
        return _done(lib, routine.stop_reread(lib, ids))
    applied = routine.reread_done(lib, ids) if args.done else routine.mark_reread(lib, ids)
    for pid in ids:
        state = routine.reread_of(lib, pid)
        if state is None:
            print(f"{pid:>6}  re-reading done: that was the last step")
        else:
            print(f"{pid:>6}  re-read #{state.step + 1} due {state.due:%A %Y-%m-%d}")
    return _done(lib, applied)


def cmd_history(lib: Library, args: argparse.Namespace) -> int:
    from readerapp.cli import output
    from readerapp.services import days, history, triage

    (paper_id,) = triage.resolve(lib, [args.ref])
    events = history.paper_history(lib, paper_id)
    if args.json:
        output.print_json([e.to_json() for e in events])
    else:
        print(history.describe(events, days.today(lib)))
    return EXIT_OK


def cmd_rules(lib: Library, args: argparse.Namespace) -> int:
    from readerapp.cli import output
    from readerapp.services import rules

    action = args.rules_command
    if action == "list":
        found = rules.list_rules(lib)
        if args.json:
            output.print_json([r.to_json() for r in found])
        for rule in found:
            if not args.json:
                print(f"{rule.name}: {rule.query}  ->  {', '.join(rule.actions)}")
        return EXIT_OK
    if action == "add":
        rule = rules.make_rule(args.name, args.query, args.tag, args.queue, args.star, args.today)
        return _done(lib, rules.save_rule(lib, rule))
    if action == "remove":
        return _done(lib, rules.remove_rule(lib, args.name))
    result, applied = rules.run_rule(lib, args.name, dry_run=args.dry_run)
    if args.json:
        output.print_json(result.to_json())
    else:
        print(result.summary())
    return EXIT_OK if args.dry_run else _done(lib, applied)


def cmd_stats(lib: Library, args: argparse.Namespace) -> int:
    from readerapp.cli import output
    from readerapp.services import stats

    since = None
    if args.since is not None:
        try:
            since = dt.date.fromisoformat(args.since)
        except ValueError:
            raise UserError(f"--since {args.since!r} is not a date like 2026-05-01") from None
    figures = stats.compute(lib, since)
    if args.json:
        output.print_json(figures.to_json())
        return EXIT_OK
    median = figures.median_days_to_read
    print(
        f"{figures.papers:,} papers; backlog {figures.backlog:,}; since "
        f"{figures.since.isoformat()}: added {figures.added:,}, read {figures.read:,}; "
        f"median days from added to read: {'-' if median is None else median}"
    )
    print(f"{'week of':<12}{'added':>7}{'read':>7}{'backlog':>9}  median age (days)")
    for week in figures.weeks:
        age = "-" if week.backlog_age is None else f"{week.backlog_age:g}"
        print(f"{week.start.isoformat():<12}{week.added:>7}{week.read:>7}{week.backlog:>9}  {age}")
    for title, counts in (("by tag", figures.read_by_tag), ("by queue", figures.read_by_queue)):
        if counts:
            print(f"read {title}: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    return EXIT_OK


COMMANDS = {
    "today": cmd_today,
    "inbox": cmd_inbox,
    "archive": cmd_archive,
    "snooze": cmd_snooze,
    "reread": cmd_reread,
    "history": cmd_history,
    "rules": cmd_rules,
    "stats": cmd_stats,
}
