"""What a player can send the engine. Replays and the explorer record exactly these."""

from __future__ import annotations

from game.records import prefab


@prefab(frozen=True)
class ChoiceInput:
    """A choice by its number among those offered, counted from 1, as the player sees it."""

    number: int


@prefab(frozen=True)
class PageInput:
    """A page typed at the typewriter."""

    text: str
    pasted: bool = False
    """Whether any of it arrived as a paste (the Textual typewriter sees one): the engine reads the text alike, and a
    speed-run's category says whether a pasted page is allowed."""


@prefab(frozen=True)
class CommandInput:
    """A command the engine itself answers: `look` shows the current scene again without changing anything."""

    name: str


Input = ChoiceInput | PageInput | CommandInput
ENGINE_COMMANDS = ("look",)
