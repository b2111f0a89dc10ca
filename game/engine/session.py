"""A playthrough in progress: the current state and the states before it, for undo.

Front ends hold a `Session` rather than a bare state so that undo works the same everywhere. It is still pure data
plus the engine's functions: no I/O, no clock.
"""

from __future__ import annotations

from game.engine.events import Event, Rejected
from game.engine.history import History
from game.engine.inputs import Input
from game.engine.state import HistoryEntry, State
from game.engine.step import describe, new_game, step
from game.story.model import Story

MAX_UNDO = 500


class Session:
    def __init__(self, story: Story, state: State) -> None:
        self.story = story
        self.state = state
        self.undo_stack: list[State] = []

    @classmethod
    def start(cls, story: Story, seed: int = 0) -> tuple[Session, list[Event]]:
        state, events = new_game(story, seed)
        return cls(story, state), events

    def apply(self, action: Input) -> list[Event]:
        state, events = step(self.story, self.state, action)
        if state is not self.state and not any(isinstance(e, Rejected) for e in events):
            self._push()
            self.state = state
        return events

    def undo(self) -> list[Event] | None:
        """The events that show the restored place, or None when there is nothing to undo."""
        if not self.undo_stack:
            return None
        self.state = self.undo_stack.pop()
        return describe(self.story, self.state)

    def steps_back(self) -> dict[int, int]:
        """The earlier moments of the history that undo can still reach, each (an index into the history: the scene as
        it was shown, before the player acted there) with how many undos reach it. A moment from before a load or a
        restart is not on this playthrough's way and is left out."""
        here = self.state.history
        found: dict[int, int] = {}
        for steps, state in enumerate(reversed(self.undo_stack), 1):
            moment = len(state.history) - 1
            if 0 <= moment < len(here) - 1 and moment not in found and _same_moment(state, here, moment):
                found[moment] = steps
        return found

    def replace(self, state: State) -> list[Event]:
        """Move to another state (the same place in an edited story) in a way that undo can take back."""
        self._push()
        self.state = state
        return describe(self.story, self.state)

    def restart(self, seed: int) -> list[Event]:
        state, events = new_game(self.story, seed)
        self._push()
        self.state = state
        return events

    def _push(self) -> None:
        self.undo_stack.append(self.state)
        del self.undo_stack[:-MAX_UNDO]


def _same_moment(state: State, here: History[HistoryEntry], moment: int) -> bool:
    shown, now = state.history[moment], here[moment]
    # the same playthrough shares its history's nodes: a state with the same scenes from another game (before a load,
    # a new game) is not a moment of this one, though it may read the same
    same_past = state.history.prefix(moment) is here.prefix(moment)
    return same_past and shown.scene == now.scene and shown.paragraphs == now.paragraphs
