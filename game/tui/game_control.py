"""The Textual front end's hold on the game: the controller, made when first needed, and its notices shown.

The app owns one `GameControl` once the story has loaded and hands it down to the story screens (attributes down):
they send it what the player did and draw the events it gives back; the rules are the controller's. Nothing here draws
or imports Textual: a notice goes to the `show` callable the app gives, which makes it a notification.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.controller import GameController, Notice, Response
    from game.engine import Event, Input
    from game.engine.feedback import MarginNote
    from game.speedrun.splits import SplitsView
    from game.story.model import Story


class GameControl:
    """The controller is made at the first game (or at once with --watch, which watches the story from the start), so
    the title and its menu answer before the engine is imported."""

    def __init__(self, story: Story, show: Callable[[Notice], None], start: Callable[[], GameController]) -> None:
        """`show` makes a notice a notification; `start` makes the controller, the first time a game needs it."""
        self.loaded = story
        self.show = show
        self.start = start
        self.controller: GameController | None = None
        self.text_speed = 0.0
        """Seconds a character takes to appear, from the player's settings: the app sets it when they change."""
        self.instant = False
        """Text always appears at once: no animation asked for (--no-anim, NO_COLOR), or a replay keeps its run's pace."""

    @property
    def story(self) -> Story:
        return self.controller.story if self.controller is not None else self.loaded

    def game(self) -> GameController:
        if self.controller is None:
            self.controller = self.start()
        return self.controller

    def shown(self, response: Response) -> list[Event]:
        """Show the controller's notices; the events are for the screen."""
        for notice in response.notices:
            self.show(notice)
        return list(response.events)

    # -- what a story screen asks ----------------------------------------------------------------------------------

    def apply(self, action: Input) -> list[Event]:
        return self.shown(self.game().apply(action))

    def undo(self) -> list[Event] | None:
        """The events that show the place undone to, or None when undo was refused (the notice says why)."""
        response = self.game().undo()
        events = self.shown(response)
        return events if response.jumped else None

    def draft_notes(self, text: str) -> tuple[MarginNote, ...]:
        """How each finished sentence of the page in the typewriter will be read: the margin beside the paper."""
        return self.controller.draft_notes(text) if self.controller is not None else ()

    @property
    def can_undo(self) -> bool:
        return self.controller is not None and self.controller.can_undo

    @property
    def in_speedrun(self) -> bool:
        return self.controller is not None and self.controller.speedrun is not None

    @property
    def has_game(self) -> bool:
        return self.controller is not None and self.controller.state is not None

    def reveal_speed(self) -> float:
        """A speed-run shows text at once, and so does its replay, which keeps the run's own pace."""
        return 0.0 if self.instant or self.in_speedrun else self.text_speed

    def timer_text(self) -> str:
        return f"⏱ {self.controller.timer_text()}" if self.controller is not None and self.in_speedrun else ""

    def splits_view(self) -> SplitsView | None:
        return self.controller.splits_view() if self.controller is not None else None

    def autosave(self) -> None:
        if self.controller is not None:
            self.controller.autosave()
