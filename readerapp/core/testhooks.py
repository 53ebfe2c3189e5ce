"""Named pause points, so the crash tests can SIGKILL a real `readerapp` at a known moment.

Killing a child process "somewhere during the import" by timing would make the tests flaky
and would mostly hit the parse. Instead the import calls pause_point("import-written") etc.;
when $READERAPP_PAUSE_AT names that point, the process says so on stderr and sleeps until
it is killed. Unset (always, outside the tests), a pause point costs one getenv.

A fault test that does something to the process's surroundings at that moment (drops its
connection to the server) and then lets it go on sets $READERAPP_RESUME_WHEN to a file: the
process waits until that file exists and carries on.
"""

from __future__ import annotations

import os
import sys
import time

PAUSE_ENV = "READERAPP_PAUSE_AT"
RESUME_ENV = "READERAPP_RESUME_WHEN"
# What the process prints when it stops; the tests wait for this line.
PAUSED_PREFIX = "readerapp: paused at "
# Where the import service and the library pause (documented in docs/reliability.md).
POINTS = ("import-parsed", "import-written", "index-batch-written")


def pause_point(name: str) -> None:
    """Sleep here if the test environment asks for this point (forever, or until the file
    $READERAPP_RESUME_WHEN names exists); else do nothing."""
    if os.environ.get(PAUSE_ENV) != name:
        return
    print(f"{PAUSED_PREFIX}{name}", file=sys.stderr, flush=True)
    resume = os.environ.get(RESUME_ENV)
    if resume:
        while not os.path.exists(resume):
            time.sleep(0.05)
        return
    while True:  # until SIGKILL; the tests always kill
        time.sleep(60)
