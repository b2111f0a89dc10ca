"""`ruby-sparks schema`: the JSON Schema of story files, generated from the table the loader validates against.

A story folder holds two kinds of file: the manifest (`story.yaml`) and story files. Each has its own schema
(`--manifest`, `--story-file`), for editors that map schemas to file names; the default schema holds both and picks one
by the keys only a manifest has. It never says "one of these", which would leave an editor unable to tell which
rule a mistake broke and so to report a misspelt key anywhere but at the top of the file.
"""

from __future__ import annotations

from typing import Any

from game.story.expressions import MAX_MAGNITUDE
from game.story.schema import SCHEMAS, Key
from game.story.validation import ID
from game.story.vocabulary import CATEGORY_NAME, FINISHES, FORMATS, MAX_SEED, NUMERIC_TYPES, PRONOUNS, VARIABLE_TYPES, VarType

ID_PATTERN = ID.pattern
NUMBER = {"type": "number", "minimum": -MAX_MAGNITUDE, "maximum": MAX_MAGNITUDE}
"""A number as the loader takes one: within the magnitude every number of a story keeps to."""
JSON_TYPES: dict[VarType, dict[str, Any]] = {
    "int": {**NUMBER, "type": "integer"},
    "number": NUMBER,
    "bool": {"type": "boolean"},
    "str": {"type": "string"},
}
"""The default each type of variable takes."""
STRINGS = {"type": "array", "items": {"type": "string"}}
DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://ruby-sparks.invalid/schema/"
SIMPLE: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "id": {"type": "string", "pattern": ID_PATTERN},
    "target": {"type": "string", "pattern": ID_PATTERN},
    "integer": {"type": "integer"},
    "number": NUMBER,
    "seed": {"type": "integer", "minimum": 0, "maximum": MAX_SEED},
    "finish": {"enum": list(FINISHES)},
    "category_name": {"type": "string", "pattern": CATEGORY_NAME},
    "format": {"enum": list(FORMATS)},
    "boolean": {"type": "boolean"},
    "scalar": {"type": ["string", "number", "boolean"]},
    "condition": {"type": "string"},
    "effects": {"oneOf": [{"type": "string"}, STRINGS]},
    "wrote": {"oneOf": [{"type": "string"}, STRINGS]},
    "strings": STRINGS,
    "pronoun": {"enum": list(PRONOUNS)},
    "vartype": {"enum": list(VARIABLE_TYPES)},
    "synonyms": {"type": "object", "additionalProperties": STRINGS},
    "text": {
        "oneOf": [{"type": "string"}, {"type": "array", "items": {"oneOf": [{"type": "string"}, {"$ref": "#/$defs/text_block"}]}}]
    },
}


def _key_schema(key: Key) -> dict[str, Any]:
    if key.kind == "list":
        schema: dict[str, Any] = {"type": ["array", "null"], "items": {"$ref": f"#/$defs/{key.item}"}}
    elif key.kind == "mapping":
        schema = {
            "type": ["object", "null"],
            "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": {"$ref": f"#/$defs/{key.item}"},
        }
    elif key.kind == "object":
        schema = {"$ref": f"#/$defs/{key.item}"}
    else:
        schema = dict(SIMPLE[key.kind])
    return {**schema, "description": key.doc}


def _object(name: str) -> dict[str, Any]:
    keys = SCHEMAS[name]
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {key.name: _key_schema(key) for key in keys},
        "additionalProperties": False,
    }
    required = [key.name for key in keys if key.required]
    if required:
        schema["required"] = required
    if name == "variable":
        schema["allOf"] = [_variable_type(vartype) for vartype in VARIABLE_TYPES]
    return schema


def _variable_type(vartype: VarType) -> dict[str, Any]:
    """What a variable of one type may hold, as the loader says it (`bad-default`, `bad-range`): a default of its type,
    `min` and `max` only for numbers, `values` only for texts."""
    then: dict[str, Any] = {"properties": {"default": JSON_TYPES[vartype]}}
    forbidden = [
        key for key, allowed in (("min", NUMERIC_TYPES), ("max", NUMERIC_TYPES), ("values", ("str",))) if vartype not in allowed
    ]
    if forbidden:
        then["not"] = {"anyOf": [{"required": [key]} for key in forbidden]}
    return {"if": {"properties": {"type": {"const": vartype}}, "required": ["type"]}, "then": then}


def _document(name: str, title: str, description: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "$id": f"{BASE}{name}.json",
        "title": title,
        "description": description,
        **body,
        "$defs": {definition: _object(definition) for definition in SCHEMAS},
    }


def manifest_schema() -> dict[str, Any]:
    return _document(
        "story-manifest",
        "Ruby Sparks story manifest (story.yaml)",
        "the manifest of a story folder: id, title, start, variables, characters, acts, endings, status lines",
        {"$ref": "#/$defs/manifest"},
    )


def story_file_schema() -> dict[str, Any]:
    return _document(
        "story-file",
        "Ruby Sparks story file",
        "any file of a story folder but story.yaml: scenes, endings, the lexicon",
        {"$ref": "#/$defs/story_file"},
    )


def story_schema() -> dict[str, Any]:
    """Both kinds of file in one schema: a file with a key only a manifest has is a manifest, any other a story file."""
    only_manifest = sorted({key.name for key in SCHEMAS["manifest"]} - {key.name for key in SCHEMAS["story_file"]})
    return _document(
        "story",
        "Ruby Sparks story file (format 1 or 2)",
        "story.yaml (the manifest) or any other file of a story folder (scenes, endings, lexicon)",
        {
            "if": {"anyOf": [{"required": [name]} for name in only_manifest]},
            "then": {"$ref": "#/$defs/manifest"},
            "else": {"$ref": "#/$defs/story_file"},
        },
    )
