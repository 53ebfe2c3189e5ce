"""How a use case reaches the online sources: the user's settings, the library's look-up
cache, the clock and the task's cancel flag, in one place."""

from __future__ import annotations

from readerapp.core.clock import SYSTEM_CLOCK, Clock
from readerapp.core.progress import CancelToken
from readerapp.core.settings import load_settings
from readerapp.services.library import Library
from readerapp.services.lookup_cache import LookupCache
from readerapp.sources.registry import Connection

# Tests replace it to measure waits instead of waiting (arXiv's 3 s between requests).
CLOCK: Clock = SYSTEM_CLOCK


def connection_for(library: Library, cancel: CancelToken | None = None) -> Connection:
    """A Connection that obeys the saved settings: no network when it is switched off
    (cached answers still serve), the user's contact in every request."""
    settings = load_settings()
    return Connection(
        contact=settings.effective_contact,
        cache=LookupCache(library.directory, CLOCK),
        clock=CLOCK,
        offline=not settings.online,
        cancel=cancel,
    )
