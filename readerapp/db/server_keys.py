"""A server library's bulk foreign keys, checked once per statement (schema 9).

PostgreSQL checks a foreign key with one query per inserted row (its RI triggers): in an
import's COPY of 400,000 author rows they took three quarters of the server's CPU
(docs/benchmarks.md, "Server library (issue 18)"). The tables an import writes in bulk keep
the same guarantees here through triggers that work on the whole statement's rows at once
(transition tables), and lose their per-row constraints. SQLite keeps its real foreign keys
(models.py declares them; a server library's models are the same, its DDL is not).

For each key below, child.column -> parent.id, ON DELETE CASCADE:

- after an INSERT into the child (FOR EACH STATEMENT): the parents the new rows name are
  counted, and those another transaction could delete locked FOR KEY SHARE in one
  statement, as the per-row check locks each (so a concurrent DELETE of one waits for this
  transaction, then cascades to what it added; or, if it deleted first, the lock finds the
  parent gone); a row whose parent is missing raises SQLSTATE 23503 (foreign_key_violation)
  with PostgreSQL's message, naming the constraint;
- after an UPDATE that changes the child's key (FOR EACH ROW, WHEN it changed: never in
  readerapp, so no transition table is kept for every ordinary update): the same, per row;
- after a DELETE from the parent (FOR EACH STATEMENT): the children of the deleted rows are
  deleted in one statement (CASCADE). Under READ COMMITTED it runs with a new snapshot, so it
  sees the rows of an inserter whose lock the DELETE waited for. A REPEATABLE READ or
  SERIALIZABLE transaction cannot see them (PostgreSQL's own cascade re-reads with the latest
  snapshot and fails with a serialization error, which a trigger cannot do), so such a
  transaction is refused a delete from the parent with SQLSTATE 40001; readerapp writes in
  READ COMMITTED (db.sessions);
- after an UPDATE that changes the parent's id (FOR EACH ROW, WHEN it changed: never in
  readerapp) and after a TRUNCATE of the parent: 23503 while a child still names a missing
  parent (NO ACTION, as the constraint had for updates). A TRUNCATE must name these
  children itself: TRUNCATE ... CASCADE follows only real constraints, and is refused here
  rather than leaving them orphaned (readerapp never truncates).

The functions are SECURITY DEFINER, owned by the library's owner, with a fixed search_path:
PostgreSQL runs its own key checks and cascades as the tables' owner, so a member of a lab's
library (README: SELECT, INSERT, UPDATE, DELETE on the tables) imports and deletes as before,
and what a member may do is decided by the grants on the tables as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection


@dataclass(frozen=True)
class SetKey:
    """child.column REFERENCES parent (parent_column) ON DELETE CASCADE."""

    child: str
    column: str
    parent: str
    parent_column: str = "id"

    @property
    def name(self) -> str:
        """The constraint's name as PostgreSQL gave it; errors name it as they did."""
        return f"{self.child}_{self.column}_fkey"


# The tables an import COPYs into, with the keys of each. The other foreign keys (tags,
# notes, queues, files, status history, rules) stay PostgreSQL's: a few rows at a time.
SET_KEYS = (
    SetKey("paper_authors", "paper_id", "papers"),
    SetKey("paper_sources", "paper_id", "papers"),
    SetKey("paper_sources", "batch_id", "import_batches"),
    SetKey("batch_fills", "batch_id", "import_batches"),
    SetKey("batch_fills", "paper_id", "papers"),
    SetKey("journal_papers", "seq", "journal", "seq"),
)

_MISSING = (
    "RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',"
    ' MESSAGE = \'insert or update on table "{child}" violates foreign key constraint'
    ' "{name}"\','
    " DETAIL = 'Key ({column})=(' || coalesce(missing, '')"
    " || ') is not present in table \"{parent}\".',"
    " CONSTRAINT = '{name}', TABLE = '{child}', COLUMN = '{column}';"
)

_STILL_REFERENCED = (
    "RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',"
    ' MESSAGE = \'update or delete on table "{parent}" violates foreign key constraint'
    ' "{name}" on table "{child}"\','
    " DETAIL = 'Key ({parent_column})=(' || coalesce(missing, '')"
    " || ') is still referenced from table \"{child}\".',"
    " CONSTRAINT = '{name}', TABLE = '{parent}';"
)

# The new rows' parents counted, the first row without one reported, and the parents other
# transactions may delete locked. A parent this transaction inserted (an import's new papers,
# its batch, its journal entry) needs no lock: no other transaction sees it before this one
# commits, and one deleting an older version of it waits for this one's row lock. Locking
# them cost a third of the check (every tuple's header rewritten and logged).
_INSERTED = """
DECLARE
  missing text;
  mine xid := pg_current_xact_id()::xid;
  wanted bigint;
  found bigint;
  own bigint;
  locked bigint;
BEGIN
  SELECT count(*) INTO wanted FROM (SELECT DISTINCT {column} FROM new_rows) AS keys
  WHERE {column} IS NOT NULL;
  SELECT count(*), count(*) FILTER (WHERE p.xmin = mine) INTO found, own FROM {parent} p
  WHERE p.{parent_column} IN (SELECT n.{column} FROM new_rows n);
  IF found > own THEN
    -- Under READ COMMITTED a parent deleted since the count is skipped: counted again.
    WITH held AS (
      SELECT 1 FROM {parent} p
      WHERE p.{parent_column} IN (SELECT n.{column} FROM new_rows n) AND p.xmin <> mine
      FOR KEY SHARE OF p
    )
    SELECT count(*) INTO locked FROM held;
    found := own + locked;
  END IF;
  IF found < wanted THEN
    SELECT n.{column}::text INTO missing FROM new_rows n
    WHERE n.{column} IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{parent_column} = n.{column})
    LIMIT 1;
    {missing_raise}
  END IF;
  RETURN NULL;
END
"""

_UPDATED = """
DECLARE
  missing text;
BEGIN
  IF NEW.{column} IS NOT NULL THEN
    PERFORM 1 FROM {parent} p WHERE p.{parent_column} = NEW.{column} FOR KEY SHARE OF p;
    IF NOT FOUND THEN
      missing := NEW.{column}::text;
      {missing_raise}
    END IF;
  END IF;
  RETURN NULL;
END
"""

_DELETED = """
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed'
     AND EXISTS (SELECT 1 FROM old_rows) THEN
    RAISE EXCEPTION USING ERRCODE = 'serialization_failure',
      MESSAGE = 'could not serialize access: a delete from table "{parent}" cascades'
        ' through "{name}", which needs READ COMMITTED',
      HINT = 'Delete in a READ COMMITTED transaction.';
  END IF;
  DELETE FROM {child} c WHERE c.{column} IN (SELECT o.{parent_column} FROM old_rows o);
  RETURN NULL;
END
"""

_KEY_CHANGED = """
DECLARE
  missing text;
BEGIN
  IF EXISTS (SELECT 1 FROM {child} c WHERE c.{column} = OLD.{parent_column})
     AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{parent_column} = OLD.{parent_column})
  THEN
    missing := OLD.{parent_column}::text;
    {referenced_raise}
  END IF;
  RETURN NULL;
END
"""

_TRUNCATED = """
DECLARE
  missing text;
BEGIN
  SELECT c.{column}::text INTO missing FROM {child} c
  WHERE c.{column} IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{parent_column} = c.{column})
  LIMIT 1;
  IF FOUND THEN
    {referenced_raise}
  END IF;
  RETURN NULL;
END
"""

# (function suffix, body, trigger's table role, trigger clause)
_TRIGGERS = (
    (
        "ins",
        _INSERTED,
        "child",
        "AFTER INSERT ON {child} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT",
    ),
    (
        "upd",
        _UPDATED,
        "child",
        "AFTER UPDATE OF {column} ON {child} FOR EACH ROW"
        " WHEN (NEW.{column} IS DISTINCT FROM OLD.{column})",
    ),
    (
        "del",
        _DELETED,
        "parent",
        "AFTER DELETE ON {parent} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT",
    ),
    (
        "key",
        _KEY_CHANGED,
        "parent",
        "AFTER UPDATE OF {parent_column} ON {parent} FOR EACH ROW"
        " WHEN (NEW.{parent_column} IS DISTINCT FROM OLD.{parent_column})",
    ),
    ("trunc", _TRUNCATED, "parent", "AFTER TRUNCATE ON {parent} FOR EACH STATEMENT"),
)


def trigger_names() -> list[tuple[str, str]]:
    """(table, trigger) for every trigger install() makes: what tests look for."""
    names = []
    for key in SET_KEYS:
        for suffix, _, role, _ in _TRIGGERS:
            table = key.child if role == "child" else key.parent
            names.append((table, f"{key.name}_{suffix}"))
    return names


def install(conn: Connection) -> None:
    """Replaces the per-row constraints of SET_KEYS with the statement-level triggers, in
    the caller's transaction (the owner's: it alters the tables). The rows there already
    satisfy the constraints being dropped, so nothing needs checking again."""
    schema = conn.exec_driver_sql("SELECT current_schema()").scalar_one()
    for key in SET_KEYS:
        values = {
            "child": key.child,
            "column": key.column,
            "parent": key.parent,
            "parent_column": key.parent_column,
            "name": key.name,
        }
        dropped = conn.exec_driver_sql(
            "SELECT conname FROM pg_constraint c"
            " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)"
            " WHERE c.contype = 'f' AND c.conrelid = CAST(%(child)s AS regclass)"
            " AND c.confrelid = CAST(%(parent)s AS regclass) AND a.attname = %(column)s",
            {"child": key.child, "parent": key.parent, "column": key.column},
        ).scalars()
        for constraint in list(dropped):
            conn.exec_driver_sql(f'ALTER TABLE {key.child} DROP CONSTRAINT "{constraint}"')
        values["missing_raise"] = _MISSING.format(**values)
        values["referenced_raise"] = _STILL_REFERENCED.format(**values)
        for suffix, body, _, clause in _TRIGGERS:
            function = f"{key.name}_{suffix}"
            conn.exec_driver_sql(
                f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger"
                " LANGUAGE plpgsql SECURITY DEFINER"
                f' SET search_path = pg_catalog, "{schema}", pg_temp'
                f" AS $body${body.format(**values)}$body$"
            )
            conn.exec_driver_sql(
                f"CREATE TRIGGER {function} {clause.format(**values)} EXECUTE FUNCTION {function}()"
            )
