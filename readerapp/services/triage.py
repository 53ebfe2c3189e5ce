"""Triage: stars, reading status, tags, deletion, and reading papers back (hand edits of a
paper's fields are services.editing)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from readerapp.core.errors import UserError
from readerapp.core.records import STATUSES, Paper
from readerapp.db import queries
from readerapp.db.models import PaperRow, PaperTagRow, TagRow
from readerapp.db.upsert import insert_ignore
from readerapp.services import history, paper_reads, snapshots
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.days import now_utc
from readerapp.services.index_marks import mark_for_index, papers_touched
from readerapp.services.library import Library

# Read without the ORM (list_reads): the window's first paint needs it.
from readerapp.services.list_reads import list_tags as list_tags
from readerapp.services.refs import resolve_refs


def _require(session: Session, ids: Sequence[int]) -> None:
    found = set()
    for part in queries.chunks(list(ids)):
        found |= set(session.scalars(select(PaperRow.id).where(PaperRow.id.in_(part))))
    missing = [i for i in ids if i not in found]
    if missing:
        raise UserError(f"no paper with id {missing[0]}")


def resolve(library: Library, refs: Sequence[str]) -> list[int]:
    with library.read() as session:
        return resolve_refs(queries.driver(session), refs)


def get_papers(library: Library, ids: Sequence[int]) -> list[Paper]:
    with library.read() as session:
        return paper_reads.load_papers(queries.driver(session), ids)


def get_paper(library: Library, paper_id: int) -> Paper:
    papers = get_papers(library, [paper_id])
    if not papers:
        raise UserError(f"no paper with id {paper_id}")
    return papers[0]


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


def _set_column(
    library: Library,
    column: str,
    values: Mapping[int, object],
    also: Callable[[Session, dict[int, object]], None] | None = None,
) -> dict[int, object]:
    """Sets one column of each paper to its own value in one transaction; returns what each
    held before (the state an undo puts back). `also` runs in the same transaction with
    that state (the status history is written with the status)."""
    ids = list(values)
    attribute = getattr(PaperRow, column)
    before: dict[int, object] = {}
    with library.write() as session:
        _require(session, ids)
        for part in queries.chunks(ids):
            rows = session.execute(select(PaperRow.id, attribute).where(PaperRow.id.in_(part)))
            before.update((pid, value) for pid, value in rows)
        groups: dict[object, list[int]] = {}
        for pid, value in values.items():
            groups.setdefault(value, []).append(pid)
        for value, group in groups.items():
            for part in queries.chunks(group):
                session.execute(
                    update(PaperRow).where(PaperRow.id.in_(part)).values({column: value})
                )
        if also is not None:
            also(session, before)
        papers_touched(session, ids)
    return before


# The columns an undo may set paper by paper (set_column_values).
SETTABLE = ("starred", "status", "inbox")


def set_column_values(
    library: Library,
    column: str,
    values: Sequence[tuple[int, object]],
    label: str = "",
    drop_events: Sequence[int] = (),
    add_events: Sequence[history.EventData] = (),
) -> Applied:
    """Puts stars, statuses or Inbox marks back paper by paper: the undo of set_starred,
    set_status and routine.archive. A status undo also takes the history events of the
    change away (`drop_events`), and its redo puts them back (`add_events`)."""
    if column not in SETTABLE:
        raise UserError(f"{column} cannot be set this way")
    if column == "status":
        for _pid, status in values:
            _check_status(str(status))
    events: dict[str, list[object]] = {"dropped": [], "added": []}

    def swap_events(session: Session, _before: dict[int, object]) -> None:
        events["dropped"] = list(history.take(session, drop_events)) if drop_events else []
        events["added"] = list(history.put(session, add_events)) if add_events else []

    before = _set_column(library, column, dict(values), swap_events)
    ids = [pid for pid, _ in values]
    return Applied(
        label or f"Set {column} of {_plural(len(ids), 'paper')}",
        Changes.of(ids, lists=True, order=True),
        _column_step(column, before, label, events["added"], events["dropped"]),
    )


def _column_step(
    column: str,
    before: Mapping[int, object],
    label: str,
    drop_events: Sequence[object] = (),
    add_events: Sequence[object] = (),
) -> Step:
    args: dict[str, object] = {
        "column": column,
        "values": [[p, v] for p, v in before.items()],
        "label": label,
    }
    if drop_events or add_events:
        args.update(drop_events=list(drop_events), add_events=list(add_events))
    return Step("column", args)


def set_starred(library: Library, ids: Sequence[int], starred: bool) -> Applied:
    before = _set_column(library, "starred", dict.fromkeys(ids, starred))
    label = f"{'Star' if starred else 'Unstar'} {_plural(len(ids), 'paper')}"
    return Applied(
        label, Changes.of(ids, lists=True, order=True), _column_step("starred", before, label)
    )


def _check_status(status: str) -> None:
    if status not in STATUSES:
        raise UserError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")


def set_status(library: Library, ids: Sequence[int], status: str) -> Applied:
    """Sets the reading status and records the change, dated by the library clock, in each
    changed paper's history (a paper that had this status already gets no event)."""
    _check_status(status)
    recorded: list[int] = []

    def record(session: Session, before: dict[int, object]) -> None:
        changed = [(pid, status) for pid in dict.fromkeys(ids) if before.get(pid) != status]
        recorded.extend(history.record(session, changed, now_utc(library)))

    before = _set_column(library, "status", dict.fromkeys(ids, status), record)
    label = f"Mark {_plural(len(ids), 'paper')} {status}"
    return Applied(
        label,
        Changes.of(ids, lists=True, order=True),
        _column_step("status", before, label, drop_events=recorded),
    )


def clean_tag(tag: str) -> str:
    name = " ".join(tag.split())
    if not name:
        raise UserError("a tag needs at least one visible character")
    if len(name) > 100:
        raise UserError("a tag can be at most 100 characters long")
    return name


def _new_tag(session: Session, name: str) -> int:
    """Creates a tag inside the caller's transaction; returns its id."""
    row = TagRow(name=name)
    session.add(row)
    session.flush()
    return row.id


def change_tag(
    library: Library, tag: str, add: Sequence[int] = (), remove: Sequence[int] = ()
) -> Applied:
    """Tags the papers in `add` and untags those in `remove`; the undo swaps the two lists,
    holding only the papers whose tags really changed."""
    name = clean_tag(tag)
    with library.write() as session:
        _require(session, [*add, *remove])
        tag_id = session.scalar(select(TagRow.id).where(TagRow.name == name))
        if tag_id is None and remove and not add:
            raise UserError(f"no tag named {name!r}")
        if tag_id is None:
            tag_id = _new_tag(session, name)
        else:
            name = session.scalar(select(TagRow.name).where(TagRow.id == tag_id)) or name
        had: set[int] = set()
        for part in queries.chunks([*add, *remove]):
            had.update(
                session.scalars(
                    select(PaperTagRow.paper_id).where(
                        PaperTagRow.tag_id == tag_id, PaperTagRow.paper_id.in_(part)
                    )
                )
            )
        added = [pid for pid in dict.fromkeys(add) if pid not in had]
        removed = [pid for pid in dict.fromkeys(remove) if pid in had]
        if added:
            session.execute(
                insert_ignore(session, PaperTagRow),
                [{"paper_id": pid, "tag_id": tag_id} for pid in added],
            )
        for part in queries.chunks(removed):
            session.execute(
                delete(PaperTagRow).where(
                    PaperTagRow.tag_id == tag_id, PaperTagRow.paper_id.in_(part)
                )
            )
        # A tag nobody uses any more disappears from the tag list.
        still_used = session.scalar(
            select(PaperTagRow.paper_id).where(PaperTagRow.tag_id == tag_id).limit(1)
        )
        if still_used is None:
            session.execute(delete(TagRow).where(TagRow.id == tag_id))
        mark_for_index(session, [*added, *removed])
    library.sync_index()
    verb = "Tag" if add else "Untag"
    label = f"{verb} {_plural(len(add) or len(remove), 'paper')} “{name}”"
    return Applied(
        label,
        Changes.of([*added, *removed], lists=True, order=True),
        Step("tag", {"tag": name, "add": removed, "remove": added}),
        [*added, *removed],  # the papers whose tags really changed
    )


def add_tag(library: Library, tag: str, ids: Sequence[int]) -> Applied:
    return change_tag(library, tag, add=ids)


def remove_tag(library: Library, tag: str, ids: Sequence[int]) -> Applied:
    return change_tag(library, tag, remove=ids)


def delete_papers(library: Library, ids: Sequence[int], *, delete_files: bool = False) -> Applied:
    """Deletes papers with their notes, tags and queue places; the undo puts them all back
    (the snapshot is kept in memory only: it is the papers' whole content).

    Their PDFs stay in the library's files/ folder (a server library's: in the server)
    unless `delete_files`; kept, the undo links them again (deleted, the undo brings the
    papers back without them)."""
    from readerapp.services import paper_files

    snapshot = snapshots.capture(library, ids)
    files = [f for pid in ids for f in paper_files.files_of(library, pid)] if delete_files else []
    with library.write() as session:
        _require(session, ids)
        for part in queries.chunks(list(ids)):
            session.execute(delete(PaperRow).where(PaperRow.id.in_(part)))
        mark_for_index(session, ids)
        library.papers_changed(session)
        paper_files.forget_stored(library, session, files)
    paper_files.remove_files_from_disk(library.directory, files)
    library.sync_index()
    return Applied(
        f"Delete {_plural(len(ids), 'paper')}",
        Changes.of(ids, lists=True, order=True),
        Step("restore_papers", {"snapshot": snapshot}, portable=False),
    )


def restore_papers(library: Library, snapshot: snapshots.PaperSnapshot) -> Applied:
    """Puts deleted papers back with their ids, tags, notes and queue places."""
    ids = snapshots.restore(library, snapshot)
    return Applied(
        f"Restore {_plural(len(ids), 'paper')}",
        Changes.of(ids, lists=True, order=True),
        Step("delete_papers", {"ids": ids}),
    )


# -- renaming, merging and deleting tags

# The tags table compares names with SQLite's NOCASE, which folds ASCII letters only.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def same_tag(a: str, b: str) -> bool:
    """Whether two names name one tag, as the tags table compares them."""
    return " ".join(a.split()).translate(_ASCII_LOWER) == " ".join(b.split()).translate(
        _ASCII_LOWER
    )


def _tag_row(session: Session, name: str) -> tuple[int, str] | None:
    row = session.execute(select(TagRow.id, TagRow.name).where(TagRow.name == name)).first()
    return None if row is None else (row[0], row[1])


def _tag_members(session: Session, tag_id: int) -> set[int]:
    return set(session.scalars(select(PaperTagRow.paper_id).where(PaperTagRow.tag_id == tag_id)))


def _set_members(
    session: Session, tags: Sequence[tuple[str, Sequence[int]]]
) -> tuple[list[list[object]], set[int]]:
    """Gives each named tag exactly these papers, one after the other: a tag left with none
    disappears, a name that differs from the stored one only in case renames it. Papers no
    longer in the library are skipped. Returns what each held before, in the order that
    puts it back, and the papers whose tags changed."""
    before: list[list[object]] = []
    touched: set[int] = set()
    for tag, ids in tags:
        name = clean_tag(str(tag))
        wanted = [int(pid) for pid in dict.fromkeys(ids)]
        want: set[int] = set()
        for part in queries.chunks(wanted):
            want.update(session.scalars(select(PaperRow.id).where(PaperRow.id.in_(part))))
        found = _tag_row(session, name)
        had = set() if found is None else _tag_members(session, found[0])
        before.append([name if found is None else found[1], sorted(had)])
        if found is None and not want:
            continue
        tag_id = _new_tag(session, name) if found is None else found[0]
        if not want:
            session.execute(delete(PaperTagRow).where(PaperTagRow.tag_id == tag_id))
            session.execute(delete(TagRow).where(TagRow.id == tag_id))
            touched |= had
            continue
        if found is not None and found[1] != name:
            session.execute(update(TagRow).where(TagRow.id == tag_id).values(name=name))
            touched |= had | want  # every paper's tag reads differently now
        else:
            touched |= had ^ want
        if want - had:
            session.execute(
                insert_ignore(session, PaperTagRow),
                [{"paper_id": pid, "tag_id": tag_id} for pid in sorted(want - had)],
            )
        for part in queries.chunks(sorted(had - want)):
            session.execute(
                delete(PaperTagRow).where(
                    PaperTagRow.tag_id == tag_id, PaperTagRow.paper_id.in_(part)
                )
            )
    before.reverse()
    mark_for_index(session, sorted(touched))
    return before, touched


def _tags_applied(
    label: str, before: list[list[object]], touched: set[int], value: object
) -> Applied:
    return Applied(
        label,
        Changes.of(sorted(touched), lists=True, order=True),
        Step("tag_sets", {"tags": before, "label": label}),
        value,
    )


def set_tag_members(
    library: Library, tags: Sequence[tuple[str, Sequence[int]]], label: str = ""
) -> Applied:
    """Puts tags back paper by paper: the undo (and redo) of rename_tag and delete_tag.
    `tags` holds [name, paper ids] pairs, applied in order."""
    with library.write() as session:
        before, touched = _set_members(session, tags)
    library.sync_index()
    return _tags_applied(label or "Change tags", before, touched, sorted(touched))


def rename_tag(library: Library, old: str, new: str) -> Applied:
    """Renames a tag. If `new` names another tag already, the two merge: every paper of
    `old` gets that tag (under its present name) and `old` disappears. The value is the
    name the papers carry now; the undo puts back both tags' papers exactly."""
    old_name, new_name = clean_tag(old), clean_tag(new)
    with library.write() as session:
        found = _tag_row(session, old_name)
        if found is None:
            raise UserError(f"no tag named {old_name!r}")
        old_id, old_name = found
        if old_name == new_name:
            raise UserError(f"the tag is already named {new_name!r}")
        members = _tag_members(session, old_id)
        target = _tag_row(session, new_name)
        if target is not None and target[0] == old_id:  # only the case changes
            tags: list[tuple[str, Sequence[int]]] = [(new_name, sorted(members))]
            label = f"Rename tag “{old_name}” to “{new_name}”"
        elif target is not None:
            new_name = target[1]
            merged = members | _tag_members(session, target[0])
            tags = [(old_name, []), (new_name, sorted(merged))]
            label = f"Merge tag “{old_name}” into “{new_name}”"
        else:
            tags = [(old_name, []), (new_name, sorted(members))]
            label = f"Rename tag “{old_name}” to “{new_name}”"
        before, touched = _set_members(session, tags)
    library.sync_index()
    return _tags_applied(label, before, touched, new_name)


def delete_tag(library: Library, name: str) -> Applied:
    """Takes a tag off every paper; the undo puts it back on the same papers. The value is
    the papers that had it."""
    tag = clean_tag(name)
    with library.write() as session:
        found = _tag_row(session, tag)
        if found is None:
            raise UserError(f"no tag named {tag!r}")
        tag = found[1]
        count = len(_tag_members(session, found[0]))
        label = f"Delete tag “{tag}” from {_plural(count, 'paper')}"
        before, touched = _set_members(session, [(tag, [])])
    library.sync_index()
    return _tags_applied(label, before, touched, sorted(touched))
