"""A run: one or more games played with one seed under a speed-run category, and timed.

`RunLog` keeps what a replay holds (the inputs at their times, the splits, the endings, whether the run is over) from
the events each input led to. The game controller feeds it the inputs it accepted as the player plays, so a recording
never steps the game a second time; `Run` plays a recorded replay through a session and feeds the same log, which is
how `replay --verify` and the replay viewers can only say what the game itself would have done.
"""

from __future__ import annotations

from game import __version__
from game.engine import ActStarted, ChoiceInput, EndingReached, Event, Input, PageInput, Rejected, State
from game.engine.session import Session
from game.records import attribute, prefab
from game.replay.format import Replay, ReplayInput, Result, Split
from game.story.model import Category, Story

CASUAL = "casual"
"""What a recording that is not a speed-run names as its category: it races nothing, and ends at its first ending."""


class RunRefused(Exception):
    """The game would not accept this input at this point of the run; or (`by_game` False) the run's own rules would
    not: its time goes back, or the run had already finished."""

    def __init__(self, reason: str, by_game: bool = True) -> None:
        super().__init__(reason)
        self.by_game = by_game


@prefab
class RunLog:
    story: Story
    seed: int = 0
    category: str = CASUAL
    games: int = 0
    inputs: list[ReplayInput] = attribute(default_factory=list)
    splits: list[Split] = attribute(default_factory=list)
    endings: list[str] = attribute(default_factory=list)
    finished: bool = False
    speedrun: bool = False
    """Recorded as a timed speed-run (see game/replay/rules.py); explorer paths and casual games are not."""

    @property
    def rules(self) -> Category:
        """The story's category raced; a game that is not a speed-run (or names no category of this story, as a
        stranger's file may) finishes at its first ending."""
        category = self.story.category(self.category) if self.speedrun else None
        return category or Category(self.category, tuple(self.story.endings))

    @property
    def time(self) -> int:
        return self.inputs[-1].t if self.inputs else 0

    @property
    def next_seed(self) -> int:
        """The seed of the game a restart begins: each game of a run has its own, and a replay's seed fixes them all."""
        return self.seed + self.games + 1

    def check(self, item: ReplayInput) -> None:
        """Raise RunRefused when the run cannot take `item` at all, whatever the game would make of it."""
        if self.finished:
            raise RunRefused("the run had already finished", by_game=False)
        if self.inputs and item.t < self.inputs[-1].t:
            raise RunRefused(f"its time ({item.t} ms) goes back before the one before ({self.inputs[-1].t} ms)", by_game=False)

    def add(self, item: ReplayInput, events: list[Event]) -> None:
        """Log an input the game took, with what it led to: an act begun is a split, an ending may finish the run."""
        self.inputs.append(item)
        if item.kind == "restart":
            self.games += 1
        for event in events:
            if isinstance(event, ActStarted) and self.rules.finish == "any" and self._new_act(event.act_id):
                self.splits.append(Split(event.act_id, item.t))
            if isinstance(event, EndingReached):
                self._ended(event.ending_id, item.t)

    def _new_act(self, act: str) -> bool:
        """Each act after the first is a split once (docs/replays.md): a restart begins the first act again, and the
        acts after it are not split twice (a sum of best made of one act's two splits would beat the run itself)."""
        first = self.story.acts[0].id if self.story.acts else None
        return act != first and all(split.name != act for split in self.splits)

    def _ended(self, ending: str, t: int) -> None:
        """An ending reached: one that does not count for the category is a restart on the way (film%'s other
        endings); in an `all` category each new one that counts is a split."""
        rules = self.rules
        counts = ending in rules.endings and (rules.finish == "any" or ending not in self.endings)
        self.endings.append(ending)
        if rules.finish == "any":
            self.finished = counts
        else:
            self.finished = set(rules.endings) <= set(self.endings)
        if counts:
            self.splits.append(Split(ending, t))

    @property
    def result(self) -> Result | None:
        if not self.finished:
            return None
        return Result(self.endings[-1], self.time, tuple(self.splits))

    def replay(self) -> Replay:
        return Replay(
            self.story.id,
            self.story.content_hash,
            self.seed,
            self.category,
            tuple(self.inputs),
            self.result,
            __version__,
            speedrun=self.speedrun,
        )


class Run(RunLog):
    """A replay played back: each input stepped through a session, refused (changing nothing) where the game would
    not take it."""

    def __init__(self, story: Story, seed: int = 0, category: str = CASUAL, speedrun: bool = False) -> None:
        super().__init__(story, seed, category, speedrun=speedrun)
        self.session, opening = Session.start(story, seed)
        self.opening: list[Event] = opening

    @property
    def state(self) -> State:
        return self.session.state

    def apply(self, item: ReplayInput) -> list[Event]:
        """Play one input at its time; raises RunRefused (and changes nothing) when the game would not take it."""
        self.check(item)
        events = self._play(item)
        self.add(item, events)
        return events

    def _play(self, item: ReplayInput) -> list[Event]:
        if item.kind == "restart":
            return self.session.restart(self.next_seed)
        if item.kind == "undo":
            events = self.session.undo()
            if events is None:
                raise RunRefused("there was nothing to undo")
            return events
        action: Input = ChoiceInput(int(item.value or 0)) if item.kind == "choice" else PageInput(str(item.value))
        events = self.session.apply(action)
        refused = [e.reason for e in events if isinstance(e, Rejected)]
        if refused:
            raise RunRefused(" ".join(refused))
        return events


def input_for(action: Input | str, t: int) -> ReplayInput:
    """The replay entry for what a front end did: an engine input, or "restart" / "undo"."""
    if isinstance(action, ChoiceInput):
        return ReplayInput(t, "choice", action.number)
    if isinstance(action, PageInput):
        return ReplayInput(t, "page", action.text, action.pasted)
    if action in ("restart", "undo"):
        return ReplayInput(t, str(action))
    raise ValueError(f"not a replayable input: {action!r}")
