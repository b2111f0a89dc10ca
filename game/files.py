"""Reading a file whose size cannot be trusted: a replay someone sent, a story folder, the player's own saves.

A size from `stat` says nothing about a device (/dev/zero), a pipe or a file that is still growing, and reading such a
thing whole never ends or fills the memory. Reading through the open file, never more than the limit allows, is safe
for all of them. Opening a named pipe that no one writes to waits for ever, so only a path the player names on the
command line (`replay --verify <(curl ...)`) may be a pipe; the game's own files must be regular files.
"""

from __future__ import annotations

import errno
import os
import stat


def read_at_most(path: str | os.PathLike[str], limit: int, *, pipes: bool = False) -> bytes:
    """The first `limit + 1` bytes at most: one more than allowed is how a caller tells that the file is too large.

    Without `pipes`, anything but a regular file raises OSError: it is opened without waiting, then checked."""
    if pipes:
        with open(path, "rb") as handle:
            return handle.read(limit + 1)
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a pipe, a device or a folder)", os.fspath(path))
        handle = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with handle:
        return handle.read(limit + 1)
