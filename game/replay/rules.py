"""The rules a speed-run replay must keep to be believed: the category's own seed, no undo, and human timing.

A replay's times are the runner's own clock, so verification cannot prove that a person played it live (speed-run
communities ask for video for that). What it can refuse is a run no person could have played: inputs closer together
than a keypress allows, a page typed faster than anyone types, an undo (speed-runs have none), or a seed picked by
the runner (each category's seed comes from the story's hash, the same for everyone). Casual games are recorded too,
marked as not speed-runs; their times are not checked, and verification says so.
"""

from __future__ import annotations

import hashlib

from game.replay.format import Replay

MIN_GAP_MS = 100
"""The least time between two inputs: a key pressed after the last one's result is on the screen."""
MAX_CHARS_PER_SECOND = 20
"""About 240 words a minute, above sustained world-record typing: a page must take at least its length at this
speed since the input before it. The timer starts at the first input, so the first input is not held to it."""


def category_seed(story_hash: str, category: str) -> int:
    """The seed every run of `category` on this exact story starts from, so no runner can choose a lucky one."""
    digest = hashlib.sha256(f"{story_hash}:{category}".encode()).hexdigest()
    return int(digest[:8], 16) % 1_000_000


def implausible(replay: Replay) -> tuple[int, str] | None:
    """The first step (numbered from 1) that breaks the speed-run rules, and why; None for a run that keeps them."""
    expected = category_seed(replay.story_hash, replay.category)
    if replay.seed != expected:
        return 0, f"the seed {replay.seed} is not the {replay.category} seed of this story ({expected})"
    previous: int | None = None
    for number, item in enumerate(replay.inputs, 1):
        if item.kind == "undo":
            return number, "a speed-run has no undo"
        if previous is not None:
            gap = item.t - previous
            if gap < 0:
                return number, f"its time ({item.t} ms) goes back before the one before ({previous} ms)"
            if gap < MIN_GAP_MS:
                return number, f"{gap} ms after the input before; no input comes sooner than {MIN_GAP_MS} ms"
            if item.kind == "page":
                least = len(str(item.value or "")) * 1000 // MAX_CHARS_PER_SECOND
                if gap < least:
                    return number, (
                        f"a page of {len(str(item.value or ''))} characters typed in {gap} ms "
                        f"(faster than {MAX_CHARS_PER_SECOND} characters a second)"
                    )
        previous = item.t
    return None
