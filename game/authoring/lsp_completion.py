"""Where the cursor is in a story file being typed, for completion: which mapping it is in, and what fits there.

A line being typed is rarely valid YAML, so this reads the text around the cursor, not the YAML tree: the keys of
the lines above that start further left are the mappings that hold it, and the table of keys (`schema.SCHEMAS`)
says which schema each one opens and what kind of value each key takes.
"""

from __future__ import annotations

import re

from game.story.schema import SCHEMAS, keys_of

TEMPLATED = frozenset({("choice", "label"), ("text_block", "text"), ("seems", "text")})
"""String keys whose value is a template with `{name}` holes (besides every key of kind `text`)."""


_KEY_LINE = re.compile(r"^(\s*)((?:-\s+)*)([A-Za-z_][A-Za-z0-9_]*)\s*:(?:\s+(.*))?$")
_ITEM = re.compile(r"^(\s*)((?:-\s+)*)")


def _content_column(line: str) -> int:
    match = _ITEM.match(line)
    return match.end() if match else 0


def _parent_keys(lines: list[str], line: int, column: int) -> list[str]:
    """The keys of the mappings that hold a line, outermost first: the nearest line above that starts further left
    with a key and nothing after it (`choices:`) is the parent, and so on up to the left margin."""
    keys: list[str] = []
    for number in range(line - 1, -1, -1):
        if column == 0:
            break
        text = lines[number]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        start = _content_column(text)
        if start < column:
            match = _KEY_LINE.match(text)
            if match and not (match.group(4) or "").strip():
                keys.append(match.group(3))
            column = start
    return list(reversed(keys))


def _schema_of(keys: list[str], manifest: bool) -> str | None:
    """The schema of the mapping at the end of a chain of keys (`scenes`, `choices` -> a choice)."""
    schema = "manifest" if manifest else "story_file"
    expect_name = False
    for name in keys:
        if expect_name:
            expect_name = False
            continue
        key = keys_of(schema).get(name) if schema in SCHEMAS else None
        if key is None:
            return None
        if key.kind in ("text",):
            schema = "text_block"
        elif key.kind in ("list", "object"):
            schema = key.item
        elif key.kind == "mapping":
            schema = key.item
            expect_name = True
        else:
            return None
    return None if expect_name else schema


def _value_context(schema: str | None, name: str, value: str) -> str | None:
    key = keys_of(schema).get(name) if schema in SCHEMAS else None
    kind = key.kind if key is not None else ""
    if kind == "target":
        return "target"
    if kind in ("condition", "effects"):
        return "expression"
    if kind == "wrote" or name == "implies":
        return "trait"
    if name == "act":
        return "act"
    if name in ("subject", "narrator", "object"):
        return "character"
    if (kind == "text" or (schema, name) in TEMPLATED or name == "one_of") and value.count("{") > value.count("}"):
        return "expression"
    return None


def completion_context(lines: list[str], line: int, character: int, manifest: bool) -> tuple[str, str] | None:
    """("key", schema) where a key may be typed, (context, "") where a value is, else None."""
    if not 0 <= line < len(lines):
        return None
    before = lines[line][:character]
    column = _content_column(before) if before.strip() else character
    parents = _parent_keys(lines, line, column)
    flow = _open_flow(before)
    if flow is not None:
        owner = re.search(r"([A-Za-z_][A-Za-z0-9_]*)\s*:\s*$", before[: flow - 1])
        schema = _schema_of([*parents, owner.group(1)] if owner else parents, manifest)
        return _in_mapping(schema, _last_item(before[flow:]))
    schema = _schema_of(parents, manifest)
    match = _KEY_LINE.match(before)
    if match is not None and match.group(4) is not None:
        return _in_mapping(schema, before[match.start(3) :])
    if re.fullmatch(r"\s*(?:-\s+)*[A-Za-z_]*", before):
        return ("key", schema) if schema is not None else None
    if re.fullmatch(r"\s*(?:-\s+)+.*", before) and parents:
        context = _value_context(_schema_of(parents[:-1], manifest), parents[-1], before[column:])
        return (context, "") if context else None
    return None


def _in_mapping(schema: str | None, item: str) -> tuple[str, str] | None:
    """At `item`, the text of one entry of a mapping up to the cursor: a key being typed, or a value after `key:`."""
    match = re.fullmatch(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)", item, re.DOTALL)
    if match is None:
        return ("key", schema) if schema is not None and re.fullmatch(r"\s*[A-Za-z_]*", item) else None
    context = _value_context(schema, match.group(1), match.group(2))
    return (context, "") if context else None


def _last_item(flow: str) -> str:
    """What follows the last comma outside quotes: the entry of a flow mapping the cursor is in."""
    quote = ""
    start = 0
    for position, char in enumerate(flow):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == ",":
            start = position + 1
    return flow[start:]


def _open_flow(before: str) -> int | None:
    """Where the innermost `{` of a flow mapping still open at the cursor begins its content. Braces inside quotes
    are text, not mappings; a quote still open is the value being typed."""
    depth: list[int] = []
    quote = ""
    text = False  # inside a plain scalar since the last value began: "- You have {" is a hole in it, not a mapping
    for position, char in enumerate(before):
        if quote:
            quote = "" if char == quote else quote
        elif text and not _starts_a_value(before, position) and not (depth and char == "}"):
            continue  # in a flow mapping a `}` ends the plain value before it
        elif char in "'\"":
            quote = char
        elif char == "{":
            depth.append(position + 1)
        elif char == "}" and depth:
            depth.pop()
        elif not char.isspace() and not _starts_a_value(before, position) and char not in "]":
            text = True
        else:
            text = False
    return depth[-1] if depth else None


def _starts_a_value(before: str, position: int) -> bool:
    """After this character a new value begins: a `key: `, an item `- `, a `,` or `[` in a flow collection."""
    char = before[position]
    return (
        char in ",["
        or (char == ":" and before[position + 1 : position + 2] in (" ", ""))
        or (char == "-" and not before[:position].strip())
    )
