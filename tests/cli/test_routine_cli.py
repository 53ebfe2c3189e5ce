"""The reading routine's commands, on a library whose clock the test holds: `stats --json`
reports what the history implies, `today`, `snooze`, `rules`, `reread`, `inbox` and
`history` do what their services do, with --json where the issue asks for it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.cli.test_cli import Cli
from tests.fakes import FakeClock
from tests.routine_helpers import DAY, MONDAY, bibtex


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """Every library the command line opens in this test runs on this clock, in UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    fake = FakeClock(MONDAY)
    monkeypatch.setattr("readerapp.services.library.SYSTEM_CLOCK", fake)
    yield fake
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def cli(library_dir: Path, capsys: pytest.CaptureFixture[str], clock: FakeClock) -> Cli:
    return Cli(library_dir, capsys)


def _import(cli: Cli, tmp_path: Path, *titles: str, options: tuple[str, ...] = ()) -> str:
    path = tmp_path / f"dump{len(list(tmp_path.glob('dump*')))}.bib"
    path.write_text(bibtex(*titles), encoding="utf-8")
    return cli.ok("import", str(path), *options)


def _id(cli: Cli, title: str) -> str:
    found = cli.json("search", f'title:"{title}"')
    assert isinstance(found, list) and len(found) == 1
    return str(found[0]["id"])


def test_stats_json_reports_the_counts_the_history_implies(
    cli: Cli, clock: FakeClock, tmp_path: Path
) -> None:
    _import(cli, tmp_path, "Alpha", "Beta", "Gamma", "Delta")  # Monday 3 August
    a, b, c = (_id(cli, t) for t in ("Alpha", "Beta", "Gamma"))
    cli.ok("tag", "add", "ml", a)
    cli.ok("queue", "add", "Next", b)
    clock.advance(2 * DAY)  # Wednesday
    cli.ok("status", "read", a)
    clock.advance(5 * DAY)  # Monday 10 August
    _import(cli, tmp_path, "Epsilon", "Zeta")
    cli.ok("status", "reading", b)
    clock.advance(3 * DAY)  # Thursday 13 August
    cli.ok("status", "read", b, c)

    figures = cli.json("stats", "--since", "2026-08-03")
    assert isinstance(figures, dict)
    assert figures["since"] == "2026-08-03" and figures["today"] == "2026-08-13"
    assert (figures["papers"], figures["added"], figures["read"]) == (6, 6, 3)
    assert figures["backlog"] == 3  # Delta, Epsilon, Zeta
    assert figures["weeks"] == [
        {
            "week": "2026-08-03",
            "added": 4,
            "read": 1,
            "backlog": 3,  # Beta, Gamma, Delta at midnight on Monday
            "backlog_median_age_days": 6.5,
        },
        {
            "week": "2026-08-10",
            "added": 2,
            "read": 2,
            "backlog": 3,
            "backlog_median_age_days": 3.0,  # Delta 10 days, Epsilon and Zeta 3
        },
    ]
    assert figures["median_days_to_read"] == 10.0  # 2, 10 and 10 days
    assert figures["read_by_tag"] == {"ml": 1}
    assert figures["read_by_queue"] == {"Next": 1}
    text = cli.ok("stats", "--since", "2026-08-03")
    assert "backlog 3" in text and "2026-08-10" in text and "read by tag: ml 1" in text
    code, _, err = cli("stats", "--since", "August")
    assert code == 1 and "not a date" in err


def test_snooze_today_and_history_on_the_command_line(
    cli: Cli, clock: FakeClock, tmp_path: Path
) -> None:
    _import(cli, tmp_path, "Alpha", "Beta")
    a, b = _id(cli, "Alpha"), _id(cli, "Beta")
    assert [p["id"] for p in cli.json("inbox")] == [int(a), int(b)]  # type: ignore[index]
    assert "until Friday 2026-08-07" in cli.ok("snooze", a, "--until", "friday")
    assert cli.json("today") == []
    assert [p["id"] for p in cli.json("search", "is:snoozed")] == [int(a)]  # type: ignore[index]
    cli.ok("archive", b)
    assert cli.json("inbox") == []
    cli.ok("undo")
    assert [p["id"] for p in cli.json("inbox")] == [int(b)]  # type: ignore[index]
    clock.advance(4 * DAY)
    today = cli.json("today")
    assert isinstance(today, list)
    assert [(i["reason"], i["paper"]["id"]) for i in today] == [("snoozed", int(a))]
    assert "back from snooze" in cli.ok("today")
    cli.ok("status", "reading", a)
    clock.advance(DAY)
    cli.ok("status", "read", a)
    assert cli.ok("history", a).strip() == "added 3 Aug, started 7 Aug, read 8 Aug"
    events = cli.json("history", a)
    assert [e["event"] for e in events] == ["added", "reading", "read"]  # type: ignore[index]
    code, _, err = cli("snooze", a, "--until", "yesterday")
    assert code == 1 and "is not a day" in err


def test_rules_commands_and_the_import_summary(cli: Cli, tmp_path: Path) -> None:
    cli.ok("rules", "add", "LLM", "tag:llm", "--queue", "LLM", "--today")
    assert cli.json("rules", "list") == [
        {
            "name": "LLM",
            "query": "tag:llm",
            "tag": None,
            "queue": "LLM",
            "star": False,
            "today": True,
        }
    ]
    assert "LLM: tag:llm  ->  queue LLM, today" in cli.ok("rules", "list")
    out = _import(cli, tmp_path, "Alpha", "Beta", options=("--tag", "llm"))
    assert "rule LLM: matched 2 papers: queued 2 on LLM, 2 for today" in out
    assert [i["reason"] for i in cli.json("today")] == ["queue", "rule"]  # type: ignore[index]
    cli.ok("undo")
    assert cli.json("search", "") == []
    assert "  0  LLM" in cli.ok("queue", "list")

    _import(cli, tmp_path, "Gamma")
    cli.ok("tag", "add", "llm", _id(cli, "Gamma"))
    dry = cli.json("rules", "run", "LLM", "--dry-run")
    assert isinstance(dry, dict) and dry["dry_run"] and len(dry["queued"]) == 1
    assert cli.ok("queue", "show", "LLM") == ""
    assert "queued 1 on LLM" in cli.ok("rules", "run", "LLM")
    assert "Gamma" in cli.ok("queue", "show", "LLM")
    cli.ok("undo")
    assert cli.ok("queue", "show", "LLM") == ""
    cli.ok("rules", "remove", "llm")
    assert cli.json("rules", "list") == []
    code, _, err = cli("rules", "add", "Bad", "title:(x", "--star")
    assert code == 1 and "query error" in err
    code, _, err = cli("rules", "run", "Missing")
    assert code == 1 and "no rule named" in err


def test_reread_steps_are_a_preference(cli: Cli, clock: FakeClock, tmp_path: Path) -> None:
    _import(cli, tmp_path, "Alpha")
    a = _id(cli, "Alpha")
    code, _, err = cli("reread", a)
    assert code == 1 and "not read" in err
    cli.ok("status", "read", a)
    assert "2, 5 days" in cli.ok("reread", "--steps", "2d, 5d").replace(" days,", ",")
    assert "re-read #1 due Wednesday 2026-08-05" in cli.ok("reread", a)
    clock.advance(2 * DAY)
    assert [i["reason"] for i in cli.json("today")] == ["reread"]  # type: ignore[index]
    assert "re-read #2 due Monday 2026-08-10" in cli.ok("reread", "--done", a)
    clock.advance(5 * DAY)
    assert "that was the last step" in cli.ok("reread", "--done", a)
    assert cli.json("today") == []
