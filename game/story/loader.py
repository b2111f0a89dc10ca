"""Turns a story folder into a validated `Story`, reporting every mistake at once.

The loader walks the folder (never outside it), reads each YAML file, checks every mapping against `schema.SCHEMAS`,
parses every expression and template, and resolves every reference. It reports and carries on, so an author sees all
the errors in one run, each with a file, line and column.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from game.files import read_at_most
from game.records import attribute, prefab
from game.story import expression_parser as xp
from game.story import expressions as ex
from game.story.categories import build_categories
from game.story.collector import without_cycle_collection
from game.story.diagnostics import Diagnostics, did_you_mean
from game.story.format2 import DEPRECATED_NAMES, FORMATS, Format2Builder
from game.story.limits import MAX_FILE_BYTES
from game.story.lint import never_holds, outside_values, shared_phrases
from game.story.model import (
    Act,
    Character,
    Choice,
    Condition,
    Effect,
    Ending,
    Frame,
    Lexicon,
    Outcome,
    Scene,
    Span,
    StatusLine,
    Story,
    Template,
    TextBlock,
    Trait,
    TraitTest,
    Typewriter,
    Variable,
)
from game.story.schema import Key, keys_of
from game.story.yaml_reader import YamlList, YamlMap, YamlProblem, describe, read_yaml, short
from game.typewriter.lexicon_index import CUES

MANIFEST = "story.yaml"
OUTLINE = "outline.yaml"  # an outline of beats kept in the story folder: for `check`, not part of the story
MAX_FILES = 2_000
BUILTIN_NAMES: dict[str, ex.Kind] = {"turn": "number", "page_about_subject": "bool", "page_about_ruby": "bool"}
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_STORY_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_TYPE_KINDS: dict[str, ex.Kind] = {"int": "number", "number": "number", "bool": "bool", "str": "str"}
_ZERO: dict[str, Any] = {"int": 0, "number": 0.0, "bool": False, "str": ""}
TOO_LARGE = f"too large: numbers in a story stay within ±{ex.MAX_MAGNITUDE:,}"


class StoryLoadError(Exception):
    """Raised by `load_story_or_raise` so front ends can print the diagnostics instead of a traceback."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        self.diagnostics = diagnostics
        first = diagnostics.errors[0] if diagnostics.errors else None
        super().__init__(str(first) if first else "the story could not be loaded")


@prefab
class _Source:
    path: str  # as shown in diagnostics
    relative: str
    data: Any


@prefab
class _Names:
    """Everything an expression may name, with its kind, and what effects may assign."""

    kinds: dict[str, ex.Kind] = attribute(default_factory=dict)
    assignable: set[str] = attribute(default_factory=set)
    read: set[str] = attribute(default_factory=set)
    written: set[str] = attribute(default_factory=set)


def load_story(root: str | os.PathLike[str], overlay: Mapping[Path, bytes] | None = None) -> tuple[Story | None, Diagnostics]:
    """The story and its diagnostics; the story is None when there is any error. `overlay` gives the text of some
    files (by their path below `root`) in place of what is on disk: the buffers an editor has open, unsaved."""
    diagnostics = Diagnostics()
    root_path = Path(root)
    display_root = str(root)
    with without_cycle_collection():
        sources, digest, broken = _read_folder(root_path, display_root, diagnostics, overlay or {})
        story = _Builder(diagnostics, sources, display_root, broken).build(digest, str(_resolved(root_path) or root_path))
    if diagnostics.errors:
        return None, diagnostics
    return story, diagnostics


def load_story_or_raise(root: str | os.PathLike[str]) -> Story:
    story, diagnostics = load_story(root)
    if story is None:
        raise StoryLoadError(diagnostics)
    return story


def _says_something(text: str) -> bool:
    """Has a phrase a word the reader can find, besides negations and wildcards? ("not" alone would take every denial.)"""
    from game.typewriter.text import tokens

    return any(word not in ("not", "never", "no", "longer", "more", "*") for word in tokens(text.replace("*", " ")))


LINK_LOOP = "a link that leads round in a loop (or through too many links); it is not read"


def _resolved(path: Path) -> Path | None:
    """Where `path` leads, or None for a link loop (`a -> b -> a`, a link to itself): `Path.resolve` raises on one."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return None


def _read_folder(
    root: Path, display_root: str, diagnostics: Diagnostics, overlay: Mapping[Path, bytes]
) -> tuple[list[_Source], str, list[str]]:
    """Every YAML file below `root`, parsed (or, for a file open in an editor, its unsaved text from `overlay`); links
    that lead outside the folder are reported and never read. Also the text of each file that is not valid YAML: what
    it declares is not known, so the errors that would follow from its absence (a scene it holds named elsewhere, a
    variable only it reads) are not reported."""
    resolved_root = _resolved(root)
    if resolved_root is None:
        diagnostics.error(Span(display_root, 1, 1), "unreadable", LINK_LOOP)
        return [], hashlib.sha256().hexdigest(), []
    paths: list[tuple[str, Path]] = []
    for folder, subfolders, files in os.walk(root, followlinks=False):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.endswith((".yaml", ".yml")):
                continue
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            shown = os.path.join(display_root, relative)
            if relative == OUTLINE:
                continue
            if path.is_symlink():
                target = _resolved(path)
                if target is None:
                    diagnostics.error(Span(shown, 1, 1), "unreadable", LINK_LOOP)
                    continue
                if not target.is_relative_to(resolved_root) or not target.is_file():
                    diagnostics.error(
                        Span(shown, 1, 1), "outside-folder", "a link that leads outside the story folder; it is not read"
                    )
                    continue
            elif not path.is_file():
                diagnostics.error(Span(shown, 1, 1), "unreadable", "not a regular file (a pipe or a device); it is not read")
                continue
            paths.append((relative, path))
        for name in list(subfolders):
            target = _resolved(Path(folder) / name)
            if (Path(folder) / name).is_symlink() and (target is None or not target.is_relative_to(resolved_root)):
                relative = (Path(folder) / name).relative_to(root).as_posix()
                diagnostics.error(
                    Span(os.path.join(display_root, relative), 1, 1),
                    "outside-folder",
                    "a link that leads outside the story folder; it is not read",
                )
    if len(paths) > MAX_FILES:
        diagnostics.error(
            Span(display_root, 1, 1),
            "too-many-files",
            f"the folder holds {len(paths)} YAML files; a story may have at most {MAX_FILES}",
        )
        paths = paths[:MAX_FILES]
    digest = hashlib.sha256()
    sources: list[_Source] = []
    broken: list[str] = []
    for relative, path in sorted(paths):
        shown = os.path.join(display_root, relative)
        try:
            data = overlay[path] if path in overlay else read_at_most(path, MAX_FILE_BYTES)
            if len(data) > MAX_FILE_BYTES:
                size = path.stat().st_size
                amount = f"{size:,} bytes" if size > MAX_FILE_BYTES else f"more than {MAX_FILE_BYTES:,} bytes"
                raise YamlProblem(
                    Span(shown, 1, 1), "file-too-large", f"the file is {amount}; story files may be at most {MAX_FILE_BYTES:,}"
                )
        except YamlProblem as problem:
            diagnostics.error(problem.span, problem.code, problem.message)
            continue
        except OSError as error:
            diagnostics.error(Span(shown, 1, 1), "unreadable", f"cannot read the file: {error.strerror or error}")
            continue
        digest.update(os.fsencode(relative) + b"\0" + hashlib.sha256(data).digest())
        try:
            value, problems = read_yaml(data, shown)
        except YamlProblem as problem:
            diagnostics.error(problem.span, problem.code, problem.message)
            broken.append(data.decode("utf-8", "replace"))
            continue
        for found in problems:
            diagnostics.error(found.span, found.code, found.message)
        sources.append(_Source(shown, relative, value))
    return sources, digest.hexdigest(), broken


class _Builder(Format2Builder):
    def __init__(self, diagnostics: Diagnostics, sources: list[_Source], display_root: str, broken: list[str]) -> None:
        self.d = diagnostics
        self.sources = sources
        self.display_root = display_root
        self.broken_texts = broken
        self.broken_names: set[str] = set()
        """Variables whose declaration failed: the expressions that name them are not reported again."""
        self.choice_ids: dict[str, Span] = {}
        self.names = _Names(kinds=dict(BUILTIN_NAMES))
        self.variables: dict[str, Variable] = {}
        self.targets: dict[str, Span] = {}
        self.ending_ids: set[str] = set()
        self.trait_ids: set[str] = set()
        self.act_ids: set[str] = set()

    # -- generic validation -------------------------------------------------------------------------------------

    def fields(self, node: Any, schema: str, span: Span, what: str) -> dict[str, Any] | None:
        """The valid keys of a mapping; unknown, missing and mistyped keys are reported and left out."""
        if not isinstance(node, YamlMap):
            self.d.error(span, "wrong-type", f"{what} must be a mapping, not {describe(node)}")
            return None
        keys = keys_of(schema)
        result: dict[str, Any] = {}
        for name, value in node.items.items():
            key = keys.get(name)
            if key is None:
                self.d.error(node.key_spans[name], "unknown-key", f"unknown key `{name}` in {what}{did_you_mean(name, keys)}")
                continue
            if value is None and key.kind in ("list", "mapping") and not key.required:
                continue  # `endings:` with its entries still to come, or commented out: nothing, not a mistake
            if self.scalar_ok(key, value, node.at(name), what):
                result[name] = value
        for key in keys.values():
            if key.required and key.name not in node.items:
                self.d.error(node.span, "missing-key", f"{what} has no `{key.name}` ({key.doc})")
        return result

    def scalar_ok(self, key: Key, value: Any, span: Span, what: str) -> bool:
        expected: dict[str, tuple[type, ...]] = {
            "string": (str,),
            "id": (str,),
            "condition": (str,),
            "target": (str,),
            "pronoun": (str,),
            "vartype": (str,),
            "integer": (int,),
            "format": (int,),
            "boolean": (bool,),
        }
        kinds = expected.get(key.kind)
        if kinds is None:
            return True
        if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
            need = {"integer": "a whole number", "format": "a whole number", "boolean": "true or false"}.get(key.kind, "a string")
            hint = " (quote it)" if need == "a string" and isinstance(value, (int, float, bool)) else ""
            self.d.error(span, "wrong-type", f"`{key.name}` in {what} must be {need}, not {describe(value)}{hint}")
            return False
        if key.kind == "id" and not _ID.match(str(value)):
            self.d.error(span, "bad-id", f"`{value}` is not a valid id: a letter, then letters, digits or `_`")
            return False
        return True

    def items(self, node: Any, span: Span, what: str) -> Iterable[tuple[Any, Span]]:
        if not isinstance(node, YamlList):
            self.d.error(span, "wrong-type", f"{what} must be a list, not {describe(node)}")
            return []
        return zip(node.items, node.item_spans, strict=True)

    def strings(self, node: Any, span: Span, what: str) -> tuple[str, ...]:
        result = []
        for item, item_span in self.items(node, span, what):
            if isinstance(item, str) and item.strip():
                result.append(item)
            else:
                self.d.error(item_span, "wrong-type", f"each entry of {what} must be a non-empty string, not {describe(item)}")
        return tuple(result)

    # -- the whole story ------------------------------------------------------------------------------------------

    def build(self, digest: str, root: str) -> Story | None:
        manifest_source = next((s for s in self.sources if s.relative == MANIFEST), None)
        if manifest_source is None:
            # a manifest that exists but could not be read has its own diagnostic already; a folder has none
            where = os.path.join(root, MANIFEST)
            span = Span(os.path.join(self.display_root, MANIFEST), 1, 1)
            if not os.path.lexists(where):
                self.d.error(span, "no-manifest", f"the story folder has no {MANIFEST}")
            elif os.path.isdir(where):
                self.d.error(span, "no-manifest", f"{MANIFEST} is a folder; the story needs a file of that name")
            return None
        manifest = self.fields(manifest_source.data, "manifest", Span(manifest_source.path, 1, 1), MANIFEST)
        files: list[tuple[_Source, dict[str, Any]]] = []
        for source in self.sources:
            if source is manifest_source:
                continue
            if source.data is None:
                continue
            parsed = self.fields(source.data, "story_file", Span(source.path, 1, 1), "a story file")
            if parsed is not None:
                files.append((source, parsed))
        if manifest is None:
            return None
        mnode: YamlMap = manifest_source.data
        if "format" in manifest and manifest["format"] not in FORMATS:
            self.d.error(
                mnode.at("format"), "bad-format", f"format {manifest['format']} is not supported; this game reads format 1 or 2"
            )
        elif "format" in manifest:
            self.format = manifest["format"]
        if "id" in manifest and not _STORY_ID.match(manifest["id"]):
            self.d.error(mnode.at("id"), "bad-id", "a story id is lowercase letters, digits, `-` and `_`")

        # Pass 1: everything that can be named, so that pass 2 can resolve references in any order.
        self.variables = self.declare_variables(mnode)
        characters = self.declare_characters(mnode)
        acts = self.declare_acts(mnode)
        lexicon_nodes = [(s, f["lexicon"], s.data.at("lexicon")) for s, f in files if "lexicon" in f]
        for _source, _, span in lexicon_nodes[1:]:
            self.d.error(span, "duplicate-lexicon", f"a second lexicon (the first is in {lexicon_nodes[0][0].path})")
        self.declare_traits(lexicon_nodes[0][1] if lexicon_nodes else None)
        scene_nodes: list[tuple[YamlMap, Span]] = []
        ending_nodes: list[tuple[YamlMap, Span]] = []
        for node, span in self.entries(mnode, "endings") if "endings" in manifest else ():
            ending_nodes.append((node, span))
        for source, parsed in files:
            smap: YamlMap = source.data
            scene_nodes.extend(self.entries(smap, "scenes") if "scenes" in parsed else [])
            ending_nodes.extend(self.entries(smap, "endings") if "endings" in parsed else [])
        for node, _span in scene_nodes:
            self.declare_target(node)
        for node, _span in ending_nodes:
            if self.declare_target(node):
                self.ending_ids.add(node.items["id"])
        self.declare_counts(scene_nodes)

        # Pass 2: the content, with every expression, template and reference checked.
        start = manifest.get("start")
        if isinstance(start, str):
            self.check_target(start, mnode.at("start"), scenes_only=True)
        wordnet_nodes = [(f["wordnet"], s.data.at("wordnet")) for s, f in files if "wordnet" in f]
        for _, span in wordnet_nodes[1:]:
            self.d.error(span, "duplicate-lexicon", "a second file of WordNet synonyms")
        lexicon = (
            self.build_lexicon(lexicon_nodes[0][1], lexicon_nodes[0][2], characters, wordnet_nodes[0] if wordnet_nodes else None)
            if lexicon_nodes
            else None
        )
        scenes: dict[str, Scene] = {}
        for node, span in scene_nodes:
            scene = self.build_scene(node, span, lexicon is not None or bool(lexicon_nodes))
            if scene is not None and scene.id not in scenes:
                scenes[scene.id] = scene
        endings: dict[str, Ending] = {}
        for node, span in ending_nodes:
            ending = self.build_ending(node, span)
            if ending is not None and ending.id not in endings:
                endings[ending.id] = ending
        seems = self.build_seems(mnode)
        categories = build_categories(self, mnode, digest)
        scenes = self.counted(scenes)  # once every expression has been read
        self.report_unused()
        self.report_format()
        if self.d.errors:
            return None
        return Story(
            id=manifest["id"],
            title=manifest["title"],
            version=manifest["version"],
            start=manifest["start"],
            scenes=scenes,
            endings=endings,
            variables=self.variables,
            characters=characters,
            acts=acts,
            seems=seems,
            lexicon=lexicon,
            author=manifest.get("author", ""),
            content_note=manifest.get("content_note", ""),
            content_hash=digest,
            root=root,
            categories=categories,
            format=self.format,
        )

    def entries(self, node: YamlMap, key: str) -> list[tuple[YamlMap, Span]]:
        result = []
        for item, span in self.items(node.items.get(key), node.at(key), f"`{key}`"):
            if isinstance(item, YamlMap):
                result.append((item, span))
            else:
                self.d.error(span, "wrong-type", f"each entry of `{key}` must be a mapping, not {describe(item)}")
        return result

    # -- declarations -------------------------------------------------------------------------------------------

    def declare_variables(self, manifest: YamlMap) -> dict[str, Variable]:
        result: dict[str, Variable] = {}
        node = manifest.items.get("variables")
        if node is None:
            return result
        if not isinstance(node, YamlMap):
            self.d.error(manifest.at("variables"), "wrong-type", f"`variables` must be a mapping of names, not {describe(node)}")
            return result
        for name, value in node.items.items():
            span = node.key_spans[name]
            if not _ID.match(name):
                self.d.error(span, "bad-id", f"`{name}` is not a valid variable name")
                continue
            if name in BUILTIN_NAMES:
                self.d.error(span, "name-clash", f"`{name}` is a built-in name")
                continue
            fields = self.fields(value, "variable", node.at(name), f"variable `{name}`")
            variable = None
            if fields is not None and "type" in fields and "default" in fields:
                variable = self.make_variable(name, fields, value, span)
            if variable is None:
                self.broken_names.add(name)
                continue
            result[name] = variable
            self.names.kinds[name] = _TYPE_KINDS[variable.type]
            self.names.assignable.add(name)
        return result

    def make_variable(self, name: str, fields: dict[str, Any], node: YamlMap, span: Span) -> Variable | None:
        vartype = fields["type"]
        if vartype not in _TYPE_KINDS:
            self.d.error(
                node.at("type"),
                "bad-type",
                f"unknown type `{vartype}`{did_you_mean(vartype, _TYPE_KINDS)}; use int, number, bool or str",
            )
            return None
        bounds: dict[str, float | None] = {"min": None, "max": None}
        for bound in ("min", "max"):
            if bound not in fields:
                continue
            value = fields[bound]
            if vartype not in ("int", "number"):
                self.d.error(node.at(bound), "bad-range", f"`{bound}` is only for int and number variables")
            elif isinstance(value, bool) or not isinstance(value, (int, float)):
                self.d.error(node.at(bound), "wrong-type", f"`{bound}` must be a number, not {describe(value)}")
            elif not ex.within_magnitude(value):
                self.d.error(node.at(bound), "bad-range", f"`{bound}` is {TOO_LARGE}")
            else:
                bounds[bound] = value
        low, high = bounds["min"], bounds["max"]
        if low is not None and high is not None and low > high:
            self.d.error(node.at("max"), "bad-range", f"`max` ({high}) is below `min` ({low})")
        values = self.strings(fields["values"], node.at("values"), "`values`") if "values" in fields else ()
        if values and vartype != "str":
            self.d.error(node.at("values"), "bad-range", "`values` is only for str variables")
        default = fields["default"]
        if not _fits(vartype, default):
            self.d.error(
                node.at("default"),
                "bad-default",
                f"the default of `{name}` must be {_type_words(vartype)}, not {describe(default)}",
            )
            # still declared, with its type: the story fails on this one error, not on every use of the name
            return Variable(name, vartype, _ZERO[vartype], low, high, values, fields.get("description", ""), span)
        numeric = isinstance(default, (int, float)) and not isinstance(default, bool)
        if numeric and not ex.within_magnitude(default):
            self.d.error(node.at("default"), "bad-default", f"the default of `{name}` is {TOO_LARGE}")
            return Variable(name, vartype, _ZERO[vartype], low, high, values, fields.get("description", ""), span)
        if numeric and ((low is not None and default < low) or (high is not None and default > high)):
            self.d.error(
                node.at("default"), "bad-default", f"the default of `{name}` ({default}) is outside its range {low}..{high}"
            )
        if values and default not in values:
            self.d.error(
                node.at("default"),
                "bad-default",
                f"the default of `{name}` is not one of its values{did_you_mean(str(default), values)}",
            )
        if vartype == "number" and isinstance(default, int):
            default = float(default)
        return Variable(name, vartype, default, low, high, values, fields.get("description", ""), span)

    def declare_characters(self, manifest: YamlMap) -> dict[str, Character]:
        result: dict[str, Character] = {}
        node = manifest.items.get("characters")
        if node is None:
            return result
        if not isinstance(node, YamlMap):
            self.d.error(manifest.at("characters"), "wrong-type", f"`characters` must be a mapping of ids, not {describe(node)}")
            return result
        for cid, value in node.items.items():
            if not _ID.match(cid):
                self.d.error(node.key_spans[cid], "bad-id", f"`{cid}` is not a valid character id")
                continue
            fields = self.fields(value, "character", node.at(cid), f"character `{cid}`")
            if fields is None or "name" not in fields:
                continue
            names = self.strings(fields["names"], value.at("names"), "`names`") if "names" in fields else ()
            pronoun = fields.get("pronoun", "they")
            if pronoun not in ("she", "he", "they"):
                self.d.error(value.at("pronoun"), "bad-pronoun", f"`pronoun` is she, he or they, not `{pronoun}`")
                pronoun = "they"
            default_names = (fields["name"].split()[0].lower(),) if fields["name"].split() else ()
            result[cid] = Character(
                cid, fields["name"], tuple(n.lower() for n in names) or default_names, pronoun, fields.get("description", "")
            )
        return result

    def declare_acts(self, manifest: YamlMap) -> tuple[Act, ...]:
        acts: list[Act] = []
        if manifest.items.get("acts") is None:
            return ()
        for node, span in self.entries(manifest, "acts"):
            fields = self.fields(node, "act", span, "an act")
            if fields is None or "id" not in fields or "title" not in fields:
                continue
            if fields["id"] in self.act_ids:
                self.d.error(node.at("id"), "duplicate-id", f"the act `{fields['id']}` is declared twice")
                continue
            self.act_ids.add(fields["id"])
            acts.append(Act(fields["id"], fields["title"]))
        return tuple(acts)

    def declare_traits(self, node: Any) -> None:
        if not isinstance(node, YamlMap) or not isinstance(node.items.get("traits"), YamlList):
            return
        for item in node.items["traits"].items:
            if isinstance(item, YamlMap) and isinstance(item.items.get("id"), str):
                trait_id = item.items["id"]
                if trait_id in self.names.kinds:
                    self.d.error(
                        item.at("id"), "name-clash", f"the trait `{trait_id}` has the name of a variable or another trait"
                    )
                    continue
                self.trait_ids.add(trait_id)
                self.names.kinds[trait_id] = "number"
                self.names.assignable.add(trait_id)

    def declare_target(self, node: YamlMap) -> bool:
        target = node.items.get("id")
        if not isinstance(target, str):
            return False
        self.reserved_id(target, node.at("id"))
        if target in self.targets:
            first = self.targets[target]
            self.d.error(node.at("id"), "duplicate-id", f"the id `{target}` is used twice (first at {first})")
            return False
        self.targets[target] = node.at("id")
        return True

    # -- references, expressions, templates -----------------------------------------------------------------------

    def check_target(self, target: str, span: Span, scenes_only: bool = False) -> None:
        if not scenes_only and self.return_target(target, span):
            return
        if target not in self.targets:
            if not self.in_broken_file(rf"\bid:\s*['\"]?{re.escape(target)}\b"):
                hint = did_you_mean(target, self.targets)
                self.d.error(span, "unknown-target", f"no scene or ending has the id `{target}`{hint}")
        elif scenes_only and target in self.ending_ids:
            self.d.error(span, "unknown-target", f"`{target}` is an ending, not a scene")

    def in_broken_file(self, pattern: str) -> bool:
        """Does a file that is not valid YAML seem to hold this? Then its absence is not reported as a mistake of its own."""
        return bool(self.broken_texts) and any(re.search(pattern, text) for text in self.broken_texts)

    def report_expression(self, error: xp.ExpressionError, span: Span, source: str) -> None:
        column = span.column + error.column - 1 if "\n" not in source else span.column
        message = error.message
        if message.startswith("unknown name `"):
            name = message.split("`")[1]
            if name in self.broken_names:
                return
            message = self.unknown_count(name) or message + did_you_mean(name, self.names.kinds)
        code = "unknown-name" if message.startswith(("unknown name", "no scene", "no choice")) else "bad-expression"
        self.d.error(Span(span.file, span.line, column), code, f"{message} in `{short(source)}`")

    def condition(self, source: Any, span: Span) -> Condition | None:
        if not isinstance(source, str):
            self.d.error(span, "wrong-type", f"a condition must be a string, not {describe(source)}")
            return None
        try:
            expr = xp.parse_condition(source)
            kind = xp.infer(expr, self.names.kinds)
        except xp.ExpressionError as error:
            self.report_expression(error, span, source)
            return None
        if kind != "bool":
            self.d.error(span, "bad-expression", f"a condition must be true or false, but `{short(source)}` is a {kind}")
            return None
        self.read_names(expr, span)
        never = never_holds(expr, self.variables, self.trait_ids)
        if never is not None:
            self.d.warning(span, "never-holds", f"`{short(source)}` can never hold: {never}")
        return Condition(source, expr, span)

    def read_names(self, expr: ex.Expr, span: Span) -> None:
        for name in ex.names_in(expr):
            self.names.read.add(name.name)
            if name.name in DEPRECATED_NAMES:
                self.deprecated(name.name, span)
            elif name.name == "page_about_subject":
                self.uses_v2("`page_about_subject`", span)
            elif ex.count_subject(name.name) is not None:
                self.uses_v2(f"`{name.name.partition('(')[0]}(...)`", span)

    def effects(self, node: Any, span: Span) -> tuple[Effect, ...]:
        if isinstance(node, str):
            sources: list[tuple[Any, Span]] = [(node, span)]
        elif isinstance(node, YamlList):
            sources = list(zip(node.items, node.item_spans, strict=True))
        else:
            self.d.error(span, "wrong-type", f"effects must be a string or a list of strings, not {describe(node)}")
            return ()
        result = []
        for source, item_span in sources:
            effect = self.effect(source, item_span)
            if effect is not None:
                result.append(effect)
        return tuple(result)

    def effect(self, source: Any, span: Span) -> Effect | None:
        if not isinstance(source, str):
            self.d.error(span, "wrong-type", f"an effect must be a string such as `trust += 1`, not {describe(source)}")
            return None
        try:
            assignment = xp.parse_effect(source)
            value_kind = xp.infer(assignment.value, self.names.kinds)
        except xp.ExpressionError as error:
            self.report_expression(error, span, source)
            return None
        target = assignment.target
        if target not in self.names.assignable:
            if target in self.names.kinds:
                self.d.error(span, "read-only", f"`{target}` is a built-in name and cannot be assigned")
            elif target not in self.broken_names:
                self.d.error(
                    span,
                    "unknown-name",
                    f"unknown name `{target}` in `{short(source)}`{did_you_mean(target, self.names.assignable)}",
                )
            return None
        target_kind = self.names.kinds[target]
        ok = value_kind == target_kind and (
            assignment.op == "=" or target_kind == "number" or (assignment.op == "+=" and target_kind == "str")
        )
        if not ok:
            self.d.error(
                span,
                "bad-expression",
                f"`{short(source)}`: `{assignment.op}` cannot put a {value_kind} into the {target_kind} `{target}`",
            )
            return None
        outside = outside_values(assignment, self.variables)
        if outside is not None:
            self.d.error(span, "bad-value", outside)
            return None
        self.names.written.add(target)
        self.read_names(assignment.value, span)
        return Effect(source, assignment, span)

    def text(self, node: Any, span: Span, what: str) -> tuple[TextBlock, ...]:
        if isinstance(node, str):
            template = self.template(node, span, changing=True)
            return (TextBlock((template,)),) if template else ()
        if isinstance(node, YamlMap):
            self.d.error(span, "wrong-type", f"{what} must be a text, not a mapping (quote a text that starts with `{{`)")
            return ()
        blocks = []
        for item, item_span in self.items(node, span, what):
            if isinstance(item, str):
                template = self.template(item, item_span, changing=True)
                if template:
                    blocks.append(TextBlock((template,)))
                continue
            fields = self.fields(item, "text_block", item_span, "a text block")
            if fields is None:
                continue
            if ("text" in fields) == ("one_of" in fields):
                self.d.error(item_span, "missing-key", "a text block has either `text` or `one_of`")
                continue
            if "text" in fields:
                variants: list[tuple[str, Span]] = [(fields["text"], item.at("text"))]
            else:
                variants = [(v, item.at("one_of")) for v in self.strings(fields["one_of"], item.at("one_of"), "`one_of`")]
            templates = [t for t in (self.template(v, s, changing=True) for v, s in variants) if t is not None]
            condition = self.condition(fields["if"], item.at("if")) if "if" in fields else None
            if templates:
                blocks.append(TextBlock(tuple(templates), condition))
        return tuple(blocks)

    # -- content --------------------------------------------------------------------------------------------------

    def build_lexicon(
        self, node: Any, span: Span, characters: dict[str, Character], wordnet: tuple[Any, Span] | None = None
    ) -> Lexicon | None:
        fields = self.fields(node, "lexicon", span, "the lexicon")
        if fields is None or "subject" not in fields or "traits" not in fields:
            return None
        subject = fields["subject"]
        for key in ("subject", "narrator"):
            if key in fields and fields[key] not in characters:
                self.d.error(
                    node.at(key),
                    "unknown-character",
                    f"no character has the id `{fields[key]}`{did_you_mean(fields[key], characters)}",
                )
        roles = self.word_lists(fields["roles"], node.at("roles"), "`roles`") if "roles" in fields else ()
        role_names = set(characters) | {name for name, _ in roles}
        on_page = self.effects(fields["on_page"], node.at("on_page")) if "on_page" in fields else ()
        traits: list[Trait] = []
        seen: set[str] = set()
        for item, item_span in self.items(fields["traits"], node.at("traits"), "`traits`"):
            trait = self.build_trait(item, item_span, role_names)
            if trait is None:
                continue
            if trait.id in seen:
                self.d.error(item.at("id"), "duplicate-id", f"the trait `{trait.id}` is defined twice")
                continue
            seen.add(trait.id)
            traits.append(trait)
        for trait in traits:
            for implied in trait.implies:
                if implied == trait.id:
                    self.d.error(trait.span or span, "bad-implies", f"`{trait.id}` implies itself")
                elif implied not in seen:
                    where = trait.span or span
                    self.d.error(
                        where,
                        "unknown-trait",
                        f"`{trait.id}` implies `{implied}`, which is not a trait{did_you_mean(implied, seen)}",
                    )
        synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()
        if wordnet is not None:
            wfields = self.fields(wordnet[0], "wordnet", wordnet[1], "the WordNet synonyms")
            if wfields is not None:
                synonyms = tuple(
                    pair
                    for key in ("is", "does")
                    if key in wfields
                    for pair in self.word_lists(wfields[key], wordnet[0].at(key), f"`{key}`")
                )
        if self.format >= 2:  # format 1 stories (the shipped one among them) share phrases on purpose
            for at, message in shared_phrases(tuple(traits)):
                self.d.warning(at or span, "shared-phrase", message)
        return Lexicon(subject, tuple(traits), on_page, fields.get("narrator"), roles, synonyms)

    def word_lists(self, node: Any, span: Span, what: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """A mapping of a word to a list of words (synonyms, roles), lower-cased."""
        if not isinstance(node, YamlMap):
            self.d.error(span, "wrong-type", f"{what} must map a word to a list of words, not {describe(node)}")
            return ()
        return tuple(
            (str(word).lower(), tuple(a.lower() for a in self.strings(items, node.at(word), f"the words of `{word}`")))
            for word, items in node.items.items()
        )

    def build_frame(self, fields: dict[str, Any], node: YamlMap, role_names: set[str]) -> Frame:
        lists = {
            key: tuple(self.strings(fields[key], node.at(key), f"`{key}`")) if key in fields else ()
            for key in ("is", "does", "feels", "idioms", "with", "except", "objects")
        }
        for key in ("is", "does", "feels", "idioms", "with", "except"):
            for text in lists[key]:
                if not _says_something(text):
                    self.d.error(
                        node.at(key),
                        "empty-phrase",
                        f"`{short(text)}` in `{key}` has no word to read (a negation or `*` alone matches every page or none)",
                    )
        role = fields.get("object")
        if role is not None and role not in role_names:
            self.d.error(
                node.at("object"), "unknown-role", f"no character or role is called `{role}`{did_you_mean(role, role_names)}"
            )
        when = fields.get("when")
        if when is not None and when not in CUES:
            self.d.error(node.at("when"), "unknown-cue", f"the only cue is `absence`, not `{when}`{did_you_mean(when, CUES)}")
        return Frame(
            lists["is"],
            lists["does"],
            lists["feels"],
            lists["idioms"],
            role,
            when,
            lists["with"],
            bool(fields.get("opposite", False)),
            lists["except"],
            lists["objects"],
        )

    def build_trait(self, node: Any, span: Span, role_names: set[str]) -> Trait | None:
        fields = self.fields(node, "trait", span, "a trait")
        if fields is None or "id" not in fields:
            return None
        frames: list[Frame] = []
        if any(key in fields for key in keys_of("frame")):
            frames.append(self.build_frame(fields, node, role_names))
        for item, item_span in self.items(fields["frames"], node.at("frames"), "`frames`") if "frames" in fields else ():
            frame_fields = self.fields(item, "frame", item_span, "a frame")
            if frame_fields is not None:
                frames.append(self.build_frame(frame_fields, item, role_names))
        phrases = self.strings(fields["phrases"], node.at("phrases"), "`phrases`") if "phrases" in fields else ()
        if not phrases and not any(f.is_ or f.does or f.feels or f.idioms for f in frames):
            self.d.error(
                span,
                "missing-key",
                f"the trait `{fields['id']}` has no words: give it `is`, `does`, `feels`, `idioms` or `phrases`",
            )
        synonyms = self.word_lists(fields["synonyms"], node.at("synonyms"), "`synonyms`") if "synonyms" in fields else ()
        implies = self.strings(fields["implies"], node.at("implies"), "`implies`") if "implies" in fields else ()
        effects = self.effects(fields["effects"], node.at("effects")) if "effects" in fields else ()
        negated = self.effects(fields["negated"], node.at("negated")) if "negated" in fields else ()
        return Trait(
            fields["id"], fields.get("description", ""), tuple(frames), implies, phrases, synonyms, effects, negated, span
        )

    def build_scene(self, node: YamlMap, span: Span, has_lexicon: bool) -> Scene | None:
        fields = self.fields(node, "scene", span, "a scene")
        if fields is None or "id" not in fields:
            return None
        scene_id = self.owner = fields["id"]
        what = f"scene `{scene_id}`"
        if "act" in fields and fields["act"] not in self.act_ids:
            self.d.error(
                node.at("act"), "unknown-act", f"no act has the id `{fields['act']}`{did_you_mean(fields['act'], self.act_ids)}"
            )
        effects = self.effects(fields["do"], node.at("do")) if "do" in fields else ()
        text = self.text(fields["text"], node.at("text"), "`text`") if "text" in fields else ()
        choices: list[Choice] = []
        fallbacks: list[Choice] = []
        typewriter = None
        following, call = self.scene_flow(fields, node, what)
        if "choices" in fields and "typewriter" in fields:
            self.d.error(
                node.key_spans["typewriter"],
                "choices-and-typewriter",
                f"{what} has both `choices` and a `typewriter`; give it one",
            )
        elif "choices" in fields:
            for index, (item, item_span) in enumerate(self.items(fields["choices"], node.at("choices"), "`choices`"), 1):
                choice = self.build_choice(item, item_span, scene_id, index)
                if choice is not None:
                    fallback = isinstance(item, YamlMap) and item.items.get("fallback") is True
                    (fallbacks if fallback else choices).append(choice)
            if not choices and isinstance(fields["choices"], YamlList) and not fields["choices"].items:
                self.d.error(node.at("choices"), "empty-choices", f"{what} has an empty list of choices")
        elif "typewriter" in fields:
            if not has_lexicon and not self.in_broken_file(r"(?m)^lexicon:"):
                self.d.error(node.key_spans["typewriter"], "no-lexicon", f"{what} has a typewriter, but the story has no lexicon")
            typewriter = self.build_typewriter(fields["typewriter"], node.at("typewriter"))
        return Scene(
            scene_id,
            fields.get("title", ""),
            fields.get("beat"),
            fields.get("act"),
            text,
            effects,
            tuple(choices),
            typewriter,
            span,
            tuple(fallbacks),
            following,
            call,
        )

    def build_choice(self, node: Any, span: Span, scene_id: str, index: int) -> Choice | None:
        fields = self.fields(node, "choice", span, "a choice")
        if fields is None:
            return None
        if "label" not in fields and not fields.get("fallback"):
            self.d.error(span, "missing-key", "a choice has no `label` (what the player picks)")
            return None
        move = self.choice_move(fields, node, span, scene_id)
        label = self.template(fields["label"], node.at("label")) if "label" in fields else Template("", ("",), span)
        condition = self.condition(fields["if"], node.at("if")) if "if" in fields else None
        effects = self.effects(fields["do"], node.at("do")) if "do" in fields else ()
        text = self.text(fields["text"], node.at("text"), "`text`") if "text" in fields else ()
        if label is None or move is None:
            return None
        choice = Choice(label, move[0], condition, effects, text, span, move[1])
        return self.choice_extras(choice, fields, node, scene_id, index)

    def build_typewriter(self, node: Any, span: Span) -> Typewriter | None:
        fields = self.fields(node, "typewriter", span, "a typewriter")
        if fields is None or "prompt" not in fields or "outcomes" not in fields:
            return None
        prompt = self.text(fields["prompt"], node.at("prompt"), "`prompt`")
        errors_before = len(self.d.errors)
        outcomes: list[Outcome] = []
        for item, item_span in self.items(fields["outcomes"], node.at("outcomes"), "`outcomes`"):
            outcome = self.build_outcome(item, item_span)
            if outcome is not None:
                outcomes.append(outcome)
        if outcomes and not outcomes[-1].is_fallback:
            self.d.error(
                outcomes[-1].span or node.at("outcomes"),
                "no-fallback",
                "the last outcome must have no `wrote`, `about_subject` or `if`, so that every page leads somewhere",
            )
        if len(self.d.errors) > errors_before:
            return Typewriter(prompt, tuple(outcomes))  # an outcome that failed to build would look like a fallback
        for outcome in outcomes[:-1]:
            if outcome.is_fallback:
                self.d.warning(
                    outcome.span or span,
                    "shadowed-outcome",
                    "an outcome with no condition before the last one: the outcomes after it are never used",
                )
                break
        return Typewriter(prompt, tuple(outcomes))

    def build_outcome(self, node: Any, span: Span) -> Outcome | None:
        fields = self.fields(node, "outcome", span, "an outcome")
        move = self.choice_move(fields, node, span, self.owner, "an outcome") if fields is not None else None
        if fields is None or move is None:
            return None
        wrote: list[TraitTest] = []
        if "wrote" in fields:
            raw = fields["wrote"]
            entries = [(raw, node.at("wrote"))] if isinstance(raw, str) else list(self.items(raw, node.at("wrote"), "`wrote`"))
            for entry, entry_span in entries:
                test = self.trait_test(entry, entry_span)
                if test is not None:
                    wrote.append(test)
        condition = self.condition(fields["if"], node.at("if")) if "if" in fields else None
        text = self.text(fields["text"], node.at("text"), "`text`") if "text" in fields else ()
        effects = self.effects(fields["do"], node.at("do")) if "do" in fields else ()
        about = self.about_subject(fields, node)
        return Outcome(move[0], tuple(wrote), about, condition, text, effects, span, move[1])

    def trait_test(self, entry: Any, span: Span) -> TraitTest | None:
        if not isinstance(entry, str):
            self.d.error(span, "wrong-type", f"`wrote` takes trait ids, not {describe(entry)}")
            return None
        words = entry.split()
        negated = len(words) == 2 and words[0] == "not"
        trait = words[-1] if words else ""
        if len(words) not in (1, 2) or (len(words) == 2 and not negated):
            self.d.error(span, "bad-expression", f"`wrote` takes `TRAIT` or `not TRAIT`, not `{short(entry)}`")
            return None
        if trait not in self.trait_ids:
            if not self.in_broken_file(rf"\bid:\s*['\"]?{re.escape(trait)}\b"):
                self.d.error(span, "unknown-trait", f"the lexicon has no trait `{trait}`{did_you_mean(trait, self.trait_ids)}")
            return None
        self.names.read.add(trait)
        return TraitTest(trait, negated)

    def build_ending(self, node: YamlMap, span: Span) -> Ending | None:
        fields = self.fields(node, "ending", span, "an ending")
        if fields is None or not {"id", "title", "text"} <= fields.keys():
            return None
        self.owner = fields["id"]
        text = self.text(fields["text"], node.at("text"), "`text`")
        return Ending(fields["id"], fields["title"], text, span, fields.get("hint", ""))

    def build_seems(self, manifest: YamlMap) -> tuple[StatusLine, ...]:
        lines = []
        if manifest.items.get("seems") is None:
            return ()
        for node, span in self.entries(manifest, "seems"):
            fields = self.fields(node, "seems", span, "a status line")
            if fields is None or "text" not in fields:
                continue
            template = self.template(fields["text"], node.at("text"))
            condition = self.condition(fields["if"], node.at("if")) if "if" in fields else None
            if template is not None:
                lines.append(StatusLine(template, condition))
        return tuple(lines)

    def report_unused(self) -> None:
        for name, variable in self.variables.items():
            if name in self.names.read or self.in_broken_file(rf"\b{re.escape(name)}\b"):
                continue
            how = "is written but never read" if name in self.names.written else "is never used"
            self.d.warning(variable.span or Span(MANIFEST, 1, 1), "unused-variable", f"the variable `{name}` {how}")


def _fits(vartype: str, value: Any) -> bool:
    if vartype == "bool":
        return isinstance(value, bool)
    if vartype == "str":
        return isinstance(value, str)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return vartype == "number" or isinstance(value, int)


def _type_words(vartype: str) -> str:
    return {"int": "a whole number", "number": "a number", "bool": "true or false", "str": "a string"}[vartype]
