"""The credits, shown by both front ends: the story's own (its title, author and people), then the game's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.paths import assets_dir

if TYPE_CHECKING:
    from game.story.model import Story

FALLBACK = "An unofficial fan work based on the 2012 film Ruby Sparks."


def credits_text(story: Story | None = None) -> str:
    """Markdown. A story's `author` and its characters' `description`s are its credits (docs/story-format.md); the
    film's and the game's follow, under a heading of their own, for any story played with the game."""
    try:
        game = (assets_dir() / "credits.md").read_text(encoding="utf-8").strip()
    except OSError:
        game = FALLBACK
    if story is None:
        return game
    lines = [f"# {story.title}", ""]
    if story.author:
        lines += [f"By {story.author}.", ""]
    people = [f"- **{c.name}**: {c.description}" for c in story.characters.values() if c.description]
    if people:
        lines += [*people, ""]
    return "\n".join(lines) + "\n" + game.replace("# Credits", "## The game", 1)
