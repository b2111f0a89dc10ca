"""Save and load slots, each with a summary: where it is, how long it has been played, how she seemed, and the first
words of the last page. Saving over a slot and deleting one ask first. Damaged or foreign saves are listed with the
reason; loading never removes or overwrites them (the player may delete one)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from game.persistence.saves import SlotInfo


def played_text(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 1:
        return "under a minute played"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min played" if hours else f"{minutes} min played"


def slot_label(slot: SlotInfo) -> Text:
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(slot.saved_at)) if slot.saved_at else "?"
    label = Text()
    label.append(slot.name, style="bold")
    label.append(f"  {when}")
    if slot.problem:
        label.append(f"\n  cannot be loaded: {slot.problem}", style="italic")
        return label
    summary = slot.summary
    if summary.played:
        label.append(f" · {played_text(summary.played)}")
    place = " · ".join(part for part in (summary.act, summary.scene or slot.scene_title) if part)
    if place:
        label.append(f"\n  {place}")
    if summary.seems:
        label.append(f"\n  {summary.seems}", style="italic")
    if summary.page:
        label.append(f"\n  Last page: “{summary.page}”")
    return label


class SlotsScreen(Screen[str | None]):
    """Dismisses with the chosen slot name (to save into, or to load), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back"),
        Binding("d,delete", "delete", "Delete"),
    ]

    def __init__(self, mode: str, slots: Callable[[], list[SlotInfo]], delete: Callable[[str], None]) -> None:
        """`slots` lists the saves (again after a deletion); `delete` removes one (the app asks the controller)."""
        super().__init__()
        self.mode = mode
        self.list_slots = slots
        self.delete_slot = delete
        self.slots = slots()

    def compose(self) -> ComposeResult:
        with Vertical(id="slots"):
            yield Static("Save the game" if self.mode == "save" else "Load a saved game", id="slots-title")
            if self.mode == "save":
                yield Input(placeholder="a name for a new save, then Enter", id="slot-name", max_length=40)
            yield Static("There are no saves yet.", id="no-saves")
            yield OptionList(id="slot-list", markup=False)  # a save's scene title is anyone's text
        yield Footer()

    def on_mount(self) -> None:
        self.fill()
        name = self.query("#slot-name")
        if name:
            name.first(Input).cursor_blink = False
            name.first(Input).focus()
        else:
            self.query_one("#slot-list", OptionList).focus()

    def fill(self) -> None:
        options = self.query_one("#slot-list", OptionList)
        options.clear_options()
        for number, slot in enumerate(self.slots):
            if number:
                options.add_option(None)  # a rule between slots, which take several lines each
            options.add_option(Option(slot_label(slot), id=slot.name, disabled=self.mode == "load" and bool(slot.problem)))
        options.display = bool(self.slots)
        if self.slots:
            options.action_first()
        self.query_one("#no-saves").display = not self.slots
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Delete is offered while the list of slots has the keys (in the name field, `d` is a letter)."""
        if action == "delete":
            options = self.query_one("#slot-list", OptionList)
            return options.has_focus and options.highlighted is not None
        return True

    @on(OptionList.OptionHighlighted)
    @on(OptionList.OptionSelected)
    def moved(self) -> None:
        self.refresh_bindings()

    @on(Input.Submitted, "#slot-name")
    def named(self, event: Input.Submitted) -> None:
        if event.value.strip() and self.is_current:
            self.choose(event.value.strip())

    @on(OptionList.OptionSelected, "#slot-list")
    def picked(self, event: OptionList.OptionSelected) -> None:
        if self.is_current and event.option.id:
            self.choose(event.option.id)

    def choose(self, name: str) -> None:
        """Loading takes the slot at once; saving over a slot that holds a game asks first."""
        from game.tui.confirm import Confirm

        if self.mode != "save" or name not in {slot.name for slot in self.slots}:
            self.dismiss(name)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(name)

        self.app.push_screen(Confirm(f"Save over “{name}”? The game saved there is lost."), answered)

    def action_delete(self) -> None:
        from game.tui.confirm import Confirm

        options = self.query_one("#slot-list", OptionList)
        if options.highlighted is None:
            return
        name = options.get_option_at_index(options.highlighted).id or ""

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete_slot(name)
                self.slots = self.list_slots()
                self.fill()

        self.app.push_screen(Confirm(f"Delete the save “{name}”? It cannot be brought back."), answered)

    def action_cancel(self) -> None:
        if self.is_current:
            self.dismiss(None)
