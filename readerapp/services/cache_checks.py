"""Which of a server library's cached PDFs this machine has checked against their SHA-256.

A server library's files/ folder is a cache (services.paper_files): a PDF there is used only
if its bytes are the ones the paper's row names. Its size says too little (a file replaced
by another of the same size, under the same name, would show the old one), and hashing a
50 MB file on every open costs a quarter of a second. So a file is hashed once, and what was
seen then is kept beside the cache: its digest with the file's size, modification time and
inode. As long as the file's stat says the same, the same bytes are there; any write, copy
or rename over it changes the stat, and the next open hashes it again.

The memo is one small JSON file (`files-checked.json`, beside `files/`), written through a
temporary name and a rename, so a crash leaves the old one. Two processes writing it at once
may lose one's entry: that file is hashed once more on its next open, nothing worse. An
unreadable memo is an empty one.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

MEMO_NAME = "files-checked.json"
_CHUNK = 1024 * 1024


def _stamp(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino]


def _read(memo: Path) -> dict[str, list[object]]:
    try:
        found = json.loads(memo.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _write(memo: Path, entries: dict[str, list[object]]) -> None:
    """Writes the memo, without the entries of files no longer in the cache."""
    cache_dir = memo.parent
    entries = {
        relative: seen
        for relative, seen in entries.items()
        if cache_dir.joinpath(*relative.split("/")).is_file()
    }
    handle, name = tempfile.mkstemp(prefix=".files-checked-", dir=memo.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(entries, stream, sort_keys=True)
        os.replace(name, memo)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while data := stream.read(_CHUNK):
            digest.update(data)
    return digest.hexdigest()


def holds(cache_dir: Path, relative: str, digest: str) -> bool:
    """Whether the cached file `relative` (to `cache_dir`) holds the bytes whose SHA-256 is
    `digest`: from the memo when the file's stat is the one recorded, else by hashing it
    (and then recording it, when it matches)."""
    path = cache_dir.joinpath(*relative.split("/"))
    try:
        stat = path.stat()
    except OSError:
        return False
    memo = cache_dir / MEMO_NAME
    entries = _read(memo)
    if entries.get(relative) == [digest, *_stamp(stat)]:
        return True
    try:
        if sha256_of(path) != digest:
            return False
        stat = path.stat()
    except OSError:
        return False
    entries[relative] = [digest, *_stamp(stat)]
    _write(memo, entries)
    return True


def record(cache_dir: Path, relative: str, digest: str) -> None:
    """Records that the file `relative` was just written with the bytes of `digest` (a fetch
    that checked them on the way in), so that its first open does not hash it again."""
    path = cache_dir.joinpath(*relative.split("/"))
    memo = cache_dir / MEMO_NAME
    entries = _read(memo)
    entries[relative] = [digest, *_stamp(path.stat())]
    _write(memo, entries)
