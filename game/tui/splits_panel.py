"""The splits panel beside the story in a speed-run, laid out as LiveSplit's: a row per split (the PB's time there, or
this run's time and its delta: green ahead, red behind, gold for a best segment), the running timer, the sum of best
and the possible time save. It only draws the `SplitsView` its source gives (game/speedrun/splits.py); F8 hides it."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from game.speedrun.splits import SplitRow, SplitsView

STYLES = {"ahead": "bold green", "behind": "bold red", "gold": "bold yellow", "": ""}
REFRESH = 0.1
MIN_WIDTH_BESIDE = 72
"""Narrower than this, the panel would squeeze the story: it starts hidden there (F8 shows it)."""


def short_time(ms: int) -> str:
    """A split time as LiveSplit shows one: tenths, minutes only when there are some (45.9, 1:02.3, 1:02:03.4)."""
    tenths = ms // 100
    hours, rest = divmod(tenths, 36_000)
    minutes, rest = divmod(rest, 600)
    seconds, tenth = divmod(rest, 10)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}.{tenth}"
    if minutes:
        return f"{minutes}:{seconds:02d}.{tenth}"
    return f"{seconds}.{tenth}"


def short_delta(ms: int) -> str:
    return ("-" if ms < 0 else "+") + short_time(abs(ms))


class SplitsPanel(Widget):
    """`source` gives the view to draw now, or None when there is no run (the panel then stays out of the way).

    It is redrawn ten times a second while a run goes on, so it only repaints itself: its size is fixed by the style
    sheet, and a layout of the whole screen (the story's long text with it) at each tick doubled what a replay cost."""

    def __init__(self, source: Callable[[], SplitsView | None], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self.view: SplitsView | None = None

    def on_mount(self) -> None:
        self.view = self.source()
        if self.view is None:
            self.display = False
            return
        self.display = self.app.size.width >= MIN_WIDTH_BESIDE
        self.set_interval(REFRESH, self.redraw)

    def redraw(self) -> None:
        view = self.source()
        if view != self.view:
            self.view = view
            self.refresh()

    def render(self) -> RenderableType:
        return render_splits(self.view) if self.view is not None else ""


def render_splits(view: SplitsView) -> Group:
    table = Table.grid(expand=True, padding=(0, 0, 0, 1))
    table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column(justify="right", no_wrap=True)
    table.add_column(justify="right", no_wrap=True, min_width=7)
    for row in view.rows:
        table.add_row(*_cells(row))
    timer = Text(short_time(view.elapsed) if view.started else "0.0", style="bold", justify="right")
    if view.finished and view.rows:
        timer.stylize(STYLES[view.rows[-1].mark] or "bold")
    facts = Table.grid(expand=True)
    facts.add_column(no_wrap=True)
    facts.add_column(justify="right", no_wrap=True)
    if view.watched:  # a replay: the facts are the player's own, and say so
        facts.add_row("Your sum of best", _or_dash(view.sum_of_best))
        facts.add_row("Your PB", _or_dash(view.best_time))
    else:
        facts.add_row("Sum of best", _or_dash(view.sum_of_best))
        facts.add_row("Possible save", _or_dash(view.possible_save))
        facts.add_row("Personal best", _or_dash(view.best_time))
    heading, who = ("Replay", "replay") if view.watched else ("Splits", "you")
    title = Text(f"{heading} · {view.category}", style="bold", overflow="ellipsis", no_wrap=True)
    return Group(title, table, Text(""), timer, facts, Text(f"› {who}   ◇ your PB now", style="dim"))


def _cells(row: SplitRow) -> tuple[Text, Text, Text]:
    marker = ("›" if row.current else " ") + ("◇" if row.ghost else " ") + " "
    name = Text(marker + row.title, style="bold" if row.current else "")
    delta = Text(short_delta(row.delta) + ("*" if row.mark == "gold" else "") if row.delta is not None else "")
    if row.mark == "gold" and row.delta is None:
        delta = Text("*")
    delta.stylize(STYLES[row.mark])
    shown = row.time if row.time is not None else row.pb
    time = Text(short_time(shown) if shown is not None else "-", style="" if row.time is not None else "dim")
    return name, delta, time


def _or_dash(ms: int | None) -> str:
    return short_time(ms) if ms is not None else "-"
