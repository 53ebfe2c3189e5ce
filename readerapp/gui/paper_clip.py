"""Copy (Ctrl+C) and drags out of the table carry papers as text, Markdown, BibTeX and HTML
(services/clip.py), beside the private list of ids that drops inside the window use."""

from __future__ import annotations

import atexit
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMetaType,
    QMimeData,
    QStringListModel,
)
from PySide6.QtGui import QGuiApplication
from shiboken6 import Shiboken

from readerapp.gui.deferred import deferred
from readerapp.gui.host import Host
from readerapp.gui.paper_model import PAPER_IDS_MIME, encode_ids, ids_bytes
from readerapp.gui.paper_table import PaperTable  # its tr(): the copy message is the table's
from readerapp.services.library import Library

if TYPE_CHECKING:
    from readerapp.services import clip
    from readerapp.services.clip import PaperText
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    clip = deferred("clip")

# The BibTeX flavour's names: the first is what JabRef and most editors look for, the
# second what some Linux applications register.
BIBTEX_MIMES = ("text/x-bibtex", "application/x-bibtex")
MARKDOWN_MIME = "text/markdown"
# A drag is built on the GUI thread as it starts; beyond this many papers it carries only
# the ids (enough to drop on a queue) rather than stall the window writing BibTeX.
DRAG_TEXT_LIMIT = 1000

# Every flavour the papers' text leaves in, and how it is made: the one table that the
# clipboard's lazy data (LazyPaperMime) and the data set whole (paper_mime: a drag) read,
# so that the two cannot drift apart. A str is one of Qt's own text flavours, handed over
# as a string (Qt encodes it for each reader, as setText and setHtml do); bytes go as they are.
FLAVOURS: tuple[tuple[str, Callable[[PaperText], str | bytes]], ...] = (
    ("text/plain", lambda t: t.plain),
    ("text/html", lambda t: t.html),
    (MARKDOWN_MIME, lambda t: t.markdown.encode("utf-8")),
    *((name, lambda t: t.bibtex.encode("utf-8")) for name in BIBTEX_MIMES),
)
# How QMimeData keeps the string flavours above (a KeyError for a new one: give it bytes).
QT_TEXT_SETTERS: dict[str, Callable[[QMimeData, str], None]] = {
    "text/plain": QMimeData.setText,
    "text/html": QMimeData.setHtml,
}


def paper_mime(text: PaperText | None, ids: Sequence[int]) -> QMimeData:
    """The papers' ids and, with their text, every flavour of it, set whole."""
    mime = encode_ids(ids)
    if text is not None:
        for name, make in FLAVOURS:
            content = make(text)
            if isinstance(content, str):
                QT_TEXT_SETTERS[name](mime, content)
            else:
                mime.setData(name, content)
    return mime


class LazyPaperMime(QMimeData):
    """The clipboard's papers: their ids, and their text in every flavour made only when a
    reader asks for it.

    Qt keeps each flavour whole: set eagerly (paper_mime), copying all 20,000 papers encoded
    and handed over about 100 MB on the GUI thread, ~200 ms in one stall, for flavours nobody
    may paste. Here the texts stay Python strings until a paste, a drop or the desktop's
    clipboard asks for one flavour; what it gets is paper_mime's, byte for byte."""

    def __init__(self, text: PaperText, ids: Sequence[int]) -> None:
        super().__init__()
        self.setData(PAPER_IDS_MIME, ids_bytes(ids))
        self.paper_text = text  # not `text`: QMimeData.text() is the plain flavour
        self._flavours = dict(FLAVOURS)

    def formats(self) -> list[str]:
        return [*super().formats(), *self._flavours]

    def hasFormat(self, mimetype: str) -> bool:
        return mimetype in self._flavours or super().hasFormat(mimetype)

    def retrieveData(self, mimetype: str, preferredType: QMetaType | QMetaType.Type) -> object:
        make = self._flavours.get(mimetype)
        if make is None:
            return super().retrieveData(mimetype, preferredType)
        content = make(self.paper_text)
        return content if isinstance(content, str) else QByteArray(content)


def qt_made_mime() -> QMimeData:
    """An empty QMimeData that Qt made, not Python: QAbstractItemModel.mimeData is the one
    public call that hands one out (its own item-data format is removed)."""
    model = QStringListModel([""])
    mime = model.mimeData([model.index(0)])
    for name in mime.formats():
        mime.removeFormat(name)
    return mime


def make_clipboard_plain() -> None:
    """Replaces a QMimeData that Python made on the clipboard (LazyPaperMime, or any other)
    with one that Qt made, holding every flavour byte for byte.

    Qt deletes what the clipboard holds last. Offscreen (and any platform without a
    clipboard of its own) keeps it in a static of Qt's, deleted as the process exits, after
    Python has shut down: deleting an object Python made then is a segmentation fault
    (exit 139), QCoreApplication.shutdown() or not. Qt's own QMimeData needs no Python to be
    deleted. The copy is made whole and set in one call rather than filled in after
    clipboard.setText(): Wayland, for one, offers a clipboard's flavours to other
    applications (and a clipboard manager keeps) only as they were when it was set. So
    before the application quits (and at the interpreter's exit, for a QApplication that
    never ran exec) the clipboard gets Qt's copy, the texts made once while Python runs."""
    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    held = clipboard.mimeData()
    if held is None or not Shiboken.createdByPython(held):
        return
    whole = qt_made_mime()
    for name in held.formats():
        whole.setData(name, held.data(name))
    clipboard.setMimeData(whole)


_exit_hooked = False


def _hook_exit() -> None:
    global _exit_hooked
    if not _exit_hooked:
        _exit_hooked = True
        QCoreApplication.instance().aboutToQuit.connect(make_clipboard_plain)  # type: ignore[union-attr]
        atexit.register(make_clipboard_plain)


def drag_data(library: Callable[[], Library | None]) -> Callable[[Sequence[int]], QMimeData]:
    """What the table's model hands to a drag of these papers.

    Made in Python too, but it is the QDrag's, never the clipboard's, and goes with it: a
    QDrag is the table's child, deleted later once the drag ends (offscreen: before exec()
    returns, even when the app quits right after a drag; tests/gui/test_copy_and_drag.py)."""

    def build(ids: Sequence[int]) -> QMimeData:
        lib = library()
        if lib is None or len(ids) > DRAG_TEXT_LIMIT:
            return encode_ids(ids)
        return paper_mime(clip.paper_text(lib, ids), ids)

    return build


def copy_papers(host: Host) -> None:
    """Edit ▸ Copy: the selected papers onto the clipboard, in every flavour."""
    ids = host.need_selection()
    if not ids:
        return

    def copied(text: PaperText) -> None:
        _hook_exit()
        QGuiApplication.clipboard().setMimeData(LazyPaperMime(text, ids))
        host.work.message(
            PaperTable.tr("Copied %Ln paper(s) as text, Markdown links and BibTeX.", "", len(ids)),
            4000,
        )

    host.ops.call(lambda lib: clip.paper_text(lib, ids), copied)
