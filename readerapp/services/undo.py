"""Undo: apply a Step, and remember the command line's last change so `readerapp undo` can
take it back.

The window keeps the Steps of its edits on its own undo stack (in memory, with redo). The
command line runs one command per process, so it keeps the last change's Step in the library
(meta "last_change", as JSON). Only the command line writes it: undoing from a terminal never
pulls a change out from under an open window's undo stack.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete

from readerapp.core.errors import UserError
from readerapp.db.models import Meta
from readerapp.services import (
    editing,
    import_session,
    notes,
    overview,
    paper_files,
    queues,
    routine,
    rules,
    triage,
)
from readerapp.services.changes import Applied, Step
from readerapp.services.library import Library

STEPS: dict[str, Callable[..., Applied]] = {
    "column": triage.set_column_values,
    "tag": triage.change_tag,
    "tag_sets": triage.set_tag_members,
    "fields": editing.restore_fields,
    "delete_papers": triage.delete_papers,
    "restore_papers": triage.restore_papers,
    "add_note": notes.add_note,
    "update_note": notes.update_note,
    "delete_note": notes.delete_note,
    "queue_order": queues.set_queue_order,
    "rename_queue": queues.rename_queue,
    "smart_list": overview.set_smart_list,
    "undo_import": import_session.undo_import,
    "snooze": routine.set_snoozes,
    "reread": routine.set_rereads,
    "rules": rules.set_rules,
    "rule_hits": rules.take_back_hits,
    "detach_file": paper_files.undo_attach,
    "attach_file": paper_files.attach_applied,
}

LAST_CHANGE_KEY = "last_change"


def apply(library: Library, step: Step) -> Applied:
    """Performs a Step; the result's own Step reverses it (redo after an undo)."""
    try:
        perform = STEPS[step.kind]
    except KeyError:
        raise ValueError(f"unknown undo step {step.kind!r}") from None
    return perform(library, **step.args)


def remember(library: Library, applied: Applied) -> None:
    """Keeps the command line's latest change for `readerapp undo`. A change that cannot be
    undone clears what was kept, so that undo never skips over it to an older one."""
    step = applied.undo
    with library.write() as session:
        if step is None or not step.portable:
            session.execute(delete(Meta).where(Meta.key == LAST_CHANGE_KEY))
            return
        value = json.dumps({"label": applied.label, "kind": step.kind, "args": step.args})
        session.merge(Meta(key=LAST_CHANGE_KEY, value=value))


def last_change(library: Library) -> tuple[str, Step] | None:
    """The label and undo Step of the command line's latest change, if it can be undone."""
    with library.read() as session:
        row = session.get(Meta, LAST_CHANGE_KEY)
        if row is None:
            return None
        kept: dict[str, Any] = json.loads(row.value)
    return str(kept["label"]), Step(str(kept["kind"]), dict(kept["args"]))


def undo_last(library: Library) -> tuple[str, Applied]:
    """Undoes the command line's latest change once; returns its label and what the undo
    did. Nothing kept is a UserError."""
    found = last_change(library)
    if found is None:
        raise UserError(
            "nothing to undo: the last change made with the command line is already undone, "
            "or it was one that cannot be undone"
        )
    label, step = found
    applied = apply(library, step)
    with library.write() as session:
        session.execute(delete(Meta).where(Meta.key == LAST_CHANGE_KEY))
    return label, applied
