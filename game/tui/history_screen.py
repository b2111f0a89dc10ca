"""The story so far: the whole transcript (each passage, what was chosen or the whole page written, how the page was
read, what it led to), opening at the latest moment, exportable as Markdown, and a way back to an earlier moment.

Going back (Ren'Py's rollback) is the controller's rule: this screen only asks first, and says what it would take back.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, ListItem, ListView, Static

from game.engine.state import HistoryEntry, State
from game.paths import user_data_dir
from game.persistence.atomic import unused_path, write_atomic
from game.tui.widgets import scroll_by_page

Part = Literal["heading", "prose", "chose", "wrote", "page", "read", "reading", "after"]
STYLES: dict[Part, str] = {
    "heading": "bold underline",
    "prose": "",
    "chose": "bold",
    "wrote": "bold",
    "page": "italic",
    "read": "bold",
    "reading": "",
    "after": "italic",
}


def moment_parts(entry: HistoryEntry) -> Iterator[tuple[Part, str]]:
    """One moment of the transcript, in order, for the screen and for Markdown alike."""
    yield "heading", entry.title or entry.scene
    for paragraph in entry.paragraphs:
        yield "prose", paragraph
    if entry.page or entry.reading:
        yield "wrote", "You wrote:"
        for line in entry.page.splitlines() or [""]:
            yield "page", line
        yield "read", "How it was read:"
        for line in entry.reading:
            yield "reading", line
    elif entry.action:
        yield "chose", entry.action
    for paragraph in entry.after:
        yield "after", paragraph


def moment_text(entry: HistoryEntry) -> Text:
    text = Text()
    for number, (part, line) in enumerate(moment_parts(entry)):
        if number:
            text.append("\n" if part in ("page", "reading") else "\n\n")
        text.append(f"{PREFIX.get(part, '')}{line}", style=STYLES[part])
    return text


PREFIX: dict[Part, str] = {"chose": "› ", "page": "  ", "reading": "  "}
MARKDOWN: dict[Part, str] = {
    "heading": "## {}",
    "prose": "{}",
    "chose": "> {}",
    "wrote": "**{}**",
    "page": "> {}",
    "read": "**{}**",
    "reading": "- {}",
    "after": "_{}_",
}


def history_markdown(title: str, state: State) -> str:
    """The same transcript as the screen shows; a page's lines stay one quotation, a reading's one list."""
    blocks: list[str] = [f"# {title}: the story so far"]
    previous: Part | None = None
    for entry in state.history:
        for part, line in moment_parts(entry):
            text = MARKDOWN[part].format(line).rstrip()
            if part == previous and part in ("page", "reading"):
                blocks[-1] += f"\n{text}"
            else:
                blocks.append(text)
            previous = part
    return "\n\n".join(blocks) + "\n"


def export_history(title: str, state: State, story_id: str) -> Path:
    path = unused_path(user_data_dir() / "exports" / f"{story_id}-history-{time.strftime('%Y%m%d-%H%M%S')}.md")
    write_atomic(path, history_markdown(title, state).encode("utf-8"))
    return path


class Moment(ListItem):
    def __init__(self, index: int, entry: HistoryEntry, here: bool) -> None:
        super().__init__(Static(moment_text(entry)), classes="here" if here else "")
        self.index = index
        self.moment_title = entry.title or entry.scene


class HistoryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f4", "app.leave_screen", "Back"),
        Binding("x", "export", "Export Markdown"),
        Binding("enter", "go_back", "Go back here", priority=True),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]

    class GoBack(Message):
        """The player asked to go back to a moment (and said yes when it takes back choices and pages)."""

        def __init__(self, moment: int) -> None:
            super().__init__()
            self.moment = moment

    def __init__(self, title: str, state: State, story_id: str, points: dict[int, int]) -> None:
        """`points`: the moments one may go back to, each with how many inputs going back takes back."""
        super().__init__()
        self.story_title = title
        self.state = state
        self.story_id = story_id
        self.points = points

    def compose(self) -> ComposeResult:
        last = len(self.state.history) - 1
        moments = [Moment(index, entry, index == last) for index, entry in enumerate(self.state.history)]
        yield Static("The story so far: ↑↓ a moment, Enter to go back to it, x to export", id="history-help")
        yield ListView(*moments, initial_index=last if moments else None, id="history")
        yield Footer()

    def on_mount(self) -> None:
        history = self.query_one("#history", ListView)
        history.focus()
        self.call_after_refresh(history.scroll_end, animate=False)  # it opens at the latest moment

    @on(ListView.Highlighted)
    def moved(self) -> None:
        self.refresh_bindings()

    def highlighted(self) -> Moment | None:
        item = self.query_one("#history", ListView).highlighted_child
        return item if isinstance(item, Moment) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer offers going back only from a moment one can go back to."""
        if action == "go_back":
            moment = self.highlighted()
            return moment is not None and moment.index in self.points
        return True

    def action_page(self, direction: int) -> None:
        """PageDown and PageUp read on through a long moment, rather than skipping whole moments."""
        scroll_by_page(self.query_one("#history", ListView), direction)

    @on(ListView.Selected)
    def selected(self) -> None:
        self.action_go_back()

    def action_go_back(self) -> None:
        from game.tui.confirm import Confirm

        moment = self.highlighted()
        if moment is None:
            return
        if moment.index == len(self.state.history) - 1:
            self.notify("You are here.")
            return
        steps = self.points.get(moment.index)
        if steps is None:  # the controller refuses, and says why (a speed-run, a moment out of reach)
            self.post_message(self.GoBack(moment.index))
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.post_message(self.GoBack(moment.index))

        taken = "the last choice or page" if steps == 1 else f"the last {steps} choices and pages"
        self.app.push_screen(Confirm(f"Go back to “{moment.moment_title}”? This takes back {taken}."), answered)

    def action_export(self) -> None:
        try:
            path = export_history(self.story_title, self.state, self.story_id)
        except OSError as error:
            self.notify(f"Could not export: {error.strerror or error}", severity="error")
            return
        self.notify(f"Exported to {path}")
