"""The one build step pyproject.toml cannot declare: compiling the window's translations.

resources/translations/*.ts (the sources, kept in git) become readerapp/gui/translations/*.qm
(build output, never committed) in the package being built, so that every way of installing
gets them from the same place:

- `pip install .` and the wheel: the .qm files are written into the build tree and packaged
  with the code;
- `pip install -e .`: setuptools runs this in editable mode, and the .qm files go into the
  source tree's readerapp/gui/translations/ (git-ignored), where the editable package reads
  its data;
- the .deb and the other installers: packaging/linux/build-deb.sh pip-installs the checkout
  (not editable) and PyInstaller's spec collects the package data as installed.

Compiling needs Qt's lrelease, which PySide6 ships: pyproject.toml lists PySide6-Essentials
among the build requirements. Compiling at build time rather than at run time keeps the
installed app read-only and its start free of subprocesses; a checkout run from source
without installing compiles with `python packaging/update_translations.py --release`.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _tools():  # type: ignore[no-untyped-def]
    # By path: the folder is named `packaging`, like the PyPI package setuptools imports.
    path = ROOT / "packaging" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            out = ROOT / "readerapp" / "gui" / "translations"
        else:
            out = Path(self.build_lib) / "readerapp" / "gui" / "translations"
        for qm in _tools().release_all(out):
            print(f"compiled {qm.name}")


setup(cmdclass={"build_py": BuildPyWithTranslations})
