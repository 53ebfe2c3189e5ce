"""An import session: sources > preview > plan > run (cancel, rollback) > options > index > undo.

The window and the command line both import through here and supply only the choices: which
sources, which format where sniffing cannot tell, the queue and tag options, Cancel. Nothing
in this module shows anything. Model: beets' ImportSession, whose UI only answers questions.

Rules that both front ends get from here:
- Each source is one transaction. A cancel rolls back the source in progress and undoes the
  sources already saved, so the library is as it was before.
- The queue and tag options apply to every paper of the import, also those already in the
  library; their names are checked before anything is written, so a refused name never
  leaves an import half applied.
- Undo takes away what the options added (not what was there before), then undoes the
  batches, newest first.
- Papers can be left out of an import by the identity keys its preview reports
  (SourcePreview.leaving_out): they are neither added nor merged into, and the options skip
  them.
- A source that cannot be previewed says why with a Problem kind as well as a message, so
  that each front end words it its own way: the command line prints the message (scripts
  read it), the window names the source as its user knows it and offers a format only
  where one can help.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from readerapp.core.errors import (
    Cancelled,
    ConnectionLost,
    InputError,
    ParseError,
    ReaderappError,
    ServerUnreachable,
)
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.core.records import PaperSummary
from readerapp.formats.registry import detect_format
from readerapp.formats.text_input import MAX_INPUT_BYTES, read_path
from readerapp.search.query import Filter
from readerapp.services import batches, importing, overview, queues, rules, search, triage
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.importing import FileReport, PlannedPaper
from readerapp.services.library import Library

# Papers listed per section of a preview; a 7,000-paper re-import still says how many.
LIST_LIMIT = 500
CLIPBOARD = "<clipboard>"
STDIN = "<stdin>"


@dataclass(frozen=True, slots=True)
class ImportSource:
    """One thing to import: a file (read when first needed) or text already at hand."""

    label: str  # shown to people: the file name, or "Clipboard"
    source: str  # recorded with the import batch and in error messages: the path
    path: Path | None = None
    text: str | None = field(default=None, repr=False)  # a whole dump: kept out of logs
    format_name: str | None = None  # chosen by the user; None lets the content decide

    @classmethod
    def from_path(cls, path: Path, format_name: str | None = None) -> ImportSource:
        return cls(label=path.name, source=str(path), path=path, format_name=format_name)

    @classmethod
    def from_clipboard(cls, text: str) -> ImportSource:
        return cls(label="Clipboard", source=CLIPBOARD, text=text)

    @classmethod
    def from_stdin(cls, text: str, format_name: str | None = None) -> ImportSource:
        return cls(label="Standard input", source=STDIN, text=text, format_name=format_name)

    def read(self) -> ImportSource:
        """This source with its text; an unreadable file raises InputError."""
        if self.text is not None:
            return self
        assert self.path is not None
        return dataclasses.replace(self, text=read_path(self.path))


class Problem(enum.Enum):
    """Why a source cannot be imported, for a front end that words it its own way."""

    MISSING = "missing"  # no such file (any more)
    FOLDER = "folder"
    NOT_ALLOWED = "not allowed"  # the file may not be read
    NOT_TEXT = "not text"  # binary data, or text that its byte-order mark belies
    UNREADABLE = "unreadable"  # too large, or the system cannot read it
    EMPTY = "empty"  # nothing but blank text
    UNRECOGNISED = "unrecognised"  # no format is sure of the content
    NOT_IN_FORMAT = "not in format"  # read as the detected or chosen format, it fails
    OTHER = "other"  # e.g. the library is busy

    @property
    def format_may_help(self) -> bool:
        """Naming another format could make the source importable."""
        return self in (Problem.UNRECOGNISED, Problem.NOT_IN_FORMAT)


@dataclass(frozen=True, slots=True)
class SourceProblem:
    kind: Problem
    message: str  # the command line's one line, naming the source: a contract for scripts
    why: str  # the message without the source and line it starts with
    line: int | None = None
    format_name: str | None = None  # the format it was read as, if one was tried

    @classmethod
    def of(
        cls,
        kind: Problem,
        error: ReaderappError,
        source: ImportSource,
        format_name: str | None = None,
    ) -> SourceProblem:
        why, line = _why(error, source.source)
        return cls(kind, str(error), why, line, format_name)


def _why(error: ReaderappError, source: str) -> tuple[str, int | None]:
    """An error's reason and line, without the "source:line: " its message starts with."""
    if isinstance(error, ParseError):
        return error.why, error.line
    text = str(error)
    if not text.startswith(source + ":"):
        return text, None
    rest = text[len(source) + 1 :]
    line, separator, why = rest.partition(": ")
    if separator and line.isdigit():
        return why, int(line)
    return rest.strip(), None


def _read_problem(source: ImportSource, error: InputError) -> Problem:
    """What kept a file from being read, from what the system said (InputError's cause)."""
    path, cause = source.path, error.__cause__
    if path is not None and path.is_dir():  # Windows says "permission denied" for a folder
        return Problem.FOLDER
    if isinstance(cause, FileNotFoundError):
        return Problem.MISSING
    if isinstance(cause, PermissionError):
        return Problem.NOT_ALLOWED
    if isinstance(cause, OSError) or (path is not None and _too_large(path)):
        return Problem.UNREADABLE
    return Problem.NOT_TEXT  # read, but not decodable as text


def _too_large(path: Path) -> bool:
    try:
        return path.stat().st_size > MAX_INPUT_BYTES
    except OSError:
        return False


@dataclass(frozen=True, slots=True)
class PreviewCounts:
    """A preview's counts with the papers left out taken away."""

    added: int
    merged: int
    unchanged: int
    left_out: int


@dataclass(frozen=True, slots=True)
class SourcePreview:
    """The dry run of one source: its report, or the problem that stops it. A source imported
    without a preview (the command line) has previewed=False and neither."""

    source: ImportSource  # with its text read, so the import uses exactly what was previewed
    report: FileReport | None
    problem: SourceProblem | None = None
    existing_ids: tuple[int, ...] = ()  # papers already in the library that it matches
    existing: dict[int, PaperSummary] = field(default_factory=dict)  # the first LIST_LIMIT
    previewed: bool = True
    # Identity keys of the papers to leave out (PlannedPaper.keys): see leaving_out().
    exclude: frozenset[str] = frozenset()

    @property
    def error(self) -> str | None:
        """The problem as the command line says it."""
        return self.problem.message if self.problem is not None else None

    @property
    def format_name(self) -> str | None:
        return self.report.format if self.report is not None else self.source.format_name

    @property
    def new_papers(self) -> list[PlannedPaper]:
        """What the import would add, in file order, each with its identity keys."""
        return self.report.new_papers if self.report is not None else []

    def planned(self, paper_id: int) -> PlannedPaper | None:
        """The entry of this source that matches a library paper."""
        return self.report.matched_papers.get(paper_id) if self.report is not None else None

    def leaving_out(self, keys: Iterable[str]) -> SourcePreview:
        """This preview with the papers of these identity keys left out of the import: they
        are not added, nothing is merged into them, and the options skip them."""
        return dataclasses.replace(self, exclude=frozenset(keys))

    def is_left_out(self, paper: PlannedPaper | None) -> bool:
        """Every entry that makes the paper is left out (with some left, it still comes)."""
        return paper is not None and bool(self.exclude) and self.exclude.issuperset(paper.keys)

    @property
    def kept_existing_ids(self) -> tuple[int, ...]:
        """The matched library papers that stay in the import."""
        if not self.exclude:
            return self.existing_ids
        return tuple(p for p in self.existing_ids if not self.is_left_out(self.planned(p)))

    def counts(self) -> PreviewCounts:
        report = self.report
        if report is None:
            return PreviewCounts(0, 0, 0, 0)
        if not self.exclude:
            return PreviewCounts(report.added, report.merged, report.unchanged, 0)
        added = sum(1 for p in report.new_papers if not self.is_left_out(p))
        kept = self.kept_existing_ids
        merged = sum(1 for pid in kept if pid in report.filled)
        left_out = report.added - added + len(self.existing_ids) - len(kept)
        return PreviewCounts(added, merged, len(kept) - merged, left_out)

    @property
    def changes_library(self) -> bool:
        """False when every paper is already there with nothing to fill in (or left out):
        importing it would change nothing, so no import batch is recorded for it."""
        if not self.previewed:
            return True
        if self.report is None:
            return False
        counts = self.counts()
        return counts.added > 0 or counts.merged > 0


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What the user accepted: the sources (previewed or not) and the options for every
    paper. Build it with make_plan(), which checks the option names."""

    previews: tuple[SourcePreview, ...]
    queue: str | None = None
    tag: str | None = None

    @property
    def left_out(self) -> int:
        """Papers the user chose to leave out, over every source."""
        return sum(p.counts().left_out for p in self.previews)


def clean_options(queue: str | None, tag: str | None) -> tuple[str | None, str | None]:
    """The queue and tag names as the services store them; a name they would refuse raises
    UserError here, before anything is written."""
    return (
        queues.clean_name(queue) if queue is not None else None,
        triage.clean_tag(tag) if tag is not None else None,
    )


def make_plan(
    previews: Sequence[SourcePreview], queue: str | None = None, tag: str | None = None
) -> ImportPlan:
    queue, tag = clean_options(queue, tag)
    return ImportPlan(
        tuple(p for p in previews if p.report is not None or not p.previewed), queue, tag
    )


def direct_plan(
    sources: Sequence[ImportSource], queue: str | None = None, tag: str | None = None
) -> ImportPlan:
    """A plan that imports the sources without a preview (the command line)."""
    return make_plan([SourcePreview(s, None, previewed=False) for s in sources], queue, tag)


def preview_source(
    library: Library, source: ImportSource, progress: ProgressSink, cancel: CancelToken
) -> SourcePreview:
    """Dry-runs one source; a user-facing error becomes its problem."""
    try:
        source = source.read()
    except InputError as error:
        return SourcePreview(
            source, None, SourceProblem.of(_read_problem(source, error), error, source)
        )
    assert source.text is not None
    blank = not source.text.strip()
    format_name = source.format_name
    try:
        if format_name is None:
            format_name = detect_format(source.text, source.source).name
    except InputError as error:
        kind = Problem.EMPTY if blank else Problem.UNRECOGNISED
        return SourcePreview(source, None, SourceProblem.of(kind, error, source))
    try:
        report = _import(library, source, format_name, progress, cancel, dry_run=True)
    except ReaderappError as error:
        if cancel.cancelled:
            raise
        if blank:
            kind = Problem.EMPTY
        elif isinstance(error, InputError):
            kind = Problem.NOT_IN_FORMAT
        else:
            kind = Problem.OTHER
        return SourcePreview(source, None, SourceProblem.of(kind, error, source, format_name))
    # The report lists matched papers first, then the new papers' (rolled back) ids.
    existing = tuple(report.paper_ids[: report.merged + report.unchanged])
    return SourcePreview(
        source, report, None, existing, overview.summaries(library, existing[:LIST_LIMIT])
    )


def _import(
    library: Library,
    source: ImportSource,
    format_name: str | None,
    progress: ProgressSink,
    cancel: CancelToken,
    *,
    dry_run: bool = False,
    index: bool = True,
    exclude: frozenset[str] = frozenset(),
) -> FileReport:
    """One read source through the real import (a dry run rolls back)."""
    assert source.text is not None
    return importing.import_text(
        library,
        source.text,
        source.source,
        format_name=format_name,
        dry_run=dry_run,
        index=index,
        exclude=exclude,
        progress=progress,
        cancel=cancel,
    )


def _numbered(progress: ProgressSink, label: str, number: int, count: int) -> ProgressSink:
    """Progress of one of several sources, prefixed with which one it is."""
    prefix = f"{label} ({number} of {count}): " if count > 1 else ""

    def sink(done: int, total: int | None, message: str) -> None:
        progress(done, total, prefix + message)

    return sink


def preview_all(
    library: Library,
    sources: Sequence[ImportSource],
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> list[SourcePreview]:
    cancel = cancel or CancelToken()
    return [
        preview_source(library, s, _numbered(progress, s.label, n, len(sources)), cancel)
        for n, s in enumerate(sources, start=1)
    ]


@dataclass(slots=True)
class ImportOutcome:
    """What an import did (or that it was cancelled and rolled back)."""

    plan: ImportPlan
    reports: list[FileReport] = field(default_factory=list)  # one per source that was written
    paper_ids: list[int] = field(default_factory=list)  # every paper of the import, file order
    cancelled: bool = False
    # What the queue and tag options added (not what was there before): Undo takes it away,
    # else undo_import would keep every paper as "queued by you" or "tagged by you".
    queued_ids: list[int] = field(default_factory=list)
    tagged_ids: list[int] = field(default_factory=list)
    # Sources that could not be read (imported without a preview): (source, message).
    errors: list[tuple[str, str]] = field(default_factory=list)
    queue_created: bool = False  # the queue option made a new queue
    # What each rule did to the papers the import created (index_import applies them);
    # undoing the import's batches takes it back.
    rule_results: list[rules.RuleResult] = field(default_factory=list)
    undone: bool = False  # by Ctrl+Z, the summary's button or `readerapp undo`: never twice

    @property
    def batch_ids(self) -> list[int]:
        return [r.batch_id for r in self.reports if r.batch_id is not None]

    @property
    def changes(self) -> Changes:
        if self.batch_ids or self.queued_ids or self.tagged_ids:
            return Changes.everything()
        return Changes()

    def label(self) -> str:
        sources = [r.source for r in self.reports]
        if len(sources) == 1:
            return f"Import from {batches.source_name(sources[0])}"
        return f"Import from {len(sources)} files"

    def undo_step(self) -> Step | None:
        """The Step that undoes this import (None when it changed nothing: a batch that
        only records an attempt, every paper already there, is not worth an undo)."""
        changed = any(r.added or r.merged for r in self.reports)
        if not changed and not self.queued_ids and not self.tagged_ids:
            return None
        return Step(
            "undo_import",
            {
                "batch_ids": self.batch_ids,
                "queue": self.plan.queue,
                "queued_ids": self.queued_ids,
                "tag": self.plan.tag,
                "tagged_ids": self.tagged_ids,
                "queue_created": self.queue_created,
            },
        )

    def applied(self) -> Applied:
        return Applied(self.label(), self.changes, self.undo_step(), self)


def run_import(
    library: Library,
    plan: ImportPlan,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> ImportOutcome:
    """The accepted import. Each source is one transaction; a cancel rolls back the source in
    progress and undoes those already saved. Once everything is saved the queue option is
    applied and the import is done (a late cancel no longer applies). Papers are committed
    and left marked for indexing: index_import() follows."""
    cancel = cancel or CancelToken()
    outcome = ImportOutcome(plan)
    todo = [p for p in plan.previews if p.changes_library]
    ids: dict[int, None] = {}
    try:
        for number, preview in enumerate(todo, start=1):
            sink = _numbered(progress, preview.source.label, number, len(todo))
            try:
                source = preview.source.read()
                report = _import(
                    library,
                    source,
                    preview.format_name,
                    sink,
                    cancel,
                    index=False,
                    exclude=preview.exclude,
                )
            except ServerUnreachable as error:
                # The source's transaction rolled back whole: say so, naming it.
                raise ConnectionLost(
                    error.shown, error.why, f"importing {preview.source.source}"
                ) from error
            except InputError as error:
                if preview.previewed:
                    raise
                # One unreadable file does not stop the others; the report names it.
                outcome.errors.append((preview.source.source, str(error)))
                continue
            outcome.reports.append(report)
            if report.batch_id is None:  # nothing changed: its papers still count
                ids.update(dict.fromkeys(report.paper_ids))
    except Cancelled:
        for batch_id in reversed(outcome.batch_ids):
            batches.undo_import(library, batch_id)
        return ImportOutcome(plan, cancelled=True)
    for report in outcome.reports:
        if report.batch_id is not None:
            ids.update(dict.fromkeys(overview.batch_paper_ids(library, report.batch_id)))
    for preview in plan.previews:
        if not preview.changes_library:  # nothing written for it; its papers still count
            ids.update(dict.fromkeys(preview.kept_existing_ids))
    outcome.paper_ids = list(ids)
    if plan.queue and outcome.paper_ids:
        existing = _queue_ids_or_none(library, plan.queue)
        outcome.queue_created = existing is None
        before = set(existing or ())
        queues.add_to_queue(library, plan.queue, outcome.paper_ids)
        outcome.queued_ids = [p for p in outcome.paper_ids if p not in before]
        _record_options(
            library, outcome, [{"queue": plan.queue, "paper_id": p} for p in outcome.queued_ids]
        )
    return outcome


def _record_options(
    library: Library, outcome: ImportOutcome, rows: list[dict[str, object]]
) -> None:
    """Records what the --tag and --queue options did as a rule's doings: the papers stay in
    the Inbox (what arrives with an import is not yet triaged), and undoing one batch of the
    import takes back what the options did to its papers."""
    batch_of = rules.sources_of(library, outcome.batch_ids)
    for row in rows:
        row["batch_id"] = batch_of.get(int(str(row["paper_id"])))
    rules.record_hits(library, rules.IMPORT_OPTIONS, rows)


def outcome_of(library: Library, reports: Sequence[FileReport]) -> ImportOutcome:
    """An import written without a plan (papers added by identifier, a Daily Papers list) as
    an outcome, so that the window shows, indexes and undoes it like any import."""
    outcome = ImportOutcome(ImportPlan(()), list(reports))
    ids: dict[int, None] = {}
    for report in reports:
        if report.batch_id is not None:
            ids.update(dict.fromkeys(overview.batch_paper_ids(library, report.batch_id)))
        else:  # nothing changed: its papers still count
            ids.update(dict.fromkeys(report.paper_ids))
    outcome.paper_ids = list(ids)
    return outcome


def _queue_ids_or_none(library: Library, name: str) -> list[int] | None:
    known = {q.name.casefold() for q in queues.list_queues(library)}
    return queues.queue_ids(library, name) if name.casefold() in known else None


def index_import(
    library: Library,
    outcome: ImportOutcome,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Makes the import searchable by text (and applies the tag, whose service indexes)."""
    tag = outcome.plan.tag
    if tag and outcome.paper_ids:
        progress(0, None, f"Tagging {len(outcome.paper_ids):,} papers and indexing…")
        outcome.tagged_ids = triage.add_tag(library, tag, outcome.paper_ids).value
        _record_options(library, outcome, [{"tag": tag, "paper_id": p} for p in outcome.tagged_ids])
        count = len(outcome.paper_ids)
    else:
        count = library.sync_index(cancel, progress)
    # Another readerapp holds the index's writer (its own import, indexing for minutes): the
    # rules below may search text, so this import waits for it, saying so, and can be
    # cancelled meanwhile (its papers stay saved and marked; the next catch-up indexes them).
    while library.index_behind:
        progress(0, None, "Waiting for another readerapp to finish with the search index…")
        if cancel is not None:
            cancel.check()
        count = max(count, library.sync_index(cancel, progress))
    apply_rules(library, outcome)
    return count


def apply_rules(library: Library, outcome: ImportOutcome) -> list[rules.RuleResult]:
    """Applies every rule to the papers the import created, once it is indexed (a rule's
    query may search text) and its tag option applied (a rule may ask for that tag). Runs
    once per outcome."""
    if outcome.rule_results or outcome.cancelled or outcome.undone:
        return outcome.rule_results
    outcome.rule_results = [
        r for r in rules.apply_to_batches(library, outcome.batch_ids) if r.matched
    ]
    return outcome.rule_results


def undo_import(
    library: Library,
    batch_ids: Sequence[int],
    queue: str | None = None,
    queued_ids: Sequence[int] = (),
    tag: str | None = None,
    tagged_ids: Sequence[int] = (),
    queue_created: bool = False,
) -> Applied:
    """Takes away what the options added and is still there (the user may have unqueued,
    untagged or deleted papers since), then undoes the batches (newest first). A queue the
    import created goes too if nothing else is on it. The value is the list of UndoReports;
    an undone import is not redone (import it again)."""
    if tag and tagged_ids:
        tagged = set(search.search_ids(library, Filter("tag", tag)))
        if still := [pid for pid in tagged_ids if pid in tagged]:
            triage.remove_tag(library, tag, still)
    order = _queue_ids_or_none(library, queue) if queue else None
    if queue and order is not None:
        gone = set(queued_ids)
        left = [pid for pid in order if pid not in gone]
        if left != order or (queue_created and not left):
            queues.set_queue_order(library, queue, None if queue_created and not left else left)
    reports = [batches.undo_import(library, b) for b in reversed(batch_ids)]
    label = reports[0].summary().splitlines()[0] if len(reports) == 1 else "Undid the import"
    return Applied(label, Changes.everything(), None, reports)


def undo_outcome(library: Library, outcome: ImportOutcome) -> list[batches.UndoReport]:
    step = outcome.undo_step()
    if step is None:
        return []
    reports: list[batches.UndoReport] = undo_import(library, **step.args).value
    return reports
