"""What every subcommand shares: its exit codes, the story it plays, and how it prints or writes its result."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from game.paths import shipped_story_dir, shipped_story_folder

if TYPE_CHECKING:
    from pathlib import Path

    from game.story.model import Story

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def story_dir(value: str | None) -> Path:
    if not value:
        return shipped_story_dir()
    from pathlib import Path

    return Path(value)


def usage_error(message: str) -> int:
    print(f"ruby-sparks: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def load_for_play(story_arg: str | None) -> Story | int:
    """The story, or an int exit code after printing why it cannot be played."""
    from game.persistence.story_cache import load_story_cached

    # a text, not a `Path`, until there is something to say: see `game.paths._as_path`
    given = story_arg or shipped_story_folder()
    if not os.path.isdir(given):
        return usage_error(f"no such story folder: {story_dir(story_arg)}")
    story, diagnostics = load_story_cached(given)
    if story is None:
        folder = story_dir(story_arg)
        for diagnostic in diagnostics.sorted():
            if diagnostic.severity == "error":
                print(diagnostic, file=sys.stderr)
        print(f"ruby-sparks: the story in {folder} has errors; run `ruby-sparks check {folder}`", file=sys.stderr)
        return EXIT_FAILED
    return story


def write_or_print(text: str, output: str | None) -> int:
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    from pathlib import Path

    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"ruby-sparks: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
