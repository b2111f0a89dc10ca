"""How every screen looks at 80x24 (cursor blink off, text shown at once, so the pictures are stable).

Update the pictures after an intended change with `pytest tests/test_tui_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from game.tui.category_screen import CategoryScreen
from game.tui.confirm import Confirm
from game.tui.endings_screen import EndingsScreen
from game.tui.game_screen import GameScreen
from game.tui.help_screen import HelpScreen
from game.tui.history_screen import HistoryScreen
from game.tui.settings_screen import SettingsScreen
from game.tui.slots_screen import SlotsScreen
from game.tui.title import TitleScreen
from tests.tui_helpers import SIZE, make_app, ready, wait_until, write_page

Steps = Callable[[Pilot[None]], Awaitable[None]]


def steps(*keys: str, shows: type[Screen[Any]], page: str | None = None, typewriter: bool = False) -> Steps:
    """Press `keys` (and write `page`), then wait until the screen is a `shows` (at the typewriter, if asked): the
    picture is taken of the screen the keys lead to, however long a busy machine takes to get there."""

    async def run(pilot: Pilot[None]) -> None:
        app = await ready(pilot)
        await pilot.press(*keys)
        if page is not None:
            await wait_until(pilot, lambda: isinstance(app.screen, GameScreen) and app.screen.view.at_typewriter)
            await write_page(pilot, page)
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, shows) and (not typewriter or app.screen.view.at_typewriter),  # type: ignore[attr-defined]
        )

    return run


SCREENS = {
    "title": steps(shows=TitleScreen),
    "story_choices": steps("n", shows=GameScreen),
    "typewriter": steps("n", "1", "1", "1", "1", shows=GameScreen, typewriter=True),
    "page_read": steps("n", "1", "1", "1", "1", shows=GameScreen, page="Ruby speaks French. She is very happy. Harry paints."),
    "history": steps("n", "1", "2", "f4", shows=HistoryScreen),
    "save_slots": steps("n", "f6", shows=SlotsScreen),
    "endings": steps("e", shows=EndingsScreen),
    "settings": steps("s", shows=SettingsScreen),
    "help": steps("question_mark", shows=HelpScreen),
    "confirm_quit": steps("n", "1", "1", "1", "1", "R", "u", "b", "y", "ctrl+q", shows=Confirm),
    "speedrun_category": steps("r", shows=CategoryScreen),
    "load_slots_empty": steps("l", shows=SlotsScreen),
}


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen(name: str, snap_compare: Any, private_home: Path) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=SCREENS[name])
