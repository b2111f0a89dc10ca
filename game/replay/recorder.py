"""Recording a run while it is played: the clock starts at the first input and stops at the finish.

The game controller calls `note` with each input the session accepted and the events it led to; nothing is played a
second time. A load (a jump the inputs cannot explain) ends the recording honestly instead of writing a replay that
would not verify.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

from game.engine import Event, Input
from game.paths import user_data_dir
from game.persistence.atomic import unused_path, write_atomic
from game.replay.run import RunLog, RunRefused, input_for
from game.story.model import Story


class Recorder:
    def __init__(
        self,
        story: Story,
        seed: int,
        category: str = "any%",
        target: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        speedrun: bool = False,
    ) -> None:
        self.run = RunLog(story, seed, category, speedrun=speedrun)
        self.target = target
        self.clock = clock
        self.started: float | None = None
        self.broken = ""
        self.saved: list[Path] = []

    def elapsed_ms(self) -> int:
        if self.started is None:
            return 0
        if self.run.finished:
            return self.run.time
        return int((self.clock() - self.started) * 1000)

    def note(self, action: Input | str, events: list[Event]) -> bool:
        """Record an input the game accepted and what it led to; whether the run took it (splits and the finish show
        in the run)."""
        if self.broken or self.run.finished:
            return False
        now = self.clock()
        if self.started is None:
            self.started = now  # the first input is the clock's zero: its `t` is 0, as the format says
        item = input_for(action, int((now - self.started) * 1000))
        try:
            self.run.check(item)
        except RunRefused as refused:
            self.broken = f"the recording stopped: {refused}"
            return False
        self.run.add(item, events)
        if self.run.finished:
            self.save()
        return True

    def stop(self, reason: str) -> None:
        if not self.run.finished and not self.broken:
            self.broken = f"the recording stopped: {reason}"

    def save(self) -> list[Path]:
        """Every finished run goes to the replays folder, and to `--record FILE` when one was given."""
        text = self.run.replay().dumps().encode("utf-8")
        stamp = time.strftime("%Y%m%d-%H%M%S")
        ending = self.run.result.ending if self.run.result else "unfinished"
        paths = [unused_path(user_data_dir() / "replays" / f"{self.run.story.id}-{stamp}-{ending}.json")]
        if self.target is not None:
            paths.append(self.target)
        for path in paths:
            with contextlib.suppress(OSError):
                write_atomic(path, text)
                self.saved.append(path)
        return self.saved
