"""One seeded random playthrough: the explorer's unit of work, and the engine benchmark's."""

from __future__ import annotations

import random
from dataclasses import dataclass

from game.engine import ChoiceInput, Event, Input, PageInput, State, available_choices, new_game, step
from game.explorer.random_pages import random_page
from game.story.model import Story

MAX_STEPS = 500


@dataclass(frozen=True)
class Playthrough:
    seed: int
    inputs: tuple[Input, ...]
    final: State
    events: tuple[Event, ...]

    @property
    def ending(self) -> str | None:
        return self.final.ending


def random_playthrough(story: Story, seed: int, max_steps: int = MAX_STEPS, keep_events: bool = False) -> Playthrough:
    """Choose uniformly among the offered choices and write random pages until an ending or `max_steps`."""
    rng = random.Random(seed)
    state, events = new_game(story, seed)
    inputs: list[Input] = []
    kept: list[Event] = list(events) if keep_events else []
    for _ in range(max_steps):
        if state.ending is not None:
            break
        scene = story.scenes[state.scene]
        if scene.typewriter is not None:
            action: Input = PageInput(random_page(story, rng))
        else:
            offered = len(available_choices(story, state))
            if offered == 0:
                break
            action = ChoiceInput(rng.randint(1, offered))
        inputs.append(action)
        state, events = step(story, state, action)
        if keep_events:
            kept.extend(events)
    return Playthrough(seed, tuple(inputs), state, tuple(kept))
