"""The engine's compiled expressions mean what the expression language says, on any state.

`game.engine.compiled` turns each condition and effect into one Python function over a mapping of names; the story's
own `expressions.evaluate` is the meaning it must keep, failures and their messages included, for any expression
(well typed or not) and any values (a name missing, a count never counted, a bool where a number should be).
"""

from __future__ import annotations

import random

from ducktools.classbuilder.prefab import replace
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import ChoiceInput, ChoicesOffered, PageInput, available_choices, new_game, step
from game.engine.compiled import function_of, missing
from game.explorer.random_pages import PageWriter
from game.story import expressions as ex
from game.story.model import Story
from tests.conftest import examples

NAMES = ["trust", "vow", "language", "sad", "visits(kitchen)", "nowhere"]
"""A number, a bool, a text, a float, a count (0 until counted) and a name with no value at all."""

VALUES = st.one_of(
    st.integers(-3, 3),
    st.sampled_from([0.5, -1.25, 2.0, 2.0**60]),
    st.booleans(),
    st.sampled_from(["", "french", "x"]),
)


@st.composite
def expressions(draw: st.DrawFn, depth: int = 3) -> ex.Expr:
    if depth == 0 or draw(st.integers(0, 2)) == 0:
        if draw(st.booleans()):
            return ex.Constant(draw(VALUES))
        return ex.Name(draw(st.sampled_from(NAMES)), 1)
    if draw(st.integers(0, 4)) == 0:
        return ex.Unary(draw(st.sampled_from(["not", "-"])), draw(expressions(depth - 1)))
    op = draw(st.sampled_from(["and", "or", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/"]))
    return ex.Binary(op, draw(expressions(depth - 1)), draw(expressions(depth - 1)), 1)


def outcome(run: object) -> object:
    """What running gave: the value (with its type, so 1 and True and 1.0 differ), or the failure's message."""
    try:
        value = run()  # type: ignore[operator]
    except ex.EvaluationError as error:
        return ("error", str(error))
    except KeyError as error:
        return ("error", str(missing(error.args[0])))
    return (type(value), value)


def looking_up(names: dict[str, ex.Value]) -> ex.Lookup:
    """How the engine has always looked a name up: its value, 0 for a count not yet counted, else no value."""

    def lookup(name: str) -> ex.Value:
        if name in names:
            return names[name]
        if ex.count_subject(name) is not None:
            return 0
        raise missing(name)

    return lookup


@settings(max_examples=examples(600))
@given(expressions(), st.dictionaries(st.sampled_from(NAMES[:5]), VALUES))
def test_a_compiled_expression_means_what_the_language_says(expr: ex.Expr, names: dict[str, ex.Value]) -> None:
    assert outcome(lambda: function_of(expr)(names)) == outcome(lambda: ex.evaluate(expr, looking_up(names)))


@settings(max_examples=examples(300))
@given(st.sampled_from(["+=", "-=", "*=", "/="]), expressions(2), st.dictionaries(st.sampled_from(NAMES[:5]), VALUES))
def test_a_compiled_update_combines_as_the_language_says(op: str, expr: ex.Expr, names: dict[str, ex.Value]) -> None:
    """`target op= value`: the value first, then the target's, joined for two texts and combined for two numbers."""
    names.setdefault("trust", 1)

    def expected() -> ex.Value:
        value = ex.evaluate(expr, looking_up(names))
        current = names["trust"]
        if isinstance(current, str) and isinstance(value, str):
            return ex.joined(current, value)
        number = ex.Binary(op[0], ex.Name("current", 1), ex.Name("value", 1), 1)
        return ex.evaluate(number, {"current": current, "value": value}.__getitem__)

    assert outcome(lambda: function_of(expr, (op, "trust"))(names)) == outcome(expected)


def test_a_story_constant_is_passed_in_as_a_value_never_written_into_code() -> None:
    """A text constant that looks like Python stays a text."""
    sneaky = "__import__('os').system('false')"
    assert function_of(ex.Binary("==", ex.Name("language", 1), ex.Constant(sneaky), 1))({"language": sneaky}) is True


@settings(max_examples=examples(15))
@given(st.integers(0, 10_000))
def test_the_offer_a_step_keeps_is_what_the_state_offers(shipped_story: Story, seed: int) -> None:
    """Choosing and the explorers take the choices a step worked out: on every state of a random playthrough they are
    the choices a state read from a save (which keeps nothing) offers, labelled as the step showed them."""
    rng, pages = random.Random(seed), PageWriter(shipped_story)
    state, events = new_game(shipped_story, seed)
    for _ in range(40):
        if state.ending is not None:
            break
        kept = available_choices(shipped_story, state)
        assert kept == available_choices(shipped_story, replace(state))  # `replace` leaves out what the step kept
        if shipped_story.scenes[state.scene].typewriter is not None:
            state, events = step(shipped_story, state, PageInput(pages.random(rng)))
            continue
        shown = [event for event in events if isinstance(event, ChoicesOffered)][-1].labels
        number = rng.randint(1, len(kept))
        state, events = step(shipped_story, state, ChoiceInput(number))
        assert state.history[-2].action == shown[number - 1]
