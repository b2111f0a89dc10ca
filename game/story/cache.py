"""A cache of stories that loaded cleanly, so the commands that only need the story skip re-reading its YAML.

The key is the SHA-256 of the game's version, the folder as given and as resolved, and the bytes of every story file,
so any edit (or a new version of the game) misses the cache and loads the files afresh. Only a story that loaded with
no diagnostic at all, from a folder with no links, is cached. The cache lives in the player's data folder, is written
and read only by the game (like Python's own bytecode cache), and deleting it is always safe; `RUBY_SPARKS_NO_CACHE=1`
turns it off. A cache file that cannot be read is ignored and replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from game import __version__
from game.paths import user_data_dir
from game.story.diagnostics import Diagnostics
from game.story.model import Story

KEEP = 16
"""How many cached stories to keep; the oldest go first."""


def load_story_cached(root: str | os.PathLike[str]) -> tuple[Story | None, Diagnostics]:
    key = None if os.environ.get("RUBY_SPARKS_NO_CACHE") else _key(Path(root), str(root))
    if key is not None:
        story = _read(key)
        if story is not None:
            return story, Diagnostics()
    from game.story.loader import load_story

    story, diagnostics = load_story(root)
    if key is not None and story is not None and not diagnostics.items:
        _write(key, story)
    return story, diagnostics


def _key(root: Path, shown: str) -> str | None:
    """None when the folder cannot be cached (links, unreadable files): those always take the full path."""
    digest = hashlib.sha256(f"{__version__}\0{shown}\0{root.resolve()}".encode())
    try:
        for folder, subfolders, files in os.walk(root, followlinks=False):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            if any(os.path.islink(os.path.join(folder, name)) for name in subfolders):
                return None
            for name in sorted(files):
                if name.startswith(".") or not name.endswith((".yaml", ".yml")):
                    continue
                path = os.path.join(folder, name)
                if os.path.islink(path):
                    return None
                with open(path, "rb") as handle:
                    data = handle.read()
                relative = os.path.relpath(path, root)
                digest.update(relative.encode() + b"\0" + hashlib.sha256(data).digest())
    except OSError:
        return None
    return digest.hexdigest()


def _folder() -> Path:
    return user_data_dir() / "cache"


def _read(key: str) -> Story | None:
    try:
        with open(_folder() / f"story-{key}.pickle", "rb") as handle:
            story = pickle.load(handle)
    except Exception:  # a missing, truncated or foreign cache file is simply a miss
        return None
    return story if isinstance(story, Story) else None


def _write(key: str, story: Story) -> None:
    from game.persistence.atomic import write_atomic

    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        write_atomic(_folder() / f"story-{key}.pickle", pickle.dumps(story, protocol=pickle.HIGHEST_PROTOCOL))
        entries = sorted(_folder().glob("story-*.pickle"), key=lambda path: path.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink()
