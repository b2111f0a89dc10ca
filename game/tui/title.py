"""The title screen: the art, the content note, and the way into everything else."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.paths import assets_dir

MENU = (
    ("new", "New game", "n"),
    ("continue", "Continue", "c"),
    ("load", "Load", "l"),
    ("speedrun", "Speed-run", "r"),
    ("endings", "Endings", "e"),
    ("settings", "Settings", "s"),
    ("help", "Help", "f1,question_mark"),
    ("quit", "Quit", "q"),
)


def title_art() -> str:
    try:
        return (assets_dir() / "title.txt").read_text(encoding="utf-8").rstrip()
    except OSError:
        return "RUBY SPARKS"


def menu_line(label: str, keys: str) -> Text:
    """An item with its key at the right."""
    key = keys.split(",")[0]
    return Text.assemble(label.ljust(22), (key.upper() if len(key) > 1 else key, "bold"))


class TitleScreen(Screen[None]):
    """Says what was picked (`Picked`, up to the app) and shows the note the app sets (`note`, down from it)."""

    # the menu names every item's key; the footer only Help's (and the app's Quit), which fit at any width
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(keys, f"pick('{item}')", label, show=item == "help") for item, label, keys in MENU
    ]
    # the full art wants 62 columns and, with the menu under it, 20 rows; below that a one-line title stands in
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [(0, "-narrow"), (62, "-wide")]  # noqa: RUF012  # Textual types it so
    VERTICAL_BREAKPOINTS: list[tuple[int, str]] | None = [(0, "-short"), (20, "-tall")]  # noqa: RUF012  # Textual types it so

    note: reactive[str] = reactive("", init=False)
    """Under the menu: the story's content note, or why it is not loaded yet (or could not be)."""

    class Picked(Message):
        """A menu item was picked, by its key or in the list."""

        def __init__(self, item: str) -> None:
            super().__init__()
            self.item = item

    def __init__(self, note: str = "") -> None:
        super().__init__()
        self.set_reactive(TitleScreen.note, note)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="title-page"):
            yield Center(Static(title_art(), id="art"))
            yield Center(Static("R U B Y   S P A R K S", id="wordmark"))
            yield Center(Static("a game of typing pages", id="tagline"))
            yield Center(OptionList(*[Option(menu_line(label, keys), id=item) for item, label, keys in MENU], id="menu"))
            yield Static(id="note", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#menu", OptionList).focus()
        self.watch_note(self.note)

    def watch_note(self, note: str) -> None:
        self.query_one("#note", Static).update(note)

    @on(OptionList.OptionSelected, "#menu")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_pick(event.option.id or "")

    def action_pick(self, item: str) -> None:
        self.post_message(self.Picked(item))
