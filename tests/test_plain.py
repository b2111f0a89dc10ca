"""Plain mode as a screen reader or a script uses it.

Most tests call the command line in this process (`game.commands.main`, with standard input and output replaced): a
process would add only its start-up. The ones marked `slow` run the real console script, for what only a process has:
its exit status, how its own standard streams decode and encode, memory caps, and a device as its output.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.commands import main
from tests.conftest import MINI, cap_memory, console_script


class Played:
    """What a command printed, and its exit status, as `subprocess.run` would give them."""

    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def play(stdin: str, *args: str, story: Path | None = MINI) -> Played:
    """`ruby-sparks play --plain` in this process: its input from `stdin`, its output and errors gathered."""
    story_args = ["--story", str(story)] if story else []
    out, err = io.StringIO(), io.StringIO()
    given, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["play", "--plain", *story_args, *args])
            except SystemExit as exit_:  # argparse refuses a usage error by exiting, with status 2
                code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        sys.stdin = given
    return Played(code, out.getvalue(), err.getvalue())


def run_console(stdin: str, *args: str, story: Path = MINI) -> subprocess.CompletedProcess[str]:
    """The real `ruby-sparks play --plain --story STORY` in its own process."""
    return subprocess.run(
        [*console_script(), "play", "--plain", "--story", str(story), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )


def test_a_whole_playthrough_piped_in() -> None:
    result = play("1\nRuby speaks French.\nShe is very cheerful.\n\n2\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "## The Desk" in out and "  1. Sit down and write" in out
    assert "What do you write about her?" in out
    assert "“Ruby speaks French.” She speaks French." in out
    assert "Bonjour." in out and "Language: french." in out
    assert "*** THE END: A Quiet End ***" in out
    assert out.rstrip().endswith("Saved to `autosave`.")
    assert result.stderr == ""


def test_mistakes_get_a_hint_and_the_same_prompt() -> None:
    out = play("\nseven\n²\n" + "9" * 5000 + "\n9\n1\n\nRuby is happy.\n\n").stdout
    assert "`²` is not a choice" in out and out.count("is not a choice") == 4
    assert "Type a number from 1 to 3, or `help`." in out
    assert "`seven` is not a choice: type a number from 1 to 3, or `help`." in out
    assert "`9` is not a choice: type a number from 1 to 3, or `help`." in out  # as any other, not in other words
    assert "The page is blank" in out
    assert "## After" in out


def test_commands_at_any_prompt(private_home: Path) -> None:
    out = play("help\n2\nhistory\nundo\nsave first try\n1\n/load first try\nlook\nsaves\nquit\n").stdout
    assert "undo           take back" in out
    assert "You take it back." in out
    assert "Saved as `first try`." in out
    assert "The story so far:" in out and "> Make a promise" in out
    assert "Loaded `first try`." in out
    assert "first try: The Desk" in out
    assert "Goodbye." in out
    assert (private_home / "saves" / "first try.json").exists()


def test_end_of_input_autosaves_and_load_resumes(private_home: Path) -> None:
    play("1\n")
    autosave = json.loads((private_home / "saves" / "autosave.json").read_text())
    assert autosave["state"]["scene"] == "page"
    out = play("load autosave\nRuby speaks French.\n\n").stdout
    assert "Loaded `autosave`." in out and "Bonjour." in out


@pytest.mark.slow
def test_a_broken_story_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    """The real command: its exit status, and nothing on its error stream but the message."""
    (tmp_path / "story.yaml").write_text("- just\n- a list\n")
    result = run_console("", story=tmp_path)
    assert result.returncode == 1
    assert "story.yaml:1:1: error: story.yaml must be a mapping" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_story_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = play("", story=tmp_path / "nowhere")
    assert result.returncode == 2 and "no such story folder" in result.stderr


def test_a_megabyte_of_junk_at_every_prompt_leaves_the_game_working() -> None:
    junk = "\x00\x07\x1b[31m \u202eevil\u202c 🎈 ﷽ " * 40_000  # about a megabyte: control codes, bidi overrides, emoji
    result = play(f"{junk}\n1\n{junk}\n\nRuby is happy.\n\n2\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "is not a choice" in result.stdout
    assert "The page ran out before you did" in result.stdout
    assert "*** THE END: A Quiet End ***" in result.stdout


@pytest.mark.slow
def test_an_endless_line_of_input_stops_the_game_with_a_message_and_an_autosave(private_home: Path) -> None:
    """Memory is capped at 1 GB: the whole of /dev/zero as one line would otherwise fill the machine's memory."""

    with open("/dev/zero", "rb") as endless:
        command = [sys.executable, "-m", "game", "play", "--plain", "--story", str(MINI)]
        result = subprocess.run(command, stdin=endless, capture_output=True, text=True, timeout=120, preexec_fn=cap_memory)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("without ending; the input stops there") == 1, result.stdout[-500:]
    assert (private_home / "saves" / "autosave.json").exists()


@pytest.mark.slow
def test_a_page_typed_before_an_endless_line_is_still_read_once(private_home: Path) -> None:
    head = b"1\nRuby speaks French.\n"
    command = [sys.executable, "-m", "game", "play", "--plain", "--story", str(MINI)]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as game:
        assert game.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            game.stdin.write(head + b"a" * 11_000_000)
            game.stdin.close()
        out, err = game.communicate(timeout=120)
    assert game.returncode == 0, err.decode(errors="replace")
    text = out.decode(errors="replace")
    assert text.count("the input stops there") == 1 and text.count("Bonjour.") == 1, text[-800:]


@pytest.mark.slow
def test_stray_bytes_in_a_page_are_read_and_the_game_still_saves(private_home: Path) -> None:
    stdin = b"1\nRuby speaks French \xff\xfe.\n\nsave mine\n"
    command = [*console_script(), "play", "--plain", "--story", str(MINI)]
    result = subprocess.run(command, input=stdin, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Bonjour." in result.stdout and b"Saved as `mine`." in result.stdout
    assert (private_home / "saves" / "autosave.json").exists()


def test_a_slash_command_in_the_middle_of_a_page_pulls_the_page_out_then_runs(private_home: Path) -> None:
    out = play("1\nRuby speaks French.\n/save mine\n/quit\n").stdout
    assert out.index("Bonjour.") < out.index("Saved as `mine`.") < out.index("Goodbye.")
    saved = json.loads((private_home / "saves" / "mine.json").read_text())
    assert saved["state"]["variables"]["language"] == "french"


def test_at_the_typewriter_a_line_is_the_page_s_unless_it_starts_with_a_slash(private_home: Path) -> None:
    """ "Help arrives", "New day", "save her": words a page may begin with. Only `/help` is a command there."""
    out = play("1\nhelp\nnew\nRuby speaks French.\n\n/help\n").stdout
    assert "“help” Not about Ruby" in out and "“new” Not about Ruby" in out and "Bonjour." in out
    assert out.count("undo           take back") == 1  # the /help after the page, and nothing while writing it


def test_an_unknown_slash_command_at_the_typewriter_is_said_and_the_page_goes_on(private_home: Path) -> None:
    out = play("1\n/status\nRuby speaks French.\n\n").stdout
    assert "`/status` is not a command. The commands at the typewriter: /undo, /save" in out
    assert "Bonjour." in out and "“/status”" not in out  # not written into the page


def test_after_a_speed_run_s_ending_no_undo_is_offered(private_home: Path) -> None:
    out = play("1\nRuby is sad.\n\n2\n", "--speedrun").stdout
    assert "*** THE END: " in out
    assert "The story is over. Type `new` to begin again, `load`, or `quit`." in out and "`undo`" not in out
    casual = play("1\nRuby is sad.\n\n2\n").stdout
    assert "The story is over. Type `new` to begin again, `undo`, `load`, or `quit`." in casual


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (("--speedrun", "--seed", "5"), "--seed has no use in a speed-run"),
        (("--category", "any%"), "--category is for a speed-run: add --speedrun"),
        (("--livesplit", "16834"), "--livesplit drives a speed-run's timer: add --speedrun"),
    ],
)
def test_options_that_mean_nothing_together_are_a_usage_error_not_ignored(options: tuple[str, ...], said: str) -> None:
    result = play("quit\n", *options)
    assert result.returncode == 2 and said in result.stderr and result.stdout == ""


def test_loading_a_save_says_the_game_will_not_be_recorded(private_home: Path, tmp_path: Path) -> None:
    play("save mark\nquit\n")
    out = play("2\nload mark\n1\nRuby speaks French.\n\n2\n", "--record", str(tmp_path / "run.json")).stdout
    assert "Loaded `mark`." in out and "A loaded game is not recorded as a replay" in out
    assert not (tmp_path / "run.json").exists()
    timed = play("load mark\nquit\n", "--speedrun").stdout
    assert "the speed-run ends here (the attempt is kept)" in timed


def test_the_top_level_help_lists_the_options_of_play(capsys: pytest.CaptureFixture[str]) -> None:
    """`ruby-sparks --speedrun` plays a speed-run, so `ruby-sparks --help` must say that such options exist."""
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    shown = capsys.readouterr().out
    for option in ("--plain", "--speedrun", "--no-anim", "--category", "--record FILE", "--seed N", "--watch"):
        assert option in shown, option
    assert max(len(line) for line in shown.splitlines()) <= 100


def test_a_record_file_that_cannot_be_written_is_refused_before_the_game(tmp_path: Path) -> None:
    for target, words in ((tmp_path, "is not a file name"), (tmp_path / "missing" / "run.json", "there is no folder")):
        result = play("", "--record", str(target))
        assert result.returncode == 2 and words in result.stderr, result.stderr
        assert "Content note" not in result.stdout


@pytest.mark.slow
def test_lines_ending_in_a_lone_carriage_return_are_lines() -> None:
    """The console reads its own standard input with universal newlines: a process, to check that stream."""
    out = run_console("1\rRuby speaks French.\r\r2\r").stdout
    assert "Bonjour." in out and "*** THE END: A Quiet End ***" in out


def test_a_named_pipe_in_the_saves_folder_is_a_damaged_save_not_a_hang(private_home: Path) -> None:
    """Opening a pipe that no one writes to waits for ever; the game must not even try."""
    saves = private_home / "saves"
    saves.mkdir(parents=True)
    os.mkfifo(saves / "autosave.json")
    os.mkfifo(private_home / "settings.json")
    result = play("saves\n1\nquit\n")
    assert result.returncode == 0, result.stderr
    assert "autosave: untitled (cannot be loaded" in result.stdout
    assert "Saved to `autosave-mini`." in result.stdout


@pytest.mark.slow
def test_output_that_cannot_be_written_is_one_line_not_a_traceback() -> None:
    command = console_script()
    with open("/dev/full", "w") as full:
        result = subprocess.run([*command, "schema"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == "ruby-sparks: reading or writing failed: No space left on device\n"


def test_at_the_typewriter_every_hint_names_a_command_with_its_slash(tmp_path: Path) -> None:
    """There a bare `help` would be a line of the page: the blank page's hint, the opening line of a story that opens
    at the typewriter and the offer of an earlier scene all say `/help`, `/load`."""
    out = play("1\n\n").stdout
    assert "then an empty line to pull it out. (`/help` for commands.)" in out
    story = tmp_path / "mini"
    shutil.copytree(MINI, story)
    manifest = story / "story.yaml"
    manifest.write_text(manifest.read_text().replace("start: desk", "start: page"))
    assert "Type `/help` for commands." in play("", story=story).stdout
    assert "Type `help` for commands." in play("").stdout
    play("Ruby speaks French.\n\nsave later\n", story=story)
    scenes = story / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("after", "afterwards"))  # the save's scene is gone
    out = play("/load later\n", story=story).stdout
    assert "(Type `/load later --earlier` to go on from `page`.)" in out


def test_history_shows_how_each_page_was_read() -> None:
    out = play("1\nRuby speaks French. Harry is sad.\n\nhistory\n").stdout
    history = out[out.index("The story so far:") :]
    assert "> You wrote: “Ruby speaks French. Harry is sad.”" in history
    read = "How it was read: “Ruby speaks French.” She speaks French. “Harry is sad.” Not about Ruby: nothing changes."
    assert f"\n  {read[:20]}" in history and read in " ".join(history.split())  # one paragraph, wrapped


def test_ruby_and_endings_show_what_the_tui_s_sheet_and_gallery_show() -> None:
    out = play("endings\n1\n/ruby\nRuby speaks French.\nShe is not happy.\n\nruby\n2\nendings\nhelp\n").stdout
    assert "Endings found: 0 of 1\n\n1. ? ? ?  (not found yet)\n" in out
    assert "What is true of her:\n  Nothing you have written about her has taken.\n" in out  # at the typewriter, `/ruby`
    sheet = out[out.rindex("How she seems:") :]
    assert sheet.startswith("How she seems: She looks at you as if waiting for something.\n")
    assert "What is true of her:\n  • She speaks French.\n      page 1: “Ruby speaks French.”\n" in sheet
    assert "  • She will never be happy.\n      page 1: “She is not happy.”\n" in sheet
    assert "Pages written (1):\n\nPage 1 · The Page\nRuby speaks French.\nShe is not happy.\n" in sheet
    assert "Endings found: 1 of 1\n\n1. A Quiet End\n" in out
    assert "  ruby           Ruby as you have written her" in out and "  endings        the endings you have found" in out
