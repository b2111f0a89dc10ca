"""The screens around the story (issue 16): the whole history and going back from it, the Ruby screen, save slots with
summaries, the endings gallery's hints, the header, and the game's own theme; each as a player sees it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from game.engine import ChoiceInput, PageInput
from game.tui.confirm import Confirm
from game.tui.endings_screen import EndingsScreen
from game.tui.game_screen import GameScreen
from game.tui.history_screen import HistoryScreen
from game.tui.ruby_screen import RubyScreen
from game.tui.slots_screen import SlotsScreen
from game.tui.title import TitleScreen
from tests.tui_helpers import (
    SIZE,
    TUI_STORY,
    flat,
    footer_keys,
    game_screen,
    make_app,
    play,
    read_on,
    ready,
    screen_rows,
    wait_until,
)

pytestmark = pytest.mark.slow  # the Textual app, driven by keys: `pytest -m "not slow"` leaves it out

LONG_PAGE = (
    "Ruby is happy. She speaks French. Harry is sad. "
    + "She walks to the window and looks at the street for a long time. " * 3
    + "This is the last sentence of the page."
)

TO_AFTER_A_PAGE = (ChoiceInput(1), ChoiceInput(1), PageInput(LONG_PAGE))
"""The letter, the key, and a page that makes her happy and French: the room after the page."""


async def history_after_a_page(pilot: Pilot[None]) -> None:
    """A new game played to the room after a page, and its history opened."""
    await ready(pilot)
    await pilot.press("n")
    await play(pilot, TO_AFTER_A_PAGE)
    await pilot.press("f4")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, HistoryScreen))


async def test_history_shows_the_whole_transcript_opens_at_the_latest_and_exports_the_same(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=SIZE) as pilot:
        await history_after_a_page(pilot)
        await wait_until(pilot, lambda: "The room is quiet." in screen_rows(app))  # it opens at the latest moment
        assert "The lamp is on." not in screen_rows(app)
        await pilot.press("home")  # and reads back to the first
        await wait_until(pilot, lambda: "The lamp is on." in screen_rows(app))
        await pilot.press("x")
        await wait_until(pilot, lambda: any((private_home / "exports").glob("*.md")))
        (export,) = (private_home / "exports").glob("*.md")
        markdown = export.read_text(encoding="utf-8")
        for part in (
            "## The Letter",
            "> Read the letter",  # the option chosen
            "_You slit the envelope with a pencil._",  # what it led to
            "> Ruby is happy. She speaks French.",  # the whole page, its last sentence too
            "This is the last sentence of the page.",
            "- “Ruby is happy.” She is happy.",  # how it was read
            "- “Harry is sad.” Not about Ruby: nothing changes.",
            "_In the next room, someone laughs._",
        ):
            assert part in markdown, part
        await pilot.press("end")
        shown = ""
        for _ in range(12):  # the screen shows the same transcript: read it up from the end
            shown += flat(screen_rows(app))
            await pilot.press("pageup")
        for part in ("You slit the envelope", "Read the letter", "This is the last sentence of the page.", "She is happy."):
            assert part in shown, part


async def test_going_back_to_an_earlier_moment_asks_first_and_then_takes_the_player_there(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=SIZE) as pilot:
        await history_after_a_page(pilot)
        assert "Go back here" not in footer_keys(app)  # the latest moment is where the player is
        await pilot.press("up", "up")  # the letter
        await wait_until(pilot, lambda: "Go back here" in footer_keys(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, Confirm))
        question = str(app.screen.query_one("#question", Static).render())
        assert question == "Go back to “The Letter”? This takes back the last 2 choices and pages."
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("enter", "y")
        await wait_until(pilot, lambda: isinstance(app.screen, GameScreen))
        screen = game_screen(pilot)
        await wait_until(pilot, lambda: screen.view.scene_title == "The Letter")
        await read_on(pilot)
        assert "Take the key" in screen_rows(app)
        await pilot.press("f12")  # the page that was taken back made nothing true
        await wait_until(pilot, lambda: isinstance(app.screen, RubyScreen))
        assert "Pages written (0)" in screen_rows(app)


async def test_there_is_no_going_back_in_a_speedrun(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("r", "enter")  # any%
        await wait_until(pilot, lambda: app.in_speedrun and isinstance(app.screen, GameScreen))
        await pilot.press("1")
        await wait_until(pilot, lambda: game_screen(pilot).view.scene_title == "The Letter")
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("up")
        await wait_until(pilot, lambda: "Back" in footer_keys(app))
        assert "Go back here" not in footer_keys(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: "There is no going back in a" in screen_rows(app))  # a notice, wrapped
        assert not isinstance(app.screen, Confirm)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, GameScreen))
        assert game_screen(pilot).view.scene_title == "The Letter"


async def test_the_ruby_screen_shows_what_is_true_of_her_and_which_sentence_made_it_so(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f12")  # nothing yet to show from the title: no game
        assert isinstance(app.screen, TitleScreen)
        await pilot.press("n")
        await play(pilot, TO_AFTER_A_PAGE)
        await pilot.press("f12")
        await wait_until(pilot, lambda: isinstance(app.screen, RubyScreen))
        shown = flat(screen_rows(app))
        for part in (
            "Ruby",
            "How she seems She hums a song in French",  # her line, whole (the header cuts it at 80 columns)
            "Your hold on her A little of her is your writing.",
            "She is happy. page 1: “Ruby is happy.”",
            "She speaks French. page 1: “She speaks French.”",
            "Pages written (1)",
            "Page 1 · The Page",
        ):
            assert part in shown, part
        assert "sad" not in shown.split("Pages written")[0]  # Harry's sadness is not hers
        await pilot.press("end")
        await wait_until(pilot, lambda: "This is the last sentence of the page." in flat(screen_rows(app)))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, GameScreen))


async def test_her_line_stays_on_one_row_at_80_columns(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await play(pilot, TO_AFTER_A_PAGE)
        await read_on(pilot)
        rows = screen_rows(app).splitlines()
        assert rows[0].strip() == "Act Two: The Page · After the Page"
        assert rows[1].strip().startswith("She hums a song in French") and rows[1].rstrip().endswith("…")
        assert "never heard before tonight" not in screen_rows(app)


async def test_save_slots_show_a_summary_ask_before_saving_over_one_and_delete_one(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await play(pilot, TO_AFTER_A_PAGE)
        await read_on(pilot)
        await pilot.press("f6", *"evening", "enter")
        await wait_until(pilot, lambda: (private_home / "saves" / "evening.json").exists())
        await wait_until(pilot, lambda: isinstance(app.screen, GameScreen))
        await pilot.press("f7")
        await wait_until(pilot, lambda: isinstance(app.screen, SlotsScreen))
        shown = screen_rows(app)
        for part in (
            "evening",
            "under a minute played",
            "Act Two: The Page · After the Page",
            "She hums a song in French",
            "Last page: “Ruby is happy. She speaks French. Harry is…”",
        ):
            assert part in shown, part
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, GameScreen))
        saved = (private_home / "saves" / "evening.json").read_bytes()

        await pilot.press("2")  # put the pen down: an ending, then save over "evening"
        await wait_until(pilot, lambda: game_screen(pilot).view.ending_id == "written")
        await pilot.press("f6", *"evening", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, Confirm))
        assert "Save over “evening”?" in screen_rows(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SlotsScreen))
        assert (private_home / "saves" / "evening.json").read_bytes() == saved
        await pilot.press("tab")  # to the list of slots: picking one saves over it, asking first
        await wait_until(pilot, lambda: "Delete" in footer_keys(app))
        slots = app.screen.query_one(OptionList)
        while slots.get_option_at_index(slots.highlighted or 0).id != "evening":  # below the newer autosave
            await pilot.press("down")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await wait_until(pilot, lambda: (private_home / "saves" / "evening.json").read_bytes() != saved)
        document = json.loads((private_home / "saves" / "evening.json").read_text())
        assert document["summary"]["scene"] == "The Written End"

        await pilot.press("f7")
        await wait_until(pilot, lambda: isinstance(app.screen, SlotsScreen))
        await wait_until(pilot, lambda: "evening" in screen_rows(app))
        options = app.screen.query_one(OptionList)
        before = options.option_count
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, Confirm))
        assert "Delete the save" in screen_rows(app)
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, SlotsScreen) and options.option_count < before)
        names = {path.stem for path in (private_home / "saves").glob("*.json")}
        assert len(names) == 1  # of "autosave" and "evening", the one listed first is gone


async def test_the_endings_gallery_hints_at_the_rest_once_one_is_found_and_never_names_their_ids(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, EndingsScreen))
        shown = screen_rows(app)
        assert "Endings found: 0 of 3" in shown and "Hint" not in shown
        assert "Write her, then put the pen down." not in shown
        await pilot.press("escape", "n")
        await play(pilot, (ChoiceInput(3),))  # go to bed
        await wait_until(pilot, lambda: game_screen(pilot).view.ending_id == "quiet")
        await read_on(pilot)
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, TitleScreen))
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, EndingsScreen))
        shown = screen_rows(app)
        assert "Endings found: 1 of 3" in shown and "1. A Quiet End" in shown
        assert "2. ? ? ?  Hint: Write her, then put the pen down." in shown
        assert "3. ? ? ?  (not found yet)" in shown  # an ending without a hint says only that
        assert "written" not in shown and "open_door" not in shown and "Open Door" not in shown


async def test_paper_is_the_default_theme_and_its_dark_variant_is_a_setting_kept(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.theme == "paper"
        await pilot.press("s")
        await wait_until(pilot, lambda: "paper-dark" in screen_rows(app))
        assert "textual-dark" in screen_rows(app)  # beside Textual's own
        await pilot.press("tab", "down", "enter")  # the themes' list: the second, paper-dark
        await wait_until(pilot, lambda: app.theme == "paper-dark")
        await pilot.press("escape")
    assert json.loads((private_home / "settings.json").read_text())["theme"] == "paper-dark"
    app = make_app(TUI_STORY)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.theme == "paper-dark"


@pytest.mark.parametrize("size", [(50, 16), SIZE], ids=["50x16", "80x24"])
async def test_the_title_shows_its_whole_menu_and_f1_opens_help_which_names_f1(size: tuple[int, int], private_home: Path) -> None:
    """At the smallest size the art gives way to a one-line title and the menu is whole without scrolling; at 80x24
    the content note is whole too. The footer names Help (F1), which the title answers as the story screen does."""
    from textual.containers import VerticalScroll

    from game.tui.help_screen import HelpScreen

    app = make_app()  # the shipped story: its content note is four lines at 80 columns
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await wait_until(pilot, lambda: "Content note" in screen_rows(app))
        rows = screen_rows(app).splitlines()
        page = app.screen.query_one("#title-page", VerticalScroll)
        assert page.scroll_y == 0 and app.screen.query_one("#menu").region.bottom <= size[1] - 1
        for label in ("New game", "Continue", "Load", "Speed-run", "Endings", "Settings", "Help", "Quit"):
            assert label in "\n".join(rows[:-1]), label
        if size == SIZE:
            assert page.max_scroll_y == 0 and "film written by Zoe Kazan." in flat(screen_rows(app))
        assert "f1 Help" in rows[-1] and "Quit" in rows[-1]
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "│ F1 " in screen_rows(app).replace("┃", "│")


async def test_the_notice_below_the_smallest_size_says_how_large(private_home: Path) -> None:
    from game.tui.too_small import TooSmall

    app = make_app(TUI_STORY)
    async with app.run_test(size=(40, 12)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, TooSmall))
        assert "50x16" in screen_rows(app)


async def test_the_sheet_s_wrapped_lines_keep_their_indent(private_home: Path) -> None:
    app = make_app(TUI_STORY)
    async with app.run_test(size=(50, 30)) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await play(pilot, (ChoiceInput(2), PageInput("She speaks French well whenever she is in a room with Harry.")))
        await pilot.press("f12")
        await wait_until(pilot, lambda: isinstance(app.screen, RubyScreen) and "page 1:" in screen_rows(app))
        rows = screen_rows(app).splitlines()
        first = next(n for n, row in enumerate(rows) if "page 1: “She speaks French" in row)
        source_at = rows[first].index("page 1:")
        assert rows[first + 1][:source_at].isspace() and rows[first + 1][source_at] != " "  # the sentence, wrapped
        trait = next(row for row in rows if "•" in row)
        assert rows[rows.index(trait) + 1].index("page") > trait.index("•")


async def test_the_replay_banner_keeps_the_run_s_time_at_50_columns(private_home: Path) -> None:
    from game.replay.verify import format_time
    from game.tui.app import RubySparksApp
    from game.tui.replay_screen import ReplayScreen
    from tests.tui_helpers import shipped_replay

    replay, _ = shipped_replay("honeymoon")
    assert replay.result is not None
    app = RubySparksApp(animate=False, blink=False, replay=replay, replay_speed=0.01)
    async with app.run_test(size=(50, 16)) as pilot:
        await ready(pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ReplayScreen) and "Replay" in screen_rows(app))
        assert format_time(replay.result.time) in screen_rows(app).splitlines()[0]
