"""Reading flows one way (issue 16, item 1): a passage starts at its top, Space and PageDown read on wherever the focus
is, a marker says when text is hidden below, and no choice shows while text it depends on is unread.

Drawn from the small story in tests/data/stories/tui: its letter is longer than a 80x24 screen holds; the study and the
room after a page fit."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList

from game.engine import ChoiceInput
from game.tui.game_screen import MORE, MORE_WHILE_TYPING
from game.tui.title import TitleScreen
from game.tui.widgets import PageArea, RevealText
from tests.tui_helpers import (
    SIZE,
    TUI_STORY,
    flat,
    game_screen,
    make_app,
    offered,
    play,
    read_on,
    ready,
    screen_rows,
    step,
    wait_until,
    write_page,
)

pytestmark = pytest.mark.slow  # the Textual app, driven by keys: `pytest -m "not slow"` leaves it out

LAST_LINE = "a spare key is under the mat"
"""The letter's last paragraph, which the first choice after it ("Take the key from under the mat") depends on."""


async def open_the_letter(pilot: Pilot[None]) -> tuple[RevealText, Widget]:
    """A new game, and the letter chosen: its text (appearing, when the app animates) and the view it scrolls in."""
    await ready(pilot)
    await pilot.press("n")
    await read_on(pilot)
    await pilot.press("1")
    screen = game_screen(pilot)
    return screen.query_one(RevealText), screen.query_one("#story")


async def test_a_long_passage_starts_at_its_top_and_its_choices_wait_until_it_is_read(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await play(pilot, (ChoiceInput(1),))  # read the letter
        await wait_until(pilot, lambda: MORE in screen_rows(app))
        shown = screen_rows(app)
        assert "You slit the envelope" in shown and "The letter is four pages long" in shown  # its top, in view
        assert LAST_LINE not in shown and "Take the key" not in shown  # its end hidden, and the choice naming it too
        assert not offered(pilot)
        await pilot.press("1")  # a choice nobody can see is not taken
        await pilot.press("2")
        assert game_screen(pilot).view.scene_title == "The Letter"
        await pilot.press("space")
        await wait_until(pilot, lambda: "Take the key" in screen_rows(app))
        shown = screen_rows(app)
        assert LAST_LINE in shown and MORE not in shown  # read to the end: the marker goes, the choices come
        await pilot.press("1")
        await wait_until(pilot, lambda: game_screen(pilot).view.at_typewriter)


async def test_pagedown_pageup_and_the_arrows_scroll_the_story_without_moving_the_focus(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await play(pilot, (ChoiceInput(1),))
        await wait_until(pilot, lambda: MORE in screen_rows(app))
        await pilot.press("down", "down")  # the arrows read on while the choices wait
        await wait_until(pilot, lambda: "You slit the envelope" not in screen_rows(app))
        await pilot.press("pagedown")
        await wait_until(pilot, lambda: offered(pilot))
        choices = game_screen(pilot).query_one(OptionList)
        assert app.focused is choices
        await pilot.press("pageup")  # PageUp reads back, and the choices keep the keys
        await wait_until(pilot, lambda: "The letter is four pages long" in screen_rows(app))
        assert app.focused is choices and MORE in screen_rows(app)
        await pilot.press("down", "enter")  # the arrows now move among the choices: the second one burns the letter
        await wait_until(pilot, lambda: game_screen(pilot).view.ending_id == "open_door")


async def test_at_the_typewriter_pageup_reads_back_while_the_page_keeps_the_keys(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=(80, 16)) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await play(pilot, (ChoiceInput(1), ChoiceInput(1)))  # the letter, then the key: the typewriter
        await read_on(pilot)
        page = game_screen(pilot).query_one(PageArea)
        end, start = "where you want it to be", "You will need it"
        assert app.focused is page and end in screen_rows(app) and start not in screen_rows(app)  # its end in view
        await pilot.press("pageup", "pageup", "pageup")
        await wait_until(pilot, lambda: start in screen_rows(app))
        await pilot.press("R", "u", "b", "y")
        assert page.text == "Ruby"


async def test_text_that_appears_keeps_its_top_in_view_and_the_rest_comes_at_once_when_the_view_is_full(
    private_home: Path,
) -> None:
    app = make_app(TUI_STORY, animate=True)
    async with app.run_test(size=SIZE) as pilot:
        text, story = await open_the_letter(pilot)
        await wait_until(pilot, lambda: text.shown > 0)
        while text.revealing:  # never scrolled to follow the text as it appears
            assert story.scroll_y == 0
            await pilot.pause()
        assert text.shown == len(text.full)
        await wait_until(pilot, lambda: MORE in screen_rows(app))
        assert not offered(pilot) and "You slit the envelope" in screen_rows(app)


async def test_a_reveal_fills_the_view_then_shows_the_rest_at_once(private_home: Path) -> None:
    """At 80x16 the letter's first screenful is typed out; the rest, below the fold, is not typed at all."""
    app = make_app(TUI_STORY, animate=True)
    async with app.run_test(size=(80, 16)) as pilot:
        text, story = await open_the_letter(pilot)
        await wait_until(pilot, lambda: not text.revealing and text.shown == len(text.full))
        # the view is laid out after the last characters arrive, on a busy machine a refresh later
        await wait_until(pilot, lambda: story.max_scroll_y > 0 and MORE in screen_rows(app))


async def test_undo_shows_its_place_at_once(private_home: Path) -> None:
    app = make_app(TUI_STORY, animate=True)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await play(pilot, (ChoiceInput(1), ChoiceInput(1)))
        await wait_until(pilot, lambda: game_screen(pilot).view.at_typewriter)
        await pilot.press("f3")
        await wait_until(pilot, lambda: game_screen(pilot).view.scene_title == "The Letter")
        text = game_screen(pilot).query_one(RevealText)
        assert not text.revealing and text.shown == len(text.full)


async def test_a_key_pressed_as_a_short_passage_is_drawn_is_not_lost(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n", "3")  # the study fits the screen: "Go to bed" at once
        await wait_until(pilot, lambda: isinstance(app.screen, TitleScreen) or game_screen(pilot).view.ending_id == "quiet")


async def test_a_blank_page_is_refused_where_the_player_can_see_why(private_home: Path) -> None:
    """Briefly, on the page's own edge, where the writer is looking; gone once something is typed."""
    app = make_app(TUI_STORY)
    async with app.run_test(size=(80, 16)) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await play(pilot, (ChoiceInput(1), ChoiceInput(1)))
        await read_on(pilot)
        await pilot.press("f2")
        await wait_until(pilot, lambda: "The page is blank." in screen_rows(app))
        page = game_screen(pilot).query_one(PageArea)
        assert "The page is blank." in screen_rows(app).splitlines()[page.region.bottom - 1]
        await pilot.press("R")
        await wait_until(pilot, lambda: "The page is blank" not in screen_rows(app))


@pytest.mark.parametrize("size", [(50, 16), SIZE], ids=["50x16", "80x24"])
async def test_the_typewriter_s_prompt_is_whole_with_the_splits_and_at_the_smallest_size(
    size: tuple[int, int], private_home: Path
) -> None:
    """At 80x24 the splits panel narrows the story to 50 columns; at 50x16 the typewriter leaves it a few rows. The
    prompt loses no word either way, the passage keeps room to be read, one scrollbar at most is drawn, and the footer
    still shows the way out."""
    app = make_app()  # the shipped story: its first prompt is five lines at 50 columns
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("r", "enter")  # any%: the choices come at once
        await wait_until(pilot, lambda: app.in_speedrun and offered(pilot))
        for _ in range(4):
            await step(pilot, "1")
        screen = game_screen(pilot)
        await wait_until(pilot, lambda: screen.view.at_typewriter and offered(pilot))
        prompt, story = " ".join(screen.view.prompt), screen.query_one("#story")

        def in_the_story() -> str:
            return flat("\n".join(row[story.region.x : story.region.right] for row in screen_rows(app).splitlines()))

        await wait_until(pilot, lambda: prompt in in_the_story())
        assert story.region.height >= 5
        assert sum(widget.show_vertical_scrollbar for widget in screen.query("*") if widget.region) <= 1
        footer = screen_rows(app).splitlines()[-1]
        assert "Menu" in footer and "Quit" in footer
        await pilot.press("pageup")
        await wait_until(pilot, lambda: MORE_WHILE_TYPING in screen_rows(app))  # Space is typed here: PageDown reads on


async def test_in_a_speedrun_the_choices_come_at_once(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await pilot.press("enter")  # any%
        await wait_until(pilot, lambda: app.in_speedrun and offered(pilot))
        await pilot.press("1")
        await wait_until(pilot, lambda: game_screen(pilot).view.scene_title == "The Letter")
        await wait_until(pilot, lambda: offered(pilot) and MORE in screen_rows(app))  # the runner knows the way
        await pilot.press("2")
        await wait_until(pilot, lambda: game_screen(pilot).view.ending_id == "open_door")


async def test_the_shipped_story_offers_no_choice_about_the_fan_before_the_fan_is_on_screen(private_home: Path) -> None:
    """The play-test's case: keys 1,1,2,1, a page, 1, a page, 1,1,1,1 reach "Harry", whose last paragraph is the only
    one that mentions the fan that the first choice names."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        page = "Ruby is a painter. She is twenty-six."
        for key in ("1", "1", "2", "1", page, "1", page, "1", "1", "1", "1"):
            await read_on(pilot)
            if len(key) > 1:
                await write_page(pilot, key)
            else:
                await pilot.press(key)
        await wait_until(pilot, lambda: game_screen(pilot).view.scene_title == "Harry")
        await wait_until(pilot, lambda: MORE in screen_rows(app))
        assert "fan's number" not in screen_rows(app) and "her number" not in screen_rows(app)
        await read_on(pilot)
        assert "fan's number" in screen_rows(app) and "her number at that signing" in screen_rows(app)
