"""A PDF's text, read in a child process with a time limit and a memory limit.

A decompression bomb, a file that sends the reader into a loop, or one that crashes the PDF
library (native code) costs that child, never the window or the command: the result is a
TextResult whose `problem` is one line for the report. Each file gets a fresh child (about
0.1 s to start), so one bad file cannot leave a poisoned reader behind for the next.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# A 200-page paper reads in well under a second; a minute means the file is hostile.
TIME_LIMIT_S = 60.0
# Python, PDFium and a large paper's pages fit in a fraction of this.
MEMORY_LIMIT_MB = 1024

OK, NO_TEXT, FAILED = "ok", "no text", "failed"


@dataclass(frozen=True, slots=True)
class TextResult:
    status: str  # OK | NO_TEXT | FAILED
    text: str = ""
    pages: int | None = None
    problem: str = ""  # for NO_TEXT and FAILED: what to tell the user

    def describe(self) -> str:
        """One line for a report: "12 pages, 48,210 characters", "no text: ...", ..."""
        if self.status == OK:
            pages = ""
            if self.pages is not None:
                pages = f"{self.pages:,} page{'' if self.pages == 1 else 's'}, "
            return f"{pages}{len(self.text):,} characters of text"
        return self.problem


def _command(path: Path, memory_mb: int) -> list[str]:
    if getattr(sys, "frozen", False):  # an installed app: its executable runs the child
        return [sys.executable, "--pdf-text-child", str(path), str(memory_mb)]
    return [sys.executable, "-m", "readerapp.pdf.text_child", str(path), str(memory_mb)]


def _died(returncode: int, memory_mb: int) -> str:
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        if name in ("SIGKILL", "SIGSEGV", "SIGABRT", "SIGBUS"):
            return (
                f"text not read: the PDF reader crashed on it ({name}; a damaged file, or "
                f"one that needs more than {memory_mb} MB)"
            )
        return f"text not read: the PDF reader was stopped ({name})"
    return f"text not read: the PDF reader failed (exit status {returncode})"


def extract_text(
    path: Path, *, time_limit: float = TIME_LIMIT_S, memory_mb: int = MEMORY_LIMIT_MB
) -> TextResult:
    env = dict(os.environ)
    # The child must import this readerapp (a source checkout, the tests' worktree).
    root = str(Path(__file__).resolve().parent.parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    try:
        child = subprocess.Popen(
            _command(path, memory_mb),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
    except OSError as exc:
        return TextResult(FAILED, problem=f"text not read: cannot start the reader ({exc})")
    try:
        out, err = child.communicate(timeout=time_limit)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return TextResult(
            FAILED, problem=f"text not read: reading took longer than {time_limit:g} s"
        )
    if child.returncode != 0:
        if b"MemoryError" in err:
            return TextResult(
                FAILED, problem=f"text not read: it needs more than {memory_mb} MB of memory"
            )
        return TextResult(FAILED, problem=_died(child.returncode, memory_mb))
    try:
        answer = json.loads(out)
    except ValueError:
        return TextResult(FAILED, problem="text not read: the PDF reader gave no answer")
    if "error" in answer:
        return TextResult(FAILED, problem=f"text not read: {answer['error']}")
    text = str(answer.get("text", ""))
    pages = int(answer.get("pages", 0))
    if not text.strip():
        return TextResult(
            NO_TEXT,
            pages=pages,
            problem=f"no text: {pages:,} pages without a text layer (scanned images?)",
        )
    return TextResult(OK, text=text, pages=pages)
