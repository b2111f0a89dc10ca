"""The loader's symbol tables: every name a story declares, read before any of its content.

Pass 1 of the loader fills these (variables, characters, acts, traits, the ids of scenes and endings), so that pass 2
can check a reference wherever it stands, before or after what it names. A declaration that fails is remembered too,
so the uses of a broken name are not reported again as unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from game.records import attribute, prefab
from game.story.diagnostics import Diagnostics, did_you_mean
from game.story.expressions import MAX_MAGNITUDE, Kind, within_magnitude
from game.story.model import Act, Character, Span, Variable
from game.story.validation import ID, SchemaValidator, id_rule
from game.story.vocabulary import (
    DEFAULT_PRONOUN,
    KIND_OF_TYPE,
    NUMERIC_TYPES,
    PRONOUNS,
    TYPE_WORDS,
    VARIABLE_TYPES,
    ZERO,
    VarType,
    one_of,
)
from game.story.yaml_reader import YamlList, YamlMap, describe_value

MANIFEST = "story.yaml"
BUILTIN_NAMES: dict[str, Kind] = {"turn": "number", "page_about_subject": "bool", "page_about_ruby": "bool"}
TOO_LARGE = f"too large: numbers in a story stay within ±{MAX_MAGNITUDE:,}"


@prefab
class Names:
    """Everything an expression may name, with its kind, and what effects may assign."""

    kinds: dict[str, Kind] = attribute(default_factory=dict)
    assignable: set[str] = attribute(default_factory=set)
    read: set[str] = attribute(default_factory=set)
    written: set[str] = attribute(default_factory=set)


class SymbolTable(SchemaValidator):
    """The names of one story as the loader reads it; `broken_texts` holds the files that are not valid YAML."""

    if TYPE_CHECKING:  # format 2's part of the builder (format2.Format2Builder)

        def return_target(self, target: str, span: Span) -> bool: ...
        def reserved_id(self, target: str, span: Span) -> None: ...

    def __init__(self, diagnostics: Diagnostics, broken_texts: list[str]) -> None:
        super().__init__(diagnostics)
        self.broken_texts = broken_texts
        self.broken_names: set[str] = set()
        self.traits_unreadable = False
        """Variables whose declaration failed: the expressions that name them are not reported again."""
        self.broken_characters: set[str] = set()
        """Characters named in a `characters` section of the wrong shape: what names them is not reported again."""
        self.choice_ids: dict[str, Span] = {}
        self.names = Names(kinds=dict(BUILTIN_NAMES))
        self.variables: dict[str, Variable] = {}
        self.targets: dict[str, Span] = {}
        self.ending_ids: set[str] = set()
        self.trait_ids: set[str] = set()
        self.act_ids: set[str] = set()
        self.failed_sources: list[str] = []
        """Expressions and texts refused for a mistake: the names in them are read once it is mended, so none of them
        is called unused on top of that mistake."""

    def mapping_section(self, manifest: YamlMap, key: str, of: str) -> tuple[YamlMap | None, set[str]]:
        """The manifest's section `key` when it is a mapping. Otherwise None, its one error said, and the names it still
        shows (`- trust: {...}` or `- trust`), so that what uses them is not reported as unknown on top of that error."""
        node = manifest.items.get(key)
        if node is None or isinstance(node, YamlMap):
            return node, set()
        self.error(manifest.at(key), "wrong-type", f"`{key}` must be a mapping of {of}, not {describe_value(node)}")
        if not isinstance(node, YamlList):
            return None, set()
        shown = [name for item in node.items for name in (item.items if isinstance(item, YamlMap) else [item])]
        return None, {name for name in shown if isinstance(name, str)}

    def declare_variables(self, manifest: YamlMap) -> dict[str, Variable]:
        result: dict[str, Variable] = {}
        node, listed = self.mapping_section(manifest, "variables", "names")
        self.broken_names.update(listed)
        if node is None:
            return result
        for name, value in node.items.items():
            span = node.key_spans[name]
            if not ID.match(name):
                self.error(span, "bad-id", f"`{name}` is not a valid variable name: {id_rule(name)}")
                self.broken_names.add(name)  # its uses are not then errors too
                continue
            if name in BUILTIN_NAMES:
                self.error(span, "name-clash", f"`{name}` is a built-in name")
                continue
            fields = self.fields(value, "variable", node.at(name), f"variable `{name}`")
            variable = None
            if fields is not None and "type" in fields and "default" in fields:
                variable = self.make_variable(name, fields, value, span)
            if variable is None:
                self.broken_names.add(name)
                continue
            result[name] = variable
            self.names.kinds[name] = KIND_OF_TYPE[variable.type]
            self.names.assignable.add(name)
        return result

    def make_variable(self, name: str, fields: dict[str, Any], node: YamlMap, span: Span) -> Variable | None:
        vartype = fields["type"]
        if vartype not in VARIABLE_TYPES:
            self.error(
                node.at("type"),
                "bad-type",
                f"unknown type `{vartype}`{did_you_mean(vartype, VARIABLE_TYPES)}; use {one_of(VARIABLE_TYPES)}",
            )
            return None
        bounds: dict[str, float | None] = {"min": None, "max": None}
        for bound in ("min", "max"):
            if bound not in fields:
                continue
            value = fields[bound]
            if vartype not in NUMERIC_TYPES:
                self.error(node.at(bound), "bad-range", f"`{bound}` is only for int and number variables")
            elif not within_magnitude(value):
                self.error(node.at(bound), "bad-range", f"`{bound}` is {TOO_LARGE}")
            else:
                bounds[bound] = value
        low, high = bounds["min"], bounds["max"]
        if low is not None and high is not None and low > high:
            self.error(node.at("max"), "bad-range", f"`max` ({high}) is below `min` ({low})")
            low = high = None  # no range, then: the default and the conditions are not held to one that cannot be
        values = self.strings(fields["values"], node.at("values"), "`values`") if "values" in fields else ()
        if values and vartype != "str":
            self.error(node.at("values"), "bad-range", "`values` is only for str variables")
        default = fields["default"]
        description = fields.get("description", "")
        if not _fits(vartype, default):
            self.error(
                node.at("default"),
                "bad-default",
                f"the default of `{name}` must be {TYPE_WORDS[vartype]}, not {describe_value(default)}",
            )
            # still declared, with its type: the story fails on this one error, not on every use of the name
            return Variable(name, vartype, ZERO[vartype], low, high, values, description, span)
        numeric = isinstance(default, (int, float)) and not isinstance(default, bool)
        if numeric and not within_magnitude(default):
            self.error(node.at("default"), "bad-default", f"the default of `{name}` is {TOO_LARGE}")
            return Variable(name, vartype, ZERO[vartype], low, high, values, description, span)
        if numeric and ((low is not None and default < low) or (high is not None and default > high)):
            self.error(
                node.at("default"), "bad-default", f"the default of `{name}` ({default}) is outside its range {low}..{high}"
            )
        if values and default not in values:
            self.error(
                node.at("default"),
                "bad-default",
                f"the default of `{name}` is not one of its values{did_you_mean(str(default), values)}",
            )
        if vartype == "number" and isinstance(default, int):
            default = float(default)
        return Variable(name, vartype, default, low, high, values, description, span)

    def declare_characters(self, manifest: YamlMap) -> dict[str, Character]:
        result: dict[str, Character] = {}
        node, self.broken_characters = self.mapping_section(manifest, "characters", "ids")
        if node is None:
            return result
        for character_id, value in node.items.items():
            if not ID.match(character_id):
                rule = id_rule(character_id)
                self.error(node.key_spans[character_id], "bad-id", f"`{character_id}` is not a valid character id: {rule}")
                self.broken_characters.add(character_id)
                continue
            fields = self.fields(value, "character", node.at(character_id), f"character `{character_id}`")
            if fields is None or "name" not in fields:
                continue
            names = self.strings(fields["names"], value.at("names"), "`names`") if "names" in fields else ()
            pronoun = fields.get("pronoun", DEFAULT_PRONOUN)
            if pronoun not in PRONOUNS:
                self.error(value.at("pronoun"), "bad-pronoun", f"`pronoun` is {one_of(PRONOUNS)}, not `{pronoun}`")
                pronoun = DEFAULT_PRONOUN
            default_names = (fields["name"].split()[0].lower(),) if fields["name"].split() else ()
            lowered = tuple(name.lower() for name in names)
            result[character_id] = Character(
                character_id, fields["name"], lowered or default_names, pronoun, fields.get("description", "")
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
                self.error(node.at("id"), "duplicate-id", f"the act `{fields['id']}` is declared twice")
                continue
            self.act_ids.add(fields["id"])
            acts.append(Act(fields["id"], fields["title"]))
        return tuple(acts)

    def declare_traits(self, node: Any) -> None:
        if isinstance(node, YamlMap) and not isinstance(node.items.get("traits"), YamlList):
            self.traits_unreadable = True  # a lexicon with no list of traits (an error of its own): any name may be one
        if not isinstance(node, YamlMap) or not isinstance(node.items.get("traits"), YamlList):
            return
        for item in node.items["traits"].items:
            if isinstance(item, YamlMap) and isinstance(item.items.get("id"), str):
                trait_id = item.items["id"]
                if not ID.match(trait_id):
                    self.broken_names.add(trait_id)  # refused as a bad id when the trait is built; used, it is not unknown
                    continue
                if trait_id in self.trait_ids:
                    continue  # defined twice: building the lexicon says so, once
                if trait_id in self.names.kinds:
                    other = "a built-in name" if trait_id in BUILTIN_NAMES else f"the name of the variable `{trait_id}`"
                    self.error(item.at("id"), "name-clash", f"the trait `{trait_id}` has {other}; rename one of them")
                    self.broken_names.add(trait_id)  # its uses are not then called unknown traits too
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
            self.error(node.at("id"), "duplicate-id", f"the id `{target}` is used twice (first at {first})")
            return False
        self.targets[target] = node.at("id")
        return True

    def check_target(self, target: str, span: Span, scenes_only: bool = False) -> None:
        if not scenes_only and self.return_target(target, span):
            return
        if target not in self.targets:
            if not self.id_in_broken_file(target):
                hint = did_you_mean(target, self.targets)
                self.error(span, "unknown-target", f"no scene or ending has the id `{target}`{hint}")
        elif scenes_only and target in self.ending_ids:
            self.error(span, "unknown-target", f"`{target}` is an ending, not a scene")

    def declared_where_unreadable(self, name: str) -> bool:
        """A name whose declaration failed, or that a file which is not valid YAML seems to declare (a variable's key, a
        trait's id): using it is not a mistake of its own, so it is not reported as unknown."""
        escaped = re.escape(name)
        if name in self.broken_names or self.traits_unreadable:
            return True
        return self.in_broken_file(rf"(?m)\bid:\s*['\"]?{escaped}\b|^\s*{escaped}\s*:")

    def id_in_broken_file(self, target: str) -> bool:
        """Does a file that is not valid YAML seem to declare a scene, an ending or a trait with this id?"""
        return self.in_broken_file(rf"\bid:\s*['\"]?{re.escape(target)}\b")

    def in_broken_file(self, pattern: str) -> bool:
        """Does a file that is not valid YAML seem to hold this? Then its absence is not reported as a mistake of its own."""
        return bool(self.broken_texts) and any(re.search(pattern, text) for text in self.broken_texts)

    def unknown_name(self, name: str, where: str, candidates: Iterable[str], hint_first: bool = False) -> str:
        """The message for a name nothing declares, with the rule for names when it breaks it (`marée`); the hint
        stays where each message has always had it (a condition's before its source, an effect's after)."""
        hint = did_you_mean(name, candidates) + ("" if ID.match(name) else f" (a name is {id_rule(name)})")
        return f"unknown name `{name}`{hint} in {where}" if hint_first else f"unknown name `{name}` in {where}{hint}"

    def report_unused(self) -> None:
        for name, variable in self.variables.items():
            word = rf"\b{re.escape(name)}\b"
            if name in self.names.read or self.in_broken_file(word) or any(re.search(word, s) for s in self.failed_sources):
                continue
            how = "is written but never read" if name in self.names.written else "is never used"
            self.warning(variable.span or Span(MANIFEST, 1, 1), "unused-variable", f"the variable `{name}` {how}")


def _fits(vartype: VarType, value: Any) -> bool:
    if vartype == "bool":
        return isinstance(value, bool)
    if vartype == "str":
        return isinstance(value, str)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return vartype == "number" or isinstance(value, int)
