"""The `ruby-sparks` command's entry point, kept as small as a program can be.

`ruby-sparks --version` (what scripts and package managers run to see the game is there) is answered here without
importing anything else, so it costs little more than starting Python; every other command goes to `game.commands`,
which imports each subcommand's modules only when that subcommand runs.
"""

from __future__ import annotations

import sys

from game import __version__


def console() -> int:
    """Ctrl+C at any moment from here on, even while the commands are still being imported, ends with status 130
    and no traceback, as at any later moment."""
    try:
        if sys.argv[1:] == ["--version"]:
            print(f"ruby-sparks {__version__}")
            return 0
        if sys.argv[1:2] == ["replay"] and "--verify" in sys.argv[2:]:
            # A verify makes no reference cycles worth finding (the story is frozen as it loads, a replay's size is
            # capped): the cycle collector's passes, mostly over the modules being imported, were 4% of its process.
            import gc

            gc.disable()
        from game.commands import console as run_command

        return run_command()
    except KeyboardInterrupt:
        return 130
