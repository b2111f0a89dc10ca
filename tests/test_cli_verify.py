"""`replay --verify` is read without the argument parser when it is exactly that: it must answer as the parser would."""

from __future__ import annotations

import pytest

from game.commands import main
from game.paths import assets_dir, shipped_story_dir

FILM = str(assets_dir() / "replays" / "film.json")


@pytest.mark.parametrize(
    "arguments",
    [
        ["replay", "--verify", FILM],
        ["replay", FILM, "--verify"],
        ["replay", "--verify", "--story", str(shipped_story_dir()), FILM],  # through the parser
        ["replay", "--verify", "--speed", "2", FILM],
    ],
)
def test_every_spelling_of_a_verify_gives_the_same_line(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(arguments) == 0
    assert capsys.readouterr().out.startswith("valid: ending=film_ending time=")


@pytest.mark.parametrize(
    ("arguments", "code", "said"),
    [
        (["replay", "--verify", "missing.json"], 1, "invalid: cannot read missing.json"),
        (["replay", "--verify", "--verify"], 2, "the following arguments are required: FILE"),
        (["replay", "--verify", "-x"], 2, "the following arguments are required: FILE"),
        (["replay", "--verify", "--cast", "out.cast", FILM], 2, "--verify and --cast do not go together"),
    ],
)
def test_a_verify_that_cannot_be_done_says_why_with_its_exit_code(
    arguments: list[str], code: int, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        result = main(arguments)
    except SystemExit as exit_:  # the parser's usage errors
        result = int(exit_.code or 0)
    captured = capsys.readouterr()
    assert result == code
    assert said in captured.out + captured.err
