"""The keys of every mapping in a story file, in one table.

The loader validates against this table, and `ruby-sparks schema` turns the same table into JSON Schema, so the two can
never disagree about which keys exist, which are required and what they hold.
"""

from __future__ import annotations

from typing import Literal

from ducktools.classbuilder.prefab import prefab

KeyKind = Literal[
    "string",
    "id",
    "integer",
    "boolean",
    "scalar",
    "text",
    "condition",
    "effects",
    "target",
    "wrote",
    "strings",
    "list",
    "mapping",
    "object",
    "pronoun",
    "vartype",
    "synonyms",
]


@prefab(frozen=True)
class Key:
    name: str
    kind: KeyKind
    doc: str
    required: bool = False
    item: str = ""  # for `list`, `mapping` and `object`: the name of the schema of the items


SCHEMAS: dict[str, tuple[Key, ...]] = {
    "manifest": (
        Key("format", "integer", "the format version: 1", required=True),
        Key("id", "string", "a short id for saves and replays: lowercase letters, digits, - and _", required=True),
        Key("title", "string", "shown on the title screen", required=True),
        Key("version", "string", "the story's own version", required=True),
        Key("start", "target", "the scene where a new game begins", required=True),
        Key("author", "string", "shown in the credits"),
        Key("content_note", "string", "shown before a new game"),
        Key("variables", "mapping", "the state the story reads and writes", item="variable"),
        Key("characters", "mapping", "who is in the story", item="character"),
        Key("acts", "list", "the acts, in order", item="act"),
        Key("endings", "list", "endings", item="ending"),
        Key("seems", "list", "status lines: how the subject seems", item="seems"),
    ),
    "story_file": (
        Key("scenes", "list", "scenes", item="scene"),
        Key("endings", "list", "endings", item="ending"),
        Key("lexicon", "object", "the page lexicon (one per story)", item="lexicon"),
    ),
    "variable": (
        Key("type", "vartype", "int, number, bool or str", required=True),
        Key("default", "scalar", "the value at the start of a game", required=True),
        Key("min", "scalar", "the smallest value (numbers)"),
        Key("max", "scalar", "the largest value (numbers)"),
        Key("values", "strings", "the only values a str may take"),
        Key("description", "string", "for authors and the debug view"),
    ),
    "character": (
        Key("name", "string", "the display name", required=True),
        Key("names", "strings", "the words a page may use for this character"),
        Key("pronoun", "pronoun", "she, he or they"),
        Key("description", "string", "a line for the credits"),
    ),
    "act": (
        Key("id", "id", "the act's id", required=True),
        Key("title", "string", "the act's title", required=True),
    ),
    "seems": (
        Key("text", "string", "the line shown", required=True),
        Key("if", "condition", "shown only when this holds"),
    ),
    "ending": (
        Key("id", "id", "unique among scenes and endings", required=True),
        Key("title", "string", "the ending's title", required=True),
        Key("text", "text", "the closing text", required=True),
    ),
    "scene": (
        Key("id", "id", "unique among scenes and endings", required=True),
        Key("title", "string", "shown above the scene"),
        Key("beat", "id", "the outline beat this scene plays"),
        Key("act", "id", "the act this scene starts or belongs to"),
        Key("text", "text", "what the player reads on entering"),
        Key("do", "effects", "effects applied on entering"),
        Key("choices", "list", "the choices", item="choice"),
        Key("typewriter", "object", "a page to write", item="typewriter"),
    ),
    "text_block": (
        Key("text", "string", "the paragraph"),
        Key("one_of", "strings", "variants, one chosen by the seeded random numbers"),
        Key("if", "condition", "shown only when this holds"),
    ),
    "choice": (
        Key("label", "string", "what the player picks", required=True),
        Key("to", "target", "a scene or ending id", required=True),
        Key("if", "condition", "offered only when this holds"),
        Key("do", "effects", "effects applied when chosen"),
        Key("text", "text", "shown after it is chosen"),
    ),
    "typewriter": (
        Key("prompt", "text", "shown above the page", required=True),
        Key("outcomes", "list", "tried in order; the last is the fallback", required=True, item="outcome"),
    ),
    "outcome": (
        Key("to", "target", "a scene or ending id", required=True),
        Key("wrote", "wrote", "traits the page asserted (or `not TRAIT`: negated)"),
        Key("about_ruby", "boolean", "whether any sentence was about the subject"),
        Key("if", "condition", "a condition on the state after the page"),
        Key("text", "text", "text shown"),
        Key("do", "effects", "effects applied"),
    ),
    "lexicon": (
        Key("subject", "id", "the character whose pages take", required=True),
        Key("on_page", "effects", "effects applied once for each page about the subject"),
        Key("traits", "list", "the traits", required=True, item="trait"),
    ),
    "trait": (
        Key("id", "id", "the trait's id and its name in expressions", required=True),
        Key("description", "string", "what it means"),
        Key("phrases", "strings", "the ways of saying it", required=True),
        Key("synonyms", "synonyms", "other words for words of the phrases"),
        Key("effects", "effects", "applied when a sentence asserts it"),
        Key("negated", "effects", "applied when a sentence negates it"),
    ),
}


def keys_of(schema: str) -> dict[str, Key]:
    return {key.name: key for key in SCHEMAS[schema]}
