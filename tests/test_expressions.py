"""The expression language: what it accepts, what it refuses (with a column), and that it never crashes."""

from __future__ import annotations

import contextlib
import inspect
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.story import expression_parser as xp
from game.story import expressions as ex
from tests.conftest import examples

KINDS: dict[str, ex.Kind] = {"trust": "number", "vow": "bool", "language": "str", "sad": "number"}
VALUES: dict[str, ex.Value] = {"trust": 3, "vow": False, "language": "french", "sad": -1.0}


def run(source: str) -> ex.Value:
    expr = xp.parse_condition(source)
    xp.infer(expr, KINDS)
    return ex.evaluate(expr, VALUES.__getitem__)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("trust > 2", True),
        ("trust > 2 and vow", False),
        ("not vow or trust == 0", True),
        ("language == 'french'", True),
        ('language != "english"', True),
        ("trust + 2 * 3 == 9", True),
        ("(trust + 2) * 3 == 15", True),
        ("-trust < 0", True),
        ("trust / 2 == 1.5", True),
        ("sad < 0 and not not true", True),
        ("language + 'x' == 'frenchx'", True),
    ],
)
def test_conditions_evaluate(source: str, expected: bool) -> None:
    assert run(source) is expected


@pytest.mark.parametrize(
    ("source", "column", "words"),
    [
        ("trust >", 8, "ends too soon"),
        ("trust > > 1", 9, "unexpected"),
        ("open(1)", 5, "no function calls"),
        ("trust.real", 6, "no attribute access"),
        ("trust[0]", 6, "no attribute access or indexing"),
        ("trust && vow", 7, "use `not`, `and`, `or`"),
        ("'open", 1, "not closed"),
        ("(trust > 1", 11, "not closed"),
        ("1 < trust < 3", 11, "cannot be chained"),
        ("trust > 1 vow", 11, "unexpected"),
    ],
)
def test_syntax_errors_have_columns(source: str, column: int, words: str) -> None:
    with pytest.raises(xp.ExpressionError) as caught:
        xp.parse_condition(source)
    assert caught.value.column == column
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("trust + 'x' == 1", "needs numbers"),
        ("vow > 1", "compares numbers"),
        ("trust == 'x'", "compares a number with a str"),
        ("trust and vow", "joins booleans"),
        ("not trust", "needs a bool"),
        ("trsut > 1", "unknown name `trsut`"),
    ],
)
def test_type_errors(source: str, words: str) -> None:
    with pytest.raises(xp.ExpressionError) as caught:
        xp.infer(xp.parse_condition(source), KINDS)
    assert words in caught.value.message


def test_effects_parse() -> None:
    assignment = xp.parse_effect("trust += 2 * 3")
    assert (assignment.target, assignment.op) == ("trust", "+=")
    with pytest.raises(xp.ExpressionError, match="`==` compares"):
        xp.parse_effect("trust == 1")
    with pytest.raises(xp.ExpressionError, match="starts with the name"):
        xp.parse_effect("1 = trust")


def test_division_by_zero_is_a_runtime_error() -> None:
    with pytest.raises(ex.EvaluationError):
        run("trust / (trust - 3) > 1")


def test_short_circuit_skips_the_failing_side() -> None:
    assert run("vow and trust / 0 > 1") is False


def test_nesting_is_bounded() -> None:
    with pytest.raises(xp.ExpressionError, match="nested too deeply"):
        xp.parse_condition("(" * 500 + "1" + ")" * 500)
    with pytest.raises(xp.ExpressionError, match="nested too deeply"):
        xp.parse_condition("not " * 200 + "vow")


ATOMS = st.sampled_from(["trust", "vow", "language", "sad", "1", "2.5", "'x'", "true", "false", "nope"])
OPS = st.sampled_from([" and ", " or ", " == ", " != ", " < ", " >= ", " + ", " - ", " * ", " / ", " not ", "(", ")", "="])


@settings(max_examples=examples(400))
@given(st.text(max_size=80))
def test_parsing_any_text_raises_only_expression_errors(source: str) -> None:
    with contextlib.suppress(xp.ExpressionError):
        xp.parse_condition(source)
    with contextlib.suppress(xp.ExpressionError):
        xp.parse_effect(source)


@settings(max_examples=examples(400))
@given(st.lists(st.one_of(ATOMS, OPS), max_size=12).map("".join))
def test_well_typed_expressions_evaluate_deterministically(source: str) -> None:
    try:
        expr = xp.parse_condition(source)
        xp.infer(expr, KINDS)
    except xp.ExpressionError:
        return
    results = []
    for _ in range(2):
        try:
            results.append(ex.evaluate(expr, VALUES.__getitem__))
        except ex.EvaluationError as error:
            results.append(str(error))
    assert results[0] == results[1]


@pytest.mark.parametrize("spare", [50, 150, 300, 600])
def test_the_deepest_expression_parsed_deep_in_the_stack_is_an_error_at_worst(spare: int) -> None:
    """A loader called from deep inside another program must get an ExpressionError, never a RecursionError."""
    source = "(" * (xp.MAX_DEPTH - 1) + "1" + ")" * (xp.MAX_DEPTH - 1) + " == 1"

    def parse_at(depth: int) -> object:
        if depth > 0:
            return parse_at(depth - 1)
        try:
            return xp.parse_condition(source)
        except xp.ExpressionError as error:
            return error

    frames = sys.getrecursionlimit() - spare - len(inspect.stack())
    assert isinstance(parse_at(max(frames, 0)), (ex.Binary, xp.ExpressionError))
