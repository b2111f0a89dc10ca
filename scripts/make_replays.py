"""Re-record the replays shipped in assets/replays after the story changes (their story hash must match).

Run: `python scripts/make_replays.py`. The film replay follows the film's own path (`tests/film_path.py`); the
others are the shortest paths to their endings found by the exhaustive explorer. All are played at a steady human pace
(a page takes at least as long as a fast typist would need), so they verify and are pleasant to watch: the film and
the honeymoon as speed-runs under their category's own seed, the block's ending (which no category races: any% must
reach Ruby) as a casual game.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from game.engine import Input, PageInput
from game.explorer.exhaustive import explore_exhaustive
from game.paths import shipped_story_dir
from game.replay.rules import MAX_CHARS_PER_SECOND
from game.replay.run import CASUAL, Run, input_for
from game.story.loader import load_story_or_raise
from game.story.model import Story

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the film's path is test data, in tests/
from tests.film_path import film_inputs

OUT = Path(__file__).resolve().parent.parent / "assets" / "replays"
RUNS = {"block_wins.json": ("block_wins", None), "honeymoon.json": ("the_honeymoon", "any%")}


def seed_of(story: Story, category: str) -> int:
    rules = story.category(category)
    assert rules is not None, category
    return rules.seed


def record(path: tuple[Input, ...], category: str | None) -> str:
    """A speed-run of `category`, or a casual game (seed 0) when it is None."""
    story = load_story_or_raise(shipped_story_dir())
    seed = seed_of(story, category) if category else 0
    run = Run(story, seed, category or CASUAL, speedrun=category is not None)
    rng = random.Random(seed)
    t = 0
    for number, action in enumerate(path):
        if isinstance(action, PageInput):
            t += max(rng.randint(4000, 9000), len(action.text) * 1000 // (MAX_CHARS_PER_SECOND // 2))
        elif number:
            t += rng.randint(900, 2500)
        run.apply(input_for(action, t))
    assert run.finished, category
    return run.replay().dumps()


def main() -> None:
    story = load_story_or_raise(shipped_story_dir())
    paths = explore_exhaustive(story, witness_runs=0).paths
    OUT.mkdir(parents=True, exist_ok=True)
    film, _, _ = film_inputs(story, seed=seed_of(story, "film%"))
    (OUT / "film.json").write_text(record(film, "film%"), encoding="utf-8")
    print(f"film.json: the film's own path, {len(film)} inputs")
    for name, (ending, category) in RUNS.items():
        (OUT / name).write_text(record(paths[ending], category), encoding="utf-8")
        pages = sum(isinstance(a, PageInput) for a in paths[ending])
        print(f"{name}: {len(paths[ending])} inputs ({pages} pages) to {ending}")


if __name__ == "__main__":
    main()
