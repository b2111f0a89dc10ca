"""The story screen: the scene, how Ruby seems, and either the choices or the typewriter.

Reading flows one way, as under Frotz's [MORE]: a new passage starts at its top; Space, PageDown and the arrows scroll
it whatever has the focus; a marker under the text says when more of it is hidden below; and the choices (or the
typewriter) appear only once the passage has been read to its end, so no choice names what the player has not seen.
Their room is kept while they wait, so nothing moves when they appear. In a speed-run they appear at once.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.visual import VisualType
from textual.widgets import Button, Footer, OptionList, Static, TextArea

from game.engine import ChoiceInput, Event, PageInput, Rejected
from game.speedrun.splits import SplitsView
from game.tui.game_control import GameControl
from game.tui.splits_panel import SplitsPanel
from game.tui.view import SceneView, fold
from game.tui.widgets import ChoiceList, PageArea, RevealText, render_paragraphs, scroll_by_page

MARGIN_LINES = 2
"""The margin shows the readings of the last sentences written: the ones the writer is looking at."""
MARK = {"takes": "✓", "about": "?", "nothing": "·"}
MORE = "▼ more below: Space or PageDown"
MORE_WHILE_TYPING = "▼ more below: PageDown"
"""At the typewriter Space is typed on the page: only PageDown reads on."""


class Notice(Static):
    """A line under the story (why an input was refused) that takes no room while it says nothing."""

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(content, layout=layout)
        self.display = bool(content)


class GameScreen(Screen[None]):
    # Short words, so that every key the footer shows fits in 80 columns; F6/F7 (save and load slots) are in Help.
    # Menu and Quit come first, so a narrow footer (50 columns) still shows the way out; the app's Ctrl+Q is the one
    # that runs (a priority binding), this one only puts it early in the footer.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.to_title", "Menu"),
        Binding("ctrl+q", "app.quit_game", "Quit", id="quit"),
        Binding("f1", "app.help", "Help", priority=True),
        Binding("f2", "pull_page", "Pull", priority=True),
        Binding("f3", "undo", "Undo", priority=True),
        Binding("f4", "app.history", "History", priority=True),
        Binding("f5", "app.quick_save", "Save", priority=True, id="quick-save"),
        Binding("f9", "app.quick_load", "Load", priority=True),
        Binding("f6", "app.slots('save')", "Save as", show=False, priority=True),
        Binding("f7", "app.slots('load')", "Load from", show=False, priority=True),
        Binding("f8", "toggle_splits", "Splits", priority=True),
        Binding("f12,ctrl+r", "app.portrait", "Ruby", show=False, priority=True),
        Binding("space", "more", "More", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False, priority=True),
        Binding("pageup", "page(-1)", "Page up", show=False, priority=True),
        *[Binding(str(n), f"choose({n})", show=False) for n in range(1, 10)],
    ]
    more_hint = MORE
    """Under the story while more of it is hidden below: the keys that read on here."""
    VERTICAL_BREAKPOINTS: list[tuple[int, str]] | None = [(0, "-short"), (20, "-tall")]  # noqa: RUF012  # Textual types it so

    class BeginAgain(Message):
        """After an ending, the player chose to begin again."""

    class ToTitle(Message):
        """After an ending, the player chose to go back to the title."""

    def __init__(self, control: GameControl, opening: list[Event], *, blink: bool = True) -> None:
        """`control` is the game this screen plays (the app's); `opening` the events that show where it starts."""
        super().__init__()
        self.control = control
        self._opening = opening
        self.blink = blink
        self.view = SceneView()
        self.read_up_to = ""
        """The finished part of the page the margin last read: it is read again only when a sentence is finished."""
        self.read_through = False
        """The passage on screen has been read to its end: the choices or the typewriter are offered."""
        self.laid_out = False
        """The passage on screen has been laid out, so what its scrolling says of it is true (not the last one's)."""

    def compose(self) -> ComposeResult:
        yield Static(id="status", markup=False)  # story and save text: `[/i]` is words here, not a closing tag
        yield Static(id="seems", markup=False)
        with VerticalScroll(id="story"):
            yield RevealText(id="text")
            # the typewriter's prompt ends the passage, whole at any size: under it, it was cut to a few lines
            yield Static(id="prompt", markup=False)
            yield Notice(id="notice", markup=False)
        yield Static(id="more")
        yield ChoiceList(id="choices", markup=False)
        with Vertical(id="typewriter"):
            yield PageArea(id="page", soft_wrap=True, show_line_numbers=False, interrupt=self.finish_reveal)
            yield Static(id="margin", markup=False)
            yield Button("Pull the page out (F2)", id="pull", variant="primary")
        yield SplitsPanel(self.splits_view, id="splits")
        # without the palette's own entry (Ctrl+P is in Help), so that every key the story screen offers fits in 80
        # columns, Menu and Quit included
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        page = self.query_one(PageArea)
        page.cursor_blink = self.blink
        story = self.query_one("#story", VerticalScroll)
        self.watch(story, "scroll_y", self.check_reading, init=False)
        self.watch(story, "virtual_size", self.check_reading, init=False)
        self.show_events(self.opening())
        if self.control.in_speedrun:
            self.set_interval(0.1, self.draw_status)

    def opening(self) -> list[Event]:
        """The events that show where this screen starts (a replay starts from its own run)."""
        return self._opening

    def splits_view(self) -> SplitsView | None:
        """What the splits panel shows: the speed-run in progress (a replay shows its own run)."""
        return self.control.splits_view()

    def action_toggle_splits(self) -> None:
        panel = self.query_one(SplitsPanel)
        panel.display = not panel.display

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer shows only keys that do something now: F2 at the typewriter once its page is offered, F3 when
        there is something to take back (never in a speed-run)."""
        if action == "pull_page":
            return self.view.at_typewriter and self.read_through
        if action == "undo":
            return self.control.can_undo
        if action == "toggle_splits":
            return self.query_one(SplitsPanel).view is not None
        return True

    # -- drawing --------------------------------------------------------------------------------------------------

    def show_events(self, events_: list[Event], reveal: bool = True) -> None:
        self.view = fold(events_, self.view if events_ else None)
        self.draw(reveal)

    def draw(self, reveal: bool = True) -> None:
        """Draw the view; a place already read (after undo or a reload) is shown at once (`reveal` False)."""
        view = self.view
        self.draw_status()
        text = self.query_one(RevealText)
        story = self.query_one("#story", VerticalScroll)
        if view.rejected:
            story.scroll_end(animate=False)  # the reason, under the text, is what the player must see now
        else:
            text.show(render_paragraphs(view.paragraphs), self.control.reveal_speed() if reveal else 0.0)
            story.anchor(False)
            story.scroll_home(animate=False, immediate=True)  # not after the typewriter's anchor, in a speed-run
            self.read_through = self.offers_at_once()
            self.laid_out = False
        self.query_one("#notice", Static).update(view.rejected)
        choices = self.query_one(OptionList)
        choices.clear_options()
        labels = [f"{n}. {label}" for n, label in enumerate(view.choices, 1)]
        if view.ending_id is not None:
            labels = ["Begin again", "Back to the title"]
        choices.add_options(labels)
        choices.display = bool(labels)
        if view.at_typewriter:
            self.query_one("#prompt", Static).update("\n".join(view.prompt))
        elif labels:
            choices.highlighted = 0
        self.offer()
        self.call_after_refresh(self.settle)

    def offers_at_once(self) -> bool:
        """Whether the choices or the typewriter come with the passage, unread: in a speed-run the runner knows the way."""
        return self.control.in_speedrun

    def settle(self) -> None:
        self.laid_out = True
        self.check_reading()

    def offer(self) -> None:
        """Show the choices or the typewriter once the passage is read, and give them the keys; until then the keys
        scroll the story. The choices' room is kept while they wait, so nothing moves when they come; the typewriter's
        is not (it would leave a passage a few rows to be read in), and when it comes the story keeps its end in view."""
        shown = self.read_through
        story = self.query_one("#story", VerticalScroll)
        self.query_one(OptionList).visible = shown
        self.query_one("#typewriter").display = self.query_one("#prompt").display = shown and self.view.at_typewriter
        if not shown:
            story.focus()
        elif self.view.at_typewriter:
            story.anchor()  # its end, the prompt, stays in view as the typewriter and its margin take their room
            self.query_one(PageArea).focus()
        elif self.view.choices or self.view.ending_id is not None:
            self.query_one(OptionList).focus()
        self.refresh_bindings()

    def check_reading(self) -> None:
        """Mark text hidden below the fold, and offer the choices once the end of the passage has been on screen."""
        story = self.query_one("#story", VerticalScroll)
        revealing = self.query_one(RevealText).revealing
        hidden = story.scroll_y < story.max_scroll_y - 0.5
        more = MORE_WHILE_TYPING if self.read_through and self.view.at_typewriter else self.more_hint
        self.query_one("#more", Static).update(more if hidden and not revealing else "")
        if self.laid_out and not (self.read_through or hidden or revealing):
            self.read_through = True
            self.offer()

    def has_been_read(self) -> bool:
        """Whether the choices are offered, looking again now (a key pressed as a short passage is drawn must not be
        lost); a key that comes before the passage is laid out waits for it (`action_choose`)."""
        if not self.read_through:
            self.check_reading()
        return self.read_through

    def on_resize(self) -> None:
        self.call_after_refresh(self.check_reading)

    @on(RevealText.Done)
    def revealed(self) -> None:
        self.call_after_refresh(self.check_reading)

    def draw_status(self) -> None:
        """The header: the speed-run timer, the act and scene; under it how Ruby seems (a line, never a number), on one
        row, cut short with an ellipsis in a narrow terminal (the Ruby screen, F12, has it whole)."""
        view = self.view
        status = " · ".join(p for p in (view.act_title, view.scene_title) if p)
        timer = self.control.timer_text()
        if timer:
            status = f"{timer}  {status}"
        self.query_one("#status", Static).update(status)
        self.query_one("#seems", Static).update(view.seems)

    # -- input ----------------------------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        if self.finish_reveal():
            event.stop()
            event.prevent_default()

    def action_more(self) -> None:
        """Space: the rest of the text at once while it appears, else the next screenful of it (Frotz's [MORE])."""
        if not self.finish_reveal():
            self.action_page(1)

    def action_page(self, direction: int) -> None:
        """PageDown and PageUp scroll the story wherever the focus is (the choices, the page in the typewriter)."""
        scroll_by_page(self.query_one("#story", VerticalScroll), direction)

    def finish_reveal(self) -> bool:
        """Any key shows the rest of the text at once, and does nothing else (at the typewriter it is not typed):
        whether a reveal was running."""
        text = self.query_one(RevealText)
        if not text.revealing:
            return False
        text.finish()
        return True

    @on(TextArea.Changed, "#page")
    def page_changed(self, event: TextArea.Changed) -> None:
        """Like a spelling checker's underline: each finished sentence shows, in the margin, how it will be read."""
        text = event.text_area.text
        finished = text[: max(text.rfind(mark) for mark in ".!?;\n") + 1]
        if finished == self.read_up_to:
            return
        self.read_up_to = finished
        notes = self.control.draft_notes(finished)
        margin = self.query_one("#margin", Static)
        margin.update("\n".join(f"{MARK[note.kind]} {note.note}" for note in notes[-MARGIN_LINES:]))
        margin.display = bool(notes)

    @on(OptionList.OptionSelected, "#choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_choose(event.option_index + 1)

    @on(Button.Pressed, "#pull")
    def pulled(self) -> None:
        self.action_pull_page()

    def action_choose(self, number: int) -> None:
        if self.laid_out:
            self.choose(number)
        else:  # a key ahead of the passage's layout waits for it
            self.call_after_refresh(self.choose, number)

    def choose(self, number: int) -> None:
        if self.view.at_typewriter or not self.has_been_read():
            return
        if self.view.ending_id is not None:
            if number == 1:
                self.post_message(self.BeginAgain())
            elif number == 2:
                self.post_message(self.ToTitle())
            return
        if 1 <= number <= len(self.view.choices):
            self.show_events(self.control.apply(ChoiceInput(number)))

    def action_pull_page(self) -> None:
        if not (self.view.at_typewriter and self.has_been_read()):
            return
        page = self.query_one(PageArea)
        page.place_typing()  # the keys typed just before F2 are the page's
        if not page.text.strip():
            page.say("The page is blank.")
            return
        events_ = self.control.apply(PageInput(page.text, page.pasted))
        if events_ and all(isinstance(event, Rejected) for event in events_):
            self.show_events(events_)  # refused (a paste where the category allows none): the page stays to be fixed
            return
        page.clear()
        self.read_up_to = ""
        self.query_one("#margin", Static).display = False
        self.show_events(events_)

    def action_undo(self) -> None:
        events_ = self.control.undo()  # it says why when there is nothing to undo
        if events_ is not None:
            self.redraw_from(events_)

    def redraw_from(self, events_: list[Event]) -> None:
        """Show a place reached without a step (undo, a reload): the scene as it is now, from scratch."""
        self.view = SceneView(act_title=self.view.act_title)
        self.show_events(events_, reveal=False)

    @property
    def unsaved_page(self) -> bool:
        page = self.query_one(PageArea)
        page.place_typing()
        return self.view.at_typewriter and bool(page.text.strip())
