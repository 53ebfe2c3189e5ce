"""What some options accept, written out: `import --format`, `export --format`, `--sort`.

The modules these come from, the format registry (every parser and writer) and
services.sorting (the database reads), cost far more to import than building the command
line's parser may: `readerapp --version` and `readerapp search` need neither. Being choices
of the command line, they are part of its contract anyway; tests/cli/test_startup.py checks
that they are the registry's and the sort service's, in their order.
"""

from __future__ import annotations

IMPORT_FORMATS: tuple[str, ...] = (
    "hf-daily-text",
    "hf-json",
    "arxiv-atom",
    "semantic-scholar",
    "ris",
    "medline",
    "wos-tagged",
    "csljson",
    "readerapp-json",
    "markdown-list",
    "csv",
    "bibtex",
)
EXPORT_FORMATS: tuple[str, ...] = ("markdown", "html", "bibtex", "ris", "csljson", "csv", "json")
SORTS: tuple[str, ...] = (
    "relevance",
    "added",
    "year",
    "title",
    "starred",
    "status",
    "authors",
    "tags",
    "queues",
)
