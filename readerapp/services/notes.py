"""Markdown notes on papers; several per paper, each with its times."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from readerapp.core.errors import UserError
from readerapp.db.models import JournalPaperRow, JournalRow, NoteRow, PaperRow
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


def update_note(library: Library, note_id: int, body: str, base: str | None = None) -> Applied:
    """Saves a note's new text. `base` is the text the editor started from: when the note
    holds something else by now (saved meanwhile on another machine or in another window),
    neither text wins silently. The note keeps the other text and this one becomes a new
    note on the same paper, headed by a line that says so (CONFLICT_HEAD); the result's
    value is then the new note's id and its label says what happened."""
    body = _check(body)
    with library.write() as session:
        # Locked (FOR UPDATE on a server) so that two saves of one note take turns: the
        # second then reads the first's text and sees the conflict.
        note = session.get(NoteRow, note_id, with_for_update=True)
        if note is None:
            raise UserError(f"no note with id {note_id}")
        before, paper_id = note.body, note.paper_id
        if base is not None and note.body not in (base, body):
            copy = _conflict_copy(session, library, note, body)
            mark_for_index(session, [paper_id])
        else:
            copy = None
            if note.body != body:
                note.body = body
                note.updated_at = now_utc(library)
                mark_for_index(session, [note.paper_id])
    library.sync_index()
    if copy is not None:
        copy_id, who = copy
        return Applied(
            f"Note changed by {who} meanwhile: both versions kept, yours as a new note",
            Changes.of([paper_id]),
            Step("delete_note", {"note_id": copy_id}),
            copy_id,
        )
    return Applied(
        "Edit note",
        Changes.of([paper_id]),
        Step("update_note", {"note_id": note_id, "body": before}),
        note_id,
    )


# The first line of a note saved beside another one that changed while it was edited.
CONFLICT_HEAD = "**Conflict copy.**"


def _conflict_copy(session: Session, library: Library, note: NoteRow, body: str) -> tuple[int, str]:
    """Saves `body` as a new note beside `note`, saying who changed that one meanwhile;
    returns the new note's id and that member ("someone" before the journal knew)."""
    # Who: the latest change to the paper that this library did not make itself.
    recent = session.execute(
        select(JournalRow.seq, JournalRow.member)
        .join(JournalPaperRow, JournalPaperRow.seq == JournalRow.seq)
        .where(JournalPaperRow.paper_id == note.paper_id)
        .order_by(JournalRow.seq.desc())
        .limit(20)
    )
    member = next((m for seq, m in recent if seq not in library.own_changes), "someone")
    when = f" at {note.updated_at:%Y-%m-%d %H:%M} UTC"
    head = (
        f"{CONFLICT_HEAD} While this note was being edited here, {member} saved another "
        f"version of it{when}. That version is kept in the note it was saved to; this is the "
        "text written here. Keep what you need and delete the other."
    )
    now = now_utc(library)
    copy = NoteRow(paper_id=note.paper_id, body=f"{head}\n\n{body}", created_at=now, updated_at=now)
    session.add(copy)
    session.flush()
    return copy.id, member


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
