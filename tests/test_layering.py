"""The core never imports Qt: every module outside readerapp/gui imports with PySide6 blocked."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import readerapp

SCRIPT = r"""
import importlib, pkgutil, sys
class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
            raise ImportError(f"Qt is blocked here: {name}")
        return None
sys.meta_path.insert(0, BlockQt())
import readerapp
names = []
for info in pkgutil.walk_packages(readerapp.__path__, "readerapp."):
    if info.name.startswith("readerapp.gui") or info.name == "readerapp.__main__":
        continue
    importlib.import_module(info.name)
    names.append(info.name)
assert not any(m.startswith("PySide6") for m in sys.modules)
print(len(names))
"""


def test_everything_outside_gui_imports_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        cwd=Path(readerapp.__file__).parent.parent,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 30  # the walk really imported the package's modules


def test_search_engines_are_imported_only_inside_readerapp_search() -> None:
    root = Path(readerapp.__file__).parent
    for path in root.rglob("*.py"):
        if path.parent.name == "search":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] in ("import", "from"):
                assert words[1].split(".")[0] not in ("whoosh", "tantivy"), f"{path}: {line}"


def _module_imports() -> dict[str, set[str]]:
    """Every readerapp module and the readerapp modules it imports, anywhere in its text:
    at the top, inside functions and under TYPE_CHECKING (a type-only import still ties two
    modules together when either changes)."""
    root = Path(readerapp.__file__).parent
    modules: dict[str, Path] = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(
                        [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                    ).strip(".")
                targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
            for target in targets:
                # `from readerapp.services import triage` names a module; `import x.y` its parent.
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and target.startswith("readerapp"):
                    graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_import_graph_has_no_circle() -> None:
    graph = _module_imports()
    assert len(graph) >= 60
    assert "readerapp.gui.main_window" in graph["readerapp.gui.app"]  # the walk sees imports
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


# The entry points start the window; nothing else outside gui/ may know it exists.
ENTRY_POINTS = {"readerapp.cli.main", "readerapp.selftest", "readerapp.__main__"}


def test_nothing_below_the_window_imports_upwards() -> None:
    """core imports no other layer; db and search only core; only entry points know gui."""
    allowed = {
        "readerapp.core": {"readerapp.core", "readerapp"},
        "readerapp.db": {"readerapp.core", "readerapp.db", "readerapp"},
        "readerapp.search": {"readerapp.core", "readerapp.search", "readerapp"},
    }
    for name, targets in _module_imports().items():
        layer = ".".join(name.split(".")[:2])
        for target in targets:
            if layer in allowed:
                assert ".".join(target.split(".")[:2]) in allowed[layer], f"{name} -> {target}"
            if layer != "readerapp.gui" and name not in ENTRY_POINTS:
                assert not target.startswith("readerapp.gui"), f"{name} -> {target}"


def test_no_window_module_calls_another_objects_private_methods() -> None:
    """Helpers see the window through gui/host.py's Host; a call like `window._after_edit()`
    would tie them to its insides again."""
    import re

    call = re.compile(r"\b(?!self\b|cls\b|super\(\))([a-z_][a-z0-9_]*)\._[a-z][a-z0-9_]*\(")
    gui = Path(readerapp.__file__).parent / "gui"
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(gui.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if call.search(line)
    ]
    assert found == []
    assert call.search("        window._after_edit([])")  # the pattern does catch one
