"""The small, safe language of conditions and effects.

Story files come from strangers, so this is a parser and an evaluator written by hand: no `eval`, no calls, no
attribute access, nothing that can reach Python. Everything is parsed and type-checked when the story is loaded, so a
typo is a compile-time error with a column, never a surprise in the middle of a game.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Mapping
from typing import Literal

from ducktools.classbuilder.prefab import prefab

Value = bool | int | float | str
Kind = Literal["bool", "number", "str"]

MAX_SOURCE = 2_000
MAX_DEPTH = 64


class ExpressionError(Exception):
    """A mistake in an expression's source: `column` is 1-based within that source."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


class EvaluationError(Exception):
    """A problem that only shows at run time (division by zero); the engine reports it and carries on."""


@prefab(frozen=True)
class Literal_:
    value: Value


@prefab(frozen=True)
class Name:
    name: str
    column: int


@prefab(frozen=True)
class Unary:
    op: str
    operand: Expr


@prefab(frozen=True)
class Binary:
    op: str
    left: Expr
    right: Expr
    column: int


Expr = Literal_ | Name | Unary | Binary


@prefab(frozen=True)
class Assignment:
    target: str
    op: str
    value: Expr


_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<number>\d+(?:\.\d+)?)
      | (?P<string>'[^'\n]*'|"[^"\n]*")
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<op>==|!=|<=|>=|\+=|-=|\*=|/=|[-+*/<>=()])
    """,
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "true", "false"}
_ASSIGN_OPS = {"=", "+=", "-=", "*=", "/="}
_COMPARISONS = {"==", "!=", "<", "<=", ">", ">="}


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
            raise ExpressionError(f"unexpected {self.current.text!r}", self.current.column)

    def expression(self) -> Expr:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError("expression is nested too deeply", self.current.column)
        try:
            return self.or_()
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
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ExpressionError("expression is nested too deeply", self.current.column)
            try:
                return Unary("not", self.not_())
            finally:
                self.depth -= 1
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
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ExpressionError("expression is nested too deeply", self.current.column)
            try:
                return Unary("-", self.unary())
            finally:
                self.depth -= 1
        return self.atom()

    def atom(self) -> Expr:
        token = self.current
        if token.kind == "number":
            self.advance()
            return Literal_(float(token.text) if "." in token.text else int(token.text))
        if token.kind == "string":
            self.advance()
            return Literal_(token.text[1:-1])
        if token.kind == "keyword" and token.text in ("true", "false"):
            self.advance()
            return Literal_(token.text == "true")
        if token.kind == "name":
            self.advance()
            if self.current.text == "(":
                raise ExpressionError(f"`{token.text}(...)`: there are no function calls", self.current.column)
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


def names_in(expr: Expr) -> list[Name]:
    """Every name an expression reads, in order, so the loader can check each one is declared."""
    if isinstance(expr, Name):
        return [expr]
    if isinstance(expr, Unary):
        return names_in(expr.operand)
    if isinstance(expr, Binary):
        return names_in(expr.left) + names_in(expr.right)
    return []


def kind_of_value(value: Value) -> Kind:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return "str"


def infer(expr: Expr, kinds: Mapping[str, Kind]) -> Kind:
    """The type of an expression, or an `ExpressionError` at the operator that mixes types."""
    if isinstance(expr, Literal_):
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


Lookup = Callable[[str], Value]
Compiled = Callable[[Lookup], Value]


def evaluate(expr: Expr, lookup: Lookup) -> Value:
    """Evaluate a type-checked expression once; `and`/`or` short-circuit, division by zero raises `EvaluationError`.

    The engine does not call this on its hot path: a story's conditions and effects keep their compiled form
    (`Condition.test`, `Effect.value`), built by `compile_expr` the first time they run.
    """
    return compile_expr(expr)(lookup)


_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def compile_expr(expr: Expr) -> Compiled:
    """The same meaning as `interpret`, as closures built once."""
    if isinstance(expr, Literal_):
        value = expr.value
        return lambda lookup: value
    if isinstance(expr, Name):
        name = expr.name
        return lambda lookup: lookup(name)
    if isinstance(expr, Unary):
        operand = compile_expr(expr.operand)
        if expr.op == "not":
            return lambda lookup: not operand(lookup)
        return lambda lookup: -_number(operand(lookup))
    left, right, op = compile_expr(expr.left), compile_expr(expr.right), expr.op
    if op == "and":
        return lambda lookup: bool(left(lookup)) and bool(right(lookup))
    if op == "or":
        return lambda lookup: bool(left(lookup)) or bool(right(lookup))
    if op == "==":
        return lambda lookup: left(lookup) == right(lookup)
    if op == "!=":
        return lambda lookup: left(lookup) != right(lookup)
    if op in _COMPARE:
        compare = _COMPARE[op]
        constant = expr.right.value if isinstance(expr.right, Literal_) else None
        if isinstance(expr.left, Name) and isinstance(constant, (int, float)) and not isinstance(constant, bool):
            return _compare_name(expr.left.name, compare, constant)
        return lambda lookup: compare(_number(left(lookup)), _number(right(lookup)))
    if op == "+":

        def plus(lookup: Lookup) -> Value:
            a, b = left(lookup), right(lookup)
            if isinstance(a, str) and isinstance(b, str):
                return a + b
            return arithmetic("+", _number(a), _number(b))

        return plus
    return lambda lookup: arithmetic(op, _number(left(lookup)), _number(right(lookup)))


def _compare_name(name: str, compare: Callable[[float, float], bool], constant: float) -> Compiled:
    """`trust >= 7`, the commonest condition by far, without the generic path's extra calls."""

    def run(lookup: Lookup) -> bool:
        value = lookup(name)
        if value.__class__ is bool or not isinstance(value, (int, float)):
            raise EvaluationError(f"expected a number, got {value!r}")
        return compare(value, constant)

    return run


def interpret(expr: Expr, lookup: Lookup) -> Value:
    """Walk the tree directly: the reference meaning that `compile_expr` must match (a property test checks)."""
    if isinstance(expr, Literal_):
        return expr.value
    if isinstance(expr, Name):
        return lookup(expr.name)
    if isinstance(expr, Unary):
        operand = interpret(expr.operand, lookup)
        return (not operand) if expr.op == "not" else -_number(operand)
    op = expr.op
    if op == "and":
        return bool(interpret(expr.left, lookup)) and bool(interpret(expr.right, lookup))
    if op == "or":
        return bool(interpret(expr.left, lookup)) or bool(interpret(expr.right, lookup))
    left, right = interpret(expr.left, lookup), interpret(expr.right, lookup)
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if op == "+" and isinstance(left, str) and isinstance(right, str):
        return left + right
    a, b = _number(left), _number(right)
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    if op == ">=":
        return a >= b
    return arithmetic(op, a, b)


def arithmetic(op: str, a: float, b: float) -> float:
    """Shared by `+`/`-`/`*`/`/` and by `+=`-style effects, so both fail the same way."""
    if op == "+":
        result = a + b
    elif op == "-":
        result = a - b
    elif op == "*":
        result = a * b
    else:
        if b == 0:
            raise EvaluationError("division by zero")
        result = a / b
    if not math.isfinite(result):
        raise EvaluationError("a number grew too large")
    return result


def _number(value: Value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise EvaluationError(f"expected a number, got {value!r}")
    return value
