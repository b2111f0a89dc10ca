"""The Textual app's life: start-up, the story loaded in a thread, the terminal's size, signals and exit.

Game rules live in the engine and the rules around a game (saves, recording, speed-runs, undo) in `game.controller`,
which `GameControl` holds for the Textual front end. What the player asks for (the menu, keys, the palette) and the
screens it opens are `PlayerActions`' (actions.py). Screens receive what they show when they are made (`screens`
makes every one) and post what the player asked for as messages: no screen reaches into the app.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.screen import Screen

from game.persistence.settings import TEXT_SPEEDS, Settings, load_settings
from game.records import replace
from game.tui import screens
from game.tui.actions import PlayerActions
from game.tui.game_control import GameControl
from game.tui.theme import DEFAULT_THEME, THEMES
from game.tui.title import TitleScreen
from game.tui.too_small import TooSmall

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from game.controller import GameController
    from game.replay.format import Replay
    from game.speedrun.tracker import RunListener
    from game.story.model import Story


class RubySparksApp(PlayerActions):
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
        self.control: GameControl | None = None
        """The game, once the story has loaded: the screens that play are handed it."""
        self.loading_message = "Loading the story..."
        self.settings = Settings()
        self._settings_read = False
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
        self._use_theme(self.settings.theme)
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
        return TitleScreen(self.loading_message)

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
        if story is not None:
            self.control = GameControl(story, self.show_notice, lambda: self._start_controller(story))
            self.control.instant = not self.animate_text or self.replay is not None
            self.control.text_speed = TEXT_SPEEDS.get(self.settings.text_speed, 0.0)
        title = self.screen_stack[0]
        if isinstance(title, TitleScreen):
            title.note = message or (f"Content note: {story.content_note}" if story and story.content_note else "")
        if self.control is None:
            return
        if self.watch_story:
            self.control.game()
            self.set_interval(1.0, self.check_for_edits)
        if self.replay is not None:
            self.switch_to_game(screens.replay_screen(self.control, self.replay, self.replay_speed, self.blink))
        elif self.speedrun_category is not None:
            self.start_speedrun(self.speedrun_category)

    def _start_controller(self, story: Story) -> GameController:
        """With the options the app was started with (a test may set `record_to` before the story loads)."""
        from game.controller import GameController

        return GameController(story, seed=self.seed, record_to=self.record_to, watch=self.watch_story, livesplit=self.livesplit)

    # -- what the tests and the screens' footers ask of the game ----------------------------------------------------

    @property
    def story(self) -> Story | None:
        return self.control.story if self.control is not None else None

    @property
    def controller(self) -> GameController | None:
        return self.control.controller if self.control is not None else None

    @property
    def can_undo(self) -> bool:
        return self.control is not None and self.control.can_undo

    @property
    def in_speedrun(self) -> bool:
        return self.control is not None and self.control.in_speedrun

    def timer_text(self) -> str:
        return self.control.timer_text() if self.control is not None else ""

    def check_for_edits(self) -> None:
        """With --watch: an edited story is reloaded and the player kept in place; a broken edit is only reported."""
        control = self.control
        response = control.controller.check_for_edits() if control is not None and control.controller is not None else None
        if control is None or response is None:
            return
        events = control.shown(response)
        if response.jumped and not screens.is_replay(self.screen):
            for screen in screens.story_screens([self.screen]):
                screen.redraw_from(events)

    # -- signals and exit -------------------------------------------------------------------------------------------

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

    def autosave(self) -> None:
        if self.control is not None:
            self.control.autosave()

    def on_replay_screen_left(self) -> None:
        """The replay viewer is opened from the command line (`ruby-sparks replay FILE`): leaving it is going back there."""
        self.exit()
