"""Speed-runs a community could trust: categories from the story's manifest, pasted pages, the splits panel's numbers,
LiveSplit (`.lss` files and the Server protocol), asciinema recordings, the runs table, and the replay viewer."""

from __future__ import annotations

import contextlib
import io
import json
import re
import socket
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual import events

from game.commands import main
from game.commands.speedrun import runs_table
from game.controller import GameController, Notice
from game.engine import ChoiceInput, PageInput, Rejected
from game.frontends.plain import play_plain
from game.paths import assets_dir, shipped_story_folder
from game.replay.format import ReplayInput, Split, read_replay
from game.replay.run import Run
from game.replay.verify import verify
from game.speedrun.livesplit import LiveSplitLink, game_time, parse_address
from game.speedrun.lss import lss_document
from game.speedrun.records import Records, load_records, records_path
from game.speedrun.splits import FINISH, planned_title, splits_view
from game.story.loader import load_story, load_story_or_raise
from game.story.model import Category, Story
from tests.conftest import console_script
from tests.tui_helpers import (
    SIZE,
    footer_keys,
    game_screen,
    make_app,
    plain_lines,
    play,
    ready,
    screen_text,
    shipped_replay,
    wait_until,
)

HONEYMOON, HONEYMOON_PATH = shipped_replay("honeymoon")
"""The shortest any% of the shipped story: to the honeymoon, Ruby come to life on the way."""
HONEYMOON_PATH_BYTES = (assets_dir() / "replays" / "honeymoon.json").read_bytes()


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*console_script(), *args], capture_output=True, text=True, input=stdin, timeout=180)


def with_categories(story_copy: Path, text: str) -> Path:
    manifest = story_copy / "story.yaml"
    manifest.write_text(manifest.read_text() + text)
    return story_copy


MINI_CATEGORIES = """
categories:
  - {name: sprint, seed: 42, paste: true, description: reach the quiet end; paste if you like}
  - {name: typed, seed: 42}
"""

MINI_RUN = (ChoiceInput(1), PageInput("Ruby speaks French. " * 25), ChoiceInput(2))
"""The mini story to its one ending: sit down and write, a 500-character page, end it."""


# -- categories -----------------------------------------------------------------------------------------------------


def test_the_shipped_categories_come_from_the_manifest_and_any_percent_needs_ruby(shipped_story: Story) -> None:
    names = [category.name for category in shipped_story.categories]
    assert names == ["any%", "film%", "all-endings"]
    any_percent, film, every = shipped_story.categories
    assert "block_wins" not in any_percent.endings and "the_honeymoon" in any_percent.endings
    assert film.endings == ("film_ending",) and every.finish == "all"
    assert set(every.endings) == set(shipped_story.endings)
    assert not any(category.paste for category in shipped_story.categories)


def test_a_story_without_categories_races_any_ending_and_every_ending(mini_story: Story) -> None:
    assert [(c.name, c.endings, c.finish) for c in mini_story.categories] == [
        ("any%", ("quiet",), "any"),
        ("all-endings", ("quiet",), "all"),
    ]


def test_a_broken_category_is_reported_where_it_is_written(story_copy: Path) -> None:
    with_categories(
        story_copy,
        """
categories:
  - {name: any%, endings: [quite]}
  - {name: any%}
  - {name: two words, finish: most, seed: -1}
  - {name: empty, endings: []}
""",
    )
    story, diagnostics = load_story(story_copy)
    found = {(item.code, item.line) for item in diagnostics.errors}
    messages = " | ".join(item.message for item in diagnostics.errors)
    assert story is None
    start = len((Path(__file__).parent / "data" / "stories" / "mini" / "story.yaml").read_text().splitlines()) + 3
    assert ("unknown-target", start) in found and "did you mean `quiet`" in messages
    assert ("duplicate-id", start + 1) in found
    assert ("bad-id", start + 2) in found and ("bad-category", start + 2) in found
    assert "`finish` is `any`" in messages and "`seed` is a whole number" in messages
    assert ("bad-category", start + 3) in found and "lists no ending" in messages


def test_a_category_s_fixed_seed_is_every_run_s_and_no_other_verifies(story_copy: Path, private_home: Path) -> None:
    story = load_story_or_raise(with_categories(story_copy, MINI_CATEGORIES))
    game = GameController(story, seed=7)
    game.new_game("sprint")
    assert game.state is not None and game.state.seed == 42
    run = _mini_run(story, "sprint", pasted=True)
    assert verify(run.replay(), story).valid
    other = Run(story, 43, "sprint", speedrun=True)
    for item in run.inputs:
        other.apply(item)
    verdict = verify(other.replay(), story)
    assert not verdict.valid and "the seed 43 is not the sprint seed of this story (42)" in verdict.line


def _mini_run(story: Story, category: str, pasted: bool) -> Run:
    """The mini run with its page 150 ms after the input before: a paste's speed, not a typist's."""
    run = Run(story, 42, category, speedrun=True)
    for t, action in zip((0, 150, 400), MINI_RUN, strict=True):
        item = (
            ReplayInput(t, "page", action.text, pasted)
            if isinstance(action, PageInput)
            else ReplayInput(t, "choice", action.number)
        )
        run.apply(item)
    assert run.finished
    return run


def test_verification_applies_the_category_s_paste_rule(story_copy: Path) -> None:
    story = load_story_or_raise(with_categories(story_copy, MINI_CATEGORIES))
    assert verify(_mini_run(story, "sprint", pasted=True).replay(), story).valid  # pasting allowed: no typing speed
    refused = verify(_mini_run(story, "typed", pasted=True).replay(), story)
    assert not refused.valid and "step 2: a pasted page; typed does not allow pasting" in refused.line
    typed = verify(_mini_run(story, "typed", pasted=False).replay(), story)
    assert not typed.valid and "step 2: a page of 500 characters typed in 150 ms" in typed.line


def test_a_replay_of_a_category_the_story_does_not_have_is_refused(tmp_path: Path) -> None:
    document = json.loads((assets_dir() / "replays" / "film.json").read_text())
    document["category"] = "glitchless%"
    path = tmp_path / "other.json"
    path.write_text(json.dumps(document) + "\n")
    result = cli("replay", "--verify", str(path))
    assert result.returncode == 1
    assert result.stdout.startswith("invalid: the category 'glitchless%' is not one of this story's (any%, film%, all-endings)")


def test_the_controller_refuses_a_pasted_page_where_the_category_allows_none(shipped_story: Story) -> None:
    speedrun = GameController(shipped_story)
    speedrun.new_game("any%")
    for action in HONEYMOON_PATH[: _first_page()]:
        speedrun.apply(action)
    page = HONEYMOON_PATH[_first_page()]
    assert isinstance(page, PageInput)
    refused = speedrun.apply(PageInput(page.text, pasted=True))
    assert [type(e) for e in refused.events] == [Rejected] and "Pasting is not allowed in any%" in str(refused.events[0])
    assert speedrun.recorder is not None and len(speedrun.recorder.run.inputs) == _first_page()
    casual = GameController(shipped_story)
    casual.new_game()
    for action in HONEYMOON_PATH[: _first_page()]:
        casual.apply(action)
    casual.apply(PageInput(page.text, pasted=True))
    assert casual.recorder is not None and casual.recorder.run.inputs[-1].pasted
    assert '"pasted": true' in casual.recorder.run.replay().dumps()


def _first_page() -> int:
    return next(n for n, action in enumerate(HONEYMOON_PATH) if isinstance(action, PageInput))


async def test_a_page_pasted_in_the_typewriter_is_refused_in_any_percent_and_kept(private_home: Path) -> None:
    from game.tui.widgets import PageArea

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        app.start_speedrun("any%")
        await wait_until(pilot, lambda: bool(game_screen(pilot).view.choices))
        await play(pilot, HONEYMOON_PATH[: _first_page()])
        await wait_until(pilot, lambda: game_screen(pilot).view.at_typewriter)
        page = game_screen(pilot).query_one(PageArea)
        page.post_message(events.Paste("Ruby speaks French."))
        await wait_until(pilot, lambda: page.text == "Ruby speaks French.")
        await pilot.press("f2")
        await wait_until(pilot, lambda: "not allowed in any%" in screen_text(app))  # a notice, beside the page too
        assert "Pasting is not allowed in any%" in game_screen(pilot).view.rejected
        assert page.text == "Ruby speaks French." and game_screen(pilot).view.at_typewriter
        await pilot.press("end", "ctrl+u")  # cleared, the page may be typed
        await wait_until(pilot, lambda: not page.text and not page.pasted)
        await pilot.press(*"Ruby speaks French.")
        await pilot.press("f2")
        await wait_until(pilot, lambda: not game_screen(pilot).view.at_typewriter)
        assert app.controller is not None and app.controller.recorder is not None
        assert not app.controller.recorder.run.inputs[-1].pasted


# -- the splits panel's numbers ---------------------------------------------------------------------------------------


def test_the_splits_view_compares_with_the_pb_marks_golds_and_finds_the_ghost(shipped_story: Story) -> None:
    category = Category("any%", ("the_honeymoon",))
    pb = Records(
        30_000, {"act2": 10_000, "act3": 20_000, "the_honeymoon": 30_000}, {"act2": 9_000, "act3": 9_000, "the_honeymoon": 9_000}
    )
    view = splits_view(shipped_story, category, pb, [Split("act2", 8_000), Split("act3", 21_000)], elapsed=26_000)
    act2, act3, end = view.rows
    assert (act2.delta, act2.mark) == (-2_000, "gold")  # 8 s: ahead, and the best segment ever
    assert (act3.delta, act3.mark) == (1_000, "behind")  # a 13 s segment, a second behind the PB
    assert end.current and end.ghost and end.time is None and end.pb == 30_000 and end.delta is None
    assert view.possible_save == 1_000 and view.sum_of_best == 26_000 and view.best_time == 30_000
    late = splits_view(shipped_story, category, pb, [Split("act2", 8_000), Split("act3", 21_000)], elapsed=32_500)
    assert (late.rows[2].delta, late.rows[2].mark) == (2_500, "behind")  # past the PB's finish: the live delta
    assert not any(row.ghost for row in late.rows)  # the PB had finished by now
    fresh = splits_view(shipped_story, category, Records(), [], elapsed=0, started=False)
    assert [row.title for row in fresh.rows][-1] == "The Honeymoon" and fresh.sum_of_best is None  # its one ending


BURNED_PB = Records(
    120_000,
    {"act2": 80_000, "act3": 100_000, "burned_manuscript": 120_000},
    {"act2": 70_000, "act3": 15_000, "burned_manuscript": 18_000},
)
"""An any% PB by another ending than the honeymoon's, and its golds (a sum of best of 1:43.000)."""


def test_a_finish_by_another_ending_is_compared_with_the_pb_s_finish_and_named_by_the_rule(shipped_story: Story) -> None:
    """any% counts four endings: its finish is one split ("Finish"), whichever ending a run or its PB reached."""
    any_percent = shipped_story.category("any%")
    assert any_percent is not None
    splits = [Split("act2", 33_955), Split("the_honeymoon", 47_571)]
    view = splits_view(shipped_story, any_percent, BURNED_PB, splits, elapsed=47_571, finished=True)
    assert [(row.title, row.delta) for row in view.rows] == [("Act II: The Vow", -46_045), ("Finish", -72_429)]
    running = splits_view(shipped_story, any_percent, BURNED_PB, splits[:1], elapsed=40_000)
    assert running.rows[-1].title == "Finish" and running.rows[-1].pb == 120_000


def test_after_a_finish_the_splits_panel_shows_the_new_personal_best(shipped_story: Story) -> None:
    """Its rows keep comparing with the PB the run began against; the PB below them is the one the run has just set."""
    from rich.console import Console

    from game.tui.splits_panel import render_splits

    now = [0.0]
    game = GameController(shipped_story, clock=lambda: now[0])
    game.new_game("any%")
    for action in HONEYMOON_PATH:  # a person's pace: five seconds an input
        now[0] += 5.0
        game.apply(action)
    view = game.splits_view()
    best = load_records(shipped_story.content_hash, "any%").best_time
    assert view is not None and view.finished and best is not None and view.best_time == best
    assert view.rows[-1].title == "Finish"  # any% counts several endings
    console = Console(width=28, record=True)
    console.print(render_splits(view))
    shown = console.export_text()
    assert "Finish" in shown and "Personal best" in shown and "Personal best -" not in " ".join(shown.split())


# -- LiveSplit ---------------------------------------------------------------------------------------------------------


def _two_honeymoons(story: Story) -> Records:
    """Two any% runs at a person's pace, five seconds an input on the controller's own clock (a run piped in at a
    script's speed breaks the rules, and is not kept: see the test after this one)."""
    for _ in range(2):
        now = [0.0]
        game = GameController(story, clock=lambda: now[0])  # noqa: B023 (read while this game is played)
        game.new_game("any%")
        notices: list[str] = []
        for action in HONEYMOON_PATH:
            now[0] += 5.0
            notices += [notice.text for notice in game.apply(action).notices]
        assert any(text.startswith("Finished any% in") and "not counted" not in text for text in notices), notices
    return load_records(story.content_hash, "any%")


def test_a_run_faster_than_a_person_is_shown_but_never_kept(shipped_story: Story) -> None:
    """Piped in, every input comes within milliseconds of the one before: `replay --verify` would refuse the run, so
    the game says so as it happens and keeps no best, gold or finish of it (only the attempt)."""
    result = cli("play", "--plain", "--speedrun", stdin=plain_lines(HONEYMOON_PATH))
    assert "This run breaks the speed-run rules (step " in result.stdout and "it will not count." in result.stdout
    assert "Finished any% in" in result.stdout and ", not counted: step " in result.stdout
    assert "gold!" not in result.stdout
    records = load_records(shipped_story.content_hash, "any%")
    assert records.best_time is None and not records.gold and records.finished == 0 and records.attempts == 1


def _ms(text: str | None) -> int:
    assert text is not None
    hours, minutes, seconds = text.split(":")
    return round((int(hours) * 3600 + int(minutes) * 60 + float(seconds)) * 1000)


def test_an_lss_export_reads_back_as_livesplit_reads_it(shipped_story: Story, tmp_path: Path) -> None:
    records = _two_honeymoons(shipped_story)
    assert records.best_time is not None and records.attempts == 2
    target = tmp_path / "ruby.lss"
    result = cli("splits", "export", "--format", "lss", "--category", "any%", "-o", str(target))
    assert result.returncode == 0 and f"Wrote {target}" in result.stdout, result.stderr
    run = ET.parse(target).getroot()
    assert run.tag == "Run" and run.get("version") == "1.7.0"
    assert run.findtext("GameName") == "Ruby Sparks" and run.findtext("CategoryName") == "any%"
    assert run.findtext("AttemptCount") == "2" and len(run.findall("AttemptHistory/Attempt")) == 2
    segments = run.findall("Segments/Segment")
    # the finish is named by any%'s rule (one of four endings), not by the ending the PB happened to reach
    assert [segment.findtext("Name") for segment in segments] == ["Act II: The Vow", "Finish"]
    for segment, (name, t) in zip(segments, records.best_splits.items(), strict=True):
        assert _ms(segment.findtext("SplitTimes/SplitTime[@name='Personal Best']/RealTime")) == t
        assert _ms(segment.findtext("BestSegmentTime/RealTime")) == records.gold[name]
        assert len(segment.findall("SegmentHistory/Time")) == 2
    assert _ms(segments[-1].findtext("SplitTimes/SplitTime[@name='Personal Best']/RealTime")) == records.best_time


def test_the_runs_table_lists_attempts_pbs_and_golds(shipped_story: Story) -> None:
    records = _two_honeymoons(shipped_story)
    out = cli("runs", "--category", "any%").stdout
    assert "any%: 2 attempts, 2 finished · personal best" in out and "sum of best" in out
    assert out.count("The Honeymoon") == 2 and "  PB" in out  # two attempts; the best one marked
    assert "  Finish " in out  # the split row, named by any%'s rule
    assert records.best_time is not None and out.count(f"{records.best_time // 60_000}:") >= 2
    assert "film%" not in out
    everything = cli("runs").stdout
    assert "film%: no attempts yet" in everything and "all-endings: no attempts yet" in everything
    assert cli("runs", "--category", "glitchless").returncode == 2


class Listener:
    """A LiveSplit Server's part of the talk: accept one connection on 127.0.0.1, keep every byte until it closes."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received = b""
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        connection, _ = self.server.accept()
        with connection:
            while chunk := connection.recv(4096):
                self.received += chunk
        self.server.close()

    def commands(self) -> list[str]:
        self.thread.join(timeout=60)
        assert self.received.endswith(b"\r\n"), self.received
        return self.received.decode().split("\r\n")[:-1]


def test_livesplit_gets_the_exact_commands_of_a_run_with_splits(private_home: Path, tmp_path: Path) -> None:
    listener = Listener()
    record = tmp_path / "run.json"
    result = cli(
        "play", "--plain", "--speedrun", "--record", str(record), "--livesplit", f"127.0.0.1:{listener.port}",
        stdin=plain_lines(HONEYMOON_PATH),
    )  # fmt: skip
    assert result.returncode == 0 and "LiveSplit" not in result.stdout, result.stdout[-2000:]
    replay = read_replay(record.read_bytes())
    assert replay.result is not None and len(replay.result.splits) == 2
    expected = ["starttimer", "initgametime"]
    for split in replay.result.splits:
        expected += [f"setgametime {game_time(split.t)}", "split"]
    assert listener.commands() == expected


def test_livesplit_is_reset_when_a_run_is_left_and_before_a_new_one_after_a_finish(shipped_story: Story) -> None:
    listener = Listener()
    link = LiveSplitLink("127.0.0.1", listener.port)
    clock = iter(range(0, 10**9, 1000))
    game = GameController(shipped_story, livesplit=link, clock=lambda: next(clock) / 1000)
    assert not game.new_game("any%").notices
    game.apply(HONEYMOON_PATH[0])  # the timer starts
    game.new_game("any%")  # the run is left unfinished
    for action in HONEYMOON_PATH:
        game.apply(action)
    assert game.recorder is not None and game.recorder.run.finished
    finished = game.recorder.run.splits
    game.new_game("film%")
    game.apply(HONEYMOON_PATH[0])  # a new run after a finished one
    link.close()
    commands = listener.commands()
    splits = [command for command in commands if command.startswith("setgametime")]
    assert [c for c in commands if not c.startswith("setgametime")] == [
        "starttimer", "initgametime", "reset", "starttimer", "initgametime", "split", "split",
        "reset", "starttimer", "initgametime",
    ]  # fmt: skip
    assert splits == [f"setgametime {game_time(split.t)}" for split in finished]


def test_with_nothing_listening_livesplit_is_one_warning_and_the_run_goes_on(private_home: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as free:
        port = free.getsockname()[1]  # closed again: nothing listens there
    result = cli("--plain", "--speedrun", "--livesplit", str(port), stdin=plain_lines(HONEYMOON_PATH))
    assert result.returncode == 0
    assert result.stdout.count(f"LiveSplit: nothing listens on 127.0.0.1:{port}") == 1
    assert "the run goes on without it" in result.stdout and "Finished any%" in result.stdout


@pytest.mark.parametrize("bad", ["", "host:", "70000", "localhost:port"])
def test_a_livesplit_address_that_is_not_one_is_a_usage_error(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_address(bad)
    result = cli("--plain", "--speedrun", "--livesplit", bad, stdin="")
    assert result.returncode == 2 and "[HOST:]PORT" in result.stderr and "Traceback" not in result.stderr


def test_livesplit_addresses() -> None:
    assert parse_address("16834") == ("127.0.0.1", 16834)
    assert parse_address("example.org:9000") == ("example.org", 9000)
    assert parse_address("[::1]:16834") == ("::1", 16834)
    assert game_time(3_723_456) == "1:02:03.456"


# -- asciinema -------------------------------------------------------------------------------------------------------


def test_a_cast_of_a_replay_plays_in_asciinema_at_the_run_s_own_times(tmp_path: Path) -> None:
    import asciinema.asciicast as asciicast

    out = tmp_path / "honeymoon.cast"
    result = cli("replay", str(assets_dir() / "replays" / "honeymoon.json"), "--cast", str(out))
    assert result.returncode == 0 and f"Wrote {out}" in result.stdout, result.stderr
    with asciicast.open_from_url(str(out)) as cast:
        assert cast.version == 2
        width, height = cast.v2_header["width"], cast.v2_header["height"]
        frames = list(cast.events())
    assert frames and all(kind == "o" for _, kind, _ in frames)
    # the terminal is as wide as the widest line printed (the typewriter's hint is wider than 80), so none is clipped
    widest = max(cell_len(line) for _, _, text in frames for line in text.split("\r\n"))
    assert widest > 80 and (width, height) == (widest, 24)
    times = [at for at, _, _ in frames]
    assert times == sorted(times) and times[0] == 0
    assert HONEYMOON.result is not None and times[-1] == HONEYMOON.result.time / 1000
    shown = "".join(text for _, _, text in frames)
    for item in HONEYMOON.inputs:  # every input appears at its own time
        at = next(frame_at for frame_at, _, text in frames if f"[{_clock(item.t)}] " in text)
        assert at == item.t / 1000
    assert "\r\n" in shown and f"Run over: the_honeymoon in {_clock(HONEYMOON.result.time)}." in shown
    # as a real client shows it
    cat = subprocess.run([sys.executable, "-m", "asciinema", "cat", str(out)], capture_output=True, text=True, timeout=60)
    assert cat.returncode == 0 and "Run over: the_honeymoon" in cat.stdout


def _clock(ms: int) -> str:
    from game.replay.verify import format_time

    return format_time(ms)


def test_cast_and_verify_do_not_go_together(tmp_path: Path) -> None:
    result = cli("replay", "--verify", str(assets_dir() / "replays" / "film.json"), "--cast", str(tmp_path / "x.cast"))
    assert result.returncode == 2 and "do not go together" in result.stderr


def test_a_cast_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    result = cli("replay", str(assets_dir() / "replays" / "film.json"), "--cast", str(tmp_path / "missing" / "x.cast"))
    assert result.returncode == 1 and "cannot write" in result.stderr and "Traceback" not in result.stderr


# -- the replay viewer -----------------------------------------------------------------------------------------------


async def test_the_replay_viewer_pauses_on_space_steps_on_n_and_leaves_on_one_escape(private_home: Path) -> None:
    """Escape leaves the game too: the viewer is opened from the command line (`ruby-sparks replay FILE`), and the
    watcher goes back there, not to the game's title."""
    from game.tui.app import RubySparksApp
    from game.tui.replay_screen import ReplayScreen

    replay = read_replay((assets_dir() / "replays" / "film.json").read_bytes())
    app = RubySparksApp(animate=True, blink=False, replay=replay, replay_speed=2)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        assert footer_keys(app) - {"Quit"} == {"Pause", "Step", "Faster", "Slower", "Splits", "Leave"}
        await wait_until(pilot, lambda: screen.position >= 1)
        await pilot.press("space")
        paused_at = screen.position
        banner = f"Replay · paused · film% · 2:[0-9.]+ · step {paused_at} of 60 · speed ×2"
        await wait_until(pilot, lambda: re.search(banner, screen_text(app)) is not None)
        for _ in range(3):
            await pilot.pause()
        assert screen.position == paused_at  # paused: nothing moves on by itself
        await pilot.press("n")
        await wait_until(pilot, lambda: f"step {paused_at + 1} of 60" in screen_text(app))
        await pilot.press("n", "n")
        await wait_until(pilot, lambda: screen.position == paused_at + 3)
        await pilot.press("plus")
        await wait_until(pilot, lambda: "speed ×4" in screen_text(app))
        await pilot.press("minus", "minus")
        await wait_until(pilot, lambda: re.search("speed ×1(?![0-9.])", screen_text(app)) is not None)
        if screen.view.at_typewriter:  # a Space at the typewriter pauses; it is never typed on the page
            assert not screen.query_one("#page").text  # type: ignore[attr-defined]
        await pilot.press("space")  # resumes
        await wait_until(pilot, lambda: screen.position > paused_at + 3)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.return_code == 0 or not app.is_running)


async def test_the_replay_viewer_shows_the_replay_s_splits_against_your_pb(private_home: Path, shipped_story: Story) -> None:
    from game.speedrun.records import save_records
    from game.tui.app import RubySparksApp
    from game.tui.splits_panel import SplitsPanel

    assert HONEYMOON.result is not None
    pb = {split.name: split.t - 1000 for split in HONEYMOON.result.splits}
    save_records(shipped_story.content_hash, "any%", Records(HONEYMOON.result.time - 1000, pb, {}))
    app = RubySparksApp(animate=False, blink=False, replay=HONEYMOON, replay_speed=1000)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        panel = app.screen.query_one(SplitsPanel)
        await wait_until(pilot, lambda: panel.view is not None and panel.view.finished)
        assert panel.view is not None and [row.delta for row in panel.view.rows] == [1000, 1000]
        assert [row.mark for row in panel.view.rows] == ["behind", "behind"]
        await wait_until(pilot, lambda: "+1.0" in screen_text(app))


async def test_a_replay_s_panel_compares_its_finish_with_your_pb_and_shows_your_own_sum_of_best(
    private_home: Path, shipped_story: Story
) -> None:
    """Someone's honeymoon against your PB by the burned manuscript: every row has its delta, the finish's too, and
    the facts below are yours, labelled so (the replay's segments are no golds of yours); the toast names the ending."""
    from game.speedrun.records import save_records
    from game.tui.app import RubySparksApp
    from game.tui.splits_panel import SplitsPanel

    save_records(shipped_story.content_hash, "any%", BURNED_PB)
    app = RubySparksApp(animate=False, blink=False, replay=HONEYMOON, replay_speed=1000)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        panel = app.screen.query_one(SplitsPanel)
        await wait_until(pilot, lambda: panel.view is not None and panel.view.finished)
        view = panel.view
        assert HONEYMOON.result is not None  # the shipped replay's own time: it is re-recorded when the story changes
        finish = HONEYMOON.result.time - BURNED_PB.best_time
        assert view is not None and [(row.title, row.delta) for row in view.rows][-1] == ("Finish", finish)
        assert all(row.delta is not None for row in view.rows)
        assert view.sum_of_best == 103_000 and view.best_time == 120_000 and view.possible_save is None
        over = f"Run over: The Honeymoon in {_clock(HONEYMOON.result.time)}."
        await wait_until(pilot, lambda: over in screen_text(app))
        shown = " ".join(screen_text(app).split())
        assert "Your sum of best 1:43.0" in shown and "Your PB 2:00.0" in shown and "the_honeymoon" not in shown


async def test_the_replay_viewer_types_each_page_before_reading_it_back_and_logs_nothing_in_the_story(
    private_home: Path,
) -> None:
    """On the viewer's own clock (held by the test): the page grows in the typewriter as the wait before it passes,
    no line of an input log appears in the story, and the marker for more below names PageDown, the key that reads
    on (Space pauses here)."""
    from game.tui.app import RubySparksApp
    from game.tui.replay_screen import LONGEST_WAIT, ReplayScreen
    from game.tui.widgets import PageArea
    from tests.tui_helpers import screen_rows

    now = [0.0]
    app = RubySparksApp(animate=False, blink=False, replay=HONEYMOON, replay_speed=1)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        await pilot.press("space")
        screen.clock = lambda: now[0]  # paused; from here only the test moves the replay on
        while screen.position < 3:  # to the first page's typewriter
            target = screen.position + 1
            await pilot.press("n")
            await wait_until(pilot, lambda: screen.position == target)  # noqa: B023 (read at once)
        page, typed = screen.query_one(PageArea), str(HONEYMOON.inputs[3].value)
        assert screen.view.at_typewriter and screen.query_one("#typewriter").display and not page.text
        await pilot.press("space")  # resumed at the test's time 0: the page's wait is six seconds, cut to five
        now[0] = LONGEST_WAIT / 2
        await wait_until(pilot, lambda: page.text == typed[: round(len(typed) / 2)])
        now[0] = LONGEST_WAIT
        await wait_until(pilot, lambda: page.text == typed)
        shown = screen_text(app)
        assert "read it back" not in shown and "step 3/22" not in shown and "[0:0" not in shown
        await pilot.press("n")
        await wait_until(pilot, lambda: screen.position == 4 and not page.text and "read it back" in screen_text(app))
        assert "[0:09.719]" not in screen_text(app) and "page> " not in screen_text(app)
        await wait_until(pilot, lambda: "▼ more below: PageDown" in screen_rows(app))
        assert "Space" not in screen_rows(app).split("▼ more below")[1].splitlines()[0]
        story = screen.query_one("#story")
        await pilot.press("pagedown")
        await wait_until(pilot, lambda: story.scroll_y > 0)


# -- a run that breaks the rules, said at once and listed as such -----------------------------------------------------


def _mini_speedrun(story: Story, category: str, seconds: tuple[float, float, float]) -> list[list[Notice]]:
    """The mini run in `category` with its three inputs at these times on the controller's own clock: the notices
    each input led to."""
    now = [0.0]
    game = GameController(story, clock=lambda: now[0])
    game.new_game(category)
    said = []
    for at, action in zip(seconds, MINI_RUN, strict=True):
        now[0] = at
        said.append(list(game.apply(action).notices))
    return said


def test_a_broken_rule_is_said_at_the_input_that_breaks_it_and_the_finish_is_listed_as_not_counted(
    story_copy: Path,
) -> None:
    """The 500-character page comes 150 ms after the choice before it: the game says so with that page, not at the
    split after it (the finish); `runs` lists the finish as not counted, with the rule, and never as a PB."""
    story = load_story_or_raise(with_categories(story_copy, MINI_CATEGORIES))
    choice, page, end = _mini_speedrun(story, "typed", (10.0, 10.15, 60.0))
    assert not any(notice.kind == "warning" for notice in choice)
    assert [notice.text for notice in page] == [
        "This run breaks the speed-run rules (step 2: a page of 500 characters typed in 150 ms (faster than 20 "
        "characters a second)): it will not count."
    ]
    assert not any("breaks the speed-run rules" in notice.text for notice in end)
    assert any(notice.text.startswith("Finished typed in 0:50.000, not counted: step 2: ") for notice in end)
    records = load_records(story.content_hash, "typed")
    assert records.best_time is None and records.finished == 0 and not records.gold
    table = "\n".join(runs_table(story, story.categories[1], records))
    assert "finished, not counted: typed too fast" in table and "0:50.000" in table and "  PB\n" not in table
    assert "reset after" not in table
    attempt = ET.fromstring(lss_document(story, story.categories[1], records)).find("AttemptHistory/Attempt")
    assert attempt is not None and attempt.find("RealTime") is None  # LiveSplit reads it as a reset, not a finish


class _Paced(io.StringIO):
    """Plain mode's input, each line read at its own moment on the game's clock: a person's pace, or a script's."""

    def __init__(self, lines: list[tuple[float, str]]) -> None:
        super().__init__("".join(f"{line}\n" for _, line in lines))
        self.moments = iter(at for at, _ in lines)
        self.now = 0.0

    def readline(self, size: int | None = -1) -> str:
        self.now = next(self.moments, self.now)
        return super().readline(size)


def test_plain_mode_says_a_broken_rule_at_its_input_and_prints_the_clock_when_asked(story_copy: Path) -> None:
    story = load_story_or_raise(with_categories(story_copy, MINI_CATEGORIES))
    page = MINI_RUN[1].text
    stdin = _Paced([(1.0, "time"), (5.0, "1"), (6.0, "/time"), (6.5, page), (7.0, ""), (30.0, "2"), (31.0, "time")])
    out = io.StringIO()
    play_plain(story, stdin, out, speedrun="typed", clock=lambda: stdin.now)
    text = out.getvalue()
    assert "The clock starts at your first input; `time` shows it." in text
    assert "[typed: 0:00.000; the clock starts at your first input.]" in text
    assert "[typed: 0:01.000, towards A Quiet End.]" in text  # act two began at the first input: the finish is next
    broken = text.index("This run breaks the speed-run rules (step 2: a page of 500 characters typed in 2000 ms")
    assert text.index("You pull the page out") < broken < text.index("*** THE END")  # with the page, not at the finish
    assert "[typed: finished in 0:25.000.]" in text


def test_plain_mode_s_time_outside_a_speedrun_says_there_is_no_clock(mini_story: Story) -> None:
    out = io.StringIO()
    play_plain(mini_story, io.StringIO("time\n"), out)
    assert "No clock runs outside a speed-run" in out.getvalue()


def test_the_runs_table_pads_by_the_columns_a_terminal_gives_wide_characters(story_copy: Path) -> None:
    manifest = story_copy / "story.yaml"
    manifest.write_text(manifest.read_text().replace('title: "Act Two"', 'title: "Acte II · 正午 🛶"'))
    story = load_story_or_raise(with_categories(story_copy, MINI_CATEGORIES))
    _mini_speedrun(story, "sprint", (0.0, 30.0, 40.0))
    now = [0.0]
    game = GameController(story, clock=lambda: now[0])
    game.new_game("sprint")
    now[0] = 1.0
    game.apply(MINI_RUN[0])  # an attempt reset after act two: its result is the act's wide title
    lines = runs_table(story, story.categories[0], load_records(story.content_hash, "sprint"))
    assert any("reset after Acte II · 正午 🛶" in line for line in lines)
    # each row ends in a right-aligned column: a row as wide on the screen as its header is aligned with it
    split_header = next(number for number, line in enumerate(lines) if line.lstrip().startswith("split "))
    attempts, splits = lines[1:split_header], lines[split_header:]
    assert len(attempts) == 3 and len({cell_len(line.removesuffix("  PB")) for line in attempts}) == 1, lines
    assert len(splits) == 3 and len({cell_len(line) for line in splits}) == 1, lines


def test_the_finish_segment_is_named_by_the_category_with_or_without_a_pb(story_copy: Path) -> None:
    """The mini story's sprint counts one ending: the last segment is that ending's before the first finish too, so
    LiveSplit matches a file exported before a PB with one exported after."""
    story = load_story_or_raise(with_categories(story_copy, MINI_CATEGORIES))
    sprint = story.categories[0]

    def names() -> list[str | None]:
        document = ET.fromstring(lss_document(story, sprint, load_records(story.content_hash, "sprint")))
        return [segment.findtext("Name") for segment in document.findall("Segments/Segment")]

    before = names()
    _mini_speedrun(story, "sprint", (0.0, 30.0, 40.0))
    assert load_records(story.content_hash, "sprint").best_time == 40_000
    assert before == names() == ["Act Two", "A Quiet End"]
    several = Category("either", ("quiet", "other"))
    assert planned_title(story, several, FINISH) == planned_title(story, several, "quiet") == "Finish"


# -- files the commands write -----------------------------------------------------------------------------------------


def _main(*args: str) -> tuple[int, str, str]:
    """`ruby-sparks ARGS` in this process: its exit status, output and errors."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_no_command_writes_over_a_file_it_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`replay run.json --cast run.json` once replaced the run with its recording: the replay (by any name), the
    records, a coverage report and the story's own files are refused as outputs, and left as they were."""
    monkeypatch.chdir(tmp_path)
    run = tmp_path / "run.json"
    run.write_bytes(HONEYMOON_PATH_BYTES)
    (tmp_path / "link.json").symlink_to(run)
    for output in ("run.json", "./run.json", str(run), "link.json", "../" + tmp_path.name + "/run.json"):
        code, out, err = _main("replay", "run.json", "--cast", output)
        assert (code, out) == (2, ""), err
        refused = f"{output} is the replay, which this command reads: writing there would lose it; give another file"
        assert err == f"ruby-sparks: error: {refused}\n"
    assert run.read_bytes() == HONEYMOON_PATH_BYTES
    assert _main("replay", "run.json", "--cast", "run.cast")[0] == 0 and (tmp_path / "run.cast").is_file()

    _two_honeymoons(load_story_or_raise(shipped_story_folder()))
    kept = records_path().read_bytes()
    code, _, err = _main("splits", "export", "-o", str(records_path()))
    assert code == 2 and "is your speed-run records, which this command reads" in err and records_path().read_bytes() == kept

    report = tmp_path / "coverage.json"
    report.write_text("{}")
    code, _, err = _main("graph", "--coverage", str(report), "-o", str(report))
    assert code == 2 and "is the coverage report" in err and report.read_text() == "{}"
    story_file = Path(shipped_story_folder()) / "story.yaml"
    manifest = story_file.read_bytes()
    for args in (("graph", "-o", str(story_file)), ("play", "--plain", "--record", str(story_file))):
        code, _, err = _main(*args)
        assert code == 2 and "is one of the story's own files" in err and story_file.read_bytes() == manifest


def test_two_replays_finished_in_the_same_second_are_both_kept(
    mini_story: Story, private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("game.replay.recorder.time.strftime", lambda _format: "20250102-100000")
    for _ in range(2):
        game = GameController(mini_story)
        game.new_game()
        for action in (ChoiceInput(3),):
            game.apply(action)
    kept = sorted(path.name for path in (private_home / "replays").iterdir())
    assert kept == ["mini-20250102-100000-quiet-2.json", "mini-20250102-100000-quiet.json"]


def test_verifying_a_replay_of_another_story_points_to_story_dir(mini_story: Story) -> None:
    verdict = verify(HONEYMOON, mini_story)
    assert not verdict.valid
    assert verdict.line == (
        "invalid: the replay is of the story `ruby-sparks`, not `mini`; "
        "verify it with the story it was recorded with: `--story DIR`"
    )
