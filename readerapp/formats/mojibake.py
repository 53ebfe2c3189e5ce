"""Repairing UTF-8 text that was once read as Latin-1/Windows-1252 ("Â°C" for "°C").

Reference managers pass such text along for years (see the BibTeX corpus). Only sequences that
decode back to exactly one UTF-8 character are repaired, so real accented text ("Âge", "Ça")
is never touched.
"""

from __future__ import annotations

import re

# Characters Windows-1252 puts at bytes 0x80-0x9F, the continuation bytes of UTF-8 read as cp1252.
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
_CONTINUATION = f"[\u0080-\u00bf{re.escape(_CP1252_HIGH)}]"
# A UTF-8 lead byte (2-, 3- or 4-byte sequence) read as one Latin-1 character, then its tail.
_SEQUENCE = re.compile(
    f"[\u00c2-\u00df]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}"
    f"|[\u00f0-\u00f4]{_CONTINUATION}{{3}}"
)
# A no-break space between a number and its unit that was lost after being misread as "Â\xa0"
# ("400-500Ânm"): a lone "Â" glued to a digit is never a real letter there.
_LOST_NBSP = re.compile(r"(?<=\d)Â(?=[A-Za-zµ°])")
_SUSPECT = re.compile("[\u00c2-\u00f4]")


def _repair(match: re.Match[str]) -> str:
    text = match.group(0)
    for encoding in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if len(fixed) == 1:
            return fixed
    return text


def fix_mojibake(text: str) -> str:
    if not _SUSPECT.search(text):
        return text
    return _LOST_NBSP.sub("\u00a0", _SEQUENCE.sub(_repair, text))
