"""Whoosh imported without two standard-library packages it never uses here.

Importing whoosh-reloaded 2.7.5 (pinned) loads, besides Whoosh itself:
- urllib.request, with http.client, email and ssl, because whoosh.compat imports
  `urlretrieve` from it for Python 2 compatibility; nothing in Whoosh calls it;
- asyncio, because whoosh.reading takes its one `cached_property` (a reader's deleted
  documents) from the `cached_property` package, which imports asyncio to also cache
  coroutines; the property is a plain method, for which functools.cached_property does
  the same.
Measured with `python -X importtime`, those two are about half of importing Whoosh: some
50 ms of a cold `readerapp search`, whose whole budget is 150 ms.

So while Whoosh's modules load, two stand-ins sit in sys.modules under those names, and are
taken out again as soon as Whoosh has them. The urllib.request stand-in is a lazy proxy:
its `urlretrieve`, or any other name another thread might ask it for meanwhile, imports the
real module and answers from it. The cached_property stand-in serves functools's; only
Whoosh imports that package. Where a real module is already loaded (the window imports
more of the standard library), it is used as it is.
"""

from __future__ import annotations

import functools
import importlib
import sys
import types
from typing import Any

_REQUEST = "urllib.request"
_CACHED_PROPERTY = "cached_property"


def _real_request() -> types.ModuleType:
    if sys.modules.get(_REQUEST) is _request_stand_in:
        del sys.modules[_REQUEST]
    return importlib.import_module(_REQUEST)


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    return _real_request().urlretrieve(*args, **kwargs)


def _request_attribute(name: str) -> Any:
    if name.startswith("__"):  # the import system asks a module for __path__ and the like
        raise AttributeError(name)
    return getattr(_real_request(), name)


_request_stand_in = types.ModuleType(_REQUEST, "Loads urllib.request when first used.")
_request_stand_in.urlretrieve = _urlretrieve  # type: ignore[attr-defined]
_request_stand_in.__getattr__ = _request_attribute  # type: ignore[method-assign]

_cached_property_stand_in = types.ModuleType(_CACHED_PROPERTY, "functools.cached_property.")
_cached_property_stand_in.cached_property = functools.cached_property  # type: ignore[attr-defined]


def _load() -> None:
    """Import the Whoosh modules that pull in the two packages, with the stand-ins."""
    if "whoosh.reading" in sys.modules:
        return
    stand_ins = {_REQUEST: _request_stand_in, _CACHED_PROPERTY: _cached_property_stand_in}
    placed = [name for name in stand_ins if name not in sys.modules]
    for name in placed:
        sys.modules[name] = stand_ins[name]
    try:
        import whoosh.compat
        import whoosh.reading  # noqa: F401
    finally:
        for name in placed:
            if sys.modules.get(name) is stand_ins[name]:
                del sys.modules[name]


_load()
