"""BibTeX and BibLaTeX files: entries to records, through bibtexparser 2.

bibtexparser splits the file into blocks (entries, @string, @preamble, comments, failed blocks)
and fields, including `@type( ... )` entries. On top of that this module evaluates @string macros
and `#` (bibtex_values), resolves `crossref` in either direction, merges identical entries that
share a key, and reports what it cannot use with the line where it starts.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bibtexparser.entrypoint import parse_string
from bibtexparser.exceptions import ParsingException
from bibtexparser.library import Library
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ImplicitComment,
    ParsingFailedBlock,
    String,
)

from readerapp.core.errors import ParseError
from readerapp.formats.base import ImportFormat, ParseResult, SkippedEntry
from readerapp.formats.bibtex_fields import inherit, to_record
from readerapp.formats.bibtex_values import MONTH_MACROS, ExpansionTooLarge, evaluate
from readerapp.formats.record_fields import clean_text, collapse
from readerapp.formats.text_input import normalize_newlines

# bibtexparser logs a warning per failed block; those become SkippedEntry reports instead, so
# keep them off stderr unless the application configures logging itself.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())

MAX_CROSSREF_DEPTH = 8
EXPANSION_FACTOR = 8
# biblatex containers that hold shared fields or group other entries; they are not papers.
_CONTAINERS = frozenset({"xdata", "set"})
# A line that starts like an entry (`article{key,`) but has no `@`, inside text BibTeX ignores.
_STRAY_ENTRY = re.compile(
    r"^[ \t]*([A-Za-z]+)[ \t]*[{(][ \t]*([^\s,{}()\"'=#%@]+)[ \t]*,", re.MULTILINE
)
_FAILED_HEAD = re.compile(r"@[ \t]*(\w*)[ \t]*[{(][ \t]*([^,\s]*)")
_SNIFF_BLOCK = re.compile(r"^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]", re.MULTILINE)
_SNIFF_KEY = re.compile(r"\s*[^\s,={}()\"#%']+[ \t]*,")
_NON_ENTRY_BLOCKS = frozenset({"string", "preamble", "comment"})


@dataclass(slots=True)
class _Entry:
    line: int
    entry_type: str
    key: str
    fields: dict[str, str]  # lower-case names, evaluated values (first of repeated fields)
    raw_fields: list[tuple[str, str]]


def _failed_reason(block: ParsingFailedBlock) -> str:
    head = _FAILED_HEAD.match(block.raw or "")
    kind, key = (head.group(1).lower(), head.group(2)) if head else ("", "")
    what = f"@{kind} entry {key!r}" if key and kind not in _NON_ENTRY_BLOCKS else f"@{kind} block"
    why = clean_text(getattr(block.error, "abort_reason", None) or str(block.error))
    if "end of file" in why:
        why = "the file ends before it is closed (a '}' is missing, or the file was cut off)"
    elif "Unexpected block start" in why:
        why = f"it is not closed before the next entry starts ({why})"
    return f"{what} could not be read: {why}"


def _stray_entries(comment: ImplicitComment) -> list[SkippedEntry]:
    found = []
    text = comment.comment
    for match in _STRAY_ENTRY.finditer(text):
        line = (comment.start_line or 0) + text.count("\n", 0, match.start()) + 1
        found.append(
            SkippedEntry(
                line,
                f"'{match.group(1)}{{{match.group(2)},' looks like an entry but has no '@' "
                "before it, so it is not read",
            )
        )
    return found


def _commented_out(block: Entry, lines: list[str]) -> bool:
    """`%@article{...}`: the author commented the entry out (biber and JabRef skip it)."""
    line = lines[block.start_line] if block.start_line is not None else ""
    at = line.find("@")
    return at > 0 and "%" in line[:at]


def _split(text: str, source: str) -> tuple[list[_Entry], list[SkippedEntry]]:
    """Entries with evaluated values, and what was skipped while splitting."""
    try:
        library = parse_string(text, parse_stack=[])
    except ParsingException as exc:  # bibtexparser's own "invalid state" errors
        raise ParseError(source, None, f"bibtexparser could not split the file ({exc})") from exc
    return _read_blocks(library, text, source)


class _Expander:
    """Evaluates values against the @string table, within a budget for the whole file.

    Macros multiply text: a value may name a huge macro, and thousands of entries may name it.
    Legitimate files expand to about their own size, so a budget of several times the file's
    size only stops hostile ones.
    """

    def __init__(self, text: str, source: str) -> None:
        self.macros = dict(MONTH_MACROS)
        self.source = source
        self.budget = EXPANSION_FACTOR * len(text) + 1_000_000

    def __call__(self, raw: str, line: int | None) -> str:
        try:
            value = evaluate(raw, self.macros)
        except ExpansionTooLarge as exc:
            raise ParseError(self.source, line, str(exc)) from exc
        self.budget -= len(value)
        if self.budget < 0:
            raise ParseError(
                self.source,
                line,
                f"@string macros expand to more than {EXPANSION_FACTOR} times the size of the file",
            )
        return value


def _read_blocks(
    library: Library, text: str, source: str
) -> tuple[list[_Entry], list[SkippedEntry]]:
    lines = text.split("\n")
    expand = _Expander(text, source)
    raw_entries: list[Entry] = []
    skipped: list[SkippedEntry] = []
    for block in library.blocks:
        line = block.start_line + 1 if block.start_line is not None else None
        if isinstance(block, (DuplicateBlockKeyBlock, DuplicateFieldKeyBlock)):
            # A repeated key or field is no error here: repeated keys are merged or kept below,
            # and of a repeated field the first counts, as in BibTeX.
            inner = block.ignore_error_block
        elif isinstance(block, ParsingFailedBlock):
            skipped.append(SkippedEntry(line, _failed_reason(block)))
            continue
        else:
            inner = block
        if isinstance(inner, String):
            # Later definitions win; each value may use macros defined before it.
            expand.macros[inner.key.lower()] = expand(inner.value, line)
        elif isinstance(inner, Entry):
            if _commented_out(inner, lines):
                skipped.append(
                    SkippedEntry(
                        line, f"@{inner.entry_type} entry {inner.key!r} is commented out with '%'"
                    )
                )
            else:
                raw_entries.append(inner)
        elif isinstance(inner, ImplicitComment):
            skipped.extend(_stray_entries(inner))
    entries = []
    for entry in raw_entries:
        # Every entry sees every macro, even one defined after it (BibTeX would refuse those).
        fields: dict[str, str] = {}
        raw_fields = []
        # The splitter records where every block it makes starts.
        assert entry.start_line is not None
        line = entry.start_line + 1
        for field in entry.fields:
            name = field.key.lower()
            value = expand(field.value, line) if isinstance(field.value, str) else ""
            raw_fields.append((name, collapse(value)))
            fields.setdefault(name, value)
        entries.append(_Entry(line, entry.entry_type.lower(), entry.key, fields, raw_fields))
    if not entries and not skipped:
        if library.strings:
            raise ParseError(
                source,
                None,
                f"holds only @string definitions "
                f"({len(library.strings)} macros) and no entries; it is a macro "
                "file meant to be used together with another .bib file",
            )
        raise ParseError(source, None, "no BibTeX entries (such as @article{key, ...}) found")
    return entries, skipped


def _merge_identical(entries: list[_Entry]) -> tuple[list[_Entry], list[SkippedEntry]]:
    """Keep one of entries sharing a key and every field; keep all that differ."""
    kept: list[_Entry] = []
    skipped: list[SkippedEntry] = []
    seen: dict[tuple[str, str, tuple[tuple[str, str], ...]], _Entry] = {}
    for entry in entries:
        signature = (entry.key.casefold(), entry.entry_type, tuple(sorted(entry.raw_fields)))
        twin = seen.setdefault(signature, entry)
        if twin is not entry:
            skipped.append(
                SkippedEntry(
                    entry.line,
                    f"duplicate of the entry at line {twin.line} "
                    f"(same key {entry.key!r}, same fields)",
                )
            )
        else:
            kept.append(entry)
    return kept, skipped


def _resolve_crossrefs(entries: list[_Entry]) -> dict[int, _Entry]:
    """Fill children's missing fields from the parents they name, defined before or after.

    Returns each child's direct parent, by id() of the child.
    """
    parents: dict[int, _Entry] = {}
    exact: dict[str, _Entry] = {}
    folded: dict[str, _Entry] = {}
    for entry in entries:
        exact.setdefault(entry.key, entry)
        folded.setdefault(entry.key.casefold(), entry)
    originals = {id(e): dict(e.fields) for e in entries if "crossref" in e.fields}
    for entry in entries:
        if id(entry) not in originals:
            continue
        seen = {entry.key.casefold()}
        target = collapse(originals[id(entry)]["crossref"])
        for _ in range(MAX_CROSSREF_DEPTH):
            parent = exact.get(target) or folded.get(target.casefold())
            if parent is None or parent.key.casefold() in seen:
                break  # a missing parent (IJCAI85 in bbt-873) or a loop
            seen.add(parent.key.casefold())
            parents.setdefault(id(entry), parent)
            # The parent's own fields, not what it inherited itself: the loop walks up further.
            parent_fields = originals.get(id(parent), parent.fields)
            inherit(entry.fields, parent_fields)
            target = collapse(parent_fields.get("crossref", ""))
            if not target:
                break
    return parents


def parse(text: str, source: str) -> ParseResult:
    text = normalize_newlines(text)
    entries, skipped = _split(text, source)
    entries, duplicates = _merge_identical(entries)
    skipped.extend(duplicates)
    parents = _resolve_crossrefs(entries)
    result = ParseResult()
    for entry in entries:
        if entry.entry_type in _CONTAINERS:
            skipped.append(
                SkippedEntry(
                    entry.line,
                    f"@{entry.entry_type} entry {entry.key!r} "
                    "holds shared fields or groups entries; not a paper",
                )
            )
            continue
        record = to_record(entry.entry_type, entry.key, entry.fields, entry.line)
        parent = parents.get(id(entry))
        if isinstance(record, str) and parent is not None and not entry.fields.get("title"):
            # An alias kept for an old cite key (bbt-873): the parent is imported itself.
            skipped.append(
                SkippedEntry(
                    entry.line,
                    f"@{entry.entry_type} entry {entry.key!r} has "
                    f"no title of its own; it only points to {parent.key!r} "
                    f"(line {parent.line}) through crossref",
                )
            )
        elif isinstance(record, str):
            skipped.append(SkippedEntry(entry.line, record))
        else:
            result.records.append(record)
    result.skipped = sorted(skipped, key=lambda s: s.line or 0)
    return result


def sniff(head: str) -> float:
    head = normalize_newlines(head)
    blocks = [(m.group(1).lower(), m.end()) for m in _SNIFF_BLOCK.finditer(head)]
    if not blocks:
        return 0.0
    # An entry opens with `@type{key,`; a decorator such as `@dataclass(slots=True, ...)` does not.
    if any(kind not in _NON_ENTRY_BLOCKS and _SNIFF_KEY.match(head, end) for kind, end in blocks):
        # Prose before the first block (other than % comments) suggests another format that
        # quotes a BibTeX citation, such as a README.
        before = head.split("@", 1)[0].split("\n")
        prose = [ln for ln in before if ln.strip() and not ln.lstrip().startswith("%")]
        return 0.5 if len(prose) > 3 else 0.95
    if any(kind in ("string", "preamble") for kind, _end in blocks):
        return 0.8  # only macros or a preamble: a macro file is still BibTeX (and says so)
    return 0.1


FORMAT = ImportFormat(
    name="bibtex",
    label="BibTeX / BibLaTeX",
    extensions=(".bib", ".bibtex", ".biblatex"),
    sniff=sniff,
    parse=parse,
)
