"""Every key, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from game.credits import credits_text

if TYPE_CHECKING:
    from game.story.model import Story

KEYS = (
    ("F1", "this help, on the title and in the story"),
    ("Space, PageDown / PageUp", "read on (the choices come once the passage is read); ▼ says more is below"),
    ("1-9, arrows, Enter, mouse", "choose"),
    ("F2", "pull the page out of the typewriter"),
    ("F3", "undo the last choice or page"),
    ("F4", "the story so far (history)"),
    ("F12 / Ctrl+R", "Ruby as you have written her: what is true of her, and which page made it so"),
    ("F5 / F9", "quick save / quick load"),
    ("F6 / F7", "save to a slot / load a slot"),
    ("F8", "hide or show the splits (speed-runs, replays)"),
    ("Escape", "back (to the title from the story)"),
    ("Ctrl+P", "the command palette: every action by name"),
    ("Ctrl+Q", "quit (your place is saved)"),
    ("any key", "show the whole text at once while it is still appearing"),
    ("Enter (in history)", "go back to that moment (asks first; not in a speed-run)"),
    ("x (in history)", "export the story so far as Markdown"),
    ("d (in the save slots)", "delete a save (asks first)"),
)


class HelpScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f1", "app.leave_screen", "Back")]

    def __init__(self, story: Story | None = None) -> None:
        super().__init__()
        self.story = story
        """Whose credits come first (its title, author and people); None before a story has loaded."""

    def compose(self) -> ComposeResult:
        table = Table("Key", "What it does", title="Keys", expand=True)
        for key, meaning in KEYS:
            table.add_row(key, meaning)
        with VerticalScroll():
            yield Static(table)
            yield Static(
                "\nWhatever Calvin types about Ruby comes true. Write a page in plain English: "
                '"She speaks French." "She is never sad." After you pull the page out you see what took.'
            )
            yield Markdown(credits_text(self.story.own_credits() if self.story else ""), id="credits")
        yield Footer()
