"""The engine: pure functions from (story, state, input) to (state, events).

Every front end (plain text, the Textual app, the replay verifier, the explorer) drives the game through `step` and
renders the events it returns; none of them holds a game rule.
"""

from game.engine.events import (
    ActStarted,
    ChoicesOffered,
    EndingReached,
    Event,
    Narration,
    PageRead,
    Problem,
    Rejected,
    SceneShown,
    TypewriterReady,
)
from game.engine.inputs import ChoiceInput, CommandInput, Input, PageInput
from game.engine.state import State, StateError
from game.engine.step import available_choices, describe, new_game, step

__all__ = [
    "ActStarted",
    "ChoiceInput",
    "ChoicesOffered",
    "CommandInput",
    "EndingReached",
    "Event",
    "Input",
    "Narration",
    "PageInput",
    "PageRead",
    "Problem",
    "Rejected",
    "SceneShown",
    "State",
    "StateError",
    "TypewriterReady",
    "available_choices",
    "describe",
    "new_game",
    "step",
]
