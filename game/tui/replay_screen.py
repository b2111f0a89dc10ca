"""Watching a replay: the story screen, driven by the recorded inputs at their own pace (Space pauses, N steps)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import Static

from game.engine import Event
from game.frontends.plain_replay import describe_input
from game.replay.format import Replay
from game.replay.run import Run, RunRefused
from game.replay.verify import format_time, other_story
from game.tui.game_screen import GameScreen


class ReplayScreen(GameScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "pause", "Pause/resume"),
        Binding("n,right", "step", "Step"),
        Binding("plus", "faster", "Faster"),
        Binding("minus", "slower", "Slower"),
        Binding("escape", "app.to_title", "Leave"),
    ]

    def __init__(self, replay: Replay, speed: float = 1.0) -> None:
        super().__init__()
        self.replay = replay
        self.speed = speed if speed > 0 else 1000.0
        self.position = 0
        self.paused = False
        self.run: Run | None = None
        self._next: Timer | None = None

    def on_mount(self) -> None:
        story = self.game.story_or_raise()
        self.run = Run(story, self.replay.seed, self.replay.category)
        super().on_mount()
        mismatch = other_story(self.replay, story)
        if mismatch is not None:
            self.notify(f"Careful: {mismatch}, so this may not be the run that was played.", severity="warning", timeout=10)
        self._schedule()

    def opening(self) -> list[Event]:
        return self.run.opening if self.run else []

    def _schedule(self) -> None:
        if self._next is not None:
            self._next.stop()
            self._next = None
        if self.paused or self.position >= len(self.replay.inputs):
            return
        previous = self.replay.inputs[self.position - 1].t if self.position else 0
        wait = max(self.replay.inputs[self.position].t - previous, 0) / 1000 / self.speed
        self._next = self.set_timer(min(max(wait, 0.001), 5.0), self.action_step)

    def action_step(self) -> None:
        if self.run is None or self.position >= len(self.replay.inputs):
            return
        item = self.replay.inputs[self.position]
        self.position += 1
        try:
            events = self.run.apply(item)
        except RunRefused as refused:
            self.paused = True
            self.view.rejected = f"The replay stops at step {self.position}: {refused}"
            self.query_one("#notice", Static).update(self.view.rejected)
            return
        self.redraw_from(events)
        made = describe_input(item)
        self.view.rejected = f"[{format_time(item.t)}] step {self.position}/{len(self.replay.inputs)}: {made}"
        self.query_one("#notice", Static).update(self.view.rejected)
        if self.position >= len(self.replay.inputs) and self.run.result is not None:
            self.notify(f"Run over: {self.run.result.ending} in {format_time(self.run.result.time)}.")
        self._schedule()

    def action_pause(self) -> None:
        self.paused = not self.paused
        self.notify("Paused: N steps, Space resumes." if self.paused else "Playing.")
        self._schedule()

    def action_faster(self) -> None:
        self.speed = min(self.speed * 2, 1000.0)
        self._schedule()

    def action_slower(self) -> None:
        self.speed = max(self.speed / 2, 0.125)
        self._schedule()

    def action_choose(self, number: int) -> None:
        """A replay is watched, not played: choices come only from the recording."""

    def action_pull_page(self) -> None:
        """A replay is watched, not played: pages come only from the recording."""
