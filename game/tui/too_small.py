"""Shown instead of the game while the terminal is too small to lay any of its screens out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH = 50
MIN_HEIGHT = 16
"""The smallest terminal one can play in: the header, seven rows of story, the choices and the footer. (Below about
24x6 a dialog's border and padding would also leave its text no columns at all, and Rich's wrapping divided by that
zero: a player got a traceback.)"""


class TooSmall(Screen[None]):
    """One short line and nothing else, so it can be drawn at any size, down to one cell."""

    def compose(self) -> ComposeResult:
        yield Static(f"Make the terminal {MIN_WIDTH}x{MIN_HEIGHT} or larger.", id="too-small")


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT
