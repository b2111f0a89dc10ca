"""YAML's syntax errors in an author's words, with the fix.

PyYAML names what its parser expected ("mapping values are not allowed here", "did not find expected key"); an author
needs to know what to change. The same few mistakes make nearly all of them: a text holding `: `, a text starting
with a quote, a brace or a symbol YAML gives a meaning to, and a line indented out of step with its neighbours. The
parser's own words are kept at the end, in parentheses, for a search engine.
"""

from __future__ import annotations

QUOTE_FIX = "put the whole text in quotes (and double any quote of the same kind inside it), or write it as a block after `|`"


def plain_words(problem: str, context: str, lines: list[str], line: int, column: int) -> str:
    """The message for a syntax error at 0-based `line` and `column` of a file split into `lines`."""
    here = lines[line] if 0 <= line < len(lines) else ""
    value = _value(here)
    said = f" (YAML: {problem})"
    at_start = column <= len(here) - len(here.lstrip())
    if problem.startswith("mapping values are not allowed"):
        if here.find(":") == column and line > 0 and _indent(here) > _indent(lines[line - 1]):
            return "this key is indented more than the key above it: keys of one mapping start in the same column" + said
        return "a text containing `: ` must be quoted, or written as a block with `|`" + said
    if problem.startswith("did not find expected key") or problem.startswith("did not find expected '-' indicator"):
        if not at_start and value[:1] in "\"'" and _closes_early(value):
            return f"a text that starts with a quote must end with it: {QUOTE_FIX}" + said
        if not at_start and value[:1] in "{[":
            kind = _collection(value)
            return f"a text that starts with `{value[0]}` must be quoted; YAML reads `{value[0]}...` as a {kind}" + said
        if here.strip().startswith("- "):
            return "this line is out of step with the list above it: the `- ` of each item starts in the same column" + said
        return "this line is indented differently from the keys above it: keys of one mapping start in the same column" + said
    if problem.startswith("could not find expected ':'"):
        return (
            "a line that is neither `key: value` nor a list item: is a `:` missing, or does a text run onto the next line? "
            "A text over several lines goes in quotes or in a block after `|`" + said
        )
    if problem.startswith("found character that cannot start any token"):
        char = here[column : column + 1] or "this character"
        return f"a text cannot start with `{char}` in YAML: put it in quotes" + said
    if problem.startswith("found undefined alias") or problem.startswith("found unexpected ':'"):
        return f"a text cannot start with `{value[:1] or '*'}` in YAML: put it in quotes" + said
    if problem.startswith("found unknown escape character"):
        return "a backslash inside double quotes starts an escape: write `\\\\` for a backslash, or use single quotes" + said
    if problem.startswith("found unexpected end of stream") and "quoted" in context:
        return "a quote is not closed before the end of the file" + said
    if problem.startswith("did not find expected ',' or ']'"):
        return "a list in `[...]` is not closed with `]`, or an item in it holds `:` or `,` and must be quoted" + said
    if problem.startswith("did not find expected ',' or '}'"):
        return "`{...}` is a YAML mapping here: a text that starts with `{` must be quoted" + said
    if problem.startswith("did not find expected comment or line break"):
        return "after `|` or `>` the text starts on the next line, indented under its key" + said
    return f"YAML syntax: {problem}"


def _value(line: str) -> str:
    """What follows `key: ` or `- ` on a line."""
    stripped = line.strip()
    while stripped.startswith("- "):
        stripped = stripped[2:].lstrip()
    key, colon, rest = stripped.partition(": ")
    return rest.strip() if colon and " " not in key.strip() else stripped


def _closes_early(value: str) -> bool:
    """A quoted text with more after its closing quote (`"it" is`), or an unescaped quote inside (`'it's'`)."""
    quote = value[0]
    body = value[1:].replace(quote * 2, "") if quote == "'" else value[1:].replace('\\"', "")
    end = body.find(quote)
    return end >= 0 and body[end + 1 :].strip() != ""


def _collection(value: str) -> str:
    return "mapping" if value[0] == "{" else "list"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
