"""Watching a replay: the story screen, driven by the recorded inputs at their own pace.

Only the viewer's keys work here, and the footer shows only them: Space pauses and resumes, N (or →) steps one input,
+ and - change the speed, F8 shows or hides the splits, Escape leaves at once. They are priority keys, so that at the
typewriter a Space pauses instead of being typed on the page. A banner says where the replay is."""

from __future__ import annotations

import time
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import Static

from game.engine import Event
from game.frontends.plain_replay import describe_input
from game.printable import one_line
from game.replay.format import Replay
from game.replay.run import Run, RunRefused
from game.replay.verify import format_time, other_story
from game.speedrun.records import Records, load_records
from game.speedrun.splits import SplitsView, splits_view
from game.tui.game_control import GameControl
from game.tui.game_screen import GameScreen
from game.tui.widgets import PageArea

FASTEST = 1000.0
"""`--speed 0` (no waiting) and the top of +: each input a millisecond after the one before."""
SLOWEST = 0.125
LONGEST_WAIT = 5.0
"""A pause in the recording longer than this (a runner reading a long scene) is cut to it."""


def speed_text(speed: float) -> str:
    return f"×{speed:g}"


class ReplayScreen(GameScreen, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "pause", "Pause", priority=True),
        Binding("n,right", "step", "Step", key_display="n", priority=True),
        Binding("plus,equals_sign", "faster", "Faster", key_display="+", priority=True),
        Binding("minus", "slower", "Slower", key_display="-", priority=True),
        Binding("f8", "toggle_splits", "Splits", priority=True),
        Binding("escape", "leave", "Leave", priority=True),
    ]

    def __init__(self, control: GameControl, replay: Replay, speed: float = 1.0, *, blink: bool = True) -> None:
        """`control` is only the app's story and its settings here: the replay plays its own `Run`."""
        super().__init__(control, [], blink=blink)
        self.replay = replay
        self.speed = min(speed, FASTEST) if speed > 0 else FASTEST
        self.position = 0
        self.paused = False
        self.run: Run | None = None
        self.records = Records()
        self._next: Timer | None = None
        self._stepped_at = time.monotonic()

    def compose(self) -> ComposeResult:
        story = self.control.story
        self.run = Run(story, self.replay.seed, self.replay.category, speedrun=self.replay.speedrun)
        if self.replay.speedrun:
            self.records = load_records(story.content_hash, self.replay.category)
        yield Static(id="banner")
        yield from super().compose()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(PageArea).read_only = True
        mismatch = other_story(self.replay, self.control.story)
        if mismatch is not None:
            self.notify(f"Careful: {mismatch}, so this may not be the run that was played.", severity="warning", timeout=10)
        self.draw_banner()
        self._schedule()

    def opening(self) -> list[Event]:
        return self.run.opening if self.run else []

    def splits_view(self) -> SplitsView | None:
        """The replay's own splits against your personal best in its category, with your PB's ghost."""
        run = self.run
        category = run.story.category(self.replay.category) if run is not None and self.replay.speedrun else None
        if run is None or category is None:
            return None
        return splits_view(run.story, category, self.records, run.splits, self.elapsed(), self.position > 0, run.finished)

    def elapsed(self) -> int:
        """Where the replay's clock is: the last input's time, and while playing the time since, at the speed."""
        inputs = self.replay.inputs
        if not self.position:
            return 0
        shown = inputs[self.position - 1].t
        if self.paused or self.position >= len(inputs):
            return shown
        running = int((time.monotonic() - self._stepped_at) * 1000 * self.speed)
        return min(shown + running, inputs[self.position].t)

    def draw_banner(self) -> None:
        result = self.replay.result
        claimed = format_time(result.time) if result is not None else "unfinished"
        parts = [  # the run and its time first: at 50 columns the speed is what is cut
            "Replay",
            one_line(self.replay.category),
            claimed,
            f"step {self.position} of {len(self.replay.inputs)}",
            f"speed {speed_text(self.speed)}",
        ]
        if self.paused:
            parts.insert(1, "paused")
        self.query_one("#banner", Static).update(Text(" · ".join(parts)))

    def _schedule(self) -> None:
        if self._next is not None:
            self._next.stop()
            self._next = None
        if self.paused or self.position >= len(self.replay.inputs):
            return
        previous = self.replay.inputs[self.position - 1].t if self.position else 0
        wait = max(self.replay.inputs[self.position].t - previous, 0) / 1000 / self.speed
        self._next = self.set_timer(min(max(wait, 0.001), LONGEST_WAIT), self._play_next)

    def _play_next(self) -> None:
        self._next = None
        self.action_step()

    def action_step(self) -> None:
        """One input, at once; playing goes on from there, a paused replay stays paused."""
        if self.run is None or self.position >= len(self.replay.inputs):
            return
        item = self.replay.inputs[self.position]
        self.position += 1
        self._stepped_at = time.monotonic()
        try:
            events = self.run.apply(item)
        except RunRefused as refused:
            self.paused = True
            self.view.rejected = f"The replay stops at step {self.position}: {refused}"
            self.query_one("#notice", Static).update(Text(self.view.rejected))
            self.draw_banner()
            return
        self.redraw_from(events)
        made = describe_input(item)
        self.view.rejected = f"[{format_time(item.t)}] step {self.position}/{len(self.replay.inputs)}: {made}"
        self.query_one("#notice", Static).update(Text(self.view.rejected))
        if self.position >= len(self.replay.inputs) and self.run.result is not None:
            self.notify(f"Run over: {self.run.result.ending} in {format_time(self.run.result.time)}.")
        self.draw_banner()
        self._schedule()

    def action_pause(self) -> None:
        self.paused = not self.paused
        self._stepped_at = time.monotonic()
        self.draw_banner()
        self._schedule()

    def action_faster(self) -> None:
        self.speed = min(self.speed * 2, FASTEST)
        self.draw_banner()
        self._schedule()

    def action_slower(self) -> None:
        self.speed = max(self.speed / 2, SLOWEST)
        self.draw_banner()
        self._schedule()

    def action_leave(self) -> None:
        """Back to the title in one press: a replay holds no page of the player's to lose."""
        if self._next is not None:
            self._next.stop()
        self.dismiss()

    def action_choose(self, number: int) -> None:
        """A replay is watched, not played: choices come only from the recording."""

    def action_pull_page(self) -> None:
        """A replay is watched, not played: pages come only from the recording."""
