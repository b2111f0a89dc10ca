"""Personal bests and gold splits, kept per story hash and category in the player's data folder.

A damaged record file is set aside (never deleted) and a fresh one started: a lost personal best is sad, a game that
will not start is worse.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ducktools.classbuilder.prefab import attribute, prefab

from game.paths import user_data_dir
from game.persistence.atomic import write_atomic
from game.persistence.json_record import MAX_RECORD_BYTES, read_record_or_set_aside
from game.replay.format import Split


@prefab
class Records:
    """One category of one story: the best run's splits, and the best time of each segment ever (gold)."""

    best_time: int | None = None
    best_splits: dict[str, int] = attribute(default_factory=dict)
    gold: dict[str, int] = attribute(default_factory=dict)

    def delta(self, split: Split) -> int | None:
        """Milliseconds ahead (negative) or behind (positive) the personal best at this split."""
        best = self.best_splits.get(split.name)
        return None if best is None else split.t - best

    def is_gold(self, split: Split, previous: int) -> bool:
        segment = split.t - previous
        best = self.gold.get(split.name)
        return best is None or segment < best

    @property
    def sum_of_best(self) -> int | None:
        return sum(self.gold.values()) if self.gold else None

    def finish(self, splits: tuple[Split, ...], time: int) -> bool:
        """Fold a finished run in; True when it is a new personal best."""
        previous = 0
        for split in splits:
            segment = split.t - previous
            if split.name not in self.gold or segment < self.gold[split.name]:
                self.gold[split.name] = segment
            previous = split.t
        if self.best_time is None or time < self.best_time:
            self.best_time = time
            self.best_splits = {split.name: split.t for split in splits}
            return True
        return False


def records_path() -> Path:
    return user_data_dir() / "speedrun.json"


def _read_all() -> dict[str, Any]:
    return read_record_or_set_aside(records_path(), MAX_RECORD_BYTES)[0]


def load_records(story_hash: str, category: str) -> Records:
    story = _read_all().get(story_hash)
    entry = story.get(category) if isinstance(story, dict) else None
    if not isinstance(entry, dict):
        return Records()
    best = entry.get("best_time")
    splits = entry.get("best_splits")
    gold = entry.get("gold")
    return Records(
        best if _is_time(best) else None,
        {k: v for k, v in splits.items() if _is_time(v)} if isinstance(splits, dict) else {},
        {k: v for k, v in gold.items() if _is_time(v)} if isinstance(gold, dict) else {},
    )


def _is_time(value: object) -> bool:
    """A time a run could have taken: a negative or absurd one in an edited file would block every new record."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 2**53


def save_records(story_hash: str, category: str, records: Records) -> None:
    data = _read_all()
    story = data.setdefault(story_hash, {})
    if not isinstance(story, dict):
        story = data[story_hash] = {}
    story[category] = {"best_time": records.best_time, "best_splits": records.best_splits, "gold": records.gold}
    write_atomic(records_path(), json.dumps(data, indent=1).encode())
