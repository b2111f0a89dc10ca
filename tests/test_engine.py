"""The engine through its public functions: scenes, choices, pages, endings, determinism and JSON round-trips."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import (
    ChoiceInput,
    ChoicesOffered,
    CommandInput,
    EndingReached,
    Event,
    Narration,
    PageInput,
    PageRead,
    Problem,
    Rejected,
    SceneShown,
    State,
    TypewriterReady,
    available_choices,
    new_game,
    step,
)
from game.engine.history import History
from game.engine.session import Session
from game.engine.state import HistoryEntry
from game.story.loader import load_story_or_raise
from game.story.model import Story
from tests.conftest import examples


def of(events: list[Event], kind: type) -> list:  # type: ignore[type-arg]
    return [event for event in events if isinstance(event, kind)]


def test_a_new_game_shows_the_start(mini_story: Story) -> None:
    state, events = new_game(mini_story, seed=1)
    scene = of(events, SceneShown)[0]
    assert (scene.scene_id, scene.title, scene.act_title) == ("desk", "The Desk", "Act One")
    assert scene.paragraphs[0] == "The typewriter waits."
    assert scene.seems == "You cannot read her yet."
    assert of(events, ChoicesOffered)[0].labels == ("Sit down and write", "Make a promise", "Give up")
    assert state.turn == 0 and state.variables["trust"] == 1


def test_choice_effects_are_clamped_and_conditions_hide_choices(mini_story: Story) -> None:
    state, _ = new_game(mini_story)
    state, events = step(mini_story, state, ChoiceInput(2))
    assert state.variables == {"trust": 5, "vow": True, "language": "english", "warmth": 0.5, "control": 0}
    assert of(events, Narration)[0].paragraphs == ("You promise. Trust is 5.",)
    assert "You promised." in of(events, SceneShown)[0].paragraphs
    assert [c.label.source for c in available_choices(mini_story, state)] == ["Sit down and write", "Give up"]
    assert state.turn == 1


def test_a_wrong_input_is_rejected_and_changes_nothing(mini_story: Story) -> None:
    state, _ = new_game(mini_story)
    for bad in (ChoiceInput(0), ChoiceInput(4), PageInput("Ruby is happy."), CommandInput("dance")):
        after, events = step(mini_story, state, bad)
        assert after is state
        assert len(events) == 1 and isinstance(events[0], Rejected)


def test_a_page_about_her_changes_her(mini_story: Story) -> None:
    state, _ = new_game(mini_story)
    state, events = step(mini_story, state, ChoiceInput(1))
    assert of(events, TypewriterReady)[0].prompt == ("What do you write about her?",)
    assert isinstance(step(mini_story, state, ChoiceInput(1))[1][0], Rejected)
    state, events = step(mini_story, state, PageInput("Ruby speaks French."))
    page = of(events, PageRead)[0]
    assert page.reading.about_ruby
    assert "control += 1" in page.effects
    assert state.traits["speaks_french"] == 1.0
    assert state.variables["language"] == "french" and state.variables["control"] == 1
    assert of(events, Narration)[0].paragraphs == ("Bonjour.",)
    assert of(events, SceneShown)[0].paragraphs == ("Language: french. Warmth: 0.5.",)
    assert of(events, SceneShown)[0].seems == "She looks at you as if waiting for something."


def test_a_page_about_someone_else_changes_nothing(mini_story: Story) -> None:
    state, _ = new_game(mini_story)
    state, _ = step(mini_story, state, ChoiceInput(1))
    after, events = step(mini_story, state, PageInput("Harry is happy."))
    assert after.traits == state.traits and after.variables == state.variables
    assert of(events, PageRead)[0].lines == ("Nothing you wrote was about Ruby.",)
    assert of(events, Narration)[0].paragraphs == ("Nothing about her.",)
    assert after.scene == "page" and not after.page_about_ruby


def test_negation_runs_the_negated_effects(mini_story: Story) -> None:
    state, _ = new_game(mini_story)
    state, _ = step(mini_story, state, ChoiceInput(1))
    state, _ = step(mini_story, state, PageInput("She is not happy."))
    assert state.traits["happy"] == -1.0
    assert state.variables["trust"] == 0
    assert state.scene == "after"


def test_numbers_clamp_and_endings_end(mini_story: Story) -> None:
    state, _ = new_game(mini_story)
    for action in (ChoiceInput(1), PageInput("Ruby is cheerful."), ChoiceInput(1)):
        state, _ = step(mini_story, state, action)
    assert state.variables["warmth"] == 1.0
    state, events = step(mini_story, state, ChoiceInput(2))
    ending = of(events, EndingReached)[0]
    assert (ending.ending_id, ending.title, ending.paragraphs) == ("quiet", "A Quiet End", ("Trust was 0. The end.",))
    assert state.ending == "quiet"
    assert isinstance(step(mini_story, state, ChoiceInput(1))[1][0], Rejected)


def test_runtime_problems_are_events_not_crashes(story_copy: Path) -> None:
    scenes = story_copy / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace('do: ["warmth += 0.75", "trust -= 1"]', 'do: ["warmth /= trust - trust"]'))
    story = load_story_or_raise(story_copy)
    state, _ = new_game(story)
    for action in (ChoiceInput(1), PageInput("Ruby is happy.")):
        state, _ = step(story, state, action)
    after, events = step(story, state, ChoiceInput(1))
    problem = of(events, Problem)[0]
    assert "division by zero" in problem.message and "scenes.yaml" in problem.where
    span = problem.span  # the place as data, for a tool to jump to; printed as it always was
    assert span is not None and span.file.endswith("scenes.yaml") and span.line > 0 and span.column > 0
    assert problem.where == f"{span.file}:{span.line}:{span.column} ({problem.context})"
    assert after.variables["warmth"] == state.variables["warmth"]


@pytest.mark.parametrize(
    ("declare", "effect", "message"),
    [
        ("big: {type: int, default: 10}", "big = big * big", "a number grew too large"),
        ("big: {type: int, default: 1}", "big = big * 1000000000000000", "a number grew too large"),
        ("big: {type: number, default: 2.5}", "big = big * big", "a number grew too large"),
        ("big: {type: str, default: ab}", "big = big + big", "a text grew longer than 10,000 characters"),
        ("big: {type: str, default: ab}", "big += big", "a text grew longer than 10,000 characters"),
    ],
)
def test_a_value_that_grows_without_end_is_a_problem(story_copy: Path, declare: str, effect: str, message: str) -> None:
    """A loop that squares a number or doubles a text once ended in OverflowError or filled the memory. (A number
    too large to start with is refused at load: see the loader's diagnostics.)"""
    manifest = story_copy / "story.yaml"
    manifest.write_text(manifest.read_text().replace("variables:\n", f"variables:\n  {declare}\n"))
    scenes = story_copy / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace('do: ["warmth += 0.75", "trust -= 1"]', f'do: ["{effect}"]'))
    story = load_story_or_raise(story_copy)
    state, _ = new_game(story)
    for action in (ChoiceInput(1), PageInput("Ruby is happy.")):
        state, _ = step(story, state, action)
    problems = []
    for _ in range(20):  # enough to pass either limit; few enough that, without them, the text stays under 3 MB
        state, events = step(story, state, ChoiceInput(1))
        problems += [event.message for event in of(events, Problem)]
    assert problems and all(message in problem for problem in problems), problems
    assert state.scene == "after"


def test_one_of_is_fixed_by_the_seed(mini_story: Story) -> None:
    variants = {of(new_game(mini_story, seed)[1], SceneShown)[0].paragraphs[-1] for seed in range(30)}
    assert variants == {"Rain.", "Sun.", "Fog."}
    for seed in range(10):
        assert new_game(mini_story, seed)[1] == new_game(mini_story, seed)[1]


def test_undo_and_look(mini_story: Story) -> None:
    session, _ = Session.start(mini_story, seed=3)
    start = session.state
    session.apply(ChoiceInput(2))
    session.apply(ChoiceInput(9))  # rejected: not an undo point
    assert session.state.variables["vow"]
    events = session.undo()
    assert events is not None and of(events, SceneShown)[0].scene_id == "desk"
    assert session.state == start
    assert session.undo() is None
    look = session.apply(CommandInput("look"))
    assert of(look, SceneShown)[0].paragraphs == of(new_game(mini_story, 3)[1], SceneShown)[0].paragraphs


PAGES = [
    "Ruby speaks French.",
    "She is happy.",
    "She is not happy.",
    "Harry is happy.",
    "",
    "qwerty zxcv",
    "She is very cheerful and speaks French.",
]


def play_randomly(story: Story, seed: int, moves: int) -> tuple[list[State], list[list[Event]]]:
    chooser = random.Random(seed)
    state, events = new_game(story, seed)
    states, all_events = [state], [events]
    for _ in range(moves):
        if state.ending is not None:
            break
        scene = story.scenes[state.scene]
        if scene.typewriter is not None:
            action: ChoiceInput | PageInput = PageInput(chooser.choice(PAGES))
        else:
            action = ChoiceInput(chooser.randint(0, len(available_choices(story, state)) + 1))
        state, events = step(story, state, action)
        states.append(state)
        all_events.append(events)
    return states, all_events


@settings(max_examples=examples(60), deadline=None)
@given(st.integers(0, 2**32), st.integers(1, 40))
def test_random_playthroughs_are_deterministic_and_round_trip(mini_story: Story, seed: int, moves: int) -> None:
    first = play_randomly(mini_story, seed, moves)
    assert play_randomly(mini_story, seed, moves) == first
    for state in first[0]:
        assert State.from_json(json.loads(json.dumps(state.to_json())), mini_story) == state


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(["append", "replace", "drop"]), max_size=60))
def test_history_behaves_as_the_tuple_it_replaces(moves: list[str]) -> None:
    """The persistent history must read exactly as a tuple built the slow way, after any mix of steps."""
    history, expected = History(), ()
    for number, move in enumerate(moves):
        entry = HistoryEntry(f"s{number}", "t", (str(number),))
        if move == "append" or not expected:
            history, expected = history.appended(entry), (*expected, entry)
        elif move == "replace":
            history, expected = history.with_last(entry), (*expected[:-1], entry)
        else:
            history, expected = history.without_last(), expected[:-1]
        assert history == expected and tuple(history) == expected and len(history) == len(expected)
        assert [history[i] for i in range(-len(expected), len(expected))] == [*expected, *expected]
        assert history[1:] == History(expected[1:]) and bool(history) == bool(expected)
        if expected:
            assert history.last == expected[-1]
