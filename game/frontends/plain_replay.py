"""`ruby-sparks replay FILE --plain`: a recorded run played back as plain text, at its own pace or faster."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from game.frontends.plain import PlainText
from game.printable import shown_safely
from game.replay.format import Replay, ReplayInput
from game.replay.run import Run, RunRefused
from game.replay.verify import format_time, other_story
from game.story.model import Story


def describe_input(item: ReplayInput) -> str:
    """One recorded input as the player made it; a page's text is someone else's, so its control codes are shown as
    U+FFFD, never sent to the terminal."""
    if item.kind == "choice":
        return f"> {item.value}"
    if item.kind == "page":
        return "page> " + shown_safely(str(item.value)).replace("\n", "\n    | ")
    return f"> {item.kind}"


def play_back_plain(
    story: Story,
    replay: Replay,
    out: TextIO,
    speed: float = 1.0,
    wait: Callable[[float], None] = time.sleep,
    longest_wait: float | None = 5.0,
) -> int:
    """Show each input as it was made, then what it did. `speed` 2 is twice as fast; 0 does not wait at all.
    `wait` passes the time between inputs (a recording passes it on its own clock); a pause longer than
    `longest_wait` seconds is cut to it (None: never, the run's real timing)."""
    run = Run(story, replay.seed, replay.category, speedrun=replay.speedrun)
    screen = PlainText(out)
    screen.say(f"Replay of {story.title}: {replay.category}, seed {replay.seed}, {len(replay.inputs)} inputs")
    mismatch = other_story(replay, story)
    if mismatch is not None:
        screen.say(f"[Careful: {mismatch}, so what follows may not be the run that was played.]")
    screen.render(run.opening)
    previous = 0
    for number, item in enumerate(replay.inputs, 1):
        if speed > 0:
            seconds = max(item.t - previous, 0) / 1000 / speed
            wait(seconds if longest_wait is None else min(seconds, longest_wait))
        previous = item.t
        screen.say()
        screen.say(f"[{format_time(item.t)}] {describe_input(item)}")
        try:
            screen.render(run.apply(item))
        except RunRefused as refused:
            screen.say(f"The replay stops at step {number}: the game would not accept it ({refused}).")
            return 1
    result = run.result
    screen.say()
    screen.say(f"Run over: {result.ending} in {format_time(result.time)}." if result else "The replay ends before the run does.")
    return 0
