"""The package's import graph: no cycles, and every room imports only from the rooms before it.

The graph is read with `ast` from every module under doctrine/, with imports inside functions
counted like those at the top (a lazy import is still a dependency). The order enforced is

    language < engine < reasoning < analysis < proof < render < regress < cli

(render draws what analysis and proof compute; regress reports through render; the cli drives
them all). At the top level, `resources` and `version` are below every room, and the facades
(`doctrine/__init__`, `__main__`, `api`, `batch`, `strategies`) are above every room: a room
never imports a facade.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "doctrine"
ROOMS = ("language", "engine", "reasoning", "analysis", "proof", "render", "regress", "cli")
BASE = {"doctrine.resources", "doctrine.version"}
FACADES = {"doctrine", "doctrine.__main__", "doctrine.api", "doctrine.batch", "doctrine.strategies"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The doctrine modules `name` imports, at any depth of its code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _room(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ROOMS else None


def test_the_graph_is_read() -> None:
    assert "doctrine.engine.solve" in GRAPH["doctrine.engine.batch"]
    assert "doctrine.language.parse" in GRAPH["doctrine.language.check"]
    assert {_room(m) for m in MODULES} >= set(ROOMS)


def test_no_import_cycles() -> None:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(GRAPH[node]):
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep) :], dep])
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(GRAPH):
        if node not in state:
            visit(node)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_rooms_import_only_from_rooms_before_them() -> None:
    rank = {room: i for i, room in enumerate(ROOMS)}
    wrong = []
    for name, deps in sorted(GRAPH.items()):
        room = _room(name)
        if name in BASE:
            wrong += [f"{name} -> {dep} (a base module imports nothing of doctrine)" for dep in sorted(deps)]
        if room is None:
            continue
        for dep in sorted(deps):
            if dep in BASE:
                continue
            if dep in FACADES:
                wrong.append(f"{name} -> {dep} (a facade)")
                continue
            other = _room(dep)
            if other is None or rank[other] > rank[room]:
                wrong.append(f"{name} -> {dep}")
    assert not wrong, "imports against the order " + " < ".join(ROOMS) + ":\n" + "\n".join(wrong)


def test_every_room_says_what_it_is_for() -> None:
    for room in ROOMS:
        doc = ast.get_docstring(ast.parse((PACKAGE / room / "__init__.py").read_text()))
        assert doc and 2 <= len(doc.split("\n")) <= 4, f"doctrine/{room}/__init__.py needs a 2-3 line docstring"
