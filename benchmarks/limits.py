"""Where the benchmark stops measuring something, and why: above these sizes a step makes no
sense (Whoosh is not the engine a million papers would use) or would take most of an
evening (the FTS5 reference's broad searches took up to 33 s each at 100k). The runner and
the sections name every skip in the log and on the page."""

from __future__ import annotations

# Whoosh indexes about 200 papers/s in pure Python: 100k takes 8 minutes, 1M would take 80.
WHOOSH_MAX = 100_000
# The FTS5 reference (json.loads, executemany, its FTS5 index and its searches): at 100k a
# `term` query's p95 was 32,981 ms and the index build alone a minute; above this size the
# figures are ours alone, judged by the budgets, without a "x reference time".
REFERENCE_MAX = 100_000
# A library on the PostgreSQL server (the server and sync sections): copying a million
# papers to the server takes longer than the rest of the run.
SERVER_MAX = 100_000
# Above this size the import runs once, as one end-to-end pass per engine (parse, commit and
# the indexing it triggers): the separately timed parse, the re-import and a second import
# in a child for its peak memory would triple the section's time.
SINGLE_IMPORT_MIN = 200_000
# The size of issue 17's million-paper budgets.
MILLION = 1_000_000
