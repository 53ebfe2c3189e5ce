"""Paper references as users type them: 12, arxiv:2308.01234, doi:10.1000/xyz."""

from __future__ import annotations

from collections.abc import Sequence

from readerapp.core.errors import UserError
from readerapp.core.identity import normalize_doi, parse_arxiv_id
from readerapp.db import reads
from readerapp.db.dbapi import DbConnection

# Over the sqlite3 driver (db.reads), so that `readerapp show` needs no ORM; callers with a
# session pass its own connection (db.queries.driver).


def resolve_ref(conn: DbConnection, ref: str) -> int:
    text = ref.strip()
    lowered = text.lower()
    if text.isdigit():
        if reads.scalar(conn, "SELECT id FROM papers WHERE id = ?", (int(text),)) is None:
            raise UserError(f"no paper with id {text}")
        return int(text)
    if lowered.startswith("arxiv:"):
        arxiv_id = parse_arxiv_id(text[6:])
        if arxiv_id is None:
            raise UserError(f"{text!r} is not an arXiv id")
        found = reads.scalar(conn, "SELECT id FROM papers WHERE arxiv_id = ?", (arxiv_id,))
        if found is None:
            raise UserError(f"no paper with arXiv id {arxiv_id}")
        return int(found)
    if lowered.startswith("doi:"):
        doi = normalize_doi(text[4:])
        if doi is None:
            raise UserError(f"{text!r} is not a DOI")
        found = reads.scalar(conn, "SELECT id FROM papers WHERE doi = ?", (doi,))
        if found is None:
            raise UserError(f"no paper with DOI {doi}")
        return int(found)
    raise UserError(f"{ref!r} is not a paper reference; use an id, arxiv:ID or doi:DOI")


def resolve_refs(conn: DbConnection, refs: Sequence[str]) -> list[int]:
    """Ids for references, in order and without repeats; the first unknown one is an error."""
    ids: list[int] = []
    for ref in refs:
        paper_id = resolve_ref(conn, ref)
        if paper_id not in ids:
            ids.append(paper_id)
    return ids
