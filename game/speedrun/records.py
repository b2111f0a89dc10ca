"""Personal bests, gold splits and the attempts made, kept per story hash and category in the player's data folder.

A damaged record file is set aside (never deleted) and a fresh one started: a lost personal best is sad, a game that
will not start is worse.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.paths import user_data_dir
from game.persistence.atomic import write_atomic
from game.persistence.json_record import MAX_RECORD_BYTES, read_record_or_set_aside
from game.records import attribute, prefab
from game.replay.format import Split

KEEP_ATTEMPTS = 200
"""The newest attempts kept in full (for `ruby-sparks runs` and the `.lss` history); the counts go on past it. At about
200 bytes each this keeps a category under a tenth of the file's size limit."""


@prefab
class Attempt:
    """One timed run: begun at the first input, finished or abandoned (a reset, in LiveSplit's words)."""

    started: str
    """When, in UTC, as ISO 8601 (2025-01-02T10:00:00Z)."""
    time: int | None = None
    ending: str | None = None
    splits: list[Split] = attribute(default_factory=list)
    broken: str | None = None
    """The speed-run rule the attempt broke, in a few words ("inputs too fast"): its finish, if it has one, is not
    counted, as `replay --verify` would refuse it."""

    def to_json(self) -> dict[str, Any]:
        kept: dict[str, Any] = {
            "started": self.started,
            "time": self.time,
            "ending": self.ending,
            "splits": [[split.name, split.t] for split in self.splits],
        }
        if self.broken is not None:
            kept["broken"] = self.broken
        return kept


@prefab
class Records:
    """One category of one story: the best run's splits, the best time of each segment ever (gold), the attempts."""

    best_time: int | None = None
    best_splits: dict[str, int] = attribute(default_factory=dict)
    gold: dict[str, int] = attribute(default_factory=dict)
    attempts: int = 0
    finished: int = 0
    history: list[Attempt] = attribute(default_factory=list)

    def is_gold(self, split: Split, previous: int) -> bool:
        segment = split.t - previous
        best = self.gold.get(split.name)
        return best is None or segment < best

    @property
    def sum_of_best(self) -> int | None:
        return sum(self.gold.values()) if self.gold else None

    def begin(self, started: str) -> None:
        """A new attempt: the timer has started."""
        self.attempts += 1
        self.history.append(Attempt(started))
        del self.history[:-KEEP_ATTEMPTS]

    def split(self, split: Split) -> None:
        if self.history:
            self.history[-1].splits.append(split)

    def broke(self, rule: str) -> None:
        """The attempt in progress broke a speed-run rule: nothing it does from here is a best."""
        if self.history:
            self.history[-1].broken = rule

    def finish_uncounted(self, time: int, ending: str) -> None:
        """A finish that broke the rules: kept in the attempt, to say how it ended, but neither a finish nor a best."""
        if self.history:
            self.history[-1].time = time
            self.history[-1].ending = ending

    def finish(self, splits: tuple[Split, ...], time: int, ending: str = "") -> bool:
        """Fold a finished run in; True when it is a new personal best."""
        self.finished += 1
        if self.history:
            self.history[-1].time = time
            self.history[-1].ending = ending or None
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

    def copy(self) -> Records:
        """The records as they stand, kept apart from later changes (a run compares against its start's PB)."""
        return Records(self.best_time, dict(self.best_splits), dict(self.gold), self.attempts, self.finished, list(self.history))

    def to_json(self) -> dict[str, Any]:
        return {
            "best_time": self.best_time,
            "best_splits": self.best_splits,
            "gold": self.gold,
            "attempts": self.attempts,
            "finished": self.finished,
            "history": [attempt.to_json() for attempt in self.history],
        }


def records_path() -> Path:
    return user_data_dir() / "speedrun.json"


def _read_all() -> dict[str, Any]:
    return read_record_or_set_aside(records_path(), MAX_RECORD_BYTES)[0]


def load_records(story_hash: str, category: str) -> Records:
    return all_records(story_hash).get(category, Records())


def all_records(story_hash: str) -> dict[str, Records]:
    """Every category's records for this exact story, in the order the file keeps them."""
    story = _read_all().get(story_hash)
    if not isinstance(story, dict):
        return {}
    return {category: _records(entry) for category, entry in story.items() if isinstance(entry, dict)}


def _records(entry: dict[str, Any]) -> Records:
    best = entry.get("best_time")
    splits = entry.get("best_splits")
    gold = entry.get("gold")
    history = entry.get("history")
    attempts = [_attempt(item) for item in history] if isinstance(history, list) else []
    kept = [attempt for attempt in attempts if attempt is not None][-KEEP_ATTEMPTS:]
    counted, finished = _count(entry.get("attempts")), _count(entry.get("finished"))
    return Records(
        best if _is_time(best) else None,
        {k: v for k, v in splits.items() if _is_time(v)} if isinstance(splits, dict) else {},
        {k: v for k, v in gold.items() if _is_time(v)} if isinstance(gold, dict) else {},
        max(counted, len(kept)),
        finished,
        kept,
    )


def _attempt(item: Any) -> Attempt | None:
    """An attempt as the file keeps it; anything malformed is left out rather than stopping the rest."""
    if not isinstance(item, dict) or not isinstance(item.get("started"), str) or len(item["started"]) > 40:
        return None
    time, ending, splits, broken = item.get("time"), item.get("ending"), item.get("splits"), item.get("broken")
    pairs = splits if isinstance(splits, list) else []
    return Attempt(
        item["started"],
        time if _is_time(time) else None,
        ending if isinstance(ending, str) else None,
        [
            Split(pair[0], pair[1])
            for pair in pairs
            if isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) and _is_time(pair[1])
        ],
        broken[:80] if isinstance(broken, str) else None,
    )


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 2**53 else 0


def _is_time(value: object) -> bool:
    """A time a run could have taken: a negative or absurd one in an edited file would block every new record."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 2**53


def save_records(story_hash: str, category: str, records: Records) -> None:
    data = _read_all()
    story = data.setdefault(story_hash, {})
    if not isinstance(story, dict):
        story = data[story_hash] = {}
    story[category] = records.to_json()
    write_atomic(records_path(), json.dumps(data, indent=1).encode())
