"""The rules a speed-run replay must keep to be believed: its category's own seed, no undo, human timing, and no
pasted page unless the category allows one.

A replay's times are the runner's own clock, so verification cannot prove that a person played it live (speed-run
communities ask for video for that). What it can refuse is a run no person could have played: inputs closer together
than a keypress allows, a page typed faster than anyone types, an undo (speed-runs have none), a pasted page in a
category that does not allow pasting, or a seed picked by the runner (each category's seed is fixed in the story's
manifest or derived from the story's hash by the loader, the same for everyone). Casual games are recorded too,
marked as not speed-runs; their times are not checked, and verification says so.
"""

from __future__ import annotations

from game.replay.format import Replay
from game.story.model import Story

MIN_GAP_MS = 100
"""The least time between two inputs: a key pressed after the last one's result is on the screen."""
MAX_CHARS_PER_SECOND = 20
"""About 240 words a minute, above sustained world-record typing: a page must take at least its length at this
speed since the input before it. The timer starts at the first input, so the first input is not held to it."""


def implausible(replay: Replay, story: Story) -> tuple[int, str] | None:
    """The first step (numbered from 1; 0 for the run as a whole) that breaks the speed-run rules, and why; None for a
    run that keeps them."""
    category = story.category(replay.category)
    if category is None:
        names = ", ".join(c.name for c in story.categories) or "none"
        return 0, f"the category {replay.category!r} is not one of this story's ({names})"
    if replay.seed != category.seed:
        return 0, f"the seed {replay.seed} is not the {category.name} seed of this story ({category.seed})"
    previous: int | None = None
    for number, item in enumerate(replay.inputs, 1):
        if item.kind == "undo":
            return number, "a speed-run has no undo"
        if item.pasted and not category.paste:
            return number, f"a pasted page; {category.name} does not allow pasting"
        if previous is not None:
            gap = item.t - previous
            if gap < 0:
                return number, f"its time ({item.t} ms) goes back before the one before ({previous} ms)"
            if gap < MIN_GAP_MS:
                return number, f"{gap} ms after the input before; no input comes sooner than {MIN_GAP_MS} ms"
            if item.kind == "page" and not item.pasted:
                least = len(str(item.value or "")) * 1000 // MAX_CHARS_PER_SECOND
                if gap < least:
                    return number, (
                        f"a page of {len(str(item.value or ''))} characters typed in {gap} ms "
                        f"(faster than {MAX_CHARS_PER_SECOND} characters a second)"
                    )
        previous = item.t
    return None
