"""The credits, shown by both front ends: the story's own (`Story.own_credits`), then the game's."""

from __future__ import annotations

from game.paths import assets_dir

FALLBACK = "An unofficial fan work based on the 2012 film Ruby Sparks."


def credits_text(story_credits: str = "") -> str:
    """Markdown: the story's credits first when there are any, then the film's and the game's under a heading of
    their own, for any story played with the game."""
    try:
        game = (assets_dir() / "credits.md").read_text(encoding="utf-8").strip()
    except OSError:
        game = FALLBACK
    if not story_credits:
        return game
    return story_credits + "\n" + game.replace("# Credits", "## The game", 1)
