"""Mistakes the loader can see in a story that parses and type-checks: a value a variable can never take, a condition
that can never hold given the variables' ranges, the same phrase given to two traits.

Each check looks at one expression or one lexicon with what the manifest declares, so it costs nothing at run time and
its message can name the declaration that makes the mistake certain.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from game.story.diagnostics import did_you_mean
from game.story.expressions import Assignment, Binary, Constant, Expr, Name, Unary, count_subject
from game.story.model import TRAIT_MAX, TRAIT_MIN, Span, Trait, Value, Variable

Truth = Literal["always", "never", "maybe"]
_FLIP: dict[Truth, Truth] = {"always": "never", "never": "always", "maybe": "maybe"}
_MIRROR = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def outside_values(assignment: Assignment, variables: Mapping[str, Variable]) -> str | None:
    """`language = 'klingon'` where `language` takes only english and french: the engine would refuse it at run time."""
    variable = variables.get(assignment.target)
    value = assignment.value
    if variable is None or not variable.values or assignment.op != "=" or not isinstance(value, Constant):
        return None
    if not isinstance(value.value, str) or value.value in variable.values:
        return None
    allowed = ", ".join(variable.values)
    hint = did_you_mean(value.value, variable.values)
    return f"`{value.value}` is not one of the values of `{assignment.target}` ({allowed}){hint}"


def divides_by_zero(expr: Expr, op: str = "") -> bool:
    """`x / 0` anywhere in an expression, or `x /= 0`: the engine would stop at it each time it ran."""
    if op == "/=" and _is_zero(expr):
        return True
    if isinstance(expr, Unary):
        return divides_by_zero(expr.operand)
    if isinstance(expr, Binary):
        return (expr.op == "/" and _is_zero(expr.right)) or divides_by_zero(expr.left) or divides_by_zero(expr.right)
    return False


def _is_zero(expr: Expr) -> bool:
    while isinstance(expr, Unary) and expr.op == "-":
        expr = expr.operand
    return isinstance(expr, Constant) and not isinstance(expr.value, (bool, str)) and expr.value == 0


def never_holds(expr: Expr, variables: Mapping[str, Variable], traits: set[str]) -> str | None:
    """Why a condition is false whatever the state (`trust > 10` where `trust` is at most 10), or None."""
    reasons: list[str] = []
    truth = _truth(expr, variables, traits, reasons)
    return reasons[0] if truth == "never" and reasons else None


def _truth(expr: Expr, variables: Mapping[str, Variable], traits: set[str], reasons: list[str]) -> Truth:
    if isinstance(expr, Unary) and expr.op == "not":
        return _FLIP[_truth(expr.operand, variables, traits, [])]
    if not isinstance(expr, Binary):
        return "maybe"
    if expr.op in ("and", "or"):
        left = _truth(expr.left, variables, traits, reasons)
        right = _truth(expr.right, variables, traits, reasons)
        if expr.op == "and":
            return "never" if "never" in (left, right) else "always" if left == right == "always" else "maybe"
        if "always" in (left, right):
            return "always"
        return "never" if left == right == "never" else "maybe"
    if expr.op not in _MIRROR:
        return "maybe"
    if isinstance(expr.left, Name):
        name, op, constant = expr.left, expr.op, _constant(expr.right)
    elif isinstance(expr.right, Name):
        name, op, constant = expr.right, _MIRROR[expr.op], _constant(expr.left)
    else:
        return "maybe"
    if constant is None:
        return "maybe"
    return _compare(name.name, op, constant, variables, traits, reasons)


def _constant(expr: Expr) -> Value | None:
    """A literal, or a minus sign before a number (`-1` is parsed as a negation of 1)."""
    if isinstance(expr, Constant):
        return expr.value
    if isinstance(expr, Unary) and expr.op == "-" and isinstance(expr.operand, Constant):
        value = expr.operand.value
        return -value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    return None


def _compare(
    name: str, op: str, constant: Value, variables: Mapping[str, Variable], traits: set[str], reasons: list[str]
) -> Truth:
    variable = variables.get(name)
    if isinstance(constant, str):
        if variable is None or not variable.values or op not in ("==", "!="):
            return "maybe"
        if constant in variable.values:
            return "maybe"
        reasons.append(f"`{name}` is never `{constant}`: its values are {', '.join(variable.values)}")
        return "never" if op == "==" else "always"
    if isinstance(constant, bool):
        return "maybe"
    low, high, whole = _range(name, variable, traits)
    if low is None and high is None and not (whole and op in ("==", "!=")):
        return "maybe"
    lowest = float("-inf") if low is None else low
    highest = float("inf") if high is None else high
    if op in ("==", "!="):
        impossible = constant < lowest or constant > highest or (whole and not float(constant).is_integer())
        if impossible:
            reasons.append(_why(name, constant, low, high, whole))
            return "never" if op == "==" else "always"
        return "maybe"
    never = {
        ">": highest <= constant,
        ">=": highest < constant,
        "<": lowest >= constant,
        "<=": lowest > constant,
    }[op]
    if never:
        reasons.append(_why(name, constant, low, high, whole))
        return "never"
    always = {">": lowest > constant, ">=": lowest >= constant, "<": highest < constant, "<=": highest <= constant}[op]
    return "always" if always else "maybe"


def _range(name: str, variable: Variable | None, traits: set[str]) -> tuple[float | None, float | None, bool]:
    """The smallest and largest value a name can hold, and whether it is always whole."""
    if variable is not None:
        if variable.type not in ("int", "number"):
            return None, None, False
        return variable.minimum, variable.maximum, variable.type == "int"
    if name in traits:
        return TRAIT_MIN, TRAIT_MAX, False
    if count_subject(name) is not None or name == "turn":
        return 0, None, True
    return None, None, False


def _why(name: str, constant: float, low: float | None, high: float | None, whole: bool) -> str:
    if low is not None and constant < low:
        return f"`{name}` is never below {_number(low)}"
    if high is not None and constant > high:
        return f"`{name}` is never above {_number(high)}"
    if whole and not float(constant).is_integer():
        return f"`{name}` is a whole number"
    if low is not None and constant <= low:
        return f"`{name}` is never below {_number(low)}"
    return f"`{name}` is never above {_number(high if high is not None else constant)}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def shared_phrases(traits: tuple[Trait, ...]) -> list[tuple[Span | None, str]]:
    """The same words, read in the same way, given to two traits: a page that says them asserts both, which is
    rarely what an author meant when the lexicon grew by copy and paste."""
    owners: dict[tuple[object, ...], str] = {}
    found: list[tuple[Span | None, str]] = []
    for trait in traits:
        mine: set[tuple[object, ...]] = set()
        for frame in trait.frames:
            roles = (frame.object, frame.when, frame.with_, frame.objects, frame.opposite)
            for key, phrases in (("is", frame.is_), ("does", frame.does), ("feels", frame.feels), ("idioms", frame.idioms)):
                mine.update((key, " ".join(phrase.lower().split()), *roles) for phrase in phrases)
        mine.update(("phrases", " ".join(phrase.lower().split())) for phrase in trait.phrases)
        for entry in sorted(mine, key=repr):
            first = owners.setdefault(entry, trait.id)
            if first != trait.id:
                part, phrase = entry[0], entry[1]
                found.append(
                    (
                        trait.span,
                        f"`{phrase}` is in `{part}` of both `{first}` and `{trait.id}`: a page that says it asserts both "
                        "(keep it in one, or use `implies`)",
                    )
                )
    return found
