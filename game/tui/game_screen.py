"""The story screen: the scene, how Ruby seems, and either the choices or the typewriter."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, OptionList, Static, TextArea

from game.engine import ChoiceInput, Event, PageInput, Rejected
from game.speedrun.splits import SplitsView
from game.tui.splits_panel import SplitsPanel
from game.tui.view import SceneView, fold
from game.tui.widgets import PageArea, RevealText, render_paragraphs

if TYPE_CHECKING:
    from game.tui.app import RubySparksApp


MARGIN_LINES = 2
"""The margin shows the readings of the last sentences written: the ones the writer is looking at."""
MARK = {"takes": "✓", "about": "?", "nothing": "·"}


class GameScreen(Screen[None]):
    # Short words, so that every key the footer shows fits in 80 columns; F6/F7 (save and load slots) are in Help.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Help", priority=True),
        Binding("f2", "pull_page", "Pull", priority=True),
        Binding("f3", "undo", "Undo", priority=True),
        Binding("f4", "history", "History", priority=True),
        Binding("f5", "app.quick_save", "Save", priority=True, id="quick-save"),
        Binding("f9", "app.quick_load", "Load", priority=True),
        Binding("f6", "app.slots('save')", "Save as", show=False, priority=True),
        Binding("f7", "app.slots('load')", "Load from", show=False, priority=True),
        Binding("f8", "toggle_splits", "Splits", priority=True),
        Binding("escape", "app.to_title", "Menu"),
        *[Binding(str(n), f"choose({n})", show=False) for n in range(1, 10)],
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view = SceneView()
        self.read_up_to = ""
        """The finished part of the page the margin last read: it is read again only when a sentence is finished."""

    @property
    def game(self) -> RubySparksApp:
        from game.tui.app import RubySparksApp

        assert isinstance(self.app, RubySparksApp)
        return self.app

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with VerticalScroll(id="story"):
            yield RevealText(id="text")
            yield Static(id="notice")
        yield OptionList(id="choices")
        with Vertical(id="typewriter"):
            yield Static(id="prompt")
            yield PageArea(id="page", soft_wrap=True, show_line_numbers=False, interrupt=self.finish_reveal)
            yield Static(id="margin", markup=False)
            yield Button("Pull the page out (F2)", id="pull", variant="primary")
        yield SplitsPanel(self.splits_view, id="splits")
        # without the palette's own entry (Ctrl+P is in Help), so that every key the story screen offers fits in 80
        # columns, Menu and Quit included
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        page = self.query_one(PageArea)
        page.cursor_blink = self.game.blink
        self.show_events(self.opening())
        if self.game.in_speedrun:
            self.set_interval(0.1, self.draw_status)

    def opening(self) -> list[Event]:
        """The events that show where this screen starts (a replay starts from its own run)."""
        return self.game.opening_events()

    def splits_view(self) -> SplitsView | None:
        """What the splits panel shows: the speed-run in progress (a replay shows its own run)."""
        return self.game.controller.splits_view() if self.game.controller is not None else None

    def action_toggle_splits(self) -> None:
        panel = self.query_one(SplitsPanel)
        panel.display = not panel.display

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer shows only keys that do something now: F2 at the typewriter, F3 when there is something to take
        back (never in a speed-run)."""
        if action == "pull_page":
            return self.view.at_typewriter
        if action == "undo":
            return self.game.can_undo
        if action == "toggle_splits":
            return self.query_one(SplitsPanel).view is not None
        return True

    # -- drawing --------------------------------------------------------------------------------------------------

    def show_events(self, events_: list[Event]) -> None:
        self.view = fold(events_, self.view if events_ else None)
        self.draw()

    def draw(self) -> None:
        view = self.view
        self.draw_status()
        text = self.query_one(RevealText)
        if not view.rejected:
            text.show(render_paragraphs(view.paragraphs), self.game.reveal_speed())
            self.query_one("#story", VerticalScroll).scroll_home(animate=False)
        self.query_one("#notice", Static).update(view.rejected)
        choices = self.query_one(OptionList)
        choices.clear_options()
        labels = [f"{n}. {label}" for n, label in enumerate(view.choices, 1)]
        if view.ending_id is not None:
            labels = ["Begin again", "Back to the title"]
        choices.add_options(labels)
        choices.display = bool(labels)
        typewriter = self.query_one("#typewriter")
        typewriter.display = view.at_typewriter
        if view.at_typewriter:
            self.query_one("#prompt", Static).update("\n".join(view.prompt))
            self.query_one(PageArea).focus()
        elif labels:
            choices.highlighted = 0
            choices.focus()
        self.refresh_bindings()

    def draw_status(self) -> None:
        """The top line: the speed-run timer, the act and scene, and how Ruby seems (a line, never a number)."""
        view = self.view
        status = " · ".join(p for p in (view.act_title, view.scene_title) if p)
        if view.seems:
            status += f"\n{view.seems}"
        if self.game.timer_text():
            status = f"{self.game.timer_text()}  {status}"
        self.query_one("#status", Static).update(status)

    # -- input ----------------------------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        if self.finish_reveal():
            event.stop()
            event.prevent_default()

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
        notes = self.game.draft_notes(finished)
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
        if self.view.at_typewriter:
            return
        if self.view.ending_id is not None:
            if number == 1:
                self.game.begin_again()
            elif number == 2:
                self.game.action_to_title()
            return
        if 1 <= number <= len(self.view.choices):
            self.show_events(self.game.apply(ChoiceInput(number)))

    def action_pull_page(self) -> None:
        if not self.view.at_typewriter:
            return
        page = self.query_one(PageArea)
        if not page.text.strip():
            self.view.rejected = f"The page is blank: type something about {self.game.story_or_raise().subject_object} first."
            self.query_one("#notice", Static).update(self.view.rejected)
            return
        events_ = self.game.apply(PageInput(page.text, page.pasted))
        if events_ and all(isinstance(event, Rejected) for event in events_):
            self.show_events(events_)  # refused (a paste where the category allows none): the page stays to be fixed
            return
        page.clear()
        self.read_up_to = ""
        self.query_one("#margin", Static).display = False
        self.show_events(events_)

    def action_undo(self) -> None:
        events_ = self.game.undo()  # it says why when there is nothing to undo
        if events_ is not None:
            self.redraw_from(events_)

    def redraw_from(self, events_: list[Event]) -> None:
        """Show a place reached without a step (undo, a reload): the scene as it is now, from scratch."""
        self.view = SceneView(act_title=self.view.act_title)
        self.show_events(events_)

    def action_history(self) -> None:
        self.game.action_history()

    @property
    def unsaved_page(self) -> bool:
        return self.view.at_typewriter and bool(self.query_one(PageArea).text.strip())
