"""The command line's grammar: every subcommand and its options, and the checks on their values.

Only the grammar: `--help` and a usage error need no more. Each subcommand's code is imported once the command
runs (`game.commands.main`).
"""

from __future__ import annotations

import argparse
import math
import os
from pathlib import Path
from typing import Any

from game import __version__


def _folder(value: str) -> str:
    """A story folder argument: an empty one is a mistake (a shell variable that was never set), not "here"."""
    if not value.strip():
        raise argparse.ArgumentTypeError("an empty folder name; leave the option out for the shipped story")
    return value


def _record_file(value: str) -> str:
    """Checked before the game starts, so a player does not finish a long run to find it was never written."""
    path = Path(value)
    if not value.strip() or path.is_dir():
        raise argparse.ArgumentTypeError(f"{value!r} is not a file name; give one such as run.json")
    folder = path.parent
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"there is no folder {str(folder)!r} to write {path.name!r} in")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise argparse.ArgumentTypeError(f"{value!r} cannot be written here (permissions)")
    return value


def _livesplit_address(value: str) -> tuple[str, int]:
    from game.speedrun.livesplit import parse_address

    try:
        return parse_address(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds above 0")
    return seconds


SEED_LIMIT = 2**53
"""A replay holds its seed as a JSON number, which stays exact only this far: a larger seed would be played, and then
its replay refused."""


def _seed(value: str) -> int:
    try:
        seed = int(value)
    except ValueError:
        seed = SEED_LIMIT + 1
    if abs(seed) > SEED_LIMIT:
        raise argparse.ArgumentTypeError(f"{value!r} is not a seed; give a whole number from -{SEED_LIMIT} to {SEED_LIMIT}")
    return seed


def _speed(value: str) -> float:
    try:
        speed = float(value)
    except ValueError:
        speed = math.nan
    if not (math.isfinite(speed) and speed >= 0):
        raise argparse.ArgumentTypeError(f"{value!r} is not a speed; give a number, 0 or more (0 = no waiting)")
    return speed


def _port(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port; give a number from 1 to 65535")
    return int(value)


COMMANDS = ("play", "check", "page", "replay", "graph", "explore", "stats", "schema", "serve", "splits", "runs", "lsp")


PLAY_OPTIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("--plain", {"action": "store_true", "help": "plain text on stdin/stdout, for screen readers and scripts"}),
    ("--story", {"type": _folder, "metavar": "DIR", "help": "a story folder (default: the shipped story)"}),
    ("--seed", {"type": _seed, "metavar": "N", "help": "the seed of the game's random numbers (default: 0)"}),
    ("--no-anim", {"action": "store_true", "help": "show text at once (also when NO_COLOR is set)"}),
    ("--watch", {"action": "store_true", "help": "reload the story when its files change (for authors)"}),
    ("--record", {"type": _record_file, "metavar": "FILE", "help": "also write the replay of the finished run to FILE"}),
    ("--speedrun", {"action": "store_true", "help": "speed-run mode: a timer, splits and personal bests"}),
    (
        "--category",
        {"metavar": "C", "help": "the speed-run category, as the story defines it (default: any%%)"},
    ),
    (
        "--livesplit",
        {
            "type": _livesplit_address,
            "metavar": "[HOST:]PORT",
            "help": "drive a LiveSplit Server's timer in a speed-run (its port is 16834)",
        },
    ),
)
"""`play`'s options: `ruby-sparks` without a command plays, so the top-level help lists them too (from this table)."""


def _play_options_text() -> str:
    rows = []
    for flag, options in PLAY_OPTIONS:
        shown = flag + (f" {options['metavar']}" if "metavar" in options else "")
        if "choices" in options:
            shown += " {" + ",".join(options["choices"]) + "}"
        text = options["help"].replace("%%", "%")
        rows.append(f"  {shown:<20}  {text}" if len(shown) <= 20 else f"  {shown}\n  {'':<20}  {text}")
    return "Without a command, ruby-sparks plays, and takes the options of `play`:\n" + "\n".join(rows)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ruby-sparks",
        description="Ruby Sparks: an interactive fiction of the film, and its authoring tools.",
        epilog=_play_options_text(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ruby-sparks {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = commands.add_parser("play", help="play the game")
    for flag, options in PLAY_OPTIONS:
        play.add_argument(flag, **options)

    check = commands.add_parser("check", help="check a story folder and report every problem")
    check.add_argument("dir", nargs="?", type=_folder, metavar="DIR", help="the story folder (default: the shipped story)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--outline", metavar="FILE", help="the outline of beats (default: found beside the story)")

    page = commands.add_parser("page", help="show how the typewriter reads a page")
    page.add_argument("text", metavar="TEXT", help="the page, or - to read it from stdin")
    page.add_argument("--story", type=_folder, metavar="DIR", help="a story folder (default: the shipped story)")
    page.add_argument("--json", action="store_true", help="print one JSON object")
    page.add_argument(
        "--explain", action="store_true", help="for each sentence, the subject found, the frame and the words that matched"
    )

    replay = commands.add_parser("replay", help="watch a recorded run, or verify it with --verify")
    replay.add_argument("file", metavar="FILE", help="a replay file (.json)")
    replay.add_argument("--verify", action="store_true", help="re-simulate without a screen and print one line")
    replay.add_argument("--speed", type=_speed, default=1.0, help="playback speed (2 = twice as fast, 0 = no waiting)")
    replay.add_argument("--plain", action="store_true", help="play back as plain text")
    replay.add_argument("--story", type=_folder, metavar="DIR", help="a story folder (default: the shipped story)")
    replay.add_argument("--cast", metavar="OUT", help="write the run as an asciinema recording (asciicast v2) to OUT")

    graph = commands.add_parser("graph", help="draw the scene graph (Graphviz dot or Mermaid)")
    graph.add_argument("dir", nargs="?", type=_folder, metavar="DIR", help="the story folder (default: the shipped story)")
    graph.add_argument("--format", choices=("dot", "mermaid"), default="dot")
    graph.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    graph.add_argument("--coverage", metavar="FILE", help="shade what a report of `explore --format json` never reached")

    explore = commands.add_parser("explore", help="playtest a story automatically and report coverage and problems")
    explore.add_argument("dir", nargs="?", type=_folder, metavar="DIR", help="the story folder (default: the shipped story)")
    explore.add_argument("--runs", type=int, default=1000, help="random playthroughs (default: 1000)")
    explore.add_argument("--seed", type=_seed, default=0, help="the first seed (run n uses seed + n)")
    explore.add_argument("--jobs", type=int, default=1, help="processes to use (default: 1)")
    explore.add_argument("--format", choices=("text", "json"), default="text")
    explore.add_argument(
        "--exhaustive", action="store_true", help="walk every distinct state and prove which endings are reachable"
    )
    explore.add_argument(
        "--limit", type=int, default=200_000, help="the states --exhaustive may keep, its memory budget (default: 200000)"
    )
    explore.add_argument(
        "--max-seconds",
        type=_seconds,
        default=600.0,
        metavar="S",
        help="the time budget of --exhaustive (default: 600); stopping early exits 1 and says so",
    )
    explore.add_argument("--out", metavar="DIR", help="where to write the replays (default: a folder in your data folder)")

    stats = commands.add_parser("stats", help="count a story's words, choices and reading time to each ending")
    stats.add_argument("dir", nargs="?", type=_folder, metavar="DIR", help="the story folder (default: the shipped story)")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.add_argument("--limit", type=int, default=200_000, help="the state limit of the walk for shortest paths")

    schema = commands.add_parser("schema", help="print the JSON Schema of story files, for editors")
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    part = schema.add_mutually_exclusive_group()
    part.add_argument("--manifest", action="store_true", help="only the manifest's schema (story.yaml)")
    part.add_argument("--story-file", action="store_true", help="only the schema of the other files")

    serve = commands.add_parser("serve", help="serve the game to web browsers (needs the web extra)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=_port, default=8000, help="the port to listen on (default: 8000)")
    serve.add_argument("--story", type=_folder, metavar="DIR", help="a story folder (default: the shipped story)")

    _add_speedrun_commands(commands)

    server = commands.add_parser("lsp", help="a language server for editors, on stdin and stdout (needs pygls)")
    server.add_argument("--stdio", action="store_true", help="talk over stdin and stdout (the only way; for editors that ask)")
    return parser


def _add_speedrun_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    story_help = "a story folder (default: the shipped story)"
    splits = commands.add_parser("splits", help="export your speed-run splits (a LiveSplit .lss file)")
    actions = splits.add_subparsers(dest="splits_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write a category's PB, golds and attempts as a splits file")
    export.add_argument("--format", choices=("lss",), default="lss", help="lss: LiveSplit's splits file (the default)")
    export.add_argument("--category", metavar="C", help="the category (default: the story's first)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    export.add_argument("--story", type=_folder, metavar="DIR", help=story_help)

    runs = commands.add_parser("runs", help="your speed-run attempts, personal bests and golds, as a table")
    runs.add_argument("--category", metavar="C", help="only this category")
    runs.add_argument("--story", type=_folder, metavar="DIR", help=story_help)
