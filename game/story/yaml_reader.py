"""The only place that sees YAML: files become plain values that remember where each came from.

PyYAML's composer gives nodes with marks; we turn them into `YamlMap`/`YamlList` that carry the span of every key and
value, so every later check can point at a line. The reader also closes YAML's traps for a format that strangers write:
YAML 1.1 booleans (`no` is a country code, not False), timestamps, duplicate keys, alias bombs, and absurd nesting.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml
import yaml.reader

from game.printable import control_character, one_line, shown_safely
from game.records import attribute, prefab
from game.story.limits import MAX_FILE_BYTES
from game.story.model import Span
from game.story.yaml_messages import plain_words

MAX_NODES = 200_000
MAX_DEPTH = 100

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StoryYamlLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """SafeLoader where only `true`/`false` are booleans and dates stay strings."""


StoryYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    StoryYamlLoader.yaml_implicit_resolvers.setdefault(_first, []).insert(
        0, ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"))
    )


class YamlProblem(Exception):
    def __init__(self, span: Span, code: str, message: str) -> None:
        super().__init__(message)
        self.span = span
        self.code = code
        self.message = message


@prefab
class YamlMap:
    span: Span
    items: dict[str, Any] = attribute(default_factory=dict)
    key_spans: dict[str, Span] = attribute(default_factory=dict)
    value_spans: dict[str, Span] = attribute(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.items.get(key, default)

    def at(self, key: str) -> Span:
        """Where the value of `key` is, or the mapping itself when the key is absent."""
        return self.value_spans.get(key, self.span)


@prefab
class YamlList:
    span: Span
    items: list[Any] = attribute(default_factory=list)
    item_spans: list[Span] = attribute(default_factory=list)


Yaml = YamlMap | YamlList | str | int | float | bool | None

_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null": lambda text: None,
    "tag:yaml.org,2002:bool": lambda text: text.lower() == "true",
    "tag:yaml.org,2002:str": lambda text: text,
}


class _Converter:
    def __init__(self, file: str, constructor: yaml.SafeLoader) -> None:
        self.file = file
        self.constructor = constructor
        self.nodes = 0
        self.problems: list[YamlProblem] = []

    def span(self, node: yaml.Node) -> Span:
        """The node's first character; for a quoted scalar, the first character inside the quotes."""
        mark = node.start_mark
        quoted = isinstance(node, yaml.ScalarNode) and node.style in ("'", '"')
        return Span(self.file, mark.line + 1, mark.column + 1 + int(quoted))

    def convert(self, node: yaml.Node, depth: int = 0) -> Yaml:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlProblem(
                self.span(node), "too-large", f"the document expands to more than {MAX_NODES} values (an alias bomb?)"
            )
        if depth > MAX_DEPTH:
            raise YamlProblem(self.span(node), "too-deep", f"values are nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _COLLECTION_TAGS:
            raise YamlProblem(self.span(node), "yaml-syntax", f"the tag `{node.tag}` is not allowed in story files")
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            result = YamlList(self.span(node))
            for item in node.value:
                result.items.append(self.convert(item, depth + 1))
                result.item_spans.append(self.span(item))
            return result
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, depth: int) -> YamlMap:
        result = YamlMap(self.span(node))
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(self.span(key_node), "yaml-syntax", "merge keys (`<<`) are not supported in story files")
            key = self.convert(key_node, depth + 1)
            key_span = self.span(key_node)
            if not isinstance(key, str):
                raise YamlProblem(key_span, "wrong-type", f"a key must be a string, not {describe_value(key)}")
            if key in result.items:
                first = result.key_spans[key]
                self.problems.append(
                    YamlProblem(key_span, "duplicate-key", f"duplicate key `{key}` (first at line {first.line})")
                )
                continue
            result.items[key] = self.convert(value_node, depth + 1)
            result.key_spans[key] = key_span
            result.value_spans[key] = self.span(value_node)
        return result

    def scalar(self, node: yaml.Node) -> Yaml:
        tag = node.tag
        if tag == "tag:yaml.org,2002:str":
            found = control_character(node.value)
            if found is not None:
                # a story is shown in a terminal: "\e]52;..." in its text would write the player's clipboard
                self.problems.append(
                    YamlProblem(
                        self.span(node),
                        "control-character",
                        f"text holds the control character {one_line(found)} (U+{ord(found):04X}); "
                        "a story's text may hold line breaks and tabs, but no other control character",
                    )
                )
                return shown_safely(node.value)
        if tag in _SCALAR_TAGS:
            return _SCALAR_TAGS[tag](node.value)  # type: ignore[no-any-return,no-untyped-call]
        if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            try:
                value = self.constructor.construct_object(node)
            except (ValueError, OverflowError):  # Python refuses to read integers past 4,300 digits
                raise YamlProblem(self.span(node), "wrong-type", "a number too long to be read") from None
            if isinstance(value, float) and value != value:
                return node.value  # type: ignore[no-any-return]
            return value  # type: ignore[no-any-return]
        raise YamlProblem(self.span(node), "yaml-syntax", f"the tag `{tag}` is not allowed in story files")


def utf16_text(data: bytes) -> str | None:
    """The file's text when it is UTF-16, as a Windows editor's "Unicode" saves it: a byte-order mark, and then text
    that is mostly ASCII, as YAML's keys are (bytes that only begin like a mark are something else)."""
    if data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        return None
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        return None
    return text if sum(map(str.isascii, text)) >= 0.9 * len(text) else None


def read_yaml(data: bytes, file: str) -> tuple[Yaml, list[YamlProblem]]:
    """Parse one file's bytes into a value and the problems that did not stop the reading (duplicate keys).

    A problem that does stop it is raised as a `YamlProblem` with a span, never another exception.
    """
    start = Span(file, 1, 1)
    if len(data) > MAX_FILE_BYTES:
        raise YamlProblem(start, "file-too-large", f"the file is over {MAX_FILE_BYTES:,} bytes, the most a story file may hold")
    if utf16_text(data) is not None:
        raise YamlProblem(start, "not-text", "the file is UTF-16 text; story files are UTF-8 (save it again as UTF-8)")
    if b"\x00" in data:
        raise YamlProblem(
            _offset_span(data, data.index(b"\x00"), file), "not-text", "the file is binary, not YAML text (it holds a NUL byte)"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise YamlProblem(_offset_span(data, error.start, file), "not-text", "the file is not UTF-8 text") from None
    if "\x85" in text:
        # YAML takes U+0085 (NEL) for a line break, where every other raw control character is refused: refused too
        raise _control_at(text, text.index("\x85"), file, 0x85)
    loader = StoryYamlLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        unclosed = _unclosed_quote(text.splitlines(), mark.line) if mark else None
        if unclosed is not None and mark is not None:
            line, column, quote = unclosed
            raise YamlProblem(
                Span(file, line + 1, column + 1),
                "yaml-syntax",
                f"the {quote} that opens this value is never closed on its line, so the value runs on to line "
                f"{mark.line + 1}; close it with {quote}",
            ) from None
        span = Span(file, mark.line + 1, mark.column + 1) if mark else start
        raise YamlProblem(span, "yaml-syntax", _yaml_message(error, text, mark)) from None
    except yaml.reader.ReaderError as error:
        raise _unreadable_character(error, text, file) from None
    except yaml.YAMLError as error:
        raise YamlProblem(start, "yaml-syntax", str(error).splitlines()[0]) from None
    except RecursionError:
        raise YamlProblem(start, "too-deep", "values are nested too deeply to read") from None
    finally:
        loader.dispose()
    if node is None:
        return None, []
    converter = _Converter(file, loader)
    try:
        return converter.convert(node), converter.problems
    except RecursionError:
        raise YamlProblem(start, "too-deep", "values are nested too deeply to read") from None


def _unreadable_character(error: yaml.reader.ReaderError, text: str, file: str) -> YamlProblem:
    """YAML refuses a raw control character anywhere in the file before reading a word of it: said where it stands,
    as the same character escaped in a string is (`\\e` there is read, then refused as `control-character`)."""
    at = min(max(error.position, 0), len(text))
    code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
    if unicodedata.category(chr(code)) == "Cc":
        return _control_at(text, at, file, code)
    line = text.count("\n", 0, at) + 1
    span = Span(file, line, at - (text.rfind("\n", 0, at) + 1) + 1)
    return YamlProblem(span, "yaml-syntax", f"the file holds the character U+{code:04X}, which YAML does not allow")


def _control_at(text: str, at: int, file: str, code: int) -> YamlProblem:
    line = text.count("\n", 0, at) + 1
    return YamlProblem(
        Span(file, line, at - (text.rfind("\n", 0, at) + 1) + 1),
        "control-character",
        f"the file holds the control character U+{code:04X}; a story's text may hold line breaks and tabs, "
        "but no other control character",
    )


def _yaml_message(error: yaml.MarkedYAMLError, text: str, mark: Any) -> str:
    problem = error.problem or error.context or "invalid YAML"
    if (mark is not None and "\t" in problem) or (mark is not None and _char_at(text, mark) == "\t"):
        return "a tab character: YAML is indented with spaces, never tabs"
    if "expected a single document" in str(error):
        return "the file holds more than one YAML document (`---`); use one per file"
    if mark is None:
        return f"YAML syntax: {problem}"
    return plain_words(problem, error.context or "", text.splitlines(), mark.line, mark.column)


_QUOTED_VALUE = re.compile(r"""^(\s*(?:-\s+)*(?:[A-Za-z_][\w-]*\s*:\s+)?)(["'])""")


def _unclosed_quote(lines: list[str], problem: int) -> tuple[int, int, str] | None:
    """A quoted value left open on an earlier line (`do: "clay += 1`): YAML reads the next lines into it, up to the
    next such quote, and stumbles far below on what is left. The nearest such line above the problem, when a key
    follows it, is where the mistake is."""
    for number in range(min(problem, len(lines)) - 1, max(-1, problem - 40), -1):
        match = _QUOTED_VALUE.match(lines[number])
        if match is None:
            continue
        quote = match.group(2)
        rest = lines[number][match.end() :]
        closed = _quotes_in(rest, quote)
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if closed % 2 == 0 and _KEY_START.match(following):
            return number, match.start(2), quote
    return None


def _quotes_in(rest: str, quote: str) -> int:
    """The quotes that close (or open) a value in the rest of a line: not `\\"` inside a double-quoted one, nor `''`
    inside a single-quoted one."""
    if quote == '"':
        return rest.replace("\\\\", "").replace('\\"', "").count('"')
    return rest.replace("''", "").count("'")


_KEY_START = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*\s*:(?:\s|$)")


def _char_at(text: str, mark: Any) -> str:
    lines = text.splitlines()
    if 0 <= mark.line < len(lines) and 0 <= mark.column < len(lines[mark.line]):
        return str(lines[mark.line][mark.column])
    return ""


def _offset_span(data: bytes, offset: int, file: str) -> Span:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return Span(file, line, column)


def describe_value(value: Any) -> str:
    """A value as an author would name it in a message: never Python's own repr of the reader's classes."""
    if value is None:
        return "nothing"
    if isinstance(value, YamlMap):
        return "a mapping"
    if isinstance(value, YamlList):
        return "a list"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the string {short(value)!r}"


def short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
