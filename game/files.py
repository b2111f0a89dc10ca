"""Reading a file whose size cannot be trusted: a replay someone sent, a story folder, the player's own saves.

A size from `stat` says nothing about a device (/dev/zero), a pipe (`<(curl ...)`) or a file that is still growing, and
reading such a thing whole never ends or fills the memory. Reading through the open file, never more than the limit
allows, is safe for all of them.
"""

from __future__ import annotations

import os


def read_at_most(path: str | os.PathLike[str], limit: int) -> bytes:
    """The first `limit + 1` bytes at most: one more than allowed is how a caller tells that the file is too large."""
    with open(path, "rb") as handle:
        return handle.read(limit + 1)
