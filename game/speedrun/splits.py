"""What a splits panel shows (LiveSplit's layout), as plain data: a row per split with the personal best's time there,
this run's time and delta, the gold segments, where the PB was at this moment (its ghost), the sum of best and the
time still to be saved on the current segment. Front ends draw a `SplitsView`; none does timing arithmetic of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from game.records import prefab, replace
from game.replay.format import Split
from game.speedrun.records import Records
from game.story.model import Category, Story

Mark = Literal["", "ahead", "behind", "gold"]
FINISH = ""
"""The name of the planned last split of an `any` category before any run has finished one: which ending is not known."""


@prefab(frozen=True)
class SplitRow:
    name: str
    title: str
    pb: int | None = None
    """The personal best's time at this split, from the start (None: the PB has no such split, or there is no PB)."""
    time: int | None = None
    """This run's time at the split; None while it is still ahead."""
    delta: int | None = None
    """Against the PB: negative ahead, positive behind. The current split has one only once the PB's time there has
    passed (LiveSplit's live delta)."""
    mark: Mark = ""
    current: bool = False
    ghost: bool = False
    """The PB was in this segment at this moment of its run."""


@prefab(frozen=True)
class SplitsView:
    category: str
    rows: tuple[SplitRow, ...]
    elapsed: int
    started: bool
    finished: bool
    best_time: int | None = None
    sum_of_best: int | None = None
    possible_save: int | None = None
    """On the current segment: the PB's time for it less the best ever (gold)."""
    watched: bool = False
    """Someone's run (a replay) against the player's own records: the facts below the rows are the player's."""


def split_title(story: Story, name: str) -> str:
    if name == FINISH:
        return "Finish"
    if name in story.endings:
        return story.endings[name].title
    return story.act_title(name) or name


def planned_title(story: Story, category: Category, name: str) -> str:
    """A split still to come, named by the category's rule, so it keeps its name whether or not a PB exists (a
    LiveSplit segment is matched by it): the last split of an `any` category is its one ending's, or "Finish" when
    several endings count, whichever one the PB happened to reach."""
    if category.finish == "any" and (name == FINISH or name in category.endings):
        return split_title(story, category.endings[0]) if len(category.endings) == 1 else "Finish"
    return split_title(story, name)


def pb_at(category: Category, compared: Records, name: str) -> int | None:
    """The personal best's time at split `name`. The finish of an `any` category is one split by its rule, whichever
    counting ending a run reaches, so it is compared with the PB's finish even when the PB reached another ending."""
    if category.finish == "any" and name in category.endings:
        return next((t for split, t in compared.best_splits.items() if split in category.endings), None)
    return compared.best_splits.get(name)


def planned(story: Story, category: Category, compared: Records) -> list[str]:
    """The splits a run of `category` is expected to take: the PB's, else every ending that counts (an `all`
    category), else each act after the first (the first starts before the clock) and the finish."""
    if compared.best_splits:
        return list(compared.best_splits)
    if category.finish == "all":
        return list(category.endings)
    return [act.id for act in story.acts[1:]] + [FINISH]


def splits_view(
    story: Story,
    category: Category,
    compared: Records,
    splits: Sequence[Split],
    elapsed: int,
    started: bool = True,
    finished: bool = False,
) -> SplitsView:
    """The panel for a run that has taken `splits` and stands at `elapsed` ms, against `compared` (the records as
    they were when the run began, so a PB set by this very run does not erase its own deltas)."""
    plan = planned(story, category, compared)
    rows: list[SplitRow] = []
    golds = dict(compared.gold)
    previous = 0
    for split in splits:
        pb = pb_at(category, compared, split.name)
        delta = None if pb is None else split.t - pb
        segment = split.t - previous
        best = compared.gold.get(split.name)
        mark: Mark = "gold" if best is not None and segment < best else _mark(delta)
        golds[split.name] = min(segment, golds.get(split.name, segment))
        rows.append(SplitRow(split.name, planned_title(story, category, split.name), pb, split.t, delta, mark))
        previous = split.t
    if not finished:
        done = {split.name for split in splits}
        last = splits[-1].name if splits else None
        ahead = plan[plan.index(last) + 1 :] if last in plan else plan
        pending = [name for name in ahead if name not in done]
        rows.extend(SplitRow(name, planned_title(story, category, name), pb_at(category, compared, name)) for name in pending)
    current = len(splits) if started and not finished and len(rows) > len(splits) else None
    possible_save = None
    if current is not None:
        row = rows[current]
        if row.pb is not None and elapsed > row.pb:
            rows[current] = replace(row, delta=elapsed - row.pb, mark="behind", current=True)
        else:
            rows[current] = replace(row, current=True)
        before = rows[current - 1].pb if current else 0
        best = golds.get(row.name)
        if row.pb is not None and before is not None and best is not None:
            possible_save = max(0, row.pb - before - best)
    if started and not finished and compared.best_splits:
        ghost = next((n for n, row in enumerate(rows) if row.pb is not None and row.pb > elapsed), None)
        if ghost is not None:
            rows[ghost] = replace(rows[ghost], ghost=True)
    names = [row.name for row in rows if row.name != FINISH]
    sum_of_best = sum(golds[name] for name in names) if names and all(name in golds for name in names) else None
    return SplitsView(category.name, tuple(rows), elapsed, started, finished, compared.best_time, sum_of_best, possible_save)


def watched_view(
    story: Story, category: Category, compared: Records, splits: Sequence[Split], elapsed: int, started: bool, finished: bool
) -> SplitsView:
    """A replay's splits against the player's own records: its rows and deltas as a run's, but the sum of best is the
    player's own (the panel's before any run: a stranger's segments are no golds of theirs), and no time save is
    offered on the current segment (it would be the player's to make, not the replay's)."""
    view = splits_view(story, category, compared, splits, elapsed, started, finished)
    own = splits_view(story, category, compared, (), 0, started=False)
    return replace(view, sum_of_best=own.sum_of_best, possible_save=None, watched=True)


def _mark(delta: int | None) -> Mark:
    if delta is None or delta == 0:
        return ""
    return "ahead" if delta < 0 else "behind"
