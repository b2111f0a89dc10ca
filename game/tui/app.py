"""The Textual app: owns the session and the player's files, and moves between screens.

Game rules live in the engine; this class only turns menu picks and keys into engine inputs, keeps the autosave
current, and hands events to the screens to draw.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from game.persistence.settings import TEXT_SPEEDS, Settings, load_settings, save_settings
from game.tui.title import TitleScreen
from game.tui.too_small import TooSmall, too_small

if TYPE_CHECKING:
    from game.authoring.watch import StoryWatcher
    from game.engine import Event, Input
    from game.engine.feedback import MarginNote
    from game.engine.session import Session
    from game.replay.format import Replay
    from game.replay.recorder import Recorder
    from game.speedrun.tracker import SpeedrunTracker
    from game.story.model import Story


class RubySparksApp(App[None]):
    """Everything past the title is imported when first needed, so the title draws almost as fast as a bare Textual
    app (benchmarks/bench_startup.py measures it)."""

    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "Ruby Sparks"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit_game", "Quit", priority=True)]

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
    ) -> None:
        super().__init__()
        self.watch_story = watch
        self.watcher: StoryWatcher | None = None
        self.record_to = record
        self.speedrun_category = speedrun
        self.replay = replay
        self.replay_speed = replay_speed
        self.recorder: Recorder | None = None
        self.tracker: SpeedrunTracker | None = None
        self.story_dir = story_dir
        self.seed = seed
        self.animate_text = animate and "NO_COLOR" not in os.environ
        self.blink = blink
        self.story: Story | None = None
        self.loading_message = "Loading the story..."
        self.session: Session | None = None
        self.settings = Settings()
        self._opening: list[Event] = []

    # -- start-up ---------------------------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.settings, problem = load_settings()
        if problem:
            self.notify(problem, severity="warning", timeout=8)
        with contextlib.suppress(Exception):
            self.theme = self.settings.theme
        self.call_after_refresh(lambda: self.run_worker(self._load_story, thread=True, exclusive=True, group="story"))
        self._fit_to(self.size.width, self.size.height)
        self._install_signal_handlers()

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
        """While the terminal is too small, no key may open a screen above the notice: it could not be laid out."""
        return not isinstance(self.screen, TooSmall)

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
        from game.authoring.watch import StoryWatcher

        self.story = story
        self.loading_message = message
        if isinstance(self.screen, TitleScreen):
            self.screen.show_note()
        if story is None:
            return
        if self.watch_story and self.watcher is None:
            self.watcher = StoryWatcher(Path(story.root))
            self.set_interval(1.0, self.check_for_edits)
        if self.replay is not None:
            self.watch_replay(self.replay)
        elif self.speedrun_category is not None:
            self.start_speedrun(self.speedrun_category)

    def check_for_edits(self) -> None:
        """With --watch: an edited story is reloaded and the player kept in place; a broken edit is only reported."""
        from game.authoring.watch import reload_story
        from game.story.loader import load_story
        from game.tui.game_screen import GameScreen

        if self.watcher is None or not self.watcher.changed():
            return
        state = self.session.state if self.session else None
        if state is None:
            reloaded_story, _ = load_story(self.watcher.root)
            if reloaded_story is None:
                self.notify("The story has errors; see `ruby-sparks check`.", severity="error", timeout=10)
            else:
                self.story = reloaded_story
                self.notify("The story was reloaded.")
            return
        reloaded = reload_story(self.watcher.root, state)
        if reloaded.story is None or reloaded.state is None or self.session is None:
            self.notify(reloaded.message, severity="error", timeout=15)
            return
        self.story = self.session.story = reloaded.story
        if self.recorder is not None:
            self.recorder.stop("the story was edited")
        events = self.session.replace(reloaded.state)
        if isinstance(self.screen, GameScreen):
            self.screen.redraw_from(events)
        self.notify(reloaded.message)

    def _install_signal_handlers(self) -> None:
        """SIGTERM and SIGHUP (a closed terminal) save the player's place before the app goes."""
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError, AttributeError):
            loop = asyncio.get_running_loop()
            for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
                loop.add_signal_handler(number, self._signalled)

    def _signalled(self) -> None:
        self.autosave()
        self.exit()

    # -- the game ---------------------------------------------------------------------------------------------------

    def story_or_raise(self) -> Story:
        assert self.story is not None, "screens that play are only opened once the story has loaded"
        return self.story

    def opening_events(self) -> list[Event]:
        events, self._opening = self._opening, []
        return events

    def start_session(self, session: Session, events: list[Event], screen: Screen[None] | None = None) -> None:
        from game.tui.game_screen import GameScreen

        self.session = session
        self._opening = events
        self.switch_to_game(screen or GameScreen())

    def start_recording(self, seed: int, category: str | None) -> None:
        """Every game is recorded (a finished one becomes a replay); a speed-run also runs the clock and splits."""
        from game.replay.recorder import Recorder
        from game.speedrun.tracker import SpeedrunTracker

        assert self.story is not None
        self.recorder = Recorder(self.story, seed, category or "any%", self.record_to)
        self.tracker = SpeedrunTracker(self.recorder) if category else None

    def record(self, action: Input | str) -> None:
        from game.speedrun.tracker import record_input

        lines, saved = record_input(self.recorder, self.tracker, action)
        for line in lines:
            self.notify(line.text, title="Gold split" if line.gold else "Split", timeout=6)
        if saved is not None:
            self.notify(f"Replay saved to {saved}", timeout=6)

    def start_speedrun(self, category: str) -> None:
        from game.engine.session import Session
        from game.replay.run import category_available

        if self.story is None:
            return
        if not category_available(self.story, category):
            self.notify(f"This story has no ending for {category}.", severity="warning")
            return
        self.seed += 1
        session, events = Session.start(self.story, self.seed)
        self.start_recording(self.seed, category)
        self.start_session(session, events)

    def watch_replay(self, replay: Replay) -> None:
        from game.engine.session import Session
        from game.tui.replay_screen import ReplayScreen

        assert self.story is not None
        self.session = Session.start(self.story, replay.seed)[0]
        self.switch_to_game(ReplayScreen(replay, self.replay_speed))

    def switch_to_game(self, screen: Screen[None]) -> None:
        self._pop_to_title()
        self.push_screen(screen)
        self._fit_to(self.size.width, self.size.height)

    def apply(self, action: Input) -> list[Event]:
        from game.engine import Rejected

        assert self.session is not None
        events = self.session.apply(action)
        if not any(isinstance(e, Rejected) for e in events):
            self.record(action)
        self.after_step(events)
        return events

    def draft_notes(self, text: str) -> tuple[MarginNote, ...]:
        """How each finished sentence of the page in the typewriter will be read: the margin beside the paper."""
        from game.engine.feedback import draft_notes

        if self.story is None or self.session is None:
            return ()
        return draft_notes(self.story, self.story.scenes.get(self.session.state.scene), text)

    def after_step(self, events: list[Event]) -> None:
        from game.engine import EndingReached, SceneShown
        from game.persistence.endings_seen import remember_ending

        if self.story is None or self.session is None:
            return
        for event in events:
            if isinstance(event, EndingReached):
                with contextlib.suppress(OSError):
                    remember_ending(self.story.id, event.ending_id)
        if any(isinstance(e, (SceneShown, EndingReached)) for e in events):
            self.autosave()

    def undo(self) -> list[Event] | None:
        if self.tracker is not None:
            self.notify("There is no undo in a speed-run.", severity="warning")
            return None
        events = self.session.undo() if self.session else None
        if events is None:
            self.notify("Nothing to undo.")
        else:
            self.record("undo")
        return events

    def autosave(self) -> None:
        from game.persistence.saves import SaveError, autosave

        if self.story is not None and self.session is not None:
            with contextlib.suppress(OSError, SaveError):
                autosave(self.story, self.session.state)

    def begin_again(self) -> None:
        """After an ending: in an unfinished speed-run (film%, all-endings) a restart within the run, else a new game."""
        if self.tracker is not None and self.session is not None and not self.tracker.recorder.run.finished:
            run = self.tracker.recorder.run
            events = self.session.restart(run.seed + run.games + 1)
            self.record("restart")
            self.start_session(self.session, events)
            return
        self.new_game()

    def new_game(self) -> None:
        from game.engine.session import Session

        if self.story is None:
            return
        self.seed += 1
        session, events = Session.start(self.story, self.seed)
        self.tracker = None
        self.start_recording(self.seed, None)
        self.start_session(session, events)

    def reveal_speed(self) -> float:
        if not self.animate_text or self.tracker is not None:
            return 0.0
        return TEXT_SPEEDS.get(self.settings.text_speed, 0.0)

    def timer_text(self) -> str:
        return f"⏱ {self.tracker.clock_text()}" if self.tracker is not None else ""

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

        self.push_screen(CategoryScreen(), chosen)

    def load_slot(self, name: str | None) -> None:
        self._unless_a_page_is_lost("Load a saved game and lose it?", lambda: self._load_slot_now(name))

    def _load_slot_now(self, name: str | None) -> None:
        from game.engine import describe
        from game.engine.session import Session
        from game.persistence.saves import SaveError, load_game, newest_loadable

        if self.story is None:
            return
        if name is None:
            name = newest_loadable(self.story)
            if name is None:
                self.notify("There is no saved game to continue: start a new one.")
                return
        try:
            state = load_game(name, self.story)
        except SaveError as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        if self.recorder is not None:
            self.recorder.stop("a saved game was loaded")
        self.tracker = None
        if self.session is None:
            session = Session(self.story, state)
            self.start_session(session, describe(self.story, state))
        else:
            self.start_session(self.session, self.session.replace(state))
        self.notify(f"Loaded `{name}`.")

    def save_slot(self, name: str) -> None:
        from game.persistence.saves import SaveError, save_game

        if self.story is None or self.session is None:
            self.notify("There is no game to save yet.")
            return
        try:
            save_game(name, self.story, self.session.state)
        except (SaveError, OSError) as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self.notify(f"Saved as `{name}`.")

    def action_slots(self, mode: str) -> None:
        from game.persistence.saves import list_saves
        from game.tui.slots_screen import SlotsScreen

        if self.story is None:
            return
        if mode == "save" and self.session is None:
            self.notify("There is no game to save yet.")
            return

        def done(name: str | None) -> None:
            if name:
                (self.save_slot if mode == "save" else self.load_slot)(name)

        self.push_screen(SlotsScreen(mode, list_saves(self.story)), done)

    def action_quick_save(self) -> None:
        from game.persistence.saves import QUICKSAVE

        self.save_slot(QUICKSAVE)

    def action_quick_load(self) -> None:
        from game.persistence.saves import QUICKSAVE

        self.load_slot(QUICKSAVE)

    def action_history(self) -> None:
        from game.tui.history_screen import HistoryScreen

        if self.story is not None and self.session is not None:
            self.push_screen(HistoryScreen(self.story.title, self.session.state, self.story.id))

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
        self.autosave()
        self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("New game", "Start the story from the beginning", lambda: self.action_menu("new"))
        yield SystemCommand("Continue", "Resume the newest save", lambda: self.action_menu("continue"))
        yield SystemCommand("Save", "Save to a named slot", lambda: self.action_slots("save"))
        yield SystemCommand("Load", "Load a saved game", lambda: self.action_slots("load"))
        yield SystemCommand("Quick save", "Save to the quick-save slot (F5)", self.action_quick_save)
        yield SystemCommand("Quick load", "Load the quick-save slot (F9)", self.action_quick_load)
        yield SystemCommand("Undo", "Take back the last choice or page (F3)", self.action_undo)
        yield SystemCommand("History", "The story so far (F4)", self.action_history)
        yield SystemCommand("Endings", "The endings gallery", self.action_endings)
        yield SystemCommand("Settings", "Text speed and theme", self.action_settings)
        yield SystemCommand("Help", "Every key", self.action_help)
