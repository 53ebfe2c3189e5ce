"""Markdown notes on papers; several per paper, each with its times."""

from __future__ import annotations

from readerapp.core.errors import UserError
from readerapp.db.models import NoteRow, PaperRow
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.days import now_utc
from readerapp.services.index_marks import mark_for_index
from readerapp.services.library import Library

MAX_NOTE_CHARS = 1_000_000


def _check(body: str) -> str:
    if not body.strip():
        raise UserError("a note needs some text")
    if len(body) > MAX_NOTE_CHARS:
        raise UserError(f"a note can be at most {MAX_NOTE_CHARS:,} characters long")
    return body


def add_note(library: Library, paper_id: int, body: str) -> Applied:
    """Adds a note; the result's value is the new note's id."""
    body = _check(body)
    with library.write() as session:
        if session.get(PaperRow, paper_id) is None:
            raise UserError(f"no paper with id {paper_id}")
        now = now_utc(library)
        note = NoteRow(paper_id=paper_id, body=body, created_at=now, updated_at=now)
        session.add(note)
        session.flush()
        mark_for_index(session, [paper_id])
        note_id = note.id
    library.sync_index()
    return Applied(
        "Add note", Changes.of([paper_id]), Step("delete_note", {"note_id": note_id}), note_id
    )


def update_note(library: Library, note_id: int, body: str) -> Applied:
    body = _check(body)
    with library.write() as session:
        note = session.get(NoteRow, note_id)
        if note is None:
            raise UserError(f"no note with id {note_id}")
        before, paper_id = note.body, note.paper_id
        if note.body != body:
            note.body = body
            note.updated_at = now_utc(library)
            mark_for_index(session, [note.paper_id])
    library.sync_index()
    return Applied(
        "Edit note",
        Changes.of([paper_id]),
        Step("update_note", {"note_id": note_id, "body": before}),
        note_id,
    )


def delete_note(library: Library, note_id: int) -> Applied:
    with library.write() as session:
        note = session.get(NoteRow, note_id)
        if note is None:
            raise UserError(f"no note with id {note_id}")
        paper_id, body = note.paper_id, note.body
        session.delete(note)
        mark_for_index(session, [paper_id])
    library.sync_index()
    # Undone, the note comes back with a new id and its text.
    return Applied(
        "Delete note",
        Changes.of([paper_id]),
        Step("add_note", {"paper_id": paper_id, "body": body}),
        note_id,
    )
