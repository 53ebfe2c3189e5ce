"""Copy (Ctrl+C) and drags out of the table carry papers as text, Markdown, BibTeX and HTML
(services/clip.py), beside the private list of ids that drops inside the window use."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from readerapp.gui.deferred import deferred
from readerapp.gui.host import Host
from readerapp.gui.paper_model import encode_ids
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
        QGuiApplication.clipboard().setMimeData(paper_mime(text, ids))
        host.work.message(
            PaperTable.tr("Copied %Ln paper(s) as text, Markdown links and BibTeX.", "", len(ids)),
            4000,
        )

    host.ops.call(lambda lib: clip.paper_text(lib, ids), copied)
