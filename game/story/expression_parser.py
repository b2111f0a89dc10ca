"""Parsing and type-checking the expressions of a story file, when it is loaded.

A hand-written tokenizer and recursive-descent parser with limits on length and depth (story files come from
strangers), and a type checker that names the column of the operator that mixes types. What they build is the syntax
tree of `expressions`, which is all a loaded story keeps.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from game.records import prefab
from game.story.expressions import (
    MAX_MAGNITUDE,
    Assignment,
    Binary,
    Constant,
    Expr,
    Kind,
    Name,
    Unary,
    Value,
    count_name,
    within_magnitude,
)

MAX_SOURCE = 2_000
MAX_DEPTH = 64


class ExpressionError(Exception):
    """A mistake in an expression's source: `column` is 1-based within that source."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<number>\d+(?:\.\d+)?)
      | (?P<string>'[^'\n]*'|"[^"\n]*")
      | (?P<name>[^\W\d]\w*)
      | (?P<op>==|!=|<=|>=|\+=|-=|\*=|/=|[-+*/<>=()])
    """,
    re.VERBOSE,
)
"""A name is read as any word (`marée` too), so that a name outside the ASCII of ids is said to be unknown, or is kept
quiet when its declaration was refused, instead of being a character the parser trips on at each use."""
_KEYWORDS = {"and", "or", "not", "true", "false"}
_ASSIGN_OPS = {"=", "+=", "-=", "*=", "/="}
_COMPARISONS = {"==", "!=", "<", "<=", ">", ">="}
COUNTS = {"seen": "visits", "visits": "visits", "chosen": "chosen"}
"""What each call reads: `seen(x)` is `visits(x) > 0`, `chosen(x)` is "taken at least once"."""


@prefab(frozen=True)
class _Token:
    kind: str
    text: str
    column: int


def _tokenize(source: str) -> list[_Token]:
    if len(source) > MAX_SOURCE:
        raise ExpressionError(f"expression is longer than {MAX_SOURCE} characters", 1)
    tokens: list[_Token] = []
    position = 0
    while position < len(source):
        match = _TOKEN.match(source, position)
        if match is None:
            char = source[position]
            hint = ""
            if char in "'\"":
                hint = " (a string is not closed)"
            elif char in ".[":
                hint = " (there is no attribute access or indexing)"
            elif char in "!&|":
                hint = " (use `not`, `and`, `or`)"
            raise ExpressionError(f"unexpected character {char!r}{hint}", position + 1)
        kind = match.lastgroup or ""
        text = match.group()
        if kind == "name" and text in _KEYWORDS:
            kind = "keyword"
        if kind != "space":
            tokens.append(_Token(kind, text, position + 1))
        position = match.end()
    tokens.append(_Token("end", "", len(source) + 1))
    return tokens


class _Parser:
    """Recursive descent, loosest operator first; `depth` bounds nesting so hostile input cannot exhaust the stack."""

    def __init__(self, source: str) -> None:
        self.tokens = _tokenize(source)
        self.index = 0
        self.depth = 0

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect_end(self) -> None:
        if self.current.kind != "end":
            hint = ": to compare, write `==` (`=` assigns, in an effect)" if self.current.text == "=" else ""
            raise ExpressionError(f"unexpected {self.current.text!r}{hint}", self.current.column)

    def expression(self) -> Expr:
        return self._nested(self.or_)

    def _nested(self, parse: Callable[[], Expr]) -> Expr:
        """Each level (a parenthesis, a `not`, a minus sign) counts against MAX_DEPTH, so that a hostile story file
        gets a clear error instead of exhausting Python's stack."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError("expression is nested too deeply", self.current.column)
        try:
            return parse()
        except RecursionError:  # a caller already deep in the stack can reach Python's limit before MAX_DEPTH
            raise ExpressionError("expression is nested too deeply", self.current.column) from None
        finally:
            self.depth -= 1

    def _binary_chain(self, operators: set[str], operand: Callable[[], Expr]) -> Expr:
        left = operand()
        while self.current.text in operators and self.current.kind in ("keyword", "op"):
            token = self.advance()
            left = Binary(token.text, left, operand(), token.column)
        return left

    def or_(self) -> Expr:
        return self._binary_chain({"or"}, self.and_)

    def and_(self) -> Expr:
        return self._binary_chain({"and"}, self.not_)

    def not_(self) -> Expr:
        if self.current.kind == "keyword" and self.current.text == "not":
            self.advance()
            return self._nested(lambda: Unary("not", self.not_()))
        return self.comparison()

    def comparison(self) -> Expr:
        left = self.additive()
        if self.current.kind == "op" and self.current.text in _COMPARISONS:
            token = self.advance()
            left = Binary(token.text, left, self.additive(), token.column)
            if self.current.kind == "op" and self.current.text in _COMPARISONS:
                raise ExpressionError("comparisons cannot be chained; join them with `and`", self.current.column)
        return left

    def additive(self) -> Expr:
        return self._binary_chain({"+", "-"}, self.term)

    def term(self) -> Expr:
        return self._binary_chain({"*", "/"}, self.unary)

    def unary(self) -> Expr:
        if self.current.kind == "op" and self.current.text == "-":
            self.advance()
            return self._nested(lambda: Unary("-", self.unary()))
        return self.atom()

    def atom(self) -> Expr:
        token = self.current
        if token.kind == "number":
            self.advance()
            value = float(token.text) if "." in token.text else int(token.text)
            if not within_magnitude(value):
                raise ExpressionError(f"the number is too large: numbers in a story stay within ±{MAX_MAGNITUDE:,}", token.column)
            return Constant(value)
        if token.kind == "string":
            self.advance()
            return Constant(token.text[1:-1])
        if token.kind == "keyword" and token.text in ("true", "false"):
            self.advance()
            return Constant(token.text == "true")
        if token.kind == "name":
            self.advance()
            if self.current.text == "(":
                return self.count(token)
            return Name(token.text, token.column)
        if token.text == "(":
            self.advance()
            inner = self.expression()
            if self.current.text != ")":
                raise ExpressionError("`(` is not closed", self.current.column)
            self.advance()
            return inner
        if token.kind == "end":
            raise ExpressionError("the expression ends too soon", token.column)
        raise ExpressionError(f"unexpected {token.text!r}", token.column)

    def count(self, function: _Token) -> Expr:
        """`seen(scene)`, `visits(scene)`, `chosen(choice)`: the counts the engine keeps, read as names (see
        `expressions.count_name`), so that the type checker, the compiler and the explorers treat them as any other."""
        if function.text not in COUNTS:
            raise ExpressionError(
                f"`{function.text}(...)`: there are no function calls besides `seen`, `visits` and `chosen`", self.current.column
            )
        self.advance()
        argument = self.current
        if argument.kind != "name" or self.tokens[self.index + 1].text != ")":
            what = "a scene id" if function.text != "chosen" else "a choice id"
            raise ExpressionError(f"`{function.text}(...)` takes {what}, as in `{function.text}(kitchen)`", argument.column)
        self.index += 2
        name = Name(count_name(COUNTS[function.text], argument.text), function.column)
        return name if function.text == "visits" else Binary(">", name, Constant(0), function.column)


def parse_condition(source: str) -> Expr:
    parser = _Parser(source)
    expr = parser.expression()
    parser.expect_end()
    return expr


def parse_effect(source: str) -> Assignment:
    parser = _Parser(source)
    target = parser.current
    if target.kind != "name":
        raise ExpressionError("an effect starts with the name it assigns, as in `trust += 1`", target.column)
    parser.advance()
    op = parser.current
    if op.kind != "op" or op.text not in _ASSIGN_OPS:
        hint = " (`==` compares; an effect assigns with `=`)" if op.text == "==" else ""
        raise ExpressionError(f"expected `=`, `+=`, `-=`, `*=` or `/=` after `{target.text}`{hint}", op.column)
    parser.advance()
    value = parser.expression()
    parser.expect_end()
    return Assignment(target.text, op.text, value)


def kind_of_value(value: Value) -> Kind:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return "str"


def infer(expr: Expr, kinds: Mapping[str, Kind]) -> Kind:
    """The type of an expression, or an `ExpressionError` at the operator that mixes types."""
    if isinstance(expr, Constant):
        return kind_of_value(expr.value)
    if isinstance(expr, Name):
        if expr.name not in kinds:
            raise ExpressionError(f"unknown name `{expr.name}`", expr.column)
        return kinds[expr.name]
    if isinstance(expr, Unary):
        inner = infer(expr.operand, kinds)
        wanted: Kind = "bool" if expr.op == "not" else "number"
        if inner != wanted:
            raise ExpressionError(f"`{expr.op}` needs a {wanted}, not a {inner}", _column(expr))
        return wanted
    left, right = infer(expr.left, kinds), infer(expr.right, kinds)
    if expr.op in ("and", "or"):
        if left != "bool" or right != "bool":
            raise ExpressionError(f"`{expr.op}` joins booleans, not {left} and {right}", expr.column)
        return "bool"
    if expr.op in ("==", "!="):
        if left != right:
            raise ExpressionError(f"`{expr.op}` compares a {left} with a {right}", expr.column)
        return "bool"
    if expr.op in _COMPARISONS:
        if left != "number" or right != "number":
            raise ExpressionError(f"`{expr.op}` compares numbers, not {left} and {right}", expr.column)
        return "bool"
    if expr.op == "+" and left == right == "str":
        return "str"
    if left != "number" or right != "number":
        raise ExpressionError(f"`{expr.op}` needs numbers, not {left} and {right}", expr.column)
    return "number"


def _column(expr: Expr) -> int:
    if isinstance(expr, (Name, Binary)):
        return expr.column
    if isinstance(expr, Unary):
        return _column(expr.operand)
    return 1
