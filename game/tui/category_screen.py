"""Choosing what to race: the categories the story's manifest defines (any%, film%, all-endings in the shipped one)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.story.model import Category


class CategoryScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Back")]

    def __init__(self, categories: tuple[Category, ...]) -> None:
        super().__init__()
        self.categories = categories

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Speed-run: the clock starts at your first input. Text appears at once; there is no undo.")
            options = [
                # the story's own words, never read as markup
                Option(Text(f"{category.name}: {category.description}" if category.description else category.name))
                for category in self.categories
            ]
            yield OptionList(*options, id="categories")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if self.is_current:
            self.dismiss(self.categories[event.option_index].name)

    def action_cancel(self) -> None:
        if self.is_current:
            self.dismiss(None)
