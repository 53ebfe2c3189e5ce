"""The window's edits of papers: star, status, tags, notes, a paper's details by hand,
delete, and copying papers out.

Each edit is one undoable ServiceCommand; the services compute what really changes and what
undo puts back. Reads that a dialog needs first run on the worker too."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from readerapp.core.errors import Cancelled, ReaderappError
from readerapp.core.progress import CancelToken
from readerapp.core.records import PaperSummary
from readerapp.formats.markdown_export import markdown_links
from readerapp.gui.commands import DoneCommand, ServiceCommand
from readerapp.gui.deferred import deferred
from readerapp.gui.detail_pane import DetailPane
from readerapp.gui.dialogs import PickDialog
from readerapp.gui.host import Host
from readerapp.gui.i18n import arg, status_word
from readerapp.gui.paper_editor import field_names
from readerapp.gui.pdf_actions import ask_delete
from readerapp.gui.safe_text import open_web_url
from readerapp.gui.tasks import ProgressRelay
from readerapp.services.changes import Applied
from readerapp.services.library import Library

if TYPE_CHECKING:
    from readerapp.services import editing, exporting, notes, opening, overview, paper_files, triage
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    editing = deferred("editing")
    exporting = deferred("exporting")
    notes = deferred("notes")
    opening = deferred("opening")
    overview = deferred("overview")
    paper_files = deferred("paper_files")
    triage = deferred("triage")


class EditActions(QObject):
    def __init__(self, host: Host, detail: DetailPane) -> None:
        super().__init__(detail)
        self.host = host
        self.detail = detail
        detail.details_edited.connect(self.details_edited)
        detail.edit_discarded.connect(
            lambda title: host.work.message(
                arg(self.tr("Unsaved edits of “%1” were discarded."), title), 8000
            )
        )

    def _push(
        self,
        text: str,
        edit: Callable[[Library], Applied],
        *,
        merge_key: Hashable | None = None,
        on_first: Callable[[Applied], None] | None = None,
    ) -> None:
        command = ServiceCommand(self.host.ops, text, edit, merge_key=merge_key, on_first=on_first)
        self.host.push(command)

    # -- stars and status

    def toggle_star(self) -> None:
        ids = self.host.need_selection()
        if ids:
            # The first selected paper decides, as in a mail client.
            self.host.ops.call(
                lambda lib: overview.summaries(lib, ids[:1]),
                lambda rows: self.set_starred(ids, not (ids[0] in rows and rows[ids[0]].starred)),
            )

    def set_starred(self, ids: list[int], starred: bool) -> None:
        if ids:
            text = (
                self.tr("Star %n paper(s)", "", len(ids))
                if starred
                else self.tr("Unstar %n paper(s)", "", len(ids))
            )
            self._push(text, lambda lib: triage.set_starred(lib, ids, starred))

    def set_status(self, ids: list[int], status: str) -> None:
        if not ids:
            self.host.need_selection()
            return
        self._push(
            arg(self.tr("Set the status of %n paper(s) to %1", "", len(ids)), status_word(status)),
            lambda lib: triage.set_status(lib, ids, status),
        )

    # -- tags

    def tag_selection(self) -> None:
        ids = self.host.need_selection()
        if ids:
            self.host.ops.call(triage.list_tags, lambda tags: self._ask_tag(ids, tags))

    def _ask_tag(self, ids: list[int], tags: list[tuple[str, int]]) -> None:
        names = [name for name, _ in tags]
        dialog = PickDialog(
            self.tr("Tag papers"),
            self.tr("Tag %n paper(s) with:", "", len(ids)),
            names,
            self.host.widget(),
        )
        if dialog.exec() and dialog.value():
            self.change_tag(ids, dialog.value(), add=True)

    def change_tag(self, ids: list[int], tag: str, *, add: bool) -> None:
        text = (
            self.tr("Tag %n paper(s) “%1”", "", len(ids))
            if add
            else self.tr("Untag %n paper(s) “%1”", "", len(ids))
        )
        self._push(
            arg(text, tag),
            lambda lib: triage.change_tag(lib, tag, ids if add else (), () if add else ids),
        )

    def untag_selection(self) -> None:
        ids = self.host.need_selection()
        if ids:
            self.host.ops.call(
                lambda lib: overview.summaries(lib, ids), lambda rows: self._ask_untag(ids, rows)
            )

    def _ask_untag(self, ids: list[int], rows: dict[int, PaperSummary]) -> None:
        names = sorted({t for r in rows.values() for t in r.tags}, key=str.casefold)
        if not names:
            self.host.work.message(self.tr("The selected papers have no tags."), 4000)
            return
        dialog = PickDialog(
            self.tr("Remove tag"),
            self.tr("Remove the tag:"),
            names,
            self.host.widget(),
            current=names[0],
        )
        if dialog.exec() and dialog.value():
            self.change_tag(ids, dialog.value(), add=False)

    def tags_edited(self, paper_id: int, wanted: list[str]) -> None:
        """The detail pane's tag field: its differences from the paper's tags, as one undo
        step."""
        paper = self.detail.paper
        have = list(paper.tags) if paper is not None and paper.id == paper_id else []
        have_folded = {t.casefold() for t in have}
        want_folded = {t.casefold() for t in wanted}
        adds = [t for t in wanted if t.casefold() not in have_folded]
        removes = [t for t in have if t.casefold() not in want_folded]
        if not adds and not removes:
            return
        self.host.undo_stack.beginMacro(self.tr("Edit tags"))
        for tag in adds:
            self.change_tag([paper_id], tag, add=True)
        for tag in removes:
            self.change_tag([paper_id], tag, add=False)
        self.host.undo_stack.endMacro()

    # -- a paper's details, by hand (the detail pane's edit mode)

    def edit_details(self) -> None:
        """F2: the detail pane's fields become editors."""
        if not self.detail.start_editing():
            self.host.work.message(self.tr("Select one paper to edit its details."), 4000)

    def details_edited(self, paper_id: int, values: dict[str, str]) -> None:
        """Saves an edit first and puts it on the undo stack once it is saved: an edit the
        service refuses (a DOI another paper has) leaves the editors open with the message
        under the field, and no step on the stack that would undo nothing."""

        def edit(lib: Library) -> Applied:
            return editing.edit_paper(lib, paper_id, **values)

        def saved(applied: Applied) -> None:
            names = field_names(list(applied.value))
            self.host.push(
                DoneCommand(self.host.ops, applied, edit, arg(self.tr("Edit %1"), names))
            )
            self.detail.finish_edit(paper_id)
            self.host.work.message(arg(self.tr("Saved %1. Ctrl+Z undoes it."), names), 6000)

        def refused(error: BaseException) -> None:
            if isinstance(error, editing.FieldError):
                shown = self.detail.edit_failed(paper_id, {error.field: str(error)})
            elif isinstance(error, ReaderappError):
                shown = self.detail.edit_failed(paper_id, {}, str(error))
            else:  # a bug: the crash dialog says what, the editors stay as typed
                self.detail.edit_failed(
                    paper_id, {}, self.tr("readerapp hit a problem (see the report)")
                )
                shown = False
            if not shown:
                self.host.report_error(error)

        self.host.ops.write(edit, saved, refused)

    # -- delete

    def delete_selection(self) -> None:
        ids = self.host.need_selection()
        if not ids:
            return
        # How many PDFs they have decides the question (asked on the worker: a read).
        self.host.ops.call(
            lambda lib: sum(len(paper_files.files_of(lib, pid)) for pid in ids),
            lambda files: self._confirm_delete(ids, files),
        )

    def _confirm_delete(self, ids: list[int], files: int) -> None:
        delete_files = ask_delete(self.host.widget(), self.delete_question(len(ids)), files)
        if delete_files is not None:
            self._push(
                self.tr("Delete %Ln paper(s)", "", len(ids)),
                lambda lib: triage.delete_papers(lib, ids, delete_files=delete_files),
            )

    def delete_question(self, papers: int) -> str:
        return self.tr(
            "Delete these %Ln paper(s) from the library, with their notes, tags and queue "
            "places?\nYou can undo this with Ctrl+Z.",
            "",
            papers,
        )

    # -- notes (from the detail pane)

    def new_note(self) -> None:
        if self.detail.paper is not None:
            self.detail.start_new_note()

    def note_added(self, paper_id: int, body: str) -> None:
        self._push(
            self.tr("Add note"),
            lambda lib: notes.add_note(lib, paper_id, body),
            on_first=lambda applied: self.detail.note_saved(paper_id, applied.value),
        )

    def note_edited(self, note_id: int, body: str, base: str) -> None:
        # Consecutive autosaves of one note undo as one step.
        self._push(
            self.tr("Edit note"),
            lambda lib: notes.update_note(lib, note_id, body, base),
            merge_key=("note", note_id),
            on_first=lambda applied: self._note_saved(note_id, body, applied),
        )

    def _note_saved(self, note_id: int, body: str, applied: Applied) -> None:
        if applied.value == note_id:
            return
        # Changed elsewhere while it was edited here: this text became a new note.
        self.detail.note_conflict(note_id, applied.value, body)
        self.host.work.message(
            self.tr(
                "This note was changed elsewhere while you edited it. Both versions are kept: "
                "yours is the new note headed “Conflict copy”."
            ),
            15000,
        )

    def note_deleted(self, note_id: int) -> None:
        self._push(self.tr("Delete note"), lambda lib: notes.delete_note(lib, note_id))

    # -- out of the app

    def open_current(self) -> None:
        """Enter, O, a double-click or Ctrl+Return: the paper's kept PDF in the system
        viewer, else its best page in the browser, or one line in the status bar that says
        why there is none."""
        pid = self.host.current_id()
        if pid is None:
            self.host.need_selection()
            return
        # A server library's PDF not on this machine yet is fetched first; a large one shows
        # its progress in the status bar, with Cancel.
        host = self.host
        cancel = CancelToken()
        relay = ProgressRelay(self)
        shown: list[bool] = []

        def progressed(done: int, total: int, message: str) -> None:
            if not shown:  # a fetch big enough to report: long work from here on
                shown.append(True)
                host.work.begin(self.tr("Fetching the PDF from the server…"), cancel)
            host.work.show_progress(done, total, message)

        def finished() -> None:
            relay.deleteLater()
            if shown:
                host.work.end()

        def done(found: opening.Opening) -> None:
            finished()
            self._open(found)

        def failed(error: BaseException) -> None:
            finished()
            if isinstance(error, Cancelled):
                return
            if isinstance(error, ReaderappError):  # a damaged copy, a lost server: one line
                host.work.message(str(error), 12000)
            else:
                host.report_error(error)

        relay.progressed.connect(progressed)
        host.ops.call(
            lambda lib: opening.opening(lib, pid, progress=relay, cancel=cancel), done, failed
        )

    def _open(self, found: opening.Opening) -> None:
        if found.path is not None:  # the PDF kept in the library, in the system viewer
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(found.path))):
                text = arg(self.tr("No viewer could be started for %1"), str(found.path))
                self.host.work.message(text, 8000)
        elif found.url is None:
            self.host.work.message(found.why, 8000)
        elif not open_web_url(found.url):
            self.host.work.message(
                arg(self.tr("The browser could not be started for %1"), found.url), 8000
            )

    def copy_markdown_links(self) -> None:
        ids = self.host.need_selection()
        if ids:
            self.host.ops.call(
                lambda lib: markdown_links(triage.get_papers(lib, ids)),
                lambda text: self._copied(
                    text, self.tr("Copied %Ln Markdown link(s).", "", len(ids))
                ),
            )

    def copy_bibtex(self) -> None:
        ids = self.host.need_selection()
        if ids:
            selection = exporting.Selection(ids=tuple(ids))
            self.host.ops.call(
                lambda lib: exporting.export_text(lib, selection, "bibtex"),
                lambda result: self._copied(
                    result[0], self.tr("Copied %Ln BibTeX entries.", "", result[1])
                ),
            )

    def _copied(self, text: str, message: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.host.work.message(message, 4000)
