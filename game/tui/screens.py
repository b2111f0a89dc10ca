"""Every screen the app opens, made in one place, each screen's module imported the first time it is opened.

The title draws before the engine, the typewriter or any other screen is imported (benchmarks/bench_startup.py
measures it), so the app never imports a screen's module at its top: it asks here. What a screen needs is given to it
when it is made (attributes down); what it wants done it posts back as a message (messages up).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from game.controller import GameController
    from game.engine import Event
    from game.engine.portrait import Portrait
    from game.persistence.settings import Settings
    from game.replay.format import Replay
    from game.story.model import Category, Story
    from game.tui.category_screen import CategoryScreen
    from game.tui.confirm import Confirm
    from game.tui.game_control import GameControl
    from game.tui.game_screen import GameScreen
    from game.tui.settings_screen import SettingsScreen
    from game.tui.slots_screen import SlotsScreen


def story_screen(control: GameControl, opening: list[Event], blink: bool) -> GameScreen:
    from game.tui.game_screen import GameScreen

    return GameScreen(control, opening, blink=blink)


def replay_screen(control: GameControl, replay: Replay, speed: float, blink: bool) -> GameScreen:
    from game.tui.replay_screen import ReplayScreen

    return ReplayScreen(control, replay, speed, blink=blink)


def story_screens(stack: Iterable[Screen[object]]) -> list[GameScreen]:
    """The story screens in the stack, bottom first (a replay's too: it is one)."""
    from game.tui.game_screen import GameScreen

    return [screen for screen in stack if isinstance(screen, GameScreen)]


def is_replay(screen: Screen[object]) -> bool:
    from game.tui.replay_screen import ReplayScreen

    return isinstance(screen, ReplayScreen)


def confirm(question: str) -> Confirm:
    from game.tui.confirm import Confirm

    return Confirm(question)


def categories(choices: tuple[Category, ...]) -> CategoryScreen:
    from game.tui.category_screen import CategoryScreen

    return CategoryScreen(choices)


def slots(mode: str, game: GameController, delete: Callable[[str], None]) -> SlotsScreen:
    from game.tui.slots_screen import SlotsScreen

    return SlotsScreen(mode, game.saves, delete)


def history(story: Story, game: GameController) -> Screen[None]:
    from game.tui.history_screen import HistoryScreen

    assert game.state is not None, "the history is only opened while there is a game"
    return HistoryScreen(story.title, game.state, story.id, game.rollback_points())


def ruby(portrait: Portrait) -> Screen[None]:
    from game.tui.ruby_screen import RubyScreen

    return RubyScreen(portrait)


def endings(story: Story) -> Screen[None]:
    from game.persistence.endings_seen import endings_seen
    from game.tui.endings_screen import EndingsScreen

    return EndingsScreen(story, endings_seen(story.id))


def settings(current: Settings, themes: list[str], on_change: Callable[[Settings], None]) -> SettingsScreen:
    from game.tui.settings_screen import SettingsScreen

    return SettingsScreen(current, themes, on_change)


def help_screen(story: Story | None) -> Screen[None]:
    from game.tui.help_screen import HelpScreen

    return HelpScreen(story)
