"""Write a file so that a crash at any moment leaves either the old file or the new one, never half of each."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

STALE_AFTER = 24 * 60 * 60
"""A temporary file this many seconds old was left by a write that was killed: no write takes a day."""


def set_aside(path: Path) -> Path:
    """Move a damaged file out of the way, never over an earlier damaged one: `NAME.damaged`, then `NAME.damaged.2`..."""
    aside = unused_path(path.with_name(path.name + ".damaged"), lambda number: f"{path.name}.damaged.{number}")
    os.replace(path, aside)
    return aside


def unused_path(path: Path, numbered: Callable[[int], str] | None = None) -> Path:
    """`path`, or while that name is taken, the first free `numbered(2)`, `numbered(3)`... (by default `NAME-2.json`):
    a file named by the second it was made in (a replay, an export) must not replace one made in the same second."""
    name = numbered or (lambda number: f"{path.stem}-{number}{path.suffix}")
    free, number = path, 1
    while free.exists() or free.is_symlink():
        number += 1
        free = path.with_name(name(number))
    return free


def remove_stale_temps(folder: Path, now: float | None = None) -> int:
    """Remove the temporary files (`.NAME.*.tmp`) that killed writes left in `folder`, once they are a day old, so
    they do not pile up; a younger one may be another process's write in progress. How many were removed."""
    cutoff = (time.time() if now is None else now) - STALE_AFTER
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    os.unlink(entry.path)
                    removed += 1
    return removed


def write_atomic(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename over the target, fsync the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    with contextlib.suppress(OSError):
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
