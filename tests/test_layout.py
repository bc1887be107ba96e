"""The layout of issue 10 stays standing: ``cli.py`` only parses, calls and returns (at most 300 lines),
and no module imports another that imports it back at load time (a cycle makes the order of imports
matter and hides which room a piece of code belongs in)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "scrumcert"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _load_time_imports(path: Path, name: str) -> set[str]:
    """What a module imports when it is loaded: module-level statements only (imports inside functions
    are the lazy ones that keep start-up fast, and cannot form a load-time cycle)."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {m for m in found if m.startswith("scrumcert")}


def test_cli_is_at_most_300_lines() -> None:
    lines = (PACKAGE / "cli.py").read_text(encoding="utf-8").count("\n")
    assert lines <= 300, f"cli.py has {lines} lines: move logic into the core or cli_parts.py"


def test_no_import_cycle_at_load_time() -> None:
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: {m for m in _load_time_imports(path, name) if m in modules and m != name}
             for name, path in modules.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)
