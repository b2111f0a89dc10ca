"""A run: one or more games played with one seed under a speed-run category, and timed.

The same class records a run as it is played (TUI and plain mode), checks a replay step by step, and plays one back,
so a replay can only say what the game itself would have done.
"""

from __future__ import annotations

from ducktools.classbuilder.prefab import attribute, prefab

from game import __version__
from game.engine import (
    ActStarted,
    ChoiceInput,
    EndingReached,
    Event,
    Input,
    PageInput,
    Rejected,
    State,
    describe,
    new_game,
    step,
)
from game.replay.format import Replay, ReplayInput, Result, Split
from game.story.model import Story

FILM_ENDING = "film_ending"
"""The ending `film%` races to: the story's ending with this id."""


class RunRefused(Exception):
    """The game would not accept this input at this point of the run."""


@prefab
class Run:
    story: Story
    seed: int = 0
    category: str = "any%"
    state: State = attribute(init=False)
    opening: list[Event] = attribute(init=False)
    games: int = 0
    inputs: list[ReplayInput] = attribute(default_factory=list)
    splits: list[Split] = attribute(default_factory=list)
    endings: list[str] = attribute(default_factory=list)
    finished: bool = False
    _undo: list[State] = attribute(default_factory=list)

    def __prefab_post_init__(self) -> None:
        self.state, self.opening = new_game(self.story, self.seed)

    @property
    def time(self) -> int:
        return self.inputs[-1].t if self.inputs else 0

    def apply(self, item: ReplayInput) -> list[Event]:
        """Play one input at its time; raises RunRefused (and changes nothing) when the game would not take it."""
        if self.finished:
            raise RunRefused("the run had already finished")
        if self.inputs and item.t < self.inputs[-1].t:
            raise RunRefused(f"its time ({item.t} ms) goes back before the one before ({self.inputs[-1].t} ms)")
        events = self._play(item)
        self.inputs.append(item)
        for event in events:
            if isinstance(event, ActStarted) and self.category != "all-endings":
                self.splits.append(Split(event.act_id, item.t))
            if isinstance(event, EndingReached):
                self._ended(event.ending_id, item.t)
        return events

    def _play(self, item: ReplayInput) -> list[Event]:
        if item.kind == "restart":
            self._undo.append(self.state)
            self.games += 1
            self.state, events = new_game(self.story, self.seed + self.games)
            return events
        if item.kind == "undo":
            if not self._undo:
                raise RunRefused("there was nothing to undo")
            self.state = self._undo.pop()
            return describe(self.story, self.state)
        action: Input = ChoiceInput(int(item.value or 0)) if item.kind == "choice" else PageInput(str(item.value))
        after, events = step(self.story, self.state, action)
        refused = [e.reason for e in events if isinstance(e, Rejected)]
        if refused:
            raise RunRefused(" ".join(refused))
        self._undo.append(self.state)
        self.state = after
        return events

    def _ended(self, ending: str, t: int) -> None:
        new = ending not in self.endings
        self.endings.append(ending)
        if self.category == "any%":
            self.finished = True
        elif self.category == "film%":
            self.finished = ending == FILM_ENDING
        else:
            self.finished = set(self.story.endings) <= set(self.endings)
        if self.finished or (new and self.category == "all-endings"):
            self.splits.append(Split(ending, t))

    @property
    def result(self) -> Result | None:
        if not self.finished:
            return None
        return Result(self.endings[-1], self.time, tuple(self.splits))

    def replay(self) -> Replay:
        return Replay(
            self.story.id, self.story.content_hash, self.seed, self.category, tuple(self.inputs), self.result, __version__
        )


def input_for(action: Input | str, t: int) -> ReplayInput:
    """The replay entry for what a front end did: an engine input, or "restart" / "undo"."""
    if isinstance(action, ChoiceInput):
        return ReplayInput(t, "choice", action.number)
    if isinstance(action, PageInput):
        return ReplayInput(t, "page", action.text)
    if action in ("restart", "undo"):
        return ReplayInput(t, str(action))
    raise ValueError(f"not a replayable input: {action!r}")


def category_available(story: Story, category: str) -> bool:
    return category != "film%" or FILM_ENDING in story.endings
