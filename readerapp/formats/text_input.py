"""Turning bytes from a file, a pipe or the clipboard into text, or a clear refusal."""

from __future__ import annotations

import codecs
from pathlib import Path

from readerapp.core.errors import InputError

MAX_INPUT_BYTES = 512 * 1024 * 1024


def decode(data: bytes, source: str) -> str:
    """Decode by BOM, then strict UTF-8, then Windows-1252; binary data is refused."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{source}: not valid {encoding} text after its byte-order "
                    f"mark (byte {exc.start})"
                ) from exc
    if b"\x00" in data[:65536]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(f"{source}:{line}: binary data (a NUL byte), not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Old exports are often Latin-1/Windows-1252; cp1252 leaves few bytes undefined.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def read_path(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"{path}: {size / 2**20:.0f} MB is larger than the "
                f"{MAX_INPUT_BYTES // 2**20} MB readerapp imports at once"
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a folder, not a file") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: not allowed to read it") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    return decode(data, str(path))


def normalize_newlines(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
