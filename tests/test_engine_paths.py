"""The engine's less travelled paths, through its public functions: glue that runs into an ending or into a scene with
no text, a story that goes round without ever asking, a `return` with nowhere to go, a condition that cannot be
worked out, and what `look` and `available_choices` say once the story is over.

Each story here is a format 2 folder written to `tmp_path`, small enough to read in the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import (
    ChoiceInput,
    ChoicesOffered,
    CommandInput,
    EndingReached,
    Event,
    Problem,
    Rejected,
    SceneShown,
    State,
    available_choices,
    describe,
    new_game,
    step,
)
from game.engine.portrait import portrait
from game.story.loader import load_story
from game.story.model import Story
from tests.conftest import DATA

MANIFEST = """\
format: 2
id: paths
title: Paths
version: "1.0"
start: hall
author: Tests
variables:
  trust: {type: int, default: 0, min: 0, max: 5}
  sworn: {type: bool, default: false}
  mood: {type: str, default: calm, values: [calm, wild]}
  word: {type: str, default: stormy}
seems:
  - {text: "Trust: {if trust > 0: some | none}. Sworn: {sworn}. Mood: {mood}."}
endings:
  - id: out
    title: Out
    text: "the light goes out."
"""

SCENES = """\
scenes:
  - id: hall
    text: "The hall. {once: The first time.} The cellar, visited {visits(cellar)} times."
    choices:
      - label: Knock
        text: "You knock, and <>"
        to: out
      - label: Wait
        text: "You wait <>"
        to: empty
      - label: Divide
        if: "10 / trust > 1"
        to: out
      - label: Go round
        to: ping
      - label: Stop
        to: stop
      - label: Cellar
        to: cellar
      - label: Change the mood
        do: ["mood = word", "sworn = true"]
        to: hall
  - id: empty
    text: "{if trust > 3: Something.}"
    choices:
      - label: Leave
        to: out
  - id: cellar
    text: Cellar.
    choices:
      - label: Up
        to: hall
  - id: ping
    text: Ping.
    choices:
      - label: Never offered
        if: "trust > 3"
        to: out
      - fallback: true
        to: pong
  - id: pong
    text: Pong.
    choices:
      - label: Never offered
        if: "trust > 3"
        to: out
      - fallback: true
        to: ping
  - id: stop
    text: Stopping, glued to what comes next<>
    next: return
"""


def written(root: Path, manifest: str, scenes: str) -> Story:
    """The story of these two files, which must load with no error."""
    (root / "story.yaml").write_text(manifest, encoding="utf-8")
    (root / "scenes.yaml").write_text(scenes, encoding="utf-8")
    loaded, diagnostics = load_story(root)
    assert loaded is not None, [str(item) for item in diagnostics.items]
    return loaded


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Story:
    return written(tmp_path_factory.mktemp("paths"), MANIFEST, SCENES)


def of(events: list[Event], kind: type[Event]) -> list[Event]:
    return [event for event in events if isinstance(event, kind)]


def choose(story: Story, state: State, label: str) -> tuple[State, list[Event]]:
    """Take the offered choice with this label, as a player would by its number."""
    labels = [choice.label.source for choice in available_choices(story, state)]
    return step(story, state, ChoiceInput(labels.index(label) + 1))


def test_glue_runs_a_choice_into_the_ending_it_leads_to(story: Story) -> None:
    state, _ = new_game(story)
    state, events = choose(story, state, "Knock")
    (ending,) = of(events, EndingReached)
    assert isinstance(ending, EndingReached)
    assert ending.paragraphs == ("You knock, and the light goes out.",)
    assert state.history[-1].paragraphs == ending.paragraphs  # the transcript keeps what was shown


def test_glue_into_a_scene_whose_text_is_all_left_out_is_shown_on_its_own(story: Story) -> None:
    state, _ = new_game(story)
    state, events = choose(story, state, "Wait")
    (shown,) = of(events, SceneShown)
    assert isinstance(shown, SceneShown)
    assert (shown.scene_id, shown.paragraphs) == ("empty", ("You wait",))


def test_a_condition_that_cannot_be_worked_out_is_a_problem_and_hides_its_choice(story: Story) -> None:
    state, events = new_game(story)
    (problem,) = of(events, Problem)
    assert isinstance(problem, Problem)
    assert problem.message == "`10 / trust > 1`: division by zero; taken as false"
    assert problem.context == "a choice of `hall`"
    assert problem.span is not None and (Path(problem.span.file).name, problem.span.line) == ("scenes.yaml", 12)
    offered = of(events, ChoicesOffered)[0]
    assert isinstance(offered, ChoicesOffered)
    assert offered.labels == ("Knock", "Wait", "Go round", "Stop", "Cellar", "Change the mood")
    assert [choice.label.source for choice in available_choices(story, state)] == list(offered.labels)


def test_a_value_a_text_variable_does_not_allow_is_a_problem_and_the_effect_is_skipped(story: Story) -> None:
    state, events = new_game(story)
    assert of(events, SceneShown)[0].seems == "Trust: none. Sworn: no. Mood: calm."  # type: ignore[attr-defined]
    state, events = choose(story, state, "Change the mood")
    problem = of(events, Problem)[0]
    assert isinstance(problem, Problem)
    assert problem.message == "`mood = word`: `stormy` is not one of the values of `mood`; the effect is skipped"
    assert problem.context == "a choice of `hall`"
    assert (state.variables["mood"], state.variables["sworn"]) == ("calm", True)  # the next effect still runs
    assert of(events, SceneShown)[0].seems == "Trust: none. Sworn: yes. Mood: calm."  # type: ignore[attr-defined]


def test_an_unvisited_scene_counts_zero_visits_in_inline_text(story: Story) -> None:
    state, events = new_game(story)
    assert of(events, SceneShown)[0].paragraphs == ("The hall. The first time. The cellar, visited 0 times.",)  # type: ignore[attr-defined]
    state, _ = choose(story, state, "Cellar")
    state, events = choose(story, state, "Up")
    assert of(events, SceneShown)[0].paragraphs == ("The hall. The cellar, visited 1 times.",)  # type: ignore[attr-defined]


def test_scenes_that_only_fall_back_to_each_other_stop_with_a_problem_not_a_hang(story: Story) -> None:
    state, _ = new_game(story)
    state, events = choose(story, state, "Go round")
    problems = of(events, Problem)
    assert len(problems) == 1 and isinstance(problems[0], Problem)
    assert problems[0].message == "the story went on 1000 times without a choice (a loop?)"
    assert state.scene in ("ping", "pong") and state.ending is None
    shown = [event.scene_id for event in of(events, SceneShown)]  # type: ignore[attr-defined]
    assert shown[:3] == ["ping", "pong", "ping"] and len(shown) == 1001


def test_a_return_with_no_call_stops_where_it_is_and_look_shows_it_again(story: Story) -> None:
    state, _ = new_game(story)
    state, events = choose(story, state, "Stop")
    problem = of(events, Problem)[0]
    assert isinstance(problem, Problem)
    assert problem.message == "`return` with no `call` to return to; the story stops here"
    (shown,) = of(events, SceneShown)
    assert isinstance(shown, SceneShown)  # with nothing to come next, the glued words are not held back for it
    assert shown.paragraphs == ("Stopping, glued to what comes next",) == state.history[-1].paragraphs
    assert state.scene == "stop" and available_choices(story, state) == []
    after, rejected = step(story, state, ChoiceInput(1))
    assert after is state and rejected == [
        Rejected("There is nothing to choose here: a mistake in the story leaves no choice open.")
    ]
    look = step(story, state, CommandInput("look"))[1]
    assert [type(event) for event in look] == [SceneShown]  # shown again, and no move on to `next`
    assert look == describe(story, state)


def test_once_the_story_is_over_nothing_is_offered_and_look_shows_the_ending(story: Story) -> None:
    state, events = choose(story, new_game(story)[0], "Knock")
    assert state.ending == "out"
    assert available_choices(story, state) == []
    look = describe(story, state)
    assert look == of(events, EndingReached)  # the same words, glue and all: not rendered afresh
    assert step(story, state, ChoiceInput(1)) == (state, [Rejected("The story is over.")])


STATUS_MANIFEST = """\
format: 2
id: status
title: Status
version: "1.0"
start: hall
author: Tests
variables:
  trust: {type: int, default: 0, min: 0, max: 5}
seems:
  - {if: "10 / trust > 1", text: "She trusts you."}
  - {if: "trust > 3", text: "She is warm."}
endings:
  - id: out
    title: Out
    text: "the light goes out."
"""
STATUS_SCENES = """\
scenes:
  - id: hall
    text:
      - "{if 10 / trust > 1: She is close. | She is far.}"
      - {if: "10 / trust > 5", text: "Very close."}
    choices:
      - label: Trust her
        do: "trust += 1"
        to: hall
      - label: Only when trusted
        if: "10 / trust > 1"
        to: out
      - label: Look closer
        to: near
  - id: near
    text:
      - Near.
      - {if: "10 / trust > 5", text: "Very near."}
    choices:
      - label: Back
        to: hall
"""


@pytest.fixture(scope="module")
def status_story(tmp_path_factory: pytest.TempPathFactory) -> Story:
    return written(tmp_path_factory.mktemp("status"), STATUS_MANIFEST, STATUS_SCENES)


def test_a_text_a_status_line_or_a_choice_that_cannot_be_worked_out_reads_as_false(status_story: Story) -> None:
    state, events = new_game(status_story)
    (shown,) = of(events, SceneShown)
    assert isinstance(shown, SceneShown)
    assert (shown.paragraphs, shown.seems) == (("She is far.",), "")  # no status line holds: none is shown
    problems = [(event.context, event.message) for event in of(events, Problem)]  # type: ignore[attr-defined]
    assert problems == [
        ("a text of `hall`", "`10 / trust > 1`: division by zero; taken as false"),
        ("a text of `hall`", "`10 / trust > 5`: division by zero; taken as false"),
        ("a status line", "`10 / trust > 1`: division by zero; taken as false"),
        ("a choice of `hall`", "`10 / trust > 1`: division by zero; taken as false"),
    ]
    reloaded = State.from_json(state.to_json(), status_story)  # as from a save: what was offered is worked out again
    assert [choice.label.source for choice in available_choices(status_story, reloaded)] == ["Trust her", "Look closer"]
    state, events = step(status_story, state, ChoiceInput(1))
    (shown,) = of(events, SceneShown)
    assert isinstance(shown, SceneShown)
    assert (shown.paragraphs, shown.seems) == (("She is close.", "Very close."), "She trusts you.")
    assert of(events, Problem) == []
    offered = [choice.label.source for choice in available_choices(status_story, state)]
    assert offered == ["Trust her", "Only when trusted", "Look closer"]


def test_a_plain_paragraph_whose_condition_fails_is_left_out_and_the_rest_shown(status_story: Story) -> None:
    """A text of plain paragraphs is worked out in one go; when that fails, it is shown paragraph by paragraph, so
    the problem names the paragraph's condition and the others are still shown."""
    _state, events = step(status_story, new_game(status_story)[0], ChoiceInput(2))
    (shown,) = of(events, SceneShown)
    assert isinstance(shown, SceneShown) and (shown.scene_id, shown.paragraphs) == ("near", ("Near.",))
    problems = [(event.context, event.message) for event in of(events, Problem)]  # type: ignore[attr-defined]
    assert ("a text of `near`", "`10 / trust > 5`: division by zero; taken as false") in problems


def test_the_portrait_of_a_story_without_a_lexicon_lists_no_traits(status_story: Story) -> None:
    """The portrait screen of a story with no typewriter: no pages, no traits, her status line as the game shows it."""
    state, _ = step(status_story, new_game(status_story)[0], ChoiceInput(1))
    drawn = portrait(status_story, state)
    assert (drawn.pages, drawn.traits, drawn.seems) == ((), (), "She trusts you.")


@pytest.mark.parametrize(
    ("condition", "first", "knock_offered_after"),
    [
        ("weather == 'calm'", "Knock", False),  # used up
        ("weather == 'calm'", "Ask about the storm", False),  # never taken, but the weather is stormy now
        ("true", "Ask about the storm", True),  # never taken, and the condition holds
    ],
    ids=["taken", "condition-false", "neither"],
)
def test_a_once_only_choice_with_a_condition_needs_both(
    tmp_path: Path, condition: str, first: str, knock_offered_after: bool
) -> None:
    """`once: true` with an `if`: offered only while the condition holds and it has not been taken."""
    source = DATA / "stories" / "format2"
    scenes = (source / "scenes.yaml").read_text(encoding="utf-8")
    assert "        once: true\n" in scenes
    story = written(
        tmp_path,
        (source / "story.yaml").read_text(encoding="utf-8"),
        scenes.replace("        once: true\n", f'        once: true\n        if: "{condition}"\n'),
    )
    state, events = new_game(story)
    assert "Knock" in of(events, ChoicesOffered)[0].labels  # type: ignore[attr-defined]
    state, events = choose(story, state, first)
    assert state.scene == "shore"
    assert ("Knock" in of(events, ChoicesOffered)[-1].labels) is knock_offered_after  # type: ignore[attr-defined]
