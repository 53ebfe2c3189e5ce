"""Copy (Ctrl+C) and drags out of the table carry papers as text, Markdown, BibTeX and HTML
(services/clip.py), beside the private list of ids that drops inside the window use."""

from __future__ import annotations

import atexit
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QMetaType, QMimeData
from PySide6.QtGui import QGuiApplication

from readerapp.gui.deferred import deferred
from readerapp.gui.host import Host
from readerapp.gui.paper_model import PAPER_IDS_MIME, encode_ids
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


def paper_mime(text: PaperText | None, ids: Sequence[int]) -> QMimeData:
    mime = encode_ids(ids)
    if text is not None:
        mime.setText(text.plain)
        mime.setHtml(text.html)
        mime.setData(MARKDOWN_MIME, text.markdown.encode("utf-8"))
        for name in BIBTEX_MIMES:
            mime.setData(name, text.bibtex.encode("utf-8"))
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
        self.setData(PAPER_IDS_MIME, encode_ids(ids).data(PAPER_IDS_MIME))
        self.text_ids = (text, list(ids))
        # Strings for Qt's text flavours (it encodes them itself), UTF-8 for the rest.
        self._flavours: dict[str, Callable[[PaperText], str | QByteArray]] = {
            "text/plain": lambda t: t.plain,
            "text/html": lambda t: t.html,
            MARKDOWN_MIME: lambda t: QByteArray(t.markdown.encode("utf-8")),
            **{name: (lambda t: QByteArray(t.bibtex.encode("utf-8"))) for name in BIBTEX_MIMES},
        }

    def formats(self) -> list[str]:
        return [*super().formats(), *self._flavours]

    def hasFormat(self, mimetype: str) -> bool:
        return mimetype in self._flavours or super().hasFormat(mimetype)

    def retrieveData(self, mimetype: str, preferredType: QMetaType) -> object:
        flavour = self._flavours.get(mimetype)
        if flavour is None:
            return super().retrieveData(mimetype, preferredType)
        return flavour(self.text_ids[0])


def make_clipboard_plain() -> None:
    """Puts the clipboard's papers there as plain QMimeData, if they are there lazily.

    Qt deletes what the clipboard holds after Python has begun to shut down, and a Python
    subclass can no longer be deleted then (a fatal error at exit); on X11 the desktop's
    clipboard manager may also read it then. So before the application quits (and at the
    interpreter's exit, for a QApplication that never ran exec), the texts are set whole."""
    clipboard = QGuiApplication.clipboard()
    held = clipboard.mimeData()
    if isinstance(held, LazyPaperMime):
        clipboard.setMimeData(paper_mime(*held.text_ids))


_exit_hooked = False


def _hook_exit() -> None:
    global _exit_hooked
    if not _exit_hooked:
        _exit_hooked = True
        QCoreApplication.instance().aboutToQuit.connect(make_clipboard_plain)  # type: ignore[union-attr]
        atexit.register(make_clipboard_plain)


def drag_data(library: Callable[[], Library | None]) -> Callable[[Sequence[int]], QMimeData]:
    """What the table's model hands to a drag of these papers."""

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
