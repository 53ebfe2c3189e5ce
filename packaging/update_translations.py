"""Keeps the window's translations in step with its code, and compiles them.

    python packaging/update_translations.py            # re-extract every .ts (lupdate)
    python packaging/update_translations.py --release  # ...and compile them into the source
                                                       #    tree (a checkout run from source)

resources/translations/readerapp_<lang>.ts holds one language; readerapp_en.ts holds only the
English plural forms ("1 paper" / "2 papers" for "%n paper(s)"). After an update, translate
what lupdate marked `unfinished` (Qt Linguist: `pyside6-linguist`, or any editor), and remove
what it marked `vanished`; tests/gui/test_translations.py fails until both are done.

A new language: add its code to LANGUAGES, run this script, translate the new .ts, and add
it to View ▸ Language (gui/window_actions.py, gui/i18n.py).

setup.py compiles the .ts into .qm files inside the built package (readerapp/gui/
translations/), so a wheel, `pip install .` and the PyInstaller bundle carry them; this
module is what it runs. Only the standard library is imported here: the Qt tools run in a
child process, from the PySide6 that the build or the environment has.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = ROOT / "readerapp" / "gui" / "translations"
LANGUAGES = ("de",)
# The English file carries plural forms only (lupdate -pluralonly).
PLURALS_ONLY = "en"


def sources(root: Path = ROOT) -> list[Path]:
    """The files whose texts the window shows: the GUI, and the search syntax its help page
    and tooltip explain (marked there with QT_TRANSLATE_NOOP)."""
    return [
        *sorted((root / "readerapp" / "gui").glob("*.py")),
        root / "readerapp" / "search" / "syntax.py",
    ]


def ts_file(language: str, folder: Path = TS_DIR) -> Path:
    return folder / f"readerapp_{language}.ts"


def _qt_tool(name: str, args: Sequence[str]) -> None:
    """Runs PySide6's lupdate or lrelease (the binaries in the PySide6 package)."""
    code = (
        "import sys\n"
        f"from PySide6.scripts.pyside_tool import {name}\n"
        f"sys.argv[0] = {name!r}\n"
        f"sys.exit({name}())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"pyside6-{name} failed:\n{result.stdout}{result.stderr}")


def lupdate(ts: Path, language: str, files: Sequence[Path] | None = None) -> None:
    """Extracts the texts of `files` into `ts`, keeping its translations. No line numbers
    (the file would change with every edit of the code) and nothing obsolete kept."""
    args = [str(f) for f in (files if files is not None else sources())]
    args += ["-ts", str(ts), "-no-obsolete", "-locations", "none", "-source-language", "en"]
    args += ["-target-language", language]
    if language == PLURALS_ONLY:
        args.append("-pluralonly")
    _qt_tool("lupdate", args)


def lrelease(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    _qt_tool("lrelease", [str(ts), "-qm", str(qm), "-silent"])


def release_all(out: Path, ts_folder: Path = TS_DIR) -> list[Path]:
    """Compiles every .ts into `out`; returns the .qm files written."""
    written = []
    for ts in sorted(ts_folder.glob("readerapp_*.ts")):
        qm = out / ts.with_suffix(".qm").name
        lrelease(ts, qm)
        written.append(qm)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--release", action="store_true", help=f"also compile them into {QM_DIR.relative_to(ROOT)}"
    )
    options = parser.parse_args(argv)
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for language in (*LANGUAGES, PLURALS_ONLY):
        lupdate(ts_file(language), language)
        print(f"updated {ts_file(language).relative_to(ROOT)}")
    if options.release:
        for qm in release_all(QM_DIR):
            print(f"compiled {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
