"""Whoosh loads without urllib.request and asyncio, and is whole without them.

Each check runs in a fresh interpreter: in this one, other tests have long loaded both.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.no_library  # no library: the PostgreSQL pass leaves it out

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys
import readerapp.search.whoosh_index
before = sorted(m for m in ("urllib.request", "http.client", "email", "ssl", "asyncio",
                            "cached_property", "whoosh.lang.morph_en", "whoosh.lang.porter")
                if m in sys.modules)
import functools, whoosh.compat, whoosh.reading
from pathlib import Path
source, target = Path(sys.argv[1]), Path(sys.argv[2])
# Whoosh's urlretrieve still works: it loads the real urllib.request (a local file: no network).
whoosh.compat.urlretrieve(source.as_uri(), str(target))
import urllib.request
from readerapp.search import whoosh_light
import whoosh.query.terms
variations = sorted(whoosh.query.terms.variations("render"))  # Whoosh's, via the proxy
import whoosh.lang.morph_en
import whoosh.analysis.morph
stemmed = whoosh.analysis.morph.stem("rendering")  # Whoosh's own default stemmer, via the proxy
import whoosh.lang.porter
print(json.dumps({
    "before": before,
    "copied": target.read_text(encoding="utf-8"),
    "real_request": sys.modules["urllib.request"] is urllib.request
        and hasattr(urllib.request, "Request") and urllib.request.__file__ is not None,
    # A name asked of the stand-in meanwhile (another thread's import) is the real one's.
    "proxied": whoosh_light._request_stand_in.Request is urllib.request.Request,
    "variations": variations == sorted(whoosh.lang.morph_en.variations("render"))
        and "rendering" in variations,
    "functools_cached": whoosh.reading.cached_property is functools.cached_property,
    "porter": stemmed == whoosh.lang.porter.stem("rendering") == "render",
}))
"""


def test_whoosh_loads_without_urllib_request_and_asyncio_and_keeps_urlretrieve(
    tmp_path: Path,
) -> None:
    source = tmp_path / "in.txt"
    source.write_text("kept", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(source), str(tmp_path / "out.txt")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["before"] == []
    assert report["copied"] == "kept"
    assert report["real_request"] is True
    assert report["proxied"] is True
    assert report["variations"] is True
    assert report["functools_cached"] is True
    assert report["porter"] is True
