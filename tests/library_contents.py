"""A small library with something in every table, and a dump to compare two libraries by, for
the tests that copy a library between backends (copy-library, backups of server libraries).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from readerapp.db.models import Base
from readerapp.services import (
    editing,
    importing,
    notes,
    overview,
    paper_files,
    queues,
    routine,
    rules,
    triage,
)
from readerapp.services.library import Library
from tests.conftest import SEED
from tests.pdf_samples import paper_pdf

# Left out of a comparison: derived from the rest, each library keeps its own.
DERIVED = {"index_pending"}


def fill_library(lib: Library, work: Path) -> None:
    """Papers from an import, and every kind of user data on them: stars, statuses (and
    their history), tags, notes, queues, a smart list, a rule and what it did, a snooze, a
    re-reading, a hand edit, and a PDF with its text."""
    importing.import_path(lib, SEED)
    ids = triage.resolve(lib, [str(i) for i in range(1, 13)])
    triage.set_starred(lib, ids[:4], True)
    triage.set_status(lib, ids[4:6], "reading")
    triage.set_status(lib, ids[6:7], "read")
    triage.add_tag(lib, "peft", ids[2:7])
    triage.add_tag(lib, "Reading Group", ids[:2])
    notes.add_note(lib, ids[0], "Compare with **LoRA**, ünïcode ✓ and 'quotes' %s ?")
    notes.add_note(lib, ids[0], "A second note\nover two lines")
    queues.add_to_queue(lib, "Week 32", [ids[5], ids[1], ids[8]])
    queues.add_to_queue(lib, "Later", [ids[9]])
    overview.save_smart_list(lib, "Starred PEFT", "tag:peft is:starred")
    rule = rules.make_rule("Adapters", "adapter", tag="adapters", star=True)
    rules.save_rule(lib, rule)
    rules.apply_rule(lib, rule)
    routine.snooze(lib, ids[10:11], dt.date(2031, 5, 1))
    routine.mark_reread(lib, ids[6:7])
    editing.edit_paper(lib, ids[11], title="A title edited by hand", venue="")
    pdf = paper_pdf(work / "paper.pdf", "we compare adapters with prompts")
    paper_files.attach(lib, ids[3], pdf)


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the schema (derived ones aside), read through SQLAlchemy
    so that the values compare across backends (times as datetimes, flags as booleans)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in DERIVED:
                continue
            query = select(table).order_by(*table.primary_key.columns)
            out[table.name] = [tuple(row) for row in conn.execute(query)]
    return out


def sqlite_engine(db_path: Path) -> Engine:
    from readerapp.db.engine import make_engine

    return make_engine(db_path, immediate=False)
