"""The endings gallery: the ones reached, by name; the others hidden, with the story's hint for each once the player
has found a first ending (before that, a hint would only be noise), and never their ids."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.story.model import Story


def gallery_lines(story: Story, seen: set[str]) -> list[str]:
    found = seen & set(story.endings)
    lines = [f"Endings found: {len(found)} of {len(story.endings)}", ""]
    for number, ending in enumerate(story.endings.values(), 1):
        if ending.id in seen:
            lines.append(f"{number}. {ending.title}")
        elif found and ending.hint:
            lines.append(f"{number}. ? ? ?  Hint: {ending.hint}")
        else:
            lines.append(f"{number}. ? ? ?  (not found yet)")
    if not found and any(ending.hint for ending in story.endings.values()):
        lines += ["", "Find a first ending, and the others will have hints."]
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
