"""The import preview fits its user: a width for small screens, the window's own words for a
source that cannot be imported, and error text readable in a light and a dark palette."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from pytestqt.qtbot import QtBot

from readerapp.core.location import LibraryLocation
from readerapp.gui.import_preview import ImportPreviewDialog
from readerapp.gui.theme import MIN_CONTRAST, contrast_ratio, readable_on, relative_luminance
from tests.conftest import SEED
from tests.gui.conftest import WindowFactory
from tests.gui.test_import_preview import open_preview, paste

NOT_A_DUMP = "Notes from Thursday's reading group\nnothing to import here\n"


def test_relative_luminance_and_contrast_follow_wcag() -> None:
    black, white = QColor("#000000"), QColor("#ffffff")
    assert relative_luminance(black) == 0 and relative_luminance(white) == pytest.approx(1)
    assert contrast_ratio(black, white) == pytest.approx(21)
    assert contrast_ratio(white, black) == pytest.approx(21)
    assert contrast_ratio(white, white) == pytest.approx(1)
    # Known pairs: #777 on white just misses AA; the red on dark grey is 2.1:1.
    assert contrast_ratio(QColor("#777777"), white) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#b3261e"), QColor("#2d2d2d")) == pytest.approx(2.1, abs=0.01)
    red = QColor("#b3261e")
    for background in ("#ffffff", "#efefef", "#2d2d2d", "#353535", "#1e1e1e", "#000000"):
        mixed = readable_on(red, QColor(background), black)
        assert contrast_ratio(mixed, QColor(background)) >= MIN_CONTRAST
        assert mixed.red() > mixed.green() + 40  # still a red
    assert readable_on(red, QColor("#ffffff"), black) == red  # already readable: unchanged


def test_two_long_paths_keep_the_preview_narrower_than_a_small_screen(
    open_window: WindowFactory, qtbot: QtBot, tmp_path: Path, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    folder = tmp_path / ("reading-group-material-for-the-autumn-term-" * 3) / ("week-32-" * 8)
    folder.mkdir(parents=True)
    text = SEED.read_text(encoding="utf-8")
    first = folder / ("hf-daily-papers-copied-from-the-website-on-thursday-" * 2 + ".txt")
    second = folder / "hf-daily-papers-copied-again-on-friday-with-a-long-name.txt"
    first.write_text(text, encoding="utf-8")
    second.write_text(text, encoding="utf-8")
    assert len(str(first)) > 250
    dialog = open_preview(qtbot, window, lambda: window.import_flow.import_paths([first, second]))
    assert dialog.sizeHint().width() <= 900
    assert dialog.minimumSizeHint().width() <= 900
    assert dialog.width() <= 900
    label = dialog.source_label
    assert label.full_text() == str(first) and label.toolTip() == str(first)
    assert "…" in label.text() and label.text().endswith(".txt")  # elided in the middle
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
    assert dialog.table.item(0, 0).toolTip() == str(first)
    dialog.reject()


def test_an_unrecognised_paste_is_explained_in_the_windows_words(
    open_window: WindowFactory, qtbot: QtBot, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    dialog = paste(qtbot, window, NOT_A_DUMP)
    text = dialog.error_label.text()
    assert dialog.error_label.isVisible()
    assert text == (
        "The clipboard does not look like any format readerapp knows. If it is one of them, "
        "choose it under Format."
    )
    for cli_words in ("<clipboard>", "--format", "other sources", "hf-daily-text"):
        assert cli_words not in text
    # The chooser it points to is there and usable; Import waits for a format.
    assert dialog.format_combo.isEnabled() and dialog.format_combo.currentIndex() == -1
    assert dialog.format_combo.placeholderText() == "Choose a format"
    assert dialog.table.item(0, 1).text() == "not recognised"
    assert dialog.heading.text() == "Nothing can be imported from it."
    assert not dialog.import_button.isEnabled()
    # The command line's words are unchanged underneath.
    preview = dialog.previews[0]
    assert preview is not None and preview.error is not None
    assert preview.error.startswith("<clipboard>:1: not a format readerapp recognises")
    assert preview.error.endswith("name it with --format")
    dialog.reject()


def test_a_folder_a_binary_file_and_a_missing_file_get_a_plain_reason_and_no_format(
    open_window: WindowFactory, qtbot: QtBot, tmp_path: Path, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    folder = tmp_path / "papers.bib"
    folder.mkdir()
    binary = tmp_path / "paper.pdf"
    binary.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n\x00\x00\x01stream")
    missing = tmp_path / "gone.ris"
    sources = [folder, binary, missing, SEED]
    dialog = open_preview(qtbot, window, lambda: window.import_flow.import_paths(sources))
    expected = [
        "“papers.bib” is a folder. Import the files in it instead.",
        "“paper.pdf” is not a text file (a PDF, an image or an archive, perhaps). readerapp "
        "imports lists of papers saved as text: BibTeX, RIS, JSON, Markdown and the like.",
        "“gone.ris” cannot be found: it was moved, renamed or deleted.",
    ]
    cells = ["a folder", "not text", "not found"]
    for row, (words, cell) in enumerate(zip(expected, cells, strict=True)):
        dialog.table.selectRow(row)
        text = dialog.error_label.text()
        assert dialog.error_label.isVisible()
        # Four sources: the others are imported without this one, and it says so.
        assert text == words + " The other sources are imported without it."
        assert "Choose the format" not in text and "format" not in text.lower()
        assert str(tmp_path) not in text  # the name the user knows, not the full path
        assert not dialog.format_combo.isEnabled()
        assert dialog.table.item(row, 1).text() == cell
    dialog.table.selectRow(3)  # the seed: its papers, and the chooser back
    assert dialog.details.currentWidget() is dialog.tabs
    assert dialog.format_combo.isEnabled() and dialog.new_pane.model.rowCount() == 73
    assert dialog.import_button.isEnabled()
    assert dialog.heading.text().startswith("73 new")
    assert dialog.heading.text().endswith("3 sources cannot be read (see below)")
    dialog.reject()


def _dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2d2d2d",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def _light_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#ffffff",
        QPalette.ColorRole.WindowText: "#1a1a1a",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.Text: "#1a1a1a",
        QPalette.ColorRole.Button: "#f0f0f0",
        QPalette.ColorRole.ButtonText: "#1a1a1a",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def _rendered_contrast(dialog: ImportPreviewDialog) -> tuple[QColor, float]:
    """The error label as drawn: its background (the commonest pixel) and the contrast of
    the pixel that stands out most from it (the text at full strength)."""
    label = dialog.error_label
    image = dialog.grab(QRect(label.mapTo(dialog, QPoint(0, 0)), label.size())).toImage()
    pixels = Counter(
        image.pixel(x, y) for x in range(0, image.width()) for y in range(0, image.height())
    )
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    best = max(contrast_ratio(QColor.fromRgb(p), background) for p in pixels)
    return background, best


@pytest.mark.parametrize("scheme", ["default", "light", "dark"])
def test_the_error_text_is_readable_on_the_palette(
    open_window: WindowFactory, qtbot: QtBot, scheme: str, library_dir: LibraryLocation
) -> None:
    window = open_window(library_dir)
    dialog = paste(qtbot, window, NOT_A_DUMP)
    palette = {"default": QGuiApplication.palette(), "light": _light_palette()}.get(
        scheme, _dark_palette()
    )
    dialog.setPalette(palette)  # as when the system switches scheme with the dialog open
    label = dialog.error_label
    assert label.isVisible()
    background = dialog.palette().color(QPalette.ColorRole.Window)
    text = label.palette().color(label.foregroundRole())
    assert contrast_ratio(text, background) >= MIN_CONTRAST
    assert text.red() > text.green() + 40  # an error colour, not the plain text colour
    drawn_background, drawn_contrast = _rendered_contrast(dialog)
    assert drawn_background == background
    assert drawn_contrast >= MIN_CONTRAST
    dialog.reject()
