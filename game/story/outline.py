"""The outline of beats (`seeds/outline.yaml`): the film's order, which the checker holds the scenes against."""

from __future__ import annotations

from pathlib import Path

from game.files import read_at_most
from game.records import prefab
from game.story.diagnostics import Diagnostics
from game.story.limits import MAX_FILE_BYTES
from game.story.model import Span
from game.story.yaml_reader import YamlList, YamlMap, YamlProblem, read_yaml


@prefab(frozen=True)
class Beat:
    id: str
    act: str
    summary: str
    span: Span


def find_outline(story_dir: Path, explicit: Path | None) -> Path | None:
    """`--outline`, else `outline.yaml` in the story, else `seeds/outline.yaml` beside it (the shipped layout)."""
    if explicit is not None:
        return explicit
    for candidate in (story_dir / "outline.yaml", story_dir.parent / "seeds" / "outline.yaml"):
        if candidate.is_file():
            return candidate
    return None


def read_outline(path: Path, shown: str, diagnostics: Diagnostics) -> list[Beat]:
    try:
        value, problems = read_yaml(read_at_most(path, MAX_FILE_BYTES), shown)
    except YamlProblem as problem:
        diagnostics.error(problem.span, problem.code, f"in the outline: {problem.message}")
        return []
    except OSError as error:
        diagnostics.error(Span(shown, 1, 1), "unreadable", f"cannot read the outline: {error.strerror or error}")
        return []
    for found in problems:
        diagnostics.error(found.span, found.code, f"in the outline: {found.message}")
    beats_node = value.items.get("beats") if isinstance(value, YamlMap) else None
    if not isinstance(beats_node, YamlList):
        diagnostics.error(Span(shown, 1, 1), "bad-outline", "the outline must be a mapping with a list of `beats`")
        return []
    beats = []
    for item, span in zip(beats_node.items, beats_node.item_spans, strict=True):
        beat_id = item.items.get("id") if isinstance(item, YamlMap) else None
        if not isinstance(beat_id, str):
            diagnostics.error(span, "bad-outline", "each beat of the outline needs an `id`")
            continue
        act, summary = item.items.get("act", ""), item.items.get("summary", "")
        beats.append(Beat(beat_id, act if isinstance(act, str) else "", summary if isinstance(summary, str) else "", span))
    return beats
