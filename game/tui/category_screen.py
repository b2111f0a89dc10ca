"""Choosing what to race: any ending, the film's ending, or every ending in one run."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

CATEGORY_HELP = (
    ("any%", "any%: reach any ending"),
    ("film%", "film%: reach the film's own ending"),
    ("all-endings", "all-endings: reach every ending in one run"),
)


class CategoryScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Back")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Speed-run: the clock starts at your first input. Text appears at once; there is no undo.")
            yield OptionList(*[Option(text, id=category) for category, text in CATEGORY_HELP], id="categories")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if self.is_current:
            self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        if self.is_current:
            self.dismiss(None)
