"""Authoring tools at scale (issue 8).

Targets: 10,000 random runs of the shipped story <= 10 s with one job; exhaustive exploration of the shipped story
<= 30 s; `check` of a generated 2,000-scene story <= 2 s, growing about linearly (500 / 1,000 / 2,000 quoted).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generated_story import write_story
from timing import median_seconds, verdict

from game.authoring.checks import check_story
from game.explorer.exhaustive import explore_exhaustive
from game.explorer.random_explore import explore_random
from game.paths import shipped_story_dir
from game.story.loader import load_story_or_raise


def main() -> None:
    os.environ["RUBY_SPARKS_NO_CACHE"] = "1"  # time the checker itself, not the cache of checked stories
    story = load_story_or_raise(shipped_story_dir())
    runs = median_seconds(lambda: explore_random(story, 10_000, seed=0, jobs=1), repeat=3)
    print(f"10,000 random runs, 1 job: median {runs:.2f} s (target <= 10 s: {verdict(runs, 10)})")
    exhaustive = median_seconds(lambda: explore_exhaustive(story), repeat=3)
    print(f"exhaustive exploration: median {exhaustive:.2f} s (target <= 30 s: {verdict(exhaustive, 30)})")
    with tempfile.TemporaryDirectory() as folder:
        times = {}
        for size in (500, 1_000, 2_000):
            root = write_story(Path(folder) / f"s{size}", size)
            loaded, diagnostics = check_story(root)
            assert loaded is not None and not diagnostics.errors, [str(d) for d in diagnostics.items[:3]]
            times[size] = median_seconds(lambda root=root: check_story(root), repeat=5)
            print(f"check of {size:,} scenes: median {times[size] * 1000:.0f} ms")
        growth = times[2_000] / times[500]
        print(f"check of 2,000 scenes (target <= 2 s: {verdict(times[2_000], 2)}); growth 500->2,000: {growth:.2f}x (linear: 4x)")


if __name__ == "__main__":
    main()
