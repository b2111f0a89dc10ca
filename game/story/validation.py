"""The loader's first layer: the shape of each mapping and list, checked against `schema.SCHEMAS` alone.

Nothing here knows what a key means: only which keys a mapping may hold, which it must, and what kind of value each
takes. What is wrong is reported and left out, so the layers above see only values of the right shape and every
mistake of a file is reported in one run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from game.story.diagnostics import Diagnostics, closest, did_you_mean
from game.story.model import Span
from game.story.schema import Key, keys_of
from game.story.yaml_reader import YamlList, YamlMap, describe_value

ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
"""An id or a name: an ASCII letter, then ASCII letters, digits or `_` (the same in every keyboard layout and
normalisation, so that `marée` typed twice is one name)."""
ID_RULE = "an ASCII letter (a-z, A-Z), then ASCII letters, digits (0-9) or `_`"


def id_rule(value: str) -> str:
    """What an id may hold, and the first character of `value` that is not ASCII when there is one: `é` looks like a
    letter to an author, so the rule alone would not say what is wrong."""
    foreign = next((char for char in value if not char.isascii()), None)
    return ID_RULE + (f"; `{foreign}` is not ASCII" if foreign is not None else "")


_SCALAR_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "id": (str,),
    "condition": (str,),
    "target": (str,),
    "pronoun": (str,),
    "vartype": (str,),
    "integer": (int,),
    "seed": (int,),
    "number": (int, float),
    "finish": (str,),
    "category_name": (str,),
    "format": (int,),
    "boolean": (bool,),
}
_SCALAR_WORDS = {
    "integer": "a whole number",
    "seed": "a whole number",
    "format": "a whole number",
    "boolean": "true or false",
    "number": "a number",
}


class SchemaValidator:
    """Reads YAML nodes into plain values by the schema table, reporting to `diagnostics`."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        self.diagnostics = diagnostics

    def error(self, span: Span, code: str, message: str) -> None:
        self.diagnostics.error(span, code, message)

    def warning(self, span: Span, code: str, message: str) -> None:
        self.diagnostics.warning(span, code, message)

    def fields(self, node: Any, schema: str, span: Span, what: str) -> dict[str, Any] | None:
        """The valid keys of a mapping; unknown, missing and mistyped keys are reported and left out."""
        if not isinstance(node, YamlMap):
            self.error(span, "wrong-type", f"{what} must be a mapping, not {describe_value(node)}")
            return None
        keys = keys_of(schema)
        result: dict[str, Any] = {}
        for name, value in node.items.items():
            key = keys.get(name)
            if key is None:
                self.error(node.key_spans[name], "unknown-key", f"unknown key `{name}` in {what}{did_you_mean(name, keys)}")
                continue
            if value is None and key.kind in ("list", "mapping") and not key.required:
                continue  # `endings:` with its entries still to come, or commented out: nothing, not a mistake
            if self.scalar_fits(key, value, node.at(name), what):
                result[name] = value
        for key in keys.values():
            if key.required and not self.present(node, key.name, schema):
                self.error(node.span, "missing-key", f"{what} has no `{key.name}` ({key.doc})")
        return result

    @staticmethod
    def present(node: YamlMap, name: str, schema: str) -> bool:
        """Is the key there, or there misspelt (`lable:` for `label:`)? A misspelt key is one mistake, said once as
        an unknown key with its did-you-mean, not also as the key that is missing."""
        if name in node.items:
            return True
        keys = keys_of(schema)
        return any(other not in keys and closest(other, keys) == name for other in node.items if isinstance(other, str))

    def scalar_fits(self, key: Key, value: Any, span: Span, what: str) -> bool:
        """Is `value` of the Python type the key's kind takes (and an id shaped like one)? Other kinds pass here and
        are checked by the layer that reads them."""
        kinds = _SCALAR_TYPES.get(key.kind)
        if kinds is None:
            return True
        if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
            need = _SCALAR_WORDS.get(key.kind, "a string")
            hint = " (quote it)" if need == "a string" and isinstance(value, (int, float, bool)) else ""
            self.error(span, "wrong-type", f"`{key.name}` in {what} must be {need}, not {describe_value(value)}{hint}")
            return False
        if key.kind == "id" and not ID.match(str(value)):
            self.error(span, "bad-id", f"`{value}` is not a valid id: {id_rule(str(value))}")
            return False
        return True

    def items(self, node: Any, span: Span, what: str) -> Iterable[tuple[Any, Span]]:
        if not isinstance(node, YamlList):
            self.error(span, "wrong-type", f"{what} must be a list, not {describe_value(node)}")
            return []
        return zip(node.items, node.item_spans, strict=True)

    def strings(self, node: Any, span: Span, what: str) -> tuple[str, ...]:
        result = []
        for item, item_span in self.items(node, span, what):
            if isinstance(item, str) and item.strip():
                result.append(item)
            else:
                self.error(
                    item_span, "wrong-type", f"each entry of {what} must be a non-empty string, not {describe_value(item)}"
                )
        return tuple(result)

    def entries(self, node: YamlMap, key: str) -> list[tuple[YamlMap, Span]]:
        """The mappings listed under `key` (scenes, endings, acts...); an entry that is not a mapping is reported."""
        result = []
        for item, span in self.items(node.items.get(key), node.at(key), f"`{key}`"):
            if isinstance(item, YamlMap):
                result.append((item, span))
            else:
                self.error(span, "wrong-type", f"each entry of `{key}` must be a mapping, not {describe_value(item)}")
        return result

    def word_lists(self, node: Any, span: Span, what: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """A mapping of a word to a list of words (synonyms, roles), lower-cased."""
        if not isinstance(node, YamlMap):
            self.error(span, "wrong-type", f"{what} must map a word to a list of words, not {describe_value(node)}")
            return ()
        return tuple(
            (str(word).lower(), tuple(a.lower() for a in self.strings(items, node.at(word), f"the words of `{word}`")))
            for word, items in node.items.items()
        )
