"""INSERT that skips rows already there, in the spelling of the session's backend.

SQLite's INSERT OR IGNORE is not PostgreSQL's; both speak INSERT ... ON CONFLICT DO NOTHING,
which each dialect's insert() builds (the same rows kept, the same rows skipped: here the
only conflicts are duplicate keys).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def insert_ignore(session: Session, entity: Any) -> Any:
    """insert(entity) ... ON CONFLICT DO NOTHING for the session's database."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(entity).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(entity).on_conflict_do_nothing()
