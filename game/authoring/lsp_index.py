"""What the language server knows of a story folder: where each name is defined and used, and what fits where.

The checker's model keeps only where a scene or a condition starts, not where each name inside an expression is, so
the index reads the YAML itself, with the same reader and the same table of keys (`schema.SCHEMAS`) as the loader:
an `id` defines a scene, an ending, a trait, an act or a choice by the mapping it is in; `variables` and `characters`
define names by their keys; a key whose kind is `target` (`to`, `start`, and any later one) names a scene or an
ending; conditions and effects name variables, traits and (in `seen(scene)` and the like) scenes; `{name}` in text
names a variable or a trait. A name is a reference only when something of that name is defined, so prose and
keywords never are.

Places are zero-based lines and columns counted in code points; the server converts them to the editor's units.
Completion reads the text around the cursor, not the YAML tree (`lsp_completion`), since a line being typed is
rarely valid YAML.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from game.authoring.lsp_completion import TEMPLATED, completion_context
from game.records import prefab
from game.story.folder import OUTLINE
from game.story.model import Span
from game.story.names import BUILTIN_NAMES, MANIFEST
from game.story.schema import SCHEMAS, Key, keys_of
from game.story.validation import ID
from game.story.yaml_reader import YamlList, YamlMap, YamlProblem, read_yaml

__all__ = ["MANIFEST", "Place", "RenameError", "StoryIndex", "Symbol", "completion_context", "story_files", "story_root"]
KEYWORDS = frozenset({"and", "or", "not", "true", "false"})
BUILTINS = tuple(BUILTIN_NAMES)
_EXPRESSION_TOKEN = re.compile(r"'[^']*'?|\"[^\"]*\"?|[A-Za-z_][A-Za-z0-9_]*")
_TEMPLATE_GROUP = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")

DEFINED_BY_ID = {"scene": "scene", "ending": "ending", "trait": "trait", "act": "act", "choice": "choice"}
"""The schema of a mapping whose `id` defines a name, and the kind of that name."""
DEFINED_BY_KEY = {"variable": "variable", "character": "character"}
"""The item schema of a `mapping` key (`variables`, `characters`) whose keys define names, and their kind."""
RESOLVES = {
    "target": ("scene", "ending"),
    "expression": ("variable", "trait", "scene", "ending", "choice"),
    "trait": ("trait",),
    "act": ("act",),
    "character": ("character",),
}
"""What a name in each context may refer to, tried in order."""
RENAMABLE = frozenset({"scene", "ending", "variable", "trait"})
HOVER_PARAGRAPHS = 3
HOVER_CHARS = 160


@prefab(frozen=True)
class Place:
    path: str
    line: int
    start: int
    end: int

    def holds(self, path: str, line: int, character: int) -> bool:
        return path == self.path and line == self.line and self.start <= character <= self.end


@prefab(frozen=True)
class Symbol:
    kind: str
    name: str
    place: Place
    definition: bool = False


class RenameError(ValueError):
    """A rename that cannot be done; the message says why, for the editor to show."""


def story_root(path: Path) -> Path | None:
    """The story folder a file belongs to: the nearest folder above it that holds a manifest."""
    for folder in path.parents:
        if (folder / MANIFEST).is_file():
            return folder
    return None


def story_files(root: Path) -> list[Path]:
    """The files the loader reads: every YAML file below the folder but hidden ones and the outline."""
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if not name.startswith(".") and name.endswith((".yaml", ".yml")) and path != root / OUTLINE:
                found.append(path)
    return found


class _File:
    """One file's definitions and the names it uses, before they are resolved against the whole story."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.source = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.definitions: list[tuple[Symbol, str]] = []
        self.uses: list[tuple[str, str, Place]] = []
        self.parsed = False
        try:
            root, _problems = read_yaml(text.encode("utf-8"), path)
        except YamlProblem:
            return
        self.parsed = True
        if isinstance(root, YamlMap):
            self.mapping(root, "manifest" if Path(path).name == MANIFEST else "story_file")

    # -- where a name is ----------------------------------------------------------------------------------------

    def place(self, span: Span, value: str, offset: int, name: str) -> Place | None:
        """Where `name`, found at `offset` in the scalar `value` that starts at `span`, is in the file. A plain or
        quoted one-line scalar is where its span says; otherwise (escapes, block scalars) the same occurrence of the
        word is looked for from the span on."""
        line, column = span.line - 1, span.column - 1
        if 0 <= line < len(self.lines) and "\n" not in value:
            start = column + offset
            if self.lines[line][start : start + len(name)] == name:
                return Place(self.path, line, start, start + len(name))
        word = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])")
        skip = len(word.findall(value[:offset]))
        begin = self.starts[line] + column if 0 <= line < len(self.starts) else 0
        for number, match in enumerate(word.finditer(self.source, begin)):
            if number == skip:
                found = self.source.count("\n", 0, match.start())
                start = match.start() - self.starts[found]
                return Place(self.path, found, start, start + len(name))
        return None

    def use(self, context: str, name: str, span: Span, value: str, offset: int = 0) -> None:
        place = self.place(span, value, offset, name)
        if place is not None:
            self.uses.append((context, name, place))

    def define(self, kind: str, name: str, span: Span, hover: str) -> None:
        place = self.place(span, name, 0, name)
        if place is not None:
            self.definitions.append((Symbol(kind, name, place, definition=True), hover))

    # -- the tree -----------------------------------------------------------------------------------------------

    def mapping(self, node: YamlMap, schema: str) -> None:
        keys = keys_of(schema) if schema in SCHEMAS else {}
        for name, value in node.items.items():
            key = keys.get(name)
            if key is not None:
                self.value(schema, key, value, node.at(name), node)

    def value(self, schema: str, key: Key, value: Any, span: Span, node: YamlMap) -> None:
        if key.name == "id" and schema in DEFINED_BY_ID and isinstance(value, str):
            self.define(DEFINED_BY_ID[schema], value, span, _hover(DEFINED_BY_ID[schema], value, node))
        elif key.kind == "target" and isinstance(value, str):
            self.use("target", value, span, value)
        elif key.kind in ("condition", "effects"):
            for text, where in _strings(value, span):
                self.expression(text, where)
        elif key.kind == "text" or (schema, key.name) in TEMPLATED or key.name == "one_of":
            self.text(value, span)
        elif key.kind == "wrote" or key.name == "implies":
            for text, where in _strings(value, span):
                word = text.split()[-1] if text.split() else ""
                self.use("trait", word, where, text, text.rfind(word))
        elif key.name == "act" and schema == "scene" and isinstance(value, str):
            self.use("act", value, span, value)
        elif key.name in ("subject", "narrator", "object") and isinstance(value, str):
            self.use("character", value, span, value)
        elif key.kind == "list" and isinstance(value, YamlList):
            for item in value.items:
                if isinstance(item, YamlMap):
                    self.mapping(item, key.item)
        elif key.kind == "object" and isinstance(value, YamlMap):
            self.mapping(value, key.item)
        elif key.kind == "mapping" and isinstance(value, YamlMap):
            for name, item in value.items.items():
                if key.item in DEFINED_BY_KEY:
                    kind = DEFINED_BY_KEY[key.item]
                    self.define(kind, name, value.key_spans[name], _hover(kind, name, item))
                if isinstance(item, YamlMap):
                    self.mapping(item, key.item)

    def text(self, value: Any, span: Span) -> None:
        if isinstance(value, str):
            self.template(value, span)
        elif isinstance(value, YamlList):
            for item, item_span in zip(value.items, value.item_spans, strict=True):
                if isinstance(item, str):
                    self.template(item, item_span)
                elif isinstance(item, YamlMap):
                    self.mapping(item, "text_block")

    def template(self, value: str, span: Span) -> None:
        """`{name}` holes; in a hole with a colon (an inline condition), only the part before it is read."""
        for group in _TEMPLATE_GROUP.finditer(value):
            inside = group.group(1)
            if inside is None:
                continue
            head = inside.split(":", 1)[0]
            for name, offset in _names(head):
                self.use("expression", name, span, value, group.start(1) + offset)

    def expression(self, value: str, span: Span) -> None:
        for name, offset in _names(value):
            self.use("expression", name, span, value, offset)


def _strings(value: Any, span: Span) -> Iterator[tuple[str, Span]]:
    if isinstance(value, str):
        yield value, span
    elif isinstance(value, YamlList):
        for item, item_span in zip(value.items, value.item_spans, strict=True):
            if isinstance(item, str):
                yield item, item_span


def _names(expression: str) -> Iterator[tuple[str, int]]:
    """The names an expression reads, with their offsets: not keywords, nor words inside quotes."""
    for token in _EXPRESSION_TOKEN.finditer(expression):
        word = token.group()
        if word[0] not in "'\"" and word not in KEYWORDS:
            yield word, token.start()


def _first_lines(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    lines: list[str] = []
    if isinstance(value, YamlList):
        for item in value.items:
            if isinstance(item, str):
                lines.append(item)
            elif isinstance(item, YamlMap):
                text = item.get("text") if isinstance(item.get("text"), str) else None
                variants = item.get("one_of")
                if text is None and isinstance(variants, YamlList) and variants.items:
                    text = str(variants.items[0])
                condition = item.get("if")
                if text is not None:
                    lines.append(f"*(if {condition})* {text}" if isinstance(condition, str) else text)
    return lines


def _hover(kind: str, name: str, node: Any) -> str:
    """What hovering over a name shows: a scene's title and first lines, a variable's type and range, and so on."""
    fields = node if isinstance(node, YamlMap) else YamlMap(Span("", 1, 1))
    title = fields.get("title")
    description = fields.get("description")
    about = f"\n\n{description}" if isinstance(description, str) else ""
    if kind in ("scene", "ending"):
        heading = f"**{'END: ' if kind == 'ending' else ''}{title or name}** · {kind} `{name}`"
        act = fields.get("act")
        if isinstance(act, str):
            heading += f" · act `{act}`"
        lines = [" ".join(line.split()) for line in _first_lines(fields.get("text"))][:HOVER_PARAGRAPHS]
        body = "\n\n".join(line if len(line) <= HOVER_CHARS else line[: HOVER_CHARS - 1] + "…" for line in lines)
        return heading + (f"\n\n{body}" if body else "")
    if kind == "variable":
        parts = [str(fields.get("type", "?"))]
        if "default" in fields.items:
            parts.append(f"default {fields.get('default')}")
        if "min" in fields.items or "max" in fields.items:
            parts.append(f"from {fields.get('min', '…')} to {fields.get('max', '…')}")
        values = fields.get("values")
        if isinstance(values, YamlList):
            parts.append("one of " + ", ".join(str(v) for v in values.items))
        return f"variable `{name}`: {', '.join(parts)}{about}"
    if kind == "character":
        return f"**{fields.get('name', name)}** · character `{name}`{about}"
    if kind == "choice":
        return f"choice `{name}`: {fields.get('label', '')}"
    if kind == "act":
        return f"act `{name}`: {title or ''}"
    return f"{kind} `{name}`{about}"


class StoryIndex:
    """Every definition and use of a name in one story folder, from the text of each of its files."""

    def __init__(self, root: Path, texts: dict[str, str], previous: StoryIndex | None = None) -> None:
        """`texts` maps each file's path to its text. A file that is not valid YAML just now (the author is typing)
        keeps the definitions `previous` had from it, so completion still offers them."""
        self.root = root
        self.texts = texts
        self.files = {path: _File(path, text) for path, text in texts.items()}
        self.hovers: dict[tuple[str, str], str] = {}
        self.definitions: dict[tuple[str, str], Symbol] = {}
        self.stale: dict[str, list[tuple[Symbol, str]]] = {}
        for path, found in self.files.items():
            definitions = found.definitions
            if not found.parsed and previous is not None and path in previous.files:
                definitions = previous.stale.get(path) or previous.files[path].definitions
                self.stale[path] = definitions
            for symbol, hover in definitions:
                self.definitions.setdefault((symbol.kind, symbol.name), symbol)
                self.hovers.setdefault((symbol.kind, symbol.name), hover)
        self.symbols: list[Symbol] = [
            symbol for found in self.files.values() if found.parsed for symbol, _hover_text in found.definitions
        ]
        for found in self.files.values():
            for context, name, place in found.uses:
                kind = next((k for k in RESOLVES[context] if (k, name) in self.definitions), None)
                if kind is not None:
                    self.symbols.append(Symbol(kind, name, place))

    def at(self, path: str, line: int, character: int) -> Symbol | None:
        return next((s for s in self.symbols if s.place.holds(path, line, character)), None)

    def definition(self, symbol: Symbol) -> Symbol | None:
        return self.definitions.get((symbol.kind, symbol.name))

    def references(self, symbol: Symbol, declaration: bool = True) -> list[Symbol]:
        found = [s for s in self.symbols if (s.kind, s.name) == (symbol.kind, symbol.name)]
        return sorted(
            (s for s in found if declaration or not s.definition),
            key=lambda s: (s.place.path, s.place.line, s.place.start),
        )

    def hover(self, symbol: Symbol) -> str:
        return self.hovers.get((symbol.kind, symbol.name), f"{symbol.kind} `{symbol.name}`")

    def rename(self, symbol: Symbol, new_name: str) -> list[Place]:
        """Every place to change to rename `symbol`, checked first: the new name must be an id and free."""
        if symbol.kind not in RENAMABLE:
            raise RenameError(f"only scenes, endings, variables and traits can be renamed, not a {symbol.kind}")
        if not ID.match(new_name):
            raise RenameError(f"`{new_name}` is not an id: a letter, then letters, digits or `_`")
        if new_name in KEYWORDS or new_name in BUILTINS:
            raise RenameError(f"`{new_name}` is a word of the expression language")
        space = RESOLVES["target"] if symbol.kind in RESOLVES["target"] else ("variable", "trait")
        taken = next((kind for kind in space if (kind, new_name) in self.definitions), None)
        if taken is not None and new_name != symbol.name:
            raise RenameError(f"the story already has a {taken} called `{new_name}`")
        return [s.place for s in self.references(symbol)]

    def names(self, kinds: tuple[str, ...]) -> list[tuple[str, str, str]]:
        """(name, kind, hover) of every definition of these kinds, in order of kind, then as found."""
        return [
            (name, kind, self.hovers.get((kind, name), ""))
            for wanted in kinds
            for (kind, name) in self.definitions
            if kind == wanted
        ]

    def completions(self, text: str, line: int, character: int, manifest: bool) -> list[tuple[str, str, str]]:
        """(label, kind, detail) of what may be typed at the cursor: keys where a key goes, and where a value goes,
        the scenes, endings, variables, traits, acts or characters the key takes."""
        context = completion_context(text.split("\n"), line, character, manifest)
        if context is None:
            return []
        what, schema = context
        if what == "key":
            return [(key.name, "key", key.doc) for key in SCHEMAS.get(schema, ())]
        if what == "expression":
            return [*self.names(("variable", "trait")), *((name, "builtin", "read-only") for name in BUILTINS)]
        return self.names(RESOLVES[what])
