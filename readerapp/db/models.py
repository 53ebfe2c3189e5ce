"""The library schema, on SQLite and PostgreSQL alike. The database is the truth; the search
index is derived from these tables."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value facts about the library file itself."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(String)


class PaperRow(Base):
    __tablename__ = "papers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    title_key: Mapped[str] = mapped_column(String, index=True)
    abstract: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int | None] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String)
    arxiv_id: Mapped[str | None] = mapped_column(String, unique=True)
    doi: Mapped[str | None] = mapped_column(String, unique=True)
    venue: Mapped[str | None] = mapped_column(Text)
    abs_url: Mapped[str | None] = mapped_column(Text)
    pdf_url: Mapped[str | None] = mapped_column(Text)
    code_url: Mapped[str | None] = mapped_column(Text)
    project_url: Mapped[str | None] = mapped_column(Text)
    hf_url: Mapped[str | None] = mapped_column(Text)
    # Newline-separated keywords a source proposed; shown as suggestions, never as tags.
    suggested_tags: Mapped[str] = mapped_column(Text, default="")
    starred: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String, default="unread")
    # Comma-separated names of fields the user edited by hand; imports leave those alone.
    user_edited: Mapped[str] = mapped_column(String, default="")
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Schema 5, the reading routine (services.routine). Added last, as ALTER TABLE adds them.
    # 1 while a paper an import created waits for triage: is:inbox also asks that it has no
    # status, star, tag, queue or snooze yet, so undoing a triage puts it back in the Inbox.
    # false(): "0" in SQLite's DDL, as ALTER TABLE added it; "false" on PostgreSQL.
    inbox: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Out of every list but Snoozed until this time (naive UTC); back in Today after it.
    snoozed_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Spaced re-reading: the index of the step that comes due next, and its day (naive UTC
    # of the local midnight it starts); both NULL when the paper is not being re-read.
    reread_step: Mapped[int | None] = mapped_column(Integer)
    reread_due: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Each filter column with the newest-first tie-break: one index serves both the filter
    # (`year:2023`, `is:starred`, `status:read`) and the table's sort by that column as a
    # plain index scan (the id is in every index), with no sort step at 100k papers.
    __table_args__ = (
        Index("ix_papers_year_added", "year", "added_at"),
        Index("ix_papers_starred_added", "starred", "added_at"),
        Index("ix_papers_status_added", "status", "added_at"),
        # is:inbox answered from the index alone: a new library is all Inbox at first.
        Index("ix_papers_inbox", "inbox", "status", "starred", "snoozed_until"),
        # Every list leaves out the snoozed papers: a few rows found by index, not a scan.
        Index("ix_papers_snoozed", "snoozed_until"),
        Index("ix_papers_reread", "reread_due"),
    )


class AuthorRow(Base):
    __tablename__ = "paper_authors"
    paper_id: Mapped[int] = mapped_column(
        ForeignKey("papers.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)


class TagRow(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(collation="NOCASE"), unique=True)


class PaperTagRow(Base):
    __tablename__ = "paper_tags"
    paper_id: Mapped[int] = mapped_column(
        ForeignKey("papers.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class NoteRow(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("papers.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class QueueRow(Base):
    __tablename__ = "queues"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(collation="NOCASE"), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class QueueEntryRow(Base):
    __tablename__ = "queue_entries"
    queue_id: Mapped[int] = mapped_column(
        ForeignKey("queues.id", ondelete="CASCADE"), primary_key=True
    )
    paper_id: Mapped[int] = mapped_column(
        ForeignKey("papers.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    # 1-based and dense within a queue; services renumber on every change.
    position: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (Index("ix_queue_entries_order", "queue_id", "position"),)


class SavedSearchRow(Base):
    __tablename__ = "saved_searches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(collation="NOCASE"), unique=True)
    query: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ImportBatchRow(Base):
    __tablename__ = "import_batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)  # file path, or "<stdin>" / "<clipboard>"
    format: Mapped[str] = mapped_column(String)
    # What the source says its date is, e.g. "Aug 7" on a Daily Papers page.
    listing_date: Mapped[str | None] = mapped_column(String)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    added: Mapped[int] = mapped_column(Integer, default=0)
    merged: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    # Set when the user undid the batch; the row stays so the listing can say so.
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Who imported it (schema 8), the journal's member name: a paper's history names who
    # added it from here, after the journal entry that said so is pruned. NULL before.
    member: Mapped[str | None] = mapped_column(String)


class PaperSourceRow(Base):
    """Provenance: which import batch (and line of its file) brought a paper."""

    __tablename__ = "paper_sources"
    paper_id: Mapped[int] = mapped_column(
        ForeignKey("papers.id", ondelete="CASCADE"), primary_key=True
    )
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    line: Mapped[int | None] = mapped_column(Integer)
    # True when this batch inserted the paper, False when it matched a library paper; NULL
    # for batches made before schema 2, which did not record it (those cannot be undone).
    created: Mapped[bool | None] = mapped_column(Boolean)
    __table_args__ = (UniqueConstraint("paper_id", "batch_id"),)


class BatchFillRow(Base):
    """A column an import batch filled on a library paper it merged into, so undo can clear it.

    Values are JSON text (a column holds text or integers; "authors" holds the name list), and
    undo restores `previous` only while the field still holds `value`.
    """

    __tablename__ = "batch_fills"
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), primary_key=True
    )
    paper_id: Mapped[int] = mapped_column(
        ForeignKey("papers.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    field: Mapped[str] = mapped_column(String, primary_key=True)  # a papers column, or "authors"
    value: Mapped[str] = mapped_column(Text)
    previous: Mapped[str] = mapped_column(Text)


class IndexPendingRow(Base):
    """Papers changed in SQLite whose index entry is not yet updated.

    Rows are written in the same transaction as the change and deleted after the index commit,
    so a crash in between leaves the work visible for the next start to finish.
    """

    __tablename__ = "index_pending"
    paper_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class PaperFileRow(Base):
    """A file kept with a paper (a PDF), stored under the library folder (a server library:
    in the server, by its sha256, db.file_store, with a copy in each machine's cache folder).

    `path` is relative to the library folder with forward slashes, so a library moved or
    copied elsewhere still finds its files. The extracted text lives in file_texts.
    """

    __tablename__ = "paper_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("papers.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    # The name the file had where it came from (a dropped file, a URL), for display.
    original_name: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    # Indexed: deleting a file asks whether another paper keeps the same bytes.
    sha256: Mapped[str] = mapped_column(String, default="", index=True)
    pages: Mapped[int | None] = mapped_column(Integer)
    # "ok", "no text" or "failed" (readerapp.pdf.text), and the one line that says why.
    text_status: Mapped[str] = mapped_column(String, default="")
    text_problem: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class FileTextRow(Base):
    """The text read from a paper file, indexed as the paper's full text."""

    __tablename__ = "file_texts"
    file_id: Mapped[int] = mapped_column(
        ForeignKey("paper_files.id", ondelete="CASCADE"), primary_key=True
    )
    body: Mapped[str] = mapped_column(Text, default="")


class StatusEventRow(Base):
    """A paper's status changed to `status` at `at` (naive UTC). known=False marks the
    status a library already held when it migrated to schema 5: when it was set is lost."""

    __tablename__ = "status_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("papers.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    known: Mapped[bool] = mapped_column(Boolean)
    # Who set it (schema 6): the member name of the journal entry; NULL for older events.
    member: Mapped[str | None] = mapped_column(String)
    __table_args__ = (
        Index("ix_status_events_paper", "paper_id", "at"),
        Index("ix_status_events_status", "status", "at"),
    )


class RuleRow(Base):
    """A saved search with actions, applied to each new import batch (services.rules)."""

    __tablename__ = "rules"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(collation="NOCASE"), unique=True)
    query: Mapped[str] = mapped_column(Text)
    tag: Mapped[str | None] = mapped_column(String)
    queue: Mapped[str | None] = mapped_column(String)
    star: Mapped[bool] = mapped_column(Boolean)
    today: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class RuleHitRow(Base):
    """What a rule did to one paper: the tag and queue it really added (None where the paper
    had them already), whether it starred it, whether it put it on Today; so that undoing the
    import that brought the paper takes exactly that back. batch_id is the import batch that
    created the paper, NULL for a run over the library. The rule's name stays if the rule is
    deleted."""

    __tablename__ = "rule_hits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[int | None] = mapped_column(
        ForeignKey("rules.id", ondelete="SET NULL"), index=True
    )
    rule: Mapped[str] = mapped_column(String)
    paper_id: Mapped[int] = mapped_column(ForeignKey("papers.id", ondelete="CASCADE"), index=True)
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    tag: Mapped[str | None] = mapped_column(String)
    queue: Mapped[str | None] = mapped_column(String)
    starred: Mapped[bool] = mapped_column(Boolean)
    today: Mapped[bool] = mapped_column(Boolean)


class JournalRow(Base):
    """One write transaction that changed papers (schema 6): its sequence number, who made
    it (the member name: a setting, by default the OS user) and when (naive UTC).

    Numbers are given under the writers' lock (SQLite's write lock; on PostgreSQL a
    transaction-level advisory lock), so they grow in commit order with no gaps: a reader
    that has applied everything up to n never misses a number below it that commits later.
    """

    __tablename__ = "journal"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    member: Mapped[str] = mapped_column(String)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class JournalPaperRow(Base):
    """A paper a journal entry changed (added, edited, starred, deleted...). No foreign key
    to papers: a deletion is a change too, and its entry outlives the paper."""

    __tablename__ = "journal_papers"
    seq: Mapped[int] = mapped_column(
        ForeignKey("journal.seq", ondelete="CASCADE"), primary_key=True
    )
    paper_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Whether the change touched what the search index holds (title, authors, abstract,
    # tags, notes, text): a star or a queue place does not, and the index skips those.
    indexed: Mapped[bool] = mapped_column(Boolean)
    __table_args__ = (Index("ix_journal_papers_paper", "paper_id", "seq"),)
