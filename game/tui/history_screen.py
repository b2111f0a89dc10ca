"""The story so far: every scene passed and what was chosen there, scrollable, and exportable as Markdown."""

from __future__ import annotations

import time
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown

from game.engine.state import State
from game.paths import user_data_dir
from game.persistence.atomic import write_atomic


def history_markdown(title: str, state: State) -> str:
    lines = [f"# {title}: the story so far", ""]
    for entry in state.history:
        lines += [f"## {entry.title or entry.scene}", ""]
        for paragraph in entry.paragraphs:
            lines += [paragraph, ""]
        if entry.action:
            lines += [f"> {entry.action}", ""]
    return "\n".join(lines)


def export_history(title: str, state: State, story_id: str) -> Path:
    path = user_data_dir() / "exports" / f"{story_id}-history-{time.strftime('%Y%m%d-%H%M%S')}.md"
    write_atomic(path, history_markdown(title, state).encode("utf-8"))
    return path


class HistoryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f4", "app.leave_screen", "Back"),
        Binding("x", "export", "Export Markdown"),
    ]

    def __init__(self, title: str, state: State, story_id: str) -> None:
        super().__init__()
        self.story_title = title
        self.state = state
        self.story_id = story_id

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="history"):
            yield Markdown(history_markdown(self.story_title, self.state))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#history", VerticalScroll).focus()

    def action_export(self) -> None:
        try:
            path = export_history(self.story_title, self.state, self.story_id)
        except OSError as error:
            self.notify(f"Could not export: {error.strerror or error}", severity="error")
            return
        self.notify(f"Exported to {path}")
