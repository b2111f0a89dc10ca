"""One browser's game: the process textual-serve starts for each page that connects.

`python -m game.web.session --home FOLDER [--story DIR]`. The server chooses the folder (one per browser), so saves,
settings and endings seen are that visitor's alone; textual-serve's environment makes Textual draw through its web
driver, which is how the app knows it is in a browser.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.web.session")
    parser.add_argument("--home", required=True, help="this visitor's data folder")
    parser.add_argument("--story", help="a story folder (default: the shipped story)")
    args = parser.parse_args(argv)
    os.environ["RUBY_SPARKS_HOME"] = args.home  # before anything asks where the player's data lives
    from game.tui.app import RubySparksApp

    RubySparksApp(Path(args.story) if args.story else None).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
