"""`check` warns about a condition that can never hold (`trust > 10` where `trust` is at most 10). The warning must
be sound: whenever it is given, no value the names can take makes the condition true, or an author would be told to
delete a condition that matters. Checked here on random conditions over every kind of name the check reasons about:
an int and a number with a range, a number without one, a text with a closed set of values, a trait, a count and
the turn; compared either way round, negated and combined with `and`, `or` and `not`.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from game.story import expression_parser as xp
from game.story import expressions as ex
from game.story.lint import never_holds
from game.story.model import TRAIT_MAX, TRAIT_MIN, Variable
from tests.conftest import examples

COUNT = "visits(hall)"
NUMERIC = ["x", "y", "free", "t", "turn", COUNT]
OPS = ["<", "<=", ">", ">=", "==", "!="]
MIRROR = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
CONSTANTS = ["-4", "-1", "0", "0.5", "1", "2", "2.5", "3", "4", "7", "- 2"]


@st.composite
def comparisons(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        op = draw(st.sampled_from(["==", "!="]))
        return f"s {op} '{draw(st.sampled_from(['a', 'b', 'zz']))}'"
    name, op, constant = draw(st.sampled_from(NUMERIC)), draw(st.sampled_from(OPS)), draw(st.sampled_from(CONSTANTS))
    return f"{name} {op} {constant}" if draw(st.booleans()) else f"{constant} {MIRROR[op]} {name}"


CONDITIONS = st.recursive(
    comparisons(),
    lambda inner: st.one_of(
        st.builds(lambda a, b: f"({a}) and ({b})", inner, inner),
        st.builds(lambda a, b: f"({a}) or ({b})", inner, inner),
        st.builds(lambda a: f"not ({a})", inner),
    ),
    max_leaves=4,
)


@st.composite
def declarations(draw: st.DrawFn) -> dict[str, Variable]:
    low, high = draw(st.integers(-3, 1)), draw(st.integers(1, 4))
    number_low = draw(st.sampled_from([0.0, 0.5, -1.0]))
    return {
        "x": Variable("x", "int", low, minimum=low, maximum=high),
        "y": Variable("y", "number", number_low, minimum=number_low, maximum=number_low + draw(st.sampled_from([0.5, 2.0]))),
        "free": Variable("free", "number", 0.0),
        "s": Variable("s", "str", "a", values=("a", "b")),
    }


def possible(name: str, variables: dict[str, Variable]) -> list[ex.Value]:
    """Every value that matters for a name: each whole number in an int's range; a number's bounds, the points
    between and beyond no bound; a trait's range in halves; a count or the turn from 0 up."""
    if name == "s":
        return ["a", "b"]
    if name == "x":
        low, high = variables["x"].minimum, variables["x"].maximum
        assert low is not None and high is not None
        return list(range(int(low), int(high) + 1))
    if name == "y":
        low, high = variables["y"].minimum, variables["y"].maximum
        assert low is not None and high is not None
        return [low, (low + high) / 2, high, low + 0.25]
    if name == "free":
        return [-1e6, -4.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 2.5, 3.0, 4.0, 7.0, 1e6]
    if name == "t":
        return [TRAIT_MIN + step / 2 for step in range(int((TRAIT_MAX - TRAIT_MIN) * 2) + 1)]
    return [0, 1, 2, 3, 4, 7, 1_000_000]


def assert_sound(source: str, variables: dict[str, Variable]) -> None:
    expr = xp.parse_condition(source)
    why = never_holds(expr, variables, {"t"})
    if why is None:
        return
    names = sorted({name.name for name in ex.names_in(expr)})
    for values in itertools.product(*(possible(name, variables) for name in names)):
        state = dict(zip(names, values, strict=True))
        assert not ex.evaluate(expr, state.__getitem__), f"{source!r} holds at {state}, yet: {why}"
    assert why.startswith("`") and any(f"`{name}`" in why for name in names)


SINGLE = [
    *(f"s {op} '{value}'" for op in ("==", "!=") for value in ("a", "b", "zz")),
    *(f"{name} {op} {constant}" for name in NUMERIC for op in OPS for constant in CONSTANTS),
    *(f"{constant} {MIRROR[op]} {name}" for name in NUMERIC for op in OPS for constant in CONSTANTS),
]
FIXED = {
    "x": Variable("x", "int", 0, minimum=0, maximum=4),
    "y": Variable("y", "number", 0.5, minimum=0.5, maximum=1.0),
    "free": Variable("free", "number", 0.0),
    "s": Variable("s", "str", "a", values=("a", "b")),
}


def test_every_single_comparison_said_never_to_hold_holds_for_no_value() -> None:
    """Every comparison of every kind of name with every constant, either way round: the boundaries are where a
    `<` taken for a `<=` hides, and random conditions seldom land on them."""
    warned = 0
    for source in SINGLE:
        assert_sound(source, FIXED)
        warned += never_holds(xp.parse_condition(source), FIXED, {"t"}) is not None
    assert warned >= 100  # not vacuous: 159 of these can never hold, and are said to


@settings(max_examples=examples(300), deadline=None)
@given(CONDITIONS, declarations())
def test_a_combined_condition_said_never_to_hold_holds_for_no_value_its_names_can_take(
    source: str, variables: dict[str, Variable]
) -> None:
    assert_sound(source, variables)


def test_the_warning_says_which_bound_makes_it_certain() -> None:
    variables = {
        "x": Variable("x", "int", 0, minimum=0, maximum=5),
        "s": Variable("s", "str", "a", values=("a", "b")),
    }
    said = {
        source: never_holds(xp.parse_condition(source), variables, {"t"})
        for source in ("x > 5", "-1 >= x", "x == 2.5", "t > 3", "turn < 0", "s == 'c'", "not (x <= 5)", "x > 4")
    }
    assert said == {
        "x > 5": "`x` is never above 5",
        "-1 >= x": "`x` is never below 0",
        "x == 2.5": "`x` is a whole number",
        "t > 3": "`t` is never above 3",
        "turn < 0": "`turn` is never below 0",
        "s == 'c'": "`s` is never `c`: its values are a, b",
        "not (x <= 5)": None,  # true only when always false inside: `not` gives no reason of its own
        "x > 4": None,
    }
