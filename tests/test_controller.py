"""One game controller under every front end: the same inputs give the same game, saves and replay in plain mode and
in the Textual app, and the same refusals."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from game.controller import NO_UNDO_IN_A_SPEEDRUN, GameController
from game.engine import ChoiceInput, Input, Narration, PageInput
from game.frontends.plain import play_plain
from game.persistence.saves import load_game, slot_path
from game.records import replace
from game.replay.format import read_replay
from game.replay.verify import verify
from game.story.categories import derived_seed
from game.story.model import Story
from tests.tui_helpers import SIZE, game_screen, make_app, play, ready, shipped_replay, wait_until

FILM, PATH = shipped_replay("film")
"""The shipped film replay's inputs: choices and typed pages, to the film's ending (with the replay's seed)."""
SAVED_AT = 5
"""After this many inputs the game is saved to a slot, then one input is taken back and made again."""


def _plain_lines(path: tuple[Input, ...]) -> str:
    lines: list[str] = []
    for number, action in enumerate(path):
        if number == SAVED_AT:
            lines += ["save parity", "undo", *_plain_input(path[number - 1])]
        lines += _plain_input(action)
    return "\n".join([*lines, "quit"]) + "\n"


def _plain_input(action: Input) -> list[str]:
    if isinstance(action, PageInput):
        return [*action.text.splitlines(), ""]
    assert isinstance(action, ChoiceInput)
    return [str(action.number)]


def _replay_facts(path: Path) -> dict[str, Any]:
    """What two recordings of the same game share: everything but the times."""
    data = json.loads(path.read_text())
    data["inputs"] = [{k: v for k, v in item.items() if k != "t"} for item in data["inputs"]]
    data["result"] = {"ending": data["result"]["ending"], "splits": [s["name"] for s in data["result"]["splits"]]}
    return data


def _slot(name: str) -> dict[str, Any]:
    data = json.loads(slot_path(name).read_text())
    data["summary"].pop("played")  # a time, like `saved_at`
    return {key: value for key, value in data.items() if key not in ("saved_at", "checksum")}


async def test_plain_mode_and_the_textual_app_play_the_same_game(
    shipped_story: Story, private_home: Path, tmp_path: Path
) -> None:
    plain_replay, tui_replay = tmp_path / "plain.json", tmp_path / "tui.json"
    out = io.StringIO()
    assert play_plain(shipped_story, io.StringIO(_plain_lines(PATH)), out, seed=FILM.seed, record=plain_replay) == 0
    assert "You take it back." in out.getvalue()
    plain_save, plain_end = _slot("parity"), load_game("autosave", shipped_story)
    slot_path("parity").unlink()
    slot_path("autosave").unlink()

    app = make_app(seed=FILM.seed)
    app.record_to = tui_replay
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: bool(game_screen(pilot).view.choices))
        await play(pilot, PATH[:SAVED_AT])
        app.save_slot("parity")
        await pilot.press("f3")
        await play(pilot, PATH[SAVED_AT - 1 :])
        await wait_until(pilot, lambda: game_screen(pilot).view.ending_id is not None)
        await pilot.press("ctrl+q")

    assert _slot("parity") == plain_save
    assert load_game("autosave", shipped_story) == plain_end and plain_end.ending == "film_ending"
    assert _replay_facts(tui_replay) == _replay_facts(plain_replay)
    assert [item["kind"] for item in _replay_facts(plain_replay)["inputs"]].count("undo") == 1
    assert verify(read_replay(tui_replay.read_bytes()), shipped_story).valid


def test_plain_mode_refuses_undo_in_a_speedrun_and_records_none(private_home: Path, shipped_story: Story, tmp_path: Path) -> None:
    target = tmp_path / "run.json"
    _, honeymoon = shipped_replay("honeymoon")  # the shortest any% (which must reach Ruby)
    lines = [*_plain_input(honeymoon[0]), "undo", *[line for action in honeymoon[1:] for line in _plain_input(action)]]
    out = io.StringIO()
    play_plain(shipped_story, io.StringIO("\n".join(lines) + "\n"), out, record=target, speedrun="any%")
    assert NO_UNDO_IN_A_SPEEDRUN in out.getvalue() and "You take it back." not in out.getvalue()
    replay = read_replay(target.read_bytes())
    assert [item.kind for item in replay.inputs] == [type(a).__name__[:-5].lower() for a in honeymoon] and replay.speedrun
    assert replay.seed == derived_seed(shipped_story.content_hash, "any%")
    # typed by a script in a few milliseconds: a real run of the game, but no person plays that fast
    assert verify(replace(replay, speedrun=False), shipped_story).valid
    verdict = verify(replay, shipped_story)
    assert not verdict.valid and "no input comes sooner than" in verdict.line


def test_a_load_ends_the_speedrun_and_its_recording(private_home: Path, shipped_story: Story) -> None:
    game = GameController(shipped_story)
    game.new_game()
    game.apply(ChoiceInput(1))
    assert game.save("before").kind == "info"
    game.new_game("any%")
    assert game.undo().notices[0].text == NO_UNDO_IN_A_SPEEDRUN
    loaded = game.load("before")
    assert loaded.jumped and game.speedrun is None and game.recorder is not None and game.recorder.broken
    undone = game.undo()  # an ordinary game again, which starts at the load: nothing before it is taken back
    assert not undone.jumped and undone.notices[0].text == "Nothing to take back."


def test_a_speedrun_never_touches_the_casual_game_s_autosave(private_home: Path, shipped_story: Story) -> None:
    """Continue resumes the newest save: a speed-run's place (which no load can go on timing) must not become it."""
    casual = io.StringIO("1\n2\n1\nquit\n")
    assert play_plain(shipped_story, casual, io.StringIO(), seed=FILM.seed) == 0
    kept = slot_path("autosave").read_bytes()
    _, honeymoon = shipped_replay("honeymoon")
    out = io.StringIO()
    code = play_plain(shipped_story, io.StringIO("\n".join(_plain_lines_of(honeymoon)) + "\n"), out, speedrun="any%")
    assert code == 0 and "*** THE END" in out.getvalue() and "Saved to `autosave`" not in out.getvalue()
    assert slot_path("autosave").read_bytes() == kept
    game = GameController(shipped_story)
    assert "Loaded `autosave`." in game.load(None).notices[0].text and game.state == load_game("autosave", shipped_story)


def _plain_lines_of(path: tuple[Input, ...]) -> list[str]:
    return [line for action in path for line in _plain_input(action)]


def test_after_a_load_undo_and_going_back_agree(private_home: Path, shipped_story: Story) -> None:
    """A load starts a new undo history, so undo takes back nothing and no moment of the history can be returned to;
    loading the place the player is at (Continue after leaving for the title) keeps the game, undo history and all."""
    game = GameController(shipped_story)
    game.new_game()
    game.apply(ChoiceInput(1))
    game.save("early")
    for action in PATH[1:3]:
        game.apply(action)
    points, here = game.rollback_points(), game.state
    assert points and game.load(None).jumped  # the autosave: this very place
    assert game.rollback_points() == points and game.state is here
    assert game.undo().notices[0].text == "You take it back." and game.state is not None and game.state.scene != here.scene
    game.load("early")
    assert not game.can_undo and game.rollback_points() == {}
    assert game.undo().notices[0].text == "Nothing to take back."
    assert game.rollback(0).notices[0].text == "That moment can no longer be returned to."


def test_plain_mode_takes_back_nothing_before_a_load(private_home: Path, shipped_story: Story) -> None:
    out = io.StringIO()
    play_plain(shipped_story, io.StringIO("1\nsave early\n2\nload early\nundo\nquit\n"), out)
    said = out.getvalue()
    assert "Nothing to take back." in said and "You take it back." not in said


def test_a_scene_with_no_text_of_its_own_is_shown_with_what_led_to_it(private_home: Path, shipped_story: Story) -> None:
    """The Proof's passage is the choice's narration: after a load or an undo it is shown again, never a blank page."""
    game = GameController(shipped_story, seed=FILM.seed)
    game.new_game()
    for action in PATH[:18]:
        shown = game.apply(action)
    assert game.state is not None and game.state.history[-1].title == "The Proof"
    narration = next(event for event in shown.events if isinstance(event, Narration))
    fresh = GameController(shipped_story)
    assert narration in fresh.load(None).events
    game.apply(PATH[18])
    assert narration in game.undo().events


def test_each_new_game_has_the_next_seed_and_a_restart_in_a_run_the_run_s(private_home: Path, shipped_story: Story) -> None:
    game = GameController(shipped_story, seed=40)
    game.new_game()
    assert game.state is not None and game.state.seed == 40
    game.begin_again()
    assert game.state.seed == 41
    game.new_game("all-endings")  # a speed-run starts from its category's seed, which no runner chooses
    run_seed = derived_seed(shipped_story.content_hash, "all-endings")
    assert game.state.seed == run_seed
    game.apply(ChoiceInput(2))
    game.begin_again()  # the run goes on: its second game has the run's next seed
    assert game.recorder is not None and game.recorder.run.games == 1 and game.state.seed == run_seed + 1
    assert [item.kind for item in game.recorder.run.inputs] == ["choice", "restart"]
    game.new_game()
    assert game.state.seed == 42  # casual games go on counting from where they were
