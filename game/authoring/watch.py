"""`play --story DIR --watch`: reload the story when its files change, and keep the player's place.

The place is kept by value: the same scene, every variable that still exists (if it still fits its type and range),
new variables at their defaults. When the scene is gone the player is taken to the nearest place that still exists
(the first scene of the same act, else the start) and told so. An edit that breaks the story keeps the last good
version playing and shows the errors.
"""

from __future__ import annotations

import os
from pathlib import Path

from game.engine.migrate import carry_over
from game.engine.state import State
from game.engine.step import rerender
from game.records import prefab, replace
from game.story.diagnostics import Diagnostic
from game.story.loader import load_story
from game.story.model import Story

MAX_SHOWN_ERRORS = 5


class StoryWatcher:
    """Notices a changed, added or removed story file by its size and modification time (cheap enough every second)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.snapshot = self._scan()

    def _scan(self) -> frozenset[tuple[str, int, int]]:
        found = set()
        for folder, _dirs, files in os.walk(self.root):
            for name in files:
                if name.endswith((".yaml", ".yml")):
                    path = os.path.join(folder, name)
                    try:
                        info = os.stat(path)
                    except OSError:
                        continue
                    found.add((path, info.st_mtime_ns, info.st_size))
        return frozenset(found)

    def changed(self) -> bool:
        now = self._scan()
        if now == self.snapshot:
            return False
        self.snapshot = now
        return True


@prefab(frozen=True)
class Reload:
    story: Story | None
    state: State | None
    message: str
    errors: tuple[Diagnostic, ...] = ()


def reload_story(root: Path, state: State) -> Reload:
    story, diagnostics = load_story(root)
    if story is None:
        errors = tuple(d for d in diagnostics.sorted() if d.severity == "error")
        shown = "\n".join(str(d) for d in errors[:MAX_SHOWN_ERRORS])
        more = f"\n(and {len(errors) - MAX_SHOWN_ERRORS} more)" if len(errors) > MAX_SHOWN_ERRORS else ""
        return Reload(None, None, f"The story has errors; the last good version keeps playing:\n{shown}{more}", errors)
    moved, message = rebase(state, story)
    return Reload(story, rerender(story, moved), message)


def rebase(state: State, story: Story) -> tuple[State, str]:
    moved = carry_over(state, story).state
    if state.ending is not None:
        if state.ending in story.endings:
            return moved, "The story was reloaded."
        return replace(moved, ending=None, scene=story.start), f"The ending `{state.ending}` is gone; you are back at the start."
    if state.scene in story.scenes:
        return moved, "The story was reloaded; you are where you were."
    nearest = next((s.id for s in story.scenes.values() if state.act and s.act == state.act), story.start)
    return replace(moved, scene=nearest), f"The scene `{state.scene}` is gone from the story; you are at `{nearest}` instead."
