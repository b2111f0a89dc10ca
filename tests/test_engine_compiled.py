"""The engine's compiled expressions mean what the expression language says, on any state.

`game.engine.compiled` turns each condition and effect into one Python function over a mapping of names; the story's
own `expressions.evaluate` is the meaning it must keep, failures and their messages included, for any expression
(well typed or not) and any values (a name missing, a count never counted, a bool where a number should be).
"""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import ChoiceInput, ChoicesOffered, PageInput, Problem, SceneShown, available_choices, new_game, step
from game.engine.compiled import function_of, infallible, missing
from game.explorer.random_pages import PageWriter
from game.records import replace
from game.story import expressions as ex
from game.story.loader import load_story_or_raise
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


def state_names(story: Story, draw: st.DrawFn) -> dict[str, ex.Value]:
    """The names of any state the story can be in: each variable a value of its type within its range, each trait
    within the traits' range, the turn, the page flags (counts are left out: never counted reads as 0)."""
    names: dict[str, ex.Value] = {"turn": draw(st.integers(0, 1000))}
    names["page_about_subject"] = names["page_about_ruby"] = draw(st.booleans())
    names.update({trait.id: draw(st.floats(-3.0, 3.0)) for trait in story.lexicon.traits} if story.lexicon else {})
    for name, variable in story.variables.items():
        low = -(10**6) if variable.minimum is None else variable.minimum
        high = 10**6 if variable.maximum is None else variable.maximum
        value: ex.Value
        if variable.type == "bool":
            value = draw(st.booleans())
        elif variable.type == "int":
            value = draw(st.integers(int(low), int(high)))
        elif variable.type == "number":
            value = draw(st.floats(low, high))
        else:
            value = draw(st.sampled_from(variable.values or ("", "x")))
        names[name] = value
    return names


@st.composite
def story_expressions(draw: st.DrawFn, story: Story, depth: int = 3) -> ex.Expr:
    """Expressions over the names of `story` (and one it lacks), well typed or not."""
    if depth == 0 or draw(st.integers(0, 2)) == 0:
        if draw(st.booleans()):
            return ex.Constant(draw(VALUES))
        traits = [trait.id for trait in story.lexicon.traits] if story.lexicon else []
        names = [*story.variables, *traits[:4], "turn", "page_about_ruby", "visits(kitchen)", "nowhere"]
        return ex.Name(draw(st.sampled_from(names)), 1)
    if draw(st.integers(0, 4)) == 0:
        return ex.Unary(draw(st.sampled_from(["not", "-"])), draw(story_expressions(story, depth - 1)))
    op = draw(st.sampled_from(["and", "or", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/"]))
    return ex.Binary(op, draw(story_expressions(story, depth - 1)), draw(story_expressions(story, depth - 1)), 1)


@settings(max_examples=examples(400))
@given(st.data())
def test_an_expression_called_infallible_never_fails_on_any_state(mini_story: Story, data: st.DataObject) -> None:
    """What lets a status line wait for a front end to ask: an expression `infallible` accepts gives a value on every
    state of the story, so no problem of the step that showed the scene can be lost by working it out later."""
    expr = data.draw(story_expressions(mini_story))
    traits = frozenset(trait.id for trait in mini_story.lexicon.traits) if mini_story.lexicon else frozenset()
    if infallible(expr, mini_story, traits):
        names = data.draw(st.composite(lambda draw: state_names(mini_story, draw))())
        assert outcome(lambda: function_of(expr)(names))[0] != "error"


@settings(max_examples=examples(15))
@given(st.integers(0, 10_000))
def test_the_status_line_a_front_end_reads_later_is_the_one_shown(shipped_story: Story, seed: int) -> None:
    """A scene's status line is worked out when first read, over the names as they were when the scene was shown:
    the same line as a step that works every line out at once (as it does when a watch must see each condition)."""
    rng, pages = random.Random(seed), PageWriter(shipped_story)
    state, events = new_game(shipped_story, seed)
    for _ in range(40):
        if state.ending is not None:
            break
        if shipped_story.scenes[state.scene].typewriter is not None:
            action: ChoiceInput | PageInput = PageInput(pages.random(rng))
        else:
            action = ChoiceInput(rng.randint(1, len(available_choices(shipped_story, state))))
        _, at_once = step(shipped_story, state, action, watch=lambda condition, held: None)
        state, events = step(shipped_story, state, action)
        assert [e.seems for e in events if isinstance(e, SceneShown)] == [e.seems for e in at_once if isinstance(e, SceneShown)]


def test_a_status_line_that_can_fail_is_still_a_problem_of_the_step(story_copy: Path) -> None:
    """A status line whose condition could fail is worked out with the step, so its failure is reported there."""
    manifest = story_copy / "story.yaml"
    manifest.write_text(manifest.read_text().replace('if: "happy > 0"', 'if: "trust / (control - control) > 0"'))
    story = load_story_or_raise(story_copy)
    _, events = new_game(story)
    assert any("division by zero" in event.message for event in events if isinstance(event, Problem))
    assert [e.seems for e in events if isinstance(e, SceneShown)] == ["You cannot read her yet."]


def test_a_status_line_read_later_is_not_changed_by_what_the_step_did_after(story_copy: Path) -> None:
    """A scene that moves on by itself (`next`) to one whose effects change what the status line reads: each scene's
    line is as it was when that scene was shown, though both are read after the step."""
    scenes = story_copy / "scenes.yaml"
    scenes.write_text(
        scenes.read_text().replace("      - label: Give up\n        to: quiet", "      - label: Give up\n        to: pause")
        + "  - {id: pause, title: Pause, text: [A pause.], next: lobby}\n"
        + "  - {id: lobby, title: Lobby, do: ['control = 1'], text: [The lobby.], choices: [{label: Go, to: quiet}]}\n"
    )
    story = load_story_or_raise(story_copy)
    state, _ = new_game(story)
    _, events = step(story, state, ChoiceInput(3))
    assert [(e.scene_id, e.seems) for e in events if isinstance(e, SceneShown)] == [
        ("pause", "You cannot read her yet."),
        ("lobby", "She looks at you as if waiting for something."),
    ]
