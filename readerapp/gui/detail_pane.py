"""The right-hand pane: one paper's details, its triage controls, notes and related papers,
and its edit mode (F2), where every field of the paper is an editor (gui.paper_editor)."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readerapp.core.records import STATUSES, Note, Paper
from readerapp.formats.links import is_web_url
from readerapp.gui.i18n import arg, status_word
from readerapp.gui.paper_editor import PaperEditor, field_names
from readerapp.gui.pdf_panel import PdfPanel
from readerapp.gui.safe_text import SafeBrowser, breakable, linkify, open_web_url
from readerapp.gui.theme import set_tone

LINK_LABELS = (
    ("abs", "arXiv"),
    ("pdf", QT_TRANSLATE_NOOP("DetailPane", "PDF")),
    ("code", QT_TRANSLATE_NOOP("DetailPane", "Code")),
    ("project", QT_TRANSLATE_NOOP("DetailPane", "Project")),
    ("hf", "Hugging Face"),
)
AUTOSAVE_MS = 700
# The pages of the pane, one shown at a time.
MESSAGE_PAGE, DETAILS_PAGE, EDIT_PAGE = 0, 1, 2


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


# Markdown's emphasis and code marks, and a heading's, quote's or list item's lead-in: a note's
# first line as its title reads as text ("**Why:** see" -> "Why: see").
MARKUP = re.compile(r"\*+|`+|(?<!\w)__|__(?!\w)")
LEAD_IN = "#>-+ \t"
NOTE_ROWS_SHOWN = 4  # the list grows with the notes up to this, then scrolls
RELATED_ROWS_SHOWN = 6  # as many as the window asks for


def _note_title(note: Note) -> str:
    # Lead-in marks go from the start only: "Notes on C++" keeps its "++".
    lines = (MARKUP.sub("", line).lstrip(LEAD_IN).strip() for line in note.body.splitlines())
    first = next(
        (line for line in lines if line), QCoreApplication.translate("DetailPane", "(empty)")
    )
    return f"{first[:60]}  ·  {note.updated_at:%Y-%m-%d}"


def _elided_list(name: str) -> QListWidget:
    """A list of one-line entries that elides what is too wide for the pane (in the middle,
    so a note's date stays visible) instead of scrolling sideways."""
    widget = QListWidget()
    widget.setObjectName(name)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    widget.setUniformItemSizes(True)
    return widget


def _takes_what_is_left(widget: QWidget) -> None:
    """Grows into the height the rest of the pane leaves, down to its minimum height. Its
    preferred height (a text box asks for more than it needs) would otherwise count in the
    pane's, which the scroll area around the pane honours by scrolling it as a whole."""
    policy = widget.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
    widget.setSizePolicy(policy)


def _fit_rows(widget: QListWidget, most: int) -> None:
    """As tall as its entries, at least one row and at most `most`: the pane's height goes to
    the abstract and the note being written, not to empty list space."""
    row = widget.sizeHintForRow(0) if widget.count() else -1
    if row <= 0:
        row = widget.fontMetrics().height() + 4
    rows = min(max(widget.count(), 1), most)
    widget.setFixedHeight(rows * row + 2 * widget.frameWidth())


class _FittedScroll(QScrollArea):
    """Scrolls the details up and down, never across, and is as tall as its wrapped text.

    A scroll area sizes its widget by the widget's minimum size, which counts a
    word-wrapped label as one line: a long title then took the abstract's room and the
    abstract, notes and related papers were drawn over each other at 1024x700 and 1280x800.
    The body's minimum height here adds what each wrapped label needs at the width it has.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        body = self.widget()
        layout = body.layout() if body is not None else None
        if body is None or layout is None:
            return
        extra = 0
        for label in body.findChildren(QLabel):
            if label.wordWrap() and label.isVisibleTo(body) and label.width() > 0:
                wrapped = label.heightForWidth(label.width())
                extra += max(0, wrapped - label.minimumSizeHint().height())
        body.setMinimumHeight(layout.minimumSize().height() + extra)


class DetailPane(QStackedWidget):
    star_toggled = Signal(int, bool)
    status_chosen = Signal(int, str)
    tags_edited = Signal(int, list)
    queue_requested = Signal()
    note_added = Signal(int, str)
    note_edited = Signal(int, str, str)  # note id, its new text, the text it was edited from
    note_deleted = Signal(int)
    paper_activated = Signal(int)
    details_edited = Signal(int, dict)  # paper id, {field: text as typed} (valid, changed)
    edit_discarded = Signal(str)  # the title of a paper whose unsaved edit was dropped

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.paper: Paper | None = None
        self._note_id: int | None = None  # the note in the editor; None = a new one
        # The note's text as last loaded or saved: what the editor's text is an edit of. A
        # save sends it along, so a note changed elsewhere meanwhile is seen, not overwritten.
        self._note_base = ""
        self._loading = False

        self.placeholder = QLabel(self.tr("Select a paper to see its details."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.addWidget(self.placeholder)

        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.authors = QLabel()
        self.authors.setWordWrap(True)
        self.authors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Which fields are the user's: why a look-up left a field as it is.
        self.edited_hint = QLabel()
        self.edited_hint.setObjectName("editedHint")
        self.edited_hint.setWordWrap(True)
        set_tone(self.edited_hint, "hint")
        hint_font = self.edited_hint.font()
        hint_font.setPointSizeF(hint_font.pointSizeF() * 0.9)
        self.edited_hint.setFont(hint_font)
        layout.addWidget(self.title)
        layout.addWidget(self.authors)
        layout.addWidget(self.meta)
        layout.addWidget(self.edited_hint)

        self.links_row = QHBoxLayout()
        # Tool buttons, not push buttons: five push buttons are wider than the pane, which
        # then scrolled sideways and cut off the authors and the abstract.
        self.link_buttons: dict[str, QToolButton] = {}
        for kind, label in LINK_LABELS:
            button = QToolButton()
            button.setText(self.tr(label))
            button.setObjectName(f"link_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self._open_link(k))
            self.links_row.addWidget(button)
            self.link_buttons[kind] = button
        self.links_row.addStretch(1)
        layout.addLayout(self.links_row)
        # The kept PDF and, after a search, where its words were found (gui/pdf_panel.py).
        self.pdf_panel = PdfPanel()
        layout.addWidget(self.pdf_panel)

        controls = QHBoxLayout()
        self.star = QToolButton()
        self.star.setObjectName("starButton")
        self.star.setCheckable(True)
        self.star.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.star.clicked.connect(self._star_clicked)
        self.status = QComboBox()
        self.status.setObjectName("statusCombo")
        self.status.addItems([status_word(s) for s in STATUSES])
        self.status.activated.connect(self._status_chosen)
        controls.addWidget(self.star)
        # The buddy names the combo box for a screen reader. No mnemonic: Alt+letters are
        # the menu bar's.
        status_label = QLabel(self.tr("Status:"))
        status_label.setBuddy(self.status)
        controls.addWidget(status_label)
        controls.addWidget(self.status)
        controls.addStretch(1)
        self.edit_button = QPushButton(self.tr("Edit details"))
        self.edit_button.setObjectName("editDetails")
        self.edit_button.setToolTip(
            self.tr("Edit the title, authors, dates, ids, abstract and links by hand (F2)")
        )
        self.edit_button.clicked.connect(self.start_editing)
        controls.addWidget(self.edit_button)
        layout.addLayout(controls)

        tags_row = QHBoxLayout()
        tags_label = QLabel(self.tr("Tags:"))
        tags_row.addWidget(tags_label)
        self.tags = QLineEdit()
        self.tags.setObjectName("tagsEdit")
        tags_label.setBuddy(self.tags)
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. peft, to discuss"))
        self.tag_names = QStringListModel(self)
        completer = QCompleter(self.tag_names, self.tags)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.tags.editingFinished.connect(self._tags_finished)
        tags_row.addWidget(self.tags)
        layout.addLayout(tags_row)

        queues_row = QHBoxLayout()
        self.queues = QLabel()
        self.queues.setWordWrap(True)
        self.add_queue_button = QPushButton(self.tr("Add to queue…"))
        self.add_queue_button.clicked.connect(self.queue_requested)
        queues_row.addWidget(self.queues, 1)
        queues_row.addWidget(self.add_queue_button)
        layout.addLayout(queues_row)

        layout.addWidget(_heading(self.tr("Abstract")))
        self.abstract = SafeBrowser()
        self.abstract.setObjectName("abstract")
        self.abstract.setAccessibleName(self.tr("Abstract"))
        self.abstract.setFrameShape(QFrame.Shape.NoFrame)
        self.abstract.setMinimumHeight(140)
        _takes_what_is_left(self.abstract)
        layout.addWidget(self.abstract, 2)

        notes_head = QHBoxLayout()
        notes_head.addWidget(_heading(self.tr("Notes")))
        notes_head.addStretch(1)
        self.new_note_button = new_note = QPushButton(self.tr("New note"))
        new_note.setObjectName("newNote")
        new_note.clicked.connect(self.start_new_note)
        self.delete_note_button = QPushButton(self.tr("Delete note"))
        self.delete_note_button.clicked.connect(self._delete_note)
        notes_head.addWidget(new_note)
        notes_head.addWidget(self.delete_note_button)
        layout.addLayout(notes_head)
        self.note_list = _elided_list("noteList")
        self.note_list.setAccessibleName(self.tr("Notes"))
        _fit_rows(self.note_list, NOTE_ROWS_SHOWN)
        self.note_list.currentItemChanged.connect(self._note_selected)
        layout.addWidget(self.note_list)
        self.note_tabs = QTabWidget()
        self.note_tabs.tabBar().setAccessibleName(self.tr("Note view"))
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("noteEditor")
        self.editor.setAccessibleName(self.tr("Note editor"))
        # Tab moves on to the related papers instead of typing a tab: otherwise the
        # keyboard is trapped in the editor (Markdown indents as well with spaces).
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(self.tr("Write a note in Markdown; it saves as you type."))
        self.editor.textChanged.connect(self._note_typed)
        self.preview = SafeBrowser()
        self.preview.setObjectName("notePreview")
        self.preview.setAccessibleName(self.tr("Note preview"))
        self.note_tabs.addTab(self.editor, self.tr("Write"))
        self.note_tabs.addTab(self.preview, self.tr("Preview"))
        self.note_tabs.currentChanged.connect(self._render_preview)
        self.note_tabs.setMinimumHeight(160)
        _takes_what_is_left(self.note_tabs)
        layout.addWidget(self.note_tabs, 2)
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_note)

        layout.addWidget(_heading(self.tr("Related papers")))
        self.related = _elided_list("relatedList")
        self.related.setAccessibleName(self.tr("Related papers"))
        self.related.setTextElideMode(Qt.TextElideMode.ElideRight)
        _fit_rows(self.related, RELATED_ROWS_SHOWN)
        self.related.itemActivated.connect(self._related_activated)
        self.related.itemClicked.connect(self._related_activated)
        layout.addWidget(self.related)

        scroll = self.details_scroll = _FittedScroll()
        scroll.setWidgetResizable(True)
        # Text wraps to the pane's width; the pane never scrolls sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop of its own: Tab goes to the controls in it, and the area scrolls
        # to show the one with the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(body)
        # As wide as the narrowest the pane's rows can be, with the scroll bar beside them:
        # the splitter then never squeezes the pane below it, and the rows that never scroll
        # sideways are never cut at the right edge (at 1024 px the pane had 267 of 301).
        scroll.setMinimumWidth(
            body.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        )
        self.addWidget(scroll)

        self.editor_form = PaperEditor()
        self.editor_form.save_requested.connect(self.save_edit)
        self.editor_form.cancel_requested.connect(self.cancel_edit)
        edit_scroll = QScrollArea()
        edit_scroll.setWidgetResizable(True)
        edit_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        edit_scroll.setFrameShape(QFrame.Shape.NoFrame)
        edit_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # as the details' scroll area
        edit_scroll.setWidget(self.editor_form)
        self.addWidget(edit_scroll)

    def tab_chain(self) -> list[QWidget]:
        """The pane's controls in the order Tab visits them: triage first (star, status,
        tags, queue), then Edit details, the links, the abstract, the notes and the related
        papers; then the edit mode's form, shown instead of them. Hidden ones are skipped."""
        return [
            self.star,
            self.status,
            self.tags,
            self.add_queue_button,
            self.edit_button,
            *self.link_buttons.values(),
            self.pdf_panel.open_button,
            self.abstract,
            self.new_note_button,
            self.delete_note_button,
            self.note_list,
            self.note_tabs,  # its tab bar, the focus proxy
            self.editor,
            self.preview,
            self.related,
            *self.editor_form.tab_chain,
        ]

    # -- filling it

    def add_line(self, widget: QWidget) -> None:
        """Shows a widget of another module's (the reading history) under the paper's
        details."""
        layout = self.meta.parentWidget().layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.edited_hint) + 1, widget)

    def show_message(self, text: str) -> None:
        self.save_note()
        self._leave_edit()
        self.paper = None
        self.placeholder.setText(text)
        self.setCurrentIndex(MESSAGE_PAGE)

    def set_tag_names(self, names: list[str]) -> None:
        self.tag_names.setStringList(names)

    def set_paper(self, paper: Paper) -> None:
        same_paper = self.paper is not None and self.paper.id == paper.id
        if not same_paper:
            self.save_note()
            self._leave_edit()
        self.paper = paper
        self._loading = True
        try:
            self.title.setText(breakable(paper.title))
            self.authors.setText(", ".join(paper.authors) or self.tr("Authors unknown"))
            facts = [paper.date or (str(paper.year) if paper.year else "")]
            facts += [
                paper.venue or "",
                f"arXiv:{paper.arxiv_id}" if paper.arxiv_id else "",
                f"DOI {paper.doi}" if paper.doi else "",
            ]
            self.meta.setText(" · ".join(f for f in facts if f) or self.tr("No date"))
            self.edited_hint.setText(
                arg(
                    self.tr(
                        "Edited by hand: %1. Imports and look-ups leave them as you wrote them.",
                        "",
                        len(paper.edited),
                    ),
                    field_names(paper.edited),
                )
                if paper.edited
                else ""
            )
            self.edited_hint.setVisible(bool(paper.edited))
            for kind, button in self.link_buttons.items():
                url = getattr(paper.links, kind)
                button.setVisible(is_web_url(url))
                button.setToolTip(url or "")
            self.star.setChecked(paper.starred)
            self.star.setText(self.tr("★ Starred") if paper.starred else self.tr("☆ Star"))
            if paper.status in STATUSES:
                self.status.setCurrentIndex(STATUSES.index(paper.status))
            if not (same_paper and self.tags.hasFocus()):
                self.tags.setText(", ".join(paper.tags))
            self.queues.setText(
                arg(self.tr("In queues: %1"), ", ".join(paper.queues))
                if paper.queues
                else self.tr("Not in a queue")
            )
            self.abstract.setHtml(
                linkify(paper.abstract) if paper.abstract else self.tr("<p><i>No abstract.</i></p>")
            )
            self._fill_notes(paper, keep_editor=same_paper)
            if not same_paper:
                self.related.clear()
                self.pdf_panel.clear()
        finally:
            self._loading = False
        # An edit in progress stays open while its paper is refreshed (a note saved, a
        # look-up finished): the editors keep what the user typed.
        self.setCurrentIndex(EDIT_PAGE if self.is_editing else DETAILS_PAGE)
        # Once the new text is laid out at the pane's width, the body takes its height.
        QTimer.singleShot(0, self.details_scroll.fit)

    def set_related(self, paper_id: int, related: list[Paper]) -> None:
        if self.paper is None or self.paper.id != paper_id:
            return  # an answer for a paper no longer shown
        self.related.clear()
        for other in related:
            item = QListWidgetItem(other.title)
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            item.setToolTip("\n".join(filter(None, [other.title, ", ".join(other.authors)])))
            self.related.addItem(item)
        if not related:
            self.related.addItem(QListWidgetItem(self.tr("No related papers found.")))
        _fit_rows(self.related, RELATED_ROWS_SHOWN)
        self.details_scroll.fit()

    def _fill_notes(self, paper: Paper, *, keep_editor: bool) -> None:
        self.note_list.blockSignals(True)
        self.note_list.clear()
        for note in paper.notes:
            item = QListWidgetItem(_note_title(note))
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            self.note_list.addItem(item)
        self.note_list.blockSignals(False)
        _fit_rows(self.note_list, NOTE_ROWS_SHOWN)
        ids = [n.id for n in paper.notes]
        # An empty note editor nobody is in (not "New note" pressed, which puts the cursor
        # there) shows the paper's first note when one arrives from another window or machine.
        idle_new = (
            self._note_id is None
            and bool(ids)
            and self._editor_unchanged()
            and not self.editor.hasFocus()
        )
        if keep_editor and not idle_new and (self._note_id is None or self._note_id in ids):
            if self._note_id is not None:
                # Quietly: selecting a row loads its note, which would replace typed text.
                self.note_list.blockSignals(True)
                self.note_list.setCurrentRow(ids.index(self._note_id))
                self.note_list.blockSignals(False)
                stored = paper.notes[ids.index(self._note_id)]
                # Changed elsewhere (another machine, a conflict copy) while nothing is typed
                # here: show it. Typed text is never replaced; its save sees the conflict.
                if stored.body != self._note_base and self._editor_unchanged():
                    self._load_note(stored)
            return
        if paper.notes:
            self.note_list.setCurrentRow(0)
            self._load_note(paper.notes[0])
        else:
            self._load_note(None)

    def _editor_unchanged(self) -> bool:
        return not self.autosave.isActive() and self.editor.toPlainText() == self._note_base

    def _load_note(self, note: Note | None) -> None:
        self._note_id = note.id if note else None
        self._note_base = note.body if note else ""
        was_loading, self._loading = self._loading, True
        self.editor.setPlainText(note.body if note else "")
        self._loading = was_loading
        self.delete_note_button.setEnabled(note is not None)
        self._render_preview()

    # -- edit mode

    @property
    def is_editing(self) -> bool:
        return self.editor_form.paper_id is not None

    def start_editing(self) -> bool:
        """F2: the shown paper's fields as editors, the cursor in the title. False when no
        one paper is shown."""
        if self.paper is None:
            return False
        if self.is_editing and self.editor_form.paper_id == self.paper.id:
            self.editor_form.focus_first()  # back to the top, keeping what was typed
            return True
        self.save_note()
        self.editor_form.load(self.paper)
        self.setCurrentIndex(EDIT_PAGE)
        self.editor_form.focus_first()
        return True

    def save_edit(self) -> None:
        """Save (Enter, Ctrl+Enter): checks the changed fields, then hands them to the
        window; with nothing changed it just leaves the edit mode."""
        form = self.editor_form
        if form.paper_id is None or form.busy:
            return
        changes = form.check()
        if changes is None:
            return  # the messages are under the fields
        if not changes:
            self.finish_edit(form.paper_id)
            return
        form.set_busy(True)
        self.details_edited.emit(form.paper_id, changes)

    def cancel_edit(self) -> None:
        """Esc: back to the details as they are; nothing is written."""
        self._leave_edit(discard_quietly=True)

    def finish_edit(self, paper_id: int) -> None:
        """The window saved the edit: back to the details (which it refreshes)."""
        if self.editor_form.paper_id == paper_id:
            self._leave_edit(discard_quietly=True)

    def edit_failed(self, paper_id: int, errors: dict[str, str], general: str = "") -> bool:
        """The service refused the edit: its message under the field it names, the editors
        as the user left them. False when that edit is no longer open."""
        form = self.editor_form
        if form.paper_id != paper_id:
            return False
        form.set_busy(False)
        form.show_errors(errors, general)
        return True

    def _leave_edit(self, *, discard_quietly: bool = False) -> None:
        form = self.editor_form
        if form.paper_id is None:
            return
        # Another paper shown (or none) while editing: the edit is dropped, but the user
        # is told, so that typed text never vanishes unnoticed.
        if not discard_quietly and not form.busy and form.changes() and self.paper is not None:
            self.edit_discarded.emit(self.paper.title)
        focused = QApplication.focusWidget()
        refocus = focused is not None and form.isAncestorOf(focused)
        form.paper_id = None
        form.set_busy(False)
        self.setCurrentIndex(DETAILS_PAGE if self.paper is not None else MESSAGE_PAGE)
        if refocus:
            self.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- reacting to the user

    def _open_link(self, kind: str) -> None:
        if self.paper is not None:
            open_web_url(getattr(self.paper.links, kind) or "")

    def _star_clicked(self, checked: bool) -> None:
        if self.paper is not None:
            self.star_toggled.emit(self.paper.id, checked)

    def _status_chosen(self, index: int) -> None:
        if self.paper is not None and STATUSES[index] != self.paper.status:
            self.status_chosen.emit(self.paper.id, STATUSES[index])

    def _tags_finished(self) -> None:
        if self.paper is None or self._loading:
            return
        wanted = list(dict.fromkeys(t.strip() for t in self.tags.text().split(",") if t.strip()))
        if [t.casefold() for t in wanted] != [t.casefold() for t in self.paper.tags]:
            self.tags_edited.emit(self.paper.id, wanted)

    def _note_selected(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None or self.paper is None:
            return
        self.save_note()
        note_id = current.data(Qt.ItemDataRole.UserRole)
        note = next((n for n in self.paper.notes if n.id == note_id), None)
        self._load_note(note)

    def start_new_note(self) -> None:
        self.save_note()
        self.note_list.clearSelection()
        self._load_note(None)
        self.note_tabs.setCurrentIndex(0)
        self.editor.setFocus()

    def _note_typed(self) -> None:
        if not self._loading:
            self.autosave.start()

    def save_note(self) -> None:
        """Saves the editor now if it has unsaved text (also called before switching away)."""
        self.autosave.stop()
        if self.paper is None or self._loading:
            return
        body = self.editor.toPlainText()
        if self._note_id is None:
            if body.strip():
                self._note_id = -1  # pending: the window tells us the real id
                self.note_added.emit(self.paper.id, body)
            return
        if self._note_id < 0:
            return
        if body != self._note_base and body.strip():
            self.note_edited.emit(self._note_id, body, self._note_base)
            self._note_base = body  # the next save edits this one (saves run in order)

    def note_saved(self, paper_id: int, note_id: int) -> None:
        """The window reports the id of a note that save_note() asked it to create."""
        if self.paper is not None and self.paper.id == paper_id and self._note_id == -1:
            self._note_id = note_id

    def note_conflict(self, note_id: int, copy_id: int, body: str) -> None:
        """The window reports that saving note `note_id` found it changed elsewhere, so the
        text was kept as note `copy_id`: the editor goes on with that note, and shows it (with
        the line that says what happened) when the paper is refreshed."""
        if self._note_id == note_id:
            self._note_id = copy_id
            self._note_base = body

    def has_pending_note(self) -> bool:
        return self.autosave.isActive() or self._note_id == -1

    def _delete_note(self) -> None:
        if self._note_id is not None and self._note_id > 0:
            self.autosave.stop()
            self.note_deleted.emit(self._note_id)
            self._note_id = None

    def _render_preview(self) -> None:
        if self.note_tabs.currentIndex() == 1:
            self.preview.setMarkdown(self.editor.toPlainText())

    def _related_activated(self, item: QListWidgetItem) -> None:
        paper_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(paper_id, int):
            self.paper_activated.emit(paper_id)
