"""What every subcommand shares: its exit codes, the story it plays, and how it prints or writes its result."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.paths import shipped_story_dir

if TYPE_CHECKING:
    from game.story.model import Story

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def story_dir(value: str | None) -> Path:
    return Path(value) if value else shipped_story_dir()


def usage_error(message: str) -> int:
    print(f"ruby-sparks: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def load_for_play(story_arg: str | None) -> Story | int:
    """The story, or an int exit code after printing why it cannot be played."""
    from game.persistence.story_cache import load_story_cached

    folder = story_dir(story_arg)
    if not folder.is_dir():
        return usage_error(f"no such story folder: {folder}")
    story, diagnostics = load_story_cached(folder if story_arg is None else story_arg)
    if story is None:
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
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"ruby-sparks: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
