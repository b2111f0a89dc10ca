"""A speed-run in progress: the recorder's clock, splits against the personal best, and the words for each.

Both front ends show what this returns; neither does any timing arithmetic of its own. The records are saved as the
run goes (its start is an attempt, each split is kept), so an attempt abandoned half-way still counts, as in LiveSplit.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import Literal, Protocol

from game.engine import EndingReached, Event, Input
from game.records import prefab, replace
from game.replay.format import Split
from game.replay.recorder import Recorder
from game.replay.rules import Broken, input_breaks, run_breaks
from game.replay.verify import format_time
from game.speedrun.records import Records, load_records, save_records
from game.speedrun.splits import SplitsView, pb_at, split_title, splits_view
from game.story.model import Category


def format_delta(ms: int) -> str:
    sign = "-" if ms < 0 else "+"
    return sign + format_time(abs(ms))


def utc_stamp(seconds: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


LineKind = Literal["split", "gold", "finish", "warning"]


@prefab
class SplitLine:
    text: str
    kind: LineKind = "split"
    """`finish`: the line that closes the run (its time, a new PB, the sum of best) or says an ending did not;
    `warning`: the timer outside the game (LiveSplit) could not follow."""


class RunListener(Protocol):
    """Something outside the game that follows the run's timer (a LiveSplit Server): readied when a run is chosen,
    told when the timer starts, at each split with the game's own time, and when an unfinished run is abandoned. Each
    returns a warning for the player, or "": it never stops the game."""

    def connect(self) -> str: ...

    def started(self) -> str: ...

    def split(self, t: int) -> str: ...

    def reset(self) -> str: ...


class SpeedrunTracker:
    def __init__(
        self,
        recorder: Recorder,
        category: Category,
        listener: RunListener | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.recorder = recorder
        self.rules = category
        self.category = category.name
        self.records: Records = load_records(recorder.run.story.content_hash, self.category)
        self.compared = self.records.copy()
        """The records as they were when the run began: what its splits are compared with, even after it sets a PB."""
        self.listener = listener
        self.wall_clock = wall_clock
        self.new_best = False
        self.broken: Broken | None = None
        """Why the run breaks the speed-run rules, once it does (inputs faster than a person, say): `replay --verify`
        would refuse it, so its splits and finish are shown but never kept as a best or a gold."""

    def clock_text(self) -> str:
        return format_time(self.recorder.elapsed_ms())

    def view(self) -> SplitsView:
        run = self.recorder.run
        started = self.recorder.started is not None
        view = splits_view(run.story, self.rules, self.compared, run.splits, self.recorder.elapsed_ms(), started, run.finished)
        return replace(view, best_time=self.records.best_time)  # a PB this run has just set, while its rows keep theirs

    def note(self, action: Input | str, events: list[Event]) -> list[SplitLine]:
        """Record the input and what it led to; the split lines it produced (an act reached, an ending, the finish)."""
        before = len(self.recorder.run.splits)
        first = self.recorder.started is None
        if not self.recorder.note(action, events):
            return []
        added: list[SplitLine] = []
        if first:
            self.records.begin(utc_stamp(self.wall_clock()))
            self._save()
            added += self._tell(lambda listener: listener.started())
        if self.broken is None:
            added += self._check_rules()
        splits = self.recorder.run.splits
        for number in range(before, len(splits)):
            split = splits[number]
            added.append(self._line(split, splits[number - 1].t if number else 0))
            if self.broken is None:
                self.records.split(split)
            added += self._tell(lambda listener: listener.split(split.t))  # noqa: B023 (called at once)
        ended = [e for e in events if isinstance(e, EndingReached)]
        if self.recorder.run.finished and ended:
            added.append(self._finish())
        elif ended:
            title = ended[-1].title or ended[-1].ending_id
            added.append(SplitLine(f"{title} does not finish {self.category}: the clock runs on; begin again.", "finish"))
        if len(splits) > before and not self.recorder.run.finished:
            self._save()
        return added

    def connect(self) -> list[SplitLine]:
        """Ready the timer outside the game for this run (when there is one)."""
        return self._tell(lambda listener: listener.connect())

    def abandon(self) -> list[SplitLine]:
        """The player leaves a run before its finish (a new game, a load): LiveSplit's reset. The attempt is kept."""
        if self.recorder.started is None or self.recorder.run.finished:
            return []
        return self._tell(lambda listener: listener.reset())

    def _tell(self, call: Callable[[RunListener], str]) -> list[SplitLine]:
        warning = call(self.listener) if self.listener is not None else ""
        return [SplitLine(warning, "warning")] if warning else []

    def _line(self, split: Split, previous: int) -> SplitLine:
        name = split_title(self.recorder.run.story, split.name)
        pb = pb_at(self.rules, self.compared, split.name)
        delta = None if pb is None else split.t - pb
        gold = self.broken is None and self.compared.is_gold(split, previous)
        versus = f" ({format_delta(delta)})" if delta is not None else ""
        return SplitLine(f"{name}: {format_time(split.t)}{versus}{'  gold!' if gold else ''}", "gold" if gold else "split")

    def _check_rules(self) -> list[SplitLine]:
        """The verifier's own rules, on the input just taken (and on the run as a whole at its first): said at the
        input that breaks one, and kept in the attempt, so the runner learns it at once and `runs` says why later."""
        run = self.recorder.run
        inputs = run.inputs
        broken = run_breaks(run.story, self.category, run.seed) if len(inputs) == 1 else None
        previous = inputs[-2].t if len(inputs) > 1 else None
        broken = broken or input_breaks(self.rules, inputs[-1], previous, len(inputs))
        if broken is None:
            return []
        self.broken = broken
        self.records.broke(broken.rule)
        self._save()
        return [SplitLine(f"This run breaks the speed-run rules ({broken}): it will not count.", "warning")]

    def _finish(self) -> SplitLine:
        run = self.recorder.run
        assert run.result is not None
        if self.broken is not None:
            self.records.finish_uncounted(run.result.time, run.result.ending)
            self._save()
            return SplitLine(f"Finished {self.category} in {format_time(run.result.time)}, not counted: {self.broken}.", "finish")
        previous_best = self.records.best_time
        self.new_best = self.records.finish(run.result.splits, run.result.time, run.result.ending)
        self._save()
        text = f"Finished {self.category} in {format_time(run.result.time)}"
        if self.new_best:
            text += " — a new personal best" if previous_best is not None else " — your first finish, and so your best"
        elif previous_best is not None:
            text += f" (best {format_time(previous_best)})"
        if self.records.sum_of_best is not None:
            text += f"; sum of best {format_time(self.records.sum_of_best)}"
        text += "."
        return SplitLine(text, "finish")

    def _save(self) -> None:
        with contextlib.suppress(OSError):
            save_records(self.recorder.run.story.content_hash, self.category, self.records)
