"""Papers read back whole, and found by the references users type, through the sqlite3
driver alone (db.reads): `readerapp show` then starts without SQLAlchemy, whose import
takes most of a second here. services.triage reads the same way inside its sessions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from readerapp.core.errors import UserError
from readerapp.core.records import Paper
from readerapp.db import reads
from readerapp.db.dbapi import DbConnection
from readerapp.services.library import Library
from readerapp.services.refs import resolve_ref


def load_papers(conn: DbConnection, ids: Sequence[int]) -> list[Paper]:
    """Papers as records, with the fields edited by hand marked; unknown ids left out."""
    papers = reads.load_papers(conn, ids)
    edited = reads.edited_fields(conn, [paper.id for paper in papers])
    return [replace(p, edited=edited[p.id]) if p.id in edited else p for p in papers]


def paper_by_ref(library: Library, ref: str) -> Paper:
    """The paper a reference (12, arxiv:ID, doi:DOI) names; a UserError if none does."""
    with library.snapshot() as conn:
        paper_id = resolve_ref(conn, ref)
        papers = load_papers(conn, [paper_id])
    if not papers:  # deleted between the two reads
        raise UserError(f"no paper with id {paper_id}")
    return papers[0]
