"""Replays and speed-runs: recorded runs verify, tampered ones do not (and say why), bests persist."""

from __future__ import annotations

import io
import json
import random
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.controller import GameController
from game.engine import ChoiceInput, PageInput, available_choices
from game.explorer.exhaustive import Exploration
from game.explorer.random_pages import random_page
from game.frontends.plain import play_plain
from game.paths import assets_dir, user_data_dir
from game.records import replace
from game.replay.format import read_replay
from game.replay.run import Run
from game.replay.verify import verify
from game.speedrun.records import Records, load_records, save_records
from game.story.model import Story
from game.tui.category_screen import CategoryScreen
from game.tui.game_screen import GameScreen
from tests.conftest import cap_memory, console_script, examples
from tests.tui_helpers import (
    SIZE,
    footer_keys,
    game_screen,
    make_app,
    plain_lines,
    play,
    ready,
    run_from_palette,
    screen_text,
    shipped_replay,
    wait_until,
)

SHIPPED = sorted((assets_dir() / "replays").glob("*.json"))


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*console_script(), *args], capture_output=True, text=True, input=stdin, timeout=120)


def test_the_shipped_replays_verify_through_the_console_script() -> None:
    assert len(SHIPPED) >= 2
    endings = set()
    for path in SHIPPED:
        result = cli("replay", "--verify", str(path))
        assert result.returncode == 0, result.stdout + result.stderr
        line = result.stdout.strip()
        assert line.startswith("valid: ending=") and " time=" in line and " inputs=" in line
        endings.add(line.split("ending=")[1].split()[0])
    assert "film_ending" in endings and len(endings) >= 2


def _tampered(tmp_path: Path, change: Any, name: str = "tampered.json") -> Path:
    document = json.loads((assets_dir() / "replays" / "film.json").read_text())
    change(document)
    path = tmp_path / name
    path.write_text(json.dumps(document) + "\n")
    return path


def _invalid(path: Path) -> str:
    result = cli("replay", "--verify", str(path))
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith("invalid: ")
    return result.stdout


def test_an_input_the_game_would_not_take(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["inputs"][2] = {"t": d["inputs"][2]["t"], "kind": "choice", "value": 9}

    assert "step 3: the game would not accept this choice" in _invalid(_tampered(tmp_path, change))


def test_a_page_where_a_choice_is_due(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["inputs"][0] = {"t": 0, "kind": "page", "value": "Ruby is happy."}

    assert "step 1: the game would not accept this page" in _invalid(_tampered(tmp_path, change))


def test_a_forged_film_run_with_every_time_zero_is_refused(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        for item in d["inputs"]:
            item["t"] = 0
        d["result"]["time"] = 0
        d["result"]["splits"] = [{"name": s["name"], "t": 0} for s in d["result"]["splits"]]

    assert "step 2: 0 ms after the input before; no input comes sooner than 100 ms" in _invalid(_tampered(tmp_path, change))


def test_a_page_typed_faster_than_anyone_types_is_refused(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        page = next(n for n, item in enumerate(d["inputs"]) if item["kind"] == "page")
        d["inputs"][page]["value"] = "Ruby speaks French. " * 25  # 500 characters
        shift = d["inputs"][page - 1]["t"] + 200 - d["inputs"][page]["t"]  # typed in 200 ms
        for item in d["inputs"][page:]:
            item["t"] += shift

    out = _invalid(_tampered(tmp_path, change))
    assert "a page of 500 characters typed in 200 ms (faster than 20 characters a second)" in out


def test_an_undo_inside_a_speedrun_is_refused(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["inputs"].insert(3, {"t": d["inputs"][2]["t"] + 500, "kind": "undo"})

    assert "step 4: a speed-run has no undo" in _invalid(_tampered(tmp_path, change))


def test_a_seed_the_runner_chose_is_refused(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["seed"] += 1

    assert "is not the film% seed of this story" in _invalid(_tampered(tmp_path, change))


def test_a_casual_game_may_undo_and_says_its_times_are_not_checked(tmp_path: Path, shipped_story: Story) -> None:
    """A casual game's recording keeps its undo and any seed; verification plays it and says it is not a speed-run."""
    story_game = GameController(shipped_story, seed=11)
    story_game.new_game()
    story_game.apply(ChoiceInput(2))
    story_game.undo()
    for _ in range(4):  # the shortest way to the block's ending
        story_game.apply(ChoiceInput(2))
    assert story_game.recorder is not None and story_game.recorder.run.finished
    path = tmp_path / "casual.json"
    path.write_text(story_game.recorder.run.replay().dumps())
    result = cli("replay", "--verify", str(path))
    assert result.returncode == 0 and "(not a speed-run: timing not checked)" in result.stdout


def test_a_time_that_goes_backwards(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["inputs"][5]["t"] = d["inputs"][4]["t"] - 1

    assert "step 6" in (out := _invalid(_tampered(tmp_path, change))) and "goes back" in out
    assert "would not accept" not in out  # the run's own rule, not the game refusing a choice


def test_a_story_hash_that_does_not_match(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["story"]["hash"] = "0" * 64

    assert "story hash does not match" in _invalid(_tampered(tmp_path, change))


def test_a_result_the_run_does_not_reach(tmp_path: Path) -> None:
    def ending(d: dict[str, Any]) -> None:
        d["result"]["ending"] = "block_wins"

    def time(d: dict[str, Any]) -> None:
        d["result"]["time"] -= 1000

    assert "claims the ending `block_wins`" in _invalid(_tampered(tmp_path, ending))
    assert "claims a time of" in _invalid(_tampered(tmp_path, time, "time.json"))


def test_inputs_that_stop_before_the_finish(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["inputs"] = d["inputs"][:-3]

    assert "end before the run does" in _invalid(_tampered(tmp_path, change))
    assert "holds no inputs" in _invalid(_tampered(tmp_path, lambda d: d.update(inputs=[]), "none.json"))


def test_times_count_from_the_first_input(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        for item in d["inputs"]:
            item["t"] += 5000

    assert "step 1: `t` is 5000, but times are counted from the first input" in _invalid(_tampered(tmp_path, change))


def test_a_file_cut_short_or_not_json_or_from_the_future(tmp_path: Path) -> None:
    text = (assets_dir() / "replays" / "film.json").read_bytes()
    cut = tmp_path / "cut.json"
    cut.write_bytes(text[:-1])
    assert "cut short" in _invalid(cut)
    cut.write_bytes(text[:-2])
    assert "not complete JSON" in _invalid(cut)
    junk = tmp_path / "junk.json"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert "invalid: " in _invalid(junk)
    twice = tmp_path / "twice.json"
    twice.write_bytes(text.replace(b'"seed": ', b'"seed": 7, "seed": ', 1))
    assert "the key `seed` is in one object twice" in _invalid(twice)  # JSON readers disagree on which counts
    junk.write_bytes(text.replace(b'"format"', b"'format'", 1))
    assert "not JSON (line 2, column 2:" in _invalid(junk) and "cut short" not in _invalid(junk)
    marked = tmp_path / "marked.json"
    marked.write_bytes(b"\xef\xbb\xbf" + text)  # saved by an editor that marks UTF-8
    assert cli("replay", "--verify", str(marked)).stdout.startswith("valid: ending=film_ending")
    newer = _tampered(tmp_path, lambda d: d.update(version=2), "newer.json")
    assert "newer than this game reads" in _invalid(newer)
    assert "cannot read" in _invalid(tmp_path / "missing.json")


def _random_game(story: Story, seed: int, steps: int, undo_every: int = 0) -> GameController:
    """A game played by the controller with random choices and pages (and an undo now and then), on a fake clock."""
    clock = iter(range(0, 10**9, 137))
    game = GameController(story, seed=seed, clock=lambda: next(clock) / 1000)
    game.new_game()
    rng = random.Random(seed)
    for number in range(1, steps + 1):
        assert game.recorder is not None and game.state is not None
        if game.recorder.run.finished:
            break
        if undo_every and number % undo_every == 0:
            game.undo()
        elif story.scenes[game.state.scene].typewriter is not None:
            game.apply(PageInput(random_page(story, rng)))
        else:
            game.apply(ChoiceInput(rng.randint(1, len(available_choices(story, game.state)))))
    return game


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 10**6), st.integers(1, 120), st.sampled_from([0, 3, 7]))
def test_a_recorded_run_verifies_to_the_same_end_and_replays_identically(
    shipped_story: Story, seed: int, steps: int, undo_every: int
) -> None:
    """The recording is made from the inputs the controller accepted, without playing them again: played back, the
    replay reaches the very state the player was in, undos included."""
    game = _random_game(shipped_story, seed, steps, undo_every)
    assert game.recorder is not None
    replay = read_replay(game.recorder.run.replay().dumps().encode())
    first = Run(shipped_story, replay.seed, replay.category)
    second = Run(shipped_story, replay.seed, replay.category)
    events_first = [first.apply(item) for item in replay.inputs]
    events_second = [second.apply(item) for item in replay.inputs]
    assert events_first == events_second
    assert first.state == game.state
    assert first.splits == game.recorder.run.splits and first.finished == game.recorder.run.finished
    verdict = verify(replay, shipped_story)
    result = game.recorder.run.result
    if result is not None:
        assert verdict.valid and f"ending={result.ending}" in verdict.line
    else:
        assert not verdict.valid and "end before the run does" in verdict.line


def test_plain_play_records_a_replay_that_verifies(tmp_path: Path, private_home: Path) -> None:
    target = tmp_path / "mine.json"
    result = cli("play", "--plain", "--record", str(target), stdin="2\n1\n2\n2\n")
    assert result.returncode == 0, result.stderr
    assert f"Replay saved to {target}" in result.stdout
    assert cli("replay", "--verify", str(target)).stdout.startswith("valid: ending=block_wins")
    assert list((private_home / "replays").glob("ruby-sparks-*-block_wins.json"))


class PersonsPace(io.StringIO):
    """Lines typed at a person's pace: each line read moves the game's clock on five seconds (piped in at a script's
    speed, a speed-run breaks the rules and is not kept)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.now = 0.0

    def readline(self, size: int | None = -1) -> str:
        self.now += 5.0
        return super().readline(size)


def _plain_speedrun(story: Story, lines: str) -> str:
    typed, out = PersonsPace(lines), io.StringIO()
    play_plain(story, typed, out, speedrun="any%", clock=lambda: typed.now)
    return out.getvalue()


def test_speedrun_splits_compare_with_the_personal_best(private_home: Path, shipped_story: Story) -> None:
    _, honeymoon = shipped_replay("honeymoon")
    first = _plain_speedrun(shipped_story, plain_lines(honeymoon))
    assert "Speed-run: any%" in first and "your first finish" in first
    second = _plain_speedrun(shipped_story, plain_lines(honeymoon))
    assert "The Honeymoon: " in second and "(+0:00.000)" in second  # the same pace as the best: no time lost
    records = load_records(shipped_story.content_hash, "any%")
    assert records.best_time is not None and records.sum_of_best is not None
    assert records.attempts == records.finished == 2 and [a.ending for a in records.history] == ["the_honeymoon"] * 2


def test_any_percent_must_reach_ruby(private_home: Path) -> None:
    """The block's ending (four keys, and nobody ever comes) does not finish any%: the clock runs on."""
    out = cli("play", "--plain", "--speedrun", stdin="2\n1\n2\n2\n").stdout
    assert "Nobody in the Kitchen does not finish any%: the clock runs on" in out and "Finished any%" not in out


def test_an_unknown_category_is_a_usage_error_that_names_the_story_s_own() -> None:
    result = cli("play", "--plain", "--speedrun", "--category", "glitchless", stdin="")
    assert (
        result.returncode == 2 and "no speed-run category glitchless (its categories: any%, film%, all-endings)" in result.stderr
    )


def test_plain_playback_shows_the_inputs_and_the_finish() -> None:
    result = cli("replay", "--plain", "--speed", "0", str(assets_dir() / "replays" / "film.json"))
    assert result.returncode == 0
    assert "page> " in result.stdout and "[0:00.000] > " in result.stdout
    assert "Run over: film_ending in " in result.stdout
    assert "Careful" not in result.stdout


def test_watching_a_replay_of_other_story_files_says_so(tmp_path: Path) -> None:
    path = _tampered(tmp_path, lambda d: d["story"].update(hash="0" * 64))
    result = cli("replay", "--plain", "--speed", "0", str(path))
    assert "[Careful: the story hash does not match the installed story" in result.stdout


async def test_a_tui_speedrun_times_and_its_splits_panel_shows_each_delta(private_home: Path, shipped_story: Story) -> None:
    """A personal best of a few milliseconds a split: this run is behind it at every split, and the panel says by how
    much (red), in the row of the split just taken."""
    from game.tui.splits_panel import SplitsPanel, short_delta

    _, path = shipped_replay("honeymoon")
    save_records(shipped_story.content_hash, "any%", Records(5, {"act2": 2, "the_honeymoon": 5}, {"act2": 2, "the_honeymoon": 3}))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, CategoryScreen))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, GameScreen) and app.timer_text().startswith("⏱ 0:00"))
        panel = game_screen(pilot).query_one(SplitsPanel)
        assert panel.display and "Act II: The Vow" in screen_text(app)
        taken = 0
        while not (app.controller and app.controller.recorder and app.controller.recorder.run.splits):
            await play(pilot, path[taken : taken + 1])
            taken += 1
        await wait_until(pilot, lambda: panel.view is not None and panel.view.rows[0].delta is not None)
        row = panel.view.rows[0] if panel.view else None
        assert row is not None and row.name == "act2" and row.mark == "behind" and row.delta is not None
        await wait_until(pilot, lambda: short_delta(row.delta or 0) in screen_text(app))
        await play(pilot, path[taken:])
        assert game_screen(pilot).view.ending_id == "the_honeymoon"
        # the finished run is kept as a replay of the run; played by a test, its timing is not a person's
        saved = sorted((user_data_dir() / "replays").glob("*-the_honeymoon.json"))
        replay = read_replay(saved[0].read_bytes())
        assert len(saved) == 1 and replay.speedrun and verify(replace(replay, speedrun=False), shipped_story).valid
    records = load_records(shipped_story.content_hash, "any%")
    assert records.best_time == 5 and records.attempts == 1 and records.finished == 0  # a test's pace: not kept


async def test_undo_in_a_tui_speedrun_says_once_why_it_cannot(private_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, CategoryScreen))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, GameScreen))
        await pilot.press("1")
        await wait_until(pilot, lambda: app.controller is not None and len(app.controller.recorder.run.inputs) == 1)
        scene = game_screen(pilot).view.scene_title
        await pilot.press("f3")  # not offered in a speed-run: the footer has no F3, and the key takes nothing back
        await pilot.pause()  # the key taken in; that nothing happens cannot be waited for
        assert game_screen(pilot).view.scene_title == scene and "Undo" not in footer_keys(app)
        await run_from_palette(pilot, "undo", "Undo")  # asked for anyway, it says why
        await wait_until(pilot, lambda: "no undo in a speed-run" in app.export_screenshot().replace("&#160;", " "))
        screen = app.export_screenshot()
        assert "no undo in a speed-run" in screen.replace("&#160;", " ") and "Nothing" not in screen


async def test_the_tui_plays_a_replay_to_its_end(private_home: Path) -> None:
    from game.tui.app import RubySparksApp
    from game.tui.replay_screen import ReplayScreen

    replay = read_replay((assets_dir() / "replays" / "film.json").read_bytes())
    app = RubySparksApp(animate=False, blink=False, replay=replay, replay_speed=1000)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        # 60 steps, each redrawing the story screen and its footer: about 10 s of processor time, so a long deadline
        await wait_until(pilot, lambda: screen.position >= len(replay.inputs), seconds=240)
        assert screen.view.ending_id == "film_ending"
        end = r"End of the replay · film% · 2:[0-9.]+ · step 60 of 60"
        await wait_until(pilot, lambda: re.search(end, screen_text(app)) is not None)
        assert "Escape quits" in screen_text(app)


async def test_the_tui_warns_when_a_replay_was_recorded_with_other_story_files(private_home: Path) -> None:
    from game.tui.app import RubySparksApp

    document = json.loads((assets_dir() / "replays" / "block_wins.json").read_text())
    document["story"]["hash"] = "0" * 64
    replay = read_replay((json.dumps(document) + "\n").encode())
    app = RubySparksApp(animate=False, blink=False, replay=replay, replay_speed=1)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        await wait_until(pilot, lambda: "Careful:" in app.export_screenshot())
        await pilot.press("escape")


def test_an_all_endings_run_with_restarts_verifies(shipped_story: Story, shipped_exploration: Exploration) -> None:
    from game.replay.format import ReplayInput
    from game.replay.rules import MAX_CHARS_PER_SECOND
    from game.replay.run import input_for

    paths = shipped_exploration.paths
    category = shipped_story.category("all-endings")
    assert category is not None
    run = Run(shipped_story, category.seed, "all-endings", speedrun=True)
    t = None  # the first input's time is 0: the clock starts there
    for number, ending in enumerate(sorted(paths)):
        if number and t is not None:
            t += 500
            run.apply(ReplayInput(t, "restart"))
        for action in paths[ending]:
            pace = max(700, len(getattr(action, "text", "")) * 1000 // MAX_CHARS_PER_SECOND + 1)  # a person's pace
            t = 0 if t is None else t + pace
            run.apply(input_for(action, t))
    assert run.finished and [s.name for s in run.splits] == sorted(paths)
    verdict = verify(read_replay(run.replay().dumps().encode()), shipped_story)
    assert verdict.valid and f"inputs={len(run.inputs)} (timing self-reported, plausible)" in verdict.line


def test_a_restart_splits_no_act_twice_nor_the_first(shipped_story: Story, shipped_exploration: Exploration) -> None:
    """film%: the other endings are restarts on the way. Each act after the first is a split once (docs/replays.md),
    so the run's splits name each act and the finish once, and its sum of best cannot beat it."""
    from game.replay.format import ReplayInput
    from game.replay.run import input_for

    paths = shipped_exploration.paths
    category = shipped_story.category("film%")
    assert category is not None
    run = Run(shipped_story, category.seed, "film%", speedrun=True)
    t = 0
    for ending in [next(e for e in sorted(paths) if e != "film_ending"), "film_ending"]:
        if t:
            t += 500
            run.apply(ReplayInput(t, "restart"))
        for action in paths[ending]:
            t += 2000
            run.apply(input_for(action, t))
    names = [split.name for split in run.splits]
    assert run.finished and len(names) == len(set(names)), names
    assert shipped_story.acts[0].id not in names
    assert names == [act.id for act in shipped_story.acts[1:] if act.id in names] + ["film_ending"]


def test_a_replay_file_that_never_ends_is_too_large_not_a_hang() -> None:
    """Memory is capped at 1 GB: reading the whole of /dev/zero would otherwise fill the machine's memory."""

    command = [*console_script(), "replay", "--verify", "/dev/zero"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, preexec_fn=cap_memory)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("invalid: the file is larger than"), result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("text", ["a\nb", "\ud800", "tab\there"], ids=["newline", "lone-surrogate", "tab"])
def test_a_verdict_is_one_line_whatever_text_the_replay_holds(tmp_path: Path, text: str) -> None:
    for where, change in {
        "story-id": lambda d: d["story"].update(id=text),
        "ending": lambda d: d["result"].update(ending=text),
    }.items():
        result = cli("replay", "--verify", str(_tampered(tmp_path, change, f"{where}.json")))
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert result.stdout.startswith("invalid: ") and result.stdout.count("\n") == 1, result.stdout


def test_a_negative_result_time_is_refused(tmp_path: Path) -> None:
    path = _tampered(tmp_path, lambda d: d["result"].update(time=-5))
    assert "`result.time` must be a whole number of milliseconds, 0 or more" in _invalid(path)


def test_a_replayed_page_never_sends_a_control_code_to_the_terminal(mini_story: Story) -> None:
    """A replay is anyone's file: its page text is played (the reader cleans it) and shown back (here) with every control
    code but line breaks made visible as U+FFFD."""
    import io

    from game.frontends.plain_replay import play_back_plain
    from game.replay.format import ReplayInput

    run = Run(mini_story, 0)
    run.apply(ReplayInput(0, "choice", 1))
    run.apply(ReplayInput(500, "page", "Ruby speaks French.\x1b]0;owned\x07\nShe is happy."))
    out = io.StringIO()
    play_back_plain(mini_story, read_replay(run.replay().dumps().encode()), out, speed=0)
    assert "\x1b" not in out.getvalue() and "\x07" not in out.getvalue()
    assert "\ufffd]0;owned\ufffd" in out.getvalue() and "Bonjour." in out.getvalue()


def _outcome(read: Any, text: str) -> tuple[str, str]:
    try:
        return "read", repr(read(text))
    except Exception as error:  # the very error json.loads gives, class and message
        return type(error).__name__, str(error)


_JSONISH = st.text(alphabet=' \t\n\r{}[]":,.-+eE0123456789truefalsnNaIiy\\u\ufeffé\x00', max_size=40)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        _JSONISH,
        st.recursive(
            st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=8),
            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
        ).map(lambda value: " \n" + json.dumps(value) + "\n"),
    )
)
def test_a_replay_is_read_as_json_loads_reads_it(text: str) -> None:
    """A replay is read without importing `json` (its start-up was 2% of a verify), by the scanner json.loads uses:
    every document, and every broken one, must read as json.loads reads it, or fail with its error."""
    from game.replay.format import _loads

    assert _outcome(_loads, text) == _outcome(json.loads, text)
