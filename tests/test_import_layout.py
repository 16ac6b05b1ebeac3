"""The layout of the cli package, drawn from its imports as a reader would draw it.

Every `import` counts, at module level or inside a function (a deferred
import is still an arrow from one module to another), except those under
`if TYPE_CHECKING:`. Rooms sit below main(): nothing but the entry points
imports cli.main, and no two modules of cli/ reach each other in a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENTRY_POINTS = {"cli.__main__"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted((ROOT / "cli").rglob("*.py"))}


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) \
                and node.test.id == "TYPE_CHECKING":
            for child in node.body:
                for inner in ast.walk(child):
                    if hasattr(inner, "lineno"):
                        lines.add(inner.lineno)
    return lines


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The cli modules a file imports (the most specific known module each names)."""
    tree = ast.parse(path.read_text(), str(path))
    skipped = _type_checking_lines(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skipped:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            names = [n if n in known else node.module for n in names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name.startswith("cli"):
                found.add(name)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: imports_of(path, known) - {name} for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_only_the_entry_points_import_main():
    importers = sorted(name for name, targets in import_graph().items()
                       if "cli.main" in targets and name not in ENTRY_POINTS)
    assert importers == []


def test_no_import_circle_among_cli_modules():
    assert circles(import_graph()) == []


def test_the_prompt_hands_back_words_and_never_runs_a_command():
    graph = import_graph()
    prompt = [name for name in graph if name == "cli.prompt" or name.startswith("cli.prompt.")]
    runners = {"cli.main", "cli.operation_room", "cli.batch", "cli.wait", "cli.session",
               "cli.commands.room"}
    assert sorted((name, sorted(graph[name] & runners)) for name in prompt
                  if graph[name] & runners) == []


@pytest.mark.parametrize("graph, expected", [
    ({"a": {"b"}, "b": {"a"}, "c": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"d"}}, [["a", "b", "c"]]),
])
def test_circles_finds_every_circle(graph, expected):
    assert circles(graph) == expected


def test_imports_of_reads_deferred_imports_and_skips_type_checking(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(
        "TYPE_CHECKING = False\n"
        "if TYPE_CHECKING:\n"
        "    from cli.main import main\n"
        "from cli import commands as registry\n"
        "def f():\n"
        "    from cli.dispatch import make_session\n"
        "    import cli.errors\n")
    known = {"cli", "cli.main", "cli.commands", "cli.dispatch", "cli.errors"}
    assert imports_of(source, known) == {"cli.commands", "cli.dispatch", "cli.errors"}
