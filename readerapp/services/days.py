"""Days as the reading routine counts them: "today" is the user's local day, from the library's
clock (Library.clock, which tests fix), and the library stores times as naive UTC.

A snooze "until Friday" ends at the local midnight that starts Friday; a re-read due "in a
week" comes due at the start of that local day.
"""

from __future__ import annotations

import datetime as dt
import re

from readerapp.core.errors import UserError
from readerapp.services.library import Library

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Days per unit of a duration such as 3d, 2w, 1m, 1y: months and years are approximate, as
# befits "come back to this in a month".
UNIT_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}
_DURATION = re.compile(r"^(\d{1,4})([dwmy])$")


def now_utc(library: Library) -> dt.datetime:
    """The library clock's now, as the library stores times (naive UTC)."""
    return library.clock.now().astimezone(dt.UTC).replace(tzinfo=None)


def today(library: Library) -> dt.date:
    """The user's local date by the library clock."""
    return library.clock.now().astimezone().date()


def local_date(stored: dt.datetime) -> dt.date:
    """The local date of a stored (naive UTC) time."""
    return stored.replace(tzinfo=dt.UTC).astimezone().date()


def day_start(day: dt.date) -> dt.datetime:
    """The stored (naive UTC) time at which a local day begins."""
    local = dt.datetime.combine(day, dt.time()).astimezone()
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def week_start(day: dt.date) -> dt.date:
    """The Monday of a day's week (ISO weeks)."""
    return day - dt.timedelta(days=day.weekday())


def duration_days(text: str) -> int | None:
    """Days in a duration like 3d, 2w, 1m or 1y; None when the text is not one."""
    match = _DURATION.match(text.strip().lower())
    if not match:
        return None
    return int(match.group(1)) * UNIT_DAYS[match.group(2)]


def parse_until(text: str, on: dt.date) -> dt.date:
    """The day a snooze ends, from what people type on day `on`: a date (2026-08-07), a
    duration (3d, 2w, 1m), tomorrow, next-week (next Monday) or a weekday (the next one after
    today). The day must be after `on`."""
    value = text.strip().lower()
    days = duration_days(value)
    if days is not None:
        day = on + dt.timedelta(days=days)
    elif value == "tomorrow":
        day = on + dt.timedelta(days=1)
    elif value in ("next-week", "next week", "nextweek"):
        day = week_start(on) + dt.timedelta(days=7)
    elif value in WEEKDAYS or (value[:3] in {w[:3] for w in WEEKDAYS} and len(value) == 3):
        wanted = next(n for n, w in enumerate(WEEKDAYS) if w.startswith(value[:3]))
        day = on + dt.timedelta(days=(wanted - on.weekday() - 1) % 7 + 1)
    else:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise UserError(
                f"{text!r} is not a day; use a date (2026-08-07), a number of days or weeks "
                "(3d, 2w, 1m), tomorrow, next-week or a weekday (friday)"
            ) from None
    if day <= on:
        raise UserError(f"{text!r} is not after today ({on.isoformat()})")
    return day


def parse_steps(text: str) -> tuple[int, ...]:
    """Re-reading steps as days, from a preference like "1w, 1m, 3m"."""
    steps = []
    for part in text.replace(",", " ").split():
        days = duration_days(part)
        if days is None or days == 0:
            raise UserError(
                f"re-reading steps: {part!r} is not a duration; write them like 1w, 1m, 3m"
            )
        steps.append(days)
    if not steps:
        raise UserError("re-reading needs at least one step, like 1w, 1m, 3m")
    return tuple(steps)
