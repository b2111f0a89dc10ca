"""Save and load slots. Damaged or foreign saves are listed with the reason, never removed or overwritten."""

from __future__ import annotations

import time
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from game.persistence.saves import SlotInfo


def slot_label(slot: SlotInfo) -> str:
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(slot.saved_at)) if slot.saved_at else "?"
    detail = f"cannot be loaded: {slot.problem}" if slot.problem else slot.scene_title
    return f"{slot.name}  ({when})  {detail}"


class SlotsScreen(Screen[str | None]):
    """Dismisses with the chosen slot name (to save into, or to load), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Back")]

    def __init__(self, mode: str, slots: list[SlotInfo]) -> None:
        super().__init__()
        self.mode = mode
        self.slots = slots

    def compose(self) -> ComposeResult:
        with Vertical(id="slots"):
            yield Static("Save the game" if self.mode == "save" else "Load a saved game", id="slots-title")
            if self.mode == "save":
                yield Input(placeholder="a name for a new save, then Enter", id="slot-name", max_length=40)
            options = [Option(slot_label(s), id=s.name, disabled=self.mode == "load" and bool(s.problem)) for s in self.slots]
            if not options:
                yield Static("There are no saves yet.", id="no-saves")
            yield OptionList(*options, id="slot-list", markup=False)  # a save's scene title is anyone's text
        yield Footer()

    def on_mount(self) -> None:
        name = self.query("#slot-name")
        if name:
            name.first(Input).cursor_blink = False
            name.first(Input).focus()
        else:
            self.query_one("#slot-list", OptionList).focus()

    @on(Input.Submitted, "#slot-name")
    def named(self, event: Input.Submitted) -> None:
        if event.value.strip() and self.is_current:
            self.dismiss(event.value.strip())

    @on(OptionList.OptionSelected, "#slot-list")
    def picked(self, event: OptionList.OptionSelected) -> None:
        if self.is_current:
            self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        if self.is_current:
            self.dismiss(None)
