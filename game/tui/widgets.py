"""The few widgets the game needs beyond Textual's own: revealing text, and a page that refuses to overflow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import events, on
from textual.timer import Timer
from textual.widgets import Static, TextArea

from game.tui.view import Paragraph
from game.typewriter.reading import MAX_PAGE_CHARS

STYLES = {"prose": "", "aside": "italic", "page": "bold", "heading": "bold underline", "problem": "bold red"}
TICK = 1 / 30


def render_paragraphs(paragraphs: list[Paragraph]) -> Text:
    text = Text()
    for number, paragraph in enumerate(paragraphs):
        if number:
            text.append("\n\n")
        text.append(paragraph.text, style=STYLES.get(paragraph.kind, ""))
    return text


class RevealText(Static):
    """Text that types itself out at the player's speed; `finish()` (any key) shows it all at once."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.full = Text()
        self.shown = 0
        self.speed = 0.0
        self._timer: Timer | None = None

    @property
    def revealing(self) -> bool:
        return self._timer is not None

    def show(self, text: Text, speed: float) -> None:
        self.stop()
        self.full = text
        self.speed = speed
        if speed <= 0:
            self.shown = len(text)
            self.update(text)
            return
        self.shown = 0
        self.update("")
        self._timer = self.set_interval(TICK, self._tick)

    def finish(self) -> None:
        self.stop()
        self.shown = len(self.full)
        self.update(self.full)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _tick(self) -> None:
        self.shown = min(len(self.full), self.shown + max(1, round(self.speed * TICK)))
        self.update(self.full[: self.shown])
        if self.shown >= len(self.full):
            self.stop()


class PageArea(TextArea):
    """The sheet of paper: a paste larger than the page is cut to fit, with a word about it, never a stall.

    `interrupt` is asked first about every key: when it returns True the key was used for something else (the key
    that shows the rest of the text at once) and is not typed on the page."""

    def __init__(self, *, interrupt: Callable[[], bool] | None = None, **options: Any) -> None:
        super().__init__(**options)
        self.interrupt = interrupt
        self.pasted = False
        """Whether any of the page arrived as a paste (a speed-run's category may allow none); forgotten once the page
        is empty again."""

    @on(events.Paste)
    def note_paste(self) -> None:
        self.pasted = True

    def action_paste(self) -> None:
        """Ctrl+V pastes what was copied from the page itself: a paste all the same."""
        self.pasted = True
        super().action_paste()

    @on(TextArea.Changed)
    def forget_paste(self) -> None:
        if not self.text:
            self.pasted = False

    async def _on_key(self, event: events.Key) -> None:
        if self.interrupt is not None and self.interrupt():
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)

    async def _on_paste(self, event: events.Paste) -> None:
        room = MAX_PAGE_CHARS - len(self.text)
        text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in event.text[: max(room, 0)])
        event.prevent_default()
        event.stop()
        if len(event.text) > room:
            self.notify("The page is full: the rest of the paste did not fit.", severity="warning")
        if text:
            self.insert(text)
            self.focus()
