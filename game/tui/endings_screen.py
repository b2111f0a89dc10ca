"""The endings gallery's screen: it lays out `gallery_lines`, which plain mode's `endings` prints too."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.persistence.endings_seen import gallery_lines
from game.story.model import Story


class EndingsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "app.leave_screen", "Back")]

    def __init__(self, story: Story, seen: set[str]) -> None:
        super().__init__()
        self.story = story
        self.seen = seen

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("\n".join(gallery_lines(self.story, self.seen)), id="gallery", markup=False)
        yield Footer()
