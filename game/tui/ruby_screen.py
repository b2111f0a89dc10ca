"""Ruby as the player has written her (ChoiceScript's stats screen is the model): how she seems, how much of her is
Calvin's writing, each thing true of her with the page and sentence that made it so, and the pages written so far.

Everything shown comes from `game.engine.portrait`: this screen only lays it out.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
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
    "trait": ("{}", ""),
    "source": ("{}", "italic"),
    "page": ("\n{}\n", "bold"),
    "text": ("{}\n", ""),
}
"""Each part of the sheet as this screen sets it: its text around the line, and its style."""
HANGING: dict[SheetPart, tuple[str, int]] = {"trait": ("•", 2), "source": ("", 4)}
"""The parts set apart from the margin, as a mark and an indent that their wrapped lines keep too."""


def portrait_text(portrait: Portrait) -> Group:
    parts: list[RenderableType] = []
    text = Text()
    for part, line in sheet(portrait):
        shape, style = LAYOUT[part]
        if part not in HANGING:
            text.append(shape.format(line), style=style)
            continue
        parts.append(_without_last_newline(text))  # each part of a group starts on a line of its own
        text = Text()
        mark, indent = HANGING[part]
        row = Table.grid()
        row.add_column(width=indent)
        row.add_column()
        row.add_row(mark, Text(shape.format(line), style=style))
        parts.append(row)
    parts.append(_without_last_newline(text))
    return Group(*(part for part in parts if not isinstance(part, Text) or part))


def _without_last_newline(text: Text) -> Text:
    if text.plain.endswith("\n"):
        text.right_crop(1)
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
