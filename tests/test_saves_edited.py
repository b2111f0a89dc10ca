"""A save survives an edit of its story: it loads onto the story as it now is, by scene id and variable name, and the
player is told in one line what changed. Only a save whose scene is gone is refused, with the nearest earlier scene
of its history offered instead.
"""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.controller import GameController, Response
from game.engine import ChoiceInput, EndingReached, PageInput, SceneShown, new_game, step
from game.engine.migrate import carry_over, kept_value
from game.engine.state import State
from game.frontends.plain import play_plain
from game.persistence.saves import list_saves, save_game
from game.records import replace
from game.story.loader import load_story_or_raise
from game.story.model import Story, Variable
from tests.conftest import examples


def saved_at_after(story_copy: Path) -> State:
    """A game at the scene `after` (through `desk` and `page`), with trust raised to 5, saved as `slot`."""
    story = load_story_or_raise(story_copy)
    state, _ = new_game(story)
    state, _ = step(story, state, ChoiceInput(2))  # a promise: trust 5, back at the desk
    state, _ = step(story, state, ChoiceInput(1))  # to the page
    state, _ = step(story, state, PageInput("Ruby is happy."))
    assert state.scene == "after" and state.variables["trust"] == 5
    save_game("slot", story, state)
    return state


def edit(story_copy: Path, file: str, old: str, new: str) -> None:
    path = story_copy / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def load(story_copy: Path, earlier: bool = False) -> tuple[GameController, Response]:
    game = GameController(load_story_or_raise(story_copy))
    return game, game.load("slot", earlier)


def notices(response: Response) -> list[str]:
    return [notice.text for notice in response.notices]


def scene_text(response: Response) -> tuple[str, ...]:
    return next(event.paragraphs for event in response.events if isinstance(event, SceneShown))


def test_after_an_edit_of_prose_the_save_loads_and_shows_the_new_text(story_copy: Path) -> None:
    saved_at_after(story_copy)
    edit(story_copy, "scenes.yaml", '"Language: {language}. Warmth: {warmth}."', '"The language is {language}."')
    game, response = load(story_copy)
    assert notices(response) == ["Loaded `slot`. The story was edited since this save."]
    assert scene_text(response) == ("The language is english.",)
    assert game.state is not None and game.state.variables["trust"] == 5 and game.state.scene == "after"


def test_a_new_variable_starts_at_its_default_and_the_load_says_so(story_copy: Path) -> None:
    saved_at_after(story_copy)
    edit(
        story_copy,
        "story.yaml",
        "variables:\n",
        "variables:\n  patience: {type: int, default: 3}\n  luck: {type: bool, default: true}\n",
    )
    edit(story_copy, "scenes.yaml", "Warmth: {warmth}.", "Warmth: {warmth}. Patience: {patience}.{if luck: !}")
    game, response = load(story_copy)
    assert notices(response) == ["Loaded `slot`. The story was edited since this save: 2 variables new, defaults used."]
    assert game.state is not None and game.state.variables["patience"] == 3 and game.state.variables["trust"] == 5


def test_a_value_that_no_longer_fits_goes_back_to_its_default(story_copy: Path) -> None:
    state = saved_at_after(story_copy)
    assert state.variables["language"] == "english"
    edit(story_copy, "story.yaml", "language: {type: str, default: english, values: [english, french]}",
         "language: {type: str, default: french, values: [french, german]}")  # fmt: skip
    edit(story_copy, "scenes.yaml", "language = 'french'", "language = 'german'")
    game, response = load(story_copy)
    assert notices(response) == [
        "Loaded `slot`. The story was edited since this save: `language` no longer fits, back to the default."
    ]
    assert game.state is not None and game.state.variables["language"] == "french"


def test_a_save_whose_scene_was_renamed_is_refused_and_offers_the_nearest_earlier_scene(story_copy: Path) -> None:
    """The edit an author makes in one go: prose, a new variable, a scene renamed."""
    saved_at_after(story_copy)
    edit(story_copy, "scenes.yaml", "id: after", "id: afterwards")
    edit(story_copy, "scenes.yaml", "to: after", "to: afterwards")
    edit(story_copy, "scenes.yaml", "What do you write about her?", "What will you write about her?")
    edit(story_copy, "story.yaml", "variables:\n", "variables:\n  patience: {type: int, default: 3}\n")
    edit(story_copy, "scenes.yaml", "Warmth: {warmth}.", "Warmth: {warmth}. Patience: {patience}.")
    game, refused = load(story_copy)
    assert notices(refused) == [
        "The save `slot` was made at `after`, which is no longer in the story; it can go on from `page`, the nearest "
        "earlier scene it passed through."
    ]
    assert refused.earlier == ("slot", "page") and game.state is None
    game, response = load(story_copy, earlier=True)
    assert notices(response) == [
        "Loaded `slot`. `after` is gone from the story, so you go on from `page`; the story was edited since this save: "
        "1 variable new, default used."
    ]
    assert game.state is not None and game.state.scene == "page" and game.state.variables["trust"] == 5
    assert scene_text(response) == () and "What will you write about her?" in str(response.events)


def test_a_save_with_no_scene_left_is_refused_without_an_offer(story_copy: Path) -> None:
    saved_at_after(story_copy)
    for old in ("desk", "page", "after"):
        edit(story_copy, "scenes.yaml", f"id: {old}", f"id: {old}2")
        (story_copy / "scenes.yaml").write_text((story_copy / "scenes.yaml").read_text().replace(f"to: {old}\n", f"to: {old}2\n"))
    edit(story_copy, "story.yaml", "start: desk", "start: desk2")
    _game, refused = load(story_copy)
    assert refused.earlier is None
    assert notices(refused) == [
        "The save `slot` was made at `after`, which is no longer in the story, nor is any scene before it; it was left as it is."
    ]


def test_an_edited_storys_saves_are_listed_as_loadable(story_copy: Path) -> None:
    saved_at_after(story_copy)
    edit(story_copy, "scenes.yaml", "Language:", "The language:")
    assert [(slot.name, slot.problem) for slot in list_saves(load_story_or_raise(story_copy))] == [("slot", "")]


def test_plain_mode_offers_the_earlier_scene_and_loads_it(story_copy: Path) -> None:
    saved_at_after(story_copy)
    edit(story_copy, "scenes.yaml", "id: after", "id: afterwards")
    edit(story_copy, "scenes.yaml", "to: after", "to: afterwards")
    story: Story = load_story_or_raise(story_copy)
    out = io.StringIO()
    play_plain(story, stdin=io.StringIO("load slot\nload slot --earlier\nquit\n"), stdout=out)
    text = out.getvalue()
    assert "(Type `load slot --earlier` to go on from `page`.)" in text
    assert "Loaded `slot`. `after` is gone from the story, so you go on from `page`" in text
    assert "What do you write about her?" in text.split("Loaded `slot`.")[-1]  # at the typewriter of `page`


async def test_the_tui_asks_to_go_on_from_the_earlier_scene(story_copy: Path) -> None:
    from game.tui.app import RubySparksApp
    from game.tui.confirm import Confirm
    from tests.tui_helpers import SIZE, game_screen, ready, wait_until

    saved_at_after(story_copy)
    edit(story_copy, "scenes.yaml", "id: after", "id: afterwards")
    edit(story_copy, "scenes.yaml", "to: after", "to: afterwards")
    app = RubySparksApp(story_copy, animate=False, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, Confirm))
        assert isinstance(app.screen, Confirm) and "it can go on from `page`" in app.screen.question
        await pilot.press("y")
        await wait_until(pilot, lambda: app.controller is not None and app.controller.state is not None)
        assert game_screen(pilot).view.scene_title == "The Page" and game_screen(pilot).view.at_typewriter


def test_a_renamed_variable_and_trait_are_counted_new_and_gone_in_one_line(story_copy: Path) -> None:
    saved_at_after(story_copy)
    for file in ("story.yaml", "scenes.yaml"):
        edit(story_copy, file, "vow", "oath")
    for file in ("lexicon.yaml", "scenes.yaml"):
        edit(story_copy, file, "speaks_french", "speaks_german")
    game, response = load(story_copy)
    assert notices(response) == [
        "Loaded `slot`. The story was edited since this save: 1 variable new, default used; 1 variable gone; "
        "1 trait new; 1 trait gone."
    ]
    assert game.state is not None and game.state.variables["oath"] is False and game.state.traits["speaks_german"] == 0


def test_a_call_whose_return_scene_is_gone_ends_where_it_stands(tmp_path: Path) -> None:
    """A format 2 save inside a subroutine remembers where to return; if the author deletes that scene, the call is
    dropped (and said), rather than the save being refused or returning nowhere."""
    story = load_story_or_raise(Path(__file__).parent / "data" / "stories" / "format2")
    state, _ = new_game(story)
    inside = replace(state, scene="storm_talk", stack=("shore", "stairs", "gone_scene"))
    carried = carry_over(inside, story)
    assert carried.state.stack == ("shore", "stairs")
    assert carried.summary() == "1 scene to return to gone"


VARIABLES = st.builds(
    Variable,
    name=st.just("v"),
    type=st.sampled_from(["int", "number", "bool", "str"]),
    default=st.just(0),
    minimum=st.none() | st.integers(-5, 0),
    maximum=st.none() | st.integers(1, 5),
    values=st.sampled_from([(), ("a", "b")]),
)
SAVED = (
    st.none()
    | st.booleans()
    | st.integers(-10, 10)
    | st.floats(allow_nan=True)
    | st.text(max_size=2)
    | st.sampled_from(["a", "b"])
)


@settings(max_examples=examples(300), deadline=None)
@given(VARIABLES, SAVED)
def test_a_saved_value_is_kept_only_as_something_the_variable_now_allows(variable: Variable, value: object) -> None:
    """Whatever a save holds (JSON gives NaN, huge numbers, the wrong type), what is kept fits the declaration: its
    type, its range (clamped into it) and its values; a value that already fits is kept as it is."""
    kept = kept_value(value, variable)
    if kept is None:
        return
    if variable.type == "bool":
        assert kept is value
    elif variable.type == "str":
        assert kept == value and (not variable.values or kept in variable.values)
    else:
        # (a number clamped to a bound written as a whole number keeps that bound's int: the same value to the game)
        assert not isinstance(kept, bool) and isinstance(kept, int if variable.type == "int" else (int, float))
        assert (variable.minimum is None or kept >= variable.minimum) and (variable.maximum is None or kept <= variable.maximum)
        fits = (variable.minimum is None or value >= variable.minimum) and (variable.maximum is None or value <= variable.maximum)
        if fits and variable.type == "number":
            assert kept == value
    assert kept_value(kept, variable) == kept  # fitting twice changes nothing


def test_a_save_at_an_ending_loads_after_an_edit_with_the_ending_as_it_now_reads(story_copy: Path) -> None:
    story = load_story_or_raise(story_copy)
    state, _ = new_game(story)
    state, _ = step(story, state, ChoiceInput(3))  # give up: the ending `quiet`
    assert state.ending == "quiet"
    save_game("slot", story, state)
    edit(story_copy, "story.yaml", "Trust was {trust}. The end.", "Trust stood at {trust}. The end.")
    game, response = load(story_copy)
    assert notices(response) == ["Loaded `slot`. The story was edited since this save."]
    (ending,) = [event for event in response.events if isinstance(event, EndingReached)]
    assert ending.paragraphs == ("Trust stood at 1. The end.",)
    assert game.state is not None and game.state.ending == "quiet"
    last = game.state.history[-1]  # the transcript still ends with the ending, as it now reads
    assert (last.scene, last.paragraphs) == ("quiet", ending.paragraphs)
