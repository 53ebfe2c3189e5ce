"""Renders the app icon's PNG sizes, .ico and .icns from its one SVG source.

    python packaging/render_icons.py OUT_DIR

writes OUT_DIR/hicolor/<N>x<N>/apps/<app id>.png for every size in HICOLOR_SIZES (the 16 px
one from the hinted 16 px drawing, readerapp-16.svg, as the app does at run time),
OUT_DIR/hicolor/scalable/apps/<app id>.svg, OUT_DIR/readerapp.ico (Windows) and
OUT_DIR/readerapp.icns (macOS). Build output: never committed. Needs the project installed
(Qt's SVG renderer draws the PNGs, the same renderer the app draws its window icon with) and
Pillow (`pip install '.[packaging]'`) to pack the .ico and .icns.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

# Before Qt loads: no display is needed to draw into an image.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from readerapp.gui.app import APP_ID, ICON, ICON_16

# The SVG is drawn on a 16-unit grid: these sizes put its edges on whole pixels (24 is the
# exception, kept because some panels ask for it).
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Pillow's ICNS writer wants these; each is drawn from the SVG rather than scaled.
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    try:
        from PIL import Image
    except ImportError:
        print("render_icons: Pillow is missing; pip install '.[packaging]'", file=sys.stderr)
        return 1

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderers = {source: QSvgRenderer(str(source)) for source in (ICON, ICON_16)}
    for source, renderer in renderers.items():
        if not renderer.isValid():
            print(f"render_icons: {source} is not a valid SVG", file=sys.stderr)
            return 1
    out: Path = args.out_dir
    scalable = out / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ICON, scalable / f"{APP_ID}.svg")

    pngs: dict[int, Path] = {}
    for size in sorted({*HICOLOR_SIZES, *ICO_SIZES, *ICNS_SIZES}):
        if size in HICOLOR_SIZES:
            pngs[size] = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        else:
            pngs[size] = out / "other-sizes" / f"{size}.png"  # only packed into .icns
        pngs[size].parent.mkdir(parents=True, exist_ok=True)
        renderer = renderers[ICON_16 if size == 16 else ICON]
        if not render(renderer, size).save(str(pngs[size])):
            print(f"render_icons: cannot write {pngs[size]}", file=sys.stderr)
            return 1

    images = {size: Image.open(path).convert("RGBA") for size, path in pngs.items()}
    largest = max(ICO_SIZES)
    # append_images hands Pillow each size as drawn, instead of scaling the largest down.
    images[largest].save(
        out / "readerapp.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != largest],
    )
    images[1024].save(
        out / "readerapp.icns", append_images=[images[s] for s in ICNS_SIZES if s != 1024]
    )
    print(
        f"render_icons: {len(HICOLOR_SIZES)} PNG sizes, readerapp.ico and readerapp.icns in {out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
