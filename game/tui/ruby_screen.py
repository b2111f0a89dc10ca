"""Ruby as the player has written her (ChoiceScript's stats screen is the model): how she seems, how much of her is
Calvin's writing, each thing true of her with the page and sentence that made it so, and the pages written so far.

Everything shown comes from `game.engine.portrait`: this screen only lays it out.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.engine.portrait import Portrait, SheetPart, sheet

LAYOUT: dict[SheetPart, tuple[str, str]] = {
    "name": ("{}\n\n", "bold underline"),
    "label": ("{}  ", "bold"),
    "value": ("{}\n", ""),
    "heading": ("\n{}\n", "bold"),
    "none": ("{}\n", "italic"),
    "trait": ("• {}\n", ""),
    "source": ("    {}\n", "italic"),
    "page": ("\n{}\n", "bold"),
    "text": ("{}\n", ""),
}
"""Each part of the sheet as this screen sets it: its text around the line, and its style."""


def portrait_text(portrait: Portrait) -> Text:
    text = Text()
    for part, line in sheet(portrait):
        shape, style = LAYOUT[part]
        text.append(shape.format(line), style=style)
    return text


class RubyScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f12,ctrl+r", "app.leave_screen", "Back")]

    def __init__(self, portrait: Portrait) -> None:
        super().__init__()
        self.portrait = portrait

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="portrait-page"):
            yield Static(portrait_text(self.portrait), id="portrait")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#portrait-page", VerticalScroll).focus()
