"""`ruby-sparks schema`: the JSON Schema of story files, generated from the table the loader validates against."""

from __future__ import annotations

from typing import Any

from game.story.schema import SCHEMAS, Key

ID_PATTERN = "^[A-Za-z][A-Za-z0-9_]*$"
STRINGS = {"type": "array", "items": {"type": "string"}}
SIMPLE: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "id": {"type": "string", "pattern": ID_PATTERN},
    "target": {"type": "string", "pattern": ID_PATTERN},
    "integer": {"type": "integer"},
    "boolean": {"type": "boolean"},
    "scalar": {"type": ["string", "number", "boolean"]},
    "condition": {"type": "string"},
    "effects": {"oneOf": [{"type": "string"}, STRINGS]},
    "wrote": {"oneOf": [{"type": "string"}, STRINGS]},
    "strings": STRINGS,
    "pronoun": {"enum": ["she", "he", "they"]},
    "vartype": {"enum": ["int", "number", "bool", "str"]},
    "synonyms": {"type": "object", "additionalProperties": STRINGS},
    "text": {
        "oneOf": [{"type": "string"}, {"type": "array", "items": {"oneOf": [{"type": "string"}, {"$ref": "#/$defs/text_block"}]}}]
    },
}


def _key_schema(key: Key) -> dict[str, Any]:
    if key.kind == "list":
        schema: dict[str, Any] = {"type": "array", "items": {"$ref": f"#/$defs/{key.item}"}}
    elif key.kind == "mapping":
        schema = {
            "type": "object",
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
    return schema


def story_schema() -> dict[str, Any]:
    """One schema for every file of a story folder: `story.yaml` is a manifest, any other file a story file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://ruby-sparks.invalid/schema/story-format-1.json",
        "title": "Ruby Sparks story file (format 1)",
        "description": "story.yaml (the manifest) or any other file of a story folder (scenes, endings, lexicon)",
        "anyOf": [{"$ref": "#/$defs/manifest"}, {"$ref": "#/$defs/story_file"}],
        "$defs": {name: _object(name) for name in SCHEMAS},
    }
