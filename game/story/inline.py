"""Text with holes: `{name}`, and format 2's inline conditions and alternatives, parsed when a story is loaded.

    She {if trust > 2: smiles | does not look up}.       a condition, with an optional second branch
    {sequence: The phone rings. | It rings again. | Silence.}   one after another, then the last for ever
    {cycle: Monday | Tuesday | Wednesday}                 one after another, then round again
    {shuffle: Rain. | Sun. | Fog.}                        one at random (the game's seeded random numbers)
    {once: The first time, the kettle sings.}             one after another, then nothing

Branches nest (`{if a: {cycle: x | y} | z}`) and hold `{name}` holes. `{{` and `}}` are literal braces outside any
`{...}`; inside one, `|` separates branches and `}` closes it. Space at the edges of a branch is the author's layout
("She {if x: smiles | frowns}."), so it is not kept.

Text made only of holes keeps the form it always had (`Template.parts`), so the engine's usual path is unchanged; only
text that uses a condition or an alternative carries a tree (`Template.pieces`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import get_args

# The tree's types live in the model, which holds them in `Template`; still importable from here.
from game.story.model import Alternatives as Alternatives
from game.story.model import AltKind, Condition
from game.story.model import Conditional as Conditional
from game.story.model import Hole as Hole
from game.story.model import Piece as Piece

KINDS: tuple[AltKind, ...] = get_args(AltKind)
MAX_NESTING = 16

_WORD = r"[^\W\d_]\w*"
"""A hole's name: any word, as an expression reads one, so that `{marée}` is a name the checker can call unknown (or
keep quiet, its declaration refused already), not a brace it cannot read."""
_NAME = re.compile(r"[^\W\d]\w*")
_ID = re.compile(rf"^{_WORD}$")
_HOLES_ONLY = re.compile(rf"(?:[^{{}}]|\{{\{{|\}}\}}|\{{\s*{_WORD}\s*\}})*\Z")
_HOLE_PIECE = re.compile(rf"(\{{\{{|\}}\}})|\{{\s*({_WORD})\s*\}}|[^{{}}]+")
_VISITS = re.compile(rf"^visits\(\s*{_WORD}\s*\)$")
"""`{visits(kitchen)}` shows a count, as `{trust}` shows a variable."""


class InlineError(Exception):
    """A mistake in a text: `offset` is where in the source (0-based) the reader should look."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


MakeCondition = Callable[[str, int], Condition | None]
"""Builds the condition of an `{if}` from its source and its offset in the text; None when it is wrong (reported)."""
MakeKey = Callable[[str], str | None]
"""A fresh counter name for an alternative of the given kind; None where alternatives are not allowed."""


def parse_text(source: str, make_condition: MakeCondition, make_key: MakeKey) -> tuple[tuple[Piece, ...], bool]:
    """The pieces of `source`, and whether every condition in it could be built. Raises `InlineError`."""
    parser = _Parser(source, make_condition, make_key)
    pieces = parser.sequence(nested=False)
    return pieces, parser.ok


def holes(source: str) -> tuple[str, ...] | None:
    """The format 1 form (text, name, text, ...) of a text with nothing but `{name}` holes and escaped braces, read
    by a regular expression (nearly every text of a story, and a large story has thousands); None for any other."""
    if not _HOLES_ONLY.match(source):
        return None
    parts: list[str] = []
    text: list[str] = []
    for match in _HOLE_PIECE.finditer(source):
        escaped, name = match.group(1), match.group(2)
        if name is None:
            text.append(escaped[0] if escaped else match.group())
        else:
            parts.extend(["".join(text), name])
            text = []
    parts.append("".join(text))
    return tuple(parts)


def names_in_pieces(pieces: tuple[Piece, ...]) -> list[str]:
    """The names the holes read, nested ones included (conditions report their own)."""
    found: list[str] = []
    for piece in pieces:
        if isinstance(piece, Hole):
            found.append(piece.name)
        elif isinstance(piece, Conditional):
            found += names_in_pieces(piece.then) + names_in_pieces(piece.otherwise)
        elif isinstance(piece, Alternatives):
            for option in piece.options:
                found += names_in_pieces(option)
    return found


def excerpt(source: str, offset: int, width: int = 24) -> str:
    """The text around `offset`, on one line, so a message shows the very character it is about."""
    start, end = max(0, offset - width), min(len(source), offset + width)
    shown = " ".join(source[start:offset].split()) + (" " if source[start:offset][-1:].isspace() else "")
    shown += " ".join(source[offset:end].split())
    return ("…" if start > 0 else "") + shown + ("…" if end < len(source) else "")


class _Parser:
    def __init__(self, source: str, make_condition: MakeCondition, make_key: MakeKey) -> None:
        self.source = source
        self.at = 0
        self.depth = 0
        self.ok = True
        self.make_condition = make_condition
        self.make_key = make_key

    def sequence(self, nested: bool) -> tuple[Piece, ...]:
        """Pieces up to the end of the text, or (nested) up to the `|` or `}` that ends a branch, not consumed."""
        source = self.source
        pieces: list[Piece] = []
        text: list[str] = []
        while self.at < len(source):
            char = source[self.at]
            if not nested and source.startswith(("{{", "}}"), self.at):
                text.append(char)
                self.at += 2
            elif char == "{":
                if text:
                    pieces.append("".join(text))
                    text = []
                pieces.append(self.brace())
            elif char == "}" and not nested:
                raise InlineError("a lone `}`; write `}}` for a literal brace", self.at)
            elif char in "}|" and nested:
                break
            else:
                text.append(char)
                self.at += 1
        if text:
            pieces.append("".join(text))
        return tuple(pieces)

    def branch(self) -> tuple[Piece, ...]:
        pieces = list(self.sequence(nested=True))
        if pieces and isinstance(pieces[0], str):
            pieces[0] = pieces[0].lstrip()
        if pieces and isinstance(pieces[-1], str):
            pieces[-1] = pieces[-1].rstrip()
        return tuple(piece for piece in pieces if piece != "")

    def brace(self) -> Piece:
        opened = self.at
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise InlineError(f"braces are nested more than {MAX_NESTING} deep", opened)
        try:
            self.at += 1
            self.skip_space()
            word_match = _NAME.match(self.source, self.at)
            word = word_match.group() if word_match else ""
            after = word_match.end() if word_match else self.at
            rest = self.source[after:]
            if word == "if" and rest[:1].isspace():
                self.at = after
                return self.conditional(opened)
            if word in KINDS and rest.lstrip(" \t").startswith(":"):
                self.at = after + len(rest) - len(rest.lstrip(" \t")) + 1
                return self.alternatives(word, opened)  # type: ignore[arg-type]
            close = self.source.find("}", opened)
            inner = self.source[opened + 1 : close].strip() if close >= 0 else ""
            if close >= 0 and (_ID.match(inner) or _VISITS.match(inner)):
                self.at = close + 1
                return Hole(inner.replace(" ", ""))
            raise InlineError(self.what_went_wrong(word, rest, close), opened)
        finally:
            self.depth -= 1

    def what_went_wrong(self, word: str, rest: str, close: int) -> str:
        if word and rest.lstrip(" \t").startswith(":"):
            from game.story.diagnostics import did_you_mean

            return f"`{{{word}: ...}}` is not a kind of text; use `if`, {', '.join(f'`{k}`' for k in KINDS)}" + did_you_mean(
                word, ("if", *KINDS)
            )
        if close < 0:
            return "`{` is not closed; write `{{` for a literal brace"
        return "`{` must hold a name, as in `{trust}`, or a condition (`{if ...: ...}`); write `{{` for a literal brace"

    def skip_space(self) -> None:
        while self.at < len(self.source) and self.source[self.at] in " \t\n":
            self.at += 1

    def conditional(self, opened: int) -> Piece:
        start = self.at
        colon = self.condition_end(start)
        if colon is None:
            raise InlineError(
                "`{if ...}` needs a `:` after its condition, as in `{if trust > 2: she smiles | she looks away}`", opened
            )
        text = self.source[start:colon]
        if not text.strip():
            raise InlineError("`{if ...}` has no condition before its `:`", opened)
        leading = len(text) - len(text.lstrip())
        condition = self.make_condition(text.strip(), start + leading)
        self.at = colon + 1
        then = self.branch()
        otherwise: tuple[Piece, ...] = ()
        if self.peek() == "|":
            self.at += 1
            otherwise = self.branch()
            if self.peek() == "|":
                raise InlineError("`{if ...}` has two branches at most: `{if COND: when true | when false}`", self.at)
        self.close(opened)
        if condition is None:
            self.ok = False
            return ""
        return Conditional(condition, then, otherwise)

    def condition_end(self, start: int) -> int | None:
        """The `:` that ends a condition: outside quotes, before any brace or `|` (a condition holds none)."""
        quote = ""
        for index in range(start, len(self.source)):
            char = self.source[index]
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"":
                quote = char
            elif char == ":":
                return index
            elif char in "{}|":
                return None
        return None

    def alternatives(self, kind: AltKind, opened: int) -> Piece:
        key = self.make_key(kind)
        if key is None:
            raise InlineError(
                f"`{{{kind}: ...}}` changes each time it is shown, so it belongs in a text, not here; use `{{if ...}}`",
                opened,
            )
        options = [self.branch()]
        while self.peek() == "|":
            self.at += 1
            options.append(self.branch())
        self.close(opened)
        return Alternatives(kind, key, tuple(options))

    def peek(self) -> str:
        return self.source[self.at] if self.at < len(self.source) else ""

    def close(self, opened: int) -> None:
        if self.peek() != "}":
            raise InlineError("`{` is not closed", opened)
        self.at += 1
