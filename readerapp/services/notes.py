"""Markdown notes on papers; several per paper, each with its times."""

from __future__ import annotations

from readerapp.core.errors import UserError
from readerapp.db.models import NoteRow, PaperRow, utcnow
from readerapp.services.library import Library
from readerapp.services.triage import mark_for_index

MAX_NOTE_CHARS = 1_000_000


def _check(body: str) -> str:
    if not body.strip():
        raise UserError("a note needs some text")
    if len(body) > MAX_NOTE_CHARS:
        raise UserError(f"a note can be at most {MAX_NOTE_CHARS:,} characters long")
    return body


def add_note(library: Library, paper_id: int, body: str) -> int:
    body = _check(body)
    with library.write() as session:
        if session.get(PaperRow, paper_id) is None:
            raise UserError(f"no paper with id {paper_id}")
        now = utcnow()
        note = NoteRow(paper_id=paper_id, body=body, created_at=now, updated_at=now)
        session.add(note)
        session.flush()
        mark_for_index(session, [paper_id])
        note_id = note.id
    library.sync_index()
    return note_id


def update_note(library: Library, note_id: int, body: str) -> None:
    body = _check(body)
    with library.write() as session:
        note = session.get(NoteRow, note_id)
        if note is None:
            raise UserError(f"no note with id {note_id}")
        if note.body != body:
            note.body = body
            note.updated_at = utcnow()
            mark_for_index(session, [note.paper_id])
    library.sync_index()


def delete_note(library: Library, note_id: int) -> None:
    with library.write() as session:
        note = session.get(NoteRow, note_id)
        if note is None:
            raise UserError(f"no note with id {note_id}")
        session.delete(note)
        mark_for_index(session, [note.paper_id])
    library.sync_index()
