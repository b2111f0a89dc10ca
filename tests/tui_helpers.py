"""Shared moves for the Textual tests: start the app, wait for the story, play a path with keys."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot

from game.engine import ChoiceInput, Input, PageInput
from game.paths import assets_dir
from game.replay.format import Replay, read_replay
from game.tui.app import RubySparksApp
from game.tui.game_screen import GameScreen
from game.tui.widgets import PageArea

SIZE = (80, 24)


def make_app(**options: object) -> RubySparksApp:
    return RubySparksApp(animate=bool(options.get("animate", False)), blink=False, seed=int(str(options.get("seed", 0))))


async def ready(pilot: Pilot[None]) -> RubySparksApp:
    app = pilot.app
    assert isinstance(app, RubySparksApp)
    for _ in range(500):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.story is not None or app.loading_message != "Loading the story...":
            return app
    raise AssertionError("the story never finished loading")


async def write_page(pilot: Pilot[None], text: str) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, GameScreen)
    screen.query_one(PageArea).insert(text)
    await pilot.press("f2")
    await pilot.pause()


async def play(pilot: Pilot[None], path: tuple[Input, ...]) -> None:
    for action in path:
        if isinstance(action, PageInput):
            await write_page(pilot, action.text)
        else:
            assert isinstance(action, ChoiceInput)
            await pilot.press(str(action.number))
            await pilot.pause()


def game_screen(pilot: Pilot[None]) -> GameScreen:
    screen = pilot.app.screen
    assert isinstance(screen, GameScreen), type(screen).__name__
    return screen


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 20.0) -> None:
    """Let the app run until `condition` holds, or fail after `seconds`: a wait that also holds on a busy machine."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the screen never showed what was expected")
        await pilot.pause()


async def run_from_palette(pilot: Pilot[None], search: str, title: str, open_it: bool = True) -> None:
    """Open the command palette (unless one is open: the theme picker), search, and run the command listed first once
    its title shows `title`, as a player does."""
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    app = pilot.app
    if open_it:
        await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*search)

    def listed() -> bool:
        options = app.screen.query_one(OptionList)
        return options.option_count > 0 and title in str(options.get_option_at_index(options.highlighted or 0).prompt)

    await wait_until(pilot, listed)
    await pilot.press("enter")


def footer_keys(app: RubySparksApp) -> set[str]:
    """The descriptions of the keys the footer offers now (what it draws from)."""
    return {b.binding.description for b in app.screen.active_bindings.values() if b.enabled and b.binding.show}


def screen_text(app: RubySparksApp) -> str:
    """What the screen shows now, as the text of its screenshot (spaces as spaces)."""
    return str(app.export_screenshot()).replace("&#160;", " ")


def plain_lines(path: tuple[Input, ...]) -> str:
    """A path as plain mode reads it: a choice's number, or a page's lines and the empty line that pulls it out."""
    lines: list[str] = []
    for action in path:
        lines += [*action.text.splitlines(), ""] if isinstance(action, PageInput) else [str(getattr(action, "number", ""))]
    return "\n".join(lines) + "\n"


def shipped_replay(name: str) -> tuple[Replay, tuple[Input, ...]]:
    """A replay shipped in assets/replays, and its choices and pages as the inputs a player would make."""
    replay = read_replay((assets_dir() / "replays" / f"{name}.json").read_bytes())
    inputs = tuple(
        ChoiceInput(int(item.value or 0)) if item.kind == "choice" else PageInput(str(item.value)) for item in replay.inputs
    )
    return replay, inputs
