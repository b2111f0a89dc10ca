"""Saves: they round-trip, they are written atomically, and a bad or foreign save is refused and kept."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from game.engine import ChoiceInput, new_game, step
from game.persistence import atomic
from game.persistence.saves import (
    LOCK_FILE,
    SaveError,
    check_slot_name,
    list_saves,
    load_game,
    newest_loadable,
    save_game,
    slot_path,
)
from game.story.loader import load_story_or_raise
from game.story.model import Story
from tests.conftest import MINI, console_script


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
    assert [p.name for p in path.parent.iterdir() if p.name != LOCK_FILE] == ["slot.json"]  # no temporary file left


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


def _tampered(story: Story, change) -> None:  # type: ignore[no-untyped-def]
    """The save `slot` with `change` made to its document and the checksum made to match again, as a person editing
    the file with the game's own code at hand would."""
    from game.persistence.saves import _checksum

    path = save_game("slot", story, played(story))
    document = json.loads(path.read_text())
    change(document)
    body = {key: value for key, value in document.items() if key != "checksum"}
    path.write_text(json.dumps(body | {"checksum": _checksum(body)}))


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["state"]["variables"].update(trust=99), "`trust` is 99, outside its range 0..5"),
        (lambda d: d["state"]["variables"].update(trust=-1), "`trust` is -1, outside its range 0..5"),
        (lambda d: d["state"]["variables"].update(warmth=1.5), "`warmth` is 1.5, outside its range 0..1"),
        (lambda d: d["state"]["variables"].update(language="klingon"), "`language` is 'klingon', which is not one of"),
        (lambda d: d["state"]["traits"].update(happy=50.0), "the trait `happy` is 50.0, outside -3.0..3.0"),
        (lambda d: d["state"].update(ending="quiet"), "at the ending `quiet` without having reached it"),
        (lambda d: d["state"].update(act="seven"), "the saved act `seven` is not in this story"),
    ],
    ids=["above-max", "below-min", "number-above-max", "not-a-value", "trait", "preset-ending", "unknown-act"],
)
def test_a_save_the_story_could_not_have_made_is_refused(mini_story: Story, change, words: str) -> None:  # type: ignore[no-untyped-def]
    """The loader refuses a default outside its range; a save holding such a value (or an ending it never reached)
    is refused the same way, with the value named, and kept as it is."""
    _tampered(mini_story, change)
    kept = slot_path("slot").read_bytes()
    with pytest.raises(SaveError, match=r"The save `slot` is damaged: .*; it was left as it is\.") as refused:
        load_game("slot", mini_story)
    assert words in str(refused.value) and "\n" not in str(refused.value)
    assert slot_path("slot").read_bytes() == kept


def test_an_ending_reached_in_play_still_loads(mini_story: Story) -> None:
    state = step(mini_story, new_game(mini_story)[0], ChoiceInput(3))[0]  # give up: the quiet ending
    assert state.ending == "quiet"
    save_game("end", mini_story, state)
    assert load_game("end", mini_story) == state


def test_stale_temporary_files_go_at_start_up_and_young_ones_stay(mini_story: Story, private_home: Path) -> None:
    """A killed save leaves `.NAME.json.XXXX.tmp`; the next game removes those a day old. A younger one may be another
    game's save in progress, and nothing else in the folders is touched."""
    import time

    from game.persistence.saves import saves_dir

    save_game("slot", mini_story, played(mini_story))
    day_old = time.time() - 24 * 60 * 60 - 60
    files = {
        saves_dir() / ".slot.json.abcd1234.tmp": day_old,
        private_home / ".settings.json.efgh5678.tmp": day_old,
        saves_dir() / ".slot.json.young123.tmp": time.time(),
        saves_dir() / "old.tmp": day_old,  # not a name the game makes
        saves_dir() / ".notes": day_old,
    }
    for path, when in files.items():
        path.write_text("x")
        os.utime(path, (when, when))
    result = subprocess.run(
        [*console_script(), "play", "--plain", "--story", str(MINI)], input="quit\n", capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in files if path.exists()) == [".notes", ".slot.json.young123.tmp", "old.tmp"]
    assert load_game("slot", mini_story) == played(mini_story)


def test_plain_mode_exits_non_zero_when_the_last_save_fails(mini_story: Story, private_home: Path) -> None:
    """A full disk, a read-only folder: the game cannot keep the player's place, and a script must know it."""
    private_home.mkdir(parents=True, exist_ok=True)
    (private_home / "saves").write_text("not a folder")
    for stdin in ("1\n", "1\nquit\n"):  # the end of the input, and `quit`
        result = subprocess.run(
            [*console_script(), "play", "--plain", "--story", str(MINI)], input=stdin, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 1, result.stdout[-500:] + result.stderr
        last = result.stdout.rstrip().splitlines()[-1]  # after the prompt the input ended at
        assert last.endswith("but that is a file, not a folder; move it away to save."), last
        assert "Traceback" not in result.stderr
