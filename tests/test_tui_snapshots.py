"""How every screen looks at 80x24 (cursor blink off, text shown at once, so the pictures are stable).

Update the pictures after an intended change with `pytest tests/test_tui_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui_helpers import SIZE, make_app, ready, write_page

Steps = Callable[[Pilot[None]], Awaitable[None]]


def steps(*keys: str, page: str | None = None) -> Steps:
    async def run(pilot: Pilot[None]) -> None:
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if page is not None:
            await write_page(pilot, page)
        await pilot.pause()

    return run


SCREENS = {
    "title": steps(),
    "story_choices": steps("n"),
    "typewriter": steps("n", "1", "1", "1", "1"),
    "page_read": steps("n", "1", "1", "1", "1", page="Ruby speaks French. She is very happy. Harry paints."),
    "history": steps("n", "1", "2", "f4"),
    "save_slots": steps("n", "f6"),
    "endings": steps("e"),
    "settings": steps("s"),
    "help": steps("question_mark"),
    "confirm_quit": steps("n", "1", "1", "1", "1", "R", "u", "b", "y", "ctrl+q"),
    "speedrun_category": steps("r"),
    "load_slots_empty": steps("l"),
}


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen(name: str, snap_compare: Any, private_home: Path) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=SCREENS[name])
