"""The endings gallery: the ones reached, by name; the others only as a count of what is left to find."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.story.model import Story


def gallery_lines(story: Story, seen: set[str]) -> list[str]:
    lines = [f"Endings found: {len(seen & set(story.endings))} of {len(story.endings)}", ""]
    for number, ending in enumerate(story.endings.values(), 1):
        lines.append(f"{number}. {ending.title}" if ending.id in seen else f"{number}. ? ? ?  (not found yet)")
    return lines


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
