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

from game.records import prefab
from game.replay.format import Replay, ReplayInput
from game.story.model import Category, Story

MIN_GAP_MS = 100
"""The least time between two inputs: a key pressed after the last one's result is on the screen."""
MAX_CHARS_PER_SECOND = 20
"""About 240 words a minute, above sustained world-record typing: a page must take at least its length at this
speed since the input before it. The timer starts at the first input, so the first input is not held to it."""


@prefab(frozen=True)
class Broken:
    """A broken rule: the step (numbered from 1; 0 for the run as a whole), the reason in full, and the rule in a few
    words, for a table's column (`ruby-sparks runs`)."""

    step: int
    reason: str
    rule: str

    def __str__(self) -> str:
        return f"step {self.step}: {self.reason}" if self.step else self.reason


def implausible(replay: Replay, story: Story) -> Broken | None:
    """The first rule the run breaks; None for a run that keeps them."""
    broken = run_breaks(story, replay.category, replay.seed)
    category = story.category(replay.category)
    if broken is not None or category is None:
        return broken
    previous: int | None = None
    for number, item in enumerate(replay.inputs, 1):
        broken = input_breaks(category, item, previous, number)
        if broken is not None:
            return broken
        previous = item.t
    return None


def run_breaks(story: Story, name: str, seed: int) -> Broken | None:
    """What the run as a whole breaks (a category the story does not define, another seed), before any input."""
    category = story.category(name)
    if category is None:
        names = ", ".join(c.name for c in story.categories) or "none"
        return Broken(0, f"the category {name!r} is not one of this story's ({names})", "no such category")
    if seed != category.seed:
        return Broken(0, f"the seed {seed} is not the {category.name} seed of this story ({category.seed})", "another seed")
    return None


def input_breaks(category: Category, item: ReplayInput, previous: int | None, step: int) -> Broken | None:
    """The rule input `step` breaks, made at `item.t` after the input before at `previous` (None: the first, where
    the clock starts). One input at a time, so a game in progress checks each input as it comes."""
    if item.kind == "undo":
        return Broken(step, "a speed-run has no undo", "an undo")
    if item.pasted and not category.paste:
        return Broken(step, f"a pasted page; {category.name} does not allow pasting", "a pasted page")
    if previous is None:
        return None
    gap = item.t - previous
    if gap < 0:
        return Broken(step, f"its time ({item.t} ms) goes back before the one before ({previous} ms)", "time went back")
    if gap < MIN_GAP_MS:
        return Broken(step, f"{gap} ms after the input before; no input comes sooner than {MIN_GAP_MS} ms", "inputs too fast")
    if item.kind == "page" and not item.pasted:
        length = len(str(item.value or ""))
        if gap < length * 1000 // MAX_CHARS_PER_SECOND:
            return Broken(
                step,
                f"a page of {length} characters typed in {gap} ms (faster than {MAX_CHARS_PER_SECOND} characters a second)",
                "typed too fast",
            )
    return None
