"""Watching a replay: the story screen, driven by the recorded inputs at their own pace.

Only the viewer's keys work here, and the footer shows only them: Space pauses and resumes, N (or →) steps one input,
+ and - change the speed, F8 shows or hides the splits, PageDown and PageUp scroll the story, Escape leaves at once.
They are priority keys, so that at the typewriter a Space pauses instead of being typed on the page. A banner says
where the replay is, and when it is over; a page is typed into the typewriter as the runner typed it, before it is read
back."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from game.engine import Event
from game.printable import one_line, shown_safely
from game.replay.format import Replay
from game.replay.run import Run, RunRefused
from game.replay.verify import format_time, other_story
from game.speedrun.records import Records, load_records
from game.speedrun.splits import SplitsView, watched_view
from game.tui.game_control import GameControl
from game.tui.game_screen import GameScreen
from game.tui.widgets import PageArea

FASTEST = 1000.0
"""`--speed 0` (no waiting) and the top of +: each input a millisecond after the one before."""
SLOWEST = 0.125
LONGEST_WAIT = 5.0
"""A pause in the recording longer than this (a runner reading a long scene) is cut to it."""
TYPING_TICK = 0.05
"""How often the page being typed grows: smooth at the runner's pace; at a high speed the page comes in a tick or two."""


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
        Binding("pagedown", "page(1)", "Page down", show=False, priority=True),
        Binding("pageup", "page(-1)", "Page up", show=False, priority=True),
    ]
    more_hint = "▼ more below: PageDown"
    """Space pauses here: PageDown is the key that reads on."""

    class Left(Message):
        """The watcher pressed Escape: the viewer is done with."""

    def __init__(
        self,
        control: GameControl,
        replay: Replay,
        speed: float = 1.0,
        *,
        blink: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`control` is only the app's story and its settings here: the replay plays its own `Run`. `clock` gives
        seconds; every wait and the page being typed follow it (a test may hold it still or move it on)."""
        super().__init__(control, [], blink=blink)
        self.replay = replay
        self.speed = min(speed, FASTEST) if speed > 0 else FASTEST
        self.position = 0
        self.paused = False
        self.run: Run | None = None
        self.records = Records()
        self.clock = clock
        self._next: Timer | None = None
        self._resumed_at = clock()
        self._done = 0.0
        """How much of the wait before the next input had passed when the replay was last paused or changed speed."""

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
        self.set_interval(TYPING_TICK, self._type_page)

    def offers_at_once(self) -> bool:
        """The next input comes at the run's pace whether or not the watcher has read to the end of the passage."""
        return True

    def opening(self) -> list[Event]:
        return self.run.opening if self.run else []

    def splits_view(self) -> SplitsView | None:
        """The replay's own splits against your personal best in its category, with your PB's ghost."""
        run = self.run
        category = run.story.category(self.replay.category) if run is not None and self.replay.speedrun else None
        if run is None or category is None:
            return None
        return watched_view(run.story, category, self.records, run.splits, self.elapsed(), self.position > 0, run.finished)

    def elapsed(self) -> int:
        """Where the replay's clock is: from the last input's time towards the next's, as far as the wait between them
        has gone (a wait cut to LONGEST_WAIT runs the clock faster, so that it is never behind an input shown)."""
        inputs = self.replay.inputs
        if not self.position:
            return 0
        shown = inputs[self.position - 1].t
        if self.position >= len(inputs):
            return shown
        return shown + int((inputs[self.position].t - shown) * self._progress())

    def _wait(self) -> float:
        """Seconds the whole wait before the next input takes at this speed."""
        previous = self.replay.inputs[self.position - 1].t if self.position else 0
        wait = max(self.replay.inputs[self.position].t - previous, 0) / 1000 / self.speed
        return min(max(wait, 0.001), LONGEST_WAIT)

    def _progress(self) -> float:
        """How far into the wait before the next input the replay is: 0 just after an input, 1 when the next is due."""
        if self.paused or self.position >= len(self.replay.inputs):
            return self._done
        return min(max(self._done + (self.clock() - self._resumed_at) / self._wait(), 0.0), 1.0)

    def _hold(self) -> None:
        """Keep how far the wait has gone before pausing or changing the speed, so that it goes on from there."""
        self._done = self._progress()
        self._resumed_at = self.clock()

    def _type_page(self) -> None:
        """The page the next input pulls out, in the typewriter as far as it has been typed: its share of the wait."""
        inputs = self.replay.inputs
        item = inputs[self.position] if self.position < len(inputs) else None
        text = shown_safely(str(item.value)) if item is not None and item.kind == "page" and self.view.at_typewriter else ""
        typed = text[: round(len(text) * self._progress())]
        page = self.query_one(PageArea)
        if page.text != typed:
            page.text = typed
            page.move_cursor(page.document.end)

    def draw_banner(self) -> None:
        result = self.replay.result
        claimed = format_time(result.time) if result is not None else "unfinished"
        over = self.position >= len(self.replay.inputs)
        parts = [  # the run and its time first: at 50 columns the speed is what is cut
            "End of the replay" if over else "Replay",
            one_line(self.replay.category),
            claimed,
            f"step {self.position} of {len(self.replay.inputs)}",
        ]
        if over:  # nothing is left to pause or to play at a speed: what is left is to go
            parts.append("Escape quits")
        else:
            parts.append(f"speed {speed_text(self.speed)}")
            if self.paused:
                parts.insert(1, "paused")
        self.query_one("#banner", Static).update(Text(" · ".join(parts)))

    def _schedule(self) -> None:
        if self._next is not None:
            self._next.stop()
            self._next = None
        if self.paused or self.position >= len(self.replay.inputs):
            return
        self._next = self.set_timer(max((1 - self._progress()) * self._wait(), 0.001), self._play_next)

    def _play_next(self) -> None:
        """The next input, once its wait has passed by the clock (a timer may come a hair early)."""
        self._next = None
        if self._progress() < 1:
            self._schedule()
        else:
            self.action_step()

    def action_step(self) -> None:
        """One input, at once; playing goes on from there, a paused replay stays paused."""
        if self.run is None or self.position >= len(self.replay.inputs):
            return
        item = self.replay.inputs[self.position]
        self.position += 1
        self._done, self._resumed_at = 0.0, self.clock()
        try:
            events = self.run.apply(item)
        except RunRefused as refused:
            self.paused = True
            self.view.rejected = f"The replay stops at step {self.position}: {refused}"
            self.query_one("#notice", Static).update(Text(self.view.rejected))
            self.draw_banner()
            return
        self.redraw_from(events)  # the step is in the banner: a log of the inputs is `replay --plain`'s
        self._type_page()  # the page just pulled out leaves the typewriter (and the next one starts)
        result = self.run.result
        if self.position >= len(self.replay.inputs) and result is not None:
            self.notify(f"Run over: {self.run.story.endings[result.ending].title} in {format_time(result.time)}.")
        self.draw_banner()
        self._schedule()

    def action_pause(self) -> None:
        self._hold()
        self.paused = not self.paused
        self.draw_banner()
        self._schedule()

    def action_faster(self) -> None:
        self._hold()
        self.speed = min(self.speed * 2, FASTEST)
        self.draw_banner()
        self._schedule()

    def action_slower(self) -> None:
        self._hold()
        self.speed = max(self.speed / 2, SLOWEST)
        self.draw_banner()
        self._schedule()

    def action_leave(self) -> None:
        """Gone in one press: a replay holds no page of the player's to lose."""
        if self._next is not None:
            self._next.stop()
        self.post_message(self.Left())

    def action_choose(self, number: int) -> None:
        """A replay is watched, not played: choices come only from the recording."""

    def action_pull_page(self) -> None:
        """A replay is watched, not played: pages come only from the recording."""
