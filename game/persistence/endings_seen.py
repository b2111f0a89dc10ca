"""The endings gallery's memory (which endings of which story this player has reached), and the gallery in words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.paths import user_data_dir
from game.persistence.atomic import write_atomic
from game.persistence.json_record import read_record, read_record_or_set_aside
from game.story.model import Story


def _path() -> Path:
    return user_data_dir() / "endings_seen.json"


def _seen(data: dict[str, Any], story_id: str) -> set[str]:
    seen = data.get(story_id)
    return {item for item in seen if isinstance(item, str)} if isinstance(seen, list) else set()


def endings_seen(story_id: str) -> set[str]:
    """The ids seen; an unreadable record counts as none seen (it is set aside on the next ending, never deleted)."""
    data = read_record(_path())
    return _seen(data, story_id) if data is not None else set()


def remember_ending(story_id: str, ending_id: str) -> None:
    data, _ = read_record_or_set_aside(_path())
    data[story_id] = sorted(_seen(data, story_id) | {ending_id})
    write_atomic(_path(), json.dumps(data, indent=1).encode())


def gallery_lines(story: Story, seen: set[str]) -> list[str]:
    """The endings gallery as lines, for the TUI's screen and plain mode alike: the ones reached by name; the others
    hidden, with the story's hint once a first ending is found (before that a hint would only be noise), and never
    their ids."""
    found = seen & set(story.endings)
    lines = [f"Endings found: {len(found)} of {len(story.endings)}", ""]
    for number, ending in enumerate(story.endings.values(), 1):
        if ending.id in seen:
            lines.append(f"{number}. {ending.title}")
        elif found and ending.hint:
            lines.append(f"{number}. ? ? ?  Hint: {ending.hint}")
        else:
            lines.append(f"{number}. ? ? ?  (not found yet)")
    if not found and any(ending.hint for ending in story.endings.values()):
        lines += ["", "Find a first ending, and the others will have hints."]
    return lines
