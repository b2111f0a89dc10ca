"""`play`, `page`, `replay` and `serve`: the commands that play the story (in the terminal, to a browser, back)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from game.commands.common import EXIT_FAILED, EXIT_OK, clobbers, load_for_play, usage_error

if TYPE_CHECKING:
    import argparse

    from game.speedrun.livesplit import LiveSplitLink


def livesplit_link(address: tuple[str, int] | None) -> LiveSplitLink | None:
    from game.speedrun.livesplit import LiveSplitLink

    return LiveSplitLink(*address) if address is not None else None


def _speedrun_options(args: argparse.Namespace) -> str | None:
    """Why the options do not go together, or None: a speed-run's seed is its category's (none can pick one), and a
    category, or a LiveSplit timer, means nothing without a speed-run. Said before the game starts, not ignored."""
    if args.speedrun and args.seed is not None:
        return "--seed has no use in a speed-run: every run of a category starts from the category's own seed"
    if not args.speedrun and args.category is not None:
        return "--category is for a speed-run: add --speedrun"
    if not args.speedrun and args.livesplit is not None:
        return "--livesplit drives a speed-run's timer: add --speedrun"
    return None


def cmd_play(args: argparse.Namespace) -> int:
    from pathlib import Path  # here, not at the top: `replay --verify` needs none (see `game.paths._as_path`)

    from game.persistence.saves import tidy_saves

    clash = _speedrun_options(args)
    if clash is not None:
        return usage_error(clash)
    args.seed = args.seed or 0
    args.category = args.category or "any%"
    refused = clobbers(args.record, story_folder=args.story) if args.record else None
    if refused is not None:
        return usage_error(refused)

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
            livesplit=livesplit_link(args.livesplit),
        ).run()
        return EXIT_OK
    story = load_for_play(args.story)
    if isinstance(story, int):
        return story
    from game.frontends.plain import play_plain

    if args.speedrun and story.category(args.category) is None:
        names = ", ".join(category.name for category in story.categories) or "none"
        return usage_error(f"this story has no speed-run category {args.category} (its categories: {names})")
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
        livesplit=livesplit_link(args.livesplit),
    )


def cmd_page(args: argparse.Namespace) -> int:
    story = load_for_play(args.story)
    if isinstance(story, int):
        return story
    import json

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


def cmd_replay(args: argparse.Namespace) -> int:
    from game.files import read_at_most
    from game.replay.format import MAX_REPLAY_BYTES, ReplayError, read_replay
    from game.replay.verify import verify_file

    story = load_for_play(args.story)
    if isinstance(story, int):
        return story
    if args.verify and args.cast:
        return usage_error("--verify and --cast do not go together: verify first, then make the recording")
    refused = clobbers(args.cast, [(args.file, "the replay")], args.story) if args.cast else None
    if refused is not None:
        return usage_error(refused)
    if args.verify:
        verdict = verify_file(args.file, story)
        print(verdict.line)
        return EXIT_OK if verdict.valid else EXIT_FAILED
    from pathlib import Path

    path = Path(args.file)
    try:
        replay = read_replay(read_at_most(path, MAX_REPLAY_BYTES, pipes=True))
    except (OSError, ReplayError) as error:
        print(f"ruby-sparks: cannot play {path}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
        return EXIT_FAILED
    if args.cast:
        from game.frontends.cast import write_cast

        return write_cast(story, replay, args.cast)
    if args.plain or not sys.stdout.isatty():
        from game.frontends.plain_replay import play_back_plain

        return play_back_plain(story, replay, sys.stdout, max(args.speed, 0.0))
    from game.tui.app import RubySparksApp

    RubySparksApp(Path(args.story) if args.story else None, replay=replay, replay_speed=args.speed).run()
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from game.web.server import only_this_machine, serve
    except ImportError:
        print("ruby-sparks: serve needs the web extra: pip install 'ruby-sparks[web]'", file=sys.stderr)
        return EXIT_FAILED
    from pathlib import Path

    from game.paths import user_data_dir

    story = load_for_play(args.story)
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
