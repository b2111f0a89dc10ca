"""The command line: `ruby-sparks` and its subcommands (`game.cli` is only the entry point that hands over to it).

Each subcommand is a thin shell over the library: parse arguments, call, print. User mistakes (a missing folder, a
broken story, a bad save) end in one clear message and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game import __version__
from game.paths import shipped_seeds_dir, shipped_story_dir

if TYPE_CHECKING:
    from game.speedrun.livesplit import LiveSplitLink
    from game.story.model import Story

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _story_dir(value: str | None) -> Path:
    return Path(value) if value else shipped_story_dir()


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


def _livesplit_link(address: tuple[str, int] | None) -> LiveSplitLink | None:
    from game.speedrun.livesplit import LiveSplitLink

    return LiveSplitLink(*address) if address is not None else None


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds above 0")
    return seconds


def _usage_error(message: str) -> int:
    print(f"ruby-sparks: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _load_for_play(story_arg: str | None) -> Story | int:
    """The story, or an int exit code after printing why it cannot be played."""
    from game.story.cache import load_story_cached

    folder = _story_dir(story_arg)
    if not folder.is_dir():
        return _usage_error(f"no such story folder: {folder}")
    story, diagnostics = load_story_cached(folder if story_arg is None else story_arg)
    if story is None:
        for diagnostic in diagnostics.sorted():
            if diagnostic.severity == "error":
                print(diagnostic, file=sys.stderr)
        print(f"ruby-sparks: the story in {folder} has errors; run `ruby-sparks check {folder}`", file=sys.stderr)
        return EXIT_FAILED
    return story


def cmd_check(args: argparse.Namespace) -> int:
    from game.story.checks import check_story

    folder = _story_dir(args.dir)
    if not folder.is_dir():
        return _usage_error(f"no such story folder: {folder}")
    outline = Path(args.outline) if args.outline else None
    if outline is not None and not outline.is_file():
        return _usage_error(f"no such outline file: {outline}")
    if args.dir is None and outline is None and (shipped_seeds_dir() / "outline.yaml").is_file():
        outline = shipped_seeds_dir() / "outline.yaml"
    _story, diagnostics = check_story(folder, outline, shown=args.dir or str(folder))
    items = diagnostics.sorted()
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    failed = errors > 0 or (args.strict and warnings > 0)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "story": str(folder),
                    "ok": not failed,
                    "errors": errors,
                    "warnings": warnings,
                    "diagnostics": [item.to_json() for item in items],
                },
                indent=2,
            )
        )
    else:
        for item in items:
            print(item)
        summary = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        print(f"{folder}: {summary}" if items else f"{folder}: ok, no errors or warnings")
    return EXIT_FAILED if failed else EXIT_OK


def cmd_play(args: argparse.Namespace) -> int:
    from game.persistence.saves import tidy_saves

    tidy_saves()
    if not args.plain and sys.stdin.isatty() and sys.stdout.isatty():
        from game.tui.app import RubySparksApp

        RubySparksApp(
            Path(args.story) if args.story else None,
            seed=args.seed,
            animate=not args.no_anim,
            record=Path(args.record) if args.record else None,
            speedrun=args.category if args.speedrun else None,
            watch=args.watch,
            livesplit=_livesplit_link(args.livesplit),
        ).run()
        return EXIT_OK
    story = _load_for_play(args.story)
    if isinstance(story, int):
        return story
    from game.frontends.plain import play_plain

    if args.speedrun and story.category(args.category) is None:
        names = ", ".join(category.name for category in story.categories) or "none"
        return _usage_error(f"this story has no speed-run category {args.category} (its categories: {names})")
    record = Path(args.record) if args.record else None
    category = args.category if args.speedrun else None
    return play_plain(
        story,
        sys.stdin,
        sys.stdout,
        seed=args.seed,
        record=record,
        speedrun=category,
        watch=args.watch,
        livesplit=_livesplit_link(args.livesplit),
    )


def cmd_page(args: argparse.Namespace) -> int:
    story = _load_for_play(args.story)
    if isinstance(story, int):
        return story
    from game.engine.explain import explain_page
    from game.typewriter import MAX_PAGE_CHARS

    # a page holds MAX_PAGE_CHARS; one more says it was cut, and an endless stream (a pipe from /dev/zero) still ends
    text = sys.stdin.read(MAX_PAGE_CHARS + 1) if args.text == "-" else args.text
    result = explain_page(story, text)
    if args.json:
        print(json.dumps(result.to_json(explain=args.explain), ensure_ascii=False))
    else:
        print(result.to_text(explain=args.explain))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from game.web.server import only_this_machine, serve
    except ImportError:
        print("ruby-sparks: serve needs the web extra: pip install 'ruby-sparks[web]'", file=sys.stderr)
        return EXIT_FAILED
    from game.paths import user_data_dir

    story = _load_for_play(args.story)
    if isinstance(story, int):
        return story
    if not only_this_machine(args.host):
        import getpass

        print(
            f"ruby-sparks: warning: serving on {args.host}: anyone who can reach port {args.port} can play, and write "
            f"saves, as {getpass.getuser()}",
            file=sys.stderr,
        )
    story_dir = Path(args.story).resolve() if args.story else None
    return serve(story_dir=story_dir, title=story.title, data_dir=user_data_dir(), host=args.host, port=args.port)


def _port(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port; give a number from 1 to 65535")
    return int(value)


COMMANDS = ("play", "check", "page", "replay", "graph", "explore", "stats", "schema", "serve", "splits", "runs", "lsp")


PLAY_OPTIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("--plain", {"action": "store_true", "help": "plain text on stdin/stdout, for screen readers and scripts"}),
    ("--story", {"type": _folder, "metavar": "DIR", "help": "a story folder (default: the shipped story)"}),
    ("--seed", {"type": int, "default": 0, "metavar": "N", "help": "the seed of the game's random numbers"}),
    ("--no-anim", {"action": "store_true", "help": "show text at once (also when NO_COLOR is set)"}),
    ("--watch", {"action": "store_true", "help": "reload the story when its files change (for authors)"}),
    ("--record", {"type": _record_file, "metavar": "FILE", "help": "also write the replay of the finished run to FILE"}),
    ("--speedrun", {"action": "store_true", "help": "speed-run mode: a timer, splits and personal bests"}),
    (
        "--category",
        {"metavar": "C", "default": "any%", "help": "the speed-run category, as the story defines it (default: any%%)"},
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
    play.set_defaults(handler=cmd_play)

    check = commands.add_parser("check", help="check a story folder and report every problem")
    check.add_argument("dir", nargs="?", type=_folder, metavar="DIR", help="the story folder (default: the shipped story)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--outline", metavar="FILE", help="the outline of beats (default: found beside the story)")
    check.set_defaults(handler=cmd_check)

    page = commands.add_parser("page", help="show how the typewriter reads a page")
    page.add_argument("text", metavar="TEXT", help="the page, or - to read it from stdin")
    page.add_argument("--story", type=_folder, metavar="DIR", help="a story folder (default: the shipped story)")
    page.add_argument("--json", action="store_true", help="print one JSON object")
    page.add_argument(
        "--explain", action="store_true", help="for each sentence, the subject found, the frame and the words that matched"
    )
    page.set_defaults(handler=cmd_page)

    replay = commands.add_parser("replay", help="watch a recorded run, or verify it with --verify")
    replay.add_argument("file", metavar="FILE", help="a replay file (.json)")
    replay.add_argument("--verify", action="store_true", help="re-simulate without a screen and print one line")
    replay.add_argument("--speed", type=float, default=1.0, help="playback speed (2 = twice as fast, 0 = no waiting)")
    replay.add_argument("--plain", action="store_true", help="play back as plain text")
    replay.add_argument("--story", type=_folder, metavar="DIR", help="a story folder (default: the shipped story)")
    replay.add_argument("--cast", metavar="OUT", help="write the run as an asciinema recording (asciicast v2) to OUT")
    replay.set_defaults(handler=cmd_replay)

    graph = commands.add_parser("graph", help="draw the scene graph (Graphviz dot or Mermaid)")
    graph.add_argument("dir", nargs="?", type=_folder, metavar="DIR", help="the story folder (default: the shipped story)")
    graph.add_argument("--format", choices=("dot", "mermaid"), default="dot")
    graph.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    graph.add_argument("--coverage", metavar="FILE", help="shade what a report of `explore --format json` never reached")
    graph.set_defaults(handler=cmd_graph)

    explore = commands.add_parser("explore", help="playtest a story automatically and report coverage and problems")
    explore.add_argument("dir", nargs="?", type=_folder, metavar="DIR", help="the story folder (default: the shipped story)")
    explore.add_argument("--runs", type=int, default=1000, help="random playthroughs (default: 1000)")
    explore.add_argument("--seed", type=int, default=0, help="the first seed (run n uses seed + n)")
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
    explore.set_defaults(handler=cmd_explore)

    stats = commands.add_parser("stats", help="count a story's words, choices and reading time to each ending")
    stats.add_argument("dir", nargs="?", type=_folder, metavar="DIR", help="the story folder (default: the shipped story)")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.add_argument("--limit", type=int, default=200_000, help="the state limit of the walk for shortest paths")
    stats.set_defaults(handler=cmd_stats)

    schema = commands.add_parser("schema", help="print the JSON Schema of story files, for editors")
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    part = schema.add_mutually_exclusive_group()
    part.add_argument("--manifest", action="store_true", help="only the manifest's schema (story.yaml)")
    part.add_argument("--story-file", action="store_true", help="only the schema of the other files")
    schema.set_defaults(handler=cmd_schema)

    serve = commands.add_parser("serve", help="serve the game to web browsers (needs the web extra)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=_port, default=8000, help="the port to listen on (default: 8000)")
    serve.add_argument("--story", type=_folder, metavar="DIR", help="a story folder (default: the shipped story)")
    serve.set_defaults(handler=cmd_serve)

    from game.speedrun.commands import add_commands as add_speedrun_commands

    add_speedrun_commands(commands)

    server = commands.add_parser("lsp", help="a language server for editors, on stdin and stdout (needs pygls)")
    server.add_argument("--stdio", action="store_true", help="talk over stdin and stdout (the only way; for editors that ask)")
    server.set_defaults(handler=cmd_lsp)
    return parser


def _write_or_print(text: str, output: str | None) -> int:
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"ruby-sparks: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def cmd_graph(args: argparse.Namespace) -> int:
    from game.authoring.graph import CoverageError, read_coverage, to_dot, to_mermaid
    from game.files import read_at_most

    if args.coverage is not None and not Path(args.coverage).is_file():
        return _usage_error(f"no such coverage file: {args.coverage}")
    story = _load_for_play(args.dir)
    if isinstance(story, int):
        return story
    reached = None
    if args.coverage is not None:
        try:
            data = read_at_most(Path(args.coverage), MAX_COVERAGE_BYTES)
            if len(data) > MAX_COVERAGE_BYTES:
                raise CoverageError(f"it is larger than {MAX_COVERAGE_BYTES:,} bytes, too large for a report")
            reached = read_coverage(data.decode("utf-8", errors="replace"), story)
        except (OSError, CoverageError) as error:
            print(f"ruby-sparks: cannot use {args.coverage}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
            return EXIT_FAILED
    text = to_dot(story, reached) if args.format == "dot" else to_mermaid(story, reached)
    return _write_or_print(text, args.output)


MAX_COVERAGE_BYTES = 64 << 20
"""A report of a story of thousands of scenes is a few megabytes; more is not a report."""


def cmd_schema(args: argparse.Namespace) -> int:
    from game.authoring.json_schema import manifest_schema, story_file_schema, story_schema

    schema = manifest_schema() if args.manifest else story_file_schema() if args.story_file else story_schema()
    return _write_or_print(json.dumps(schema, indent=1) + "\n", args.output)


def cmd_explore(args: argparse.Namespace) -> int:
    import time

    from game.explorer.report import report_text
    from game.paths import user_data_dir

    if args.runs < 0 or args.jobs < 1 or args.limit < 1:
        return _usage_error("--runs must be 0 or more, and --jobs and --limit at least 1")
    story = _load_for_play(args.dir)
    if isinstance(story, int):
        return story
    out = Path(args.out) if args.out else user_data_dir() / "explore" / f"{story.id}-{time.strftime('%Y%m%d-%H%M%S')}"
    try:
        if args.exhaustive:
            report = _explore_exhaustive(story, args.limit, args.max_seconds, out)
        else:
            report = _explore_random(story, args.runs, args.seed, args.jobs, out)
    except OSError as error:
        print(f"ruby-sparks: cannot write the replays to {out}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    print(json.dumps(report, indent=1) if args.format == "json" else report_text(report))
    return EXIT_OK if report["ok"] else EXIT_FAILED


def _explore_random(story: Story, runs: int, seed: int, jobs: int, out: Path) -> dict[str, Any]:
    from game.explorer.random_explore import distinct_issues, explore_random, write_issue_replays
    from game.explorer.report import random_report

    coverage = explore_random(story, runs, seed, jobs)
    issues = distinct_issues(coverage.issues)
    replays = write_issue_replays(story, [issue for issue, _ in issues], out)
    return random_report(story, coverage, issues, replays, seed, jobs)


def _explore_exhaustive(story: Story, limit: int, max_seconds: float, out: Path) -> dict[str, Any]:
    from game.explorer.exhaustive import explore_exhaustive, path_replay
    from game.explorer.report import exhaustive_report
    from game.persistence.atomic import write_atomic

    exploration = explore_exhaustive(story, limit, max_seconds=max_seconds)
    replays = {}
    for ending, path in exploration.paths.items():
        replays[ending] = out / f"shortest-{ending}.json"
        write_atomic(replays[ending], path_replay(story, path).dumps().encode("utf-8"))
    findings = []
    for number, finding in enumerate(exploration.findings, 1):
        replay = out / f"{finding.kind}-{number:03d}.json"
        write_atomic(replay, path_replay(story, finding.inputs, finding.seed).dumps().encode("utf-8"))
        findings.append((finding, replay))
    return exhaustive_report(story, exploration, replays, findings, limit, max_seconds)


def cmd_stats(args: argparse.Namespace) -> int:
    from game.authoring.stats import stats_text, story_stats
    from game.explorer.exhaustive import explore_exhaustive

    if args.limit < 1:
        return _usage_error("--limit must be at least 1")
    story = _load_for_play(args.dir)
    if isinstance(story, int):
        return story
    report = story_stats(story, explore_exhaustive(story, args.limit, witness_runs=0).paths)
    print(json.dumps(report, indent=1) if args.format == "json" else stats_text(report))
    return EXIT_OK


LSP_INSTALL = "pip install 'ruby-sparks[lsp]'"


def cmd_lsp(args: argparse.Namespace) -> int:
    import importlib.util

    if importlib.util.find_spec("pygls") is None:
        print(f"ruby-sparks: the language server needs pygls; install it with: {LSP_INSTALL}", file=sys.stderr)
        return EXIT_FAILED
    from game.authoring.lsp import serve

    serve()
    return EXIT_OK


def cmd_replay(args: argparse.Namespace) -> int:
    from game.files import read_at_most
    from game.replay.format import MAX_REPLAY_BYTES, ReplayError, read_replay
    from game.replay.verify import verify_file

    story = _load_for_play(args.story)
    if isinstance(story, int):
        return story
    path = Path(args.file)
    if args.verify and args.cast:
        return _usage_error("--verify and --cast do not go together: verify first, then make the recording")
    if args.verify:
        verdict = verify_file(path, story)
        print(verdict.line)
        return EXIT_OK if verdict.valid else EXIT_FAILED
    try:
        replay = read_replay(read_at_most(path, MAX_REPLAY_BYTES, pipes=True))
    except (OSError, ReplayError) as error:
        print(f"ruby-sparks: cannot play {path}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
        return EXIT_FAILED
    if args.cast:
        from game.replay.cast import write_cast

        return write_cast(story, replay, args.cast)
    if args.plain or not sys.stdout.isatty():
        from game.frontends.plain_replay import play_back_plain

        return play_back_plain(story, replay, sys.stdout, max(args.speed, 0.0))
    from game.tui.app import RubySparksApp

    RubySparksApp(Path(args.story) if args.story else None, replay=replay, replay_speed=args.speed).run()
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help", "--version")):
        arguments = ["play", *arguments]
    args = parser.parse_args(arguments)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


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
