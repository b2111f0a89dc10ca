"""The rules behind issue 16's screens, without a screen: going back to a moment of the history, the subject's portrait,
save summaries and time played, the transcript a history entry keeps, and the ending's hint in the story format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.controller import NO_ROLLBACK_IN_A_SPEEDRUN, GameController
from game.engine import ChoiceInput, PageInput, State
from game.persistence.saves import SaveSummary, list_saves, slot_path
from game.replay.format import read_replay
from game.replay.verify import verify
from game.story.loader import load_story, load_story_or_raise
from game.story.model import Story
from tests.tui_helpers import TUI_STORY

PAGE = "Ruby is happy. She speaks French. Harry is sad."


@pytest.fixture(scope="module")
def story() -> Story:
    return load_story_or_raise(TUI_STORY)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def played(game: GameController, *inputs: ChoiceInput | PageInput) -> None:
    for action in inputs:
        game.apply(action)


def test_going_back_takes_back_every_input_since_and_the_recording_stays_true(story: Story, tmp_path: Path) -> None:
    record = tmp_path / "run.json"
    game = GameController(story, record_to=record)
    game.new_game()
    played(game, ChoiceInput(1), ChoiceInput(1), PageInput(PAGE))  # the letter, the key, a page: "After the Page"
    state = game.state
    assert state is not None
    assert [entry.title for entry in state.history] == ["The Study", "The Letter", "The Page", "After the Page"]
    assert game.rollback_points() == {0: 3, 1: 2, 2: 1}  # the latest moment is where the player is
    response = game.rollback(1)
    assert response.jumped and "You go back to `The Letter`." in [notice.text for notice in response.notices]
    assert game.state is not None and game.state.scene == "letter" and game.state.traits["happy"] == 0
    played(game, ChoiceInput(2))  # burn the letter: an ending, and the replay is written
    replay = read_replay(record.read_bytes())
    assert [item.kind for item in replay.inputs] == ["choice", "choice", "page", "undo", "undo", "choice"]
    assert verify(replay, story).valid


def test_a_moment_from_before_a_load_cannot_be_gone_back_to(story: Story) -> None:
    game = GameController(story)
    game.new_game()
    played(game, ChoiceInput(1))
    game.save("kept")
    played(game, ChoiceInput(1))
    game.new_game()
    played(game, ChoiceInput(2))
    game.load("kept")
    assert game.rollback_points() == {}  # the loaded game's own past is not in this session's undo
    assert game.rollback(0).notices[0].text == "That moment can no longer be returned to."


def test_there_is_no_going_back_in_a_speedrun(story: Story) -> None:
    game = GameController(story)
    game.new_game("any%")
    played(game, ChoiceInput(1))
    assert game.rollback_points() == {}
    response = game.rollback(0)
    assert not response.jumped and response.notices[0].text == NO_ROLLBACK_IN_A_SPEEDRUN
    assert game.state is not None and game.state.scene == "letter"


def test_the_portrait_says_what_each_page_made_true_and_which_sentence_did(story: Story) -> None:
    game = GameController(story)
    game.new_game()
    assert game.portrait().pages == () and game.portrait().traits == ()
    assert game.portrait().control == "None of her is your writing: what she is, she is by herself."
    played(game, ChoiceInput(2), PageInput(PAGE), ChoiceInput(1), PageInput("Ruby is no longer happy. Calvin sleeps."))
    portrait = game.portrait()
    assert portrait.name == "Ruby"
    assert [(page.number, page.scene_title, page.text) for page in portrait.pages] == [
        (1, "The Page", PAGE),
        (2, "The Page", "Ruby is no longer happy. Calvin sleeps."),
    ]
    said = {trait.trait: (trait.said, trait.page, trait.sentence) for trait in portrait.traits}
    assert said == {
        "speaks_french": ("She speaks French.", 1, "She speaks French."),
        "happy": ("She will never be happy.", 2, "Ruby is no longer happy."),  # the later page wins
    }
    assert portrait.control == "A little of her is your writing."
    assert portrait.seems.startswith("She hums a song in French")


def test_a_save_keeps_a_summary_and_time_played_goes_on_after_a_load(story: Story) -> None:
    clock = Clock()
    game = GameController(story, clock=clock)
    game.new_game()
    played(game, ChoiceInput(2), PageInput(PAGE + " She walks to the window."))
    clock.now += 125
    game.save("evening")
    (slot,) = [slot for slot in list_saves(story) if slot.name == "evening"]
    assert slot.summary == SaveSummary(
        "Act Two: The Page",
        "After the Page",
        125.0,
        "She hums a song in French under her breath, one you have never heard before tonight.",
        "Ruby is happy. She speaks French. Harry is…",
    )
    other = GameController(story, clock=clock)
    other.load("evening")
    clock.now += 60
    assert other.played() == 185.0


def test_a_summary_from_a_strange_file_is_made_safe_to_show(story: Story) -> None:
    game = GameController(story)
    game.new_game()
    game.save("odd")
    document = json.loads(slot_path("odd").read_text())
    assert SaveSummary.read(document["summary"] | {"seems": "\x1b]0;owned\x07She", "played": -5}) == SaveSummary(
        "Act One: The Study", "The Study", 0.0, "\ufffd]0;owned\ufffdShe", ""
    )
    assert SaveSummary.read(None) == SaveSummary() and SaveSummary.read({"played": True}).played == 0.0


def test_a_history_entry_keeps_the_whole_transcript_and_old_saves_still_load(story: Story) -> None:
    game = GameController(story)
    game.new_game()
    played(game, ChoiceInput(1), ChoiceInput(1), PageInput(PAGE))
    state = game.state
    assert state is not None
    study, letter, page = state.history[0], state.history[1], state.history[2]
    assert study.action == "Read the letter" and study.after == ("You slit the envelope with a pencil.",)
    assert letter.after == ("You will need it. You put the letter in your pocket.",)
    assert page.page == PAGE and page.reading[-1] == "“Harry is sad.” Not about Ruby: nothing changes."
    assert page.after == ("In the next room, someone laughs.",)
    assert State.from_json(json.loads(json.dumps(state.to_json())), story) == state
    old = state.to_json()
    old["history"] = [{key: entry[key] for key in ("scene", "title", "paragraphs", "action")} for entry in old["history"]]
    assert [entry.page for entry in State.from_json(old, story).history] == ["", "", "", ""]


def test_an_ending_may_carry_a_hint(story: Story, story_copy: Path) -> None:
    assert story.endings["written"].hint == "Write her, then put the pen down."
    assert story.endings["open_door"].hint == ""
    shutil.rmtree(story_copy)
    shutil.copytree(TUI_STORY, story_copy)
    manifest = story_copy / "story.yaml"
    manifest.write_text(manifest.read_text().replace("title: A Quiet End", "title: A Quiet End\n    hint: [not, text]"))
    loaded, diagnostics = load_story(story_copy)
    assert loaded is None and any("hint" in item.message for item in diagnostics.errors)
