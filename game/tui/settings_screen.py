"""Settings: text speed and theme, saved as soon as they change."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, RadioButton, RadioSet, Static

from game.persistence.settings import TEXT_SPEEDS, Settings

THEMES = ("paper", "paper-dark", "textual-dark", "textual-light", "nord", "gruvbox", "monokai", "solarized-light")


class SettingsScreen(Screen[Settings]):
    """Dismisses with the settings as the player left them."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "done", "Back")]

    def __init__(self, settings: Settings, themes: list[str], on_change: Callable[[Settings], None]) -> None:
        super().__init__()
        self.settings = settings
        self.on_change = on_change
        self.themes = [t for t in THEMES if t in themes] or themes[:8]

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("Text speed")
            with RadioSet(id="speed"):
                for speed in TEXT_SPEEDS:
                    yield RadioButton(speed, value=speed == self.settings.text_speed, name=speed)
            yield Static("Theme")
            with RadioSet(id="theme"):
                for theme in self.themes:
                    yield RadioButton(theme, value=theme == self.settings.theme, name=theme)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#speed", RadioSet).focus()

    @on(RadioSet.Changed)
    def changed(self, event: RadioSet.Changed) -> None:
        name = event.pressed.name or ""
        if event.radio_set.id == "speed":
            self.settings = Settings(name, self.settings.theme)
        else:
            self.settings = Settings(self.settings.text_speed, name)
        self.on_change(self.settings)

    def action_done(self) -> None:
        if self.is_current:
            self.dismiss(self.settings)
