"""What `ruby-sparks check` adds to loading: the warnings that need the whole story, and the outline.

Loading proves each file is well formed; these checks look at the story as a graph (what can be reached, what leads
nowhere) and against the outline of beats.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from pathlib import Path

from game.story.cache import load_story_cached
from game.story.diagnostics import Diagnostics, did_you_mean
from game.story.model import Span, Story
from game.story.outline import Beat, find_outline, read_outline


def check_story(
    story_dir: Path, outline: Path | None = None, shown: str | None = None, overlay: Mapping[Path, bytes] | None = None
) -> tuple[Story | None, Diagnostics]:
    """`overlay`: the unsaved text of some files (see `load_story`), which an editor checks as the author types."""
    if overlay is None:
        story, diagnostics = load_story_cached(shown or story_dir)
    else:
        from game.story.loader import load_story  # the cache spares `check` this import when nothing changed

        story, diagnostics = load_story(shown or story_dir, overlay)
    outline_path = find_outline(story_dir, outline)
    beats = read_outline(outline_path, str(outline_path), diagnostics) if outline_path else None
    if story is not None:
        graph_warnings(story, diagnostics)
        if beats is not None:
            beat_diagnostics(story, beats, diagnostics)
    return story, diagnostics


def reachable(story: Story) -> set[str]:
    """Scene and ending ids some path leads to from the start, ignoring conditions (so a warning is never wrong)."""
    seen = {story.start}
    queue = deque([story.start])
    while queue:
        scene = story.scenes.get(queue.popleft())
        if scene is None:
            continue
        for target in scene.targets:
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def _traps(story: Story, seen: set[str], diagnostics: Diagnostics) -> None:
    """Scenes a player can reach but never leave for an ending: a loop with no exit is a game that cannot end."""
    comes_from: dict[str, list[str]] = {}
    for scene in story.scenes.values():
        for target in scene.targets:
            comes_from.setdefault(target, []).append(scene.id)
    leads_out = set(story.endings)
    queue = deque(story.endings)
    while queue:
        for source in comes_from.get(queue.popleft(), ()):
            if source not in leads_out:
                leads_out.add(source)
                queue.append(source)
    trapped = [s for s in story.scenes.values() if s.id in seen and s.id not in leads_out and s.targets]
    for scene in trapped:
        diagnostics.error(
            scene.span or Span(story.root, 1, 1),
            "no-exit",
            f"once a player reaches the scene `{scene.id}`, no path leads to any ending (a loop with no way out)",
        )


def graph_warnings(story: Story, diagnostics: Diagnostics) -> None:
    seen = reachable(story)
    here = Span(story.root, 1, 1)
    for scene in story.scenes.values():
        span = scene.span or here
        if scene.id not in seen:
            diagnostics.warning(span, "unreachable-scene", f"no path from `{story.start}` leads to the scene `{scene.id}`")
        if not scene.targets:
            diagnostics.warning(
                span, "dead-end", f"the scene `{scene.id}` has no choices and no typewriter, and it is not an ending"
            )
    _traps(story, seen, diagnostics)
    for ending in story.endings.values():
        if ending.id not in seen:
            diagnostics.warning(ending.span or here, "unreachable-ending", f"no path leads to the ending `{ending.id}`")


def beat_diagnostics(story: Story, beats: list[Beat], diagnostics: Diagnostics) -> None:
    known = {beat.id for beat in beats}
    covered: set[str] = set()
    for scene in story.scenes.values():
        if scene.beat is None:
            continue
        if scene.beat in known:
            covered.add(scene.beat)
        else:
            diagnostics.error(
                scene.span or Span(story.root, 1, 1),
                "unknown-beat",
                f"the scene `{scene.id}` names the beat `{scene.beat}`, which is not in the outline"
                + did_you_mean(scene.beat, known),
            )
    for beat in beats:
        if beat.id not in covered:
            diagnostics.warning(beat.span, "uncovered-beat", f"no scene plays the beat `{beat.id}` of the outline")
