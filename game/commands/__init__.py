"""The command line: `ruby-sparks` and its subcommands (`game.cli` is only the entry point that hands over to it).

Each subcommand is a thin shell over the library: parse arguments, call, print. User mistakes (a missing folder, a
broken story, a bad save) end in one clear message and an exit code, never a traceback. The grammar is parser.py;
each group of subcommands is a module of its own (play.py, authoring.py, speedrun.py), imported only when one of its
commands runs.
"""

from __future__ import annotations

import contextlib
import gc
import io
import itertools
import os
import sys
from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

from game.commands.common import EXIT_FAILED, EXIT_OK

if TYPE_CHECKING:
    import argparse

Command = Callable[["argparse.Namespace"], int]


def command(name: str) -> Command:
    """The code of subcommand `name`, its module imported now."""
    match name:
        case "play" | "page" | "replay" | "serve":
            from game.commands import play

            return {"play": play.cmd_play, "page": play.cmd_page, "replay": play.cmd_replay, "serve": play.cmd_serve}[name]
        case "splits" | "runs":
            from game.commands import speedrun

            return speedrun.cmd_splits_export if name == "splits" else speedrun.cmd_runs
        case _:
            from game.commands import authoring

            return {
                "check": authoring.cmd_check,
                "graph": authoring.cmd_graph,
                "schema": authoring.cmd_schema,
                "explore": authoring.cmd_explore,
                "stats": authoring.cmd_stats,
                "lsp": authoring.cmd_lsp,
            }[name]


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = _verify_only(arguments)
    if args is None:
        from game.commands.parser import COMMANDS, build_parser

        if not arguments or (arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help", "--version")):
            arguments = ["play", *arguments]
        if arguments[0] == "check" and _asks_for_json(arguments):
            parsed = _parse_check_as_json(build_parser(), arguments)
            if isinstance(parsed, int):
                return parsed
            args = parsed
        else:
            args = build_parser().parse_args(arguments)
    try:
        return int(command(args.command)(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _asks_for_json(arguments: list[str]) -> bool:
    return "--format=json" in arguments or any(a == "--format" and b == "json" for a, b in itertools.pairwise(arguments))


def _parse_check_as_json(parser: argparse.ArgumentParser, arguments: list[str]) -> argparse.Namespace | int:
    """`check --format json`: a tool reads its output, so even a usage error (an unknown option) is JSON, with
    argparse's own words and its exit code 2."""
    from game.commands.authoring import check_usage_error

    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            args = parser.parse_args(arguments)
    except SystemExit as stop:
        if stop.code in (0, None):
            raise
        lines = captured.getvalue().strip().splitlines()
        return check_usage_error(lines[-1].partition("error: ")[2] if lines else "bad arguments", "json")
    return args


def _verify_only(arguments: list[str]) -> argparse.Namespace | None:
    """`replay --verify FILE` (or `replay FILE --verify`), exactly, as the parser would read it, without the parser:
    importing argparse and building the grammar of every command was a tenth of verifying a run, which a
    leaderboard does for every submission. Anything else (another option, a FILE that looks like an option) is None,
    for the parser to read and judge."""
    if len(arguments) != 3 or arguments[0] != "replay" or "--verify" not in arguments[1:]:
        return None
    file = arguments[2] if arguments[1] == "--verify" else arguments[1]
    if file.startswith("-"):
        return None
    namespace = SimpleNamespace(command="replay", file=file, verify=True, speed=1.0, plain=False, story=None, cast=None)
    return cast("argparse.Namespace", namespace)  # read only by attribute, as the parser's would be


def console() -> int:
    """The `ruby-sparks` command itself: `main`, then the heap is frozen so the interpreter's last full collection at
    exit skips it. Everything is about to be freed anyway, and with a story loaded that pass cost a tenth of a whole
    `replay --verify`. Only the command does this: `main` is also called inside other programs (the tests)."""
    _tolerant_stdio()
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        code = EXIT_OK  # the reader went away (`| head`): nothing is wrong
        _drop_stdout()
    except OSError as error:  # the system failed us (a full disk, /dev/full as the output): one line, no traceback
        where = f" ({error.filename})" if error.filename else ""
        print(f"ruby-sparks: reading or writing failed{where}: {error.strerror or error}", file=sys.stderr)
        code = EXIT_FAILED
        _drop_stdout()
    gc.freeze()
    return code


def _drop_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's own flush at exit does not fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _tolerant_stdio() -> None:
    """A stray byte on standard input, or a name the terminal cannot show, becomes U+FFFD or `?` instead of a
    UnicodeError traceback that would lose the game in progress, and an input line may end in LF, CRLF or a lone CR
    (old Mac files). Only the terminal streams change, never a file."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace", newline=None)


if __name__ == "__main__":
    raise SystemExit(console())
