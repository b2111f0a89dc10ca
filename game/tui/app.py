"""The Textual app: moves between screens, and hands what the player does to the game controller.

Game rules live in the engine and the rules around a game (saves, recording, speed-runs, undo) in
`game.controller`; this class only turns menu picks and keys into requests to the controller, shows its notices as
notifications, and hands its events to the screens to draw.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, ClassVar, assert_never

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from game.persistence.settings import TEXT_SPEEDS, Settings, load_settings, save_settings
from game.printable import shown_safely
from game.records import replace
from game.tui.theme import DEFAULT_THEME, THEMES
from game.tui.title import TitleScreen
from game.tui.too_small import TooSmall, too_small

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from game.controller import GameController, Notice, Response
    from game.engine import Event, Input
    from game.engine.feedback import MarginNote
    from game.replay.format import Replay
    from game.speedrun.tracker import RunListener
    from game.story.model import Story


def quoted(text: str) -> str:
    """ "Saved as `quicksave`." as the screen should show it: plain mode marks names with backticks, which a player
    reading a notification would see as stray marks, so here they become quotation marks."""
    return re.sub(r"`([^`]*)`", "“\\1”", text)


class RubySparksApp(App[None]):
    """Everything past the title is imported when first needed, so the title draws almost as fast as a bare Textual
    app (benchmarks/bench_startup.py measures it)."""

    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "Ruby Sparks"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit_game", "Quit", priority=True, id="quit"),
        # in a browser Ctrl+W closes the tab; Alt+Backspace reaches the page, and arrives as Ctrl+W
        Binding("ctrl+w", "delete_word", "Delete word", key_display="alt+⌫", priority=True),
    ]
    WEB_KEYS: ClassVar[dict[str, str]] = {"quick-save": "ctrl+s,f5", "quit": "f10,ctrl+q"}
    """In a browser (`ruby-sparks serve`) F5 reloads the page and Ctrl+Q can quit the browser: there the footer shows
    keys the page does get (the first of each), and the terminal's still work where the browser lets them through."""

    def __init__(
        self,
        story_dir: Path | None = None,
        *,
        seed: int = 0,
        animate: bool = True,
        blink: bool = True,
        record: Path | None = None,
        speedrun: str | None = None,
        replay: Replay | None = None,
        replay_speed: float = 1.0,
        watch: bool = False,
        livesplit: RunListener | None = None,
    ) -> None:
        super().__init__()
        self.livesplit = livesplit
        self.watch_story = watch
        self.record_to = record
        self.speedrun_category = speedrun
        self.replay = replay
        self.replay_speed = replay_speed
        self.story_dir = story_dir
        self.seed = seed
        self.animate_text = animate and "NO_COLOR" not in os.environ
        self.blink = blink
        self.controller: GameController | None = None
        """Everything a game needs goes through it. Made when first needed, so the title and its menu answer before
        the engine is imported (with --watch, at once: it watches the story from the start)."""
        self._loaded: Story | None = None
        self.loading_message = "Loading the story..."
        self.settings = Settings()
        self._settings_read = False
        self._opening: list[Event] = []
        self._previous_handlers: dict[int, Any] = {}
        self._start_with_the_game_s_theme()

    # -- start-up ---------------------------------------------------------------------------------------------------

    def _start_with_the_game_s_theme(self) -> None:
        """Paper from the first frame. Setting `theme` makes Textual read every style again (20-40 ms of start-up);
        before the styles are first read, setting the value, the classes and the colours as Textual's own start does
        is enough."""
        for theme in THEMES:
            self.register_theme(theme)
        self.set_reactive(RubySparksApp.theme, DEFAULT_THEME)
        dark = self.current_theme.dark
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)
        self.stylesheet.set_variables(self.get_css_variables())

    def watch_theme(self, theme: str) -> None:
        """A theme chosen anywhere (the Settings screen or the command palette's Theme) is the one setting, kept for
        the next run. Not before the saved settings are read: the default theme set at start-up is no choice."""
        if self._settings_read and theme != self.settings.theme:
            self.update_settings(replace(self.settings, theme=theme))

    def on_mount(self) -> None:
        self.settings, problem = load_settings()
        self._settings_read = True
        if problem:
            self.notify(problem, severity="warning", timeout=8)
        with contextlib.suppress(Exception):
            self.theme = self.settings.theme
        self.call_after_refresh(lambda: self.run_worker(self._load_story, thread=True, exclusive=True, group="story"))
        self._fit_to(self.size.width, self.size.height)
        self._install_signal_handlers()
        if self.is_web:
            self.update_keymap(self.WEB_KEYS)

    async def on_event(self, event: events.Event) -> None:
        """A key typed on the page goes straight to it: a paste that arrives as key presses (a terminal that does not
        bracket pastes) would otherwise cost a search of every binding per character. The page's module is imported
        at the first key, not the first event: it brings the typewriter, which the title does not need to draw."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            from game.tui.widgets import PageArea

            page = self.focused
            if isinstance(page, PageArea) and page.take_key(event):
                return
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_to(event.size.width, event.size.height)

    def _fit_to(self, width: int, height: int) -> None:
        """Cover every screen with `TooSmall` while the terminal is too small for them, and take it away after."""
        covered = isinstance(self.screen, TooSmall)
        if too_small(width, height) and not covered:
            self.push_screen(TooSmall())
        elif covered and not too_small(width, height):
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the terminal is too small, no key may open a screen above the notice: it could not be laid out.
        Delete word is the typewriter's own key; only in a browser does the footer name it, with the key that works."""
        if action == "delete_word":
            return self.is_web and self._page_in_focus() is not None
        return not isinstance(self.screen, TooSmall)

    def _page_in_focus(self) -> TextArea | None:
        from textual.widgets import TextArea

        return self.focused if isinstance(self.focused, TextArea) else None

    def action_delete_word(self) -> None:
        page = self._page_in_focus()
        if page is not None:
            page.action_delete_word_left()

    def get_default_screen(self) -> Screen[None]:
        """The title is the bottom of the stack: every way back ends there, and nothing can pop it."""
        return TitleScreen()

    def _load_story(self) -> None:
        """In a thread, so the title is drawn before the story's files are read and checked."""
        from game.paths import shipped_story_dir
        from game.story.loader import StoryLoadError, load_story_or_raise

        try:
            story = load_story_or_raise(self.story_dir or shipped_story_dir())
            message = ""
        except StoryLoadError as error:
            story, message = None, f"The story could not be loaded:\n{error}"
        self.call_from_thread(self._story_loaded, story, message)

    def _story_loaded(self, story: Story | None, message: str) -> None:
        self.loading_message = message
        self._loaded = story
        if story is not None and self.watch_story:
            self.game_or_raise()
            self.set_interval(1.0, self.check_for_edits)
        if isinstance(self.screen, TitleScreen):
            self.screen.show_note()
        if story is None:
            return
        if self.replay is not None:
            self.watch_replay(self.replay)
        elif self.speedrun_category is not None:
            self.start_speedrun(self.speedrun_category)

    @property
    def story(self) -> Story | None:
        return self.controller.story if self.controller is not None else self._loaded

    def check_for_edits(self) -> None:
        """With --watch: an edited story is reloaded and the player kept in place; a broken edit is only reported."""
        from game.tui.game_screen import GameScreen

        response = self.controller.check_for_edits() if self.controller is not None else None
        if response is None:
            return
        events = self.shown(response)
        if response.jumped and isinstance(self.screen, GameScreen) and not self.replay_on_screen():
            self.screen.redraw_from(events)

    def _install_signal_handlers(self) -> None:
        """SIGTERM, SIGHUP (a closed terminal) and SIGINT save the player's place before the app goes. The handler is
        Python's own, not the event loop's: it runs between any two steps of the program, so the place is saved even
        while the loop is busy, and the app leaves as soon as the loop is free. The old handlers come back on exit."""
        loop = asyncio.get_running_loop()

        def signalled(signum: int, frame: FrameType | None) -> None:
            self.autosave()
            loop.call_soon_threadsafe(self.exit)

        for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            with contextlib.suppress(ValueError, OSError):  # ValueError: not the main thread (a test's app)
                self._previous_handlers[number] = signal.signal(number, signalled)

    def on_unmount(self) -> None:
        for number, handler in self._previous_handlers.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(number, handler)
        self._previous_handlers.clear()

    def on_exit_app(self) -> None:
        """Every way out saves the player's place first: Quit, a signal (a closed terminal), and in a browser a closed
        tab, which textual-serve passes on as a request to exit."""
        self.autosave()

    # -- the game ---------------------------------------------------------------------------------------------------

    def story_or_raise(self) -> Story:
        assert self.story is not None, "screens that play are only opened once the story has loaded"
        return self.story

    def game_or_raise(self) -> GameController:
        if self.controller is None:
            from game.controller import GameController

            assert self._loaded is not None, "a game is only started once the story has loaded"
            self.controller = GameController(
                self._loaded, seed=self.seed, record_to=self.record_to, watch=self.watch_story, livesplit=self.livesplit
            )
        return self.controller

    def opening_events(self) -> list[Event]:
        events, self._opening = self._opening, []
        return events

    def shown(self, response: Response) -> list[Event]:
        """Show the controller's notices as notifications; the events are for the screen."""
        for notice in response.notices:
            self.show_notice(notice)
        return list(response.events)

    def notify(self, message: str, *, title: str = "", markup: bool = False, **options: Any) -> None:
        """Every notification passes here (a screen's too). One may quote a stranger's file (a replay's story id) or a
        path: no control code in it reaches the terminal, and it is never read as markup (`[/x]` would raise)."""
        super().notify(shown_safely(message), title=shown_safely(title), markup=False, **options)

    def show_notice(self, notice: Notice) -> None:
        text = quoted(notice.text)
        match notice.kind:
            case "split" | "gold":
                pass  # the splits panel shows each split as it is taken
            case "finish":
                self.notify(text, title="Run", timeout=10)
            case "info":
                self.notify(text, timeout=6)
            case "warning" | "error":
                self.notify(text, severity=notice.kind, timeout=10)
            case _:
                assert_never(notice.kind)

    def start_game(self, response: Response) -> None:
        """Show a game that has just begun (or jumped: a load, a restart) on a fresh story screen."""
        from game.tui.game_screen import GameScreen

        self._opening = self.shown(response)
        self.switch_to_game(GameScreen())

    def new_game(self) -> None:
        if self.story is not None:
            self.start_game(self.game_or_raise().new_game())

    def start_speedrun(self, category: str) -> None:
        if self.story is None:
            return
        response = self.game_or_raise().new_game(category)
        if response.jumped:
            self.start_game(response)
        else:
            self.shown(response)

    def begin_again(self) -> None:
        """After an ending: in an unfinished speed-run (film%, all-endings) a restart within the run, else a new game."""
        self.start_game(self.game_or_raise().begin_again())

    def watch_replay(self, replay: Replay) -> None:
        from game.tui.replay_screen import ReplayScreen

        self.switch_to_game(ReplayScreen(replay, self.replay_speed))

    def replay_on_screen(self) -> bool:
        from game.tui.replay_screen import ReplayScreen

        return isinstance(self.screen, ReplayScreen)

    def switch_to_game(self, screen: Screen[None]) -> None:
        self._pop_to_title()
        self.push_screen(screen)
        self._fit_to(self.size.width, self.size.height)

    def apply(self, action: Input) -> list[Event]:
        return self.shown(self.game_or_raise().apply(action))

    def undo(self) -> list[Event] | None:
        """The events that show the place undone to, or None when undo was refused (the notice says why)."""
        response = self.game_or_raise().undo()
        events = self.shown(response)
        return events if response.jumped else None

    def draft_notes(self, text: str) -> tuple[MarginNote, ...]:
        """How each finished sentence of the page in the typewriter will be read: the margin beside the paper."""
        return self.controller.draft_notes(text) if self.controller is not None else ()

    def autosave(self) -> None:
        if self.controller is not None:
            self.controller.autosave()

    @property
    def can_undo(self) -> bool:
        return self.controller is not None and self.controller.can_undo

    @property
    def in_speedrun(self) -> bool:
        return self.controller is not None and self.controller.speedrun is not None

    def reveal_speed(self) -> float:
        if not self.animate_text or self.in_speedrun or self.replay is not None:
            return 0.0  # a speed-run shows text at once, and so does its replay, which keeps the run's own pace
        return TEXT_SPEEDS.get(self.settings.text_speed, 0.0)

    def timer_text(self) -> str:
        return f"⏱ {self.controller.timer_text()}" if self.controller is not None and self.in_speedrun else ""

    # -- menu and actions -------------------------------------------------------------------------------------------

    def action_menu(self, item: str) -> None:
        if item == "quit":
            self.action_quit_game()
            return
        if item in ("help", "settings"):
            getattr(self, f"action_{item}")()
            return
        if self.story is None:
            self.notify(self.loading_message or "The story is still loading.", severity="warning")
            return
        if item == "new":
            self.new_game()
        elif item == "continue":
            self.load_slot(None)
        elif item == "load":
            self.action_slots("load")
        elif item == "endings":
            self.action_endings()
        elif item == "speedrun":
            self.choose_category()

    def choose_category(self) -> None:
        from game.tui.category_screen import CategoryScreen

        def chosen(category: str | None) -> None:
            if category:
                self.start_speedrun(category)

        if self.story is not None:
            self.push_screen(CategoryScreen(self.story.categories), chosen)

    def load_slot(self, name: str | None) -> None:
        self._unless_a_page_is_lost("Load a saved game and lose it?", lambda: self._load_slot_now(name))

    def _load_slot_now(self, name: str | None) -> None:
        if self.story is None:
            return
        response = self.game_or_raise().load(name)
        if response.earlier is not None:
            slot, scene = response.earlier
            self.offer_earlier(response, slot, scene)
        elif response.jumped:
            self.start_game(response)
        else:
            self.shown(response)

    def offer_earlier(self, refused: Response, slot: str, scene: str) -> None:
        """A save whose scene the story no longer has: ask whether to go on from the nearest earlier scene."""
        from game.tui.confirm import Confirm

        def answered(yes: bool | None) -> None:
            response = self.game_or_raise().load(slot, earlier=True) if yes else refused
            if response.jumped:
                self.start_game(response)
            else:
                self.shown(response)

        self.push_screen(Confirm(f"{refused.notices[0].text}\n\nGo on from `{scene}`?"), answered)

    def save_slot(self, name: str) -> None:
        if self.controller is None or self.controller.state is None:
            self.notify("There is no game to save yet.")
            return
        self.show_notice(self.controller.save(name))

    def action_slots(self, mode: str) -> None:
        from game.tui.slots_screen import SlotsScreen

        if self.story is None:
            return
        game = self.game_or_raise()
        if mode == "save" and game.state is None:
            self.notify("There is no game to save yet.")
            return

        def done(name: str | None) -> None:
            if name:
                (self.save_slot if mode == "save" else self.load_slot)(name)

        self.push_screen(SlotsScreen(mode, game.saves, self.delete_slot), done)

    def delete_slot(self, name: str) -> None:
        self.show_notice(self.game_or_raise().delete(name))

    def action_quick_save(self) -> None:
        from game.persistence.saves import QUICKSAVE

        self.save_slot(QUICKSAVE)

    def action_quick_load(self) -> None:
        from game.persistence.saves import QUICKSAVE

        self.load_slot(QUICKSAVE)

    def action_history(self) -> None:
        from game.tui.history_screen import HistoryScreen

        game = self.controller
        if self.story is not None and game is not None and game.state is not None:
            self.push_screen(HistoryScreen(self.story.title, game.state, self.story.id, game.rollback_points()))

    def rollback(self, moment: int) -> None:
        """Go back to a moment picked in the history (the history screen has asked first); the controller may refuse
        (a speed-run), and says why."""
        from game.tui.game_screen import GameScreen

        response = self.game_or_raise().rollback(moment)
        events = self.shown(response)
        if not response.jumped:
            return
        games = [screen for screen in self.screen_stack if isinstance(screen, GameScreen)]
        if not games:  # the history was opened from the title, after the game was left
            self._opening = events
            self.switch_to_game(GameScreen())
            return
        while self.screen is not games[-1]:
            self.pop_screen()
        games[-1].redraw_from(events)

    def action_portrait(self) -> None:
        from game.tui.ruby_screen import RubyScreen

        if self.controller is not None and self.controller.state is not None:
            self.push_screen(RubyScreen(self.controller.portrait()))

    def action_endings(self) -> None:
        from game.persistence.endings_seen import endings_seen
        from game.tui.endings_screen import EndingsScreen

        if self.story is not None:
            self.push_screen(EndingsScreen(self.story, endings_seen(self.story.id)))

    def action_settings(self) -> None:
        from game.tui.settings_screen import SettingsScreen

        self.push_screen(SettingsScreen(self.settings, list(self.available_themes), self.update_settings))

    def update_settings(self, settings: Settings) -> None:
        self.settings = settings
        with contextlib.suppress(Exception):
            self.theme = settings.theme
        try:
            save_settings(settings)
        except OSError as error:
            self.notify(f"Could not save the settings: {error.strerror or error}", severity="error")

    def action_help(self) -> None:
        from game.tui.help_screen import HelpScreen

        self.push_screen(HelpScreen())

    def action_to_title(self) -> None:
        self._unless_a_page_is_lost("Leave it and lose it?", self._pop_to_title)

    def _pop_to_title(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_leave_screen(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()

    def action_undo(self) -> None:
        from game.tui.game_screen import GameScreen

        if isinstance(self.screen, GameScreen):
            self.screen.action_undo()

    def action_quit_game(self) -> None:
        self._unless_a_page_is_lost("Quit and lose it?", self._leave)

    def _unless_a_page_is_lost(self, question: str, go_on: Callable[[], None]) -> None:
        """`go_on` at once, or only after a yes when it would throw away a page typed but not pulled out (quitting,
        leaving for the title, loading a save)."""
        from game.tui.confirm import Confirm
        from game.tui.game_screen import GameScreen

        games = [screen for screen in self.screen_stack if isinstance(screen, GameScreen)]
        if not (games and games[-1].unsaved_page):
            go_on()
            return

        def answered(anyway: bool | None) -> None:
            if anyway:
                go_on()

        self.push_screen(Confirm(f"The page in the typewriter has not been pulled out. {question}"), answered)

    def _leave(self) -> None:
        self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, except that Quit is the game's: it autosaves, and asks first when a page in the
        typewriter would be lost, as Ctrl+Q does."""
        for command in super().get_system_commands(screen):
            if command.title == "Quit":
                yield SystemCommand(
                    "Quit", "Save your place and leave (asks first if a page would be lost)", self.action_quit_game
                )
            else:
                yield command
        yield SystemCommand("New game", "Start the story from the beginning", lambda: self.action_menu("new"))
        yield SystemCommand("Continue", "Resume the newest save", lambda: self.action_menu("continue"))
        yield SystemCommand("Save", "Save to a named slot", lambda: self.action_slots("save"))
        yield SystemCommand("Load", "Load a saved game", lambda: self.action_slots("load"))
        yield SystemCommand("Quick save", "Save to the quick-save slot (F5)", self.action_quick_save)
        yield SystemCommand("Quick load", "Load the quick-save slot (F9)", self.action_quick_load)
        yield SystemCommand("Undo", "Take back the last choice or page (F3)", self.action_undo)
        yield SystemCommand("History", "The story so far, and going back to a moment of it (F4)", self.action_history)
        subject = self.story.subject_name if self.story is not None else "Ruby"
        yield SystemCommand(subject, f"{subject} as you have written her (F12 or Ctrl+R)", self.action_portrait)
        yield SystemCommand("Endings", "The endings gallery", self.action_endings)
        yield SystemCommand("Settings", "Text speed and theme", self.action_settings)
        yield SystemCommand("Help", "Every key", self.action_help)
