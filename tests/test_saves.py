"""Saves: they round-trip, they are written atomically, and a bad or foreign save is refused and kept."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.engine import ChoiceInput, new_game, step
from game.persistence import atomic
from game.persistence.saves import SaveError, check_slot_name, list_saves, load_game, newest_loadable, save_game, slot_path
from game.story.loader import load_story_or_raise
from game.story.model import Story


def played(story: Story):  # type: ignore[no-untyped-def]
    state, _ = new_game(story, seed=5)
    return step(story, state, ChoiceInput(2))[0]


def test_a_save_round_trips(mini_story: Story) -> None:
    state = played(mini_story)
    path = save_game("my game", mini_story, state)
    assert path.parent.parent == Path(os.environ["RUBY_SPARKS_HOME"])
    assert load_game("my game", mini_story) == state
    assert [slot.name for slot in list_saves(mini_story)] == ["my game"]


def test_a_save_is_atomic(mini_story: Story, monkeypatch: pytest.MonkeyPatch) -> None:
    first = played(mini_story)
    path = save_game("slot", mini_story, first)
    before = path.read_bytes()

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(SaveError, match="Could not write"):
        save_game("slot", mini_story, new_game(mini_story)[0])
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["slot.json"]


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda text: text[: len(text) // 2], "not readable JSON"),
        (lambda text: text.replace('"trust": 5', '"trust": 4'), "checksum"),
        (lambda text: "[1, 2, 3]", "not a Ruby Sparks save"),
        (lambda text: "\x00\xff junk", "not readable JSON"),
    ],
)
def test_a_damaged_save_is_refused_and_left_on_disk(mini_story: Story, damage, words: str) -> None:  # type: ignore[no-untyped-def]
    path = save_game("slot", mini_story, played(mini_story))
    path.write_text(damage(path.read_text()))
    damaged = path.read_bytes()
    with pytest.raises(SaveError, match=words):
        load_game("slot", mini_story)
    assert path.read_bytes() == damaged
    assert list_saves(mini_story)[0].problem


def test_a_newer_save_is_refused(mini_story: Story) -> None:
    path = save_game("slot", mini_story, played(mini_story))
    data = json.loads(path.read_text())
    data["version"] = 99
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError, match="newer version"):
        load_game("slot", mini_story)


def test_a_save_of_another_story_is_refused(mini_story: Story, story_copy: Path) -> None:
    save_game("slot", mini_story, played(mini_story))
    (story_copy / "story.yaml").write_text((story_copy / "story.yaml").read_text().replace("id: mini", "id: other"))
    other = load_story_or_raise(story_copy)
    with pytest.raises(SaveError, match="another story"):
        load_game("slot", other)
    assert slot_path("slot").exists()


def test_a_save_of_an_edited_story_loads_onto_it(mini_story: Story, story_copy: Path) -> None:
    """(Once refused; see tests/test_saves_edited.py for what an edit does to a save.)"""
    state = played(mini_story)
    save_game("slot", mini_story, state)
    (story_copy / "scenes.yaml").write_text((story_copy / "scenes.yaml").read_text().replace("Rain.", "Snow."))
    edited = load_story_or_raise(story_copy)
    assert edited.content_hash != mini_story.content_hash
    assert load_game("slot", edited).variables == state.variables


@pytest.mark.parametrize("name", ["../escape", "a/b", "", "con", "NUL", ".hidden", "x" * 41, "tab\tname"])
def test_save_names_are_sanitised(name: str) -> None:
    with pytest.raises(SaveError):
        check_slot_name(name)


def test_another_storys_save_or_a_damaged_one_is_never_overwritten(mini_story: Story, shipped_story: Story) -> None:
    from game.engine import new_game
    from game.persistence.saves import autosave

    shipped_state, _ = new_game(shipped_story)
    mini_state, _ = new_game(mini_story)
    first = autosave(shipped_story, shipped_state)
    kept = first.read_bytes()
    with pytest.raises(SaveError, match="another story"):
        save_game("autosave", mini_story, mini_state)
    moved = autosave(mini_story, mini_state)
    assert moved.stem == "autosave-mini" and first.read_bytes() == kept
    assert load_game("autosave", shipped_story).scene == shipped_state.scene
    slot_path("broken").write_text("{not json")
    with pytest.raises(SaveError, match="damaged save, kept"):
        save_game("broken", mini_story, mini_state)
    assert slot_path("broken").read_text() == "{not json"


def test_a_file_the_game_could_not_have_named_is_listed_but_never_picked(mini_story: Story) -> None:
    state, _ = new_game(mini_story)
    save_game("s1", mini_story, state)
    newer = save_game("s2", mini_story, state)
    newer.rename(newer.with_name("my.save.json"))
    slots = {slot.name: slot for slot in list_saves(mini_story)}
    assert slots["my.save"].problem and not slots["s1"].problem
    assert newest_loadable(mini_story) == "s1"


def test_a_saves_folder_that_is_a_file_is_named_in_the_message(mini_story: Story) -> None:
    slot_path("x").parent.parent.mkdir(parents=True, exist_ok=True)
    slot_path("x").parent.write_text("not a folder")
    state, _ = new_game(mini_story)
    with pytest.raises(SaveError, match="that is a file, not a folder"):
        save_game("x", mini_story, state)


def test_a_save_whose_text_holds_a_terminal_escape_is_refused(mini_story: Story) -> None:
    """A save is shown again (its history, its scene title): text with an escape sequence in it, even under a checksum
    made to match, is refused as damaged instead of reaching the terminal."""
    from game.engine.state import State, StateError

    state, _ = new_game(mini_story, 0)
    data = json.loads(json.dumps(state.to_json()))
    data["history"][0]["paragraphs"][0] += "\x1b]52;c;cm0gLXJmIH4=\x07"
    with pytest.raises(StateError, match="control character"):
        State.from_json(data, mini_story)
