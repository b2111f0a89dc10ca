"""The typewriter reads the story model; the model never reads the typewriter, and the typewriter's modules import
one another without a cycle (issue 21). Checked on the source, every import counted, even one inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

import game

GAME = Path(game.__file__).parent


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_story_model_does_not_import_the_typewriter() -> None:
    assert not {name for name in _imports(GAME / "story" / "model.py") if name.startswith("game.typewriter")}


def test_the_typewriter_modules_import_one_another_without_a_cycle() -> None:
    modules = {f"game.typewriter.{path.stem}": path for path in (GAME / "typewriter").glob("*.py") if path.stem != "__init__"}
    graph = {name: {other for other in _imports(path) if other in modules and other != name} for name, path in modules.items()}
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, f"import cycle: {' -> '.join((*path[path.index(name) :], name))}"
        if name in done:
            return
        for other in sorted(graph[name]):
            visit(other, (*path, name))
        done.add(name)

    for name in sorted(graph):
        visit(name, ())
