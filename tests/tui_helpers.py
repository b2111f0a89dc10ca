"""Shared moves for the Textual tests: start the app, wait for the story, play a path with keys."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.pilot import Pilot

from game.engine import ChoiceInput, Input, PageInput
from game.paths import assets_dir
from game.replay.format import Replay, read_replay
from game.tui.app import RubySparksApp
from game.tui.game_screen import GameScreen
from game.tui.widgets import PageArea

SIZE = (80, 24)
TUI_STORY = Path(__file__).parent / "data" / "stories" / "tui"
"""The small story the screens are drawn from: its prose changes only with the tests."""


def make_app(story: Path | None = None, **options: object) -> RubySparksApp:
    return RubySparksApp(story, animate=bool(options.get("animate", False)), blink=False, seed=int(str(options.get("seed", 0))))


async def ready(pilot: Pilot[None], seconds: float = 60.0) -> RubySparksApp:
    """Wait until the story has loaded (or failed to), which happens in a thread: a deadline, not a count of pauses."""
    app = pilot.app
    assert isinstance(app, RubySparksApp)
    deadline = time.monotonic() + seconds
    while app.story is None and app.loading_message == "Loading the story...":
        if time.monotonic() > deadline:
            raise AssertionError("the story never finished loading")
        await app.workers.wait_for_complete()
        await pilot.pause()
    return app


async def write_page(pilot: Pilot[None], text: str) -> None:
    game_screen(pilot).query_one(PageArea).insert(text)
    await step(pilot, "f2")


def offered(pilot: Pilot[None]) -> bool:
    """Whether the story screen shows its choices or its typewriter (they wait until the passage has been read)."""
    screen = game_screen(pilot)
    return any(part.display and part.visible for part in screen.query("#choices, #typewriter"))


async def read_on(pilot: Pilot[None]) -> None:
    """Read the passage on screen to its end, as a player does with Space, until the choices or the typewriter show."""
    deadline = time.monotonic() + 20.0
    while not offered(pilot):
        if time.monotonic() > deadline:
            raise AssertionError("the choices never appeared")
        await pilot.press("space")
        await pilot.pause()


async def play(pilot: Pilot[None], path: tuple[Input, ...]) -> None:
    for action in path:
        await read_on(pilot)
        if isinstance(action, PageInput):
            await write_page(pilot, action.text)
        else:
            assert isinstance(action, ChoiceInput)
            await step(pilot, str(action.number))


async def step(pilot: Pilot[None], key: str) -> None:
    """Press a key that makes an input (a choice, F2), and wait until the story screen shows where it led."""
    screen = game_screen(pilot)
    before = screen.view
    await pilot.press(key)
    await wait_until(pilot, lambda: screen.view is not before)


def type_keys(app: RubySparksApp, text: str) -> None:
    """Send `text` as the key presses a terminal sends for it, all at once (as a paste that is not bracketed)."""
    for char in text:
        app.post_message(events.Key("space" if char == " " else char, char))


async def to_the_first_page(pilot: Pilot[None]) -> GameScreen:
    """A new game of the shipped story, read and played to its first typewriter, whose page has the keys."""
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, GameScreen))
    await play(pilot, (ChoiceInput(1),) * 4)
    await read_on(pilot)
    screen = game_screen(pilot)
    assert screen.view.at_typewriter
    return screen


def game_screen(pilot: Pilot[None]) -> GameScreen:
    screen = pilot.app.screen
    assert isinstance(screen, GameScreen), type(screen).__name__
    return screen


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 60.0) -> None:
    """Let the app run until `condition` holds, or fail after `seconds`: a wait that also holds on a busy machine (the
    deadline only matters when something is wrong, so it is generous: a 2-core CI machine running two test runs at
    once took four times as long as an idle one)."""
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


def screen_text(app: RubySparksApp) -> str:
    """What the screen shows, as text: the screenshot without its SVG tags, its entities (spaces, brackets) read back."""
    return html.unescape(re.sub(r"<[^>]*>", "", app.export_screenshot())).replace("\xa0", " ")


def screen_rows(app: RubySparksApp) -> str:
    """The characters on the screen now, row by row, as the player sees them (what scrolled out of view is not
    there). Textual has no public call for a screen's text; its compositor draws the same rows the terminal gets."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def flat(text: str) -> str:
    """Screen text with its wrapping undone, to find a sentence that a narrow column broke across rows (a scrollbar's
    and a toast's block characters beside it are not its words)."""
    return " ".join(re.sub("[\u2580-\u259f]", " ", text).split())


def footer_keys(app: RubySparksApp) -> set[str]:
    """The descriptions of the keys the footer offers now (what it draws from)."""
    return {b.binding.description for b in app.screen.active_bindings.values() if b.enabled and b.binding.show}


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
