"""A speed-run in progress: the recorder's clock, splits against the personal best, and the words for each.

Both front ends show what this returns; neither does any timing arithmetic of its own.
"""

from __future__ import annotations

import contextlib

from ducktools.classbuilder.prefab import prefab

from game.engine import EndingReached, Event, Input
from game.replay.format import Split
from game.replay.recorder import Recorder
from game.replay.verify import format_time
from game.speedrun.records import Records, load_records, save_records


def format_delta(ms: int) -> str:
    sign = "-" if ms < 0 else "+"
    return sign + format_time(abs(ms))


@prefab
class SplitLine:
    text: str
    gold: bool = False


class SpeedrunTracker:
    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder
        self.category = recorder.run.category
        self.records: Records = load_records(recorder.run.story.content_hash, self.category)
        self.new_best = False

    def clock_text(self) -> str:
        return format_time(self.recorder.elapsed_ms())

    def note(self, action: Input | str, events: list[Event]) -> list[SplitLine]:
        """Record the input and what it led to; the split lines it produced (an act reached, an ending, the finish)."""
        before = len(self.recorder.run.splits)
        if not self.recorder.note(action, events):
            return []
        added: list[SplitLine] = []
        splits = self.recorder.run.splits
        for number in range(before, len(splits)):
            added.append(self._line(splits[number], splits[number - 1].t if number else 0))
        if self.recorder.run.finished and any(isinstance(e, EndingReached) for e in events):
            added.append(self._finish())
        return added

    def _line(self, split: Split, previous: int) -> SplitLine:
        name = self._name(split.name)
        delta = self.records.delta(split)
        gold = self.records.is_gold(split, previous)
        versus = f" ({format_delta(delta)})" if delta is not None else ""
        return SplitLine(f"{name}: {format_time(split.t)}{versus}{'  gold!' if gold else ''}", gold)

    def _finish(self) -> SplitLine:
        run = self.recorder.run
        assert run.result is not None
        previous_best = self.records.best_time
        self.new_best = self.records.finish(run.result.splits, run.result.time)
        with contextlib.suppress(OSError):
            save_records(run.story.content_hash, self.category, self.records)
        text = f"Finished {self.category} in {format_time(run.result.time)}"
        if self.new_best:
            text += " — a new personal best" if previous_best is not None else " — your first finish, and so your best"
        elif previous_best is not None:
            text += f" (best {format_time(previous_best)})"
        if self.records.sum_of_best is not None:
            text += f"; sum of best {format_time(self.records.sum_of_best)}"
        text += "."
        return SplitLine(text, self.new_best)

    def _name(self, split: str) -> str:
        story = self.recorder.run.story
        if split in story.endings:
            return story.endings[split].title
        return story.act_title(split) or split
