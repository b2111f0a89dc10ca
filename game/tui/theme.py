"""The game's own look: "paper", ink on off-white as a typed page is, and "paper-dark", the same page at night.

They stand beside Textual's themes (the Settings screen and the palette's theme picker list them all); "paper" is the
default. Only `textual.theme`, which the app imports anyway, is needed: start-up pays nothing for them.
"""

from __future__ import annotations

from textual.theme import Theme

PAPER = Theme(
    name="paper",
    primary="#2b3a55",  # blue-black ink
    secondary="#5a4a3a",
    accent="#9c2a21",  # the red half of a typewriter ribbon
    warning="#8a5a00",
    error="#a3201a",
    success="#2f6b3a",
    foreground="#1f1c17",
    background="#f4efe2",
    surface="#ebe4d2",
    panel="#e2d9c3",
    dark=False,
    variables={
        "footer-key-foreground": "#9c2a21",
        "block-cursor-text-style": "bold",
        "input-selection-background": "#2b3a55 30%",
    },
)

PAPER_DARK = Theme(
    name="paper-dark",
    primary="#a9bcd6",
    secondary="#c9b79c",
    accent="#e0816f",
    warning="#e0b062",
    error="#f07a6e",
    success="#8fc79a",
    foreground="#e9e2d0",
    background="#1c1b18",
    surface="#262420",
    panel="#2f2c27",
    dark=True,
    variables={"footer-key-foreground": "#e0816f", "block-cursor-text-style": "bold"},
)

THEMES = (PAPER, PAPER_DARK)
DEFAULT_THEME = PAPER.name
