"""Paper references as users type them: 12, arxiv:2308.01234, doi:10.1000/xyz."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from readerapp.core.errors import UserError
from readerapp.core.identity import normalize_doi, parse_arxiv_id
from readerapp.db.models import PaperRow


def resolve_ref(session: Session, ref: str) -> int:
    text = ref.strip()
    lowered = text.lower()
    if text.isdigit():
        if session.get(PaperRow, int(text)) is None:
            raise UserError(f"no paper with id {text}")
        return int(text)
    if lowered.startswith("arxiv:"):
        arxiv_id = parse_arxiv_id(text[6:])
        if arxiv_id is None:
            raise UserError(f"{text!r} is not an arXiv id")
        found = session.scalar(select(PaperRow.id).where(PaperRow.arxiv_id == arxiv_id))
        if found is None:
            raise UserError(f"no paper with arXiv id {arxiv_id}")
        return found
    if lowered.startswith("doi:"):
        doi = normalize_doi(text[4:])
        if doi is None:
            raise UserError(f"{text!r} is not a DOI")
        found = session.scalar(select(PaperRow.id).where(PaperRow.doi == doi))
        if found is None:
            raise UserError(f"no paper with DOI {doi}")
        return found
    raise UserError(f"{ref!r} is not a paper reference; use an id, arxiv:ID or doi:DOI")


def resolve_refs(session: Session, refs: Sequence[str]) -> list[int]:
    """Ids for references, in order and without repeats; the first unknown one is an error."""
    ids: list[int] = []
    for ref in refs:
        paper_id = resolve_ref(session, ref)
        if paper_id not in ids:
            ids.append(paper_id)
    return ids
