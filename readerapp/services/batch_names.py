"""How an import batch is named in lists: no database here, so that the window's sidebar
names its imports before SQLAlchemy's ORM is imported (services.batches uses these)."""

from __future__ import annotations

# What an import records as its source when it read no file (models.ImportBatchRow.source).
_STREAMS = {"<clipboard>": "the clipboard", "<stdin>": "standard input"}
# How the online imports name their batch (services/adding.py and completion.py). They name
# no file and may hold a slash ("Added by identifier: doi:10.1000/x"): shown whole.
ADDED_BY_IDENTIFIER = "Added by identifier"
DAILY_PAPERS = "Hugging Face Daily Papers"
COMPLETED_FROM = "Completed from"
_ONLINE = (f"{ADDED_BY_IDENTIFIER}: ", f"{DAILY_PAPERS}, ", f"{COMPLETED_FROM} ")


def source_name(source: str) -> str:
    """An import's source as people name it: a file by its name without the folders, the
    clipboard and standard input in words, an online import by its own label."""
    if source.startswith(_ONLINE):
        return source
    return _STREAMS.get(source) or source.replace("\\", "/").rsplit("/", 1)[-1] or source
