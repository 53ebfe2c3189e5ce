"""Whoosh imported without the modules it loads and never uses here.

Importing whoosh-reloaded 2.7.5 (pinned) loads, besides Whoosh itself:
- urllib.request, with http.client, email and ssl, because whoosh.compat imports
  `urlretrieve` from it for Python 2 compatibility; nothing in Whoosh calls it;
- asyncio, because whoosh.reading takes its one `cached_property` (a reader's deleted
  documents) from the `cached_property` package, which imports asyncio to also cache
  coroutines; the property is a plain method, for which functools.cached_property does
  the same.
Measured with `python -X importtime`, those two are about half of importing Whoosh: some
50 ms of a cold `readerapp search`, whose whole budget is 150 ms. And whoosh.query.terms
imports `variations` from whoosh.lang.morph_en, which compiles hundreds of regular
expressions as it loads (about 5 ms), for a Variations query readerapp never builds; and
whoosh.analysis imports `stem` from whoosh.lang.porter (a dozen more, about 3 ms) as the
default of stemming filters readerapp always gives its own stemmer (search/porter.py).

So while Whoosh's modules load, stand-ins sit in sys.modules under those names, and are
taken out again as soon as Whoosh has them. The urllib.request, morph_en and porter stand-ins
are lazy proxies: their function, or any other name another thread might ask for meanwhile,
imports the real module and answers from it. The cached_property stand-in serves
functools's; only Whoosh imports that package. Where a real module is already loaded (the
window imports more of the standard library), it is used as it is.
"""

from __future__ import annotations

import functools
import importlib
import sys
import types
from typing import Any

_REQUEST = "urllib.request"
_MORPH_EN = "whoosh.lang.morph_en"
_PORTER = "whoosh.lang.porter"
_CACHED_PROPERTY = "cached_property"


def _lazy_module(name: str, function: str) -> types.ModuleType:
    """A stand-in for module `name` whose `function` and other names come from the real
    module, imported when one is first used."""
    stand_in = types.ModuleType(name, f"Loads {name} when first used.")

    def real() -> types.ModuleType:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return importlib.import_module(name)

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(real(), function)(*args, **kwargs)

    def attribute(attr: str) -> Any:
        if attr.startswith("__"):  # the import system asks a module for __path__ and the like
            raise AttributeError(attr)
        return getattr(real(), attr)

    setattr(stand_in, function, call)
    stand_in.__getattr__ = attribute  # type: ignore[method-assign]
    return stand_in


_request_stand_in = _lazy_module(_REQUEST, "urlretrieve")
_morph_en_stand_in = _lazy_module(_MORPH_EN, "variations")
_porter_stand_in = _lazy_module(_PORTER, "stem")

_cached_property_stand_in = types.ModuleType(_CACHED_PROPERTY, "functools.cached_property.")
_cached_property_stand_in.cached_property = functools.cached_property  # type: ignore[attr-defined]


def _load() -> None:
    """Import the Whoosh modules that pull in those modules, with the stand-ins."""
    if "whoosh.reading" in sys.modules:
        return
    stand_ins = {
        _REQUEST: _request_stand_in,
        _MORPH_EN: _morph_en_stand_in,
        _PORTER: _porter_stand_in,
        _CACHED_PROPERTY: _cached_property_stand_in,
    }
    placed = [name for name in stand_ins if name not in sys.modules]
    for name in placed:
        sys.modules[name] = stand_ins[name]
    try:
        import whoosh.analysis
        import whoosh.compat
        import whoosh.query
        import whoosh.reading  # noqa: F401
    finally:
        for name in placed:
            if sys.modules.get(name) is stand_ins[name]:
                del sys.modules[name]


_load()
