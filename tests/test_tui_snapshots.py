"""How every screen looks, drawn from the small story in tests/data/stories/tui (so an edit of the shipped story's prose
re-baselines nothing): every screen at 80x24, and the main ones at the smallest playable size and at 160x48. Cursor
blink off and text shown at once, so the pictures are stable.

Update the pictures after an intended change with `pytest tests/test_tui_snapshots.py --snapshot-update`, look at
each changed one, and delete the snapshot_report.html it leaves.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from game.tui import slots_screen
from game.tui.too_small import MIN_HEIGHT, MIN_WIDTH
from tests.tui_helpers import SIZE, TUI_STORY, make_app, read_on, ready, write_page

pytestmark = pytest.mark.slow  # the Textual app, driven by keys: `pytest -m "not slow"` leaves it out

Steps = Callable[[Pilot[None]], Awaitable[None]]
PAGE = "Ruby is happy. She speaks French. Harry is sad."


def steps(*keys: str) -> Steps:
    """Keys pressed in turn; "READ" reads the passage on screen to its end, "PAGE" writes and pulls out `PAGE`."""

    async def run(pilot: Pilot[None]) -> None:
        await ready(pilot)
        for key in keys:
            if key == "READ":
                await read_on(pilot)
            elif key == "PAGE":
                await read_on(pilot)
                await write_page(pilot, PAGE)
            else:
                await pilot.press(key)
            await pilot.pause()
        pilot.app.clear_notifications()  # they name temporary folders and times; the screens are the subject here
        await pilot.pause()

    return run


AFTER_PAGE = ("n", "READ", "2", "PAGE", "READ")
SCREENS: dict[str, Steps] = {
    "title": steps(),
    "story_choices": steps("n", "READ"),
    "story_more_below": steps("n", "READ", "1"),
    "story_read_to_the_end": steps("n", "READ", "1", "READ"),
    "typewriter": steps("n", "READ", "2", "READ"),
    "typewriter_blank_page": steps("n", "READ", "2", "READ", "f2"),
    "page_read": steps(*AFTER_PAGE),
    "ending": steps("n", "READ", "3", "READ"),
    "history": steps(*AFTER_PAGE, "f4"),
    "history_go_back": steps(*AFTER_PAGE, "f4", "up", "enter"),
    "ruby": steps(*AFTER_PAGE, "f12"),
    "save_slots": steps(*AFTER_PAGE, "f5", "f6"),
    "save_over": steps(*AFTER_PAGE, "f5", "f6", *"quicksave", "enter"),
    "load_slots": steps(*AFTER_PAGE, "f5", "escape", "l"),
    "load_slots_empty": steps("l"),
    "endings": steps("e"),
    "endings_with_hints": steps("n", "READ", "3", "READ", "2", "e"),
    "settings": steps("s"),
    "help": steps("question_mark"),
    "confirm_quit": steps("n", "READ", "2", "READ", "R", "u", "b", "y", "ctrl+q"),
    "speedrun_category": steps("r"),
}
SIZES: dict[str, tuple[tuple[int, int], tuple[str, ...]]] = {
    "smallest": (
        (MIN_WIDTH, MIN_HEIGHT),
        ("title", "story_more_below", "typewriter", "typewriter_blank_page", "history", "ruby", "save_slots", "help"),
    ),
    "large": ((160, 48), ("title", "story_more_below", "typewriter", "history", "ruby", "save_slots")),
}


@pytest.fixture(autouse=True)
def fixed_save_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """A slot shows when it was saved: the pictures show one fixed time instead of the clock's."""

    class Clock:
        @staticmethod
        def localtime(seconds: float) -> object:
            return seconds

        @staticmethod
        def strftime(pattern: str, moment: object) -> str:
            return "2026-11-29 12:00"

    monkeypatch.setattr(slots_screen, "time", Clock)


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen(name: str, snap_compare: Any, private_home: Path) -> None:
    assert snap_compare(make_app(TUI_STORY), terminal_size=SIZE, run_before=SCREENS[name])


@pytest.mark.parametrize(
    ("size", "name"), [(size, name) for size, (_, names) in SIZES.items() for name in names], ids=lambda value: str(value)
)
def test_screen_at_other_sizes(size: str, name: str, snap_compare: Any, private_home: Path) -> None:
    assert snap_compare(make_app(TUI_STORY), terminal_size=SIZES[size][0], run_before=SCREENS[name])


def test_the_notice_below_the_smallest_size(snap_compare: Any, private_home: Path) -> None:
    assert snap_compare(make_app(TUI_STORY), terminal_size=(MIN_WIDTH - 1, MIN_HEIGHT), run_before=steps("n"))
