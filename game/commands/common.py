"""What every subcommand shares: its exit codes, the story it plays, and how it prints or writes its result."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable
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


def clobbers(output: str, reads: Iterable[tuple[str, str]] = (), story_folder: str | None = None) -> str | None:
    """Why `output` must not be written, or None: it is a file this command reads (`reads`: each path with what it
    is), by any name (`./run.json`, a link, a hard link), or one of the story's own files. Overwriting either would
    lose it, and a mistyped option is no reason to lose a run or a story. Any other existing file is overwritten, as
    `-o` does everywhere."""
    for path, what in reads:
        with contextlib.suppress(OSError):  # a file that does not exist (yet) is not the other
            if os.path.samefile(output, path):
                return f"{output} is {what}, which this command reads: writing there would lose it; give another file"
    folder = os.path.realpath(story_folder or shipped_story_folder())
    written = os.path.realpath(output)
    if written.startswith(folder + os.sep) and written.endswith((".yaml", ".yml")):
        return f"{output} is one of the story's own files: writing there would lose it; give another file"
    return None


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
