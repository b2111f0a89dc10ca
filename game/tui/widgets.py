"""The few widgets the game needs beyond Textual's own: revealing text, a page that refuses to overflow, and a list of
choices whose page keys cannot crash the game."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from rich.text import Text
from textual import events, on
from textual.containers import ScrollableContainer
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import OptionList, Static, TextArea

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


def scroll_by_page(view: Widget, direction: int) -> None:
    """PageDown (1) or PageUp (-1) on a view, whatever has the focus: the story, the history."""
    if direction > 0:
        view.scroll_page_down(animate=False)
    else:
        view.scroll_page_up(animate=False)


class RevealText(Static):
    """Text that types itself out at the player's speed; `finish()` (any key) shows it all at once. Once it fills the
    view it scrolls in, the rest comes at once: the reader scrolls to it anyway, and need not wait for it there."""

    class Done(Message):
        """The whole text is shown."""

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
        self.post_message(self.Done())

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _tick(self) -> None:
        view = self.parent
        if isinstance(view, ScrollableContainer) and self.outer_size.height >= view.scrollable_content_region.height:
            self.finish()
            return
        self.shown = min(len(self.full), self.shown + max(1, round(self.speed * TICK)))
        self.update(self.full[: self.shown])
        if self.shown >= len(self.full):
            self.finish()


class PageArea(TextArea):
    """The sheet of paper: text beyond what a page holds is cut, with a word about it, never a stall. Such a word
    (`say`) stands on the page's lower edge, where the writer is looking, until the page changes: a notification
    could come and go unseen while a long paste was laid out, and the keys dropped after it said nothing.

    A paste reaches the page as one Paste event (bracketed paste) or, from a terminal or multiplexer that does not
    bracket it, as thousands of key presses. Textual's text area re-wraps the whole line at every edit, so one edit per
    key made a 30 KB paste cost minutes; here the printable keys that are already waiting are gathered and placed as
    one edit, and whatever does not fit the page is dropped at the cost of a key press, not of an edit.

    `interrupt` is asked first about every key: when it returns True the key was used for something else (the key
    that shows the rest of the text at once) and is not typed on the page."""

    def __init__(self, *, interrupt: Callable[[], bool] | None = None, **options: Any) -> None:
        super().__init__(**options)
        self.interrupt = interrupt
        self.pasted = False
        """Whether any of the page arrived as a paste (a speed-run's category may allow none); forgotten once the page
        is empty again."""
        self._typed: list[str] = []
        """Keys typed but not yet on the page: placed together once the keys already waiting are handled."""
        self._typed_length = 0

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
        if len(self.text) < MAX_PAGE_CHARS:  # "full" stays while it is: the keys dropped then are not lost unsaid
            self.say("")

    def say(self, words: str) -> None:
        self.border_subtitle = words

    def take_key(self, event: events.Key) -> bool:
        """Whether the key was used up here: by `interrupt`, or as a printable key (or Enter) gathered for the page.
        The app hands such keys straight here, so a key storm skips Textual's search of every binding per key."""
        if self.interrupt is not None and self.interrupt():
            return True
        typed = "\n" if event.key == "enter" else event.character if event.is_printable else None
        if typed is None or self.read_only:
            return False
        if not self._typed:
            self.call_later(self.place_typing)  # after the keys already queued, so a burst of them is one edit
        if self._typed_length <= MAX_PAGE_CHARS:  # more cannot fit; one more says the page is full
            self._typed.append(typed)
            self._typed_length += len(typed)
        return True

    async def _on_key(self, event: events.Key) -> None:
        if self.take_key(event):
            event.stop()
            event.prevent_default()
            return
        self.place_typing()  # an arrow or a deletion acts on the text typed before it
        await super()._on_key(event)

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        event.stop()
        self.place_typing()
        kept = event.text[: MAX_PAGE_CHARS + 1]
        self._place("".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in kept))
        self.focus()

    def place_typing(self) -> None:
        """Put the keys typed so far on the page (also called before the page is read, so none is left out)."""
        if self._typed:
            text = "".join(self._typed)
            self._typed.clear()
            self._typed_length = 0
            self._place(text)

    def _place(self, text: str) -> None:
        """Replace the selection with `text`, cut to what the page still holds; say when it is full."""
        room = MAX_PAGE_CHARS - len(self.text) + len(self.selected_text)
        if len(text) > room:
            self.say(f"The page is full ({MAX_PAGE_CHARS:,} characters)")
        text = text[: max(room, 0)]
        if text:
            self.replace(text, *self.selection, maintain_selection_offset=False)


class ChoiceList(OptionList):
    """Textual's OptionList (8.2) raises KeyError from PageUp/PageDown pressed after its options were replaced and before
    it has laid them out again, which is exactly when a player pages through a scene's new choices; the monkey test hit
    it on a busy CI machine (others have: kagan-sh/kagan-legacy#31). Such a key then does nothing, as it would in a list
    with nothing to page through, and the next one pages once the list is drawn."""

    def action_page_down(self) -> None:
        with suppress(KeyError):
            super().action_page_down()  # type: ignore[no-untyped-call]  # untyped in Textual

    def action_page_up(self) -> None:
        with suppress(KeyError):
            super().action_page_up()  # type: ignore[no-untyped-call]  # untyped in Textual
