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

from game.engine.portrait import Portrait


def portrait_text(portrait: Portrait) -> Text:
    text = Text()
    text.append(portrait.name, style="bold underline")
    text.append("\n\n")
    if portrait.seems:
        text.append("How she seems  ", style="bold")
        text.append(portrait.seems)
        text.append("\n")
    text.append("Your hold on her  ", style="bold")
    text.append(portrait.control)
    text.append("\n\nWhat is true of her\n", style="bold")
    if not portrait.traits:
        text.append("Nothing you have written about her has taken.\n", style="italic")
    for trait in portrait.traits:
        text.append(f"• {trait.said}\n")
        source = f"page {trait.page}: “{trait.sentence}”" if trait.page else "the story made it so, not a page"
        text.append(f"    {source}\n", style="italic")
    text.append(f"\nPages written ({len(portrait.pages)})\n", style="bold")
    if not portrait.pages:
        text.append("None yet.\n", style="italic")
    for page in portrait.pages:
        text.append(f"\nPage {page.number} · {page.scene_title}\n", style="bold")
        text.append(page.text.rstrip())
        text.append("\n")
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
