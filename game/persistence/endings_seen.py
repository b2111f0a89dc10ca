"""The endings gallery's memory: which endings of which story this player has reached."""

from __future__ import annotations

import json
from pathlib import Path

from game.paths import user_data_dir
from game.persistence.atomic import write_atomic


def _path() -> Path:
    return user_data_dir() / "endings_seen.json"


def endings_seen(story_id: str) -> set[str]:
    """The ids seen; an unreadable record counts as none seen (it is replaced on the next ending, not before)."""
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    seen = data.get(story_id) if isinstance(data, dict) else None
    return {item for item in seen if isinstance(item, str)} if isinstance(seen, list) else set()


def remember_ending(story_id: str, ending_id: str) -> None:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    seen = set(data.get(story_id) or []) if isinstance(data.get(story_id), list) else set()
    seen.add(ending_id)
    data[story_id] = sorted(item for item in seen if isinstance(item, str))
    write_atomic(_path(), json.dumps(data, indent=1).encode())
