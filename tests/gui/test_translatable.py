"""Every user-visible string of the window goes through Qt's translation.

The check reads readerapp/gui/*.py (and the search syntax the help page shows) as code, not
as a running window, so it sees texts that only a rare path shows. Its rules:

1. An argument passed to a call that puts text in front of the user (QLabel, QAction,
   setText, setToolTip, addAction, QMessageBox.question, the status bar's message… see
   TEXT_CALLS) must not be a literal with words in it: a plain string, an f-string, or a
   concatenation, also inside a list or either branch of an `x if c else y`. It may be a
   call (tr() / translate() / arg(tr(...)) ...), a name or an attribute (a text translated
   where it was made, or a constant marked with QT_TRANSLATE_NOOP and looked up).
2. What tr() and translate() are given must be a literal, so that pyside6-lupdate can read it:
   no f-string, no `+`, no `%` formatting (values go in with i18n.arg after translation).
3. A count goes through tr(text, "", n), never translate(context, text, "", n):
   pyside6-lupdate marks plural forms only on tr() calls. And tr() takes no context: given
   one, lupdate files the context as the text and the text as a comment.
4. Words that are not language stay as they are: names (readerapp, arXiv, Hugging Face,
   Whoosh, tantivy), signs (★, ✕, —) and texts without letters (ALLOWED).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import readerapp

ROOT = Path(readerapp.__file__).parent
FILES = sorted((ROOT / "gui").glob("*.py"))

# Calls (a function, a class or a method, by its last name) whose arguments are shown.
TEXT_CALLS = frozenset(
    {
        # widgets and items made with their text
        "QAction", "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton",
        "QGroupBox", "QListWidgetItem", "QTreeWidgetItem", "QTableWidgetItem", "QMessageBox",
        # text set on them
        "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis",
        "setPlaceholderText", "setAccessibleName", "setAccessibleDescription", "setHtml",
        "setTabText", "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels",
        "addAction", "addMenu", "addTab", "addButton", "addRow", "addItem", "addItems",
        "addToolBar", "setTitle", "setLabelText", "setWindowIconText",
        # messages and questions
        "showMessage", "message", "show_message", "show_text", "show_error", "show_failure",
        "begin", "question", "warning", "information", "critical", "about", "getText",
        "getItem", "getOpenFileNames", "getOpenFileName", "getSaveFileName",
        "getExistingDirectory",
        # undo steps (Edit ▸ Undo <text>) and the pickers
        "beginMacro", "ServiceCommand", "DoneCommand", "QUndoCommand", "PickDialog",
        "createUndoAction", "createRedoAction", "_push", "change", "_copied",
    }
)  # fmt: skip
# Keyword arguments that carry text (others, such as merge_key=, are data).
TEXT_KEYWORDS = frozenset({"text", "title", "label", "message", "prompt", "caption"})
TRANSLATING = frozenset({"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"})
# Shown as they are in every language.
ALLOWED = frozenset(
    {"readerapp", "arXiv", "Hugging Face", "Whoosh", "tantivy", "&English", "&Deutsch"}
)


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _wordy(text: str) -> bool:
    for name in ALLOWED:
        text = text.replace(name, "")
    return any(c.isalpha() for c in text)


def _literal_texts(node: ast.expr) -> Iterator[str]:
    """The literal words an argument would show as it is."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if _wordy(node.value):
            yield node.value
    elif isinstance(node, ast.JoinedStr):
        parts = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        if _wordy(parts):
            yield parts
    elif isinstance(node, ast.BinOp):
        yield from _literal_texts(node.left)
        yield from _literal_texts(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literal_texts(node.body)
        yield from _literal_texts(node.orelse)
    elif isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            yield from _literal_texts(element)


def problems(source: str, filename: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        where = f"{filename}:{node.lineno}"
        if name in TEXT_CALLS:
            shown = [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
            for arg in [*node.args, *shown]:
                found += [
                    f"{where}: {name}({text!r}) is not translated" for text in _literal_texts(arg)
                ]
        if name in TRANSLATING:
            index = 1 if name in ("translate", "QT_TRANSLATE_NOOP") else 0
            if len(node.args) > index:
                text = node.args[index]
                if isinstance(text, ast.JoinedStr | ast.BinOp):
                    found.append(f"{where}: {name}() is given a built text lupdate cannot read")
            if name == "translate" and len(node.args) > 3:
                found.append(f"{where}: translate() with a count: use Class.tr(text, '', n)")
        if (
            name == "tr"
            and len(node.args) >= 2
            and isinstance(node.args[0], ast.Constant)
            and re.fullmatch(r"[A-Z][A-Za-z]+", str(node.args[0].value))
            and isinstance(node.args[1], ast.Constant)
            and " " in str(node.args[1].value)
        ):
            found.append(f"{where}: tr() given a context: use QCoreApplication.translate()")
        if name == "_tr" and node.args and isinstance(node.args[0], ast.Constant):
            found.append(f"{where}: _tr() looks a text up; lupdate reads only tr()/translate()")
    return found


def test_every_shown_text_of_the_window_is_translated() -> None:
    found = [p for f in FILES for p in problems(f.read_text(encoding="utf-8"), f.name)]
    assert found == [], "\n".join(found)


def test_the_check_catches_what_it_should() -> None:
    """The rules themselves, on small examples (so a rule cannot silently stop working)."""
    bad = """
label = QLabel("Hello")
button.setToolTip(f"Open {name}")
box.setText("Found " + str(n))
menu.addAction("Rename…" if a else self.tr("Delete"), slot)
table.setHorizontalHeaderLabels(["Title", self.tr("Year")])
QMessageBox.question(self, self.tr("Delete"), "Really?")
x = self.tr(f"Saved {n}")
y = QCoreApplication.translate("Ctx", "%n papers", "", n)
"""
    assert len(problems(bad, "bad.py")) == 8
    good = """
label = QLabel(self.tr("Hello"))
button.setToolTip(arg(self.tr("Open %1"), name))
star.setText("★")
item.setText(f"{name} · {day}")
menu.addAction(self.tr(LABELS[key]), slot)
box.setText(self.tr("%n papers", "", n))
about = QLabel("readerapp")
window.setWindowTitle(f"readerapp — {folder}")
self._push(self.tr("Edit note"), edit, merge_key=("note", note_id))
"""
    assert problems(good, "good.py") == []
