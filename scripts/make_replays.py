"""Re-record the replays shipped in assets/replays after the story changes (their story hash must match).

Run: `python scripts/make_replays.py`. The film replay follows the film's own path (`game/explorer/film_path.py`); the
others are the shortest paths to their endings found by the exhaustive explorer. All are played at a steady human
pace, so they verify and are pleasant to watch.
"""

from __future__ import annotations

import random
from pathlib import Path

from game.engine import ChoiceInput, Input, PageInput
from game.explorer.exhaustive import explore_exhaustive
from game.explorer.film_path import film_inputs
from game.paths import shipped_story_dir
from game.replay.run import Run, input_for
from game.story.loader import load_story_or_raise

OUT = Path(__file__).resolve().parent.parent / "assets" / "replays"
RUNS = {"block_wins.json": ("block_wins", "any%"), "honeymoon.json": ("the_honeymoon", "any%")}


def record(path: tuple[Input, ...], category: str, seed: int) -> str:
    story = load_story_or_raise(shipped_story_dir())
    run = Run(story, seed, category)
    rng = random.Random(seed)
    t = 0
    for number, action in enumerate(path):
        if number:
            t += rng.randint(900, 2500) if isinstance(action, ChoiceInput) else rng.randint(4000, 9000)
        run.apply(input_for(action, t))
    assert run.finished, category
    return run.replay().dumps()


def main() -> None:
    story = load_story_or_raise(shipped_story_dir())
    paths = explore_exhaustive(story).paths
    OUT.mkdir(parents=True, exist_ok=True)
    film, _, _ = film_inputs(story, seed=7)
    (OUT / "film.json").write_text(record(film, "film%", seed=7), encoding="utf-8")
    print(f"film.json: the film's own path, {len(film)} inputs")
    for name, (ending, category) in RUNS.items():
        (OUT / name).write_text(record(paths[ending], category, seed=7), encoding="utf-8")
        pages = sum(isinstance(a, PageInput) for a in paths[ending])
        print(f"{name}: {len(paths[ending])} inputs ({pages} pages) to {ending}")


if __name__ == "__main__":
    main()
