"""The layers of `game/`, checked: the import graph has no cycle, and no module imports a layer above its own.

The graph is read from the source with `ast`: every `import` and `from ... import` of a `game` module, at the top of a
module, inside a function (the lazy imports that keep start-up fast) and under `TYPE_CHECKING` (a type is a dependency
too). Importing `game.a.b` also runs `game/a/__init__.py`, so it counts as importing the package as well.
docs/architecture.md draws the layers and follows one typed page through them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

GAME = Path(__file__).resolve().parent.parent / "game"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("game", "game.paths", "game.files", "game.printable", "game.records"),
    ("game.story",),
    ("game.typewriter",),
    ("game.engine",),
    ("game.persistence",),
    ("game.replay",),
    ("game.speedrun", "game.explorer", "game.authoring"),
    ("game.controller",),
    ("game.tui", "game.frontends", "game.web"),
    ("game.commands", "game.cli", "game.__main__"),
)
"""Bottom first. A module may import its own layer and the layers below, never one above:
- story: the immutable model and its loader, knowing nothing of who plays it;
- typewriter: reads a page against the story's lexicon (the story's, so it sits above it; never the engine or a UI);
- engine: pure `step` over story, typewriter and state;
- persistence (saves, settings, endings seen), then replay (recording, verifying), then the tools built on both;
- controller: the rules around a game every front end shares;
- front ends: the Textual app, plain mode (and its asciinema cast), the browser server; they may use each other;
- the command line on top."""


def module_name(path: Path) -> str:
    parts = path.relative_to(GAME.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(GAME.rglob("*.py"))}


def imported(module: str, tree: ast.Module) -> Iterator[str]:
    """The `game` modules `tree` imports, each with the packages above it that importing it runs."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0 and node.module is not None, f"{module}: a relative import (game uses none)"
            base = node.module
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            parts = name.split(".")
            for end in range(2, len(parts) + 1):
                target = ".".join(parts[:end])
                if target != module and not module.startswith(target + "."):
                    yield target


def import_graph() -> dict[str, set[str]]:
    graph = {}
    for module, path in MODULES.items():
        graph[module] = set(imported(module, ast.parse(path.read_text(encoding="utf-8"), str(path))))
    return graph


GRAPH = import_graph()


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module: each is a cycle (or several)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def layer_of(module: str) -> int:
    """The index in LAYERS of the longest prefix that names `module`'s layer."""
    best, depth = -1, -1
    for number, names in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and name.count(".") > depth:
                best, depth = number, name.count(".")
    assert best >= 0, f"{module} is in no layer: add it to LAYERS"
    return best


def test_the_graph_sees_the_imports_it_must() -> None:
    """A reader that missed lazy or TYPE_CHECKING imports would pass every other test here."""
    assert "game.commands.play" in GRAPH["game.commands"]  # imported inside a function
    assert "game.tui.game_screen" in GRAPH["game.tui.screens"]  # the same
    assert "game.story.model" in GRAPH["game.tui.game_control"]  # under TYPE_CHECKING
    assert "game.engine" in GRAPH["game.engine.step"] or "game.engine.state" in GRAPH["game.engine.step"]


def test_there_is_no_import_cycle() -> None:
    assert cycles(GRAPH) == []


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = [
        f"{module} (layer {layer_of(module)}) imports {target} (layer {layer_of(target)})"
        for module, targets in sorted(GRAPH.items())
        for target in sorted(targets)
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def test_the_checks_catch_what_they_are_for() -> None:
    """A cycle and an upward import, made up, are found: the checks above are not vacuous."""
    assert cycles({"game.a": {"game.b"}, "game.b": {"game.a"}}) == [["game.a", "game.b"]]
    assert layer_of("game.tui.app") > layer_of("game.engine.step") > layer_of("game.story.model")
