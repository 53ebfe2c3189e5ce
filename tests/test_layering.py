"""The core never imports Qt: every module outside readerapp/gui imports with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import readerapp

SCRIPT = r"""
import importlib, pkgutil, sys
class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
            raise ImportError(f"Qt is blocked here: {name}")
        return None
sys.meta_path.insert(0, BlockQt())
import readerapp
names = []
for info in pkgutil.walk_packages(readerapp.__path__, "readerapp."):
    if info.name.startswith("readerapp.gui") or info.name == "readerapp.__main__":
        continue
    importlib.import_module(info.name)
    names.append(info.name)
assert not any(m.startswith("PySide6") for m in sys.modules)
print(len(names))
"""


def test_everything_outside_gui_imports_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        cwd=Path(readerapp.__file__).parent.parent,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 30  # the walk really imported the package's modules


def test_search_engines_are_imported_only_inside_readerapp_search() -> None:
    root = Path(readerapp.__file__).parent
    for path in root.rglob("*.py"):
        if path.parent.name == "search":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] in ("import", "from"):
                assert words[1].split(".")[0] not in ("whoosh", "tantivy"), f"{path}: {line}"
