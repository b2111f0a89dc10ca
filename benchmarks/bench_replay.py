"""Verifying a replay: fast enough to run on every submitted speed-run.

Targets (issue 7): verifying the shipped film-ending replay <= 100 ms median (in process, story loaded), and the whole
`ruby-sparks replay --verify` process <= 2x `ruby-sparks --version` (both measured here, in the same run).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from timing import median_process_seconds, median_seconds, verdict

from game.paths import assets_dir, shipped_story_dir
from game.replay.verify import verify_file
from game.story.loader import load_story_or_raise


def main() -> None:
    replay = assets_dir() / "replays" / "film.json"
    story = load_story_or_raise(shipped_story_dir())
    assert verify_file(replay, story).valid
    inside = median_seconds(lambda: verify_file(replay, story), repeat=21)
    print(f"verify film replay (in process): median {inside * 1000:.1f} ms (target <= 100 ms: {verdict(inside, 0.1)})")
    load = median_seconds(lambda: load_story_or_raise(shipped_story_dir()), repeat=9)
    print(f"load the shipped story (in process): median {load * 1000:.1f} ms")
    version = median_process_seconds([sys.executable, "-m", "game", "--version"])
    whole = median_process_seconds([sys.executable, "-m", "game", "replay", "--verify", str(replay)])
    cold = median_process_seconds(
        [sys.executable, "-m", "game", "replay", "--verify", str(replay)], env={**os.environ, "RUBY_SPARKS_NO_CACHE": "1"}
    )
    ratio = whole / version
    print(f"ruby-sparks --version (process): median {version * 1000:.1f} ms")
    print(
        f"replay --verify (process, story cached): median {whole * 1000:.1f} ms (target <= 100 ms: {verdict(whole, 0.1)}); "
        f"ratio {ratio:.2f}x (target <= 2x: {verdict(ratio, 2)})"
    )
    print(f"replay --verify (process, no cache): median {cold * 1000:.1f} ms; ratio {cold / version:.2f}x")


if __name__ == "__main__":
    main()
