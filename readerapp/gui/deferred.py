"""Services the window imports when it first uses them instead of at launch.

Most services write through SQLAlchemy's ORM, whose import (with the services and formats
built on it) takes more than half a second, as long again as the rest of the window's
launch. Nothing before the first painted table needs them: the sidebar and the first list
are read without the ORM (services.list_reads, services.search). A window module names such
a service with

    if TYPE_CHECKING:
        from readerapp.services import editing
    else:
        editing = deferred("editing")

and calls it as before (`editing.edit_paper(...)`): the first attribute read imports the
module, on whichever thread reads it (the import lock serialises a race). After the first
paint the window imports them all on its worker (load_all), so that the first edit does
not wait for them. tests/gui/test_launch_imports.py checks that the launch loads none.
"""

from __future__ import annotations

import importlib
from typing import Any

_LOADED: list[str] = []


class _Deferred:
    """A services module, imported at the first read of one of its names."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)

    def __repr__(self) -> str:
        return f"<deferred {self._name}>"


def deferred(name: str) -> Any:
    """The module readerapp.services.`name`, imported when first used."""
    full = f"readerapp.services.{name}"
    if full not in _LOADED:
        _LOADED.append(full)
    return _Deferred(full)


def load_all() -> None:
    """Imports every deferred module now (on the worker, after the first paint)."""
    for name in list(_LOADED):
        importlib.import_module(name)
