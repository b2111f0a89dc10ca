"""What the player asks for, and where it leads: the menu, the keys, the command palette, and the screens they open.

Each request goes to the game controller (through `GameControl`) and its answer to a screen: a story screen for a game
begun or jumped, a notification for a notice. The app's own life (start-up, size, signals) is `RubySparksApp`'s, in
app.py, which builds on this class.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, assert_never

from textual.app import App, InvalidThemeError, SystemCommand
from textual.screen import Screen

from game.persistence.settings import TEXT_SPEEDS, Settings, save_settings
from game.printable import shown_safely
from game.tui import screens
from game.tui.game_control import GameControl
from game.tui.too_small import TooSmall, too_small

if TYPE_CHECKING:
    from game.controller import Notice, Response
    from game.tui.history_screen import HistoryScreen
    from game.tui.title import TitleScreen


def quoted(text: str) -> str:
    """ "Saved as `quicksave`." as the screen should show it: plain mode marks names with backticks, which a player
    reading a notification would see as stray marks, so here they become quotation marks."""
    return re.sub(r"`([^`]*)`", "“\\1”", text)


class PlayerActions(App[None]):
    """The app's requests and their answers; `RubySparksApp` sets the attributes below when it starts."""

    control: GameControl | None
    """The game, once the story has loaded."""
    blink: bool
    loading_message: str
    settings: Settings

    # -- notices ----------------------------------------------------------------------------------------------------

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

    # -- games ------------------------------------------------------------------------------------------------------

    def _control(self) -> GameControl | None:
        """The game to ask, or None (with a word to the player) while the story has not loaded."""
        if self.control is None:
            self.notify(self.loading_message or "The story is still loading.", severity="warning")
        return self.control

    def start_game(self, response: Response) -> None:
        """Show a game that has just begun (or jumped: a load, a restart) on a fresh story screen."""
        if self.control is not None:
            self.switch_to_game(screens.story_screen(self.control, self.control.shown(response), self.blink))

    def switch_to_game(self, screen: Screen[None]) -> None:
        self._pop_to_title()
        self.push_screen(screen)
        self._fit_to(self.size.width, self.size.height)

    def _started_or_shown(self, control: GameControl, response: Response) -> None:
        if response.jumped:
            self.start_game(response)
        else:
            control.shown(response)

    def new_game(self) -> None:
        if (control := self._control()) is not None:
            self.start_game(control.game().new_game())

    def start_speedrun(self, category: str) -> None:
        if (control := self._control()) is not None:
            self._started_or_shown(control, control.game().new_game(category))

    def on_game_screen_begin_again(self) -> None:
        """After an ending: in an unfinished speed-run (film%, all-endings) a restart within the run, else a new game."""
        if (control := self._control()) is not None:
            self.start_game(control.game().begin_again())

    def on_game_screen_to_title(self) -> None:
        self.action_to_title()

    def on_history_screen_go_back(self, message: HistoryScreen.GoBack) -> None:
        """Go back to a moment picked in the history (the history screen has asked first); the controller may refuse
        (a speed-run), and says why."""
        if (control := self._control()) is None:
            return
        response = control.game().rollback(message.moment)
        if not response.jumped:
            control.shown(response)
            return
        stories = screens.story_screens(self.screen_stack)
        if not stories:  # the history was opened from the title, after the game was left
            self.start_game(response)
            return
        while self.screen is not stories[-1]:
            self.pop_screen()
        stories[-1].redraw_from(control.shown(response))

    def load_slot(self, name: str | None) -> None:
        self._unless_a_page_is_lost("Load a saved game and lose it?", lambda: self._load_slot_now(name))

    def _load_slot_now(self, name: str | None) -> None:
        if (control := self._control()) is None:
            return
        game = control.game()
        response = game.load(name)
        if response.earlier is None:
            self._started_or_shown(control, response)
            return
        slot, scene = response.earlier

        def answered(yes: bool | None) -> None:
            """A save whose scene the story no longer has: go on from the nearest earlier scene, if the player wants."""
            self._started_or_shown(control, game.load(slot, earlier=True) if yes else response)

        self.push_screen(screens.confirm(f"{response.notices[0].text}\n\nGo on from `{scene}`?"), answered)

    def save_slot(self, name: str) -> None:
        if self.control is None or not self.control.has_game:
            self.notify("There is no game to save yet.")
            return
        self.show_notice(self.control.game().save(name))

    def delete_slot(self, name: str) -> None:
        if (control := self._control()) is not None:
            self.show_notice(control.game().delete(name))

    def _fit_to(self, width: int, height: int) -> None:
        """Cover every screen with `TooSmall` while the terminal is too small for them, and take it away after."""
        covered = isinstance(self.screen, TooSmall)
        if too_small(width, height) and not covered:
            self.push_screen(TooSmall())
        elif covered and not too_small(width, height):
            self.pop_screen()

    # -- the menu, the keys and the palette ----------------------------------------------------------------------------

    def on_title_screen_picked(self, message: TitleScreen.Picked) -> None:
        match message.item:
            case "new":
                self.new_game()
            case "continue":
                self.load_slot(None)
            case "load":
                self.action_slots("load")
            case "speedrun":
                self.choose_category()
            case "endings":
                self.action_endings()
            case "settings":
                self.action_settings()
            case "help":
                self.action_help()
            case "quit":
                self.action_quit_game()

    def choose_category(self) -> None:
        def chosen(category: str | None) -> None:
            if category:
                self.start_speedrun(category)

        if (control := self._control()) is not None:
            self.push_screen(screens.categories(control.story.categories), chosen)

    def action_slots(self, mode: str) -> None:
        if (control := self._control()) is None:
            return
        game = control.game()
        if mode == "save" and game.state is None:
            self.notify("There is no game to save yet.")
            return

        def done(name: str | None) -> None:
            if name:
                (self.save_slot if mode == "save" else self.load_slot)(name)

        self.push_screen(screens.slots(mode, game, self.delete_slot), done)

    def action_quick_save(self) -> None:
        from game.persistence.saves import QUICKSAVE

        self.save_slot(QUICKSAVE)

    def action_quick_load(self) -> None:
        from game.persistence.saves import QUICKSAVE

        self.load_slot(QUICKSAVE)

    def action_history(self) -> None:
        if self.control is not None and self.control.has_game:
            self.push_screen(screens.history(self.control.story, self.control.game()))

    def action_portrait(self) -> None:
        if self.control is not None and self.control.has_game:
            self.push_screen(screens.ruby(self.control.game().portrait()))

    def action_endings(self) -> None:
        if (control := self._control()) is not None:
            self.push_screen(screens.endings(control.story))

    def action_settings(self) -> None:
        self.push_screen(screens.settings(self.settings, list(self.available_themes), self.update_settings))

    def update_settings(self, settings: Settings) -> None:
        self.settings = settings
        if self.control is not None:
            self.control.text_speed = TEXT_SPEEDS.get(settings.text_speed, 0.0)
        self._use_theme(settings.theme)
        try:
            save_settings(settings)
        except OSError as error:
            self.notify(f"Could not save the settings: {error.strerror or error}", severity="error")

    def _use_theme(self, theme: str) -> None:
        """A settings file may name a theme this version does not have (an older one's, or edited by hand): the
        theme in use stays."""
        with contextlib.suppress(InvalidThemeError):
            self.theme = theme

    def action_help(self) -> None:
        self.push_screen(screens.help_screen(self.control.loaded if self.control is not None else None))

    def action_to_title(self) -> None:
        self._unless_a_page_is_lost("Leave it and lose it?", self._pop_to_title)

    def _pop_to_title(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_leave_screen(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()

    def action_undo(self) -> None:
        for screen in screens.story_screens([self.screen]):
            screen.action_undo()

    def action_quit_game(self) -> None:
        self._unless_a_page_is_lost("Quit and lose it?", self.exit)

    def _unless_a_page_is_lost(self, question: str, go_on: Callable[[], object]) -> None:
        """`go_on` at once, or only after a yes when it would throw away a page typed but not pulled out (quitting,
        leaving for the title, loading a save)."""
        stories = screens.story_screens(self.screen_stack)
        if not (stories and stories[-1].unsaved_page):
            go_on()
            return

        def answered(anyway: bool | None) -> None:
            if anyway:
                go_on()

        self.push_screen(screens.confirm(f"The page in the typewriter has not been pulled out. {question}"), answered)

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
        yield SystemCommand("New game", "Start the story from the beginning", self.new_game)
        yield SystemCommand("Continue", "Resume the newest save", lambda: self.load_slot(None))
        yield SystemCommand("Save", "Save to a named slot", lambda: self.action_slots("save"))
        yield SystemCommand("Load", "Load a saved game", lambda: self.action_slots("load"))
        yield SystemCommand("Quick save", "Save to the quick-save slot (F5)", self.action_quick_save)
        yield SystemCommand("Quick load", "Load the quick-save slot (F9)", self.action_quick_load)
        yield SystemCommand("Undo", "Take back the last choice or page (F3)", self.action_undo)
        yield SystemCommand("History", "The story so far, and going back to a moment of it (F4)", self.action_history)
        subject = self.control.story.subject_name if self.control is not None else "Ruby"
        yield SystemCommand(subject, f"{subject} as you have written her (F12 or Ctrl+R)", self.action_portrait)
        yield SystemCommand("Endings", "The endings gallery", self.action_endings)
        yield SystemCommand("Settings", "Text speed and theme", self.action_settings)
        yield SystemCommand("Help", "Every key", self.action_help)
