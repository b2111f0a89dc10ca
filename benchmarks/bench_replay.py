"""Verifying a replay: fast enough to run on every submitted speed-run.

Targets (issue 7): verifying the shipped film-ending replay <= 100 ms median, as a whole `ruby-sparks replay --verify`
process, and <= 2x `ruby-sparks --version` (both measured here, in turn, with the game's bytecode written as
`pip install` writes it). Run: `python benchmarks/bench_replay.py`. Also printed: the same in process, with no story
cache, and with no bytecode at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from timing import (
    compile_bytecode,
    median_process_pair,
    median_process_seconds,
    median_seconds,
    ruby_sparks,
    verdict,
    without_bytecode,
)

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
    compile_bytecode()
    command = ruby_sparks()
    verify = [*command, "replay", "--verify", str(replay)]
    subprocess.run(verify, capture_output=True, check=True)  # the first run fills the story cache
    version, whole = median_process_pair([*command, "--version"], verify, repeat=21)
    ratio = whole / version
    print(f"ruby-sparks --version (process): median {version * 1000:.1f} ms")
    print(
        f"replay --verify (process, story cached): median {whole * 1000:.1f} ms (target <= 100 ms: {verdict(whole, 0.1)}); "
        f"ratio {ratio:.2f}x (target <= 2x: {verdict(ratio, 2)})"
    )
    cold = median_process_seconds(verify, env={**os.environ, "RUBY_SPARKS_NO_CACHE": "1"})
    print(f"replay --verify (process, no story cache): median {cold * 1000:.1f} ms; ratio {cold / version:.2f}x")
    bare = without_bytecode(os.environ)
    version_bare, whole_bare = median_process_pair([*command, "--version"], verify, repeat=9, env=bare)
    print(
        f"with no bytecode (a fresh editable install under PYTHONDONTWRITEBYTECODE): --version {version_bare * 1000:.1f} ms, "
        f"replay --verify {whole_bare * 1000:.1f} ms; ratio {whole_bare / version_bare:.2f}x"
    )


if __name__ == "__main__":
    main()
