"""One game controller under every front end: the same inputs give the same game, saves and replay in plain mode and
in the Textual app, and the same refusals."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from game.controller import NO_UNDO_IN_A_SPEEDRUN, GameController
from game.engine import ChoiceInput, Input, PageInput
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
    assert game.undo().jumped  # an ordinary game again: undo takes back the load


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
