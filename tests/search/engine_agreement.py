"""One generated library in both engines and in the benchmark's SQLite FTS5 reference, and
the benchmark's query mix answered by all three (used by test_engines_agree.py)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.generate import Library as Generated
from benchmarks.generate import generate
from benchmarks.queries import Query, query_mix
from benchmarks.reference import Reference
from benchmarks.state import apply_state, paper_ids
from readerapp.core import paths
from readerapp.core.location import LibraryLocation
from readerapp.formats.registry import import_format
from readerapp.search.factory import ENGINES
from readerapp.search.stopwords import STOP_WORDS
from readerapp.services import importing, search
from readerapp.services.library import Library

# The reference's copy of its FTS5 table with the stop words taken out of the text first.
WITHOUT_STOP_WORDS = "ref_fts_no_stop_words"
# A stop word as FTS5's unicode61 tokenizer delimits words: letters and digits.
_STOP_WORD = re.compile(
    r"(?<![^\W_])(?:" + "|".join(sorted(STOP_WORDS)) + r")(?![^\W_])", re.IGNORECASE
)


@dataclass
class Built:
    generated: Generated
    queries: list[Query]
    libraries: dict[str, Library]
    reference: Reference
    ours_of_ref: dict[int, int]  # reference row id -> library paper id

    def engine_answers(self, query: Query) -> dict[str, set[int]]:
        return {
            engine: set(search.search_ids(lib, query.text, sort=query.sort))
            for engine, lib in self.libraries.items()
        }

    def reference_answer(self, query: Query, table: str = "ref_fts") -> set[int]:
        """The reference's papers for the query, as library ids."""
        return {self.ours_of_ref[i] for i in self.reference.search(query, table)}

    def close(self) -> None:
        for lib in self.libraries.values():
            lib.close()
        self.reference.close()


def _without_stop_words(text: str | None) -> str | None:
    return None if text is None else _STOP_WORD.sub(" ", text)


def phrases_without_stop_words(fts: str) -> str:
    """An FTS5 query with the stop words taken out of its phrases (not its operators)."""
    return re.sub(r'"[^"]*"', lambda phrase: _STOP_WORD.sub(" ", phrase.group(0)), fts)


def _add_stop_word_free_copy(reference: Reference) -> None:
    conn = reference.conn
    conn.create_function("without_stop_words", 1, _without_stop_words, deterministic=True)
    with conn:
        conn.execute(
            f"CREATE VIRTUAL TABLE {WITHOUT_STOP_WORDS} USING fts5(title, authors, abstract, "
            "tags, notes, tokenize = 'porter unicode61')"
        )
        columns = ("title", "authors", "abstract", "tags", "notes")
        conn.execute(
            f"INSERT INTO {WITHOUT_STOP_WORDS} (rowid, {', '.join(columns)}) SELECT rowid, "
            + ", ".join(f"without_stop_words({c})" for c in columns)
            + " FROM ref_fts"
        )


def build(size: int, workdir: Path, place: Callable[[str], LibraryLocation] | None = None) -> Built:
    """`place(engine)` says where each engine's library goes (a server database under
    READERAPP_TEST_BACKEND=postgres); by default a folder in `workdir`."""
    generated = generate(size)
    libraries: dict[str, Library] = {}
    for engine in ENGINES:
        os.environ[paths.ENGINE_ENV] = engine  # a new library starts with this engine
        try:
            lib = Library.open(place(engine) if place else workdir / engine)
        finally:
            del os.environ[paths.ENGINE_ENV]
        importing.import_text(lib, generated.dump, "dump.json", format_name="hf-json")
        apply_state(lib, generated.state)
        libraries[engine] = lib
    records = import_format("hf-json").parse(generated.dump, "dump.json").records
    reference = Reference(workdir / "reference.sqlite")
    reference.bulk_insert(records)
    reference.apply_state(generated.state)
    reference.build_fts()
    _add_stop_word_free_copy(reference)
    ids = paper_ids(libraries[ENGINES[0]])
    ours_of_ref = {ref_id: ids[arxiv_id] for arxiv_id, ref_id in reference.ids.items()}
    return Built(generated, query_mix(generated), libraries, reference, ours_of_ref)
