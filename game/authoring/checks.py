"""What `ruby-sparks check` adds to loading: the warnings that need the whole story, and the outline.

Loading proves each file is well formed; these checks look at the story as a graph (what can be reached, what leads
nowhere) and against the outline of beats.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from pathlib import Path

from game.persistence.story_cache import load_story_cached
from game.story.diagnostics import Diagnostics, did_you_mean
from game.story.model import RETURN, Scene, Span, Story
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


def reachable(story: Story, starts: tuple[str, ...] | None = None) -> set[str]:
    """Scene and ending ids some path leads to from the start (or from `starts`), ignoring conditions (so a warning is
    never wrong)."""
    starts = (story.start,) if starts is None else starts
    seen = set(starts)
    queue = deque(starts)
    while queue:
        scene = story.scenes.get(queue.popleft())
        if scene is None:
            continue
        for target in scene.targets:
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def _traps(story: Story, seen: set[str], diagnostics: Diagnostics, looped: set[str]) -> None:
    """Scenes a player can reach but never leave for an ending: a loop with no exit is a game that cannot end. A loop
    of `next` has its own error, which says more."""
    comes_from: dict[str, list[str]] = {}
    for scene in story.scenes.values():
        for target in scene.targets:
            comes_from.setdefault(target, []).append(scene.id)
    leads_out = {*story.endings, RETURN}  # a subroutine's `return` goes where its call said, which is checked there
    queue = deque(leads_out)
    while queue:
        for source in comes_from.get(queue.popleft(), ()):
            if source not in leads_out:
                leads_out.add(source)
                queue.append(source)
    trapped = [s for s in story.scenes.values() if s.id in seen and s.id not in leads_out | looped and s.targets]
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
    _returns_without_call(story, diagnostics)
    looped = _endless_next(story, diagnostics)
    _traps(story, seen, diagnostics, looped)
    _choices_that_run_out(story, seen, diagnostics)
    for ending in story.endings.values():
        if ending.id not in seen:
            diagnostics.warning(ending.span or here, "unreachable-ending", f"no path leads to the ending `{ending.id}`")


def _returns_without_call(story: Story, diagnostics: Diagnostics) -> None:
    """A `return` in a scene that no `call` leads to: there is never a call to return to, so the engine can only show
    the scene again. The scenes a call can lead to, conditions ignored, hold every one where a call may be open (a
    return goes to a call's `to`, which is a target of the calling scene), so the error is never wrong."""
    calls = {move.call for scene in story.scenes.values() for move in scene.moves if move.call} | {
        scene.call for scene in story.scenes.values() if scene.call
    }
    inside = reachable(story, tuple(calls)) if calls else set()
    if RETURN in story.scenes:  # format 1: a scene may have that id, and `to: return` goes there
        return
    for scene in story.scenes.values():
        if scene.id in inside:
            continue
        returning = [move.span for move in scene.moves if move.target == RETURN]
        if scene.next == RETURN:
            returning.append(scene.span)
        for span in returning:
            diagnostics.error(
                span or scene.span or Span(story.root, 1, 1),
                "return-without-call",
                f"`return` in the scene `{scene.id}`, which no `call` leads to: there is no call to return to",
            )


def _endless_next(story: Story, diagnostics: Diagnostics) -> set[str]:
    """Scenes that lead to each other by `next` alone: the story would go round them for ever without a choice."""
    reported: set[str] = set()
    for start in story.scenes.values():
        path: list[str] = []
        scene: Scene | None = start
        while scene is not None and scene.next is not None and scene.id not in path and scene.id not in reported:
            path.append(scene.id)
            scene = story.scenes.get(scene.next)
        if scene is not None and scene.id in path:
            loop = path[path.index(scene.id) :]
            reported.update(loop)
            diagnostics.error(
                scene.span or Span(story.root, 1, 1),
                "next-loop",
                f"the scenes {' -> '.join(f'`{s}`' for s in [*loop, loop[0]])} lead to each other by `next` alone, so the "
                "story would go round them for ever; give one of them a choice",
            )
    return reported


def _choices_that_run_out(story: Story, seen: set[str], diagnostics: Diagnostics) -> None:
    """A scene a player can come back to whose choices are all once-only, with no fallback: once they are used up,
    nothing can be chosen there."""
    for scene in story.scenes.values():
        if scene.id not in seen or scene.fallbacks or not scene.choices or not all(c.once for c in scene.choices):
            continue
        if scene.id in reachable(story, scene.targets):
            diagnostics.warning(
                scene.span or Span(story.root, 1, 1),
                "choices-run-out",
                f"every choice of `{scene.id}` is once-only and a player can come back to it: "
                "give it a fallback choice (`fallback: true`) for when they are used up",
            )


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
