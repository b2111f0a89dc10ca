"""The small, safe language of conditions and effects, once parsed: its syntax tree, and how it runs.

Story files come from strangers, so nothing here can reach Python: no `eval`, no calls, no attribute access. The
parser and the type checker (`expression_parser`) run when a story is loaded, so a typo is a load-time error with a
column; this module is what a loaded story needs to play, and all that a cached story imports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from game.records import prefab

Value = bool | int | float | str
Kind = Literal["bool", "number", "str"]

MAX_MAGNITUDE = 2**53
"""Numbers stay within this, either way: past it a float no longer holds every whole number, and a number that keeps
doubling in a loop would otherwise overflow (or, as an int, grow until it can no longer be shown)."""
MAX_TEXT = 10_000
"""Characters a text value may hold: `s = s + s` in a loop would otherwise double until the memory ran out."""


class EvaluationError(Exception):
    """A problem that only shows at run time (division by zero); the engine reports it and carries on."""


@prefab(frozen=True)
class Constant:
    """A number, a string or true/false written in the expression."""

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


Expr = Constant | Name | Unary | Binary
"""The former name of `Constant`, still imported by the explorers and a test."""


@prefab(frozen=True)
class Assignment:
    target: str
    op: str
    value: Expr


def count_name(kind: str, subject: str) -> str:
    """The name an expression reads for a count the engine keeps: `visits(kitchen)`, `chosen(ask_name)`. Such a name can
    never clash with a variable (no variable name holds a parenthesis), and the state keeps each count under it."""
    return f"{kind}({subject})"


def count_subject(name: str) -> tuple[str, str] | None:
    """(`visits`, `kitchen`) for `visits(kitchen)`; None for an ordinary name."""
    if name[-1:] != ")":  # the usual case, decided without building any string
        return None
    kind, paren, rest = name.partition("(")
    return (kind, rest[:-1]) if paren and rest.endswith(")") else None


def names_in(expr: Expr) -> list[Name]:
    """Every name an expression reads, in order, so the loader can check each one is declared."""
    if isinstance(expr, Name):
        return [expr]
    if isinstance(expr, Unary):
        return names_in(expr.operand)
    if isinstance(expr, Binary):
        return names_in(expr.left) + names_in(expr.right)
    return []


Lookup = Callable[[str], Value]


def evaluate(expr: Expr, lookup: Lookup) -> Value:
    """Evaluate a type-checked expression once; `and`/`or` short-circuit, division by zero raises `EvaluationError`.

    The reference meaning of the language. The engine does not walk trees on its hot path: it compiles each story's
    expressions to Python (`game.engine.compiled`), and a property test holds that code to this meaning."""
    if isinstance(expr, Constant):
        return expr.value
    if isinstance(expr, Name):
        return lookup(expr.name)
    if isinstance(expr, Unary):
        operand = evaluate(expr.operand, lookup)
        return (not operand) if expr.op == "not" else -_number(operand)
    op = expr.op
    if op == "and":
        return bool(evaluate(expr.left, lookup)) and bool(evaluate(expr.right, lookup))
    if op == "or":
        return bool(evaluate(expr.left, lookup)) or bool(evaluate(expr.right, lookup))
    if op in ("==", "!=", "+"):
        left, right = evaluate(expr.left, lookup), evaluate(expr.right, lookup)
        if op == "==":
            return left == right
        if op == "!=":
            return left != right
        if isinstance(left, str) and isinstance(right, str):
            return joined(left, right)
        a, b = _number(left), _number(right)
    else:  # a side that is not a number fails before the other side is looked at, as compiled code does
        a = _number(evaluate(expr.left, lookup))
        b = _number(evaluate(expr.right, lookup))
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
    return bounded(result)


def bounded(number: float) -> float:
    """`number`, or an EvaluationError if it is past MAX_MAGNITUDE."""
    if not within_magnitude(number):
        raise EvaluationError("a number grew too large")
    return number


def within_magnitude(number: float) -> bool:
    """The one test of MAX_MAGNITUDE, for the loader and the parser too (NaN fails it, as it fails both comparisons)."""
    return -MAX_MAGNITUDE <= number <= MAX_MAGNITUDE


def joined(a: str, b: str) -> str:
    if len(a) + len(b) > MAX_TEXT:
        raise EvaluationError(f"a text grew longer than {MAX_TEXT:,} characters")
    return a + b


def _number(value: Value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise EvaluationError(f"expected a number, got {value!r}")
    return value
